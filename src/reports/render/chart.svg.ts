import { describeBarChart, renderBarChartSvg } from './bar-chart.svg';
import { ChartSvg } from './chart-svg.util';
import { describeLineChart, renderLineChartSvg } from './line-chart.svg';
import { ChartSpec } from './report-document.types';
import { describeSalaryRangeChart, renderSalaryRangeChartSvg } from './salary-range-chart.svg';

/** `id` must be unique within an HTML page (it namespaces the chart's title and description). */
export function renderChartSvg(spec: ChartSpec, id: string): ChartSvg {
  switch (spec.type) {
    case 'line':
      return renderLineChartSvg(spec, id);
    case 'bar':
      return renderBarChartSvg(spec, id);
    case 'salary-range':
      return renderSalaryRangeChartSvg(spec, id);
  }
}

/** Alt text: the spec's description, or a summary of its data. */
export function describeChart(spec: ChartSpec): string {
  if (spec.description) return spec.description;
  switch (spec.type) {
    case 'line':
      return describeLineChart(spec);
    case 'bar':
      return describeBarChart(spec);
    case 'salary-range':
      return describeSalaryRangeChart(spec);
  }
}
