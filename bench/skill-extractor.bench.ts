/**
 * Skill extraction throughput on ~2 KB job descriptions. Run by hand:
 *   npx ts-node --transpile-only bench/skill-extractor.bench.ts
 * Prints a table and the machine it ran on. Not a test: timings vary by machine.
 */
import { cpus, platform, release } from 'node:os';
import { SkillExtractor } from '../src/ingestion/normalizers/skill-extractor';
import { SKILL_TAXONOMY } from '../src/reference/skills.data';

const FILLER = (
  'We are looking for a passionate engineer to join our growing team. You will work closely with product managers, ' +
  'designers and researchers to ship features that delight customers. Our culture values ownership, curiosity and ' +
  'kindness; we go the extra mile for each other. Excellent communication skills and a scalable mindset are expected. ' +
  'You will excel in a fast-paced environment, drive our go-to-market plans and support R&D initiatives. Benefits ' +
  'include equity, health insurance, flexible hours, learning budget and a generous parental leave policy.'
).split(' ');

/** Deterministic, so runs compare. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

/** `density` is the share of words that are skill terms; the filler is full of traps (go, excel, R&D). */
function descriptions(count: number, targetChars: number, density: number): string[] {
  const next = random(42);
  const terms = SKILL_TAXONOMY.flatMap((s) => [s.name, ...s.aliases]);
  return Array.from({ length: count }, () => {
    let text = '';
    while (text.length < targetChars) {
      const word = next() < density ? terms[Math.floor(next() * terms.length)] : FILLER[Math.floor(next() * FILLER.length)];
      text += word + (next() < 0.1 ? ', ' : next() < 0.05 ? '.\n' : ' ');
    }
    return text;
  });
}

/** Explicit skill fields as CSV exports carry them: "Python, SQL; AWS | Docker". */
function skillLists(count: number): string[] {
  const next = random(7);
  const terms = SKILL_TAXONOMY.flatMap((s) => [s.name, ...s.aliases]);
  const separators = [', ', '; ', ' | ', ',', '\n'];
  return Array.from({ length: count }, () => {
    const size = 4 + Math.floor(next() * 16);
    return Array.from({ length: size }, () => terms[Math.floor(next() * terms.length)]).join(separators[Math.floor(next() * separators.length)]);
  });
}

function measure(label: string, docs: string[], run: (doc: string) => unknown): string[] {
  for (const doc of docs.slice(0, 200)) run(doc); // warm-up for the JIT
  const bytes = docs.reduce((sum, d) => sum + Buffer.byteLength(d), 0);
  let rounds = 0;
  const started = process.hrtime.bigint();
  let elapsedMs = 0;
  while (elapsedMs < 2000) {
    for (const doc of docs) run(doc);
    rounds++;
    elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  }
  const mbPerSecond = (bytes * rounds) / (elapsedMs / 1000) / 1e6;
  const docsPerSecond = (docs.length * rounds) / (elapsedMs / 1000);
  return [label, String(docs.length), (bytes / docs.length).toFixed(0), mbPerSecond.toFixed(1), docsPerSecond.toFixed(0)];
}

function main(): void {
  const builtAt = process.hrtime.bigint();
  const extractor = new SkillExtractor(SKILL_TAXONOMY);
  const buildMs = Number(process.hrtime.bigint() - builtAt) / 1e6;
  const rows = [
    ['case', 'docs', 'avg bytes', 'MB/s', 'docs/s'],
    measure('extract, 2 KB, 3% skill words', descriptions(2000, 2048, 0.03), (d) => extractor.extract(d)),
    measure('extract, 2 KB, 12% skill words', descriptions(2000, 2048, 0.12), (d) => extractor.extract(d)),
    measure('extractFromList (skill fields)', skillLists(5000), (d) => extractor.extractFromList(d)),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const row of rows) console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '));
  const cpu = cpus()[0]?.model ?? 'unknown cpu';
  console.log(`\n${SKILL_TAXONOMY.length} skills, automaton built in ${buildMs.toFixed(1)} ms`);
  console.log(`${cpu} ×${cpus().length}, ${platform()} ${release()}, node ${process.version}`);
}

main();
