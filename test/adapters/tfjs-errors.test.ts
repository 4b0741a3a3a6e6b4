// What the adapter refuses, and that it refuses it before touching the optimizer: every error is a
// ScheduleError naming what is wrong (never a TypeError from inside tfjs or the adapter), and after
// it the optimizer still makes the update it made before (checked by hand: w' = w − lr·g).
import * as tf from '@tensorflow/tfjs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  type AnyScheduler,
  ScheduleError,
  cosineAnnealingLR,
  cyclicLR,
  exponentialLR,
  lambdaLR,
  oneCycleLR,
  reduceLROnPlateau,
  saveCheckpoint,
  sequential,
  stepLR,
  trace
} from '../../src/index.js'
import { applyGroup, groupOf, scheduleCallback, scheduleOptimizer } from '../../src/adapters/tfjs.js'
import { G, closeTo } from './tfjsHand.js'
import { protocolOf, scheduler } from '../../src/internal/protocol.js'
import type { EpochState } from '../../src/internal/leaf.js'

beforeAll(async () => {
  await tf.setBackend('cpu')
})
afterAll(() => tf.disposeVariables())

/** Runs `f`, which must throw a ScheduleError with exactly this message. */
const rejects = (f: () => unknown, message: string): void => {
  let thrown: unknown
  try {
    f()
  } catch (e) {
    thrown = e
  }
  expect(thrown, 'it must throw').toBeInstanceOf(ScheduleError)
  expect((thrown as ScheduleError).message).toBe(message)
}

/** The lr of the optimizer's next update, measured: one SGD-like update of a fresh weight with gradient G, w' = w − lr·G. */
const measuredLr = (opt: tf.Optimizer): number => {
  const w = tf.variable(tf.scalar(0))
  opt.minimize(() => tf.mul(w, G) as tf.Scalar)
  const lr = -(w.dataSync()[0] as number) / G
  w.dispose()
  return lr
}

const OPTIMIZERS = 'tf.train.sgd, momentum, rmsprop, adam, adamax, adagrad or adadelta; model.optimizer after model.compile'

describe('not an optimizer, or an optimizer with a NaN or negative lr', () => {
  const model = (): tf.Sequential => tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1] })] })
  class Custom extends tf.Optimizer {
    learningRate = 0.1
    applyGradients(): void {}
    getConfig(): tf.serialization.ConfigDict {
      return {}
    }
    override getClassName(): string {
      return 'Custom'
    }
  }
  const cases: ReadonlyArray<readonly [string, () => unknown, string]> = [
    ['undefined', () => undefined, `optimizer: expected a tfjs optimizer (${OPTIMIZERS}), got undefined`],
    ['an object', () => ({ learningRate: 0.1 }), `optimizer: expected a tfjs optimizer (${OPTIMIZERS}), got {"learningRate":0.1}`],
    ['a number', () => 0.1, `optimizer: expected a tfjs optimizer (${OPTIMIZERS}), got 0.1`],
    ['a model', model, `optimizer: expected a tfjs optimizer (${OPTIMIZERS}), got a Sequential (a model: pass model.optimizer, after model.compile)`],
    ['an uncompiled model\'s optimizer', () => model().optimizer, `optimizer: expected a tfjs optimizer (${OPTIMIZERS}), got undefined`],
    ['an optimizer the adapter does not know', () => new Custom(), 'optimizer: expected a tfjs optimizer the adapter knows (SGD, Momentum, RMSProp, Adam, Adamax, Adagrad, Adadelta), got a Custom optimizer'],
    ['sgd(NaN)', () => tf.train.sgd(NaN), 'optimizer.learningRate: expected a finite number >= 0, got NaN'],
    ['sgd(-0.1)', () => tf.train.sgd(-0.1), 'optimizer.learningRate: expected a finite number >= 0, got -0.1'],
    ['adam(Infinity)', () => tf.train.adam(Infinity), 'optimizer.learningRate: expected a finite number >= 0, got Infinity'],
    ['momentum(0.1, NaN)', () => tf.train.momentum(0.1, NaN), 'optimizer.momentum: expected a finite number, got NaN'],
    ['adam(0.1, NaN)', () => tf.train.adam(0.1, NaN), 'optimizer.beta1: expected a finite number, got NaN']
  ]
  test.each(cases)('%s: scheduleOptimizer, scheduleCallback, groupOf and applyGroup name it', (_l, make, message) => {
    const o = make() as tf.Optimizer
    rejects(() => scheduleOptimizer(o, stepLR({ stepSize: 1 })), message)
    rejects(() => scheduleCallback(o, stepLR({ stepSize: 1 })), message)
    rejects(() => groupOf(o), message)
    rejects(() => applyGroup(o, { lr: 0.1 }), message)
  })
})

describe('not a schedule', () => {
  const cases: ReadonlyArray<readonly [string, unknown, string]> = [
    ['undefined', undefined, 'schedule: expected a schedule (e.g. stepLR({ stepSize: 10 })), got undefined'],
    ['a JSON config', { type: 'StepLR', stepSize: 2 }, 'schedule: expected a schedule (e.g. stepLR({ stepSize: 10 })), got {"type":"StepLR","stepSize":2} (a JSON config: make it a schedule with scheduleFromConfig)'],
    ['a constructor, not called', stepLR, 'schedule: expected a schedule (e.g. stepLR({ stepSize: 10 })), got a function (a function: call it, e.g. stepLR({ stepSize: 10 }))'],
    ['an object without step', { name: 'X', init: () => undefined }, 'schedule: expected a schedule (e.g. stepLR({ stepSize: 10 })), got {"name":"X","init":"<function>"}']
  ]
  test.each(cases)('%s: scheduleOptimizer and scheduleCallback name it, and the optimizer keeps its lr', (_l, s, message) => {
    const opt = tf.train.sgd(0.1)
    rejects(() => scheduleOptimizer(opt, s as AnyScheduler), message)
    rejects(() => scheduleCallback(opt, s as AnyScheduler), message)
    expect(measuredLr(opt)).toBeCloseTo(0.1, 6)
  })

  test('a schedule that cycles momentum on an optimizer without momentum names the optimizer and the schedule', () => {
    const message = 'optimizer: expected an optimizer with momentum (Momentum, RMSProp) or betas (Adam, Adamax): OneCycleLR cycles momentum (set cycleMomentum: false), got SGD'
    rejects(() => scheduleOptimizer(tf.train.sgd(0.1), oneCycleLR({ maxLr: 1, totalSteps: 10 })), message)
    rejects(() => scheduleCallback(tf.train.sgd(0.1), oneCycleLR({ maxLr: 1, totalSteps: 10 })), message)
  })

  test('a schedule for two groups (per-group lists) names its list: a tfjs optimizer is one group', () => {
    const twoGroups = cyclicLR({ baseLr: [0.01, 0.02], maxLr: [0.1, 0.2], cycleMomentum: false })
    rejects(() => scheduleOptimizer(tf.train.sgd(0.1), twoGroups), 'baseLr: expected 1 value (one per param group), got [0.01,0.02]')
  })
})

describe('scheduleCallback options', () => {
  const cases: ReadonlyArray<readonly [string, unknown, AnyScheduler, string]> = [
    ['a typo', { monitr: 'val_loss' }, reduceLROnPlateau({}), 'options.monitr: expected no such option (the options are every, monitor, onStep, resume), got "val_loss"'],
    ['every: "epochs"', { every: 'epochs' }, stepLR({ stepSize: 1 }), 'options.every: expected "epoch" or "batch", got "epochs"'],
    ['monitor: 3', { monitor: 3 }, stepLR({ stepSize: 1 }), 'options.monitor: expected the name of a log (e.g. "val_loss"), got 3'],
    ['onStep: true', { onStep: true }, stepLR({ stepSize: 1 }), 'options.onStep: expected a function, got true'],
    ['no monitor for a plateau', {}, reduceLROnPlateau({}), 'options.monitor: expected the name of the log to pass to ReduceLROnPlateau (it reacts to a metric: e.g. "val_loss"), got undefined'],
    [
      'no monitor for a plateau inside sequential',
      {},
      sequential([stepLR({ stepSize: 1 }), reduceLROnPlateau({})], [2]),
      'options.monitor: expected the name of the log to pass to SequentialLR (it reacts to a metric: e.g. "val_loss"), got undefined'
    ],
    ['not an object', 'epoch', stepLR({ stepSize: 1 }), 'options: expected an object of options, got "epoch"']
  ]
  test.each(cases)('%s: an error when the callback is made, naming the option', (_l, options, schedule, message) => {
    rejects(() => scheduleCallback(tf.train.sgd(0.1), schedule, options as never), message)
  })
})

describe('resume is checked as loadCheckpoint checks a checkpoint, before anything is applied', () => {
  const schedule = () => stepLR({ stepSize: 1, gamma: 0.5 })
  const saved = () => trace(schedule(), [{ lr: 0.1 }], 2) // lr 0.025 after 2 steps
  const good = () => ({ groups: saved().groups, state: saved().state })

  test.each([
    ['{ groups, state }', good],
    ['groups from trace(schedule, [0.1]) (momentum 0, paramGroups\' default)', () => {
      const t = trace(schedule(), [0.1], 2)
      return JSON.parse(JSON.stringify({ groups: t.groups, state: t.state }))
    }],
    ['a checkpoint string', () => saveCheckpoint(schedule(), saved().groups, saved().state)]
  ] as const)('a good resume (%s) applies its lr (0.1·0.5², measured) and continues (0.1·0.5³ after a step)', (_l, resume) => {
    const opt = tf.train.sgd(0.1)
    const s = scheduleOptimizer(opt, schedule(), resume())
    expect(measuredLr(opt)).toBeCloseTo(0.025, 7)
    s.step()
    expect(measuredLr(opt)).toBeCloseTo(0.0125, 7)
  })

  const plateauState = trace(reduceLROnPlateau({}), [0.1], 0).state
  const cosine = trace(cosineAnnealingLR({ tMax: 10 }), [0.1], 2)
  const cases: ReadonlyArray<readonly [string, () => unknown, string]> = [
    ['a state of another schedule (ReduceLROnPlateau)', () => ({ ...good(), state: plateauState }), 'resume.state.best: expected no such key (the state has lastEpoch, baseLrs), got null'],
    [
      'a checkpoint of another schedule of the same state shape (CosineAnnealingLR)',
      () => saveCheckpoint(cosineAnnealingLR({ tMax: 10 }), cosine.groups, cosine.state),
      'resume.schedule.type: the checkpoint is of another schedule: expected "StepLR", got "CosineAnnealingLR"'
    ],
    ['a truncated state', () => ({ ...good(), state: { lastEpoch: 2 } }), 'resume.state.baseLrs: expected a non-empty array, got undefined'],
    ['a corrupted state', () => ({ ...good(), state: { lastEpoch: -1, baseLrs: [0.1] } }), 'resume.state.lastEpoch: expected a non-negative integer, got -1'],
    ['a state for two groups', () => ({ ...good(), state: { lastEpoch: 2, baseLrs: [0.1, 0.1] } }), 'resume.state.baseLrs: expected 1 value (one per param group), got [0.1,0.1]'],
    [
      'a truncated checkpoint file',
      () => saveCheckpoint(schedule(), saved().groups, saved().state).slice(0, -12),
      `resume: expected JSON (the file is corrupted or truncated): ${(() => {
        try {
          JSON.parse(saveCheckpoint(schedule(), saved().groups, saved().state).slice(0, -12))
        } catch (e) {
          return (e as Error).message
        }
        return ''
      })()}`
    ],
    ['two groups', () => ({ ...good(), groups: [...saved().groups, ...saved().groups] }), 'resume.groups: expected an array of 1 param group (a tfjs optimizer has one lr), got [{"lr":0.025,"initialLr":0.1},{"lr":0.025,"initialLr":0.1}]'],
    ['no groups', () => ({ ...good(), groups: [] }), 'resume.groups: expected an array of 1 param group (a tfjs optimizer has one lr), got []'],
    ['a NaN lr', () => ({ ...good(), groups: [{ lr: NaN, initialLr: 0.1 }] }), 'resume.groups[0].lr: expected a finite number >= 0, got NaN'],
    ['no initialLr', () => ({ ...good(), groups: [{ lr: 0.025 }] }), 'resume.groups[0].initialLr: expected a finite number >= 0 (the groups after the initial step record it), got undefined'],
    ['momentum for SGD', () => ({ ...good(), groups: [{ lr: 0.025, initialLr: 0.1, momentum: 0.9 }] }), 'resume.groups[0].momentum: expected no momentum, or 0 (SGD has none), got 0.9'],
    ['a key of no group', () => ({ ...good(), groups: [{ lr: 0.025, initialLr: 0.1, lR: 1 }] }), 'resume.groups[0].lR: expected no such key (a group has lr, initialLr, momentum, betas), got 1'],
    ['steps that disagree with the state', () => ({ ...good(), steps: 5 }), 'resume.steps: expected 2 (the steps of the state), got 5'],
    ['a key of no resume', () => ({ ...good(), group: {} }), 'resume.group: expected no such key (resume has groups and state), got {}'],
    ['a number', () => 3, 'resume: expected { groups, state } or a checkpoint JSON string (saveCheckpoint), got 3']
  ]
  test.each(cases)('%s: a ScheduleError naming it, and the optimizer keeps lr 0.1 (measured)', (_l, resume, message) => {
    const opt = tf.train.sgd(0.1)
    rejects(() => scheduleOptimizer(opt, schedule(), resume() as never), message)
    expect(measuredLr(opt)).toBeCloseTo(0.1, 6)
    // and the callback's resume option, when the callback is made
    rejects(() => scheduleCallback(opt, schedule(), { resume: resume() as never }), message.replace(/^resume/, 'options.resume'))
    expect(measuredLr(opt)).toBeCloseTo(0.1, 6)
  })

  test('Adam: betas must be betas, and a momentum-cycling schedule needs them', () => {
    const cyc = cyclicLR({ baseLr: 0.01, maxLr: 0.1, stepSizeUp: 2 })
    const t = trace(cyc, [{ lr: 0.1, betas: [0.9, 0.999] }], 1)
    rejects(
      () => scheduleOptimizer(tf.train.adam(0.1), cyc, { groups: [{ lr: 0.05, initialLr: 0.01, momentum: 0.85 }], state: t.state }),
      'resume.groups[0].momentum: expected no momentum (Adam keeps it in betas), got 0.85'
    )
    rejects(
      () => scheduleOptimizer(tf.train.adam(0.1), cyc, { groups: [{ lr: 0.05, initialLr: 0.01 }], state: t.state }),
      'resume.groups[0]: expected a param group with betas (CyclicLR cycles momentum), got {"lr":0.05,"initialLr":0.01}'
    )
    rejects(
      () => scheduleOptimizer(tf.train.momentum(0.1, 0.9), cyc, { groups: t.groups, state: t.state }),
      'resume.groups[0].betas: expected no betas (Momentum keeps its momentum in momentum), got [0.8500000000000001,0.999]'
    )
    // the right one is accepted and sets beta1 to the row's momentum (0.85, by hand: stepSizeUp 2)
    const opt = tf.train.adam(0.1)
    scheduleOptimizer(opt, cyc, { groups: t.groups, state: t.state })
    expect((opt as unknown as { beta1: number }).beta1).toBeCloseTo(0.85, 12)
  })
})

describe('a value a schedule computes is applied only when it is finite (and the lr >= 0)', () => {
  test('ExponentialLR(gamma 1e300) from 0.1: step 1 gives 1e299, step 2 Infinity: an error naming the schedule, the step and the value; the optimizer keeps 1e299', () => {
    const opt = tf.train.sgd(0.1)
    const s = scheduleOptimizer(opt, exponentialLR({ gamma: 1e300 }))
    s.step()
    rejects(() => s.step(), 'lr at ExponentialLR step 2: expected a finite number >= 0, got Infinity (not applied: the optimizer keeps lr 1e+299)')
    expect((opt as unknown as { learningRate: number }).learningRate).toBe(1e299)
    // nor did the state advance: the same step fails the same way
    rejects(() => s.step(), 'lr at ExponentialLR step 2: expected a finite number >= 0, got Infinity (not applied: the optimizer keeps lr 1e+299)')
  })

  test('LambdaLR giving NaN at row 0: scheduleOptimizer fails, the optimizer keeps 0.1 (measured)', () => {
    const opt = tf.train.sgd(0.1)
    rejects(() => scheduleOptimizer(opt, lambdaLR({ lrLambda: () => NaN })), 'lr at LambdaLR step 0: expected a finite number >= 0, got NaN (not applied: the optimizer keeps lr 0.1)')
    expect(measuredLr(opt)).toBeCloseTo(0.1, 6)
  })

  test('LambdaLR giving a negative factor at step 1: a negative lr is not applied either', () => {
    const opt = tf.train.sgd(0.1)
    const s = scheduleOptimizer(opt, lambdaLR({ lrLambda: (e) => 1 - 2 * e }))
    rejects(() => s.step(), 'lr at LambdaLR step 1: expected a finite number >= 0, got -0.1 (not applied: the optimizer keeps lr 0.1)')
    expect(measuredLr(opt)).toBeCloseTo(0.1, 6)
  })

  test('a schedule setting a NaN momentum at step 1: not applied, Momentum keeps 0.9 (measured: a = 0.9·a + g)', () => {
    // a scheduler made with the internal builder (StepLR's protocol, a reducer of its own): momentum NaN from step 1
    const nanMomentum: AnyScheduler = scheduler<EpochState>({
      ...protocolOf(stepLR({ stepSize: 1, gamma: 1 })),
      config: { type: 'NaNMomentum' },
      setsMomentum: true,
      init: (groups) => [groups.map((g) => ({ ...g, initialLr: g.lr, momentum: 0.9 })), { lastEpoch: 0, baseLrs: groups.map((g) => g.lr) }],
      step: (state, groups) => [groups.map((g) => ({ ...g, momentum: NaN })), { ...state, lastEpoch: state.lastEpoch + 1 }]
    })
    const opt = tf.train.momentum(1, 0.9)
    const s = scheduleOptimizer(opt, nanMomentum)
    rejects(() => s.step(), 'momentum at NaNMomentum step 1: expected a finite number, got NaN (not applied: the optimizer keeps lr 1)')
    const w = tf.variable(tf.scalar(0))
    opt.minimize(() => tf.mul(w, G) as tf.Scalar) // a = 2, Δw = −2
    const before = w.dataSync()[0] as number
    opt.minimize(() => tf.mul(w, G) as tf.Scalar) // a = 0.9·2 + 2 = 3.8, Δw = −3.8
    expect(closeTo((w.dataSync()[0] as number) - before, -3.8)).toBe(true)
    w.dispose()
  })

  test('applyGroup refuses a NaN lr, and momentum for an optimizer without', () => {
    const opt = tf.train.sgd(0.1)
    rejects(() => applyGroup(opt, { lr: NaN }), 'group.lr: expected a finite number >= 0, got NaN')
    rejects(() => applyGroup(opt, { lr: 0.2, momentum: 0.9 }), 'group.momentum: expected no momentum, or 0 (SGD has none), got 0.9')
    expect(measuredLr(opt)).toBeCloseTo(0.1, 6)
  })
})
