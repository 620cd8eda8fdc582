import { textWidth } from './text-metrics.util';

/** Chart geometry shared by the PDF (1 unit = 1 pt, A4 content width) and HTML (scaled by viewBox). */
export const CHART_WIDTH = 495;
export const FONT_FAMILY = 'Helvetica, Arial, sans-serif';
export const FONT = { title: 10.5, label: 8.5, tick: 8, legend: 8 } as const;
export const COLORS = {
  text: '#1f2933',
  muted: '#52606d',
  grid: '#e4e7eb',
  axis: '#9aa5b1',
} as const;
/** Tableau 10, reordered so the first colours stay distinct for colour-blind readers. */
export const SERIES_COLORS = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#b07aa1', '#edc948', '#9c755f'];

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Rounds coordinates so the SVG stays small and diff-friendly. */
export function r(n: number): string {
  return String(Math.round(n * 100) / 100);
}

export interface ChartSvg {
  svg: string;
  width: number;
  height: number;
}

export interface TextOptions {
  size: number;
  anchor?: 'start' | 'middle' | 'end';
  bold?: boolean;
  fill?: string;
}

/** `y` is the baseline. Attribute order is fixed: the layout tests read text boxes back from it. */
export function svgText(x: number, y: number, content: string, options: TextOptions): string {
  const anchor = options.anchor && options.anchor !== 'start' ? ` text-anchor="${options.anchor}"` : '';
  const weight = options.bold ? ' font-weight="bold"' : '';
  return `<text x="${r(x)}" y="${r(y)}" font-size="${options.size}"${anchor}${weight} fill="${options.fill ?? COLORS.text}">${escapeXml(content)}</text>`;
}

export function svgLine(x1: number, y1: number, x2: number, y2: number, stroke: string, width = 1, extra = ''): string {
  return `<line x1="${r(x1)}" y1="${r(y1)}" x2="${r(x2)}" y2="${r(y2)}" stroke="${stroke}" stroke-width="${width}"${extra}/>`;
}

export function svgRect(x: number, y: number, width: number, height: number, fill: string, extra = ''): string {
  return `<rect x="${r(x)}" y="${r(y)}" width="${r(Math.max(0, width))}" height="${r(Math.max(0, height))}" fill="${fill}"${extra}/>`;
}

/**
 * Root element. No xmlns: inline SVG in HTML does not need it and svg-to-pdfkit does not read it, and leaving it out
 * keeps the HTML free of any URL.
 */
export function svgRoot(id: string, width: number, height: number, title: string, description: string, body: string[]): string {
  return [
    `<svg id="${id}" viewBox="0 0 ${r(width)} ${r(height)}" width="${r(width)}" height="${r(height)}" role="img"`,
    ` aria-label="${escapeXml(`${title}. ${description}`)}" font-family="${FONT_FAMILY}">`,
    `<title>${escapeXml(title)}</title><desc>${escapeXml(description)}</desc>`,
    ...body,
    '</svg>',
  ].join('');
}

export interface NiceScale {
  min: number;
  max: number;
  step: number;
  ticks: number[];
}

/** Round-number axis covering [lo, hi] with about `count` ticks. */
export function niceScale(lo: number, hi: number, count: number): NiceScale {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return niceScale(0, 1, count);
  if (lo === hi) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    return niceScale(lo - pad, hi + pad, count);
  }
  const rough = (hi - lo) / Math.max(1, count);
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  const min = Math.floor(lo / step + 1e-9) * step;
  const max = Math.ceil(hi / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let v = min; v <= max + step / 2; v += step) ticks.push(Math.round(v / step) * step);
  return { min, max, step, ticks };
}

/**
 * The densest nice scale whose tick labels fit side by side along `length` (horizontal axes) — fewer ticks rather than
 * overlapping labels. `tight` keeps the domain at [lo, hi] and only puts ticks inside it (salary axes, where rounding
 * out to the next step would waste a third of the width).
 */
export function fittingHorizontalScale(
  lo: number,
  hi: number,
  length: number,
  labels: (scale: NiceScale) => string[],
  tight = false,
): NiceScale {
  const build = (count: number) => (tight ? tighten(niceScale(lo, hi, count), lo, hi) : niceScale(lo, hi, count));
  for (let count = 10; count > 1; count--) {
    const scale = build(count);
    const spacing = (length * scale.step) / (scale.max - scale.min || 1);
    const widest = Math.max(...labels(scale).map((l) => textWidth(l, FONT.tick)));
    if (widest + 8 <= spacing) return scale;
  }
  return build(1);
}

function tighten(scale: NiceScale, lo: number, hi: number): NiceScale {
  const ticks = scale.ticks.filter((t) => t >= lo - 1e-9 && t <= hi + 1e-9);
  return { min: lo, max: hi, step: scale.step, ticks };
}

export function linear(domainMin: number, domainMax: number, rangeMin: number, rangeMax: number): (v: number) => number {
  const span = domainMax - domainMin || 1;
  return (v) => rangeMin + ((v - domainMin) / span) * (rangeMax - rangeMin);
}

/**
 * Lays out legend entries left to right, wrapping to a new row when the next one would overflow `maxWidth`.
 * Returns the rendered markup and the height used.
 */
export function legendRows(
  entries: { label: string; swatch: (x: number, midY: number) => string; swatchWidth: number }[],
  x0: number,
  y0: number,
  maxWidth: number,
): { markup: string[]; height: number } {
  const rowHeight = 13;
  const markup: string[] = [];
  let x = x0;
  let row = 0;
  for (const entry of entries) {
    const width = entry.swatchWidth + 4 + textWidth(entry.label, FONT.legend);
    if (x > x0 && x + width > x0 + maxWidth) {
      row++;
      x = x0;
    }
    const midY = y0 + row * rowHeight + 6;
    markup.push(entry.swatch(x, midY), svgText(x + entry.swatchWidth + 4, midY + 2.8, entry.label, { size: FONT.legend, fill: COLORS.muted }));
    x += width + 14;
  }
  return { markup, height: entries.length ? (row + 1) * rowHeight : 0 };
}
