import { describe, expect, test } from 'vitest'
import { expectClose } from '../../helpers/close.js'
import { expectScheduleError } from '../../helpers/throws.js'
import { column, expectLaws, timm } from './common.js'

describe('timm.poly', () => {
  test('power 2, tInitial 4 on lr 1: (1 − t/4)², then lrMin (0) for good', () => {
    expect(column(timm.poly({ tInitial: 4, power: 2 }), 1, 6)).toEqual([1, 0.5625, 0.25, 0.0625, 0, 0, 0])
  })

  test('the default power is 0.5 (timm\'s; PyTorch\'s PolynomialLR has 1): t = 3 of 4 gives √0.25 = 0.5', () => {
    expect(column(timm.poly({ tInitial: 4 }), 1, 3)).toEqual([1, Math.sqrt(0.75), Math.sqrt(0.5), 0.5])
  })

  test('lrMin 0.2, power 1, tInitial 4 on lr 1: 0.2 + 0.8 (1 − t/4), then 0.2', () => {
    expectClose(column(timm.poly({ tInitial: 4, power: 1, lrMin: 0.2 }), 1, 5), [1, 0.8, 0.6, 0.4, 0.2, 0.2], 1e-15)
  })

  test('kDecay 2, power 1: 1 − t²/16', () => {
    expect(column(timm.poly({ tInitial: 4, power: 1, kDecay: 2 }), 1, 3)).toEqual([1, 0.9375, 0.75, 0.4375])
  })

  test('power 0: the peak for the whole cycle', () => {
    expect(column(timm.poly({ tInitial: 3, power: 0, cycleLimit: 2, cycleDecay: 0.5 }), 1, 7)).toEqual([1, 1, 1, 0.5, 0.5, 0.5, 0, 0])
  })

  test('warmup 2 with prefix, warmupLrInit 0: 0, 0.5, then the cycle from the base lr', () => {
    expect(column(timm.poly({ tInitial: 2, power: 1, warmupT: 2, warmupPrefix: true }), 1, 5)).toEqual([0, 0.5, 1, 0.5, 0, 0])
  })

  test('warmup 2 without prefix: 0, 0.5, then the cycle at t = 2', () => {
    expect(column(timm.poly({ tInitial: 4, power: 1, warmupT: 2 }), 1, 4)).toEqual([0, 0.5, 0.5, 0.25, 0])
  })

  test('cycleMul 2, tInitial 2, power 1, cycleLimit 2: cycles of 2 and 4 steps', () => {
    expect(column(timm.poly({ tInitial: 2, power: 1, cycleMul: 2, cycleLimit: 2 }), 1, 7)).toEqual([1, 0.5, 1, 0.75, 0.5, 0.25, 0, 0])
  })

  test('config: defaults filled', () => {
    expect(timm.poly({ tInitial: 10 }).config).toEqual({
      type: 'timm.poly',
      tInitial: 10,
      power: 0.5,
      lrMin: 0,
      cycleMul: 1,
      cycleDecay: 1,
      cycleLimit: 1,
      warmupT: 0,
      warmupLrInit: 0,
      warmupPrefix: false,
      kDecay: 1,
      noisePct: 0.67,
      noiseStd: 1,
      noiseSeed: 42
    })
  })

  for (const [options, message] of [
    [{ tInitial: null }, 'tInitial: expected a positive integer, got null'],
    [{ tInitial: 10, power: -1 }, 'power: expected a finite number >= 0, got -1'],
    [{ tInitial: 10, lrMin: -1 }, 'lrMin: expected a finite number >= 0, got -1'],
    [{ tInitial: 10, cycleMul: 0 }, 'cycleMul: expected a finite number > 0, got 0'],
    [{ tInitial: 10, cycleDecay: -1 }, 'cycleDecay: expected a finite number >= 0, got -1'],
    [{ tInitial: 10, cycleLimit: 'all' }, 'cycleLimit: expected a non-negative integer, got "all"'],
    [{ tInitial: 10, warmupT: -3 }, 'warmupT: expected a non-negative integer, got -3'],
    [{ tInitial: 10, warmupLrInit: Infinity }, 'warmupLrInit: expected a finite number >= 0, got Infinity'],
    [{ tInitial: 10, warmupPrefix: null }, 'warmupPrefix: expected a boolean, got null'],
    [{ tInitial: 10, kDecay: -1 }, 'kDecay: expected a finite number > 0, got -1'],
    [{ tInitial: 10, noiseRangeT: [NaN, 4] }, 'noiseRangeT: expected a finite number, got NaN'], // as decoding says it
    [{ tInitial: 10, noisePct: Infinity }, 'noisePct: expected a finite number > 0, got Infinity'],
    [{ tInitial: 10, noiseStd: NaN }, 'noiseStd: expected a finite number > 0, got NaN'],
    [{ tInitial: 10, noiseSeed: 2 ** 60 }, 'noiseSeed: expected an integer (|n| < 2^53), got 1152921504606847000']
  ] as const)
    test(`rejects ${message}`, () => {
      expectScheduleError(() => timm.poly(options as unknown as timm.PolyOptions), message)
    })

  test('laws: closed form = fold bit for bit, fast path = reducer, purity, JSON resume', () => {
    expectLaws(timm.poly({ tInitial: 9, power: 1.7, cycleMul: 1.25, cycleLimit: 6, lrMin: 1e-4, kDecay: 0.8, warmupT: 4, noiseRangeT: [0, 30], noisePct: 0.2 }), [0.2, 0.01], 90)
  })
})
