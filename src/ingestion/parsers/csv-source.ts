import { parse } from 'csv-parse';
import { createReadStream } from 'node:fs';
import { IngestionKind } from '../ingestion.enums';
import { parseUserMapping, ResolvedMapping, resolveUserMapping } from '../mapping/column-mapping';
import { applyPreset, detectPreset, presetByName } from '../mapping/presets';
import { FileFormatError, SourceRow } from './source-row';

export interface CsvSourceOptions {
  kind: IngestionKind;
  delimiter: string;
  encoding: 'utf8' | 'latin1';
  preset?: string;
  mapping?: unknown;
  /** Rows up to and including this line were committed by an earlier attempt: skip them. */
  afterLine?: number;
  onBytes?: (bytes: number) => void;
}

/** A single field larger than this is rejected rather than buffered (a 5 MB cell is not a posting). */
export const MAX_RECORD_CHARS = 1_000_000;

export function resolveMapping(header: string[], options: Pick<CsvSourceOptions, 'kind' | 'preset' | 'mapping'>): ResolvedMapping {
  if (options.mapping !== undefined && options.mapping !== null && options.mapping !== '') {
    return resolveUserMapping(header, parseUserMapping(options.mapping, options.kind));
  }
  if (options.preset) {
    const preset = presetByName(options.preset);
    const { mapping, missing } = applyPreset(header, preset);
    if (!mapping) {
      throw new FileFormatError('UNKNOWN_HEADER', `preset ${preset.name} needs columns for ${missing.join(', ')}; columns found: ${header.join(', ')}`);
    }
    return mapping;
  }
  return detectPreset(header, options.kind);
}

export function mapRow(values: string[], mapping: ResolvedMapping): Record<string, string | undefined> {
  const fields: Record<string, string | undefined> = { ...mapping.constants };
  const { fieldsByIndex } = mapping;
  for (let i = 0; i < fieldsByIndex.length && i < values.length; i++) {
    const field = fieldsByIndex[i];
    if (field !== null) fields[field] = values[i];
  }
  return fields;
}

/** Stream a CSV file as mapped rows with their line numbers; malformed rows come out as rejections. */
export async function* readCsvRows(path: string, options: CsvSourceOptions): AsyncGenerator<SourceRow, ResolvedMapping | undefined> {
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  if (options.onBytes) stream.on('data', (chunk) => options.onBytes!(chunk.length));
  const parser = stream.pipe(
    parse({
      bom: true,
      delimiter: options.delimiter,
      encoding: options.encoding,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      max_record_size: MAX_RECORD_CHARS,
      info: true,
    }),
  );
  const skipped: SourceRow[] = [];
  parser.on('skip', (error: Error & { code?: string; lines?: number }) => {
    skipped.push({
      line: error.lines ?? null,
      pointer: null,
      rejection: { code: error.code ?? 'MALFORMED_CSV', message: `unreadable CSV row: ${error.message}` },
    });
  });
  stream.on('error', (error) => parser.destroy(error));

  let mapping: ResolvedMapping | undefined;
  let width = 0;
  let previousEnd = 0;
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    while (skipped.length) yield skipped.shift()!;
    const line = previousEnd + 1;
    previousEnd = info.lines;
    if (!mapping) {
      mapping = resolveMapping(record, options);
      width = record.length;
      continue;
    }
    if (options.afterLine && line <= options.afterLine) continue;
    if (record.length !== width && !(record.length === 1 && record[0] === '')) {
      yield {
        line,
        pointer: null,
        rejection: { code: 'COLUMN_COUNT', message: `row has ${record.length} columns, header has ${width}` },
      };
      continue;
    }
    yield { line, pointer: null, fields: mapRow(record, mapping) };
  }
  while (skipped.length) yield skipped.shift()!;
  if (!mapping) throw new FileFormatError('NO_HEADER', 'the CSV file has no header row');
  return mapping;
}
