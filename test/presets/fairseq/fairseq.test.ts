// Hand-computed values of the fairseq presets (each from the formula of the fairseq v0.12.3 file
// and the trainer's loop, written out here), the trainer's special rows, every validation message.
import { describe, expect, test } from 'vitest'
import { type AnyScheduler, fairseq, scheduleFromConfig, trace } from '../../../src/index.js'
import { expectClose } from '../../helpers/close.js'
import { expectScheduleError } from '../../helpers/throws.js'

/** Group 0's lr of updates 0..n. */
const col = (s: AnyScheduler, n: number, metrics?: ReadonlyArray<number>): number[] => trace(s, [1], n, metrics).lr.map((r) => r[0] as number)
const pick = (xs: ReadonlyArray<number>, ks: ReadonlyArray<number>): number[] => ks.map((k) => xs[k] as number)

describe('absolute, as fairseq sets every group with set_lr', () => {
  test('two groups with different initial lrs get the same lr, lr[0] times the schedule', () => {
    const t = trace(fairseq.inverseSqrt({ warmupUpdates: 2, lr: [0.5] }), [0.1, 7], 2).lr
    expect(t).toEqual([
      [0, 0],
      [0.25, 0.25],
      [0.5, 0.5]
    ])
  })
  test("the default lr is fairseq's optimization.lr, [0.25]", () => {
    expect(fairseq.step({}).config).toEqual({ type: 'fairseq.step', warmupUpdates: 0, warmupInitLr: -1, lr: [0.25], minLr: 0, lrDeacyPeriod: 25000, lrDecay: 0.5 })
    expect(col(fairseq.step({}), 0)).toEqual([0.25])
  })
})

describe('fairseq.inverse_sqrt', () => {
  test('defaults (warmup 4000 from 0 to 0.25): update 0 at 0, update 1 at 0.25 / 4000, 0.25 at 4000, half at 16000', () => {
    const t = col(fairseq.inverseSqrt({}), 16000)
    expectClose(pick(t, [0, 1, 2000, 4000, 16000]), [0, 0.25 / 4000, 0.125, 0.25, 0.125], 1e-15)
  })
  test('warmupInitLr given: linear from it; past the warmup lr · sqrt(W / k)', () => {
    const t = col(fairseq.inverseSqrt({ warmupUpdates: 4, warmupInitLr: 0.2, lr: [1] }), 16)
    expectClose(t.slice(0, 5), [0.2, 0.4, 0.6, 0.8, 1], 1e-15)
    expectClose([t[9]!, t[16]!], [2 / 3, 0.5], 1e-15)
  })
  test('warmupUpdates 0 (fairseq#1341, a division by zero) is rejected at decode, naming the field', () => {
    expect(() => scheduleFromConfig({ type: 'fairseq.inverse_sqrt', warmupUpdates: 0 })).toThrow('warmupUpdates: expected a positive integer, got 0')
  })
})

describe('fairseq.cosine', () => {
  test('restarts exactly at maxUpdate (period maxUpdate − warmupUpdates), at lr · lrShrink', () => {
    const t = col(fairseq.cosine({ lr: [1], maxUpdate: 4, lrShrink: 0.5 }), 5)
    expectClose(t, [1, 0.5 * (1 + Math.SQRT1_2), 0.5, 0.5 * (1 - Math.SQRT1_2), 0.5, 0.25 * (1 + Math.SQRT1_2)], 1e-15)
  })
  test('warmup from minLr (warmupInitLr < 0), then the cosine from lr; restart at maxUpdate with both ends shrunk', () => {
    const t = col(fairseq.cosine({ lr: [1], minLr: 0.1, warmupUpdates: 2, maxUpdate: 6 }), 6)
    expectClose(t, [0.1, 0.55, 1, 0.1 + 0.45 * (1 + Math.SQRT1_2), 0.55, 0.1 + 0.45 * (1 - Math.SQRT1_2), 0.1], 1e-15)
  })
  test('tMult 2: periods 2, 4, 8 (restarts at 2, 6, 14)', () => {
    const t = col(fairseq.cosine({ lr: [1], lrPeriodUpdates: 2, tMult: 2, lrShrink: 1 }), 14)
    expectClose(pick(t, [0, 1, 2, 4, 6, 10, 14]), [1, 0.5, 1, 0.5, 1, 0.5, 1], 1e-15)
  })
})

describe('fairseq.triangular', () => {
  test('defaults (period 5000): lr at 0, maxLr at 2500, back to lr at 5000; the shrunk top (0.1) may fall below the bottom', () => {
    const t = col(fairseq.triangular({ maxLr: 1 }), 7500)
    // cycle 1: max 1 · 0.1 = 0.1 < lr = 0.25 (fairseq checks max_lr > lr only for the first cycle), so the peak is a dip to 0.1
    expectClose(pick(t, [0, 1250, 2500, 5000, 6250, 7500]), [0.25, 0.625, 1, 0.25, 0.175, 0.1], 1e-15)
  })
  test('shrinkMin shrinks the bottom too; an odd period uses its floor half', () => {
    const t = col(fairseq.triangular({ lr: [0.2], maxLr: 1, lrPeriodUpdates: 5, lrShrink: 0.5, shrinkMin: true }), 6)
    // stepsize 5 // 2 = 2, cycles of 4 updates
    expectClose(t, [0.2, 0.6, 1, 0.6, 0.1, 0.3, 0.5], 1e-15)
  })
})

describe('fairseq.tri_stage', () => {
  test('warmup, hold, decay (its last update still exponential), then finalLrScale · lr', () => {
    const t = col(fairseq.triStage({ lr: [1], warmupSteps: 2, holdSteps: 2, decaySteps: 2, initLrScale: 0.5, finalLrScale: 0.25 }), 8)
    expectClose(t, [0.5, 0.75, 1, 1, 1, 0.5, 0.25, 0.25, 0.25], 1e-15)
  })
  test('phaseRatio: int(maxUpdate · ratio) steps each', () => {
    const t = col(fairseq.triStage({ lr: [1], phaseRatio: [0.5, 0, 0.5], maxUpdate: 5, initLrScale: 0, finalLrScale: 0.25 }), 6)
    // warmup int(2.5) = 2, hold 0, decay 2
    expectClose(t, [0, 0.5, 1, 0.5, 0.25, 0.25, 0.25], 1e-15)
  })
})

describe('fairseq.step', () => {
  test('warmup from minLr, then halving every lrDeacyPeriod updates, floored at minLr', () => {
    const t = col(fairseq.step({ lr: [1], minLr: 0.2, warmupUpdates: 2, lrDeacyPeriod: 2 }), 9)
    expectClose(t, [0.2, 0.6, 1, 1, 0.5, 0.5, 0.25, 0.25, 0.2, 0.2], 1e-15)
  })
})

describe('fairseq.fixed', () => {
  test('warmup: update k at (k + 1) / warmupUpdates of the lr (update 0 is not 0)', () => {
    expect(col(fairseq.fixed({ lr: [1], warmupUpdates: 4 }), 5)).toEqual([0.25, 0.5, 0.75, 1, 1, 1])
  })
  test('epoch e at lr[e − 1], the last entry after; forceAnneal: already shrunk once at that epoch', () => {
    expect(col(fairseq.fixed({ lr: [1, 0.5], updatesPerEpoch: 2 }), 5)).toEqual([1, 1, 0.5, 0.5, 0.5, 0.5])
    expect(col(fairseq.fixed({ lr: [1, 0.5], forceAnneal: 2, lrShrink: 0.5, updatesPerEpoch: 3 }), 8)).toEqual([1, 1, 1, 0.25, 0.25, 0.25, 0.125, 0.125, 0.125])
  })
})

describe('fairseq.polynomial_decay', () => {
  test('with a warmup update 0 trains at 0 (step_update(0) after the constructor), lr at warmupUpdates, endLearningRate from totalNumUpdate', () => {
    const t = col(fairseq.polynomialDecay({ lr: [1], warmupUpdates: 2, totalNumUpdate: 6, endLearningRate: 0.2, power: 2 }), 8)
    expectClose(t, [0, 0.5, 1, 0.2 + 0.8 * 0.5625, 0.2 + 0.8 * 0.25, 0.2 + 0.8 * 0.0625, 0.2, 0.2, 0.2], 1e-15)
  })
  test('several lrs: epoch e takes lr[min(e, len − 1)], so epoch 1 takes lr[1]', () => {
    expect(col(fairseq.polynomialDecay({ lr: [1, 0.5, 0.25], totalNumUpdate: 100, power: 0, updatesPerEpoch: 2 }), 5)).toEqual([0.5, 0.5, 0.25, 0.25, 0.25, 0.25])
  })
  test('forceAnneal: each epoch from forceAnneal on decays from the lr it starts at', () => {
    // epoch 1: peak 1 → 1, 0.75; epoch 2: peak 0.5 (the lr at update 2) → 0.25, 0.125; epoch 3: update 4 = total → 0
    expect(col(fairseq.polynomialDecay({ lr: [1], totalNumUpdate: 4, forceAnneal: 1, updatesPerEpoch: 2 }), 5)).toEqual([1, 0.75, 0.25, 0.125, 0, 0])
  })
})

describe('fairseq.reduce_lr_on_plateau', () => {
  test('warmup by update; epoch ends during the warmup (and at its last update) are ignored; after it, a plateau halves the lr', () => {
    const t = col(fairseq.reduceLrOnPlateau({ lr: [1], warmupUpdates: 4, lrShrink: 0.5, updatesPerEpoch: 2 }), 10, Array(10).fill(1))
    // epochs end at 2, 4 (ignored: 4 ≤ warmupUpdates), 6 (first loss seen), 8 and 10 (no improvement)
    expect(t).toEqual([0, 0.25, 0.5, 0.75, 1, 1, 1, 1, 0.5, 0.5, 0.25])
  })
  test('without a warmup update 0 is at lr[0] (warmupInitLr ignored); only epoch-end metrics are read', () => {
    const t = col(fairseq.reduceLrOnPlateau({ lr: [1], warmupInitLr: 0.1, lrShrink: 0.5, lrPatience: 1, updatesPerEpoch: 3 }), 9, [0.1, 0.1, 2, 0.1, 0.1, 2, 0.1, 0.1, 2])
    expect(t).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 0.5])
  })
  test("maximizeBestCheckpointMetric: mode max (a rising metric is an improvement)", () => {
    const s = fairseq.reduceLrOnPlateau({ lr: [1], maximizeBestCheckpointMetric: true, updatesPerEpoch: 1 })
    expect(col(s, 3, [1, 2, 2])).toEqual([1, 1, 1, 0.1])
  })
  test('a missing metric at an epoch end names the update', () => {
    const s = fairseq.reduceLrOnPlateau({ updatesPerEpoch: 2 })
    const [g0, s0] = s.init([{ lr: 1 }])
    // the first step does not end an epoch: its metric is not read
    const [g1, s1] = s.step(s0, g0)
    expect(g1[0]!.lr).toBe(0.25)
    expect(() => s.step(s1, g1)).toThrow(
      "metric: expected a finite number at update 2 (fairseq.reduce_lr_on_plateau reads the validation loss at every epoch's end, every updatesPerEpoch = 2 updates), got undefined"
    )
  })
})

describe('fairseq.manual', () => {
  test('update2lr from its key on, over epoch2lr from its epoch on; before any key the constructor\'s lr', () => {
    const s = fairseq.manual({ epoch2lr: { '2-3': 0.5, '5': 0.25 }, update2lr: { '7,9': 0.1 }, lr: [1], updatesPerEpoch: 2 })
    // epochs: updates 0-1 → 1, 2-3 → 2, 4-5 → 3, 6-7 → 4, 8-9 → 5; update keys 7 and 9
    expect(col(s, 10)).toEqual([1, 1, 0.5, 0.5, 0.5, 0.5, 0.5, 0.1, 0.1, 0.1, 0.1])
  })
  test('the constructor takes update2lr[1] when epoch2lr has no key 1: update 0 trains at it', () => {
    expect(col(fairseq.manual({ update2lr: { '1': 0.3, '3': 0.1 }, lr: [0.5] }), 3)).toEqual([0.3, 0.3, 0.3, 0.1])
    expect(col(fairseq.manual({ epoch2lr: { '1': 0.4 }, update2lr: { '2': 0.3 }, updatesPerEpoch: 1 }), 2)).toEqual([0.4, 0.4, 0.3])
  })
})

describe('validation messages', () => {
  const cases: ReadonlyArray<readonly [string, () => unknown, string]> = [
    ['inverse_sqrt warmup 0', () => fairseq.inverseSqrt({ warmupUpdates: 0 }), 'warmupUpdates: expected a positive integer, got 0'],
    ['inverse_sqrt two lrs', () => fairseq.inverseSqrt({ lr: [0.1, 0.2] }), 'lr: expected one lr (fairseq: "Cannot use a fixed learning rate schedule with inverse_sqrt"), got [0.1,0.2]'],
    ['empty lr', () => fairseq.inverseSqrt({ lr: [] }), 'lr: expected a non-empty array, got []'],
    ['negative lr', () => fairseq.inverseSqrt({ lr: [-1] }), 'lr[0]: expected a finite number >= 0, got -1'],
    [
      'cosine without a period',
      () => fairseq.cosine({}),
      'maxUpdate: expected an integer greater than warmupUpdates = 0 when lrPeriodUpdates ≤ 0 (the period maxUpdate − warmupUpdates; fairseq: "Either --max_update or --lr-period-updates must be set"), got 0'
    ],
    [
      'cosine warmup = maxUpdate',
      () => fairseq.cosine({ maxUpdate: 10, warmupUpdates: 10 }),
      'maxUpdate: expected an integer greater than warmupUpdates = 10 when lrPeriodUpdates ≤ 0 (the period maxUpdate − warmupUpdates; fairseq: "Either --max_update or --lr-period-updates must be set"), got 10'
    ],
    ['cosine lr = minLr', () => fairseq.cosine({ lr: [0.1], minLr: 0.1, maxUpdate: 10 }), 'lr: expected an lr greater than minLr = 0.1 (fairseq asserts max_lr > min_lr), got [0.1]'],
    ['cosine tMult < 1', () => fairseq.cosine({ maxUpdate: 10, tMult: 0.5 }), 'tMult: expected a number in [1, Infinity], got 0.5'],
    ['triangular without maxLr', () => fairseq.triangular({} as fairseq.TriangularOptions), 'maxLr: missing, expected a finite number >= 0'],
    ['triangular maxLr = lr', () => fairseq.triangular({ maxLr: 0.25 }), 'maxLr: expected a number greater than lr[0] = 0.25 (fairseq asserts max_lr > lr), got 0.25'],
    ['triangular period < 2', () => fairseq.triangular({ maxLr: 1, lrPeriodUpdates: 1.5 }), 'lrPeriodUpdates: expected a number in [2, Infinity], got 1.5'],
    ['tri_stage without decay', () => fairseq.triStage({}), 'decaySteps: expected an integer ≥ 1 (fairseq divides by decay_steps), got 0'],
    ['tri_stage two ratios', () => fairseq.triStage({ phaseRatio: [0.5, 0.5], maxUpdate: 10 }), 'phaseRatio: expected three numbers (warmup, hold, decay), got [0.5,0.5]'],
    ['tri_stage ratios without maxUpdate', () => fairseq.triStage({ phaseRatio: [0.5, 0.5, 0] }), 'maxUpdate: expected a number > 0 with phaseRatio (fairseq asserts max_update > 0), got 0'],
    ['tri_stage ratios not summing to 1', () => fairseq.triStage({ phaseRatio: [0.5, 0.5, 0.5], maxUpdate: 10 }), 'phaseRatio: expected three numbers adding up to 1 (fairseq: "phase ratios must add up to 1"), got [0.5,0.5,0.5]'],
    [
      'tri_stage no decay update',
      () => fairseq.triStage({ phaseRatio: [0.5, 0.45, 0.05], maxUpdate: 10 }),
      'phaseRatio: expected a decay ratio giving at least one decay update (fairseq divides by int(max_update · ratio)), got [0.5,0.45,0.05]'
    ],
    ['tri_stage finalLrScale 0', () => fairseq.triStage({ decaySteps: 3, finalLrScale: 0 }), 'finalLrScale: expected a finite number > 0, got 0'],
    ['step lr = minLr', () => fairseq.step({ minLr: 0.25 }), 'lr: expected an lr greater than minLr = 0.25 (fairseq asserts max_lr > min_lr), got [0.25]'],
    ['step decay > 1', () => fairseq.step({ lrDecay: 1.5 }), 'lrDecay: expected a number in [-Infinity, 1], got 1.5'],
    ['step period 0', () => fairseq.step({ lrDeacyPeriod: 0 }), 'lrDeacyPeriod: expected a positive integer, got 0'],
    ...(['fixed', 'polynomialDecay'] as const).flatMap((f) =>
      [{ lr: [0.1, 0.2] }, { forceAnneal: 2 }].map(
        (o) =>
          [
            `${f} ${JSON.stringify(o)} without updatesPerEpoch`,
            () => (fairseq[f] as (o: object) => unknown)(f === 'fixed' ? o : { totalNumUpdate: 10, ...o }),
            'updatesPerEpoch: expected an integer ≥ 1 when lr has several entries or forceAnneal is given (the lr changes at epoch starts), got undefined'
          ] as const
      )
    ),
    ['polynomial_decay without totalNumUpdate', () => fairseq.polynomialDecay({} as fairseq.PolynomialDecayOptions), 'totalNumUpdate: missing, expected a finite number > 0'],
    ['polynomial_decay totalNumUpdate 0', () => fairseq.polynomialDecay({ totalNumUpdate: 0 }), 'totalNumUpdate: expected a finite number > 0, got 0'],
    ['manual epoch2lr without updatesPerEpoch', () => fairseq.manual({ epoch2lr: { '1': 0.1 } }), 'updatesPerEpoch: expected an integer ≥ 1 when epoch2lr has entries (the lr changes at epoch starts), got undefined'],
    [
      'manual key listed twice',
      () => fairseq.manual({ update2lr: { '1-3': 0.1, '2': 0.2 } }),
      'update2lr: expected an object of lrs by keys "3", "1,2" or "4-6" (integers ≥ 0), each key listed once (2 is listed twice), got {"2":0.2,"1-3":0.1}'
    ],
    ['manual bad key', () => fairseq.manual({ update2lr: { '1,2-3': 0.1 } }), 'update2lr: expected an object of lrs by keys "3", "1,2" or "4-6" (integers ≥ 0), got {"1,2-3":0.1}'],
    ['manual negative lr', () => fairseq.manual({ epoch2lr: { '1': -1 }, updatesPerEpoch: 1 }), 'epoch2lr: expected an object of lrs (finite numbers ≥ 0) by keys "3", "1,2" or "4-6" (integers ≥ 0), got {"1":-1}'],
    ['plateau without updatesPerEpoch', () => fairseq.reduceLrOnPlateau({} as fairseq.ReduceLrOnPlateauOptions), 'updatesPerEpoch: missing, expected a positive integer'],
    ['plateau lrShrink 1', () => fairseq.reduceLrOnPlateau({ updatesPerEpoch: 2, lrShrink: 1 }), 'lrShrink: expected a number in [0, 1), got 1'],
    [
      'plateau two lrs',
      () => fairseq.reduceLrOnPlateau({ updatesPerEpoch: 2, lr: [1, 2] }),
      'lr: expected one lr (fairseq: "Cannot use a fixed learning rate schedule with reduce_lr_on_plateau"), got [1,2]'
    ]
  ]
  test.each(cases)('%s', (_name, f, message) => {
    expectScheduleError(f, message)
  })
})
