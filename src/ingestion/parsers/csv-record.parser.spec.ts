import fc from 'fast-check';
import { CsvRecord, CsvRecordParser } from './csv-record.parser';

function parseAll(text: string, chunkSize = text.length || 1, delimiter = ',', max = 1_000_000): CsvRecord[] {
  const parser = new CsvRecordParser(delimiter, max);
  const out: CsvRecord[] = [];
  for (let i = 0; i < text.length; i += chunkSize) parser.push(text.slice(i, i + chunkSize), out);
  parser.end(out);
  return out;
}

describe('CsvRecordParser', () => {
  it.each([
    ['plain', 'a,b,c\n1,2,3\n', [[1, ['a', 'b', 'c']], [2, ['1', '2', '3']]]],
    ['no final newline', 'a,b\n1,2', [[1, ['a', 'b']], [2, ['1', '2']]]],
    ['CRLF', 'a,b\r\n1,2\r\n', [[1, ['a', 'b']], [2, ['1', '2']]]],
    ['lone CR', 'a,b\r1,2\r', [[1, ['a', 'b']], [2, ['1', '2']]]],
    ['BOM', '\uFEFFa,b\n1,2\n', [[1, ['a', 'b']], [2, ['1', '2']]]],
    ['quoted comma and doubled quote', 'a,b\n"x, y","say ""hi"""\n', [[1, ['a', 'b']], [2, ['x, y', 'say "hi"']]]],
    ['newline inside quotes keeps line numbers right', 'a,b\n"multi\nline",2\nz,3\n', [[1, ['a', 'b']], [2, ['multi\nline', '2']], [4, ['z', '3']]]],
    ['empty fields and trailing delimiter', 'a,,c,\n', [[1, ['a', '', 'c', '']]]],
    ['blank lines skipped', 'a\n\n\nb\n', [[1, ['a']], [4, ['b']]]],
    ['empty quoted field', '"",x\n', [[1, ['', 'x']]]],
  ])('%s', (_name, text, expected) => {
    const records = parseAll(text as string);
    expect(records.map((r) => [r.line, r.fields])).toEqual(expected);
    // Any chunking gives the same answer.
    for (const size of [1, 2, 3, 7]) expect(parseAll(text as string, size)).toEqual(records);
  });

  it('supports other delimiters', () => {
    expect(parseAll('a;b;"c;d"\n', undefined, ';')[0].fields).toEqual(['a', 'b', 'c;d']);
    expect(parseAll('a\tb\n', undefined, '\t')[0].fields).toEqual(['a', 'b']);
  });

  it('rejects a record with text after a closing quote and resumes at the next one', () => {
    const records = parseAll('a,b\n"bad"x,1\nok,2\n');
    expect(records[1]).toMatchObject({ line: 2, error: { code: 'MALFORMED_QUOTES' } });
    expect(records[2]).toEqual({ line: 3, fields: ['ok', '2'] });
  });

  it('reports a quote that never closes', () => {
    const records = parseAll('a,b\n"open,1\nmore,2\n');
    expect(records[1]).toMatchObject({ line: 2, error: { code: 'QUOTE_NOT_CLOSED' } });
  });

  it('skips an over-long record without holding it, then goes on', () => {
    const huge = 'x'.repeat(50_000);
    for (const chunk of [1000, 4096, 100_000]) {
      const records = parseAll(`a,b\nbig,${huge}\nafter,1\n`, chunk, ',', 10_000);
      expect(records.map((r) => [r.line, r.error?.code ?? r.fields])).toEqual([
        [1, ['a', 'b']],
        [2, 'RECORD_TOO_LARGE'],
        [3, ['after', '1']],
      ]);
      const quoted = parseAll(`a,b\n"big\n${huge}",1\nafter,1\n`, chunk, ',', 10_000);
      expect(quoted.map((r) => [r.line, r.error?.code ?? r.fields])).toEqual([
        [1, ['a', 'b']],
        [2, 'RECORD_TOO_LARGE'],
        [4, ['after', '1']],
      ]);
    }
  });

  it('round-trips any table written with RFC 4180 quoting, under any chunking (property)', () => {
    const cell = fc.string({ maxLength: 20 }).filter((s) => !s.includes('\r'));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 10 }), fc.integer({ min: 1, max: 50 }), (rows, chunk) => {
        const width = rows[0].length;
        const table = rows.map((r) => [...r, ...Array(width).fill('')].slice(0, width)).filter((r) => r.some((c) => c !== ''));
        const text = table.map((r) => r.map((c) => (/[",\n]/.test(c) || c === '' ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n') + '\n';
        const parsed = parseAll(text, chunk);
        expect(parsed.map((r) => r.fields)).toEqual(table);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary input (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.integer({ min: 1, max: 40 }), (text, chunk) => {
        const records = parseAll(text, chunk, ',', 50);
        for (const r of records) expect(r.fields !== undefined || r.error !== undefined).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
