export type OnetTitleSource = 'occupation' | 'reported' | 'alternate';

const DIACRITICS_RE = /[\u0300-\u036f]/g;
const NON_WORD_RE = /[^a-z0-9+#]+/g;
const NON_ASCII_RE = /[^\x00-\x7f]/;

/** The text both sides of the exact match are reduced to: lower case, ASCII letters, digits, + and #, single spaces. */
export function onetTitleKey(title: string): string {
  let text = title.toLowerCase();
  if (NON_ASCII_RE.test(text)) text = text.normalize('NFD').replace(DIACRITICS_RE, '');
  return text.replace(NON_WORD_RE, ' ').trim();
}
