import fc from 'fast-check';
import { extractJsonLdScripts, JobPostingMapping, jsonLdItems, mapJobPosting } from './job-posting-jsonld';

type Json = Parameters<typeof mapJobPosting>[0];

const CODE = /^[A-Z_]+$/;

/** A mapping is either a record of strings (or absent fields) or a typed refusal. */
function expectWellFormed(result: JobPostingMapping): void {
  if (result.ok) {
    expect(typeof result.record.title).toBe('string');
    for (const value of Object.values(result.record)) expect(value === undefined || typeof value === 'string').toBe(true);
  } else {
    expect(result.code).toMatch(CODE);
    expect(typeof result.message).toBe('string');
  }
}

/** Nest a value `depth` levels deep, without recursion (fast-check cannot build 100k levels). */
function nest(depth: number, wrap: (inner: Json) => Json, leaf: Json): Json {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = wrap(value);
  return value;
}

const anyJson = fc.jsonValue({ maxDepth: 6 }) as fc.Arbitrary<Json>;
const posting = (extra: Record<string, Json>): Json => ({ '@context': 'https://schema.org/', '@type': 'JobPosting', title: 'ML Engineer', ...extra });

describe('mapJobPosting', () => {
  it('maps a complete JobPosting', () => {
    const result = mapJobPosting(posting({
      identifier: { '@type': 'PropertyValue', name: 'Acme', value: 'A-17' },
      hiringOrganization: { '@type': 'Organization', name: 'Acme' },
      jobLocation: { '@type': 'Place', address: { addressLocality: 'Berlin', addressCountry: 'DE' } },
      baseSalary: { '@type': 'MonetaryAmount', currency: 'EUR', value: { '@type': 'QuantitativeValue', minValue: 70000, maxValue: 90000, unitText: 'YEAR' } },
      datePosted: '2025-03-01',
      description: '<p>Build <b>models</b></p>',
    }));
    expect(result).toEqual({
      ok: true,
      record: expect.objectContaining({
        sourceId: 'A-17', title: 'ML Engineer', company: 'Acme', location: 'Berlin, DE', city: 'Berlin', country: 'DE',
        salaryMin: '70000', salaryMax: '90000', salaryCurrency: 'EUR', salaryPeriod: 'YEAR', postedAt: '2025-03-01', description: 'Build models',
      }),
    });
  });

  it.each<[string, Json, string]>([
    ['an array', [], 'NOT_AN_OBJECT'],
    ['a string', 'JobPosting', 'NOT_AN_OBJECT'],
    ['another vocabulary', { '@context': 'https://example.org', '@type': 'JobPosting', title: 'x', description: 'y' }, 'UNSUPPORTED_CONTEXT'],
    ['another type', { '@context': 'https://schema.org', '@type': 'Person', name: 'x' }, 'NOT_A_JOB_POSTING'],
    ['no title', { '@type': 'JobPosting', description: 'y' }, 'TITLE_MISSING'],
    ['a title alone', { '@type': 'JobPosting', title: 'x' }, 'INSUFFICIENT_CONTENT'],
  ])('refuses %s with a code', (_name, value, code) => {
    expect(mapJobPosting(value)).toMatchObject({ ok: false, code });
  });

  it('never throws on any JSON value, and answers a record or a code (property)', () => {
    fc.assert(fc.property(anyJson, (value) => expectWellFormed(mapJobPosting(value))), { numRuns: 1000 });
  });

  it('never throws when any field of a JobPosting has the wrong type (property)', () => {
    const fields = ['title', 'name', 'baseSalary', 'estimatedSalary', 'jobLocation', 'datePosted', 'hiringOrganization', 'identifier', 'description',
      'experienceRequirements', 'applicantLocationRequirements', 'jobLocationType', 'salaryCurrency', 'skills', '@type', '@context', 'url', 'qualifications'];
    const wrongTyped = fc.dictionary(fc.constantFrom(...fields), anyJson, { maxKeys: 8 });
    // Nested shapes the mapper digs into, with wrong types at the leaves.
    const nestedWrong = fc.record({
      baseSalary: fc.oneof(anyJson, fc.record({ currency: anyJson, unitText: anyJson, value: fc.oneof(anyJson, fc.record({ minValue: anyJson, maxValue: anyJson, value: anyJson, unitText: anyJson })) })),
      jobLocation: fc.oneof(anyJson, fc.array(fc.record({ name: anyJson, address: fc.oneof(anyJson, fc.record({ addressLocality: anyJson, addressRegion: anyJson, addressCountry: anyJson })) }), { maxLength: 3 })),
      datePosted: anyJson,
      experienceRequirements: fc.oneof(anyJson, fc.record({ monthsOfExperience: anyJson })),
    }, { requiredKeys: [] });
    fc.assert(
      fc.property(wrongTyped, nestedWrong, (a, b) => {
        const value = posting({ description: 'text', ...(a as Record<string, Json>), ...(b as Record<string, Json>) });
        expectWellFormed(mapJobPosting(value));
      }),
      { numRuns: 1000 },
    );
  });

  it('answers deeply nested values without overflowing the stack', () => {
    for (const depth of [1_000, 100_000]) {
      const deepName = nest(depth, (inner) => ({ name: inner }), 'Acme');
      const deepArray = nest(depth, (inner) => [inner], 'x');
      for (const field of ['hiringOrganization', 'title', 'skills', 'jobLocation', 'baseSalary']) {
        expectWellFormed(mapJobPosting(posting({ description: 'd', [field]: deepName })));
        expectWellFormed(mapJobPosting(posting({ description: 'd', [field]: deepArray })));
      }
    }
  });

  it('handles huge strings quickly', () => {
    const big = 'x'.repeat(5_000_000);
    const tags = '<b>'.repeat(500_000);
    const started = Date.now();
    for (const description of [big, tags, `<${big}`, '&amp;'.repeat(500_000)]) {
      expectWellFormed(mapJobPosting(posting({ description, datePosted: big, baseSalary: big })));
    }
    expect(Date.now() - started).toBeLessThan(3000);
  });
});

describe('jsonLdItems', () => {
  it('flattens arrays and @graph into pointers', () => {
    expect(jsonLdItems({ '@graph': [{ a: 1 }, [{ b: 2 }]] } as Json)).toEqual([
      { pointer: '/@graph/0', value: { a: 1 } },
      { pointer: '/@graph/1', value: [{ b: 2 }] },
    ]);
    expect(jsonLdItems([{ a: 1 }, [{ b: 2 }]] as Json)).toEqual([
      { pointer: '/0', value: { a: 1 } },
      { pointer: '/1/0', value: { b: 2 } },
    ]);
  });

  it('never throws, and every item maps to a record or a code (property)', () => {
    const graph = fc.letrec<{ doc: Json }>((tie) => ({
      doc: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        anyJson,
        fc.array(tie('doc'), { maxLength: 4 }) as fc.Arbitrary<Json>,
        fc.record({ '@graph': fc.array(tie('doc'), { maxLength: 4 }) }) as fc.Arbitrary<Json>,
      ),
    })).doc;
    fc.assert(
      fc.property(graph, (doc) => {
        for (const item of jsonLdItems(doc)) {
          expect(item.pointer.startsWith('/')).toBe(true);
          expectWellFormed(mapJobPosting(item.value));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('survives deeply nested arrays and @graphs', () => {
    for (const depth of [1_000, 100_000]) {
      const arrays = nest(depth, (inner) => [inner], posting({ description: 'd' }));
      const graphs = nest(depth, (inner) => ({ '@graph': [inner] }), posting({ description: 'd' }));
      for (const doc of [arrays, graphs]) {
        const items = jsonLdItems(doc);
        for (const item of items) expectWellFormed(mapJobPosting(item.value));
      }
    }
  });
});

/** The former one-regex extractor (quadratic on unclosed tags): the linear scan must find exactly what it found. */
function extractWithOneRegex(html: string): Array<{ line: number; json: string }> {
  const pattern = /<script\b[^>]*type\s*=\s*["']?application\/ld\+json["']?[^>]*>([\s\S]*?)<\/script\s*>/gi;
  return [...html.matchAll(pattern)].map((match) => ({
    line: html.slice(0, match.index).split('\n').length,
    json: match[1].replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, ''),
  }));
}

describe('extractJsonLdScripts', () => {
  it('finds ld+json blocks with their line, in any quoting and case', () => {
    const html = `<html>\n<script type="application/ld+json">{"a":1}</script>\n<SCRIPT TYPE='application/ld+json' id=x>\n<![CDATA[{"b":2}]]>\n</script >\n<script type=application/ld+json>[]</script>\n<script>{"c":3}</script>`;
    expect(extractJsonLdScripts(html)).toEqual([
      { line: 2, json: '{"a":1}' },
      { line: 3, json: '{"b":2}' },
      { line: 6, json: '[]' },
    ]);
  });

  it('never throws on arbitrary HTML with random script blocks, and every block is text between its tags (property)', () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom('<script type="application/ld+json">', '<script type=application/ld+json>', "<script type='application/ld+json' async>",
        '<script>', '</script>', '</script >', '<![CDATA[', ']]>', '\n', '<p>', '{"@type":"JobPosting","title":"t","description":"d"}'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const html = pieces.join('');
        const lines = html.split('\n').length;
        const blocks = extractJsonLdScripts(html);
        for (const block of blocks) {
          expect(block.line).toBeGreaterThanOrEqual(1);
          expect(block.line).toBeLessThanOrEqual(lines);
          expect(html.includes(block.json)).toBe(true);
        }
        expect(blocks).toEqual(extractWithOneRegex(html));
      }),
      { numRuns: 1000 },
    );
  });

  it('stays fast on huge pages: many blocks, and script tags that never close', () => {
    const started = Date.now();
    const many = Array.from({ length: 20_000 }, (_, i) => `<p>${i}</p>\n<script type="application/ld+json">{"i":${i}}</script>\n`).join('');
    expect(extractJsonLdScripts(many)).toHaveLength(20_000);
    const unclosed = '<script type="application/ld+json">{}\n'.repeat(20_000);
    expect(extractJsonLdScripts(unclosed)).toEqual([]);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
