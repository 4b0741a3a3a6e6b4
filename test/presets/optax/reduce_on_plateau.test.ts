// optax.reduce_on_plateau by hand: optax.contrib's update_fn / _update_scale worked out in the
// comments. Row k is the scale after the k-th update (the scale update k − 1 applies), × the
// group's initial lr. Powers of two are compared exactly.
import { describe, expect, test } from 'vitest'
import { chain, exponentialLR, optax, resume, trace, traceArray } from '../../../src/index.js'
import { rep, rows } from '../../helpers/lists.js'
import { expectScheduleError } from '../../helpers/throws.js'
import { protocolOf } from '../../../src/internal/protocol.js'

describe('optax.reduce_on_plateau', () => {
  test("optax's defaults (patience 10, factor 0.1): on a flat value the 11th update reduces (count == patience)", () => {
    // update 1 improves on +inf; updates 2..11 add 1 each: 10 == patience at update 11
    const t = trace(optax.reduceOnPlateau(), [1, 0.5], 12, rep(2, 12)).lr
    expect(t).toEqual(rows([...rep(1, 11), 0.1, 0.1], [...rep(0.5, 11), 0.05, 0.05]))
  })

  test('no lag: the update whose value completes the plateau already applies the new scale (row k = update k − 1)', () => {
    // patience 1: update 1 improves, update 2 does not: count 1 == 1 → scale 0.5, applied by update 2 itself (row 2)
    const t = trace(optax.reduceOnPlateau({ patience: 1, factor: 0.5 }), [1], 3, [1, 1, 1]).lr
    expect(t).toEqual(rows([1, 1, 0.5, 0.25]))
  })

  test('optax#1767: a flat negative value improves at every update ((1 − rtol) · best > best), so it never reduces', () => {
    expect(trace(optax.reduceOnPlateau({ patience: 2, factor: 0.5 }), [1], 6, rep(-1, 6)).lr).toEqual(rows(rep(1, 7)))
    // the same flat value, positive: reduces every 2 updates
    expect(trace(optax.reduceOnPlateau({ patience: 2, factor: 0.5 }), [1], 6, rep(1, 6)).lr).toEqual(rows([1, 1, 1, 0.5, 0.5, 0.25, 0.25]))
  })

  test('patience 0 reduces only on an improvement (the count is 0 right after one)', () => {
    // 1: improves → 0 == 0: 0.5; 1 again: count 1; 0.5: improves → 0.25
    expect(trace(optax.reduceOnPlateau({ patience: 0, factor: 0.5 }), [1], 3, [1, 1, 0.5]).lr).toEqual(rows([1, 0.5, 0.5, 0.25]))
  })

  test('accumulationSize averages the values and checks every n-th update; cooldown skips checks', () => {
    // accumulation 2, patience 1: averages of (3, 1) = 2 (improves), (2, 2) = 2 (count 1 == 1: halve)
    const a = trace(optax.reduceOnPlateau({ accumulationSize: 2, patience: 1, factor: 0.5 }), [1], 4, [3, 1, 2, 2])
    expect(a.lr).toEqual(rows([1, 1, 1, 1, 0.5]))
    expect(a.state).toEqual({ updates: 4, scale: 0.5, bestValue: 2, plateauCount: 0, cooldownCount: 0, count: 0, avgValue: 0 })
    // patience 1, cooldown 2, flat: 1 best, 2 halve (cooldown 2), 3 and 4 in cooldown, 5 halve
    expect(trace(optax.reduceOnPlateau({ patience: 1, factor: 0.5, cooldown: 2 }), [1], 5, rep(1, 5)).lr).toEqual(rows([1, 1, 0.5, 0.5, 0.5, 0.25]))
  })

  test('minScale floors the scale (and a minScale above 1 raises it at the first check)', () => {
    expect(trace(optax.reduceOnPlateau({ patience: 1, factor: 0.1, minScale: 0.25 }), [1], 4, rep(1, 4)).lr).toEqual(rows([1, 1, 0.25, 0.25, 0.25]))
    expect(trace(optax.reduceOnPlateau({ minScale: 2 }), [1], 1, [1]).lr).toEqual(rows([1, 2]))
  })

  test('the lr is the initial lr × scale: in a chain it overrides the decay before it; resume and the fast path agree', () => {
    const c = chain([exponentialLR({ gamma: 0.5 }), optax.reduceOnPlateau({ patience: 1, factor: 0.5 })])
    expect(trace(c, [1], 2, [1, 1]).lr).toEqual(rows([1, 1, 0.5]))
    const s = optax.reduceOnPlateau({ patience: 2, factor: 0.3, accumulationSize: 3, cooldown: 1 })
    const values = [5, 4, 4, 4, 4, 4, 3, 3, 3, 3, 3, 3, 3, 3]
    const all = trace(s, [0.1, 0.02], 14, values)
    const first = trace(s, [0.1, 0.02], 4, values)
    expect(resume(s, first.groups, JSON.parse(JSON.stringify(first.state)), 10, values.slice(4)).lr).toEqual(all.lr.slice(4))
    expect(Array.from(traceArray(s, [0.1, 0.02], 14, values).lr)).toEqual(all.lr.flat())
    expect(protocolOf(s).takesMetric).toBe(true)
    expect(protocolOf(s).closedForm).toBeUndefined()
  })

  test("optax's defaults in the config", () => {
    expect(optax.reduceOnPlateau().config).toEqual({
      type: 'optax.reduce_on_plateau', factor: 0.1, patience: 10, rtol: 1e-4, atol: 0, cooldown: 0, accumulationSize: 1, minScale: 0
    })
  })

  test('every update needs its value; a state from elsewhere is rejected', () => {
    expectScheduleError(() => trace(optax.reduceOnPlateau(), [1], 2), 'metrics: expected 2 metrics (one per step: optax.reduce_on_plateau reacts to a metric), got undefined')
    const s = optax.reduceOnPlateau({ accumulationSize: 2 })
    const [g, st] = s.init([{ lr: 0.1 }])
    expectScheduleError(() => s.step({ ...st, count: 2 }, g, { metric: 1 }), 'optax.reduce_on_plateau state.count: expected at most accumulationSize - 1 = 1, got 2')
    expectScheduleError(() => s.step({ ...st, scale: -1 }, g, { metric: 1 }), 'optax.reduce_on_plateau state.scale: expected a finite number >= 0, got -1')
  })

  for (const { options, message } of [
    { options: { factor: 0 }, message: 'factor: expected a number in (0, 1), got 0' },
    { options: { factor: 1 }, message: 'factor: expected a number in (0, 1), got 1' },
    { options: { rtol: 1.5 }, message: 'rtol: expected a number in [0, 1], got 1.5' },
    { options: { atol: -1 }, message: 'atol: expected a finite number >= 0, got -1' },
    { options: { rtol: 0 }, message: 'rtol: expected a number in (0, 1] when atol is 0 (optax: at least one of rtol or atol must be positive), got 0' },
    { options: { patience: 2 ** 31 }, message: "patience: expected at most 2147483647 (optax's counters are int32), got 2147483648" },
    { options: { accumulationSize: 0 }, message: 'accumulationSize: expected a positive integer, got 0' },
    { options: { cooldown: -1 }, message: 'cooldown: expected a non-negative integer, got -1' },
    { options: { minScale: -0.1 }, message: 'minScale: expected a finite number >= 0, got -0.1' }
  ]) test(`rejects ${message}`, () => {
    expectScheduleError(() => optax.reduceOnPlateau(options as optax.ReduceOnPlateauOptions), message)
  })
})
