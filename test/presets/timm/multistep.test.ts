import { describe, expect, test } from 'vitest'
import { multiStepLR, trace } from '../../../src/index.js'
import { expectScheduleError } from '../../helpers/throws.js'
import { column, expectLaws, timm } from './common.js'

describe('timm.multistep', () => {
  test('decayT [2, 4], decayRate 0.5: milestone b applies at t = b − 1 (timm bisects t + 1)', () => {
    expect(column(timm.multistep({ decayT: [2, 4], decayRate: 0.5 }), 1, 5)).toEqual([1, 0.5, 0.5, 0.25, 0.25, 0.25])
  })

  test('one step earlier than PyTorch\'s MultiStepLR with the same milestones', () => {
    const ours = column(timm.multistep({ decayT: [3], decayRate: 0.5 }), 1, 4)
    const torch = trace(multiStepLR({ milestones: [3], gamma: 0.5 }), [1], 4).lr.map((r) => r[0])
    expect(ours).toEqual([1, 1, 0.5, 0.5, 0.5])
    expect(torch).toEqual([1, 1, 1, 0.5, 0.5])
  })

  test('milestones 0 and 1 already apply at t = 0 (row 0 is still the constructor\'s base lr); a repeated milestone decays twice', () => {
    // timm's _get_lr(0) is 1 · 0.5^bisect_right([0, 1], 1) = 0.25, but the constructor leaves 1 and
    // train.py trains epoch 0 with it (it never calls step(0)); row 1 = _get_lr(1) = 0.25
    expect(column(timm.multistep({ decayT: [0, 1], decayRate: 0.5 }), 1, 2)).toEqual([1, 0.25, 0.25])
    expect(column(timm.multistep({ decayT: [3, 3], decayRate: 0.5 }), 1, 3)).toEqual([1, 1, 0.25, 0.25])
  })

  test('no milestones: the base lr throughout', () => {
    expect(column(timm.multistep({ decayT: [], decayRate: 0.5 }), 0.1, 2)).toEqual([0.1, 0.1, 0.1])
  })

  test('warmup 2 with the default prefix: milestones count from the end of the warmup', () => {
    // local t = t − 2: milestone 2 applies at local 1, i.e. t = 3
    expect(column(timm.multistep({ decayT: [2], decayRate: 0.5, warmupT: 2 }), 1, 4)).toEqual([0, 0.5, 1, 0.5, 0.5])
  })

  test('warmup 2 without prefix: milestone 2 applies at t = 1, inside the warmup, so the lr drops at t = 2', () => {
    expect(column(timm.multistep({ decayT: [2], decayRate: 0.5, warmupT: 2, warmupPrefix: false }), 1, 3)).toEqual([0, 0.5, 0.5, 0.5])
  })

  test('config: defaults filled', () => {
    expect(timm.multistep({ decayT: [30, 60] }).config).toEqual({
      type: 'timm.multistep',
      decayT: [30, 60],
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
    [{}, 'decayT: missing, expected an array'],
    [{ decayT: 30 }, 'decayT: expected an array, got 30'],
    [{ decayT: [10, 1.5] }, 'decayT[1]: expected a non-negative integer, got 1.5'],
    [{ decayT: [-1] }, 'decayT[0]: expected a non-negative integer, got -1'],
    [{ decayT: [5, 3] }, 'decayT[1]: expected a milestone >= 5 (milestones must not decrease: timm bisects them), got 3'],
    [{ decayT: [5], decayRate: -1 }, 'decayRate: expected a finite number >= 0, got -1'],
    [{ decayT: [5], warmupT: -1 }, 'warmupT: expected a non-negative integer, got -1'],
    [{ decayT: [5], warmupLrInit: -1 }, 'warmupLrInit: expected a finite number >= 0, got -1'],
    [{ decayT: [5], warmupPrefix: 'yes' }, 'warmupPrefix: expected a boolean, got "yes"'],
    [{ decayT: [5], noiseRangeT: [2, '4'] }, 'noiseRangeT: expected a finite number, got "4"'], // as decoding says it
    [{ decayT: [5], noisePct: -1 }, 'noisePct: expected a finite number > 0, got -1'],
    [{ decayT: [5], noiseStd: Infinity }, 'noiseStd: expected a finite number > 0, got Infinity'],
    [{ decayT: [5], noiseSeed: 1.25 }, 'noiseSeed: expected an integer (|n| < 2^53), got 1.25']
  ] as const)
    test(`rejects ${message}`, () => {
      expectScheduleError(() => timm.multistep(options as unknown as timm.MultistepOptions), message)
    })

  test('laws: closed form = fold bit for bit, fast path = reducer, purity, JSON resume', () => {
    expectLaws(timm.multistep({ decayT: [3, 3, 10, 25], decayRate: 0.6, warmupT: 4, warmupLrInit: 1e-3, noiseRangeT: [5, 15] }), [0.2, 0.01], 60)
  })
})
