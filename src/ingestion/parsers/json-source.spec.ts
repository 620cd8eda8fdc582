import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SKILL_TAXONOMY } from '../../reference/skills.data';
import { IngestionKind } from '../ingestion.enums';
import { RawPostingRecord } from '../ingestion.types';
import { normalizePosting, PostingNormalizationContext } from '../normalizers/posting.normalizer';
import { SkillExtractor } from '../normalizers/skill-extractor';
import { readJsonLdRows, readNdjsonRows } from './json-source';
import { FileFormatError, SourceRow } from './source-row';

const dir = mkdtempSync(join(tmpdir(), 'hs-json-source-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let fileNo = 0;
function write(content: string): string {
  const path = join(dir, `f${fileNo++}`);
  writeFileSync(path, content);
  return path;
}

const base = { kind: IngestionKind.POSTINGS, encoding: 'utf8' as BufferEncoding };

async function collect(rows: AsyncGenerator<SourceRow>): Promise<SourceRow[]> {
  const out: SourceRow[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

const readJsonLd = (content: string, html = false) => collect(readJsonLdRows(write(content), { ...base, html }));
const readNdjson = (content: string) => collect(readNdjsonRows(write(content), base));

/** A row carries fields or a coded rejection, never neither. */
function expectWellFormed(rows: SourceRow[]): void {
  for (const row of rows) {
    if (row.rejection) expect(row.rejection.code).toMatch(/^[A-Z_]+$/);
    else expect(row.fields).toBeDefined();
  }
}

/** The whole file is unusable (a typed FileFormatError) or it yields well-formed rows: nothing else escapes. */
async function expectRowsOrFileFormatError(read: () => Promise<SourceRow[]>): Promise<void> {
  try {
    expectWellFormed(await read());
  } catch (error) {
    expect(error).toBeInstanceOf(FileFormatError);
    expect((error as FileFormatError).code).toMatch(/^[A-Z_]+$/);
  }
}

// ------------------------------------------------------------ generated valid JobPostings

const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 .&'-]{0,23}[A-Za-z0-9]$/);
/** Free text with the characters that break naive embedding: quotes, slashes, "</script>", line separators. */
const freeText = fc
  .array(fc.oneof(word, fc.constantFrom('"', '\\', '/', '</script>', '<!--', ']]>', '\u2028', '\u2029', 'é', '漢字', '🙂', '\t')), { minLength: 1, maxLength: 8 })
  .map((parts) => parts.join(' ').trim())
  .filter((s) => s !== '' && !s.includes('<') && !s.includes('&'));
const isoDay = fc.date({ min: new Date(Date.UTC(2015, 0, 1)), max: new Date(Date.UTC(2025, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

const jobPosting = fc.record({
  '@context': fc.constantFrom('https://schema.org/', 'http://schema.org', 'https://schema.org'),
  '@type': fc.constantFrom('JobPosting', 'https://schema.org/JobPosting', ['JobPosting']),
  title: freeText,
  description: freeText,
  datePosted: isoDay,
  identifier: fc.record({ '@type': fc.constant('PropertyValue'), value: word }),
  hiringOrganization: fc.record({ '@type': fc.constant('Organization'), name: word }),
  jobLocation: fc.record({
    '@type': fc.constant('Place'),
    address: fc.record({ '@type': fc.constant('PostalAddress'), addressLocality: word, addressCountry: fc.constantFrom('US', 'DE', 'GB', 'IN', 'FR') }),
  }),
  baseSalary: fc.record({
    '@type': fc.constant('MonetaryAmount'),
    currency: fc.constantFrom('USD', 'EUR', 'GBP'),
    value: fc
      .tuple(fc.integer({ min: 20_000, max: 300_000 }), fc.integer({ min: 0, max: 100_000 }), fc.constantFrom('YEAR', 'MONTH', 'HOUR'))
      .map(([min, spread, unitText]) => ({ '@type': 'QuantitativeValue', minValue: min, maxValue: min + spread, unitText })),
  }),
  employmentType: fc.constantFrom('FULL_TIME', 'PART_TIME', 'CONTRACTOR', ['FULL_TIME', 'CONTRACTOR']),
});

/** How a careful publisher embeds JSON in HTML: "<" escaped, so no string can close the script element. */
const forHtml = (value: unknown) => JSON.stringify(value, null, 1).replace(/</g, '\\u003c');

const context: PostingNormalizationContext = {
  source: 'property-test',
  extractor: new SkillExtractor(SKILL_TAXONOMY),
  skillIds: new Map(),
  outlierBounds: { min: 10_000, max: 2_000_000 },
};

describe('readJsonLdRows / readNdjsonRows', () => {
  it('a generated JobPosting reads the same as a JSON-LD document, an NDJSON line, an @graph and an HTML script block (property)', async () => {
    await fc.assert(
      fc.asyncProperty(jobPosting, fc.array(jobPosting, { maxLength: 3 }), async (posting, others) => {
        const all = [posting, ...others];
        const html = `<!doctype html>\n<html><head>\n${all.map((p) => `<script type="application/ld+json">\n${forHtml(p)}\n</script>`).join('\n<p>between</p>\n')}\n</head></html>`;
        const readings = [
          await readJsonLd(JSON.stringify(all)),
          await readJsonLd(JSON.stringify({ '@context': 'https://schema.org', '@graph': all })),
          await readNdjson(all.map((p) => JSON.stringify(p)).join('\n') + '\n'),
          await readJsonLd(html, true),
        ];
        const fieldsOf = (rows: SourceRow[]) => rows.map((r) => r.fields);
        for (const rows of readings) {
          expect(rows.every((r) => !r.rejection)).toBe(true);
          expect(fieldsOf(rows)).toEqual(fieldsOf(readings[0]));
        }
        // And the mapping keeps what the posting said.
        const first = readings[0][0].fields!;
        expect(first).toMatchObject({
          title: posting.title,
          company: posting.hiringOrganization.name,
          city: posting.jobLocation.address.addressLocality,
          country: posting.jobLocation.address.addressCountry,
          postedAt: posting.datePosted,
          salaryMin: String(posting.baseSalary.value.minValue),
          salaryMax: String(posting.baseSalary.value.maxValue),
          salaryCurrency: posting.baseSalary.currency,
          sourceId: posting.identifier.value,
        });
        // The normalised postings agree too (title family, salary in USD, posting day).
        const normalised = readings.map((rows) => normalizePosting(rows[0].fields as RawPostingRecord, context));
        for (const n of normalised) expect(n).toEqual(normalised[0]);
        expect(normalised[0]).toMatchObject({ ok: true, value: expect.objectContaining({ postedDate: posting.datePosted }) });
      }),
      { numRuns: 60 },
    );
  });

  it('never throws anything but a FileFormatError on arbitrary text, as JSON-LD, NDJSON or HTML (property)', async () => {
    const anyText = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }), fc.json({ maxDepth: 4 }));
    await fc.assert(
      fc.asyncProperty(anyText, async (text) => {
        await expectRowsOrFileFormatError(() => readJsonLd(text));
        await expectRowsOrFileFormatError(() => readJsonLd(text, true));
        await expectRowsOrFileFormatError(() => readNdjson(text));
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on any JSON value, however shaped (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 5 }), async (value) => {
        const json = JSON.stringify(value);
        expectWellFormed(await readJsonLd(json));
        expectWellFormed(await readJsonLd(`<script type="application/ld+json">${json.replace(/</g, '\\u003c')}</script>`, true));
        expectWellFormed(await readNdjson(`${json}\n${json}\n`));
      }),
      { numRuns: 200 },
    );
  });

  it('HTML pages with random script blocks yield rows or coded rejections (property)', async () => {
    const block = fc.oneof(
      jobPosting.map((p) => `<script type="application/ld+json">${forHtml(p)}</script>`),
      fc.json({ maxDepth: 3 }).map((j) => `<script type='application/ld+json'>${j.replace(/</g, '\\u003c')}</script>`),
      fc.string({ maxLength: 40 }).map((s) => `<script type=application/ld+json>${s}</script>`),
      fc.string({ maxLength: 40 }).map((s) => `<script>${s}</script>`),
      fc.string({ maxLength: 40 }),
      fc.constant('<script type="application/ld+json">{"unclosed": true'),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(block, { maxLength: 6 }), async (blocks) => {
        await expectRowsOrFileFormatError(() => readJsonLd(blocks.join('\n'), true));
      }),
      { numRuns: 200 },
    );
  });

  it('rejects a page without ld+json and a broken document with typed errors', async () => {
    await expect(readJsonLd('<html><p>nothing</p></html>', true)).rejects.toMatchObject({ code: 'NO_JSON_LD' });
    await expect(readJsonLd('{"@type": "JobPosting",')).rejects.toMatchObject({ code: 'INVALID_JSON' });
    const rows = await readNdjson('{"@type":"JobPosting","title":"a","description":"b"}\nnot json\n[1,2]\n');
    expect(rows.map((r) => r.rejection?.code ?? 'OK')).toEqual(['OK', 'INVALID_JSON', 'NOT_AN_OBJECT']);
  });

  it('answers deeply nested documents and lines without overflowing the stack', async () => {
    const depth = 200_000;
    const arrays = `${'['.repeat(depth)}{}${']'.repeat(depth)}`;
    const names = `{"@type":"JobPosting","title":"t","description":"d","hiringOrganization":${'{"name":'.repeat(depth)}"x"${'}'.repeat(depth)}}`;
    const graphs = `${'{"@graph":['.repeat(depth)}{}${']}'.repeat(depth)}`;
    for (const doc of [arrays, names, graphs]) {
      await expectRowsOrFileFormatError(() => readJsonLd(doc));
      await expectRowsOrFileFormatError(() => readJsonLd(`<script type="application/ld+json">${doc}</script>`, true));
      expectWellFormed(await readNdjson(`${doc}\n{"@type":"JobPosting","title":"after","description":"d"}\n`));
    }
  });

  it('rejects an over-long NDJSON line on its own and reads the next', async () => {
    const huge = JSON.stringify({ '@type': 'JobPosting', title: 'big', description: 'x'.repeat(2_100_000) });
    const rows = await readNdjson(`${huge}\n{"@type":"JobPosting","title":"after","description":"d"}\n`);
    expect(rows.map((r) => r.rejection?.code ?? r.fields?.title)).toEqual(['RECORD_TOO_LARGE', 'after']);
  });
});
