import { CHART_WIDTH, ChartSvg, COLORS, FONT, SERIES_COLORS, fittingHorizontalScale, linear, svgLine, svgRect, svgRoot, svgText } from './chart-svg.util';
import { SalaryRangeChartSpec } from './report-document.types';
import { textWidth, truncateToWidth } from './text-metrics.util';
import { formatTicks, formatValue } from './value-format.util';

const ROW_HEIGHT = 28;
const BOX_HEIGHT = 12;
const MAX_LABEL_SHARE = 0.3;
const BOX_COLOR = SERIES_COLORS[0];

/** Per group: whisker p10–p90, box p25–p75, median tick; median value and n in side columns. */
export function renderSalaryRangeChartSvg(spec: SalaryRangeChartSpec, id: string): ChartSvg {
  const width = CHART_WIDTH;
  const format = spec.valueFormat ?? 'currency-usd';
  const body: string[] = [svgText(0, 12, spec.title, { size: FONT.title, bold: true })];

  body.push(...legend(0, 26));

  const labels = spec.groups.map((g) => truncateToWidth(g.label, width * MAX_LABEL_SHARE, FONT.label, true));
  const counts = spec.groups.map((g) => `n = ${formatValue(g.count, 'integer')}`);
  const medians = spec.groups.map((g) => formatValue(g.median, format));
  const labelWidth = Math.max(0, ...labels.map((l) => textWidth(l, FONT.label, true)), ...counts.map((c) => textWidth(c, FONT.tick)));
  const medianWidth = Math.max(textWidth('Median', FONT.tick, true), ...medians.map((m) => textWidth(m, FONT.label)));

  const headerY = 50;
  const plotTop = headerY + 6;
  const plotBottom = plotTop + Math.max(1, spec.groups.length) * ROW_HEIGHT;
  const plotLeft = labelWidth + 14;
  const plotRight = width - medianWidth - 16;

  const lo = Math.min(...spec.groups.map((g) => g.p10));
  const hi = Math.max(...spec.groups.map((g) => g.p90));
  const pad = (hi - lo) * 0.04;
  const scale = fittingHorizontalScale(lo - pad, hi + pad, plotRight - plotLeft, (sc) => formatTicks(sc.ticks, sc.step, format), true);
  const tickLabels = formatTicks(scale.ticks, scale.step, format);
  const x = linear(scale.min, scale.max, plotLeft, plotRight);

  body.push(svgText(width, headerY, 'Median', { size: FONT.tick, anchor: 'end', bold: true, fill: COLORS.muted }));
  scale.ticks.forEach((tick, i) => {
    body.push(svgLine(x(tick), plotTop, x(tick), plotBottom, COLORS.grid, 0.75));
    body.push(svgText(x(tick), plotBottom + 12, tickLabels[i], { size: FONT.tick, anchor: 'middle', fill: COLORS.muted }));
  });
  body.push(svgLine(plotLeft, plotBottom, plotRight, plotBottom, COLORS.axis, 1));

  spec.groups.forEach((group, i) => {
    const mid = plotTop + i * ROW_HEIGHT + ROW_HEIGHT / 2;
    body.push(svgText(0, mid - 1, labels[i], { size: FONT.label, bold: true }));
    body.push(svgText(0, mid + 9, counts[i], { size: FONT.tick, fill: COLORS.muted }));
    body.push(svgLine(x(group.p10), mid, x(group.p90), mid, COLORS.muted, 1));
    body.push(svgLine(x(group.p10), mid - 4, x(group.p10), mid + 4, COLORS.muted, 1));
    body.push(svgLine(x(group.p90), mid - 4, x(group.p90), mid + 4, COLORS.muted, 1));
    body.push(svgRect(x(group.p25), mid - BOX_HEIGHT / 2, x(group.p75) - x(group.p25), BOX_HEIGHT, BOX_COLOR, ' fill-opacity="0.35" stroke="#4e79a7" stroke-width="0.75"'));
    body.push(svgLine(x(group.median), mid - BOX_HEIGHT / 2 - 1, x(group.median), mid + BOX_HEIGHT / 2 + 1, COLORS.text, 2));
    body.push(svgText(width, mid + 3, medians[i], { size: FONT.label, anchor: 'end' }));
  });

  const unitY = plotBottom + 25;
  body.push(svgText((plotLeft + plotRight) / 2, unitY, spec.unitLabel, { size: FONT.tick, anchor: 'middle', fill: COLORS.muted }));

  const height = unitY + 5;
  return { svg: svgRoot(id, width, height, spec.title, spec.description ?? describeSalaryRangeChart(spec), body), width, height };
}

export function describeSalaryRangeChart(spec: SalaryRangeChartSpec): string {
  const format = spec.valueFormat ?? 'currency-usd';
  const items = spec.groups.map(
    (g) =>
      `${g.label}: median ${formatValue(g.median, format)}, middle 50% ${formatValue(g.p25, format)} to ${formatValue(g.p75, format)}, ` +
      `80% ${formatValue(g.p10, format)} to ${formatValue(g.p90, format)} (n = ${formatValue(g.count, 'integer')})`,
  );
  return `Salary range chart (${spec.unitLabel}). ${items.join('; ')}.`;
}

function legend(x0: number, midY: number): string[] {
  const markup: string[] = [];
  let x = x0;
  const label = (text: string) => {
    markup.push(svgText(x, midY + 2.8, text, { size: FONT.legend, fill: COLORS.muted }));
    x += textWidth(text, FONT.legend) + 14;
  };
  markup.push(svgLine(x, midY, x + 18, midY, COLORS.muted, 1), svgLine(x, midY - 4, x, midY + 4, COLORS.muted, 1), svgLine(x + 18, midY - 4, x + 18, midY + 4, COLORS.muted, 1));
  x += 22;
  label('10th–90th percentile');
  markup.push(svgRect(x, midY - 5, 16, 10, BOX_COLOR, ' fill-opacity="0.35" stroke="#4e79a7" stroke-width="0.75"'));
  x += 20;
  label('25th–75th percentile');
  markup.push(svgLine(x + 2, midY - 6, x + 2, midY + 6, COLORS.text, 2));
  x += 8;
  label('Median');
  return markup;
}
