// Hand-checked values of the fastai presets (positions, float32 boundaries, the rows past the fit),
// fastai's notebook checks (nbs/14_callback.schedule.ipynb, its `test_close` tolerance 1e-5), the
// constructors' @examples, and every validation message.
import { describe, expect, test } from 'vitest'
import { type AnyScheduler, fastai, scheduleFromConfig, trace } from '../../../src/index.js'
import { expectClose } from '../../helpers/close.js'
import { rows } from '../../helpers/lists.js'
import { expectScheduleError } from '../../helpers/throws.js'

const col = (s: AnyScheduler, lr: number, steps: number): ReadonlyArray<number> => trace(s, [lr], steps).lr.map((r) => r[0] as number)
const h = Math.SQRT1_2 // cos(π/4)

describe('positions: fastai.SchedLin(0, 1) is the position of every batch', () => {
  test('2 epochs of 3 batches: epoch e starts at e/n_epoch exactly, then 1/(n_iter·n_epoch) is added batch by batch', () => {
    const d = 1 / 6
    const s = fastai.schedLin({ start: 0, end: 1, nEpoch: 2, batchesPerEpoch: 3 })
    expect(col(s, 1, 5)).toEqual([0, d, d + d, 0.5, 0.5 + d, 0.5 + d + d])
  })
  test('the accumulated position is not k/N: 0.1 added three times is 0.30000000000000004', () => {
    const s = fastai.schedLin({ start: 0, end: 1, nEpoch: 1, batchesPerEpoch: 10 })
    expect(col(s, 1, 3)[3]).toBe(0.30000000000000004)
  })
  test('past the fit, the last batch\'s value stays (the optimizer keeps what was set last)', () => {
    const s = fastai.schedLin({ start: 0, end: 1, nEpoch: 1, batchesPerEpoch: 4 })
    expect(col(s, 1, 8)).toEqual([0, 0.25, 0.5, 0.75, 0.75, 0.75, 0.75, 0.75, 0.75])
  })
  test('a fit of 2^40 batches per epoch decodes and traces at once (positions are added as the trace goes, no table)', () => {
    const t = trace(fastai.fitOneCycle({ nEpoch: 3, batchesPerEpoch: 2 ** 40, lrMax: 1 }), [{ lr: 1, momentum: 0.9 }], 2)
    expect(t.lr[0]).toEqual([1 / 25])
  })
  test('one batch: only f(0)', () => {
    expect(col(fastai.schedCos({ start: 3, end: 1, nEpoch: 1, batchesPerEpoch: 1 }), 1, 2)).toEqual([3, 3, 3])
  })
  test('absolute values: the groups\' initial lrs are not read; per-group arrays give each group its own', () => {
    const s = fastai.schedLin({ start: [0, 10], end: [1, 20], nEpoch: 1, batchesPerEpoch: 2 })
    expect(trace(s, [5, 7], 1).lr).toEqual([[0, 10], [0.5, 15]])
  })
})

describe("the annealers (fastai's notebook checks at 0, .25, .5, .75)", () => {
  const fit = { nEpoch: 1, batchesPerEpoch: 4 }
  test('SchedLin(0, 2): 0, 0.5, 1, 1.5', () => {
    expect(col(fastai.schedLin({ start: 0, end: 2, ...fit }), 1, 3)).toEqual([0, 0.5, 1, 1.5])
  })
  test('SchedCos(0, 2): 1 − cos(π·pos): 0, 1 − cos(π/4), 1, 1 + cos(π/4) (notebook: 0, 0.29289, 1, 1.70711)', () => {
    expectClose(trace(fastai.schedCos({ start: 0, end: 2, ...fit }), [1], 3).lr, rows([0, 1 - h, 1, 1 + h]), 1e-15, 1e-15)
    expectClose(trace(fastai.schedCos({ start: 0, end: 2, ...fit }), [1], 3).lr, rows([0, 0.29289, 1, 1.70711]), 0, 1e-5)
  })
  test('SchedNo(0, 2): 0 everywhere', () => {
    expect(col(fastai.schedNo({ start: 0, end: 2, ...fit }), 1, 3)).toEqual([0, 0, 0, 0])
  })
  test('SchedExp(1, 2): 2^pos: 1, 2^¼, √2, 2^¾ (notebook: 1, 1.18921, 1.41421, 1.68179)', () => {
    expectClose(trace(fastai.schedExp({ start: 1, end: 2, ...fit }), [1], 3).lr, rows([1, 2 ** 0.25, Math.SQRT2, 2 ** 0.75]), 1e-15, 0)
    expectClose(trace(fastai.schedExp({ start: 1, end: 2, ...fit }), [1], 3).lr, rows([1, 1.18921, 1.41421, 1.68179]), 0, 1e-5)
  })
  test('SchedExp to 0: 0 from the second batch (0 ** pos)', () => {
    expect(col(fastai.schedExp({ start: 0.5, end: 0, nEpoch: 1, batchesPerEpoch: 3 }), 1, 2)).toEqual([0.5, 0, 0])
  })
  test('SchedPoly(0, 2, 2): 2·pos²: 0, 0.125, 0.5, 1.125', () => {
    expect(col(fastai.schedPoly({ start: 0, end: 2, power: 2, ...fit }), 1, 3)).toEqual([0, 0.125, 0.5, 1.125])
  })
  test('SchedPoly power 0: 0 ** 0 is 1 in Python: end from the first batch', () => {
    expect(col(fastai.schedPoly({ start: 1, end: 0.5, power: 0, ...fit }), 1, 1)).toEqual([0.5, 0.5])
  })
})

describe('fastai.combine_scheds', () => {
  const lin = { type: 'fastai.SchedLin', start: 0, end: 1 } as const
  const no1 = { type: 'fastai.SchedNo', start: 1, end: 1 } as const
  const cos10 = { type: 'fastai.SchedCos', start: 1, end: 0 } as const
  test('notebook: [0.3, 0.2, 0.5] of SchedLin(0, 1), SchedNo(1, 1), SchedCos(1, 0) at 0, .15, .3, .4, .5, .7 is 0, 0.5, 1, 1, 1, 0.65451', () => {
    const s = fastai.combineScheds({ pcts: [0.3, 0.2, 0.5], scheds: [lin, no1, cos10], nEpoch: 1, batchesPerEpoch: 20 })
    const t = col(s, 1, 19)
    expectClose([0, 3, 6, 8, 10, 14].map((k) => t[k] as number), [0, 0.5, 1, 1, 1, 0.65451], 0, 1e-5)
    // 0.7 is 0.4 into the cosine of 0.5: 1 − (1 − cos(0.4π))/2 = (1 + cos(0.4π))/2
    expectClose([t[14] as number], [(1 + Math.cos(0.4 * Math.PI)) / 2], 1e-6, 0)
  })
  test("notebook: combined_cos(0.25, 0.5, 1, 0) at 0, .1, .25, .5 is 0.5, 0.67275, 1, 0.75 (one group and per-group arrays)", () => {
    const cc = (a: number | number[], b: number | number[], c: number | number[]) =>
      fastai.combineScheds({ pcts: [0.25, 0.75], scheds: [{ type: 'fastai.SchedCos', start: a, end: b }, { type: 'fastai.SchedCos', start: b, end: c }], nEpoch: 1, batchesPerEpoch: 20 })
    const t = col(cc(0.5, 1, 0), 1, 19)
    expectClose([0, 2, 5, 10].map((k) => t[k] as number), [0.5, 0.67275, 1, 0.75], 0, 1e-5)
    const g = trace(cc([0.25, 0.5], [0.5, 1], [0, 0]), [1, 1], 19).lr
    expectClose([0, 2, 5, 10].map((k) => g[k] as number[]), [[0.25, 0.5], [0.33638, 0.67275], [0.5, 1], [0.375, 0.75]], 0, 1e-5)
  })
  test('a zero pct skips its schedule; a zero first pct starts in the second', () => {
    const s = fastai.combineScheds({ pcts: [0, 1], scheds: [{ type: 'fastai.SchedNo', start: 9, end: 9 }, lin], nEpoch: 1, batchesPerEpoch: 4 })
    expect(col(s, 1, 3)).toEqual([0, 0.25, 0.5, 0.75])
  })
  test('float32: the position inside a segment is computed in float32 (fround(fround(0.1)/fround(0.3)), not 1/3)', () => {
    const s = fastai.combineScheds({ pcts: [0.3, 0.7], scheds: [lin, no1], nEpoch: 1, batchesPerEpoch: 10 })
    const x = col(s, 1, 1)[1] as number
    expect(x).toBe(Math.fround(Math.fround(0.1) / Math.fround(0.3)))
    expect(x).not.toBe(0.1 / 0.3)
  })
  test('@example', () => {
    const s = fastai.combineScheds({ pcts: [0.5, 0.5], scheds: [{ type: 'fastai.SchedLin', start: 0, end: 1 }, { type: 'fastai.SchedNo', start: 1, end: 1 }], nEpoch: 1, batchesPerEpoch: 4 })
    expect(trace(s, [1], 3).lr).toEqual([[0], [0.5], [1], [1]])
  })
})

describe('fastai.fit_one_cycle', () => {
  test("notebook: fit_one_cycle(2), lr 1e-2, 10 batches: combined_cos(0.25, 1e-2/25, 1e-2, 1e-7)(i/20) and combined_cos(0.25, 0.95, 0.85, 0.95)(i/20), to 1e-5", () => {
    const t = trace(fastai.fitOneCycle({ nEpoch: 2, batchesPerEpoch: 10 }), [{ lr: 1e-2, momentum: 0.9 }], 19)
    const cc = (pct: number, a: number, b: number, c: number) => (p: number) =>
      p < pct ? a + ((1 + Math.cos(Math.PI * (1 - p / pct))) * (b - a)) / 2 : b + ((1 + Math.cos(Math.PI * (1 - (p - pct) / (1 - pct)))) * (c - b)) / 2
    const k20 = Array.from({ length: 20 }, (_, i) => i / 20)
    expectClose(t.lr, rows(k20.map(cc(0.25, 1e-2 / 25, 1e-2, 1e-7))), 1e-5, 1e-10)
    expectClose(t.momentum ?? [], rows(k20.map(cc(0.25, 0.95, 0.85, 0.95))), 0, 1e-5)
  })
  test('the special rows: row 0 is lrMax/div with moms[0]; the first batch at pctStart is lrMax with moms[1] exactly; the last is above lrMax/divFinal', () => {
    const t = trace(fastai.fitOneCycle({ nEpoch: 4, batchesPerEpoch: 10, lrMax: 0.5 }), [{ lr: 1, momentum: 0.9 }], 41)
    expect(t.lr[0]).toEqual([0.5 / 25])
    expect(t.momentum?.[0]).toEqual([0.95])
    expect(t.lr[10]).toEqual([0.5])
    expect(t.momentum?.[10]).toEqual([0.85])
    // the last batch, 39/40, is 29/30 into the descent: 0.5 + (1 + cos(π/30))·(5e-6 − 0.5)/2, above
    // lrMax/divFinal (to 1e-8: fastai's float32 position moves it by ~3e-9)
    const last = (t.lr[39] as number[])[0] as number
    expectClose([last], [0.5 + ((1 + Math.cos(Math.PI / 30)) * (5e-6 - 0.5)) / 2], 0, 1e-8)
    expect(last).toBeGreaterThan(0.5 / 1e5)
    expect(t.lr[40]).toEqual(t.lr[39])
    expect(t.lr[41]).toEqual(t.lr[39])
  })
  test('float32 position (fastai): row 1 of 2 epochs of 10 batches at lrMax 1e-2 is 0.0013167184534158176 (float64 positions: 0.0013167184270002528)', () => {
    // the number fastai's own fit_one_cycle records (test/fixtures/fastai/fit_one_cycle.json, nb-fit-one-cycle-2)
    expect(trace(fastai.fitOneCycle({ nEpoch: 2, batchesPerEpoch: 10, lrMax: 1e-2 }), [{ lr: 1, momentum: 0.9 }], 1).lr[1]).toEqual([0.0013167184534158176])
  })
  test("without lrMax, each group's initial lr is its lrMax (fastai: the Learner's lr)", () => {
    const t = trace(fastai.fitOneCycle({ nEpoch: 1, batchesPerEpoch: 4, div: 2, pctStart: 0.5 }), [{ lr: 1, momentum: 0.9 }, { lr: 4, momentum: 0.9 }], 2)
    expect(t.lr).toEqual([[0.5, 2], [0.75, 3], [1, 4]])
  })
  test('@example', () => {
    const t = trace(fastai.fitOneCycle({ nEpoch: 1, batchesPerEpoch: 2, lrMax: 1, div: 4, pctStart: 0.5 }), [{ lr: 1, momentum: 0.9 }], 1)
    expect(t.lr).toEqual([[0.25], [1]])
    expect(t.momentum).toEqual([[0.95], [0.85]])
  })
  test('pctStart 1: the rise takes the whole fit (the empty second segment is never reached)', () => {
    const t = trace(fastai.fitOneCycle({ nEpoch: 1, batchesPerEpoch: 2, lrMax: 1, div: 4, pctStart: 1 }), [{ lr: 1, momentum: 0.9 }], 1)
    expect(t.lr).toEqual([[0.25], [0.625]])
  })
})

describe('fastai.fit_flat_cos', () => {
  test('@example: flat, then the cosine from pctStart: [1, 1, 1, 0.75]', () => {
    expect(trace(fastai.fitFlatCos({ nEpoch: 1, batchesPerEpoch: 4, divFinal: 2, pctStart: 0.5 }), [1], 3).lr).toEqual([[1], [1], [1], [0.75]])
  })
  test('momentum is left alone', () => {
    expect(trace(fastai.fitFlatCos({ nEpoch: 1, batchesPerEpoch: 4 }), [{ lr: 1, momentum: 0.9 }], 3).momentum).toBeUndefined()
  })
})

describe('fastai.fit_sgdr', () => {
  test('@example: one cycle of 2 epochs of 2 batches, then the last value held', () => {
    expect(col(fastai.fitSgdr({ nCycles: 1, cycleLen: 2, batchesPerEpoch: 2 }), 1, 4)).toEqual([1, 0.8535533905932737, 0.5, 0.14644660940672627, 0.14644660940672627])
    expectClose([0.8535533905932737, 0.14644660940672627], [(1 + h) / 2, (1 - h) / 2], 1e-15, 0)
  })
  test('notebook: fit_sgdr(3, 1) runs 7 epochs; inside each cycle the lr is SchedCos(lr, 0)(k/n), to 1e-5', () => {
    const n = 10
    const t = col(fastai.fitSgdr({ nCycles: 3, cycleLen: 1, batchesPerEpoch: n }), 0.01, 7 * n + 5)
    const iters = [0, 1, 3, 7].map((k) => k * n)
    for (let i = 0; i < 3; i++) {
      const len = (iters[i + 1] as number) - (iters[i] as number)
      const expected = Array.from({ length: len - 1 }, (_, k) => 0.01 + ((1 + Math.cos(Math.PI * (1 - (k + 1) / len))) * (0 - 0.01)) / 2)
      expectClose(t.slice((iters[i] as number) + 1, iters[i + 1]), expected, 0, 1e-5)
    }
    expect(t[0]).toBe(0.01)
    expect(t[70]).toBe(t[69])
  })
})

describe('validation', () => {
  const fit = { nEpoch: 1, batchesPerEpoch: 4 }
  for (const [name, f, message] of [
    ['SchedExp start 0', () => fastai.schedExp({ start: 0, end: 1, ...fit }), 'start: expected a number ≠ 0 (SchedExp divides end by start), got 0'],
    ['SchedExp end of the other sign', () => fastai.schedExp({ start: 1, end: -1, ...fit }), 'end: expected a number of the sign of start (SchedExp raises end/start to a fractional power; start is 1), got -1'],
    ['SchedExp per group', () => fastai.schedExp({ start: [1, 0], end: 1, ...fit }), 'start[1]: expected a number ≠ 0 (SchedExp divides end by start), got 0'],
    ['SchedPoly negative power', () => fastai.schedPoly({ start: 1, end: 0, power: -1, ...fit }), 'power: expected a finite number >= 0, got -1'],
    ['nEpoch 0', () => fastai.schedLin({ start: 1, end: 0, nEpoch: 0, batchesPerEpoch: 4 }), 'nEpoch: expected a positive integer, got 0'],
    ['batchesPerEpoch missing', () => fastai.schedLin({ start: 1, end: 0, nEpoch: 2 } as fastai.SchedLinOptions), 'batchesPerEpoch: missing, expected a positive integer'],
    ['start not finite', () => fastai.schedCos({ start: NaN, end: 0, ...fit }), 'start: expected a finite number, got NaN'],
    [
      'pcts not summing to 1',
      () => fastai.combineScheds({ pcts: [0.5, 0.6], scheds: [{ type: 'fastai.SchedNo', start: 1, end: 1 }, { type: 'fastai.SchedNo', start: 1, end: 1 }], ...fit }),
      "pcts: expected pcts that sum to 1 (fastai's combine_scheds asserts sum(pcts) == 1.; the sum is 1.1), got [0.5,0.6]"
    ],
    [
      'one schedule per pct',
      () => fastai.combineScheds({ pcts: [0.5, 0.5], scheds: [{ type: 'fastai.SchedNo', start: 1, end: 1 }], ...fit }),
      'scheds: expected 2 schedules (one per pct), got [{"type":"fastai.SchedNo","start":1,"end":1}]'
    ],
    [
      'a SchedExp child starting at 0',
      () => fastai.combineScheds({ pcts: [1], scheds: [{ type: 'fastai.SchedExp', start: 0, end: 1 }], ...fit }),
      'scheds[0].start: expected a number ≠ 0 (SchedExp divides end by start), got 0'
    ],
    [
      'an empty last segment where the last batch falls (2^25 epochs of 1 batch: its float32 position is 1)',
      () => fastai.combineScheds({ pcts: [0.5, 0.5, 0], scheds: [{ type: 'fastai.SchedNo', start: 1, end: 1 }, { type: 'fastai.SchedNo', start: 1, end: 1 }, { type: 'fastai.SchedNo', start: 1, end: 1 }], nEpoch: 2 ** 25, batchesPerEpoch: 1 }),
      "pcts: expected pcts whose last segment is not empty where the fit's last batches fall (fastai's combine_scheds would divide 0 by 0 there: a NaN lr), got [0.5,0.5,0]"
    ],
    [
      'fit_one_cycle pctStart 1 where the last batch reaches position 1 in float32',
      () => fastai.fitOneCycle({ nEpoch: 2 ** 25, batchesPerEpoch: 1, pctStart: 1 }),
      "pctStart: expected a pctStart whose last segment is not empty where the fit's last batches fall (fastai's combine_scheds would divide 0 by 0 there: a NaN lr), got 1"
    ],
    ['moms of two', () => fastai.fitOneCycle({ nEpoch: 1, batchesPerEpoch: 4, moms: [0.9, 0.8] }), 'moms: expected three numbers (start, middle, end: combined_cos(pct_start, *moms)), got [0.9,0.8]'],
    ['pctStart above 1', () => fastai.fitOneCycle({ nEpoch: 1, batchesPerEpoch: 4, pctStart: 1.5 }), 'pctStart: expected a number in [0, 1], got 1.5'],
    ['div 0', () => fastai.fitOneCycle({ nEpoch: 1, batchesPerEpoch: 4, div: 0 }), 'div: expected a finite number > 0, got 0'],
    ['cycleMult 1', () => fastai.fitSgdr({ nCycles: 2, cycleLen: 1, cycleMult: 1, batchesPerEpoch: 4 }), 'cycleMult: expected an integer ≥ 2 (fastai divides by cycle_mult - 1), got 1'],
    [
      'fit_sgdr with more than 2^31 epochs',
      () => fastai.fitSgdr({ nCycles: 40, cycleLen: 1, batchesPerEpoch: 1 }),
      'nCycles: expected a number of cycles whose epochs, cycleLen · (cycleMult^nCycles − 1)/(cycleMult − 1), are at most 2^31 (they are 1099511627775), got 40'
    ],
    [
      'an unknown argument',
      () => fastai.fitFlatCos({ nEpoch: 1, batchesPerEpoch: 4, lrMax: 1 } as unknown as fastai.FitFlatCosOptions),
      'lrMax: unknown argument of fastai.fit_flat_cos (it takes nEpoch, batchesPerEpoch, lr, divFinal, pctStart)'
    ]
  ] as const)
    test(`rejects ${name}`, () => {
      expectScheduleError(f, message)
    })

  test('per-group arrays must have one entry per group', () => {
    expectScheduleError(() => trace(fastai.fitOneCycle({ nEpoch: 1, batchesPerEpoch: 4, lrMax: [0.1, 0.2] }), [{ lr: 1, momentum: 0.9 }], 1), 'lrMax: expected 1 value (one per param group), got [0.1,0.2]')
  })

  test('a child schedule of an unknown type, and a child missing its end, in JSON: the path names it', () => {
    const bad = { type: 'fastai.combine_scheds', pcts: [0.5, 0.5], scheds: [{ type: 'fastai.SchedCosine', start: 1, end: 0 }, { type: 'fastai.SchedLin', start: 1 }], nEpoch: 1, batchesPerEpoch: 4 }
    expectScheduleError(
      () => scheduleFromConfig(bad),
      [
        'scheds[0].type: expected one of "fastai.SchedLin", "fastai.SchedCos", "fastai.SchedNo", "fastai.SchedExp", "fastai.SchedPoly" (an annealer with start and end; SchedPoly with power), got "fastai.SchedCosine"',
        'scheds[1].end: missing, expected a finite number'
      ].join('\n')
    )
  })

  test('a child type that names an Object.prototype property (__proto__, toString) is an unknown type, not a crash (found by the fuzzer, seed 3141592653)', () => {
    for (const type of ['__proto__', 'toString']) {
      const bad = { type: 'fastai.combine_scheds', pcts: [1], scheds: [{ type, start: 1, end: 0 }], nEpoch: 1, batchesPerEpoch: 4 }
      expectScheduleError(
        () => scheduleFromConfig(bad),
        `scheds[0].type: expected one of "fastai.SchedLin", "fastai.SchedCos", "fastai.SchedNo", "fastai.SchedExp", "fastai.SchedPoly" (an annealer with start and end; SchedPoly with power), got ${JSON.stringify(type)}`
      )
    }
  })
})
