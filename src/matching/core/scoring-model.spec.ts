import fc from 'fast-check';
import { selectTfBackend } from '../../ml/tfjs-backend';
import { FEATURE_COUNT, FEATURE_NAMES } from './match-features';
import { MatchModelFormatError } from './model-buffer.util';
import { ScoringModel, ScoringModelTopology, sigmoid, TrainingSet, trainScoringModel } from './scoring-model';
import { SeededRandom } from './seeded-random.util';

const F = FEATURE_COUNT;

describe('ScoringModel inference', () => {
  it('computes logistic regression as w·x + b', () => {
    const w = Float32Array.from([...Array.from({ length: F }, (_, i) => i + 1), -2]);
    const model = new ScoringModel(ScoringModel.topologyFor(0), w);
    const x = Array.from({ length: F }, () => 0.5);
    const expected = 0.5 * ((F * (F + 1)) / 2) - 2;
    expect(model.logit(x)).toBeCloseTo(expected, 5);
    expect(model.score(x)).toBeCloseTo(sigmoid(expected), 12);
  });

  it('computes a one-hidden-layer ReLU MLP (hand example)', () => {
    // Two hidden units: h0 = relu(x0 − 0.2), h1 = relu(−x0 + 0.1); out = 2·h0 − 3·h1 + 0.5.
    const H = 2;
    const w = new Float32Array(F * H + 2 * H + 1);
    w[0 * H + 0] = 1;
    w[0 * H + 1] = -1;
    w.set([-0.2, 0.1], F * H);
    w.set([2, -3], F * H + H);
    w[F * H + 2 * H] = 0.5;
    const model = new ScoringModel(ScoringModel.topologyFor(H), w);
    const x = new Float64Array(F);
    x[0] = 0.7;
    expect(model.logit(x)).toBeCloseTo(2 * 0.5 + 0.5, 6);
    x[0] = 0;
    expect(model.logit(x)).toBeCloseTo(-3 * 0.1 + 0.5, 6);
  });

  it('gives bit-identical results on the unrolled and the reference path', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 24 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2 * F, maxLength: 2 * F }),
        (hidden, seed, values) => {
          const rng = new SeededRandom(seed);
          const weights = Float32Array.from({ length: F * hidden + 2 * hidden + 1 }, () => rng.normal(0, 1));
          const model = new ScoringModel(ScoringModel.topologyFor(hidden), weights);
          const row = Float64Array.from(values);
          expect(model.logit(row, F)).toBe(model.logitReference(row, F));
          expect(model.logit(row, 0)).toBe(model.logitReference(row, 0));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('ScoringModel serialisation', () => {
  const model = new ScoringModel(ScoringModel.topologyFor(4), Float32Array.from({ length: F * 4 + 9 }, (_, i) => Math.sin(i)));

  it('round-trips through one Buffer', () => {
    const restored = ScoringModel.deserialize(model.serialize());
    expect(restored.topology).toEqual(model.topology);
    expect(restored.weights).toEqual(model.weights);
    const row = Array.from({ length: F }, (_, i) => i / F);
    expect(restored.logit(row)).toBe(model.logit(row));
  });

  it('round-trips through registry parts (topology jsonb + weights bytea)', () => {
    const { topology, weights } = model.toParts();
    const json = JSON.parse(JSON.stringify(topology)) as ScoringModelTopology;
    expect(ScoringModel.fromParts(json, weights).weights).toEqual(model.weights);
    expect(() => ScoringModel.fromParts({ ...json, hidden: 5 }, weights)).toThrow(MatchModelFormatError);
  });

  it('refuses a model trained on a different feature list', () => {
    const topology = { ...ScoringModel.topologyFor(0), featureNames: [...FEATURE_NAMES].reverse() };
    expect(() => new ScoringModel(topology, new Float32Array(F + 1))).toThrow(/trained on features/);
    expect(() => new ScoringModel(ScoringModel.topologyFor(0), new Float32Array(3))).toThrow(MatchModelFormatError);
  });
});

describe('trainScoringModel', () => {
  /** Label = skillCoverage + roleFamilyFit > 1.1, plus noise features. */
  function toyData(n: number, seed: number): TrainingSet {
    const rng = new SeededRandom(seed);
    const features = new Float32Array(n * F);
    const labels = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      for (let f = 0; f < F; f++) features[i * F + f] = rng.next();
      labels[i] = features[i * F] + features[i * F + 8] > 1.1 ? 1 : 0;
    }
    return { features, labels };
  }

  it('learns a separable rule, with logistic regression and with the MLP', async () => {
    const { tf } = await selectTfBackend();
    const train = toyData(3000, 1);
    const test = toyData(1000, 2);
    for (const hidden of [0, 8]) {
      const { model, finalLoss } = await trainScoringModel(tf, train, { hidden, epochs: 30, batchSize: 256, learningRate: 0.05 });
      let correct = 0;
      for (let i = 0; i < 1000; i++) if ((model.score(test.features, i * F) > 0.5 ? 1 : 0) === test.labels[i]) correct++;
      expect(correct / 1000).toBeGreaterThan(0.93);
      expect(finalLoss).toBeLessThan(0.3);
    }
  });

  it('is reproducible for the same seed and differs for another', async () => {
    const { tf } = await selectTfBackend();
    const data = toyData(1000, 3);
    const a = await trainScoringModel(tf, data, { hidden: 8, epochs: 3, seed: 7 });
    const b = await trainScoringModel(tf, data, { hidden: 8, epochs: 3, seed: 7 });
    const c = await trainScoringModel(tf, data, { hidden: 8, epochs: 3, seed: 8 });
    expect(a.model.serialize().equals(b.model.serialize())).toBe(true);
    expect(a.model.serialize().equals(c.model.serialize())).toBe(false);
  });

  it('releases every tensor it creates', async () => {
    const { tf } = await selectTfBackend();
    const before = tf.memory().numTensors;
    await trainScoringModel(tf, toyData(300, 4), { epochs: 2 });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects an empty or misshapen training set', async () => {
    const { tf } = await selectTfBackend();
    await expect(trainScoringModel(tf, { features: new Float32Array(0), labels: new Float32Array(0) })).rejects.toThrow(RangeError);
    await expect(trainScoringModel(tf, { features: new Float32Array(5), labels: new Float32Array(1) })).rejects.toThrow(RangeError);
  });
});
