import { randomUUID } from 'node:crypto';
import { z } from 'zod';

/**
 * Builds a value that a route's zod schema accepts, from its JSON Schema, so the access matrix can
 * call every client-data route with valid input and reach the access check (not a 400).
 * `full` also fills optional fields and non-empty arrays, for schemas with cross-field rules.
 */
type JsonSchema = {
  type?: string | string[]; properties?: Record<string, JsonSchema>; required?: string[]; items?: JsonSchema; enum?: unknown[]; const?: unknown;
  anyOf?: JsonSchema[]; oneOf?: JsonSchema[]; allOf?: JsonSchema[]; format?: string; pattern?: string; minLength?: number; maxLength?: number;
  minimum?: number; exclusiveMinimum?: number; maximum?: number; minItems?: number; default?: unknown;
};

const PATTERN_CANDIDATES = ['2026-01-01', '186', '02', '2026-01-01T10:00:00+02:00', '10:00', '010101-123N', 'fi', 'abc', 'A1'];

function stringFor(s: JsonSchema): string {
  if (s.format === 'uuid') return randomUUID();
  if (s.format === 'date-time') return '2026-01-01T10:00:00+02:00';
  if (s.format === 'date') return '2026-01-01';
  if (s.format === 'email') return 'testi@example.fi';
  if (s.format === 'uri' || s.format === 'url') return 'https://example.fi';
  if (s.pattern) {
    const re = new RegExp(s.pattern);
    const hit = PATTERN_CANDIDATES.find((c) => re.test(c));
    if (hit) return hit;
  }
  const len = Math.max(s.minLength ?? 0, 12);
  return 'Testiarvo testi'.padEnd(len, 'x').slice(0, Math.min(len, s.maxLength ?? len));
}

function example(s: JsonSchema, full: boolean): unknown {
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  const alt = s.anyOf ?? s.oneOf;
  if (alt) return example(alt.find((a) => a.type !== 'null') ?? alt[0]!, full);
  if (s.allOf) return Object.assign({}, ...s.allOf.map((a) => example(a, full)));
  const type = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, prop] of Object.entries(s.properties ?? {})) {
        if (full || s.required?.includes(key)) out[key] = example(prop, full);
      }
      return out;
    }
    case 'array':
      return Array.from({ length: Math.max(s.minItems ?? 0, full ? 1 : 0) }, () => example(s.items ?? { type: 'string' }, full));
    case 'string':
      return stringFor(s);
    case 'integer':
    case 'number':
      return Math.max(s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 1), 1) <= (s.maximum ?? Infinity)
        ? Math.max(s.minimum ?? 1, 1)
        : (s.minimum ?? 0);
    case 'boolean':
      return false;
    default:
      return s.default ?? null;
  }
}

/** A valid value for the schema, or undefined when neither the minimal nor the full example parses. */
export function validExample(schema: z.ZodType | undefined): { value: unknown } | undefined {
  if (!schema) return { value: undefined };
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  for (const full of [false, true]) {
    const value = example(json, full);
    if (schema.safeParse(value).success) return { value };
  }
  return undefined;
}
