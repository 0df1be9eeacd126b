import type { z } from 'zod';

/**
 * A response body serialised once, as UTF-8 JSON bytes, and checked against its contract when it
 * was made. A cached result (the public catalogue search) is kept in this form so that every hit
 * is written out as it is, without walking the object again for validation or `JSON.stringify`.
 */
export class JsonBody {
  private constructor(readonly bytes: Buffer) {}

  /** Serialises `value` after checking it against `schema` (throws when it does not match). */
  static of<S extends z.ZodType>(schema: S, value: z.output<S>): JsonBody {
    const check = schema.safeParse(value);
    if (!check.success) throw new Error(`value does not match its schema: ${JSON.stringify(check.error.issues.slice(0, 3))}`);
    return new JsonBody(Buffer.from(JSON.stringify(value), 'utf8'));
  }

  get text(): string {
    return this.bytes.toString('utf8');
  }

  parse(): unknown {
    return JSON.parse(this.text) as unknown;
  }
}
