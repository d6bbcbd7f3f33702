/**
 * Reads a bill from a byte stream line by line (node:readline), feeding the
 * parser as it goes and hashing the exact bytes, so a bill of any size costs
 * one line of memory and its SHA-1 is checked against what the institution
 * announced when the download was applied for.
 */
import { createHash } from 'node:crypto';
import { createInterface } from 'node:readline';
import { Readable, Transform } from 'node:stream';
import { BillFormatError, BillParser, type BillRow, type BillSummary } from './bill-parse';

export interface BillRead {
  summary: BillSummary;
  rows: number;
  sha1: string;
}

export async function readBill(
  input: Readable,
  onRow: (r: BillRow) => void,
  expectSha1: string | null,
): Promise<BillRead> {
  const hash = createHash('sha1');
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  input.on('error', (e) => tap.destroy(e));
  const lines = createInterface({ input: input.pipe(tap), crlfDelay: Infinity });
  const parser = new BillParser(onRow);
  for await (const line of lines) parser.push(line);
  const summary = parser.end();
  const sha1 = hash.digest('hex');
  if (expectSha1 !== null && sha1 !== expectSha1.toLowerCase())
    throw new BillFormatError(`bill SHA-1 ${sha1} is not the announced ${expectSha1}`);
  return { summary, rows: parser.rows, sha1 };
}

export function billFromText(text: string): Readable {
  return Readable.from([Buffer.from(text, 'utf8')]);
}
