// scheduleCallback in a real model.fit, observed through the weight updates the optimizer makes
// (never through the adapter's bookkeeping): for every optimizer kind, with and without every
// option, the update of epoch (or batch) k is the one tfjs makes with the lr of the schedule's
// row k, written out by hand in ./tfjsHand.ts, the rows from `trace`.
import * as tf from '@tensorflow/tfjs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type ParamGroup, cyclicLR, lambdaLR, reduceLROnPlateau, saveCheckpoint, stepLR, trace } from '../../src/index.js'
import { type ScheduleCallbackOptions, scheduleCallback } from '../../src/adapters/tfjs.js'
import { G, KINDS, type Kind, X, closeTo, linearModel, weight } from './tfjsHand.js'

beforeAll(async () => {
  await tf.setBackend('cpu')
})
afterAll(() => tf.disposeVariables())

const N = 4 // samples
const xs = () => tf.fill([N, 1], X) as tf.Tensor2D
const ys = () => tf.zeros([N, 1]) as tf.Tensor2D

/** The optimizer's `learningRate` field (what Adam & co. read at every update; SGD keeps it next to its scalar). */
const lrField = (o: tf.Optimizer): number => (o as unknown as { learningRate: number }).learningRate

/** Fits and records every update's change of the weight, read before and after each batch. */
const fit = async (
  model: tf.LayersModel,
  callback: tf.CustomCallbackArgs,
  args: { readonly epochs: number; readonly initialEpoch?: number; readonly batchSize?: number; readonly validationData?: [tf.Tensor, tf.Tensor] }
): Promise<{ readonly deltas: ReadonlyArray<number>; readonly history: tf.History }> => {
  const deltas: number[] = []
  let before = 0
  const probe: tf.CustomCallbackArgs = {
    onBatchBegin: () => {
      before = weight(model)
    },
    onBatchEnd: () => {
      deltas.push(weight(model) - before)
    }
  }
  const [x, y] = [xs(), ys()]
  try {
    const history = await model.fit(x, y, { batchSize: N, ...args, shuffle: false, verbose: 0, callbacks: [callback, probe] })
    return { deltas, history }
  } finally {
    tf.dispose([x, y])
  }
}

const expectDeltas = (actual: ReadonlyArray<number>, expected: ReadonlyArray<number>): void => {
  expect(actual).toHaveLength(expected.length)
  actual.forEach((d, u) => expect(closeTo(d, expected[u] as number), `update ${u}: Δw ${d}, by hand ${expected[u]}`).toBe(true))
}

const lrsOf = (rows: ReadonlyArray<ReadonlyArray<number>>, from: number, to: number): ReadonlyArray<number> =>
  rows.slice(from, to).map((r) => r[0] as number)

// StepLR(1, 0.5): every row half the one before, so an lr from the wrong row is off by a factor ≥ 2
const halving = () => stepLR({ stepSize: 1, gamma: 0.5 })

describe.each(KINDS.map((k) => [k.name, k] as const))('%s in model.fit', (_name, kind: Kind) => {
  const rows = (steps: number) => trace(halving(), [kind.group(kind.lr)], steps).lr

  const observe = (): void => undefined
  const epochCases: ReadonlyArray<readonly [string, ScheduleCallbackOptions]> = [
    ['no options', {}],
    ['onStep', { onStep: observe }],
    ['every: "epoch" and onStep', { every: 'epoch', onStep: observe }]
  ]
  test.each(epochCases)('%s: the update of epoch k uses row k (4 epochs, one batch each)', async (_l, options: ScheduleCallbackOptions) => {
    const optimizer = kind.make(kind.lr)
    const model = linearModel(optimizer)
    const seen: number[] = []
    const cb = scheduleCallback(optimizer, halving(), options.onStep === undefined ? options : { ...options, onStep: (g: ParamGroup) => seen.push(g.lr) })
    const { deltas } = await fit(model, cb, { epochs: 4 })
    const lr = rows(4)
    expectDeltas(deltas, kind.deltas(lrsOf(lr, 0, 4)))
    // after the last epoch the schedule has stepped once more: the optimizer holds row 4
    expect(lrField(optimizer)).toBe(lr[4]![0])
    if (options.onStep !== undefined) expect(seen).toEqual(lrsOf(lr, 0, 5))
  })

  test('every: "epoch" with two batches an epoch: both batches of epoch k use row k', async () => {
    const optimizer = kind.make(kind.lr)
    const { deltas } = await fit(linearModel(optimizer), scheduleCallback(optimizer, halving()), { epochs: 2, batchSize: 2 })
    const [r0, r1] = lrsOf(rows(2), 0, 2) as [number, number]
    expectDeltas(deltas, kind.deltas([r0, r0, r1, r1]))
  })

  const batchCases: ReadonlyArray<readonly [string, ScheduleCallbackOptions]> = [
    ['every: "batch"', { every: 'batch' }],
    ['every: "batch" and onStep', { every: 'batch', onStep: observe }]
  ]
  test.each(batchCases)('%s: update u uses row u (2 epochs of 2 batches)', async (_l, options: ScheduleCallbackOptions) => {
    const optimizer = kind.make(kind.lr)
    const seen: number[] = []
    const cb = scheduleCallback(optimizer, halving(), options.onStep === undefined ? options : { ...options, onStep: (g: ParamGroup) => seen.push(g.lr) })
    const { deltas } = await fit(linearModel(optimizer), cb, { epochs: 2, batchSize: 2 })
    const lr = rows(4)
    expectDeltas(deltas, kind.deltas(lrsOf(lr, 0, 4)))
    if (options.onStep !== undefined) expect(seen).toEqual(lrsOf(lr, 0, 5))
  })

  test.each([
    ['{ groups, state } through JSON', (t: ReturnType<typeof trace>) => JSON.parse(JSON.stringify({ groups: t.groups, state: t.state }))],
    ['a checkpoint string', (t: ReturnType<typeof trace>) => saveCheckpoint(halving(), t.groups, t.state)]
  ] as const)('resume (%s) after 2 steps, in a new model and optimizer: epochs 2..4 use rows 2..4', async (_l, save) => {
    // the checkpoint comes from the pure library, not from the adapter
    const saved = save(trace(halving(), [kind.group(kind.lr)], 2))
    const optimizer = kind.make(kind.lr)
    const { deltas } = await fit(linearModel(optimizer), scheduleCallback(optimizer, halving(), { resume: saved }), { epochs: 5, initialEpoch: 2 })
    // a fresh optimizer: its accumulators start again, its lrs are rows 2, 3, 4
    expectDeltas(deltas, kind.deltas(lrsOf(rows(5), 2, 5)))
    expect(lrField(optimizer)).toBe(rows(5)[5]![0])
  })

  test.each([
    ['initialEpoch 3, epochs 6', { epochs: 6, initialEpoch: 3 }],
    ['epochs 3 again (no initialEpoch)', { epochs: 3 }]
  ] as const)('two fits of 3 epochs with the same callback (the second: %s) make the updates of one fit of 6', async (_l, second) => {
    const optimizer = kind.make(kind.lr)
    const model = linearModel(optimizer)
    const cb = scheduleCallback(optimizer, halving())
    const first = await fit(model, cb, { epochs: 3 })
    const then = await fit(model, cb, second)
    const expected = kind.deltas(lrsOf(rows(6), 0, 6))
    expectDeltas([...first.deltas, ...then.deltas], expected)
    // and one fit of 6, on a fresh model, makes the same
    const fresh = kind.make(kind.lr)
    const once = await fit(linearModel(fresh), scheduleCallback(fresh, halving()), { epochs: 6 })
    expectDeltas(once.deltas, expected)
  })

  test('a new callback at initialEpoch 3 without resume is an error (it cannot know the schedule stood at row 3), and no update is made', async () => {
    const optimizer = kind.make(kind.lr)
    const model = linearModel(optimizer)
    await expect(fit(model, scheduleCallback(optimizer, halving()), { epochs: 6, initialEpoch: 3 })).rejects.toThrow(
      'initialEpoch: expected 0 for the first fit of a scheduleCallback (it starts the schedule at row 0; to continue a schedule, fit with the callback of the earlier fit, or give the callback resume), got 3'
    )
    expect(weight(model)).toBe(0)
    expect(lrField(optimizer)).toBe(kind.lr)
  })

  if (kind.hasMomentum)
    test('CyclicLR cycling momentum (beta1 for Adam-likes): update k uses row k\'s lr and momentum', async () => {
      const schedule = () => cyclicLR({ baseLr: kind.lr / 10, maxLr: kind.lr, stepSizeUp: 2, baseMomentum: 0.8, maxMomentum: 0.9 })
      const optimizer = kind.make(kind.lr)
      const { deltas } = await fit(linearModel(optimizer), scheduleCallback(optimizer, schedule()), { epochs: 5 })
      const t = trace(schedule(), [kind.group(kind.lr)], 5)
      const momenta = lrsOf(t.momentum!, 0, 5)
      // the momenta do cycle, by hand: 0.9, 0.85, 0.8, 0.85, 0.9
      ;[0.9, 0.85, 0.8, 0.85, 0.9].forEach((m, k) => expect(momenta[k]).toBeCloseTo(m, 12))
      expectDeltas(deltas, kind.deltas(lrsOf(t.lr, 0, 5), momenta))
    })
})

describe('monitor: the metric reaches schedules that take one', () => {
  // val_loss on x = −1 is −w, which rises while w falls: every epoch after the first is worse
  const validation = (): [tf.Tensor, tf.Tensor] => [tf.tensor2d([[-1]]), tf.tensor2d([[0]])]

  test.each([
    ['no onStep', false],
    ['onStep', true]
  ])('ReduceLROnPlateau(patience 0, factor 0.5) on val_loss, %s: lrs 0.1, 0.1, 0.05, 0.025 by hand', async (_l, withOnStep) => {
    const schedule = () => reduceLROnPlateau({ patience: 0, factor: 0.5 })
    const optimizer = tf.train.sgd(0.1)
    const seen: number[] = []
    const cb = scheduleCallback(optimizer, schedule(), withOnStep ? { monitor: 'val_loss', onStep: (g) => seen.push(g.lr) } : { monitor: 'val_loss' })
    const { deltas, history } = await fit(linearModel(optimizer), cb, { epochs: 4, validationData: validation() })
    // by hand: w_{k+1} = w_k − lr_k·G, val_loss_k = −w_{k+1}; lr_k is the schedule's row k given the metrics so far
    const lrs: number[] = []
    const metrics: number[] = []
    let w = 0
    for (let k = 0; k < 4; k++) {
      lrs.push(trace(schedule(), [0.1], k, metrics).lr[k]![0] as number)
      w -= lrs[k]! * G
      metrics.push(-w)
    }
    expect(lrs).toEqual([0.1, 0.1, 0.05, 0.025])
    expectDeltas(deltas, lrs.map((lr) => -lr * G))
    ;(history.history['val_loss'] as number[]).forEach((v, k) => expect(closeTo(v, metrics[k]!)).toBe(true))
    expect(lrField(optimizer)).toBe(trace(schedule(), [0.1], 4, metrics).lr[4]![0])
    if (withOnStep) expect(seen).toEqual([...lrs, lrField(optimizer)])
  })

  test('every: "batch", monitor "loss", ReduceLROnPlateau in max mode: the batch losses (2w before each update) fall, so every step after the first halves the lr', async () => {
    const schedule = () => reduceLROnPlateau({ mode: 'max', patience: 0, factor: 0.5 })
    const optimizer = tf.train.sgd(0.1)
    const { deltas } = await fit(linearModel(optimizer), scheduleCallback(optimizer, schedule(), { every: 'batch', monitor: 'loss' }), { epochs: 2, batchSize: 2 })
    const lrs: number[] = []
    const metrics: number[] = []
    let w = 0
    for (let u = 0; u < 4; u++) {
      lrs.push(trace(schedule(), [0.1], u, metrics).lr[u]![0] as number)
      metrics.push(X * w) // the batch's loss, computed before its update
      w -= lrs[u]! * G
    }
    expect(lrs).toEqual([0.1, 0.1, 0.05, 0.025])
    expectDeltas(deltas, lrs.map((lr) => -lr * G))
  })

  test('a monitored log the fit does not produce is an error naming the option and the logs there are', async () => {
    const optimizer = tf.train.sgd(0.1)
    await expect(fit(linearModel(optimizer), scheduleCallback(optimizer, reduceLROnPlateau({}), { monitor: 'val_loss' }), { epochs: 2 })).rejects.toThrow(
      'options.monitor: expected a log of the epoch (the logs have: loss), got "val_loss"'
    )
  })
})

describe('a non-finite lr is never applied', () => {
  test('LambdaLR giving NaN at step 2: model.fit fails after epoch 1 naming the schedule, the step and the value; both updates used lr 0.1', async () => {
    const optimizer = tf.train.sgd(0.1)
    const model = linearModel(optimizer)
    const deltas: number[] = []
    let before = 0
    const [x, y] = [xs(), ys()]
    const run = model.fit(x, y, {
      epochs: 4,
      batchSize: N,
      verbose: 0,
      callbacks: [
        scheduleCallback(optimizer, lambdaLR({ lrLambda: (e) => (e < 2 ? 1 : NaN) })),
        { onBatchBegin: () => void (before = weight(model)), onBatchEnd: () => void deltas.push(weight(model) - before) }
      ]
    })
    await expect(run).rejects.toThrow('lr at LambdaLR step 2: expected a finite number >= 0, got NaN (not applied: the optimizer keeps lr 0.1)')
    tf.dispose([x, y])
    expectDeltas(deltas, [-0.1 * G, -0.1 * G])
    expect(lrField(optimizer)).toBe(0.1)
    // the optimizer's update really still uses 0.1: one more update by hand, w' = w − 0.1·G
    const w = weight(model)
    const v = model.layers[0]!.getWeights()[0] as tf.Variable
    optimizer.applyGradients([{ name: v.name, tensor: tf.scalar(G).reshape([1, 1]) }])
    expect(closeTo(weight(model) - w, -0.1 * G)).toBe(true)
  })
})
