import { unzipSync, strFromU8 } from 'fflate';
import { parse } from 'csv-parse/sync';
import { csvField, csvFileNames, neutraliseFormula, renderReportCsvZip, tableToCsv } from './report-csv.renderer';
import { ReportTable } from './report-document.types';
import { buildSalaryReportFixture } from './report.fixtures';

describe('neutraliseFormula', () => {
  it.each([
    ['=HYPERLINK("x","y")', `'=HYPERLINK("x","y")`],
    ['+1', `'+1`],
    ['-5', `'-5`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tcmd', `'\tcmd`],
    ['\rcmd', `'\rcmd`],
    ['ML Engineer', 'ML Engineer'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(neutraliseFormula(input)).toBe(expected);
  });
});

describe('csvField', () => {
  it('writes numbers as plain numerals, never neutralised', () => {
    expect(csvField(-5)).toBe('-5');
    expect(csvField(165000)).toBe('165000');
    expect(csvField(0.125)).toBe('0.125');
    expect(csvField(Number.POSITIVE_INFINITY)).toBe('');
    expect(csvField(null)).toBe('');
  });

  it('quotes per RFC 4180', () => {
    expect(csvField('Dallas, TX')).toBe('"Dallas, TX"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=1+1, really')).toBe(`"'=1+1, really"`);
  });
});

describe('tableToCsv', () => {
  const table: ReportTable = {
    title: 'T',
    columns: [
      { header: 'Skill', format: 'text' },
      { header: '-Growth', format: 'percent' },
    ],
    rows: [
      ['=HYPERLINK("http://evil.example","Click")', -0.05],
      ['Ray, distributed', null],
    ],
  };

  it('has a BOM, CRLF line ends and round-trips through a CSV parser', () => {
    const csv = tableToCsv(table);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(4);
    expect(parse(csv, { bom: true })).toEqual([
      ['Skill', `'-Growth`],
      [`'=HYPERLINK("http://evil.example","Click")`, '-0.05'],
      ['Ray, distributed', ''],
    ]);
  });
});

describe('renderReportCsvZip', () => {
  it('zips one CSV per table under numbered, slugged names', async () => {
    const doc = buildSalaryReportFixture();
    const files = unzipSync(new Uint8Array(await renderReportCsvZip(doc)));
    expect(Object.keys(files).sort()).toEqual(csvFileNames(doc));
    expect(csvFileNames(doc)[0]).toBe('01-salary-percentiles-by-seniority.csv');
    expect(strFromU8(files['01-salary-percentiles-by-seniority.csv'])).toContain('Senior,2914,134000,149000,165000,188000,214000\r\n');
  });

  it('gives identical bytes for the same document', async () => {
    const doc = buildSalaryReportFixture();
    expect((await renderReportCsvZip(doc)).equals(await renderReportCsvZip(doc))).toBe(true);
  });
});
