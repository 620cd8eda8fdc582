import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { copyField, copyLines, inSnapshot } from './copy-snapshot';
import { Dictionary } from './fact-columns';
import { FreshRead } from './fresh-read';
import { compareKeys } from './facts-view';

/** Survey columns a filter or a distribution reads; single-valued ones are dictionary-encoded. */
export const SURVEY_FIELDS = [
  'role_family', 'seniority', 'country', 'region', 'industry', 'remote_type', 'employment_type', 'company_size',
  'experience_level', 'education', 'satisfaction', 'gender', 'age_group',
] as const;
export type SurveyField = (typeof SURVEY_FIELDS)[number];
export const SURVEY_LISTS = ['languages', 'certifications'] as const;
export type SurveyList = (typeof SURVEY_LISTS)[number];

export interface SurveyFilter {
  fromYear?: number;
  toYear?: number;
  fields: Partial<Record<SurveyField, string[]>>;
}

class SurveyColumns {
  length = 0;
  year: number[] = [];
  readonly codes: number[][] = SURVEY_FIELDS.map(() => []);
  readonly dictionaries = SURVEY_FIELDS.map(() => new Dictionary());
  readonly lists = SURVEY_LISTS.map(() => ({ start: [0] as number[], values: [] as number[], dictionary: new Dictionary() }));
}

/**
 * survey_responses in memory for survey distributions (a few MB for 200k respondents), reloaded whole
 * when `analytics_data_version.survey_version` (bumped by trigger with every change) has moved, so
 * answers are those of the committed data. SQL answers while it loads and when ANALYTICS_IN_MEMORY=false.
 */
@Injectable()
export class SurveyFactsMemoryService {
  private readonly logger = new Logger(SurveyFactsMemoryService.name);
  private columns: SurveyColumns | null = null;
  private version: string | null = null;
  private loading: Promise<void> | null = null;
  /** The committed survey version, read after the caller arrived (reads shared between concurrent queries). */
  private readonly committedVersion = new FreshRead(async () => {
    const [{ version }] = await this.db.query('SELECT survey_version::text AS version FROM analytics_data_version');
    return version as string;
  });

  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Columns at the latest committed version, or null (answer in SQL) while the first load runs. */
  async current(): Promise<SurveyColumns | null> {
    if (!this.config.analyticsInMemory) return null;
    const version = await this.committedVersion.get();
    if (version === this.version && this.columns) return this.columns;
    if (!this.columns) {
      this.loading ??= this.load().finally(() => (this.loading = null));
      void this.loading.catch((error) => this.logger.warn(`in-memory survey data unavailable, answering in SQL: ${(error as Error).message}`));
      return null;
    }
    // Changed since the last load: reload (queries arriving meanwhile share it) and answer from it.
    while (this.version !== version && BigInt(this.version!) < BigInt(version)) {
      this.loading ??= this.load().finally(() => (this.loading = null));
      await this.loading;
    }
    return this.columns;
  }

  /** Resolves when a first load is done (tests wait on it). */
  async ready(): Promise<void> {
    if (!this.columns) await (this.loading ??= this.load().finally(() => (this.loading = null)));
  }

  /** Respondents under the filter, how many answered, and the count per answer (most first, then the answer's text). */
  distribution(columns: SurveyColumns, filter: SurveyFilter, field: SurveyField | SurveyList): { respondents: number; answered: number; buckets: Array<{ key: string; count: number }> } {
    const allowed = SURVEY_FIELDS.map((name, i) => {
      const values = filter.fields[name];
      if (!values || values.length === 0) return null;
      const table = new Uint8Array(columns.dictionaries[i].values.length);
      for (const v of values) {
        const code = columns.dictionaries[i].find(v);
        if (code >= 0) table[code] = 1;
      }
      return table;
    });
    const listIndex = (SURVEY_LISTS as readonly string[]).indexOf(field);
    const fieldIndex = (SURVEY_FIELDS as readonly string[]).indexOf(field);
    const dictionary = listIndex >= 0 ? columns.lists[listIndex].dictionary : columns.dictionaries[fieldIndex];
    const counts = new Float64Array(dictionary.values.length);
    let respondents = 0;
    let answered = 0;
    rows: for (let r = 0; r < columns.length; r++) {
      const year = columns.year[r];
      if ((filter.fromYear !== undefined && year < filter.fromYear) || (filter.toYear !== undefined && year > filter.toYear)) continue;
      for (let i = 0; i < allowed.length; i++) if (allowed[i] && !allowed[i]![columns.codes[i][r]]) continue rows;
      respondents++;
      if (listIndex >= 0) {
        const list = columns.lists[listIndex];
        if (list.start[r + 1] > list.start[r]) answered++;
        for (let k = list.start[r]; k < list.start[r + 1]; k++) counts[list.values[k]]++;
      } else {
        const code = columns.codes[fieldIndex][r];
        if (code !== 0) {
          answered++;
          counts[code]++;
        }
      }
    }
    const buckets: Array<{ key: string; count: number }> = [];
    counts.forEach((count, code) => {
      if (count > 0) buckets.push({ key: dictionary.values[code]!, count });
    });
    buckets.sort((a, b) => b.count - a.count || compareKeys(a.key, b.key));
    return { respondents, answered, buckets };
  }

  private async load(): Promise<void> {
    await inSnapshot(this.db, async (client) => {
      const version: string = (await client.query('SELECT survey_version::text AS version FROM analytics_data_version')).rows[0].version;
      const columns = new SurveyColumns();
      const select = `SELECT year, ${SURVEY_FIELDS.join(', ')}, ${SURVEY_LISTS.join(', ')} FROM survey_responses ORDER BY id`;
      await copyLines(client, select, (line) => appendSurveyRow(columns, line));
      this.columns = columns;
      this.version = version;
    });
  }
}

function appendSurveyRow(columns: SurveyColumns, line: string): void {
  const f = line.split('\t');
  columns.year.push(Number(f[0]));
  for (let i = 0; i < SURVEY_FIELDS.length; i++) columns.codes[i].push(columns.dictionaries[i].code(copyField(f[1 + i])));
  for (let i = 0; i < SURVEY_LISTS.length; i++) {
    const list = columns.lists[i];
    for (const value of parseTextArray(copyField(f[1 + SURVEY_FIELDS.length + i]) ?? '{}')) list.values.push(list.dictionary.code(value));
    list.start.push(list.values.length);
  }
  columns.length++;
}

/** A one-dimensional Postgres text[] literal: {a,"b c","d\"e",NULL}. */
export function parseTextArray(literal: string): string[] {
  const out: string[] = [];
  let i = 1;
  while (i < literal.length - 1) {
    let value = '';
    if (literal[i] === '"') {
      i++;
      while (i < literal.length && literal[i] !== '"') {
        if (literal[i] === '\\') i++;
        value += literal[i++];
      }
      i++; // closing quote
      out.push(value);
    } else {
      const end = literal.indexOf(',', i);
      const stop = end < 0 ? literal.length - 1 : end;
      value = literal.slice(i, stop);
      if (value !== 'NULL') out.push(value);
      i = stop;
    }
    if (literal[i] === ',') i++;
  }
  return out;
}
