import { describe, expect, test } from 'vitest'
import { linearLR, resume, sequential, trace, traceArray } from '../../../src/index.js'
import { expectClose } from '../../helpers/close.js'
import { expectPure } from '../../helpers/laws.js'
import { range, rep } from '../../helpers/lists.js'
import { expectScheduleError } from '../../helpers/throws.js'
import { column, timm } from './common.js'
import { protocolOf } from '../../../src/internal/protocol.js'

const fresh = { lastEpoch: 0, best: null, numBadEpochs: 0, cooldownCounter: 0 }

describe('timm.plateau', () => {
  test('warmup 2, then ReduceLROnPlateau (min, patience 0, factor 0.5): the warmup\'s metrics are ignored', () => {
    const s = timm.plateau({ warmupT: 2, mode: 'min', patienceT: 0, decayRate: 0.5 })
    // rows: ctor 0, warmup 0.5, 1; step 3 sees its first metric (best 3); steps 4, 5 are bad: halve
    expect(column(s, 1, 5, [9, 9, 3, 3, 3])).toEqual([0, 0.5, 1, 1, 0.5, 0.25])
  })

  test('row 0 is what timm\'s constructor leaves: the base lrs without warmup, warmupLrInit with one', () => {
    expect(trace(timm.plateau(), [0.1, 0.01], 0).lr).toEqual([[0.1, 0.01]])
    expect(trace(timm.plateau({ warmupT: 4, warmupLrInit: 1e-4 }), [0.1, 0.01], 0).lr).toEqual([[1e-4, 1e-4]])
  })

  test('the default mode is max: rising metrics never reduce; a flat metric reduces by 0.1 after patience + 1 = 11 bad steps', () => {
    expect(column(timm.plateau(), 1, 30, range(30, (i) => i))).toEqual(rep(1, 31))
    // step 1 sets the best; steps 2..12 are bad 1..11; the 11th bad step (row 12) reduces
    expectClose(column(timm.plateau(), 1, 13, rep(5, 13)), [...rep(1, 12), 0.1, 0.1], 1e-15)
  })

  test('the plateau reduces the lr the warmup left (warmupLrInit + warmupT · s), which need not be the base lr exactly', () => {
    const s = timm.plateau({ warmupT: 3, warmupLrInit: 0.1, mode: 'min', patienceT: 0, decayRate: 0.5 })
    const top = 0.1 + 3 * ((1 - 0.1) / 3)
    expect(column(s, 1, 5, rep(1, 5))).toEqual([0.1, 0.1 + (1 - 0.1) / 3, 0.1 + 2 * ((1 - 0.1) / 3), top, top, top * 0.5])
  })

  test('the plateau\'s state starts after the warmup: its first metric is the one of step warmupT + 1', () => {
    const s = timm.plateau({ warmupT: 3, mode: 'min' })
    expect(trace(s, [1], 3, [5, 4, 3]).state.plateau).toEqual(fresh)
    expect(trace(s, [1], 4, [5, 4, 3, 7]).state.plateau).toEqual({ lastEpoch: 1, best: 7, numBadEpochs: 0, cooldownCounter: 0 })
  })

  test('a step without a metric does not step the plateau (timm steps it only when given one)', () => {
    const s = timm.plateau({ mode: 'min', patienceT: 0, decayRate: 0.5 })
    const [g0, s0] = s.init([{ lr: 1 }])
    const [g1, s1] = s.step(s0, g0, { metric: 2 })
    const [g2, s2] = s.step(s1, g1)
    expect(g2).toEqual(g1)
    expect(s2).toEqual({ ...s1, lastEpoch: 2 })
    const [g3] = s.step(s2, g2, { metric: 2 })
    expect(g3[0]?.lr).toBe(0.5)
  })

  test('noise: after the warmup the lr is clean · (1 + noise(k)); the next plateau step starts from the clean lr', () => {
    const s = timm.plateau({ warmupT: 1, mode: 'min', patienceT: 0, decayRate: 0.5, noiseRangeT: 0, noisePct: 0.3, noiseSeed: 5, noiseType: 'uniform' })
    const n = (k: number) => timm.noise(k, { noiseSeed: 5, noisePct: 0.3, noiseType: 'uniform' })
    // clean: 0 (ctor), 1 (warmup, no noise), 1 (first metric), 0.5, 0.25
    const t = trace(s, [1], 4, rep(1, 4))
    expect(t.lr.map((r) => r[0])).toEqual([0, 1, 1 + n(2), 0.5 + 0.5 * n(3), 0.25 + 0.25 * n(4)])
    expect(t.state.restoreLrs).toEqual([0.25])
  })

  test('a JSON round trip of the state at any step (in the warmup, in a cooldown, after noise) continues identically', () => {
    const s = timm.plateau({ warmupT: 3, warmupLrInit: 1e-3, mode: 'min', patienceT: 1, cooldownT: 2, decayRate: 0.5, noiseRangeT: [5, 12], noisePct: 0.2 })
    const metrics = [9, 8, 7, 6, 6, 6, 6, 5, 5, 5, 5, 5, 4, 4, 4, 4]
    const whole = trace(s, [0.1, 0.02], 16, metrics)
    for (let k = 0; k <= 16; k++) {
      const first = trace(s, [0.1, 0.02], k, metrics)
      const revived = JSON.parse(JSON.stringify(first.state)) as timm.PlateauState
      expect(protocolOf(s).checkState(revived, 'state', 2)).toBe(k)
      expect(resume(s, first.groups, revived, 16 - k, metrics.slice(k)).lr).toEqual(whole.lr.slice(k))
    }
  })

  test('its fast path equals its reducer; it is pure on frozen inputs', () => {
    const s = timm.plateau({ warmupT: 4, patienceT: 2, cooldownT: 1, decayRate: 0.3, lrMin: [1e-3, 0], noiseRangeT: 10 })
    const metrics = range(60, (i) => Math.round(10 * Math.sin(i / 4)) / 10)
    expect(Array.from(traceArray(s, [0.1, 0.05], 60, metrics).lr)).toEqual(trace(s, [0.1, 0.05], 60, metrics).lr.flat())
    expectPure(s, [{ lr: 0.1, momentum: 0.9 }, { lr: 0.05, momentum: 0 }], 20)
  })

  test('in a sequential it starts at its milestone from the initial lrs, as the constructor would', () => {
    const s = sequential([linearLR({ startFactor: 0.5, totalIters: 2 }), timm.plateau({ mode: 'min', patienceT: 0, decayRate: 0.5 })], [2])
    expect(column(s, 1, 5, [3, 3, 3, 3, 3])).toEqual([0.5, 0.75, 1, 1, 0.5, 0.25])
  })

  test('checkState: shape, per-group lengths, and a plateau that cannot have stepped during the warmup', () => {
    const s = timm.plateau({ warmupT: 2 })
    const ok = { lastEpoch: 3, baseLrs: [0.1], plateau: { ...fresh, lastEpoch: 1, best: 2 }, restoreLrs: null }
    expect(protocolOf(s).checkState(ok, 'state', 1)).toBe(3)
    expectScheduleError(() => protocolOf(s).checkState({ ...ok, lastEpoch: 2 }, 'state', 1), 'state.plateau.lastEpoch: expected at most 0 (the plateau steps only after the 2 warmup steps), got 1')
    expectScheduleError(() => protocolOf(s).checkState({ ...ok, baseLrs: [0.1, 0.2] }, 'state', 1), 'state.baseLrs: expected 1 lr (one per param group), got [0.1,0.2]')
    expectScheduleError(() => protocolOf(s).checkState({ ...ok, restoreLrs: [] }, 'state', 1), 'state.restoreLrs: expected 1 lr (one per param group), got []')
    expectScheduleError(() => protocolOf(s).checkState({ ...ok, extra: 1 }, 'state', 1), 'state.extra: expected no such key (the state has lastEpoch, baseLrs, plateau, restoreLrs), got 1')
    expectScheduleError(() => s.step({ ...ok, baseLrs: [0.1, 0.2] }, [{ lr: 1, initialLr: 1 }], { metric: 1 }), 'timm.plateau state.baseLrs: expected 1 lr (one per param group), got [0.1,0.2]')
  })

  test('config: defaults filled (timm\'s: mode max, decayRate 0.1, patienceT 10)', () => {
    expect(timm.plateau().config).toEqual({
      type: 'timm.plateau',
      decayRate: 0.1,
      patienceT: 10,
      threshold: 1e-4,
      cooldownT: 0,
      warmupT: 0,
      warmupLrInit: 0,
      lrMin: 0,
      mode: 'max',
      noiseType: 'normal',
      noisePct: 0.67,
      noiseStd: 1,
      noiseSeed: 42
    })
  })

  test('lrMin per group: one per param group', () => {
    expectScheduleError(() => trace(timm.plateau({ lrMin: [0.1] }), [1, 1], 1, [1]), 'lrMin: expected 2 values (one per param group), got [0.1]')
    expectScheduleError(() => protocolOf(timm.plateau({ lrMin: [0.1] })).kernel(2), 'lrMin: expected 2 values (one per param group), got [0.1]')
  })

  test('a metric is a finite number', () => {
    const s = timm.plateau()
    const [g, st] = s.init([{ lr: 1 }])
    expectScheduleError(() => s.step(st, g, { metric: NaN }), 'metric: expected a finite number, got NaN')
  })

  for (const [options, message] of [
    [{ decayRate: 1 }, 'decayRate: expected a number in [0, 1), got 1'],
    [{ patienceT: -1 }, 'patienceT: expected a non-negative integer, got -1'],
    [{ threshold: -0.1 }, 'threshold: expected a finite number >= 0, got -0.1'],
    [{ cooldownT: 0.5 }, 'cooldownT: expected a non-negative integer, got 0.5'],
    [{ warmupT: -2 }, 'warmupT: expected a non-negative integer, got -2'],
    [{ warmupLrInit: -1 }, 'warmupLrInit: expected a finite number >= 0, got -1'],
    [{ lrMin: -1 }, 'lrMin: expected a finite number >= 0, got -1'],
    [{ lrMin: [0.1, -1] }, 'lrMin[1]: expected a finite number >= 0, got -1'],
    [{ mode: 'auto' }, 'mode: expected one of "min", "max", got "auto"'],
    [{ noiseType: 'gauss' }, 'noiseType: expected one of "normal", "uniform", got "gauss"'],
    [{ noiseRangeT: null }, 'noiseRangeT: expected a finite number (noise from that step on) or an array [from, to] of two finite numbers (noise for from <= t < to), got null'],
    [{ noisePct: 0 }, 'noisePct: expected a finite number > 0, got 0'],
    [{ noiseStd: 0 }, 'noiseStd: expected a finite number > 0, got 0'],
    [{ noiseSeed: 'a' }, 'noiseSeed: expected an integer (|n| < 2^53), got "a"']
  ] as const)
    test(`rejects ${message}`, () => {
      expectScheduleError(() => timm.plateau(options as unknown as timm.PlateauOptions), message)
    })
})
