// ReduceLROnPlateau inside sequential and chain — which PyTorch refuses (pytorch/pytorch#68978), so
// every expected value here is derived by hand, step by step, in the comments.
import { describe, expect, test } from 'vitest'
import { chain, constantLR, exponentialLR, hf, keras, linearLR, optax, reduceLROnPlateau, resume, sequential, trace, traceArray } from '../../src/index.js'
import { expectClose } from '../helpers/close.js'
import { protocolOf } from '../../src/internal/protocol.js'

// Tolerance: relative 1e-12 — the hand values are decimal literals, the library's products of
// 0.9 and 0.5 round differently in the last bits.
const REL = 1e-12

describe('warmup, then reduce on plateau: sequential([linearLR, reduceLROnPlateau], [4])', () => {
  const s = sequential([linearLR({ startFactor: 0.25, totalIters: 4 }), reduceLROnPlateau({ patience: 1, factor: 0.5 })], [4])
  const metrics = [5, 5, 5, 5, 4, 4, 4, 3, 3, 3]

  test('warmup 0.25 → 1 in 4 steps, then the plateau starts from the initial lr and halves after 2 bad steps: 0.25, 0.4375, 0.625, 0.8125, 1, 1, 1, 0.5, 0.5, 0.5, 0.25', () => {
    // rows 0-3: LinearLR factors 0.25 + 0.75·t/4; row 4 (milestone): the plateau starts on the
    // initial lr 1, with no metric seen (metrics[3] = 5 belongs to the warmup's last step);
    // step 5: metric 4 is the first: best 4; step 6: 4 is not better: 1 bad; step 7: 2 bad > patience
    // 1: halve to 0.5; step 8: 3 is better; step 9: 1 bad; step 10: 2 bad: halve to 0.25
    const t = trace(s, [1], 10, metrics)
    expectClose(t.lr, [[0.25], [0.4375], [0.625], [0.8125], [1], [1], [1], [0.5], [0.5], [0.5], [0.25]], REL)
    expect(t.state).toEqual({
      lastEpoch: 10,
      schedulers: [{ lastEpoch: 3, baseLrs: [1] }, { lastEpoch: 6, best: 3, numBadEpochs: 0, cooldownCounter: 0 }]
    })
  })

  test('the metric reaches the plateau only while it is the active child: changing the warmup-phase metrics changes nothing', () => {
    const other = [0, 100, -3, 7, 4, 4, 4, 3, 3, 3]
    expect(trace(s, [1], 10, other).lr).toEqual(trace(s, [1], 10, metrics).lr)
  })

  test('resuming from the JSON state mid-plateau continues identically, and the fast path agrees', () => {
    const first = trace(s, [1], 6, metrics)
    const rest = resume(s, first.groups, JSON.parse(JSON.stringify(first.state)), 4, metrics.slice(6))
    expect(rest.lr).toEqual(trace(s, [1], 10, metrics).lr.slice(6))
    expect(Array.from(traceArray(s, [1], 10, metrics).lr)).toEqual(trace(s, [1], 10, metrics).lr.flat())
  })
})

describe('chain([exponentialLR(0.9), reduceLROnPlateau(patience 0, factor 0.5)])', () => {
  test('the plateau reduces the lr the exponential decay left: 1, 0.9, 0.405, 0.3645, 0.164025', () => {
    // step 1: 0.9, metric 1 first (best 1); step 2: 0.81, 1 not better → 0.405;
    // step 3: 0.3645, 0.5 better; step 4: 0.32805, 0.5 not better → 0.164025
    const s = chain([exponentialLR({ gamma: 0.9 }), reduceLROnPlateau({ patience: 0, factor: 0.5 })])
    expectClose(trace(s, [1], 4, [1, 1, 0.5, 0.5]).lr, [[1], [0.9], [0.405], [0.3645], [0.164025]], REL)
  })

  test('in the other order the decay applies after the reduction: same lrs (both are products)', () => {
    const s = chain([reduceLROnPlateau({ patience: 0, factor: 0.5 }), exponentialLR({ gamma: 0.9 })])
    expectClose(trace(s, [1], 4, [1, 1, 0.5, 0.5]).lr, [[1], [0.9], [0.405], [0.3645], [0.164025]], REL)
  })

  test('a chain with a plateau needs a metric at every step', () => {
    const s = chain([exponentialLR({ gamma: 0.9 }), reduceLROnPlateau()])
    expect(protocolOf(s).takesMetric).toBe(true)
    expect(() => trace(s, [1], 2)).toThrow('metrics: expected 2 metrics (one per step: ChainedScheduler reacts to a metric), got undefined')
  })
})

describe('the fast path of a chain holding a metric-taking schedule (issue 12.3)', () => {
  // chain([sequential([ConstantLR, ReduceLROnPlateau]), ExponentialLR]) with valid metrics: the
  // fast path used to run the chain's fused factor loop, which passes no metric (NaN) to the plateau
  const s = chain([
    sequential([constantLR({ factor: 0.5, totalIters: 2 }), reduceLROnPlateau({ patience: 0, factor: 0.5 })], [2]),
    exponentialLR({ gamma: 0.9 })
  ])
  const metrics = [5, 4, 4, 4, 3, 3, 3, 3]
  test('traceArray gives the reducer fold, bit for bit', () => {
    const fold = trace(s, [1], metrics.length, metrics)
    expect(Array.from(traceArray(s, [1], metrics.length, metrics).lr)).toEqual(fold.lr.map((r) => r[0]))
  })
  test('and the numbers by hand (patience 0: a step that does not improve halves the lr; ExponentialLR multiplies by 0.9 after)', () => {
    const lr = trace(s, [1], metrics.length, metrics).lr.map((r) => r[0] as number)
    // row 0: ConstantLR's 0.5 (ExponentialLR's init keeps it); row 1: ConstantLR keeps 0.5 (its step 1 of 2), × 0.9;
    // row 2: the milestone starts the plateau from the initial lr 1 (the step's metric is not its), × 0.9;
    // row 3: metric 4, the plateau's first: best, × 0.9; row 4: 4 again, bad: halve, × 0.9;
    // row 5: 3, better: × 0.9; rows 6, 7, 8: 3 again, bad: halve, × 0.9
    const expected = [0.5, 0.5 * 0.9, 0.9, 0.9 * 0.9]
    expected.push(expected[3]! * 0.5 * 0.9, expected[3]! * 0.5 * 0.9 * 0.9)
    for (let k = 6; k <= 8; k++) expected.push(expected[k - 1]! * 0.5 * 0.9)
    expectClose(lr, expected, 1e-15)
  })
})

describe('the other metric-taking schedules after a warmup: sequential([linearLR, X], [4])', () => {
  // rows 0-3: LinearLR 0.25 → 1; row 4 (milestone): X starts afresh from the initial lr 1, with no
  // metric seen (metrics[3] belongs to the warmup); then X reads metrics[4..7] = 4, 4, 3, 3
  const metrics = [5, 5, 5, 5, 4, 4, 3, 3]
  const warmup = [0.25, 0.4375, 0.625, 0.8125, 1]
  const run = (x: Parameters<typeof sequential>[0][number]) =>
    trace(sequential([linearLR({ startFactor: 0.25, totalIters: 4 }), x], [4]), [1], 8, metrics).lr.map((r) => r[0] as number)

  test("keras.ReduceLROnPlateau (patience 1): the first metric is its best, each later one that does not improve halves", () => {
    expectClose(run(keras.reduceLROnPlateau({ patience: 1, factor: 0.5 })), [...warmup, 1, 0.5, 0.5, 0.25], REL)
  })

  test('optax.reduce_on_plateau (patience 1): the same rows, optax counting the bad value to == patience', () => {
    expectClose(run(optax.reduceOnPlateau({ patience: 1, factor: 0.5 })), [...warmup, 1, 0.5, 0.5, 0.25], REL)
  })

  test('hf.greedy (patience 0): a better metric doubles, a worse one halves', () => {
    expectClose(run(hf.greedy({ patience: 0, factor: 0.5, minLr: 0, maxLr: 4 })), [...warmup, 2, 1, 2, 1], REL)
  })
})
