import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { JsonBody } from './json-body.js';

const Item = z.object({ id: z.string(), count: z.number() });

describe('JsonBody', () => {
  it('holds the JSON of the value itself, as UTF-8 bytes', () => {
    const value = { id: 'mielenterveys – äö', count: 3 };
    const body = JsonBody.of(Item, value);
    expect(body.bytes.equals(Buffer.from(JSON.stringify(value), 'utf8'))).toBe(true);
    expect(body.parse()).toEqual(value);
  });

  it('refuses a value that does not match its contract', () => {
    expect(() => JsonBody.of(Item, { id: 'x', count: 'three' } as unknown as z.output<typeof Item>)).toThrow(/does not match its schema/);
  });
});
