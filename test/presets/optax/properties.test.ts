// The optax family's property: every schedule's closed form equals its reducer's fold, bit for bit
// (they are one function of the count), at any step of random configs of every type (joins nested);
// and its JSON config, read back, builds the same schedule.
import { test } from '@fast-check/vitest'
import fc from 'fast-check'
import { expect } from 'vitest'
import { resume, trace, traceArray } from '../../../src/index.js'
import { expectClose, expectIdentical } from '../../helpers/close.js'
import { range } from '../../helpers/lists.js'
import { fromOptaxConfig } from './config.js'
import { protocolOf } from '../../../src/internal/protocol.js'

type Config = { readonly type: string } & Record<string, unknown>

// no magnitudes below 1e-300: endValue / peakValue must stay finite (a config rejected otherwise)
const value = fc.double({ min: -1, max: 1, noNaN: true }).map((v) => (Math.abs(v) < 1e-300 ? 0 : v))
const positiveValue = fc.double({ min: 1e-6, max: 1, noNaN: true })
const step = fc.integer({ min: -20, max: 200 })
const count = fc.integer({ min: 1, max: 200 })
const power = fc.double({ min: 0, max: 4, noNaN: true })
const scales = fc.dictionary(fc.integer({ min: -10, max: 250 }).map(String), fc.double({ min: 0, max: 2, noNaN: true }), { maxKeys: 8 })

const warmupCosine = fc
  .record({ initValue: value, peakValue: value, warmupSteps: step, length: count, endValue: value, exponent: power })
  .map(({ length, ...k }) => ({ ...k, decaySteps: k.warmupSteps + length }))

const leaf: fc.Arbitrary<Config> = fc.oneof(
  value.map((v) => ({ type: 'optax.constant_schedule', value: v })),
  fc.record({ initValue: value, endValue: value, transitionSteps: step, transitionBegin: step }).map((c) => ({ type: 'optax.linear_schedule', ...c })),
  fc.record({ initValue: value, endValue: value, power, transitionSteps: step, transitionBegin: step }).map((c) => ({ type: 'optax.polynomial_schedule', ...c })),
  fc.record({ initValue: value, boundariesAndScales: scales }).map((c) => ({ type: 'optax.piecewise_constant_schedule', ...c })),
  fc
    .record({ interpolateType: fc.constantFrom('linear', 'cosine'), initValue: value, boundariesAndScales: scales })
    .map((c) => ({ type: 'optax.piecewise_interpolate_schedule', ...c })),
  fc
    .record(
      { initValue: value, transitionSteps: step, decayRate: fc.double({ min: 0, max: 1.2, noNaN: true }), transitionBegin: step, staircase: fc.boolean(), endValue: value },
      { requiredKeys: ['initValue', 'transitionSteps', 'decayRate'] }
    )
    .map((c) => ({ type: 'optax.exponential_decay', ...c })),
  fc
    .record({ initValue: value, decaySteps: count, alpha: value, exponent: power }, { requiredKeys: ['initValue', 'decaySteps'] })
    .map((c) => ({ type: 'optax.cosine_decay_schedule', ...c })),
  fc.record({ initValue: value, peakValue: value, warmupSteps: step }).map((c) => ({ type: 'optax.warmup_constant_schedule', ...c })),
  warmupCosine.map((c) => ({ type: 'optax.warmup_cosine_decay_schedule', ...c })),
  fc
    .record({ initValue: value, peakValue: value, warmupSteps: step, transitionSteps: step, decayRate: fc.double({ min: 0, max: 1.2, noNaN: true }), staircase: fc.boolean() })
    .map((c) => ({ type: 'optax.warmup_exponential_decay_schedule', ...c })),
  fc
    .record({ transitionSteps: count, peakValue: positiveValue, pctStart: fc.double({ min: 0, max: 1, noNaN: true }), divFactor: fc.double({ min: 1, max: 100, noNaN: true }) })
    .map((c) => ({ type: 'optax.cosine_onecycle_schedule', ...c })),
  fc
    .record({ transitionSteps: count, peakValue: positiveValue, pctStart: fc.double({ min: 0, max: 1, noNaN: true }), pctFinal: fc.double({ min: 0, max: 1, noNaN: true }) })
    .map((c) => ({ type: 'optax.linear_onecycle_schedule', ...c })),
  fc.array(warmupCosine, { minLength: 1, maxLength: 4 }).map((ks) => ({ type: 'optax.sgdr_schedule', cosineKwargs: ks }))
)

const join = (child: fc.Arbitrary<Config>): fc.Arbitrary<Config> =>
  fc
    .array(child, { minLength: 1, maxLength: 4 })
    .chain((schedules) =>
      fc.array(step, { minLength: schedules.length - 1, maxLength: schedules.length - 1 }).map((boundaries) => ({ type: 'optax.join_schedules', schedules, boundaries }))
    )

const optaxConfig: fc.Arbitrary<Config> = fc.oneof(leaf, join(leaf), join(fc.oneof(leaf, join(leaf))))

test.prop([optaxConfig, fc.integer({ min: 0, max: 400 }), fc.array(fc.double({ min: 1e-4, max: 1, noNaN: true }), { minLength: 1, maxLength: 3 })], { numRuns: 300 })(
  'every optax schedule: closedForm(t) is the fold after t steps, bit for bit, in every group',
  (config, steps, lrs) => {
    const s = fromOptaxConfig(config)
    const t = trace(s, lrs, steps)
    const initial = t.groups.map((g) => g.initialLr as number)
    expectIdentical(t.lr, range(steps + 1, (k) => protocolOf(s).closedForm!(k, initial)))
    t.lr.forEach((row) => row.forEach((v) => expect(v).toBe(row[0])))
    expectIdentical(traceArray(s, lrs, steps).lr, t.lr.flat())
  }
)

test.prop([optaxConfig, fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 200 })], { numRuns: 150 })(
  'every optax schedule: its JSON config builds the same schedule, and a run resumes from a JSON state to the same numbers',
  (config, first, more) => {
    const s = fromOptaxConfig(config)
    const again = fromOptaxConfig(JSON.parse(JSON.stringify(s.config)))
    const whole = trace(s, [0.1], first + more)
    // the same numbers (===: a config value -0 reads back from JSON as 0)
    expectClose(trace(again, [0.1], first + more).lr, whole.lr, 0)
    const half = trace(s, [0.1], first)
    const saved = JSON.parse(JSON.stringify({ groups: half.groups, state: half.state }))
    expectClose(resume(s, saved.groups, saved.state, more).lr, whole.lr.slice(first), 0)
  }
)
