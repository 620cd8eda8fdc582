/**
 * Matching core: training on ~50k generated postings, held-out quality against BM25, and scoring speed of one
 * candidate against 100,000 postings. Run by hand (2–3 minutes on 2 cores):
 *   npx ts-node --transpile-only bench/match-core.bench.ts
 * Prints tables and the machine it ran on. Not a test: timings vary by machine and by what else is running, so
 * the load average is printed with them.
 */
import { loadavg } from 'node:os';
import { selectTfBackend } from '../src/ml/tfjs-backend';
import { trainMatchCore } from '../src/matching/core/match-training';
import { RankingEvaluation, RankingMetrics } from '../src/matching/core/ranking-metrics';
import { syntheticPostingProfiles, SYNTHETIC_VOCAB_SIZE } from '../src/matching/core/synthetic-match-data.util';
import { PostingIndex, VectorScorer } from '../src/matching/core/vector-scorer';
import { buildWeakLabelQueries, SkillSetCorpus } from '../src/matching/core/weak-labels';
import { machine, printTable } from './bench-env';

const TRAINING_POSTINGS = 50_000;
const INDEX_POSTINGS = 100_000;
const LATENCY_CANDIDATES = 200;
const BATCH_CANDIDATES = 1_000;
const SEED = 7;

const ms = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e6;
const pct = (x: number | null) => (x === null ? 'n/a' : `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)} %`);
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

function qualityRow(name: string, m: RankingMetrics): string[] {
  return [name, m.recallAtK.toFixed(4), m.ndcgAtK.toFixed(4), m.mrr.toFixed(4)];
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main(): Promise<void> {
  const started = process.hrtime.bigint();
  const { tf, backend } = await selectTfBackend();
  console.log(`Machine: ${machine()}`);
  console.log(`TF.js ${tf.version.tfjs}, backend: ${backend}; load average at start: ${load()}\n`);

  // ---- Training ------------------------------------------------------------------------------------------
  let t = process.hrtime.bigint();
  const postings = syntheticPostingProfiles({ count: TRAINING_POSTINGS, seed: SEED });
  const generateMs = ms(t);
  t = process.hrtime.bigint();
  const trained = await trainMatchCore(tf, postings, { vocabSize: SYNTHETIC_VOCAB_SIZE, seed: SEED });
  const trainMs = ms(t);
  const s = trained.stats;
  console.log(`Training on ${TRAINING_POSTINGS.toLocaleString('en')} generated postings (${generateMs.toFixed(0)} ms to generate)`);
  printTable(
    ['step', 'detail', 'time'],
    [
      ['skill embeddings', `SPPMI k=${trained.embeddings.meta.shiftK}, ${trained.embeddings.meta.activeSkills} skills × ${trained.embeddings.dim} dims, loss ${s.embeddingLoss.toFixed(5)}`, `${(s.timingsMs.embeddings / 1000).toFixed(1)} s`],
      ['weak labels', `${s.positives.toLocaleString('en')} positives, ${s.negatives.toLocaleString('en')} negatives from ${s.trainingPostings.toLocaleString('en')} postings`, `${(s.timingsMs.weakLabels / 1000).toFixed(1)} s`],
      ['scoring model', `MLP ${trained.model.topology.featureNames.length}→${trained.model.topology.hidden}→1, BCE ${s.modelLoss.toFixed(4)}`, `${(s.timingsMs.model / 1000).toFixed(1)} s`],
      ['evaluation', `${trained.evaluation.model.queries} queries over ${s.heldOutPostings.toLocaleString('en')} held-out postings`, `${(s.timingsMs.evaluation / 1000).toFixed(1)} s`],
      ['total', `embeddings ${trained.embeddings.serialize().length.toLocaleString('en')} B, model ${trained.model.serialize().length.toLocaleString('en')} B serialised`, `${(trainMs / 1000).toFixed(1)} s`],
    ],
  );

  // Logistic regression on the very same split, embeddings and weak labels (same seed), to show what the hidden
  // layer buys.
  const lr = await trainMatchCore(tf, postings, { vocabSize: SYNTHETIC_VOCAB_SIZE, seed: SEED, model: { hidden: 0 } });
  const lrEval = lr.evaluation;

  const e: RankingEvaluation = trained.evaluation;
  console.log(`\nHeld-out quality: ${e.model.queries} weak-label candidates, each ranked against all ${s.heldOutPostings.toLocaleString('en')} held-out postings (MRR over the top 100)`);
  printTable(
    ['ranker', `recall@${e.k}`, `NDCG@${e.k}`, 'MRR'],
    [
      qualityRow('BM25 over skill tokens (baseline)', e.baseline),
      qualityRow('logistic regression, same features', lrEval.model),
      qualityRow('MLP scorer (candidate for promotion)', e.model),
      ['MLP vs BM25, relative', pct(e.relativeImprovement.recallAtK), pct(e.relativeImprovement.ndcgAtK), pct(e.relativeImprovement.mrr)],
    ],
  );
  console.log(`Promotion: ${e.promote ? 'PROMOTE' : 'KEEP CURRENT'} — ${e.reason}\n`);

  // ---- Speed -----------------------------------------------------------------------------------------------
  t = process.hrtime.bigint();
  const big = syntheticPostingProfiles({ count: INDEX_POSTINGS, seed: SEED + 1 });
  const bigGenerateMs = ms(t);
  t = process.hrtime.bigint();
  const index = PostingIndex.build(big, { embeddings: trained.embeddings, vocabSize: SYNTHETIC_VOCAB_SIZE });
  const indexMs = ms(t);
  const scorer = new VectorScorer(index, trained.model);
  const bigCorpus = new SkillSetCorpus(big, index.context.vocabSize);
  const candidateSources = Array.from({ length: BATCH_CANDIDATES }, (_, i) => Math.floor((i * INDEX_POSTINGS) / BATCH_CANDIDATES));
  const related = (id: number) => trained.embeddings.nearest(id, 5).filter((n) => n.similarity >= 0.3).map((n) => n.skillId);
  const candidates = buildWeakLabelQueries(bigCorpus, candidateSources, index.context.vocabSize, related, { seed: SEED + 9 }).map((q) => q.candidate);

  for (const c of candidates.slice(0, 20)) scorer.scoreCandidate(c, { topK: 10 }); // JIT warm-up
  const latencies: number[] = [];
  const cpuLatencies: number[] = [];
  for (const c of candidates.slice(0, LATENCY_CANDIDATES)) {
    const cpu = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    scorer.scoreCandidate(c, { topK: 10 });
    latencies.push(ms(t0));
    const used = process.cpuUsage(cpu);
    cpuLatencies.push((used.user + used.system) / 1000);
  }
  latencies.sort((a, b) => a - b);
  cpuLatencies.sort((a, b) => a - b);

  const batchCpu = process.cpuUsage();
  t = process.hrtime.bigint();
  const results = scorer.scoreCandidates(candidates, { topK: 10 });
  const batchMs = ms(t);
  const batchCpuUsed = process.cpuUsage(batchCpu);
  const explained = results.reduce((n, r) => n + r.matches.filter((m) => m.explanation).length, 0);

  console.log(`Speed: ${INDEX_POSTINGS.toLocaleString('en')} postings (generated in ${(bigGenerateMs / 1000).toFixed(1)} s, index built in ${indexMs.toFixed(0)} ms, ${index.skills.length.toLocaleString('en')} skill entries), top 10 with explanations`);
  printTable(
    ['measure', 'wall', 'process CPU', 'target'],
    [
      [`1 candidate, p50 (${LATENCY_CANDIDATES} candidates)`, `${percentile(latencies, 50).toFixed(1)} ms`, `${percentile(cpuLatencies, 50).toFixed(1)} ms`, ''],
      [`1 candidate, p95 (${LATENCY_CANDIDATES} candidates)`, `${percentile(latencies, 95).toFixed(1)} ms`, `${percentile(cpuLatencies, 95).toFixed(1)} ms`, '≤ 100 ms'],
      [`1 candidate, max`, `${latencies[latencies.length - 1].toFixed(1)} ms`, `${cpuLatencies[cpuLatencies.length - 1].toFixed(1)} ms`, ''],
      [`${BATCH_CANDIDATES.toLocaleString('en')} candidates, batch total`, `${(batchMs / 1000).toFixed(1)} s`, `${((batchCpuUsed.user + batchCpuUsed.system) / 1e6).toFixed(1)} s`, '≤ 60 s'],
    ],
  );
  console.log(`${explained.toLocaleString('en')} explanations built; ${(INDEX_POSTINGS * BATCH_CANDIDATES / (batchMs / 1000) / 1e6).toFixed(1)} M pairs scored per second`);
  console.log(`\nLoad average at end: ${load()}; whole run ${(ms(started) / 1000).toFixed(0)} s`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
