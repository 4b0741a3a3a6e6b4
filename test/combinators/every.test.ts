// `every`: a scheduler stepped after some updates of every period, traced per update.
import { test as fcTest } from '@fast-check/vitest'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { chain, closedFormTrace, decodeSchedule, every, exponentialLR, reduceLROnPlateau, sequential, stepLR, trace, traceArray } from '../../src/index.js'
import { type Config, anyConfig, closedFormConfig, groups, metricSeed } from '../helpers/arbitraries.js'
import { fromConfig } from '../helpers/fromConfig.js'
import { expectClose } from '../helpers/close.js'
import { expectPure, expectTraceArrayMatches } from '../helpers/laws.js'
import { expectScheduleError } from '../helpers/throws.js'
import { protocolOf } from '../../src/internal/protocol.js'

// the scheduler's steps after t updates, counted one update at a time (the definition, not the
// closed form every.ts uses): the updates j < t whose offset j mod period is in `at`
const stepsAfter = (t: number, period: number, at: ReadonlyArray<number>): number => {
  let n = 0
  for (let j = 0; j < t; j++) if (at.includes(j % period)) n += 1
  return n
}

describe('every: hand-computed rows', () => {
  test('StepLR(stepSize 1, gamma 0.5) once every 3 updates on lr 1: 1, 1, 1, 0.5, 0.5, 0.5, 0.25, 0.25', () => {
    expect(trace(every(stepLR({ stepSize: 1, gamma: 0.5 }), 3), [1], 7).lr).toEqual([[1], [1], [1], [0.5], [0.5], [0.5], [0.25], [0.25]])
  })

  test('steps after the updates at offsets 0 and 2 of every 4: rows 1, 0.5, 0.5, 0.25, 0.25, 0.125, 0.125, 0.0625, 0.0625', () => {
    // updates 0, 2, 4, 6 are followed by a step: rows 1, 3, 5, 7 are the first with one more
    expect(trace(every(exponentialLR({ gamma: 0.5 }), 4, [0, 2]), [1], 8).lr.map((r) => r[0])).toEqual([1, 0.5, 0.5, 0.25, 0.25, 0.125, 0.125, 0.0625, 0.0625])
  })

  test('no offsets: the scheduler never steps (its initial step only)', () => {
    expect(trace(every(exponentialLR({ gamma: 0.5 }), 5, []), [2], 12).lr.every((r) => r[0] === 2)).toBe(true)
  })

  test('a plateau schedule reads the metric of the updates it steps after, and no other', () => {
    // patience 0, factor 0.5: a step without improvement halves the lr. The steps after updates 1
    // and 3 read metrics[1] = 1 (the best) and metrics[3] = 2 (worse): the lr halves from row 4.
    // metrics[0], [2], [4] (0, which would be the best) are not read.
    const s = every(reduceLROnPlateau({ patience: 0, factor: 0.5 }), 2, [1])
    expect(trace(s, [1], 5, [0, 1, 0, 2, 0]).lr.map((r) => r[0])).toEqual([1, 1, 1, 1, 0.5, 0.5])
  })

  test('at a sequential milestone it starts over on the initial lrs', () => {
    const s = sequential([exponentialLR({ gamma: 0.5 }), every(exponentialLR({ gamma: 0.1 }), 2)], [2])
    // rows 0..2: 1, 0.5, then the milestone: lr 1 again, and the every's first step comes after update 1 of its own
    expectClose(trace(s, [1], 6).lr.map((r) => r[0] as number), [1, 0.5, 1, 1, 0.1, 0.1, 0.01], 1e-15)
  })

  test('the state is { lastEpoch, scheduler } and a checkpoint is checked against the step count', () => {
    const s = every(stepLR({ stepSize: 1 }), 3)
    const t = trace(s, [1], 7)
    expect(t.state).toEqual({ lastEpoch: 7, scheduler: { lastEpoch: 2, baseLrs: [1] } })
    expect(() => protocolOf(s).checkState({ lastEpoch: 7, scheduler: { lastEpoch: 3, baseLrs: [1] } }, 'state', 1)).toThrow(
      'state.scheduler: expected a state of 2 steps (the every is at update 7), got "a state of 3 steps"'
    )
  })
})

describe('every: arguments', () => {
  test('period, at: errors naming the argument', () => {
    const s = stepLR({ stepSize: 1 })
    expectScheduleError(() => every(s, 0), 'period: expected a positive integer, got 0')
    expectScheduleError(() => every(s, 3, [3]), 'at[0]: expected an offset < 3 (the period), got 3')
    expectScheduleError(() => every(s, 3, [1, 1]), 'at[1]: expected an offset > 1 (offsets must increase strictly), got 1')
    expectScheduleError(() => every({} as never, 3), 'scheduler: expected a scheduler (built by one of the constructors or combinators of lr-schedule), got {}')
  })

  test('decoded from JSON, with every problem named by its path', () => {
    const ok = decodeSchedule({ type: 'Every', period: 3, scheduler: { type: 'StepLR', stepSize: 1 } })
    expect(E.isRight(ok) && ok.right.config).toEqual({ type: 'Every', period: 3, at: [2], scheduler: { type: 'StepLR', stepSize: 1, gamma: 0.1 } })
    const bad = decodeSchedule({ type: 'Every', period: 4, at: [1, 4, 0], every: 2, scheduler: { type: 'StepLR' } })
    expect(E.isLeft(bad) && bad.left.map((e) => `${e.path}: ${e.message}`)).toEqual([
      'every: unknown argument of Every (it takes period, at, scheduler)',
      'scheduler.stepSize: missing, expected a positive integer',
      'at[1]: expected an offset < 4 (the period), got 4',
      'at[2]: expected an offset > 4 (offsets must increase strictly), got 0'
    ])
    const noPeriod = decodeSchedule({ type: 'Every', scheduler: { type: 'StepLR', stepSize: 1 } })
    expect(E.isLeft(noPeriod) && noPeriod.left.map((e) => e.path)).toEqual(['period'])
  })
})

const periodAndAt = fc.integer({ min: 1, max: 12 }).chain((p) =>
  fc.tuple(fc.constant(p), fc.uniqueArray(fc.integer({ min: 0, max: p - 1 }), { maxLength: p }).map((a) => [...a].sort((x, y) => x - y)))
)
const steps = fc.integer({ min: 0, max: 300 })

describe('every: laws', () => {
  fcTest.prop([anyConfig, groups, steps, metricSeed], { numRuns: 100 })('identity: every(s, 1) is s, bit for bit', (config, gs, n, ms) => {
    const s = fromConfig(config)
    expect(trace(every(s, 1), gs, n, ms).lr).toEqual(trace(s, gs, n, ms).lr)
  })

  fcTest.prop([anyConfig, groups, fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }), steps, metricSeed], { numRuns: 100 })(
    'composition: every(every(s, q), p) = every(s, p · q), bit for bit',
    (config, gs, p, q, n, ms) => {
      const s = fromConfig(config)
      expect(trace(every(every(s, q), p), gs, n, ms).lr).toEqual(trace(every(s, p * q), gs, n, ms).lr)
    }
  )

  fcTest.prop([anyConfig, groups, periodAndAt, steps, metricSeed], { numRuns: 150 })(
    "row t is the scheduler's row n(t), which read the metrics of the updates it stepped after",
    (config, gs, [p, at], n, ms) => {
      const s = fromConfig(config)
      const counts = Array.from({ length: n + 1 }, (_, t) => stepsAfter(t, p, at))
      const inner = ms.filter((_, j) => j < n && at.includes(j % p))
      const own = trace(s, gs, counts[n] as number, inner).lr
      expect(trace(every(s, p, at), gs, n, ms).lr).toEqual(counts.map((k) => own[k]))
    }
  )

  fcTest.prop([closedFormConfig, groups, periodAndAt, steps], { numRuns: 100 })('the closed form agrees with the fold', (config, gs, [p, at], n) => {
    const s = every(fromConfig(config), p, at)
    expect(protocolOf(s).closedForm).toBeDefined()
    const t = trace(s, gs, n)
    // a function of the initial lrs: those the initial step recorded. Tolerance as in
    // test/properties/closedForm.test.ts (a recurrence against a formula, up to 300 steps, and
    // values that cancel to about 0): 1e-9 relative, 1e-15 of the largest initial lr absolute
    const initial = t.groups.map((g) => g.initialLr as number)
    expectClose(closedFormTrace(s, initial, n), t.lr, 1e-9, 1e-15 * Math.max(...initial.map(Math.abs)))
  })

  fcTest.prop([anyConfig, groups, periodAndAt, fc.integer({ min: 0, max: 60 })], { numRuns: 60 })(
    'the fast path gives the reducer its rows bit for bit, and the reducer is pure',
    (config, gs, [p, at], n) => {
      const s = every(fromConfig(config as Config), p, at)
      fc.pre(!protocolOf(s).takesMetric)
      expectTraceArrayMatches(s, gs, n)
      expectPure(s, gs, n)
    }
  )

  test('a multiplier inside a chain: chain([every(StepLR, 2), ExponentialLR]) has the product of their multipliers as its closed form', () => {
    const s = chain([every(stepLR({ stepSize: 1, gamma: 0.5 }), 2), exponentialLR({ gamma: 0.9 })])
    // after t updates: 0.5^floor(t/2) · 0.9^t
    const expected = Array.from({ length: 9 }, (_, t) => [0.5 ** Math.floor(t / 2) * 0.9 ** t])
    expectClose(trace(s, [1], 8).lr, expected, 1e-14)
    expectClose(closedFormTrace(s, [1], 8), expected, 1e-14)
    expectClose(Array.from(traceArray(s, [1], 8).lr, (x) => [x]), expected, 1e-14)
  })
})
