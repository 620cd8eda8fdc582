import { ChartSpec, ReportDocument, ReportTable, SalaryRangeGroup } from './report-document.types';

/**
 * Realistic, deterministic report documents for tests, the example PDFs and layout review. Figures are invented but
 * plausible for the US ML job market in mid-2025.
 */

const GENERATED_AT = '2025-07-01T09:30:00Z';
const SNAPSHOT_AT = '2025-06-30T23:00:00Z';
const MODEL_VERSIONS = { 'role-classifier': '1.8.2', 'skill-extractor': '2025.06.1', 'salary-normaliser': '2.3.0' };
const SOURCES = ['Company career pages (Greenhouse, Lever, Ashby)', 'aijobs.net salary survey', 'Hirescope recruiter survey'];
const CURRENCY_NOTE = 'Currencies converted to USD with the currency table dated 2025-06-30 (yearly average rates for earlier years).';
const OUTLIER_NOTE = 'Outliers: annualised salaries below $5,000 or above $2,000,000 are excluded before percentiles are computed.';

/** Repeatable noise in [-1, 1) so fixtures never change between runs. */
function noise(i: number, seed: number): number {
  const x = Math.sin(i * 12.9898 + seed * 78.233) * 43758.5453;
  return (x - Math.floor(x)) * 2 - 1;
}

export function monthPeriods(fromYear: number, fromMonth: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const m = fromMonth - 1 + i;
    return `${fromYear + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
  });
}

function trend(count: number, start: number, end: number, seed: number, jitter: number, round = 1): number[] {
  return Array.from({ length: count }, (_, i) => {
    const base = start + ((end - start) * i) / Math.max(1, count - 1);
    const value = i === count - 1 ? end : base * (1 + noise(i, seed) * jitter);
    return Math.round(value / round) * round;
  });
}

function percentileTable(title: string, firstHeader: string, groups: SalaryRangeGroup[]): ReportTable {
  return {
    title,
    columns: [
      { header: firstHeader, format: 'text' },
      { header: 'Postings with salary', format: 'integer' },
      { header: 'P10', format: 'currency-usd' },
      { header: 'P25', format: 'currency-usd' },
      { header: 'Median', format: 'currency-usd' },
      { header: 'P75', format: 'currency-usd' },
      { header: 'P90', format: 'currency-usd' },
    ],
    rows: groups.map((g) => [g.label, g.count, g.p10, g.p25, g.median, g.p75, g.p90]),
  };
}

export const SENIOR_ML_ENGINEER_MEDIAN = 165_000;

const SENIORITY_GROUPS: SalaryRangeGroup[] = [
  { label: 'Entry', p10: 98_000, p25: 112_000, median: 126_000, p75: 142_000, p90: 158_000, count: 412 },
  { label: 'Mid', p10: 121_000, p25: 137_000, median: 149_500, p75: 168_000, p90: 187_000, count: 1_386 },
  { label: 'Senior', p10: 134_000, p25: 149_000, median: SENIOR_ML_ENGINEER_MEDIAN, p75: 188_000, p90: 214_000, count: 2_914 },
  { label: 'Staff', p10: 168_000, p25: 187_000, median: 208_000, p75: 236_000, p90: 268_000, count: 842 },
  { label: 'Lead / Principal', p10: 182_000, p25: 205_000, median: 228_000, p75: 259_000, p90: 296_000, count: 371 },
];

export function buildSalaryReportFixture(): ReportDocument {
  const periods = monthPeriods(2024, 1, 18);
  const seniorMedian = trend(18, 158_000, SENIOR_ML_ENGINEER_MEDIAN, 1, 0.008, 500);
  const midMedian = trend(18, 143_000, 149_500, 2, 0.008, 500);
  const skills: [string, number, number, number][] = [
    ['CUDA', 402, 183_500, 0.112],
    ['LLM fine-tuning', 688, 181_000, 0.097],
    ['PyTorch', 2_311, 178_900, 0.084],
    ['Kubernetes', 1_204, 176_700, 0.071],
    ['Ray', 318, 175_700, 0.065],
    ['Spark', 941, 171_300, 0.038],
    ['TensorFlow', 1_088, 168_500, 0.021],
    ['scikit-learn', 1_530, 163_000, -0.012],
  ];
  const metros: [string, number, number, number][] = [
    ['San Francisco Bay Area', 812, 196_000, 224_000],
    ['Seattle', 377, 182_000, 206_000],
    ['New York', 498, 178_500, 203_000],
    ['Boston', 214, 168_000, 190_000],
    ['Los Angeles', 176, 166_000, 187_500],
    ['Remote (US)', 391, 162_000, 184_000],
    ['Austin', 121, 158_000, 179_000],
    ['Denver', 74, 154_000, 172_000],
    ['Chicago', 96, 152_000, 171_500],
    ['Dallas-Fort Worth', 88, 149_000, 168_000],
    ['Atlanta', 67, 146_000, 165_000],
    ['Raleigh-Durham', 52, 143_000, 160_000],
  ];

  return {
    kind: 'SALARY',
    title: 'Salary report: ML Engineers in the United States',
    generatedAt: GENERATED_AT,
    snapshotAt: SNAPSHOT_AT,
    filterSummary: ['Role families: ML Engineer', 'Seniority: all levels', 'Country: United States', 'Posted: Jan 2024 – Jun 2025'],
    coverage: { postings: 12_480, surveyResponses: 1_932, from: '2024-01-01', to: '2025-06-30', sources: SOURCES },
    modelVersions: MODEL_VERSIONS,
    methodNotes: [
      CURRENCY_NOTE,
      OUTLIER_NOTE,
      'Percentiles are continuous (percentile_cont) over the midpoint of each posting’s stated range; survey responses use the reported base salary.',
    ],
    sections: [
      {
        heading: 'Salary by seniority',
        paragraphs: [
          'Senior ML Engineers in the United States have a median annual base salary of $165,000; half of the offers fall between $149,000 and $188,000. ' +
            'The step from Senior to Staff (+$43,000 at the median) is the largest in the ladder.',
        ],
        charts: [
          {
            type: 'salary-range',
            title: 'Annual base salary by seniority',
            unitLabel: 'Annual base salary (USD)',
            groups: SENIORITY_GROUPS,
          },
        ],
        tables: [percentileTable('Salary percentiles by seniority', 'Seniority', SENIORITY_GROUPS)],
      },
      {
        heading: 'Salary trend',
        paragraphs: ['The Senior median rose 4.4% over eighteen months, ahead of Mid-level roles (+4.5% from a lower base), with no sign of a plateau.'],
        charts: [
          {
            type: 'line',
            title: 'Median annual base salary by month',
            unitLabel: 'Median annual base salary (USD)',
            valueFormat: 'currency-usd',
            yFromZero: false,
            periods,
            intervalLabel: 'Senior: 25th–75th percentile',
            series: [
              {
                name: 'Senior',
                values: seniorMedian,
                lower: seniorMedian.map((v) => v - 16_000),
                upper: seniorMedian.map((v) => v + 23_000),
              },
              { name: 'Mid', values: midMedian },
            ],
          },
        ],
      },
      {
        heading: 'Skill premiums',
        paragraphs: ['Premium is the difference between the median salary of Senior postings that ask for the skill and those that do not.'],
        charts: [
          {
            type: 'bar',
            title: 'Median salary premium by skill (Senior)',
            unitLabel: 'Premium over postings without the skill',
            valueFormat: 'percent',
            bars: skills.map(([label, , , premium]) => ({ label, value: premium })),
          },
        ],
        tables: [
          {
            title: 'Salary premium by skill (Senior)',
            columns: [
              { header: 'Skill', format: 'text' },
              { header: 'Postings', format: 'integer' },
              { header: 'Median with skill', format: 'currency-usd' },
              { header: 'Premium', format: 'percent' },
            ],
            rows: skills.map(([skill, n, median, premium]) => [skill, n, median, premium]),
          },
        ],
      },
      {
        heading: 'Salary by metro area',
        tables: [
          {
            title: 'Senior ML Engineer salary by metro area',
            caption: 'Metro areas with at least 50 Senior postings with a stated salary.',
            columns: [
              { header: 'Metro area', format: 'text' },
              { header: 'Postings', format: 'integer' },
              { header: 'Median', format: 'currency-usd' },
              { header: 'P75', format: 'currency-usd' },
            ],
            rows: metros,
          },
        ],
      },
    ],
  };
}

export function buildDemandReportFixture(): ReportDocument {
  const actual = monthPeriods(2023, 7, 24);
  const future = monthPeriods(2025, 7, 6);
  const periods = [...actual, ...future];
  const ml = trend(24, 968, 1_240, 3, 0.05);
  const ds = trend(24, 1_152, 1_018, 4, 0.04);
  const mlops = trend(24, 305, 455, 5, 0.06);
  const forecast = [1_252, 1_266, 1_279, 1_291, 1_304, 1_318];
  const lower = forecast.map((v, i) => Math.round(v * (1 - 0.045 * (i + 1))));
  const upper = forecast.map((v, i) => Math.round(v * (1 + 0.045 * (i + 1))));
  const pad = <T>(values: T[], before: number, after: number) => [...Array(before).fill(null), ...values, ...Array(after).fill(null)];
  const last = ml[ml.length - 1];
  const skills: [string, number, number, number][] = [
    ['Python', 10_134, 0.812, 0.064],
    ['PyTorch', 6_827, 0.547, 0.183],
    ['AWS', 5_254, 0.421, 0.041],
    ['Kubernetes', 3_969, 0.318, 0.092],
    ['TensorFlow', 3_694, 0.296, -0.137],
    ['SQL', 3_607, 0.289, 0.012],
    ['Docker', 3_444, 0.276, 0.035],
    ['LLMs', 3_295, 0.264, 0.611],
    ['Spark', 2_346, 0.188, -0.048],
    ['Ray', 924, 0.074, 0.287],
  ];

  return {
    kind: 'DEMAND',
    title: 'Demand report: ML roles in the United States',
    generatedAt: GENERATED_AT,
    snapshotAt: SNAPSHOT_AT,
    filterSummary: ['Role families: ML Engineer, Data Scientist, MLOps Engineer', 'Country: United States', 'Posted: Jul 2023 – Jun 2025'],
    coverage: { postings: 41_762, surveyResponses: 0, from: '2023-07-01', to: '2025-06-30', sources: SOURCES.slice(0, 1) },
    modelVersions: { ...MODEL_VERSIONS, 'demand-forecast': 'lstm-2025.06.2' },
    methodNotes: [
      'Postings are de-duplicated across sources by employer, normalised title and location within a 30-day window.',
      'Forecast: LSTM over 24 months of monthly counts; the band is the 80% prediction interval from 200 Monte Carlo dropout samples.',
      CURRENCY_NOTE,
      OUTLIER_NOTE,
    ],
    sections: [
      {
        heading: 'Posting volume',
        paragraphs: [
          `ML Engineer postings reached ${last.toLocaleString('en-US')} in June 2025, up 28% on July 2023, while Data Scientist postings fell 12%. ` +
            'The model expects ML Engineer demand to keep growing through December 2025.',
        ],
        charts: [
          {
            type: 'line',
            title: 'New postings per month, with forecast',
            unitLabel: 'Postings per month',
            valueFormat: 'integer',
            periods,
            intervalLabel: '80% prediction interval',
            series: [
              { name: 'ML Engineer', values: pad(ml, 0, 6) },
              {
                name: 'ML Engineer (forecast)',
                colorGroup: 'ML Engineer',
                dashed: true,
                values: pad([last, ...forecast], 23, 0),
                lower: pad([last, ...lower], 23, 0),
                upper: pad([last, ...upper], 23, 0),
              },
              { name: 'Data Scientist', values: pad(ds, 0, 6) },
              { name: 'MLOps Engineer', values: pad(mlops, 0, 6) },
            ],
          },
        ],
        tables: [
          {
            title: 'Postings per month by role family',
            columns: [
              { header: 'Month', format: 'text' },
              { header: 'ML Engineer', format: 'integer' },
              { header: 'Data Scientist', format: 'integer' },
              { header: 'MLOps Engineer', format: 'integer' },
              { header: 'Total', format: 'integer' },
            ],
            rows: actual.map((p, i) => [p, ml[i], ds[i], mlops[i], ml[i] + ds[i] + mlops[i]]),
          },
          {
            title: 'ML Engineer forecast',
            columns: [
              { header: 'Month', format: 'text' },
              { header: 'Forecast', format: 'integer' },
              { header: 'Lower (80%)', format: 'integer' },
              { header: 'Upper (80%)', format: 'integer' },
            ],
            rows: future.map((p, i) => [p, forecast[i], lower[i], upper[i]]),
          },
        ],
      },
      {
        heading: 'Skills in demand',
        paragraphs: ['Share of ML Engineer postings in the last twelve months that ask for each skill; growth compares with the twelve months before.'],
        charts: [
          {
            type: 'bar',
            title: 'Top skills in ML Engineer postings',
            unitLabel: 'Share of ML Engineer postings',
            valueFormat: 'percent',
            bars: skills.map(([label, , share]) => ({ label, value: share })),
          },
        ],
        tables: [
          {
            title: 'Skills in ML Engineer postings',
            columns: [
              { header: 'Skill', format: 'text' },
              { header: 'Postings', format: 'integer' },
              { header: 'Share', format: 'percent' },
              { header: 'Growth (YoY)', format: 'percent' },
            ],
            rows: skills,
          },
        ],
      },
    ],
  };
}

const ROLE_FAMILY_GROUPS: SalaryRangeGroup[] = [
  { label: 'Research Scientist', p10: 142_000, p25: 161_000, median: 185_000, p75: 214_000, p90: 251_000, count: 1_204 },
  { label: 'AI Engineer', p10: 128_000, p25: 149_000, median: 172_000, p75: 198_000, p90: 229_000, count: 3_187 },
  { label: 'ML Engineer', p10: 118_000, p25: 137_000, median: 158_000, p75: 183_000, p90: 211_000, count: 5_925 },
  { label: 'MLOps Engineer', p10: 112_000, p25: 131_000, median: 151_000, p75: 172_000, p90: 196_000, count: 1_108 },
  { label: 'Data Scientist', p10: 98_000, p25: 118_000, median: 142_000, p75: 165_000, p90: 190_000, count: 6_410 },
  { label: 'Data Engineer', p10: 101_000, p25: 119_000, median: 139_000, p75: 160_000, p90: 182_000, count: 7_032 },
  { label: 'Data Analyst', p10: 62_000, p25: 75_000, median: 92_000, p75: 111_000, p90: 131_000, count: 8_845 },
];

export function buildMarketOverviewReportFixture(): ReportDocument {
  const periods = monthPeriods(2024, 1, 18);
  const families: [string, number[]][] = [
    ['Data Engineer', trend(18, 2_310, 2_455, 6, 0.04)],
    ['Data Scientist', trend(18, 2_080, 1_905, 7, 0.04)],
    ['ML Engineer', trend(18, 1_020, 1_240, 8, 0.05)],
    ['AI Engineer', trend(18, 310, 905, 9, 0.05)],
  ];
  const countries: [string, number][] = [
    ['United States', 18_420],
    ['United Kingdom', 3_960],
    ['Germany', 2_870],
    ['India', 2_640],
    ['Canada', 1_980],
    ['France', 1_410],
    ['Netherlands', 1_120],
    ['Singapore', 860],
    ['Spain', 720],
    ['Poland', 690],
  ];
  const familyRows: [string, number, number, number, number][] = [
    ['Data Analyst', 8_845, -0.062, 92_000, 0.214],
    ['Data Engineer', 7_032, 0.048, 139_000, 0.287],
    ['Data Scientist', 6_410, -0.081, 142_000, 0.262],
    ['ML Engineer', 5_925, 0.216, 158_000, 0.243],
    ['AI Engineer', 3_187, 1.874, 172_000, 0.198],
    ['Research Scientist', 1_204, 0.057, 185_000, 0.094],
    ['MLOps Engineer', 1_108, 0.163, 151_000, 0.311],
  ];
  const employers: [string, number, number | null, number][] = [
    ['Amazon', 1_412, 171_000, 0.04],
    ['Google', 988, 189_000, 0.06],
    ['Microsoft', 874, 176_500, 0.11],
    ['Meta', 611, 198_000, 0.03],
    ['Apple', 540, 184_000, 0.02],
    ['NVIDIA', 502, 192_500, 0.08],
    ['Capital One', 418, 158_000, 0.17],
    ['JPMorgan Chase', 396, 152_000, 0.05],
    ['Databricks', 287, 186_000, 0.41],
    ['Salesforce', 263, 171_500, 0.29],
    ['Deloitte', 251, 128_000, 0.36],
    ['Anthropic', 148, 245_000, 0.22],
    ['OpenAI', 131, 262_000, 0.09],
    ['Scale AI', 119, 178_000, 0.18],
    ['Stealth startup (unnamed)', 104, null, 0.74],
  ];

  return {
    kind: 'MARKET_OVERVIEW',
    title: 'ML and data job market overview, H1 2025',
    generatedAt: GENERATED_AT,
    snapshotAt: SNAPSHOT_AT,
    filterSummary: ['Role families: all ML and data roles', 'Countries: all', 'Posted: Jan 2024 – Jun 2025'],
    coverage: { postings: 34_670, surveyResponses: 5_218, from: '2024-01-01', to: '2025-06-30', sources: SOURCES },
    modelVersions: MODEL_VERSIONS,
    methodNotes: [CURRENCY_NOTE, OUTLIER_NOTE, 'Remote share counts postings marked fully remote; hybrid roles count as on-site.'],
    sections: [
      {
        heading: 'Market at a glance',
        paragraphs: [
          'AI Engineer is the fastest-growing role family (+187% year on year) and now pays a median of $172,000, second only to Research Scientists. ' +
            'Data Analyst and Data Scientist postings are shrinking.',
        ],
        tables: [
          {
            title: 'Role families, last twelve months',
            columns: [
              { header: 'Role family', format: 'text' },
              { header: 'Postings', format: 'integer' },
              { header: 'Change (YoY)', format: 'percent' },
              { header: 'Median salary', format: 'currency-usd' },
              { header: 'Remote share', format: 'percent' },
            ],
            rows: familyRows,
          },
        ],
      },
      {
        heading: 'Demand by role family',
        charts: [
          {
            type: 'line',
            title: 'New postings per month by role family',
            unitLabel: 'Postings per month',
            valueFormat: 'integer',
            periods,
            series: families.map(([name, values]) => ({ name, values })),
          },
          {
            type: 'bar',
            title: 'Postings by country, last twelve months',
            unitLabel: 'Postings',
            valueFormat: 'integer',
            bars: countries.map(([label, value]) => ({ label, value })),
          },
        ],
      },
      {
        heading: 'Pay by role family',
        charts: [{ type: 'salary-range', title: 'Annual base salary by role family (US)', unitLabel: 'Annual base salary (USD)', groups: ROLE_FAMILY_GROUPS }],
        tables: [percentileTable('Salary percentiles by role family (US)', 'Role family', ROLE_FAMILY_GROUPS)],
      },
      {
        heading: 'Top employers',
        tables: [
          {
            title: 'Employers with the most ML and data postings',
            caption: 'Median salary is blank where fewer than 20 postings state one.',
            columns: [
              { header: 'Employer', format: 'text' },
              { header: 'Postings', format: 'integer' },
              { header: 'Median salary', format: 'currency-usd' },
              { header: 'Remote share', format: 'percent' },
            ],
            rows: employers,
          },
        ],
      },
    ],
  };
}

export function buildReportFixture(kind: ReportDocument['kind']): ReportDocument {
  switch (kind) {
    case 'SALARY':
      return buildSalaryReportFixture();
    case 'DEMAND':
      return buildDemandReportFixture();
    case 'MARKET_OVERVIEW':
      return buildMarketOverviewReportFixture();
  }
}

/** A heavy report for the performance budget: ten charts and two 500-row tables. */
export function buildLargeReportFixture(rowsPerTable = 500): ReportDocument {
  const base = buildMarketOverviewReportFixture();
  const demand = buildDemandReportFixture();
  const salary = buildSalaryReportFixture();
  const charts: ChartSpec[] = [base, demand, salary].flatMap((d) => d.sections.flatMap((s) => s.charts ?? []));
  while (charts.length < 10) charts.push(charts[charts.length % 3]);
  const companies: ReportTable = {
    title: 'Postings by employer',
    columns: [
      { header: 'Employer', format: 'text' },
      { header: 'Headquarters', format: 'text' },
      { header: 'Postings', format: 'integer' },
      { header: 'Median salary', format: 'currency-usd' },
      { header: 'Remote share', format: 'percent' },
      { header: 'Growth (YoY)', format: 'percent' },
    ],
    rows: Array.from({ length: rowsPerTable }, (_, i) => [
      `Employer ${String(i + 1).padStart(3, '0')}${i % 7 === 0 ? ' Holdings and Technology Services Group' : ''}`,
      ['San Francisco, CA', 'New York, NY', 'Seattle, WA', 'London, UK', 'Berlin, DE'][i % 5],
      Math.round(900 / (1 + i * 0.05)),
      130_000 + Math.round(noise(i, 11) * 40_000),
      Math.round((0.3 + noise(i, 12) * 0.25) * 1000) / 1000,
      Math.round(noise(i, 13) * 600) / 1000,
    ]),
  };
  const skills: ReportTable = {
    title: 'Skills by posting count',
    columns: [
      { header: 'Skill', format: 'text' },
      { header: 'Category', format: 'text' },
      { header: 'Postings', format: 'integer' },
      { header: 'Share', format: 'percent' },
      { header: 'Median salary', format: 'currency-usd' },
    ],
    rows: Array.from({ length: rowsPerTable }, (_, i) => [
      `skill-${i + 1}`,
      ['ML_FRAMEWORK', 'CLOUD', 'LANGUAGE', 'MLOPS'][i % 4],
      Math.round(8_000 / (1 + i * 0.08)),
      Math.round((0.6 / (1 + i * 0.08)) * 1000) / 1000,
      140_000 + Math.round(noise(i, 14) * 30_000),
    ]),
  };
  return {
    ...base,
    title: 'Large report (performance fixture)',
    sections: [
      { heading: 'Charts', charts: charts.slice(0, 10) },
      { heading: 'Employers', tables: [companies] },
      { heading: 'Skills', tables: [skills] },
    ],
  };
}
