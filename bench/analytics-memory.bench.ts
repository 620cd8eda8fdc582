import 'reflect-metadata';
import { Client } from 'pg';
import { copyLines } from '../src/analytics/memory/copy-snapshot';
import { FactColumns } from '../src/analytics/memory/fact-columns';
import { FactsView } from '../src/analytics/memory/facts-view';
import { FACT_COLUMNS, parseRow } from '../src/analytics/memory/posting-facts-memory.service';

/**
 * npm run bench:analytics -- <database>   (e.g. one kept by `npm run bench:api -- --keep`)
 * Loads posting_facts into the in-memory columns and times each building block of the market queries
 * directly (no HTTP, no cache): median and p90 of 20 runs, in CPU milliseconds (process.cpuUsage), which
 * other load on the machine disturbs far less than wall time.
 */
async function main() {
  if (!process.argv[2]) throw new Error('pass the name of a database holding postings');
  const c = new Client({ connectionString: `postgres://postgres@127.0.0.1:5432/${process.argv[2]}` });
  await c.connect();
  const staging = FactColumns.staging(null);
  const t = Date.now();
  await copyLines(c, `SELECT ${FACT_COLUMNS} FROM posting_facts ORDER BY id`, (line) => staging.append(parseRow(line)));
  const cols = staging.seal();
  console.log(`loaded ${cols.length} postings in ${Date.now() - t} ms`);
  await c.end();
  const time = (name: string, f: () => unknown) => { const ts: number[] = []; for (let i = 0; i < 20; i++) { const s = process.cpuUsage(); f(); const d = process.cpuUsage(s); ts.push((d.user + d.system) / 1000); } ts.sort((a,b)=>a-b); console.log(name.padEnd(30), 'median', ts[10].toFixed(1), 'ms  p90', ts[18].toFixed(1), 'ms CPU'); };
  const ff: any = { from: '2025-01-01', to: '2025-12-31', dims: {}, skillIds: [], skillMatchAny: false, includeOutliers: false };
  const ffSkill: any = { ...ff, skillIds: [1] };
  time('mask date', () => new FactsView(cols).select(ff));
  time('mask date+skill', () => new FactsView(cols).select(ffSkill));
  const v = new FactsView(cols); const m = v.select(ff); const all = new FactsView(cols).select({ dims: {}, skillIds: [], skillMatchAny: false, includeOutliers: false } as any);
  time('dateRange', () => v.dateRange(m));
  time('totals', () => v.totals(m, false));
  time('totals all', () => v.totals(all, false));
  time('skillCounts', () => v.skillCounts(m));
  time('skillCounts all', () => v.skillCounts(all));
  time('topSkillsWithMedians 20 all', () => v.topSkillsWithMedians(all, false, 20));
  time('topSkillsWithMedians 20 date', () => v.topSkillsWithMedians(m, false, 20));
  time('salaryStats role all', () => v.salaryStats(all, false, { kind: 'dimension', dimension: 'role_family' }));
  time('salaryStats skill all', () => v.salaryStats(all, false, { kind: 'skill' }));
  time('trends skill all', () => v.trends(all, { kind: 'skill' }, 'month', 10));
  time('cooc all', () => v.cooccurrence(all, 1));
}
main().catch((error) => {
  console.error(error);
  process.exit(1);
});
