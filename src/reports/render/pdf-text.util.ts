/**
 * The PDF uses the 14 standard fonts (nothing embedded), which only encode Windows-1252. Characters outside it would
 * print as garbage, so they are replaced by ASCII look-alikes or "?".
 */
const REPLACEMENTS: Record<string, string> = {
  '≥': '>=',
  '≤': '<=',
  '≠': '!=',
  '−': '-',
  '→': '->',
  '←': '<-',
  '≈': '~',
  '\u2009': ' ',
  '\u202f': ' ',
  '\u2011': '-',
  '\u2012': '-',
};
const CP1252_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

export function toPdfText(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if ((code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff) || ch === '\n' || CP1252_EXTRAS.has(ch)) out += ch;
    else if (ch === '\t') out += ' ';
    else out += REPLACEMENTS[ch] ?? (code < 0x20 ? '' : '?');
  }
  return out;
}
