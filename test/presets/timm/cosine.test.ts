import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, test } from 'vitest'
import { constantLR, sequential, trace } from '../../../src/index.js'
import { log } from '../../../src/internal/log.js'
import { expectClose } from '../../helpers/close.js'
import { expectScheduleError } from '../../helpers/throws.js'
import { column, decodeTimm, expectLaws, timm } from './common.js'
import { protocolOf } from '../../../src/internal/protocol.js'

const h = Math.SQRT1_2 // cos(π/4)

describe('timm.cosine', () => {
  test('tInitial 4 on lr 2: 1 + cos(π t / 4) for t < 4, then lrMin (0) for good: one cycle by default, no rise as in PyTorch', () => {
    // abs 1e-15: cos(π/2) is 6e-17, not 0
    expectClose(column(timm.cosine({ tInitial: 4 }), 2, 7), [2, 1 + h, 1, 1 - h, 0, 0, 0, 0], 1e-15, 1e-15)
  })

  test('lrMin 0.1, tInitial 2 on lr 1: 1, then 0.1 + 0.45 (1 + cos(π/2)) = 0.55, then 0.1', () => {
    expectClose(column(timm.cosine({ tInitial: 2, lrMin: 0.1 }), 1, 3), [1, 0.55, 0.1, 0.1], 1e-15)
  })

  // Row 0 is what timm's constructor leaves in the optimizer (train.py trains epoch 0 with it and
  // never calls step(0)): the base lr without a warmup (timm/scheduler/scheduler.py:59), even
  // where timm's _get_lr(0) is not the base lr; warmupLrInit with one (cosine_lr.py:75-77).
  test('no warmup, lrMin 0.001, tInitial 10 on lr 0.01: row 0 is 0.01 exactly (_get_lr(0) rounds to 0.010000000000000002), row 1 the cosine at t = 1', () => {
    const lr = column(timm.cosine({ tInitial: 10, lrMin: 0.001 }), 0.01, 2)
    expect(lr[0]).toBe(0.01)
    expect(0.001 + 0.5 * (0.01 - 0.001) * (1 + Math.cos(0))).toBe(0.010000000000000002) // timm's _get_lr(0)
    // t = 1: lrMin + 0.5 · (lrMax − lrMin) · (1 + cos(π · 1 / 10))
    expectClose([lr[1] as number], [0.001 + 0.5 * (0.01 - 0.001) * (1 + Math.cos(Math.PI / 10))], 1e-15)
    expectClose([lr[1] as number], [0.009779754323328192], 1e-15) // timm 1.0.29's step(1)
  })

  test('no warmup, cycleLimit 0: row 0 is the base lr (timm\'s _get_lr(0) is already lrMin), then lrMin', () => {
    expect(trace(timm.cosine({ tInitial: 10, cycleLimit: 0, lrMin: 0.001 }), [0.01, 0.2], 3).lr).toEqual([[0.01, 0.2], [0.001, 0.001], [0.001, 0.001], [0.001, 0.001]])
  })

  test('noise inside noiseRangeT at t = 0: row 0 has none (only timm\'s step() adds noise), with and without a warmup', () => {
    expect(trace(timm.cosine({ tInitial: 10, noiseRangeT: 0 }), [0.01, 0.2], 0).lr).toEqual([[0.01, 0.2]])
    expect(trace(timm.cosine({ tInitial: 10, noiseRangeT: [0, 1], warmupT: 2, warmupLrInit: 1e-5 }), [0.01, 0.2], 0).lr).toEqual([[1e-5, 1e-5]])
    // inside the range from t = 1 on: lr + lr · noise(t), with the library's own noise
    const n1 = timm.noise(1, {})
    const c1 = 0.5 * 0.01 * (1 + Math.cos(Math.PI / 10))
    expectClose([trace(timm.cosine({ tInitial: 10, noiseRangeT: 0 }), [0.01], 1).lr[1]![0] as number], [c1 + c1 * n1], 1e-15)
  })

  test('in a sequential, a timm cosine starting at its milestone starts at its own step 0: the base lr', () => {
    // restart at the milestone: the group's initial lr (as row 0 of the cosine alone), then its t = 1, 2
    expect(trace(sequential([constantLR({ factor: 0.5, totalIters: 10 }), timm.cosine({ tInitial: 10, cycleLimit: 0, lrMin: 0.001 })], [2]), [0.01], 4).lr).toEqual([
      [0.005],
      [0.005],
      [0.01],
      [0.001],
      [0.001]
    ])
  })

  test('warmup 2 without prefix: 0, 0.5, then the cosine at t = 2 (the warmup overlays the cycle\'s start)', () => {
    // tInitial 4, lr 1: t2 is 0.5 (1 + cos(π/2)), t3 0.5 (1 + cos(3π/4)), t4 past the cycle
    expectClose(column(timm.cosine({ tInitial: 4, warmupT: 2 }), 1, 5), [0, 0.5, 0.5, 0.5 - h / 2, 0, 0], 1e-15, 1e-16)
  })

  test('warmup 2 with prefix, warmupLrInit 0.2: 0.2, 0.6, then the whole cycle from 1', () => {
    // s = (1 - 0.2) / 2 = 0.4
    expectClose(
      column(timm.cosine({ tInitial: 4, warmupT: 2, warmupLrInit: 0.2, warmupPrefix: true }), 1, 7),
      [0.2, 0.6000000000000001, 1, 0.5 + h / 2, 0.5, 0.5 - h / 2, 0, 0],
      1e-15,
      1e-16
    )
  })

  test('cycleMul 2, cycleDecay 0.5, cycleLimit 3: cycles of 2, 4, 8 steps, peaks 1, 0.5, 0.25, then 0', () => {
    const s = timm.cosine({ tInitial: 2, cycleMul: 2, cycleDecay: 0.5, cycleLimit: 3 })
    const q = (x: number) => 0.125 * (1 + Math.cos((Math.PI * x) / 8)) // third cycle: 0.5 · 0.25 · (1 + cos)
    const expected = [1, 0.5, 0.5, 0.25 * (1 + h), 0.25, 0.25 * (1 - h), 0.25, q(1), q(2), q(3), q(4), q(5), q(6), q(7), 0, 0]
    expectClose(column(s, 1, 15), expected, 1e-15, 1e-16)
  })

  test('cycleMul 3, tInitial 1: t = 121 (1 + 2·121 = 3^5) ends cycle 4 at lrMin, as timm\'s floating-point log places it', () => {
    // glibc's log(243) / log(3) is 4.999999999999999: timm takes cycle 4 (length 81, position 81);
    // V8's Math.log gives exactly 5. The schedule uses a correctly rounded log, glibc's numbers.
    expect(log(243) / log(3)).toBe(4.999999999999999)
    const s = timm.cosine({ tInitial: 1, cycleMul: 3, cycleLimit: 10 })
    const lr = column(s, 1, 122)
    expect(lr[121]).toBe(0)
    expectClose([lr[120] as number, lr[122] as number], [0.5 * (1 + Math.cos((80 * Math.PI) / 81)), 0.5 * (1 + Math.cos(Math.PI / 243))], 1e-15)
  })

  test('kDecay 2: the position enters squared (cos(π t² / tInitial²))', () => {
    expectClose(column(timm.cosine({ tInitial: 4, kDecay: 2 }), 1, 2), [1, 0.5 * (1 + Math.cos(Math.PI / 16)), 0.5 * (1 + h)], 1e-15)
  })

  test('cycleMul 0.5: cycles of 4, 2, 1, ... end at step 8, where timm fails with a math domain error', () => {
    const s = timm.cosine({ tInitial: 4, cycleMul: 0.5, cycleLimit: 100 })
    expect(trace(s, [1], 7).lr).toHaveLength(8)
    expectScheduleError(
      () => trace(s, [1], 8),
      'step: timm.cosine is defined up to step 7 (with cycleMul 0.5 < 1 its cycles shrink and end after tInitial / (1 − cycleMul) steps; timm fails there with a math domain error), got step 8'
    )
    expectScheduleError(() => protocolOf(s).checkState({ lastEpoch: 8, baseLrs: [1] }, 'state', 1), "state.lastEpoch: expected at most 7 (timm.cosine's last step), got 8")
  })

  test('two groups: each from its own initial lr (timm\'s base_values)', () => {
    const t = trace(timm.cosine({ tInitial: 2, warmupT: 1, warmupLrInit: 0.01 }), [1, 0.1], 2)
    expectClose(t.lr, [[0.01, 0.01], [0.5, 0.05], [0, 0]], 1e-15, 1e-16)
  })

  test('noise: inside noiseRangeT [2, 4) the lr is v + v · noise(t), the same noise for every group; outside it is untouched', () => {
    const plain = trace(timm.cosine({ tInitial: 10 }), [1, 0.1], 6).lr
    const noisy = trace(timm.cosine({ tInitial: 10, noiseRangeT: [2, 4], noisePct: 0.1, noiseSeed: 7 }), [1, 0.1], 6).lr
    noisy.forEach((row, k) =>
      row.forEach((v, i) => {
        const clean = plain[k]?.[i] as number
        const n = timm.noise(k, { noiseSeed: 7, noisePct: 0.1 })
        expect(v).toBe(k >= 2 && k < 4 ? clean + clean * n : clean)
      })
    )
    expect(noisy[2]).not.toEqual(plain[2])
  })

  test('config: defaults filled (noiseRangeT only when given)', () => {
    expect(timm.cosine({ tInitial: 10 }).config).toEqual({
      type: 'timm.cosine',
      tInitial: 10,
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
    expect(timm.cosine({ tInitial: 10, noiseRangeT: 5 }).config['noiseRangeT']).toBe(5)
  })

  test('the codec: unknown keys (timm\'s t_in_epochs has no counterpart: the step index is t) and bad values, every one reported', () => {
    expect(decodeTimm({ type: 'timm.cosine', tInitial: 0, tInEpochs: false })).toEqual(
      E.left([
        'tInEpochs: unknown argument of timm.cosine (it takes tInitial, lrMin, cycleMul, cycleDecay, cycleLimit, warmupT, warmupLrInit, warmupPrefix, updatesPerEpoch, kDecay, noiseRangeT, noisePct, noiseStd, noiseSeed)',
        'tInitial: expected a positive integer, got 0'
      ])
    )
    expect(decodeTimm({ type: 'timm.cosine', tInitial: 5, noiseRangeT: [1] })).toEqual(
      E.left(['noiseRangeT: expected a finite number (noise from that step on) or an array [from, to] of two finite numbers (noise for from <= t < to), got [1]'])
    )
    expect(decodeTimm({ type: 'timm.cosine', tInitial: 5, noiseRangeT: [0, Infinity] })).toEqual(E.left(['noiseRangeT: expected a finite number, got Infinity']))
  })

  for (const [options, message] of [
    [{}, 'tInitial: missing, expected a positive integer'],
    [{ tInitial: 0 }, 'tInitial: expected a positive integer, got 0'],
    [{ tInitial: 2.5 }, 'tInitial: expected a positive integer, got 2.5'],
    [{ tInitial: 10, lrMin: -1e-5 }, 'lrMin: expected a finite number >= 0, got -0.00001'],
    [{ tInitial: 10, cycleMul: 0 }, 'cycleMul: expected a finite number > 0, got 0'],
    [{ tInitial: 10, cycleDecay: -0.5 }, 'cycleDecay: expected a finite number >= 0, got -0.5'],
    [{ tInitial: 10, cycleLimit: 1.5 }, 'cycleLimit: expected a non-negative integer, got 1.5'],
    [{ tInitial: 10, warmupT: -1 }, 'warmupT: expected a non-negative integer, got -1'],
    [{ tInitial: 10, warmupLrInit: NaN }, 'warmupLrInit: expected a finite number >= 0, got NaN'],
    [{ tInitial: 10, warmupPrefix: 1 }, 'warmupPrefix: expected a boolean, got 1'],
    [{ tInitial: 10, kDecay: 0 }, 'kDecay: expected a finite number > 0, got 0'],
    [{ tInitial: 10, noiseRangeT: 'late' }, 'noiseRangeT: expected a finite number (noise from that step on) or an array [from, to] of two finite numbers (noise for from <= t < to), got "late"'],
    // as decoding the same JSON says it: the pair is one value, its entry's index is not in the path
    [{ tInitial: 10, noiseRangeT: [0, Infinity] }, 'noiseRangeT: expected a finite number, got Infinity'],
    [{ tInitial: 10, noisePct: 0 }, 'noisePct: expected a finite number > 0, got 0'],
    [{ tInitial: 10, noiseStd: -1 }, 'noiseStd: expected a finite number > 0, got -1'],
    [{ tInitial: 10, noiseSeed: 0.5 }, 'noiseSeed: expected an integer (|n| < 2^53), got 0.5']
  ] as const)
    test(`rejects ${message}`, () => {
      expectScheduleError(() => timm.cosine(options as unknown as timm.CosineOptions), message)
    })

  test('laws: closed form = fold bit for bit, fast path = reducer, purity, JSON resume', () => {
    expectLaws(timm.cosine({ tInitial: 13, cycleMul: 1.5, cycleLimit: 4, cycleDecay: 0.7, warmupT: 5, warmupLrInit: 1e-4, kDecay: 1.3, noiseRangeT: [10, 40] }), [0.2, 0.01], 90)
    expectLaws(timm.cosine({ tInitial: 10, cycleMul: 0.6, cycleLimit: 50, warmupT: 3, warmupPrefix: true }), [0.5], 27)
  })
})
