import { CHART_WIDTH, ChartSvg, COLORS, FONT, SERIES_COLORS, fittingHorizontalScale, linear, svgLine, svgRect, svgRoot, svgText } from './chart-svg.util';
import { BarChartSpec } from './report-document.types';
import { textWidth, truncateToWidth } from './text-metrics.util';
import { formatTicks, formatValue } from './value-format.util';

const ROW_HEIGHT = 18;
const BAR_HEIGHT = 11;
/** Long category names are cut with an ellipsis rather than squeezing the bars. */
const MAX_LABEL_SHARE = 0.36;

export function renderBarChartSvg(spec: BarChartSpec, id: string): ChartSvg {
  const width = CHART_WIDTH;
  const body: string[] = [svgText(0, 12, spec.title, { size: FONT.title, bold: true })];

  const labels = spec.bars.map((b) => truncateToWidth(b.label, width * MAX_LABEL_SHARE, FONT.label));
  const values = spec.bars.map((b) => formatValue(b.value, spec.valueFormat));
  const labelWidth = Math.max(0, ...labels.map((l) => textWidth(l, FONT.label)));
  const valueWidth = Math.max(0, ...values.map((v) => textWidth(v, FONT.label)));

  const plotLeft = labelWidth + 10;
  const plotRight = width - valueWidth - 8;
  const plotTop = 24;
  const plotBottom = plotTop + Math.max(1, spec.bars.length) * ROW_HEIGHT;

  const numbers = spec.bars.map((b) => b.value);
  const lo = Math.min(0, ...numbers);
  const hi = Math.max(0, ...numbers);
  const scale = fittingHorizontalScale(lo, hi, plotRight - plotLeft, (sc) => formatTicks(sc.ticks, sc.step, spec.valueFormat));
  const tickLabels = formatTicks(scale.ticks, scale.step, spec.valueFormat);
  const x = linear(scale.min, scale.max, plotLeft, plotRight);

  scale.ticks.forEach((tick, i) => {
    body.push(svgLine(x(tick), plotTop, x(tick), plotBottom, COLORS.grid, 0.75));
    body.push(svgText(x(tick), plotBottom + 12, tickLabels[i], { size: FONT.tick, anchor: 'middle', fill: COLORS.muted }));
  });

  spec.bars.forEach((bar, i) => {
    const rowMid = plotTop + i * ROW_HEIGHT + ROW_HEIGHT / 2;
    const start = Math.min(x(0), x(bar.value));
    const end = Math.max(x(0), x(bar.value));
    body.push(svgText(plotLeft - 8, rowMid + 3, labels[i], { size: FONT.label, anchor: 'end' }));
    body.push(svgRect(start, rowMid - BAR_HEIGHT / 2, end - start, BAR_HEIGHT, SERIES_COLORS[0]));
    // Negative values are labelled left of their bar when there is room, so the label never sits on the zero line.
    const valueLeft = bar.value < 0 && start - plotLeft >= textWidth(values[i], FONT.label) + 6;
    body.push(
      valueLeft
        ? svgText(start - 4, rowMid + 3, values[i], { size: FONT.label, anchor: 'end', fill: COLORS.muted })
        : svgText(end + 4, rowMid + 3, values[i], { size: FONT.label, fill: COLORS.muted }),
    );
  });
  body.push(svgLine(x(0), plotTop, x(0), plotBottom, COLORS.axis, 1));

  const unitY = plotBottom + 25;
  body.push(svgText((plotLeft + plotRight) / 2, unitY, spec.unitLabel, { size: FONT.tick, anchor: 'middle', fill: COLORS.muted }));

  const height = unitY + 5;
  return { svg: svgRoot(id, width, height, spec.title, spec.description ?? describeBarChart(spec), body), width, height };
}

export function describeBarChart(spec: BarChartSpec): string {
  const items = spec.bars.map((b) => `${b.label} ${formatValue(b.value, spec.valueFormat)}`);
  return `Bar chart (${spec.unitLabel}): ${items.join('; ')}.`;
}
