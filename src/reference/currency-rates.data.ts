/**
 * Yearly average exchange rates, expressed as US dollars per one unit of the currency, used to
 * put salaries from many countries on one scale. A yearly average (not a spot rate) matches how
 * salary surveys report pay: a salary is earned across the whole year.
 */

export interface CurrencyRate {
  currency: string;
  year: number;
  usdPerUnit: number;
}

export const CURRENCY_RATES_SOURCE = {
  name: 'US IRS "Yearly Average Currency Exchange Rates" and US Federal Reserve G.5A/H.10 annual averages',
  url: 'https://www.irs.gov/individuals/international-taxpayers/yearly-average-currency-exchange-rates',
  retrieved: '2026-11-25',
  note:
    'Compiled on the date above from the published annual averages (IRS table; Federal Reserve G.5A ' +
    'https://www.federalreserve.gov/releases/g5a/ for the currencies it covers), transcribed from memory ' +
    'rather than downloaded, rounded to about 4 significant digits and inverted to USD per unit. ' +
    'Expect differences in the 3rd-4th digit from the official figures; re-check before financial use. ' +
    '2025 and 2026 repeat the 2024 averages (no full-year figures were at hand), which understates ' +
    'e.g. the euro (about 1.13 USD in 2025) and overstates fast-devaluing currencies (ARS, NGN, EGP, TRY). ' +
    'ARS, NGN and EGP are official rates; parallel-market rates in those years were far weaker. ' +
    'AED is pegged (3.6725 per USD).',
} as const;

const FIRST_YEAR = 2018;
const LAST_KNOWN_YEAR = 2024;
const REPEATED_YEARS = [2025, 2026];

/** USD per unit for 2018..2024, in that order. */
const USD_PER_UNIT_BY_YEAR: Readonly<Record<string, readonly number[]>> = {
  USD: [1, 1, 1, 1, 1, 1, 1],
  EUR: [1.181, 1.12, 1.141, 1.183, 1.053, 1.081, 1.082],
  GBP: [1.335, 1.277, 1.284, 1.376, 1.237, 1.244, 1.278],
  CAD: [0.7716, 0.7536, 0.7457, 0.7974, 0.7686, 0.7407, 0.7299],
  AUD: [0.7477, 0.6952, 0.6906, 0.7513, 0.695, 0.6643, 0.6596],
  NZD: [0.6929, 0.6582, 0.6503, 0.7089, 0.6355, 0.6138, 0.6008],
  INR: [0.01462, 0.01421, 0.0135, 0.01353, 0.01272, 0.01211, 0.01195],
  JPY: [0.009058, 0.009174, 0.009363, 0.009107, 0.007605, 0.007117, 0.006605],
  CHF: [1.022, 1.006, 1.066, 1.094, 1.047, 1.113, 1.136],
  SGD: [0.7413, 0.7331, 0.7246, 0.744, 0.7252, 0.7446, 0.7485],
  BRL: [0.2736, 0.2534, 0.194, 0.1854, 0.1936, 0.2002, 0.1855],
  PLN: [0.2769, 0.2604, 0.2564, 0.2589, 0.2243, 0.2381, 0.2513],
  SEK: [0.115, 0.1057, 0.1086, 0.1166, 0.09881, 0.09425, 0.09461],
  NOK: [0.1229, 0.1136, 0.1062, 0.1163, 0.104, 0.0947, 0.09302],
  DKK: [0.1584, 0.1499, 0.1529, 0.159, 0.1413, 0.1451, 0.145],
  CZK: [0.04602, 0.04361, 0.04308, 0.04613, 0.04281, 0.04502, 0.04308],
  HUF: [0.003701, 0.00344, 0.003248, 0.003297, 0.002684, 0.002832, 0.002734],
  MXN: [0.05198, 0.05192, 0.04653, 0.04931, 0.04968, 0.05631, 0.05464],
  ZAR: [0.07553, 0.0692, 0.06075, 0.06761, 0.06112, 0.0542, 0.05456],
  CNY: [0.1511, 0.1448, 0.1449, 0.155, 0.1486, 0.1412, 0.1389],
  HKD: [0.1276, 0.1276, 0.1289, 0.1287, 0.1277, 0.1277, 0.1282],
  KRW: [0.0009091, 0.0008576, 0.0008482, 0.0008741, 0.000774, 0.0007657, 0.0007331],
  ILS: [0.278, 0.2805, 0.2905, 0.3096, 0.2976, 0.2712, 0.2703],
  TRY: [0.207, 0.1761, 0.1427, 0.113, 0.06042, 0.04212, 0.03046],
  AED: [0.2723, 0.2723, 0.2723, 0.2723, 0.2723, 0.2723, 0.2723],
  PHP: [0.01899, 0.01931, 0.02015, 0.0203, 0.01836, 0.01798, 0.01745],
  THB: [0.03095, 0.03221, 0.03196, 0.03127, 0.02854, 0.02874, 0.02834],
  CLP: [0.001559, 0.001423, 0.001262, 0.001317, 0.001145, 0.001192, 0.00106],
  COP: [0.0003383, 0.0003048, 0.0002708, 0.0002672, 0.000235, 0.0002312, 0.0002456],
  ARS: [0.0356, 0.02077, 0.01418, 0.01053, 0.007657, 0.003388, 0.001093],
  NGN: [0.003267, 0.003258, 0.002787, 0.002493, 0.002348, 0.00155, 0.0006761],
  EGP: [0.05627, 0.05963, 0.06345, 0.0639, 0.05219, 0.03265, 0.02198],
  UAH: [0.03676, 0.03868, 0.03709, 0.03664, 0.03092, 0.02734, 0.02491],
  RUB: [0.01596, 0.01545, 0.01387, 0.01358, 0.0146, 0.01174, 0.0108],
  TWD: [0.03316, 0.03236, 0.03394, 0.0358, 0.03355, 0.03209, 0.03114],
  IDR: [0.00007024, 0.00007068, 0.00006858, 0.00006989, 0.00006734, 0.00006563, 0.00006307],
  MYR: [0.2478, 0.2414, 0.2379, 0.2414, 0.2272, 0.2193, 0.2185],
  PKR: [0.00821, 0.006667, 0.00618, 0.006139, 0.00488, 0.003566, 0.003591],
  VND: [0.00004342, 0.00004305, 0.00004308, 0.00004318, 0.00004297, 0.00004196, 0.00004005],
};

function expandRates(): CurrencyRate[] {
  const rows: CurrencyRate[] = [];
  for (const [currency, values] of Object.entries(USD_PER_UNIT_BY_YEAR)) {
    values.forEach((usdPerUnit, i) => rows.push({ currency, year: FIRST_YEAR + i, usdPerUnit }));
    const latest = values[LAST_KNOWN_YEAR - FIRST_YEAR];
    for (const year of REPEATED_YEARS) rows.push({ currency, year, usdPerUnit: latest });
  }
  return rows;
}

export const CURRENCY_RATES: readonly CurrencyRate[] = Object.freeze(expandRates());

/** currency -> rows sorted by year; built once so lookups stay O(years) per call. */
const RATES_BY_CURRENCY: ReadonlyMap<string, readonly CurrencyRate[]> = (() => {
  const map = new Map<string, CurrencyRate[]>();
  for (const row of CURRENCY_RATES) {
    const list = map.get(row.currency) ?? [];
    list.push(row);
    map.set(row.currency, list);
  }
  for (const list of map.values()) list.sort((a, b) => a.year - b.year);
  return map;
})();

export const KNOWN_CURRENCIES: ReadonlySet<string> = new Set(RATES_BY_CURRENCY.keys());

/**
 * USD per one unit of `currency` for `year`: the exact year if present, else the nearest year
 * (ties go to the later year); without a year, the latest year. Undefined for unknown currencies.
 */
export function usdPerUnit(currency: string, year?: number): number | undefined {
  if (typeof currency !== 'string') return undefined;
  const rows = RATES_BY_CURRENCY.get(currency.trim().toUpperCase());
  if (!rows || rows.length === 0) return undefined;
  if (year === undefined || !Number.isFinite(year)) return rows[rows.length - 1].usdPerUnit;
  let best = rows[0];
  for (const row of rows) {
    if (Math.abs(row.year - year) <= Math.abs(best.year - year)) best = row;
  }
  return best.usdPerUnit;
}
