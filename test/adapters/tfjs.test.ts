// The tfjs adapter, checked by observing the optimizer's actual updates (not our bookkeeping).
import * as tf from '@tensorflow/tfjs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { cyclicLR, exponentialLR, reduceLROnPlateau, stepLR, trace } from '../../src/index.js'
import { applyGroup, groupOf, scheduleCallback, scheduleOptimizer } from '../../src/adapters/tfjs.js'

beforeAll(async () => {
  await tf.setBackend('cpu')
})
afterAll(() => tf.disposeVariables())

// One weight w, loss = g·w: the gradient is the constant g, so each update moves w by an amount
// that depends only on the optimizer's hyper-parameters, which we can write out by hand.
const G = 2
const makeStep = (opt: tf.Optimizer) => {
  const w = tf.variable(tf.scalar(0))
  return {
    w: () => w.dataSync()[0] as number,
    step: () => {
      opt.minimize(() => tf.mul(w, G) as tf.Scalar)
    }
  }
}

// Tolerance: float32 — tfjs's CPU backend computes in float32 (relative ~6e-8 per operation).
const F32 = 1e-5

describe('SGD: the lr the schedule sets is the lr of the next update', () => {
  test('StepLR(stepSize 1, gamma 0.5) from lr 0.1: updates of -0.1·2, -0.05·2, -0.025·2', () => {
    const opt = tf.train.sgd(0.1)
    const { w, step } = makeStep(opt)
    const s = scheduleOptimizer(opt, stepLR({ stepSize: 1, gamma: 0.5 }))
    const deltas: number[] = []
    for (let k = 0; k < 3; k++) {
      const before = w()
      step()
      deltas.push(w() - before)
      s.step()
    }
    deltas.forEach((d, k) => expect(d).toBeCloseTo(-0.1 * 0.5 ** k * G, 6))
  })
})

describe('Momentum: cycling momentum really changes the update (setMomentum alone would not)', () => {
  test('CyclicLR momentum 0.9 → 0.8: accumulation a_k = m_k·a_{k−1} + g, update −lr_k·a_k', () => {
    const opt = tf.train.momentum(1, 0.9)
    const { w, step } = makeStep(opt)
    const schedule = cyclicLR({ baseLr: 0.01, maxLr: 0.05, stepSizeUp: 2, baseMomentum: 0.8, maxMomentum: 0.9 })
    const s = scheduleOptimizer(opt, schedule)
    // the schedule's rows, from the pure library: lr and momentum per step
    const rows = trace(schedule, [{ lr: 1, momentum: 0.9 }], 5)
    let a = 0
    for (let k = 0; k < 5; k++) {
      const lr = rows.lr[k]![0] as number
      const m = rows.momentum![k]![0] as number
      a = m * a + G // by hand: tfjs's MomentumOptimizer
      const before = w()
      step()
      expect(Math.abs(w() - before - -lr * a)).toBeLessThanOrEqual(F32 * Math.abs(lr * a))
      s.step()
    }
    // and the momenta did change, by hand: 0.9, 0.85, 0.8, 0.85, 0.9 (stepSizeUp 2)
    ;[0.9, 0.85, 0.8, 0.85, 0.9].forEach((m, k) => expect(rows.momentum![k]![0]).toBeCloseTo(m, 12))
  })

  test('setMomentum alone has no effect on the update (the bug the adapter works around)', () => {
    const opt = tf.train.momentum(1, 0.9)
    const { w, step } = makeStep(opt)
    step() // a = 2
    ;(opt as tf.MomentumOptimizer).setMomentum(0)
    const before = w()
    step() // tfjs still uses 0.9: a = 0.9·2 + 2 = 3.8
    expect(w() - before).toBeCloseTo(-3.8, 5)
  })

  test('applyGroup replaces the scalar: momentum 0 makes the next update plain SGD', () => {
    const opt = tf.train.momentum(1, 0.9)
    const { w, step } = makeStep(opt)
    step()
    applyGroup(opt, { lr: 1, momentum: 0 })
    const before = w()
    step() // a = 0·2 + 2
    expect(w() - before).toBeCloseTo(-2, 5)
  })
})

describe('Adam: the protected learningRate field is what the update reads', () => {
  test('ExponentialLR(0.5) from lr 0.1: with a constant gradient Adam moves w by ≈ lr_k each step', () => {
    // constant g: bias-corrected m̂ = g, v̂ = g², so the step is lr·g/(|g| + ε) ≈ lr
    const opt = tf.train.adam(0.1)
    expect(groupOf(opt)).toEqual({ lr: 0.1, betas: [0.9, 0.999] })
    const { w, step } = makeStep(opt)
    const s = scheduleOptimizer(opt, exponentialLR({ gamma: 0.5 }))
    for (let k = 0; k < 4; k++) {
      const before = w()
      step()
      expect(w() - before).toBeCloseTo(-0.1 * 0.5 ** k, 5)
      s.step()
    }
  })
})

describe('model.fit: scheduleCallback (the optimizer\'s lr read at the beginning of every epoch, with and without onStep)', () => {
  // (the updates themselves are checked for every optimizer kind and option in tfjs-fit.test.ts)
  const data = () => [tf.tensor2d([[1], [2], [3], [4]]), tf.tensor2d([[1], [1], [1], [1]])] as const
  const lrField = (o: tf.Optimizer): number => (o as unknown as { learningRate: number }).learningRate
  /** A second callback that reads the optimizer's lr when each epoch begins (after the schedule's callback set it). */
  const reader = (o: tf.Optimizer, into: number[]): tf.CustomCallbackArgs => ({ onEpochBegin: () => void into.push(lrField(o)) })

  test.each([false, true])('steps once per epoch (onStep given: %s): StepLR(1, 0.5) from 0.1 gives the optimizer 0.1, 0.05, 0.025, then 0.0125', async (withOnStep) => {
    const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1] })] })
    model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' })
    const [xs, ys] = data()
    const seen: number[] = []
    const used: number[] = []
    const schedule = stepLR({ stepSize: 1, gamma: 0.5 })
    const cb = scheduleCallback(model.optimizer, schedule, withOnStep ? { onStep: (g) => seen.push(g.lr) } : {})
    await model.fit(xs, ys, { epochs: 3, callbacks: [cb, reader(model.optimizer, used)], verbose: 0 })
    expect(used).toEqual([0.1, 0.05, 0.025])
    expect(lrField(model.optimizer)).toBe(0.0125)
    if (withOnStep) expect(seen).toEqual([0.1, 0.05, 0.025, 0.0125])
    tf.dispose([xs, ys])
  })

  test.each([false, true])('passes the monitored log (val_loss) to ReduceLROnPlateau (onStep given: %s): 1e-9, 1e-9, 5e-10, then 2.5e-10', async (withOnStep) => {
    // an lr so small that val_loss cannot improve by the relative threshold 1e-4: the first metric
    // is the best, every later one is bad, patience 0 halves the lr at each (eps 0 lets it)
    const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1] })] })
    model.compile({ optimizer: tf.train.sgd(1e-9), loss: 'meanSquaredError' })
    const [xs, ys] = data()
    const seen: number[] = []
    const used: number[] = []
    const schedule = reduceLROnPlateau({ patience: 0, factor: 0.5, eps: 0 })
    const cb = scheduleCallback(model.optimizer, schedule, withOnStep ? { monitor: 'val_loss', onStep: (g) => seen.push(g.lr) } : { monitor: 'val_loss' })
    await model.fit(xs, ys, { epochs: 3, validationData: [xs, ys], callbacks: [cb, reader(model.optimizer, used)], verbose: 0 })
    expect(used).toEqual([1e-9, 1e-9, 5e-10])
    expect(lrField(model.optimizer)).toBe(2.5e-10)
    if (withOnStep) expect(seen).toEqual([1e-9, 1e-9, 5e-10, 2.5e-10])
    tf.dispose([xs, ys])
  })
})
