import { describe, expect, it } from 'vitest';
import { periodKey, retryDelayMs, shouldRetry } from './jobs.rules.js';

describe('job runner rules', () => {
  it('backs off exponentially up to a ceiling', () => {
    expect([1, 2, 3].map((a) => retryDelayMs(a))).toEqual([30_000, 60_000, 120_000]);
    expect(retryDelayMs(20)).toBe(3_600_000);
  });
  it('retries until max attempts', () => {
    expect(shouldRetry(1, 3)).toBe(true);
    expect(shouldRetry(3, 3)).toBe(false);
  });
  it('gives the same key for every moment of one period', () => {
    expect(periodKey(new Date('2026-11-22T08:01:00Z'), 900_000)).toBe(periodKey(new Date('2026-11-22T08:14:59Z'), 900_000));
    expect(periodKey(new Date('2026-11-22T08:15:00Z'), 900_000)).not.toBe(periodKey(new Date('2026-11-22T08:14:59Z'), 900_000));
  });
});
