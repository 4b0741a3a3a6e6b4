// Run once, from the repository root, against the build of 0.1.0 (commit 291ad5b): node scripts/checkpoint-fixture-0.1.0.mjs
// Later versions must load these checkpoints and resume them to the same lrs (test/json/migration.test.ts).
// Saves checkpoints with lr-schedule 0.1.0 (the build of commit 291ad5b), for the migration test.
import * as L from '../dist/index.js'
import { writeFileSync } from 'node:fs'
const out = []
const cases = [
  { name: 'StepLR', config: { type: 'StepLR', stepSize: 3, gamma: 0.5 }, lrs: [0.1, 0.01], steps: 7 },
  { name: 'warmup-cosine', config: { type: 'SequentialLR', milestones: [10], schedulers: [{ type: 'LinearLR', startFactor: 0.01, totalIters: 10 }, { type: 'CosineAnnealingLR', tMax: 90, etaMin: 1e-5 }] }, lrs: [3e-4], steps: 37 },
  { name: 'chain-plateau', config: { type: 'ChainedScheduler', schedulers: [{ type: 'SequentialLR', milestones: [5], schedulers: [{ type: 'ConstantLR', factor: 0.5, totalIters: 5 }, { type: 'ReduceLROnPlateau', patience: 1 }] }, { type: 'ExponentialLR', gamma: 0.99 }] }, lrs: [0.1], steps: 12, metrics: [5, 4, 4, 4, 4, 4, 4, 4, 4, 3, 3, 3] },
  { name: 'OneCycleLR', config: { type: 'OneCycleLR', maxLr: [0.1, 0.05], totalSteps: 50 }, lrs: [0.01, 0.01], steps: 20, momentum: true },
  { name: 'CyclicLR', config: { type: 'CyclicLR', baseLr: 0.001, maxLr: 0.01, stepSizeUp: 4, mode: 'triangular2' }, lrs: [0.01], steps: 11, momentum: true },
  { name: 'optax-warmup-cosine', config: { type: 'optax.warmup_cosine_decay_schedule', initValue: 0, peakValue: 0.1, warmupSteps: 5, decaySteps: 50 }, lrs: [0.1], steps: 9 },
  { name: 'hf-cosine-min-lr', config: { type: 'hf.cosine_with_min_lr', numWarmupSteps: 3, numTrainingSteps: 30, minLr: 1e-4 }, lrs: [0.01], steps: 8 },
  { name: 'timm-plateau', config: { type: 'timm.plateau', patienceT: 1, warmupT: 2, warmupLrInit: 1e-4 }, lrs: [0.1], steps: 6, metrics: [3, 3, 3, 3, 3, 3] },
  { name: 'keras-cosine-restarts', config: { type: 'keras.CosineDecayRestarts', initialLearningRate: 0.1, firstDecaySteps: 10 }, lrs: [0.1], steps: 13 },
  { name: 'CosineAnnealingWarmRestarts', config: { type: 'CosineAnnealingWarmRestarts', t0: 4, tMult: 2 }, lrs: [0.1], steps: 9 }
]
for (const c of cases) {
  const s = L.scheduleFromConfig(c.config)
  const groups = c.momentum ? L.paramGroups(c.lrs, 0.9) : c.lrs
  const total = c.steps * 2
  const metrics = c.metrics ? [...c.metrics, ...c.metrics] : undefined
  const run = L.trace(s, groups, c.steps, metrics)
  const full = L.trace(s, groups, total, metrics)
  out.push({ name: c.name, config: c.config, steps: c.steps, checkpoint: L.saveCheckpoint(s, run.groups, run.state),
    restMetrics: metrics?.slice(c.steps), rest: full.lr.slice(c.steps), restMomentum: full.momentum?.slice(c.steps) })
}
writeFileSync('test/fixtures/checkpoints/v0.1.0.json', JSON.stringify({ note: 'Checkpoints saved by lr-schedule 0.1.0 (commit 291ad5b, scripts: none; made once with the 0.1.0 build) and the lrs a 0.1.0 resume gave after them (rest[0] is the checkpoint row).', version: '0.1.0', commit: '291ad5b', cases: out }, null, 1) + '\n')
console.log(out.length, 'cases')
