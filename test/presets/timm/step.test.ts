import { describe, expect, test } from 'vitest'
import { floorDiv } from '../../../src/presets/timm/step.js'
import { expectScheduleError } from '../../helpers/throws.js'
import { column, expectLaws, timm } from './common.js'

describe('timm.step', () => {
  test('decayT 2, decayRate 0.5 on lr 1: base · 0.5^(t // 2)', () => {
    expect(column(timm.step({ decayT: 2, decayRate: 0.5 }), 1, 5)).toEqual([1, 1, 0.5, 0.5, 0.25, 0.25])
  })

  test('decayRate defaults to 1 (no decay at all), as in timm', () => {
    expect(column(timm.step({ decayT: 1 }), 0.3, 3)).toEqual([0.3, 0.3, 0.3, 0.3])
  })

  test('a fractional decayT 2.5: t // 2.5 is 0, 0, 0, 1, 1, 2', () => {
    expect(column(timm.step({ decayT: 2.5, decayRate: 0.5 }), 1, 5)).toEqual([1, 1, 1, 0.5, 0.5, 0.25])
  })

  test('Python\'s floor division: 1 // 0.1 is 9 (Math.floor(1 / 0.1) is 10), so t = 1 decays 9 times', () => {
    expect(floorDiv(1, 0.1)).toBe(9)
    expect(floorDiv(7, 2)).toBe(3)
    expect(floorDiv(0, 0.3)).toBe(0)
    expect(column(timm.step({ decayT: 0.1, decayRate: 0.5 }), 1, 1)).toEqual([1, 0.001953125])
  })

  test('warmup 2 with the default prefix: 0, 0.5, then the decay counts from 0 at t = 2', () => {
    expect(column(timm.step({ decayT: 2, decayRate: 0.5, warmupT: 2 }), 1, 6)).toEqual([0, 0.5, 1, 1, 0.5, 0.5, 0.25])
  })

  test('warmup 2 without prefix: the decay counts from t = 0 (t = 2 is already one decay)', () => {
    expect(column(timm.step({ decayT: 2, decayRate: 0.5, warmupT: 2, warmupPrefix: false }), 1, 4)).toEqual([0, 0.5, 0.5, 0.5, 0.25])
  })

  test('two groups: each from its own initial lr; the warmup starts both at warmupLrInit', () => {
    expect(column(timm.step({ decayT: 1, decayRate: 0.5, warmupT: 1, warmupLrInit: 0.5 }), 2, 3)).toEqual([0.5, 2, 1, 0.5])
  })

  test('config: defaults filled', () => {
    expect(timm.step({ decayT: 30 }).config).toEqual({
      type: 'timm.step',
      decayT: 30,
      decayRate: 1,
      warmupT: 0,
      warmupLrInit: 0,
      warmupPrefix: true,
      noisePct: 0.67,
      noiseStd: 1,
      noiseSeed: 42
    })
  })

  for (const [options, message] of [
    [{}, 'decayT: missing, expected a finite number > 0'],
    [{ decayT: 0 }, 'decayT: expected a finite number > 0, got 0'],
    [{ decayT: 10, decayRate: -0.1 }, 'decayRate: expected a finite number >= 0, got -0.1'],
    [{ decayT: 10, warmupT: 1.5 }, 'warmupT: expected a non-negative integer, got 1.5'],
    [{ decayT: 10, warmupLrInit: -1 }, 'warmupLrInit: expected a finite number >= 0, got -1'],
    [{ decayT: 10, warmupPrefix: 0 }, 'warmupPrefix: expected a boolean, got 0'],
    [{ decayT: 10, noiseRangeT: {} }, 'noiseRangeT: expected a finite number (noise from that step on) or an array [from, to] of two finite numbers (noise for from <= t < to), got {}'],
    [{ decayT: 10, noisePct: 0 }, 'noisePct: expected a finite number > 0, got 0'],
    [{ decayT: 10, noiseStd: -2 }, 'noiseStd: expected a finite number > 0, got -2'],
    [{ decayT: 10, noiseSeed: NaN }, 'noiseSeed: expected an integer (|n| < 2^53), got NaN']
  ] as const)
    test(`rejects ${message}`, () => {
      expectScheduleError(() => timm.step(options as unknown as timm.StepOptions), message)
    })

  test('laws: closed form = fold bit for bit, fast path = reducer, purity, JSON resume', () => {
    expectLaws(timm.step({ decayT: 3.7, decayRate: 0.8, warmupT: 5, warmupLrInit: 1e-4, noiseRangeT: 12, noiseSeed: -3 }), [0.2, 0.01], 60)
  })
})
