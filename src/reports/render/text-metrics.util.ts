/**
 * Text widths in the PDF standard fonts (Helvetica, Helvetica-Bold; Arial has the same metrics in browsers), so chart
 * layout can reserve room for labels without a canvas. Advance widths per 1000 em for ASCII 32–126, from the AFM files
 * shipped with pdfkit; other characters use the width of a digit.
 */
const HELVETICA = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 222, 556, 556, 500, 556, 556, 278, 556,
  556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
const HELVETICA_BOLD = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, 278, 556, 611, 556, 611, 556, 333, 611,
  611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];
const FALLBACK_WIDTH = 556;

export function textWidth(text: string, fontSize: number, bold = false): number {
  const widths = bold ? HELVETICA_BOLD : HELVETICA;
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    total += code >= 32 && code <= 126 ? widths[code - 32] : FALLBACK_WIDTH;
  }
  return (total * fontSize) / 1000;
}

/** Shortens text with an ellipsis so it fits maxWidth. */
export function truncateToWidth(text: string, maxWidth: number, fontSize: number, bold = false): string {
  if (textWidth(text, fontSize, bold) <= maxWidth) return text;
  let end = text.length;
  while (end > 0 && textWidth(`${text.slice(0, end).trimEnd()}…`, fontSize, bold) > maxWidth) end--;
  return end > 0 ? `${text.slice(0, end).trimEnd()}…` : '';
}
