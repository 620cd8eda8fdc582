import { ReportTable } from './report-document.types';
import { textWidth } from './text-metrics.util';
import { cellAlign, formatCell } from './value-format.util';
import { toPdfText } from './pdf-text.util';

export const TABLE_FONT_SIZE = 8.5;
export const CELL_PAD_X = 5;
export const CELL_PAD_Y = 3.5;
const MIN_TEXT_COLUMN = 56;

export interface PreparedTable {
  widths: number[];
  header: string[];
  /** Display strings, already formatted and made safe for the standard fonts. */
  rows: string[][];
  aligns: ('left' | 'center' | 'right')[];
}

/**
 * Formats every cell once and sizes columns to their content: numeric columns keep their natural width (numbers must
 * not wrap), text columns take what is left and wrap; spare width goes to the text columns.
 */
export function prepareTable(table: ReportTable, availableWidth: number): PreparedTable {
  const header = table.columns.map((c) => toPdfText(c.header));
  const rows = table.rows.map((row) => row.map((cell, i) => toPdfText(formatCell(cell, table.columns[i].format))));
  const aligns = table.columns.map((c) => cellAlign(c.format, c.align));
  const isText = table.columns.map((c) => c.format === 'text');

  const natural = table.columns.map((_, i) => {
    let widest = textWidth(header[i], TABLE_FONT_SIZE, true);
    for (const row of rows) widest = Math.max(widest, textWidth(row[i], TABLE_FONT_SIZE));
    return Math.ceil(widest) + 2 * CELL_PAD_X + 1;
  });
  return { widths: fitWidths(natural, isText, availableWidth), header, rows, aligns };
}

export function fitWidths(natural: number[], isText: boolean[], available: number): number[] {
  const total = natural.reduce((a, b) => a + b, 0);
  const textIndexes = natural.map((_, i) => i).filter((i) => isText[i]);
  const grow = textIndexes.length ? textIndexes : natural.map((_, i) => i);

  if (total <= available) {
    const growTotal = grow.reduce((a, i) => a + natural[i], 0);
    return natural.map((w, i) => (grow.includes(i) ? w + ((available - total) * w) / growTotal : w));
  }
  const fixed = natural.reduce((a, w, i) => (isText[i] ? a : a + w), 0);
  const textBudget = available - fixed;
  if (!textIndexes.length || textBudget < MIN_TEXT_COLUMN * textIndexes.length) {
    return natural.map((w) => (w * available) / total);
  }
  // Water-filling: narrow text columns keep their natural width (no needless wrapping), wide ones share the rest.
  const widths = [...natural];
  let remaining = textBudget;
  const byNatural = [...textIndexes].sort((a, b) => natural[a] - natural[b]);
  byNatural.forEach((i, k) => {
    const fairShare = remaining / (byNatural.length - k);
    widths[i] = Math.max(MIN_TEXT_COLUMN, Math.min(natural[i], fairShare));
    remaining -= widths[i];
  });
  return widths;
}
