import { open } from 'node:fs/promises';
import { IngestionFormat } from '../ingestion.enums';
import { FileFormatError } from './source-row';

const SNIFF_BYTES = 64 * 1024;

/** The first `bytes` bytes of a file (fewer if it is shorter). */
export async function readFileHead(path: string, bytes: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export interface FileSniff {
  format: IngestionFormat;
  encoding: 'utf8' | 'latin1';
  delimiter: string;
}

/**
 * Look at the first 64 KB: refuse binaries, pick the text encoding, confirm or infer the format and
 * the CSV delimiter. Cheap, and it turns "a PNG renamed .csv" into one clear error.
 */
export async function sniffFile(path: string, declared: IngestionFormat | undefined): Promise<FileSniff> {
  const head = await readFileHead(path, SNIFF_BYTES);
  if (head.length === 0) throw new FileFormatError('EMPTY_FILE', 'the file is empty');
  const nul = head.indexOf(0);
  if (nul >= 0) {
    throw new FileFormatError('BINARY_FILE', `the file looks binary (NUL byte at offset ${nul}); expected text (CSV, JSON-LD, NDJSON or HTML)`);
  }
  const encoding = isValidUtf8Prefix(head) ? 'utf8' : 'latin1';
  const text = head.toString(encoding).replace(/^\uFEFF/, '');
  const trimmed = text.trimStart();
  const inferred: IngestionFormat = /^<(!doctype|html|head|body|script|meta)/i.test(trimmed)
    ? IngestionFormat.HTML
    : trimmed.startsWith('[')
      ? IngestionFormat.JSONLD
      : trimmed.startsWith('{')
        ? looksLikeNdjson(trimmed) ? IngestionFormat.NDJSON : IngestionFormat.JSONLD
        : IngestionFormat.CSV;
  const format = declared ?? inferred;
  return { format, encoding, delimiter: format === IngestionFormat.CSV ? detectDelimiter(text) : ',' };
}

function looksLikeNdjson(text: string): boolean {
  const firstLine = text.split('\n', 1)[0].trim();
  if (!firstLine.endsWith('}')) return false;
  try {
    JSON.parse(firstLine);
    return text.length > firstLine.length + 1;
  } catch {
    return false;
  }
}

/** The candidate that splits the header line most (outside quotes) wins; ties go to the comma. */
export function detectDelimiter(text: string): string {
  const candidates = [',', ';', '\t', '|'];
  const counts = new Map(candidates.map((c) => [c, 0]));
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const c of candidates) if (counts.get(c)! > counts.get(best)!) best = c;
  return best;
}

/** Valid UTF-8, allowing a multi-byte sequence cut off at the end of the sample. */
function isValidUtf8Prefix(buffer: Buffer): boolean {
  let end = buffer.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const byte = buffer[end - back];
    if ((byte & 0xc0) === 0xc0) {
      end -= back;
      break;
    }
    if ((byte & 0x80) === 0) break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}
