import { Readable } from 'node:stream';
import { readFile, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { IngestionKind } from '../ingestion.enums';
import { normalizeHeader, ResolvedMapping } from '../mapping/column-mapping';
import { mapRow, resolveMapping } from './csv-source';
import { decodedChunks } from './decoded-chunks';
import { extractJsonLdScripts, jsonLdItems, mapJobPosting } from './job-posting-jsonld';
import { FileFormatError, SourceRow } from './source-row';

/** Whole JSON-LD documents are parsed in memory; beyond this, NDJSON streams. */
export const MAX_JSON_DOCUMENT_BYTES = 64 * 1024 * 1024;
const MAX_NDJSON_LINE_CHARS = 2_000_000;

interface JsonSourceOptions {
  kind: IngestionKind;
  preset?: string;
  mapping?: unknown;
  afterLine?: number;
  onBytes?: (bytes: number) => void;
}

/**
 * Turn one JSON value into a mapped row. Postings may be schema.org JobPosting objects or flat
 * objects; other kinds are flat objects whose keys go through the same presets as CSV headers.
 */
function objectToRow(value: unknown, kind: IngestionKind, options: JsonSourceOptions, cache: Map<string, ResolvedMapping>): Pick<SourceRow, 'fields' | 'rejection'> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { rejection: { code: 'NOT_AN_OBJECT', message: 'expected a JSON object' } };
  }
  const object = value as Record<string, unknown>;
  if (kind === IngestionKind.POSTINGS && ('@type' in object || '@context' in object)) {
    const mapped = mapJobPosting(object as never);
    return mapped.ok ? { fields: mapped.record as Record<string, string | undefined> } : { rejection: { code: mapped.code, message: mapped.message } };
  }
  const keys = Object.keys(object);
  const cacheKey = keys.map(normalizeHeader).join('|');
  let mapping = cache.get(cacheKey);
  if (!mapping) {
    try {
      mapping = resolveMapping(keys, options);
    } catch (error) {
      return { rejection: { code: 'UNKNOWN_FIELDS', message: (error as Error).message } };
    }
    cache.set(cacheKey, mapping);
  }
  const values = keys.map((key) => {
    const v = object[key];
    if (v === null || v === undefined) return '';
    if (Array.isArray(v)) return v.join(';');
    return typeof v === 'object' ? JSON.stringify(v) : String(v);
  });
  return { fields: mapRow(values, mapping) };
}

function describeJsonError(error: Error, text: string): string {
  const position = /position (\d+)/.exec(error.message);
  if (!position) return error.message;
  const before = text.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  return `${error.message.replace(/ in JSON at position \d+.*/, '')} at line ${line}, column ${Number(position[1]) - before.lastIndexOf('\n')}`;
}

/** A JSON-LD document (object, array or @graph) or an HTML page with ld+json script blocks. */
export async function* readJsonLdRows(path: string, options: JsonSourceOptions & { html: boolean; encoding: BufferEncoding }): AsyncGenerator<SourceRow> {
  const { size } = await stat(path);
  if (size > MAX_JSON_DOCUMENT_BYTES) {
    throw new FileFormatError('DOCUMENT_TOO_LARGE', `JSON-LD document is ${size} bytes; above ${MAX_JSON_DOCUMENT_BYTES} bytes send NDJSON (one object per line)`);
  }
  const text = (await readFile(path, options.encoding)).replace(/^\uFEFF/, '');
  options.onBytes?.(size);
  const blocks = options.html ? extractJsonLdScripts(text) : [{ line: 1, json: text }];
  if (options.html && blocks.length === 0) throw new FileFormatError('NO_JSON_LD', 'the HTML page has no <script type="application/ld+json"> block');
  const cache = new Map<string, ResolvedMapping>();
  for (const [blockIndex, block] of blocks.entries()) {
    let document: unknown;
    try {
      document = JSON.parse(block.json);
    } catch (error) {
      const message = `invalid JSON: ${describeJsonError(error as Error, block.json)}`;
      if (!options.html) throw new FileFormatError('INVALID_JSON', message);
      yield { line: block.line, pointer: `/script/${blockIndex}`, rejection: { code: 'INVALID_JSON', message } };
      continue;
    }
    const base = options.html ? `/script/${blockIndex}` : '';
    for (const item of jsonLdItems(document as never, base)) {
      yield { line: options.html ? block.line : null, pointer: item.pointer, ...objectToRow(item.value, options.kind, options, cache) };
    }
  }
}

/** One JSON object per line; a bad line is rejected on its own, the rest goes on. */
export async function* readNdjsonRows(path: string, options: JsonSourceOptions & { encoding: 'utf8' | 'latin1' }): AsyncGenerator<SourceRow> {
  const lines = createInterface({ input: Readable.from(decodedChunks(path, options.encoding, options.onBytes)), crlfDelay: Infinity });
  const cache = new Map<string, ResolvedMapping>();
  let line = 0;
  for await (const raw of lines) {
    line++;
    if (options.afterLine && line <= options.afterLine) continue;
    const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (text.trim() === '') continue;
    if (text.length > MAX_NDJSON_LINE_CHARS) {
      yield { line, pointer: null, rejection: { code: 'RECORD_TOO_LARGE', message: `line is ${text.length} characters; the limit is ${MAX_NDJSON_LINE_CHARS}` } };
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      yield { line, pointer: null, rejection: { code: 'INVALID_JSON', message: `invalid JSON: ${(error as Error).message}` } };
      continue;
    }
    yield { line, pointer: null, ...objectToRow(value, options.kind, options, cache) };
  }
}
