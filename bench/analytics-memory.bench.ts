import 'reflect-metadata';
import { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { DIMENSIONS, FactColumns } from '../src/analytics/memory/fact-columns';
import { FactsView } from '../src/analytics/memory/facts-view';
import { parseRow } from '../src/analytics/memory/posting-facts-memory.service';

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
  const stream = c.query(copyTo(`COPY (SELECT id, posted_date, ${DIMENSIONS.join(', ')}, annual_usd_mid, salary_outlier, skill_ids FROM posting_facts ORDER BY id) TO STDOUT`));
  let rest = '';
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const text = rest + chunk.toString('utf8');
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) { staging.append(parseRow(text.slice(start, nl))); start = nl + 1; }
    rest = text.slice(start);
  }
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
  const top = v.topSkillIds(v.skillCounts(all), 5).map(([id]) => id);
  time('topSkillsWithMedians 20 all', () => v.topSkillsWithMedians(all, false, 20));
  time('skillMedians top5 all', () => v.skillMedians(all, false, top));
  time('salaryStats role all', () => v.salaryStats(all, false, { kind: 'dimension', dimension: 'role_family' }));
  time('salaryStats skill all', () => v.salaryStats(all, false, { kind: 'skill' }));
  time('trends skill all', () => v.trends(all, { kind: 'skill' }, 'month', 10));
  time('cooc all', () => v.cooccurrence(all, 1));
}
main().catch((error) => {
  console.error(error);
  process.exit(1);
});
