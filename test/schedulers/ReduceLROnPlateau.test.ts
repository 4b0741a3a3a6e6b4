import { describe, expect, test } from 'vitest'
import { type PlateauState, reduceLROnPlateau, resume, trace, traceArray } from '../../src/index.js'
import { expectClose } from '../helpers/close.js'
import { deepFreeze } from '../helpers/freeze.js'
import { range, rep, rows } from '../helpers/lists.js'
import { expectScheduleError } from '../helpers/throws.js'

// Tolerance: relative 1e-12 — expected values are decimal literals (0.005), the library multiplies
// 0.5 by 0.1 repeatedly (0.005000000000000001).
const REL = 1e-12

/**
 * PyTorch's _test_reduce_lr_on_plateau asserts the lr AFTER step(metrics[e]): its targets[e] is our
 * row e + 1. Two groups, both at lr 0.5, as in its fixture.
 */
const plateau = (options: Parameters<typeof reduceLROnPlateau>[0], metrics: number[], targets: number[][]) => {
  const t = trace(reduceLROnPlateau(options), [0.5, 0.5], metrics.length, metrics)
  expectClose(t.lr.slice(1), rows(...targets), REL)
  expect(t.lr[0]).toEqual([0.5, 0.5])
}

describe('ReduceLROnPlateau: PyTorch test suite', () => {
  test('reduce_lr_on_plateau1: abs, min, threshold 0.01, patience 5, cooldown 5, metrics 10 − 0.0167i: stays 0.5 for 20 steps', () => {
    const t = rep(0.5, 20)
    plateau({ thresholdMode: 'abs', mode: 'min', threshold: 0.01, patience: 5, cooldown: 5 }, range(20, (i) => 10 - i * 0.0167), [t, t])
  })

  test('reduce_lr_on_plateau2: abs, min, threshold 0.1, patience 5, metrics 10 − 0.0165i: [.5]*6+[.05]*7+[.005]*7+[.0005]*2', () => {
    const t = [...rep(0.5, 6), ...rep(0.05, 7), ...rep(0.005, 7), ...rep(0.0005, 2)]
    plateau({ patience: 5, cooldown: 0, thresholdMode: 'abs', mode: 'min', threshold: 0.1 }, range(22, (i) => 10 - i * 0.0165), [t, t])
  })

  test('reduce_lr_on_plateau3: max, abs, patience 5, cooldown 5, metrics [-0.8]*2+[-0.234]*20: [.5]*8+[.05]*11+[.005]*3', () => {
    const t = [...rep(0.5, 8), ...rep(0.05, 11), ...rep(0.005, 3)]
    plateau({ mode: 'max', patience: 5, cooldown: 5, thresholdMode: 'abs' }, [...rep(-0.8, 2), ...rep(-0.234, 20)], [t, t])
  })

  test('reduce_lr_on_plateau4: max, rel, threshold 0.1, patience 3, metrics 1.5·1.025^i: stays 0.5 for 20 steps', () => {
    const t = rep(0.5, 20)
    plateau({ mode: 'max', patience: 3, thresholdMode: 'rel', threshold: 0.1 }, range(20, (i) => 1.5 * 1.025 ** i), [t, t])
  })

  test('reduce_lr_on_plateau5: max, rel, threshold 0.1, patience 5, cooldown 5, metrics 1.5·1.005^i: [.5]*6+[.05]*11+[.005]*3', () => {
    const t = [...rep(0.5, 6), ...rep(0.05, 11), ...rep(0.005, 3)]
    plateau({ mode: 'max', thresholdMode: 'rel', threshold: 0.1, patience: 5, cooldown: 5 }, range(20, (i) => 1.5 * 1.005 ** i), [t, t])
  })

  test('reduce_lr_on_plateau6: min, rel, threshold 0.1, metrics 1.5·0.85^i: stays 0.5 for 20 steps', () => {
    const t = rep(0.5, 20)
    plateau({ mode: 'min', thresholdMode: 'rel', threshold: 0.1 }, range(20, (i) => 1.5 * 0.85 ** i), [t, t])
  })

  test('reduce_lr_on_plateau7: min, rel, threshold 0.1, patience 5, cooldown 5, metrics [1]*7+[.6]+[.5]*12: [.5]*6+[.05]*11+[.005]*3', () => {
    const t = [...rep(0.5, 6), ...rep(0.05, 11), ...rep(0.005, 3)]
    plateau({ mode: 'min', thresholdMode: 'rel', threshold: 0.1, patience: 5, cooldown: 5 }, [...rep(1, 7), 0.6, ...rep(0.5, 12)], [t, t])
  })

  test('reduce_lr_on_plateau8: as 5 with minLr [0.4, 0.3]: [.5]*6+[.4]*14 and [.5]*6+[.3]*14', () => {
    plateau(
      { mode: 'max', thresholdMode: 'rel', minLr: [0.4, 0.3], threshold: 0.1, patience: 5, cooldown: 5 },
      range(20, (i) => 1.5 * 1.005 ** i),
      [
        [...rep(0.5, 6), ...rep(0.4, 14)],
        [...rep(0.5, 6), ...rep(0.3, 14)]
      ]
    )
  })
})

describe('ReduceLROnPlateau: behaviour', () => {
  test('reduces after patience + 1 bad steps: patience 1, factor 0.5, metrics 3,3,3,3 on lr 1 give 1, 1, 1, 0.5, 0.5', () => {
    // step 1: best 3; step 2: bad 1; step 3: bad 2 > 1 → 0.5, bad 0; step 4: bad 1
    expect(trace(reduceLROnPlateau({ patience: 1, factor: 0.5 }), [1], 4, [3, 3, 3, 3]).lr).toEqual([[1], [1], [1], [0.5], [0.5]])
  })

  test('eps: a reduction smaller than eps is skipped (lr 1e-8, factor 0.5, eps 1e-8: stays 1e-8)', () => {
    expect(trace(reduceLROnPlateau({ patience: 0, factor: 0.5 }), [1e-8], 3, [1, 1, 1]).lr).toEqual([[1e-8], [1e-8], [1e-8], [1e-8]])
  })

  test('the state is plain JSON: best is null before any metric, then the best metric; cooldown counts down', () => {
    const s = reduceLROnPlateau({ patience: 0, cooldown: 2, factor: 0.5 })
    expect(s.init([{ lr: 1 }])[1]).toEqual({ lastEpoch: 0, best: null, numBadEpochs: 0, cooldownCounter: 0 })
    // metrics 2, 3: step 1 best 2; step 2 bad → reduce, cooldown 2
    expect(trace(s, [1], 2, [2, 3]).state).toEqual({ lastEpoch: 2, best: 2, numBadEpochs: 0, cooldownCounter: 2 })
  })

  test.each([0, 1, 2, 3, 4, 5])('a JSON round trip at step %i (before any metric, mid-cooldown, ...) continues identically', (k) => {
    const s = reduceLROnPlateau({ patience: 1, cooldown: 2, factor: 0.5 })
    const metrics = [5, 5, 5, 5, 4, 4, 4, 4, 4, 4]
    const whole = trace(s, [1, 0.1], 10, metrics)
    const first = trace(s, [1, 0.1], k, metrics)
    const revived = JSON.parse(JSON.stringify(first.state)) as PlateauState
    expect(resume(s, first.groups, revived, 10 - k, metrics.slice(k)).lr).toEqual(whole.lr.slice(k))
  })

  test('is pure on deep-frozen groups and states, and its fast path equals its reducer', () => {
    const s = reduceLROnPlateau({ patience: 1, cooldown: 1, factor: 0.3, minLr: [0.01, 0] })
    const metrics = range(40, (i) => Math.abs(Math.sin(i / 3)))
    let [g, st] = s.init(deepFreeze([{ lr: 1 }, { lr: 0.1 }]))
    for (const m of metrics) [g, st] = s.step(deepFreeze(st), deepFreeze(g), { metric: m })
    const t = trace(s, [1, 0.1], 40, metrics)
    expect(g.map((x) => x.lr)).toEqual(t.lr[40])
    expect(Array.from(traceArray(s, [1, 0.1], 40, metrics).lr)).toEqual(t.lr.flat())
  })
})

describe('ReduceLROnPlateau: validation', () => {
  test.each([
    [{ mode: 'up' }, 'mode: expected one of "min", "max", got "up"'],
    [{ factor: 1 }, 'factor: expected a number in [0, 1), got 1'],
    [{ factor: -0.1 }, 'factor: expected a number in [0, 1), got -0.1'],
    [{ patience: -1 }, 'patience: expected a non-negative integer, got -1'],
    [{ patience: 1.5 }, 'patience: expected a non-negative integer, got 1.5'],
    [{ thresholdMode: 'pct' }, 'thresholdMode: expected one of "rel", "abs", got "pct"'],
    [{ threshold: -1 }, 'threshold: expected a finite number >= 0, got -1'],
    [{ cooldown: -2 }, 'cooldown: expected a non-negative integer, got -2'],
    [{ minLr: [-1] }, 'minLr[0]: expected a finite number >= 0, got -1'],
    [{ eps: Number.NaN }, 'eps: expected a finite number >= 0, got NaN']
  ] as const)('%j is rejected: %s', (options, message) => {
    expectScheduleError(() => reduceLROnPlateau(options as never), message)
  })

  test('a missing or non-finite metric is an error naming it', () => {
    const s = reduceLROnPlateau()
    const [g, st] = s.init([{ lr: 1 }])
    expectScheduleError(() => s.step(st, g), 'metric: expected a finite number (ReduceLROnPlateau takes the metric of every step), got undefined')
    expectScheduleError(() => s.step(st, g, { metric: Number.NaN }), 'metric: expected a finite number (ReduceLROnPlateau takes the metric of every step), got NaN')
    expectScheduleError(() => trace(s, [1], 2), 'metrics: expected 2 metrics (one per step: ReduceLROnPlateau reacts to a metric), got undefined')
    expectScheduleError(() => trace(s, [1], 3, [1, 2]), 'metrics: expected an array of at least 3 numbers (one per step), got [1,2]')
    expectScheduleError(() => trace(s, [1], 2, [1, Number.POSITIVE_INFINITY]), 'metrics[1]: expected a finite number, got Infinity')
  })

  test('a minLr list of the wrong length is rejected when the groups are seen', () => {
    expectScheduleError(() => trace(reduceLROnPlateau({ minLr: [0, 0] }), [1], 1, [1]), 'minLr: expected 1 value (one per param group), got [0,0]')
  })
})
