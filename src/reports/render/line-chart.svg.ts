import {
  CHART_WIDTH,
  ChartSvg,
  COLORS,
  FONT,
  SERIES_COLORS,
  legendRows,
  linear,
  niceScale,
  r,
  svgLine,
  svgRect,
  svgRoot,
  svgText,
} from './chart-svg.util';
import { LineChartSpec, LineSeries } from './report-document.types';
import { textWidth } from './text-metrics.util';
import { formatPeriod, formatTicks, formatValue } from './value-format.util';

const PLOT_HEIGHT = 170;
const BAND_OPACITY = 0.18;
const DASH = ' stroke-dasharray="4 3"';

export function renderLineChartSvg(spec: LineChartSpec, id: string): ChartSvg {
  const width = CHART_WIDTH;
  const body: string[] = [svgText(0, 12, spec.title, { size: FONT.title, bold: true })];
  const colors = seriesColors(spec.series);
  const band = spec.series.findIndex((s) => s.lower && s.upper);

  const legend = legendRows(
    [
      ...spec.series.map((s, i) => ({
        label: s.name,
        swatchWidth: 16,
        swatch: (x: number, y: number) => svgLine(x, y, x + 16, y, colors[i], 2, s.dashed ? DASH : ''),
      })),
      ...(band >= 0
        ? [{ label: spec.intervalLabel ?? 'Interval', swatchWidth: 16, swatch: (x: number, y: number) => svgRect(x, y - 4.5, 16, 9, colors[band], ` fill-opacity="${BAND_OPACITY * 1.5}"`) }]
        : []),
    ],
    0,
    20,
    width,
  );
  body.push(...legend.markup);

  const unitY = 20 + legend.height + 12;
  const plotTop = unitY + 12;
  const plotBottom = plotTop + PLOT_HEIGHT;

  const scale = niceScale(...valueExtent(spec), 5);
  const tickLabels = formatTicks(scale.ticks, scale.step, spec.valueFormat);
  const plotLeft = Math.max(...tickLabels.map((l) => textWidth(l, FONT.tick))) + 8;

  const labels = spec.periods.map(formatPeriod);
  const lastHalf = labels.length ? textWidth(labels[labels.length - 1], FONT.tick) / 2 : 0;
  const plotRight = width - Math.max(8, lastHalf + 2);
  const x = pointScale(labels.length, plotLeft, plotRight);
  const y = linear(scale.min, scale.max, plotBottom, plotTop);

  body.push(svgText(0, unitY, spec.unitLabel, { size: FONT.tick, fill: COLORS.muted }));
  scale.ticks.forEach((tick, i) => {
    body.push(svgLine(plotLeft, y(tick), plotRight, y(tick), COLORS.grid, 0.75));
    body.push(svgText(plotLeft - 5, y(tick) + 2.8, tickLabels[i], { size: FONT.tick, anchor: 'end', fill: COLORS.muted }));
  });
  body.push(svgLine(plotLeft, plotBottom, plotRight, plotBottom, COLORS.axis, 1));

  const step = labelStep(labels, x);
  labels.forEach((label, i) => {
    if (i % step !== 0) return;
    body.push(svgLine(x(i), plotBottom, x(i), plotBottom + 3, COLORS.axis, 1));
    body.push(svgText(x(i), plotBottom + 13, label, { size: FONT.tick, anchor: i === 0 && x(i) - textWidth(label, FONT.tick) / 2 < 0 ? 'start' : 'middle', fill: COLORS.muted }));
  });

  spec.series.forEach((series, i) => body.push(...bandMarkup(series, x, y, colors[i])));
  spec.series.forEach((series, i) => body.push(...lineMarkup(series, x, y, colors[i])));

  const height = plotBottom + 18;
  return { svg: svgRoot(id, width, height, spec.title, spec.description ?? describeLineChart(spec), body), width, height };
}

export function describeLineChart(spec: LineChartSpec): string {
  const range = spec.periods.length ? ` from ${formatPeriod(spec.periods[0])} to ${formatPeriod(spec.periods[spec.periods.length - 1])}` : '';
  const latest = spec.series.map((s) => {
    const index = lastIndex(s.values);
    return index < 0 ? `${s.name}: no data` : `${s.name} ${formatValue(s.values[index] as number, spec.valueFormat)} in ${formatPeriod(spec.periods[index])}`;
  });
  return `Line chart (${spec.unitLabel})${range}. Latest values: ${latest.join('; ')}.`;
}

function seriesColors(series: LineSeries[]): string[] {
  const groups = [...new Set(series.map((s) => s.colorGroup ?? s.name))];
  return series.map((s) => SERIES_COLORS[groups.indexOf(s.colorGroup ?? s.name) % SERIES_COLORS.length]);
}

function valueExtent(spec: LineChartSpec): [number, number] {
  const values = spec.series.flatMap((s) => [...s.values, ...(s.lower ?? []), ...(s.upper ?? [])]).filter(isNumber);
  if (!values.length) return [0, 1];
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (spec.yFromZero ?? true) {
    lo = Math.min(0, lo);
    hi = Math.max(0, hi);
  } else {
    const pad = (hi - lo) * 0.05;
    lo -= pad;
    hi += pad;
  }
  return [lo, hi];
}

function pointScale(count: number, left: number, right: number): (i: number) => number {
  if (count <= 1) return () => (left + right) / 2;
  return (i) => left + (i * (right - left)) / (count - 1);
}

/** Shows every n-th period label so neighbours never touch. */
function labelStep(labels: string[], x: (i: number) => number): number {
  if (labels.length <= 1) return 1;
  const spacing = x(1) - x(0);
  const widest = Math.max(...labels.map((l) => textWidth(l, FONT.tick)));
  return Math.max(1, Math.ceil((widest + 10) / spacing));
}

function lineMarkup(series: LineSeries, x: (i: number) => number, y: (v: number) => number, color: string): string[] {
  const markup: string[] = [];
  for (const run of contiguousRuns(series.values)) {
    const d = run.map((i, k) => `${k ? 'L' : 'M'}${r(x(i))} ${r(y(series.values[i] as number))}`).join(' ');
    if (run.length > 1) markup.push(`<path d="${d}" fill="none" stroke="${color}" stroke-width="1.75" stroke-linejoin="round"${series.dashed ? DASH : ''}/>`);
  }
  const dense = series.values.length > 30;
  series.values.forEach((v, i) => {
    if (isNumber(v) && (!dense || isIsolated(series.values, i))) {
      markup.push(`<circle cx="${r(x(i))}" cy="${r(y(v))}" r="${dense ? 1.5 : 2}" fill="${color}"/>`);
    }
  });
  return markup;
}

function bandMarkup(series: LineSeries, x: (i: number) => number, y: (v: number) => number, color: string): string[] {
  const { lower, upper } = series;
  if (!lower || !upper) return [];
  const both = lower.map((lo, i) => (isNumber(lo) && isNumber(upper[i]) ? lo : null));
  return contiguousRuns(both).map((run) => {
    const top = run.map((i) => `${r(x(i))} ${r(y(upper[i] as number))}`);
    const bottom = [...run].reverse().map((i) => `${r(x(i))} ${r(y(lower[i] as number))}`);
    return `<path d="M${[...top, ...bottom].join(' L')} Z" fill="${color}" fill-opacity="${BAND_OPACITY}" stroke="none"/>`;
  });
}

function contiguousRuns(values: (number | null)[]): number[][] {
  const runs: number[][] = [];
  let current: number[] = [];
  values.forEach((v, i) => {
    if (isNumber(v)) current.push(i);
    else if (current.length) {
      runs.push(current);
      current = [];
    }
  });
  if (current.length) runs.push(current);
  return runs;
}

function isIsolated(values: (number | null)[], i: number): boolean {
  return !isNumber(values[i - 1] ?? null) && !isNumber(values[i + 1] ?? null);
}

function lastIndex(values: (number | null)[]): number {
  for (let i = values.length - 1; i >= 0; i--) if (isNumber(values[i])) return i;
  return -1;
}

function isNumber(v: number | null | undefined): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}
