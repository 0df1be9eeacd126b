import { protocol, type PGlite, type Results } from '@electric-sql/pglite';

type Parsers = PGlite['parsers'];

/**
 * Runs protocol messages on PGlite and reads the answer with a parser of our own: the same `Results` as
 * PGlite's `execProtocol` + `parseResults`, and on an error the same `DatabaseError` it throws.
 *
 * Why (docs/performance.md, issue 11): PGlite parses every backend message into an object as the
 * backend writes it (each field copied out with `ArrayBuffer.slice` and decoded on its own), then
 * `parseResults` builds rows from those objects with `Object.fromEntries`. Profiled under the bench
 * load that was ≈ 15 % of the server's CPU on PGlite, more than Fastify and Kysely together. Here the
 * answer is collected as bytes and read once: fields are decoded straight from the buffer, rows built
 * with the same type parsers (`pg.parsers`, array types included) and the same key order. Only the
 * messages a query answers with are read; an ErrorResponse hands the whole answer to PGlite's own
 * protocol parser so the error is exactly PGlite's. Notices are dropped as PGlite does without `debug`;
 * the application listens to no notifications.
 */
export async function execWire(pg: PGlite, message: Uint8Array): Promise<Results[]> {
  const chunks: Uint8Array[] = [];
  // A view into WebAssembly memory, reused by the next write: copied at once.
  await pg.execProtocolRawStream(message, { onRawData: (bytes) => void chunks.push(bytes.slice()) });
  const data = chunks.length === 1 ? chunks[0]! : concatBytes(chunks);
  return readResults(data, pg.parsers);
}

/** The answer's result sets, as PGlite's `parseResults` builds them (affectedRows summed over the answer). */
export function readResults(data: Uint8Array, parsers: Parsers): Results[] {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const results: Results[] = [];
  let fields: { name: string; dataTypeID: number }[] = [];
  let rows: Record<string, unknown>[] = [];
  let fieldParsers: ((x: string, typeId?: number) => unknown)[] = [];
  let plainKeys = true;
  let affectedRows = 0;
  let at = 0;
  while (at + 5 <= buf.length) {
    const code = buf[at]!;
    const end = at + 1 + buf.readInt32BE(at + 1);
    let p = at + 5;
    switch (code) {
      case 0x54: {
        // 'T' RowDescription
        const count = buf.readInt16BE(p);
        p += 2;
        fields = new Array(count);
        fieldParsers = new Array(count);
        plainKeys = true;
        for (let i = 0; i < count; i++) {
          const zero = buf.indexOf(0, p);
          const name = text(buf, p, zero);
          p = zero + 1 + 6; // table oid, column number
          const dataTypeID = buf.readInt32BE(p);
          p += 4 + 2 + 4 + 2; // type oid, size, modifier, format
          fields[i] = { name, dataTypeID };
          fieldParsers[i] = parsers[dataTypeID] ?? ((x: string) => x);
          if (name === '__proto__') plainKeys = false;
        }
        break;
      }
      case 0x44: {
        // 'D' DataRow
        const count = buf.readInt16BE(p);
        p += 2;
        const row: Record<string, unknown> = {};
        const entries: [string, unknown][] | null = plainKeys ? null : [];
        for (let i = 0; i < count; i++) {
          const length = buf.readInt32BE(p);
          p += 4;
          let value: unknown = null;
          if (length >= 0) {
            const field = fields[i]!;
            value = fieldParsers[i]!(text(buf, p, p + length), field.dataTypeID);
            p += length;
          }
          if (entries) entries.push([fields[i]!.name, value]);
          else row[fields[i]!.name] = value;
        }
        rows.push(entries ? Object.fromEntries(entries) : row);
        break;
      }
      case 0x43: {
        // 'C' CommandComplete
        const tag = text(buf, p, buf.indexOf(0, p));
        const parts = tag.split(' ');
        const command = parts[0]!;
        const rowCount = parseInt(parts[parts.length - 1]!, 10);
        if (command === 'INSERT' || command === 'UPDATE' || command === 'DELETE' || command === 'COPY' || command === 'MERGE') affectedRows += rowCount;
        const result: Results & { command: string } = { rows, fields, command, affectedRows };
        if (!Number.isNaN(rowCount)) (result as { rowCount?: number }).rowCount = rowCount;
        results.push(result);
        rows = [];
        fields = [];
        break;
      }
      case 0x45:
        // 'E' ErrorResponse: PGlite's own error object, as execProtocol throws it.
        throw databaseError(data);
      default:
        break;
    }
    at = end;
  }
  if (results.length === 0) results.push({ affectedRows: 0, rows: [], fields: [] });
  return results;
}

/** UTF-8 text of a field. PGlite decodes with TextDecoder, which drops a leading byte-order mark: the same here. */
function text(buf: Buffer, start: number, end: number): string {
  const s = buf.toString('utf8', start, end);
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

function databaseError(data: Uint8Array): Error {
  let error: Error | null = null;
  new protocol.Parser().parse(data, (message) => {
    if (!error && message instanceof protocol.messages.DatabaseError) error = message;
  });
  return error ?? new Error('PGlite: error response could not be read');
}

export function concatBytes(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
