import { monthOfYear, parsePeriod, type MonthlySeries } from './series.util';
import { seededNormal, seededRandom } from './seeded-random.util';

export interface SyntheticSeriesOptions {
  count: number;
  months: number;
  start?: string;
  seed?: number;
  noise?: number;
}

/**
 * Positive series with a level, a linear trend, 12-month seasonality and multiplicative noise — known
 * structure, so a model that learns anything should beat naive and seasonal naive on them.
 */
export function syntheticSeries({ count, months, start = '2015-01', seed = 42, noise = 0.08 }: SyntheticSeriesOptions): MonthlySeries[] {
  const random = seededRandom(seed);
  const normal = seededNormal(random);
  const startIndex = parsePeriod(start);
  return Array.from({ length: count }, (_, s) => {
    const level = 20 + random() * 480;
    const trend = (random() - 0.4) * 0.01; // relative change per month
    const amplitude = 0.1 + random() * 0.35;
    const phase = random() * 2 * Math.PI;
    const values = Array.from({ length: months }, (_, t) => {
      const season = 1 + amplitude * Math.sin((2 * Math.PI * monthOfYear(startIndex + t)) / 12 + phase);
      const value = level * Math.max(0.05, 1 + trend * t) * season * (1 + noise * normal());
      return Math.max(0, Math.round(value * 100) / 100);
    });
    return { key: `synthetic-${s}`, start, values };
  });
}
