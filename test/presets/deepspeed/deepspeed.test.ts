// Hand-computed values of the DeepSpeed presets (each from the formula of DeepSpeed v0.19.5's
// deepspeed/runtime/lr_schedules.py and the engine's loop, written out here), the engine's special
// rows (row 0: the constructor's lr; row k ≥ 1: the lr for last_batch_iteration k − 1), per-group
// arguments, and every validation message.
import { describe, expect, test } from 'vitest'
import { type AnyScheduler, deepspeed, scheduleFromConfig, sequential, stepLR, trace } from '../../../src/index.js'
import { expectClose } from '../../helpers/close.js'

/** Group 0's lr of updates 0..n. */
const col = (s: AnyScheduler, n: number, lr = 1): number[] => trace(s, [lr], n).lr.map((r) => r[0] as number)

describe('the engine: the constructor sets the lr of update 0, step() follows each update', () => {
  test('WarmupLR (log, the default): updates 0 and 1 both at warmupMinLr (b = −1, then log(1) = 0)', () => {
    const t = col(deepspeed.warmupLR({ warmupMinLr: 0.01, warmupMaxLr: 0.1, warmupNumSteps: 10 }), 12)
    // row k = 0.01 + 0.09 · log(k) / log(10) for 1 ≤ k ≤ 10, then 0.1
    expect(t.slice(0, 2)).toEqual([0.01, 0.01])
    expectClose(t.slice(1, 11), Array.from({ length: 10 }, (_, i) => 0.01 + 0.09 * (Math.log(i + 1) / Math.log(10))), 1e-15)
    expect(t.slice(11)).toEqual([0.1, 0.1])
  })
  test('WarmupCosineLR: update 0 at 0 (its ratio before the first step), update 1 at warmupMinRatio', () => {
    const t = col(deepspeed.warmupCosineLR({ totalNumSteps: 100, warmupNumSteps: 10, warmupMinRatio: 0.2 }), 2, 0.5)
    expect(t[0]).toBe(0)
    expect(t[1]).toBeCloseTo(0.5 * 0.2, 15)
    // b = 1: 0.2 + log(2) / log(10) · 0.8
    expectClose([t[2]!], [0.5 * (0.2 + (Math.log(2) / Math.log(10)) * 0.8)], 1e-15)
  })
  test('LRRangeTest and OneCycle: update 0 at the min lr; update 1 one step in', () => {
    expectClose(col(deepspeed.lrRangeTest({ lrRangeTestMinLr: 0.1, lrRangeTestStepSize: 10, lrRangeTestStepRate: 2 }), 2), [0.1, 0.1 * 1.2, 0.1 * 1.4], 1e-15)
    expectClose(col(deepspeed.oneCycle({ cycleMinLr: 0.1, cycleMaxLr: 1.1, cycleFirstStepSize: 4 }), 2), [0.1, 0.35, 0.6], 1e-15)
  })
})

describe('deepspeed.WarmupLR', () => {
  test('warmupNumSteps 1 is max(2, 1) = 2 (log: log(b + 1) / log(2))', () => {
    expectClose(col(deepspeed.warmupLR({ warmupMaxLr: 1, warmupNumSteps: 1 }), 4), [0, 0, 1, 1, 1], 1e-15)
  })
  test("without warmupMaxLr, each group warms up to its own initial lr (v0.19.4's fix, #8171)", () => {
    const t = trace(deepspeed.warmupLR({ warmupNumSteps: 10 }), [0.1, 0.2], 11).lr
    expect(t[0]).toEqual([0, 0])
    expect(t[11]).toEqual([0.1, 0.2])
  })
  test('per-group warmupMinLr and warmupMaxLr; their length is checked against the groups', () => {
    const t = trace(deepspeed.warmupLR({ warmupMinLr: [0, 0.1], warmupMaxLr: [1, 0.3], warmupNumSteps: 2, warmupType: 'linear' }), [9, 9], 3).lr
    expectClose(t.flat(), [0, 0.1, 0, 0.1, 0.5, 0.2, 1, 0.3], 1e-15)
    expect(() => trace(deepspeed.warmupLR({ warmupMinLr: [0, 0.1] }), [1], 1)).toThrow('warmupMinLr: expected 1 value (one per param group)')
  })
})

describe('deepspeed.WarmupDecayLR', () => {
  test('linear decay to 0 at totalNumSteps after the warmup, never below 0', () => {
    // warmup 4 linear to 1: rows 0, 0, 1/4, 2/4, 3/4; b = 4..: (10 − b) / 6
    const t = col(deepspeed.warmupDecayLR({ totalNumSteps: 10, warmupMaxLr: 1, warmupNumSteps: 4, warmupType: 'linear' }), 13)
    expectClose(t, [0, 0, 0.25, 0.5, 0.75, 1, 5 / 6, 4 / 6, 3 / 6, 2 / 6, 1 / 6, 0, 0, 0], 1e-15)
  })
  test('the default warmupMaxLr is 0.001 (WarmupDecayLR does not inherit the group lr)', () => {
    expect(col(deepspeed.warmupDecayLR({ totalNumSteps: 2000 }), 1001)[1001]).toBeCloseTo(0.001, 18)
  })
  test('totalNumSteps below the warmup: the decay is 0 (total − b)/1 clamped, right after the warmup', () => {
    expect(col(deepspeed.warmupDecayLR({ totalNumSteps: 1, warmupMaxLr: 1, warmupNumSteps: 2, warmupType: 'linear' }), 4)).toEqual([0, 0, 0.5, 0, 0])
  })
})

describe('deepspeed.WarmupCosineLR', () => {
  test('a multiplier of each group initial lr; the cosine ends at cosMinRatio and stays there (v0.19.3, #8142)', () => {
    // warmup 2 (linear): b = 0, 1 → 0, 0.5; cosine over total − n = 4: b = 2..5 → progress 1/4..1
    const t = trace(deepspeed.warmupCosineLR({ totalNumSteps: 6, warmupNumSteps: 2, cosMinRatio: 0.1, warmupType: 'linear' }), [1, 2], 10).lr
    const ratio = (p: number): number => 0.1 + 0.9 * ((1 + Math.cos(Math.PI * p)) / 2)
    const expected = [0, 0, 0.5, ratio(0.25), ratio(0.5), ratio(0.75), ratio(1), ratio(1), ratio(1), ratio(1), ratio(1)]
    expectClose(t.map((r) => r[0]!), expected, 1e-15)
    expectClose(t.map((r) => r[1]!), expected.map((x) => 2 * x), 1e-15)
  })
  test('totalNumSteps equal to the warmup: max(1, 0) = 1, no division by zero; the floor right after', () => {
    const t = col(deepspeed.warmupCosineLR({ totalNumSteps: 4, warmupNumSteps: 4, cosMinRatio: 0.25, warmupType: 'linear' }), 6)
    expectClose(t, [0, 0, 0.25, 0.5, 0.75, 0.25, 0.25], 1e-15)
  })
})

describe('deepspeed.OneCycle', () => {
  test('up over cycleFirstStepSize, down over cycleSecondStepSize, then the decay: cycleMinLr / (1 + rate · n / decayStepSize)', () => {
    const t = col(deepspeed.oneCycle({ cycleMinLr: 0, cycleMaxLr: 1, cycleFirstStepSize: 2, cycleSecondStepSize: 4, decayLrRate: 1, decayStepSize: 2 }), 9)
    // b = −1..5: batch_iteration 0..6 of a cycle of 6 (rising to 2, then falling over 4); lr min 0 stays 0 under the decay
    expectClose(t, [0, 0.5, 1, 0.75, 0.5, 0.25, 0, 0, 0, 0], 1e-15)
    const d = col(deepspeed.oneCycle({ cycleMinLr: 0.5, cycleMaxLr: 1, cycleFirstStepSize: 1, decayLrRate: 1, decayStepSize: 2 }), 6)
    // b ≥ 2: 0.5 / (1 + (b − 1) / 2)
    expectClose(d, [0.5, 1, 0.5, 0.5 / 1.5, 0.5 / 2, 0.5 / 2.5, 0.5 / 3], 1e-15)
  })
  test('momentum: cycleMinMom at update 0 (the constructor), from cycleMaxMom inversely to the lr, then grows by decayMomRate', () => {
    const t = trace(deepspeed.oneCycle({ cycleMinLr: 0, cycleMaxLr: 1, cycleFirstStepSize: 1, decayMomRate: 0.5, decayStepSize: 1 }), [{ lr: 1, betas: [0.9, 0.99] }], 4)
    expectClose(t.momentum!.map((r) => r[0]!), [0.8, 0.8, 0.9, 0.9 * 1.5, 0.9 * 2], 1e-15)
  })
  test('stairs hold the lr flat: 2 stairs over a rising half of 4', () => {
    // batch_iteration 0..4: floor(ci · 2 / 4) / 2 = 0, 0, 0.5, 0.5, 1
    expectClose(col(deepspeed.oneCycle({ cycleMinLr: 0, cycleMaxLr: 1, cycleFirstStepSize: 4, cycleFirstStairCount: 2 }), 4), [0, 0, 0.5, 0.5, 1], 1e-15)
  })
  test('cycleMomentum false leaves momentum alone (DeepSpeed with SGD); with it, a group without momentum is an error naming the fix', () => {
    const t = trace(deepspeed.oneCycle({ cycleMinLr: 0, cycleMaxLr: 1, cycleMomentum: false }), [{ lr: 1, momentum: 0.5 }], 2)
    expect(t.momentum).toBeUndefined()
    expect(t.groups[0]?.momentum).toBe(0.5)
    expect(() => trace(deepspeed.oneCycle({ cycleMinLr: 0, cycleMaxLr: 1 }), [{ lr: 1 }], 2)).toThrow('cycleMomentum: false')
  })
})

describe('deepspeed.LRRangeTest', () => {
  test('continuous: min · (1 + rate · k / size); staircase: floored intervals', () => {
    expectClose(col(deepspeed.lrRangeTest({ lrRangeTestMinLr: 1, lrRangeTestStepSize: 4, lrRangeTestStepRate: 1 }), 4), [1, 1.25, 1.5, 1.75, 2], 1e-15)
    expect(col(deepspeed.lrRangeTest({ lrRangeTestMinLr: 1, lrRangeTestStepSize: 2, lrRangeTestStaircase: true }), 5)).toEqual([1, 1, 2, 2, 3, 3])
  })
})

describe('composes, and bad arguments are rejected at decode with the field named', () => {
  test('inside sequential', () => {
    const t = col(sequential([deepspeed.warmupLR({ warmupMaxLr: 1, warmupNumSteps: 2, warmupType: 'linear' }), stepLR({ stepSize: 1, gamma: 0.5 })], [3]), 5)
    expectClose(t, [0, 0, 0.5, 1, 0.5, 0.25], 1e-15)
  })
  test.each([
    [{ type: 'deepspeed.WarmupLR', warmupNumSteps: 0 }, 'warmupNumSteps: expected a positive integer, got 0'],
    [{ type: 'deepspeed.WarmupLR', warmupType: 'exp' }, 'warmupType: expected one of "log", "linear", got "exp"'],
    [{ type: 'deepspeed.WarmupLR', warmupMinLr: -1 }, 'warmupMinLr: expected a finite number >= 0, got -1'],
    [{ type: 'deepspeed.WarmupDecayLR' }, 'totalNumSteps: missing, expected a non-negative integer'],
    [{ type: 'deepspeed.WarmupCosineLR', totalNumSteps: 10, cosMinRatio: -0.1 }, 'cosMinRatio: expected a finite number >= 0, got -0.1'],
    [{ type: 'deepspeed.OneCycle', cycleMinLr: 0, cycleMaxLr: 1, cycleFirstStepSize: 0 }, 'cycleFirstStepSize: expected a finite number > 0, got 0'],
    [{ type: 'deepspeed.OneCycle', cycleMinLr: 0 }, 'cycleMaxLr: missing'],
    [{ type: 'deepspeed.LRRangeTest', lrRangeTestStepSize: 0 }, 'lrRangeTestStepSize: expected a positive integer, got 0'],
    [{ type: 'deepspeed.LRRangeTest', lr_range_test_min_lr: 0.1 }, 'lr_range_test_min_lr']
  ])('%j', (config, message) => {
    expect(() => scheduleFromConfig(config)).toThrow(message)
  })
})
