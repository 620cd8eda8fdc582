import { copyIntArray, copyNumber, copyText, copyTextArray } from './copy-format';

describe('COPY text encoders', () => {
  it('escapes backslash first, then tab, newline and carriage return', () => {
    expect(copyText('a\\tb')).toBe('a\\\\tb');
    expect(copyText('line 1\r\nline\t2\\')).toBe('line 1\\r\\nline\\t2\\\\');
    expect(copyText('plain text')).toBe('plain text');
  });

  it('writes NULL as \\N and keeps the empty string', () => {
    expect(copyText(null)).toBe('\\N');
    expect(copyText(undefined)).toBe('\\N');
    expect(copyText('')).toBe('');
    expect(copyNumber(Number.NaN)).toBe('\\N');
    expect(copyNumber(12.5)).toBe('12.5');
  });

  it('quotes array elements for both the array literal and the COPY layer', () => {
    expect(copyIntArray([3, 1])).toBe('{3,1}');
    expect(copyTextArray([])).toBe('{}');
    expect(copyTextArray(['c++', 'say "hi"', 'a\\b'])).toBe('{"c++","say \\\\"hi\\\\"","a\\\\\\\\b"}');
  });
});
