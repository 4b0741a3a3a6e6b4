import { describe, expect, test } from 'vitest'
import { trace } from '../../../src/index.js'
import { expectClose } from '../../helpers/close.js'
import { expectScheduleError } from '../../helpers/throws.js'
import { column, expectLaws, timm } from './common.js'

// lrMin + (lrMax − lrMin) · (1 − tanh(lb (1 − r) + ub r)) / 2, r = position / cycle length
const curve = (r: number, lb: number, ub: number): number => 0.5 * (1 - Math.tanh(lb * (1 - r) + ub * r))

describe('timm.tanh', () => {
  test('lb −1, ub 1, tInitial 2 on lr 1: row 0 the base lr, exactly 0.5 at the midpoint (tanh 0), then lrMin', () => {
    expectClose(column(timm.tanh({ tInitial: 2, lb: -1, ub: 1 }), 1, 3), [1, 0.5, 0, 0], 1e-15)
  })

  // timm's constructor leaves the base lr in the optimizer when there is no warmup
  // (timm/scheduler/scheduler.py:59) and train.py trains epoch 0 with it; the curve at t = 0,
  // (1 − tanh(lb)) / 2 of it, is timm's step(0), which its loop never calls
  test('row 0 is the base lr the constructor leaves, not the curve at t = 0 ((1 − tanh(−7)) / 2 = 0.9999992 of it)', () => {
    expect(column(timm.tanh({ tInitial: 100 }), 1, 0)).toEqual([1])
    expect(trace(timm.tanh({ tInitial: 100 }), [0.1, 0.003], 0).lr).toEqual([[0.1, 0.003]])
  })

  test('lb −4, tInitial 10 on lr 0.1: row 0 = 0.1 exactly (not 0.05 · (1 − tanh(−4)) = 0.09966), row 1 = timm\'s formula at t = 1', () => {
    const lr = column(timm.tanh({ tInitial: 10, lb: -4 }), 0.1, 2)
    expect(lr[0]).toBe(0.1)
    // t = 1: r = 1 / 10, lrMin + 0.5 · (lrMax − lrMin) · (1 − tanh(lb · (1 − r) + ub · r)) with lrMin 0, lrMax 0.1, lb −4, ub 3
    const row1 = 0 + 0.5 * (0.1 - 0) * (1 - Math.tanh(-4 * (1 - 0.1) + 3 * 0.1))
    expectClose([lr[1] as number], [row1], 1e-15)
    expectClose([lr[1] as number], [0.09986414800495712], 1e-15) // timm 1.0.29's step(1)
  })

  test('a warmup: row 0 is warmupLrInit (the constructor sets it, tanh_lr.py:72-75), noise-free even inside noiseRangeT', () => {
    expect(trace(timm.tanh({ tInitial: 10, warmupT: 3, warmupLrInit: 1e-5, noiseRangeT: 0 }), [0.1, 0.003], 0).lr).toEqual([[1e-5, 1e-5]])
  })

  test('defaults lb −7, ub 3, lrMin 0.01, tInitial 4, lr 1: row 0 the base lr, then 0.01 + 0.99 · curve(t / 4)', () => {
    const expected = [1, 2, 3].map((t) => 0.01 + 0.99 * curve(t / 4, -7, 3))
    expectClose(column(timm.tanh({ tInitial: 4, lrMin: 0.01 }), 1, 5), [1, ...expected, 0.01, 0.01], 1e-15)
  })

  test('warmup 2 without prefix climbs to the curve at t = 2 (0.5 with lb −1, ub 1, tInitial 4), not to the base lr', () => {
    // s = (0.5 − 0) / 2: rows 0, 0.25, then the curve at 2 (0.5) and 3
    expectClose(column(timm.tanh({ tInitial: 4, lb: -1, ub: 1, warmupT: 2 }), 1, 4), [0, 0.25, 0.5, curve(0.75, -1, 1), 0], 1e-15)
  })

  test('warmup 2 with prefix climbs to the base lr, then the whole cycle', () => {
    expectClose(
      column(timm.tanh({ tInitial: 2, lb: -1, ub: 1, warmupT: 2, warmupPrefix: true }), 1, 5),
      [0, 0.5, curve(0, -1, 1), 0.5, 0, 0],
      1e-15
    )
  })

  test('cycles: cycleLimit 2, cycleDecay 0.5: the second cycle peaks at half the first', () => {
    const lr = column(timm.tanh({ tInitial: 2, lb: -1, ub: 1, cycleLimit: 2, cycleDecay: 0.5 }), 1, 4)
    // row 0 is the constructor's base lr; the second cycle starts at t = 2 with the curve at 0
    expectClose(lr, [1, 0.5, 0.5 * curve(0, -1, 1), 0.25, 0], 1e-15)
  })

  test('with cycleMul < 1 and no prefix, a warmup longer than the cycles is rejected (timm\'s constructor fails evaluating them at warmupT)', () => {
    expectScheduleError(
      () => timm.tanh({ tInitial: 4, cycleMul: 0.5, warmupT: 9 }),
      'warmupT: expected at most 7 (timm\'s tanh evaluates its cycles at warmupT without a warmup prefix, and with cycleMul 0.5 < 1 they end after step 7), got 9'
    )
    expect(trace(timm.tanh({ tInitial: 4, cycleMul: 0.5, warmupT: 9, warmupPrefix: true }), [1], 16).lr).toHaveLength(17)
  })

  test('config: defaults filled', () => {
    expect(timm.tanh({ tInitial: 10 }).config).toEqual({
      type: 'timm.tanh',
      tInitial: 10,
      lb: -7,
      ub: 3,
      lrMin: 0,
      cycleMul: 1,
      cycleDecay: 1,
      cycleLimit: 1,
      warmupT: 0,
      warmupLrInit: 0,
      warmupPrefix: false,
      noisePct: 0.67,
      noiseStd: 1,
      noiseSeed: 42
    })
  })

  for (const [options, message] of [
    [{ tInitial: -1 }, 'tInitial: expected a positive integer, got -1'],
    [{ tInitial: 10, lb: NaN }, 'lb: expected a finite number, got NaN'],
    [{ tInitial: 10, ub: Infinity }, 'ub: expected a finite number, got Infinity'],
    [{ tInitial: 10, lb: 3, ub: 3 }, 'ub: expected a finite number > lb = 3, got 3'],
    [{ tInitial: 10, lb: 4 }, 'ub: expected a finite number > lb = 4, got 3'],
    [{ tInitial: 10, lrMin: -1 }, 'lrMin: expected a finite number >= 0, got -1'],
    [{ tInitial: 10, cycleMul: -2 }, 'cycleMul: expected a finite number > 0, got -2'],
    [{ tInitial: 10, cycleDecay: 'x' }, 'cycleDecay: expected a finite number >= 0, got "x"'],
    [{ tInitial: 10, cycleLimit: -1 }, 'cycleLimit: expected a non-negative integer, got -1'],
    [{ tInitial: 10, warmupT: 0.5 }, 'warmupT: expected a non-negative integer, got 0.5'],
    [{ tInitial: 10, warmupLrInit: -0.1 }, 'warmupLrInit: expected a finite number >= 0, got -0.1'],
    [{ tInitial: 10, warmupPrefix: 'no' }, 'warmupPrefix: expected a boolean, got "no"'],
    [{ tInitial: 10, noiseRangeT: [1, 2, 3] }, 'noiseRangeT: expected a finite number (noise from that step on) or an array [from, to] of two finite numbers (noise for from <= t < to), got [1,2,3]'],
    [{ tInitial: 10, noisePct: -0.1 }, 'noisePct: expected a finite number > 0, got -0.1'],
    [{ tInitial: 10, noiseStd: 0 }, 'noiseStd: expected a finite number > 0, got 0'],
    [{ tInitial: 10, noiseSeed: '42' }, 'noiseSeed: expected an integer (|n| < 2^53), got "42"']
  ] as const)
    test(`rejects ${message}`, () => {
      expectScheduleError(() => timm.tanh(options as unknown as timm.TanhOptions), message)
    })

  test('laws: closed form = fold bit for bit, fast path = reducer, purity, JSON resume', () => {
    expectLaws(timm.tanh({ tInitial: 11, cycleMul: 2, cycleLimit: 3, cycleDecay: 0.8, warmupT: 6, warmupLrInit: 1e-5, noiseRangeT: 20 }), [0.2, 0.01], 90)
  })
})
