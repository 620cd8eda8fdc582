import { describeChart, renderChartSvg } from './chart.svg';
import { ChartSpec } from './report-document.types';
import { buildLargeReportFixture, monthPeriods } from './report.fixtures';
import { textWidth } from './text-metrics.util';

interface Box {
  text: string;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** Reads text boxes back from the markup svgText() writes (baseline y, Helvetica metrics, anchor). */
function textBoxes(svg: string): Box[] {
  const re = /<text x="([-\d.]+)" y="([-\d.]+)" font-size="([\d.]+)"(?: text-anchor="(middle|end)")?( font-weight="bold")? fill="[^"]*">([^<]*)<\/text>/g;
  return [...svg.matchAll(re)].map(([, x, y, size, anchor, bold, raw]) => {
    const text = raw.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
    const width = textWidth(text, Number(size), Boolean(bold));
    const left = anchor === 'middle' ? Number(x) - width / 2 : anchor === 'end' ? Number(x) - width : Number(x);
    return { text, x0: left, x1: left + width, y0: Number(y) - 0.72 * Number(size), y1: Number(y) + 0.21 * Number(size) };
  });
}

function overlaps(a: Box, b: Box): boolean {
  const slack = 0.5;
  return a.x0 < b.x1 - slack && b.x0 < a.x1 - slack && a.y0 < b.y1 - slack && b.y0 < a.y1 - slack;
}

const periods60 = monthPeriods(2020, 7, 60);
const EDGE_CASES: ChartSpec[] = [
  {
    type: 'line',
    title: 'Five years, monthly',
    unitLabel: 'Median salary',
    valueFormat: 'currency-usd',
    yFromZero: false,
    periods: periods60,
    series: [{ name: 'Median', values: periods60.map((_, i) => 1_200_000 + i * 9_000) }],
  },
  { type: 'line', title: 'One period', unitLabel: 'Share', valueFormat: 'percent', periods: ['2025-06'], series: [{ name: 'Share', values: [0.0042] }] },
  { type: 'line', title: 'No data', unitLabel: 'Postings', valueFormat: 'integer', periods: ['2025-05', '2025-06'], series: [{ name: 'A', values: [null, null] }] },
  {
    type: 'line',
    title: 'Many series with long names wrap the legend',
    unitLabel: 'Postings per month',
    valueFormat: 'integer',
    periods: monthPeriods(2024, 1, 6),
    series: Array.from({ length: 9 }, (_, i) => ({ name: `Role family number ${i + 1} (all seniorities)`, values: [1, 2, 3, 4, 5, 6].map((v) => v * (i + 1)) })),
  },
  {
    type: 'bar',
    title: 'Long labels and negatives',
    unitLabel: 'Growth',
    valueFormat: 'percent',
    bars: [
      { label: 'A very long skill name that would never fit into the label column of a bar chart', value: 0.61 },
      { label: 'Shrinking', value: -0.35 },
      { label: 'Flat', value: 0 },
    ],
  },
  { type: 'bar', title: 'One bar', unitLabel: 'Postings', valueFormat: 'integer', bars: [{ label: 'United States', value: 18_420 }] },
  {
    type: 'salary-range',
    title: 'One wide group',
    unitLabel: 'Annual base salary (USD)',
    groups: [{ label: 'Every role family in every country', p10: 31_000, p25: 88_000, median: 140_000, p75: 210_000, p90: 1_450_000, count: 123_456 }],
  },
];

const FIXTURE_CHARTS = buildLargeReportFixture(1).sections.flatMap((s) => s.charts ?? []);

describe('chart SVG layout', () => {
  it.each([...FIXTURE_CHARTS, ...EDGE_CASES].map((spec) => [spec.title, spec] as const))('%s: text stays inside and never overlaps', (_, spec) => {
    const { svg, width, height } = renderChartSvg(spec, 'c1');
    const boxes = textBoxes(svg);
    expect(boxes.length).toBe((svg.match(/<text /g) ?? []).length);
    for (const box of boxes) {
      expect({ text: box.text, x0: box.x0 >= -0.5, x1: box.x1 <= width + 0.5, y0: box.y0 >= -0.5, y1: box.y1 <= height + 0.5 }).toEqual({
        text: box.text,
        x0: true,
        x1: true,
        y0: true,
        y1: true,
      });
    }
    const clashes = boxes.flatMap((a, i) => boxes.slice(i + 1).filter((b) => overlaps(a, b)).map((b) => `"${a.text}" × "${b.text}"`));
    expect(clashes).toEqual([]);
  });

  it('has a checker that notices overlaps', () => {
    const bad = '<text x="10" y="20" font-size="8" fill="#000">Data Scientist</text><text x="40" y="22" font-size="8" text-anchor="middle" fill="#000">1,250</text>';
    const [a, b] = textBoxes(bad);
    expect(overlaps(a, b)).toBe(true);
  });

  it('is accessible and URL-free', () => {
    for (const spec of [...FIXTURE_CHARTS, ...EDGE_CASES]) {
      const { svg } = renderChartSvg(spec, 'chart-7');
      expect(svg).toMatch(/^<svg id="chart-7" viewBox="0 0 [\d.]+ [\d.]+" [^>]*role="img" aria-label="[^"]+"/);
      expect(svg).toContain(`<title>${spec.title}</title>`);
      expect(svg).not.toMatch(/https?:|xlink|href=/);
    }
  });

  it('describes charts from their data when no description is given', () => {
    const salary = FIXTURE_CHARTS.find((c) => c.type === 'salary-range' && c.title.includes('seniority'));
    expect(describeChart(salary as ChartSpec)).toContain('Senior: median $165,000, middle 50% $149,000 to $188,000');
  });
});
