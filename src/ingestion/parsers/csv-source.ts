import { IngestionKind } from '../ingestion.enums';
import { parseUserMapping, ResolvedMapping, resolveUserMapping } from '../mapping/column-mapping';
import { applyPreset, detectPreset, presetByName } from '../mapping/presets';
import { CsvRecord, CsvRecordParser } from './csv-record.parser';
import { decodedChunks } from './decoded-chunks';
import { FileFormatError, SourceRow } from './source-row';

export interface CsvSourceOptions {
  kind: IngestionKind;
  delimiter: string;
  encoding: 'utf8' | 'latin1';
  preset?: string;
  mapping?: unknown;
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
  const parser = new CsvRecordParser(options.delimiter, MAX_RECORD_CHARS);
  let mapping: ResolvedMapping | undefined;
  let width = 0;
  const records: CsvRecord[] = [];

  function* emit(): Generator<SourceRow> {
    for (const record of records) {
      if (record.error) {
        // A broken header cannot be mapped; a broken row is one rejection.
        if (!mapping) throw new FileFormatError('UNREADABLE_HEADER', `the header row is unreadable: ${record.error.message}`);
        yield { line: record.line, pointer: null, rejection: { code: record.error.code, message: record.error.message } };
        continue;
      }
      const values = record.fields!;
      if (!mapping) {
        mapping = resolveMapping(values, options);
        width = values.length;
        continue;
      }
      if (values.length !== width) {
        yield { line: record.line, pointer: null, rejection: { code: 'COLUMN_COUNT', message: `row has ${values.length} columns, header has ${width}` } };
        continue;
      }
      yield { line: record.line, pointer: null, fields: mapRow(values, mapping) };
    }
    records.length = 0;
  }

  for await (const text of decodedChunks(path, options.encoding, options.onBytes)) {
    parser.push(text, records);
    yield* emit();
  }
  parser.end(records);
  yield* emit();
  if (!mapping) throw new FileFormatError('NO_HEADER', 'the CSV file has no header row');
  return mapping;
}
