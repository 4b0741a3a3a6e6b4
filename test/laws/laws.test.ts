// The laws every schedule of the registry obeys, once, for all of them: each property draws from
// the one arbitrary derived from the argument tables (test/laws/registry.ts) and is named after
// its law. Per-schedule test files keep the reference numbers and the edge cases.
import { test } from '@fast-check/vitest'
import fc from 'fast-check'
import { describe, expect } from 'vitest'
import {
  ScheduleError,
  type Groups,
  chain,
  closedFormOf,
  closedFormTrace,
  decodeSchedule,
  encodeSchedule,
  paramGroups,
  resume,
  sequential,
  setsMomentum,
  takesMetric,
  trace,
  traceArray
} from '../../src/index.js'
import { deepFreeze } from '../helpers/freeze.js'
import { entries } from '../../src/registry.js'
import { type Drawn, anySchedule, definitions, functions } from './registry.js'

const steps = fc.integer({ min: 0, max: 250 })
const lrs = (n: number) => fc.array(fc.double({ min: 1e-4, max: 1, noNaN: true }), { minLength: n, maxLength: n })
const metricsOf = (seed: number, n: number): ReadonlyArray<number> => Array.from({ length: n }, (_, k) => 1 + Math.abs(Math.sin(seed + k * 0.37)))

/** A drawn schedule with its groups, steps and metrics (when it takes them). */
const run = anySchedule.chain((d: Drawn) =>
  fc.record({ d: fc.constant(d), lrs: lrs(d.groups), steps, seed: fc.integer({ min: 0, max: 1000 }) })
)
const groupsOf = (d: Drawn, initial: ReadonlyArray<number>): Groups => (setsMomentum(d.schedule) ? paramGroups(initial, 0.9) : paramGroups(initial))
const metrics = (d: Drawn, seed: number, n: number) => (takesMetric(d.schedule) ? metricsOf(seed, n) : undefined)

/**
 * The outcome of a fold: its rows, or the message of the error it stopped with (a non-finite value,
 * a step past the end), without the name of the schedule it starts with (a composite names itself)
 */
const outcome = <A>(f: () => A): A | string => {
  try {
    return f()
  } catch (e) {
    return `error: ${(e as Error).message.replace(/^[\w.]+: (step \d+ gives)/, '$1')}`
  }
}

describe('the registry', () => {
  test('every schedule of the registry is a definition, and is drawn (it has a gallery config)', () => {
    expect(definitions.map(([d]) => d.type).sort()).toEqual(Object.keys(entries).sort())
  })
})

test.prop([run], { numRuns: 300 })('fast path = reducer: traceArray gives trace\'s rows bit for bit (or the same error)', ({ d, lrs: initial, steps: n, seed }) => {
  const gs = groupsOf(d, initial)
  const ms = metrics(d, seed, n)
  const folded = outcome(() => trace(d.schedule, gs, n, ms))
  const fast = outcome(() => traceArray(d.schedule, gs, n, ms))
  if (typeof folded === 'string') {
    expect(fast).toBe(folded)
    return
  }
  if (typeof fast === 'string') throw new Error(`${d.config.type}: the fast path failed where the fold did not: ${fast}`)
  expect(Array.from(fast.lr)).toEqual(folded.lr.flat())
  if (folded.momentum !== undefined) expect(Array.from(fast.momentum ?? [])).toEqual(folded.momentum.flat())
})

// Tolerance: a function-of-the-step schedule's reducer is its closed form (equal bits); PyTorch's
// chainable forms accumulate one rounding per step (≤ 250 steps here: relative error ≲ 250 · 2^-52
// ≈ 6e-14 on the lr, more where a cosine's ratio is near 0/0), so 1e-9 relative, with an absolute
// floor of 1e-12 of the largest lr (initial lrs included) for values that reach 0 (where relative
// error is undefined: LinearLR from a startFactor of 1e-300 gives 0 one way and 1e-312 the other).
test.prop([run], { numRuns: 300 })('closed form = fold: where a schedule has one, it gives the fold\'s rows', ({ d, lrs: initial, steps: n, seed }) => {
  const cf = closedFormOf(d.schedule)
  fc.pre(cf !== undefined)
  const gs = groupsOf(d, initial)
  const folded = outcome(() => trace(d.schedule, gs, n, metrics(d, seed, n)).lr)
  fc.pre(typeof folded !== 'string')
  // from the initial lrs the schedule records at its init (OneCycleLR records maxLr / divFactor)
  const recorded = d.schedule.init(gs)[0].map((g) => g.initialLr as number)
  const closed = closedFormTrace(d.schedule, recorded, n)
  const scale = Math.max(...(folded as ReadonlyArray<ReadonlyArray<number>>).flat().map(Math.abs), ...recorded.map(Math.abs))
  ;(folded as ReadonlyArray<ReadonlyArray<number>>).forEach((row, k) =>
    row.forEach((x, i) => {
      const y = (closed[k] as ReadonlyArray<number>)[i] as number
      if (!(Math.abs(x - y) <= 1e-9 * Math.abs(x) + 1e-12 * scale)) throw new Error(`${d.config.type}: step ${k}, group ${i}: fold ${x}, closed form ${y}`)
    })
  )
})

test.prop([run], { numRuns: 200 })('purity: init and step never mutate their inputs, and every state is plain JSON', ({ d, lrs: initial, steps: n, seed }) => {
  const ms = metrics(d, seed, n)
  const gs = deepFreeze(groupsOf(d, initial))
  const before = JSON.stringify(gs)
  // a schedule may refuse the groups with a ScheduleError (hf.polynomial's lrEnd ≥ the first
  // group's lr): a refusal mutates nothing either
  let started: ReturnType<typeof d.schedule.init>
  try {
    started = d.schedule.init(gs)
  } catch (e) {
    if (!(e instanceof ScheduleError)) throw e
    expect(JSON.stringify(gs)).toBe(before)
    return
  }
  let [g, s] = started
  for (let k = 0; k < Math.min(n, 60); k++) {
    const frozen = deepFreeze(JSON.parse(JSON.stringify(s)) as unknown)
    const snapshot = JSON.stringify(frozen)
    const r = outcome(() => d.schedule.step(frozen, deepFreeze(g), ms === undefined ? {} : { metric: ms[k] as number }))
    if (typeof r === 'string') return
    expect(JSON.stringify(frozen)).toBe(snapshot)
    ;[g, s] = r
    expect(JSON.parse(JSON.stringify(s))).toEqual(s)
  }
  expect(JSON.stringify(gs)).toBe(before)
})

test.prop([run, fc.integer({ min: 0, max: 250 })], { numRuns: 200 })(
  'JSON state round trip: a run stopped at any step, written as JSON and resumed, continues to the same rows',
  ({ d, lrs: initial, steps: n, seed }, cut) => {
    const k = Math.min(cut, n)
    const gs = groupsOf(d, initial)
    const ms = metrics(d, seed, n)
    const whole = outcome(() => trace(d.schedule, gs, n, ms))
    fc.pre(typeof whole !== 'string')
    const first = trace(d.schedule, gs, k, ms)
    const saved = JSON.parse(JSON.stringify({ groups: first.groups, state: first.state }))
    const rest = resume(d.schedule, saved.groups, saved.state, n - k, ms?.slice(k))
    // JSON writes -0 as 0 (docs/semantics.md): the zeros of the rows compared as zeros
    const zeros = (rows: ReadonlyArray<ReadonlyArray<number>>) => rows.map((r) => r.map((x) => (x === 0 ? 0 : x)))
    expect(zeros(rest.lr)).toEqual(zeros((whole as ReturnType<typeof trace>).lr.slice(k)))
  }
)

test.prop([run], { numRuns: 200 })('config round trip: encodeSchedule decodes to a schedule with the same rows', ({ d, lrs: initial, steps: n, seed }) => {
  const encoded = encodeSchedule(d.schedule, functions)
  if (encoded._tag === 'Left') throw new Error(JSON.stringify(encoded.left))
  const again = decodeSchedule(JSON.parse(JSON.stringify(encoded.right)), { functions })
  if (again._tag === 'Left') throw new Error(JSON.stringify(again.left))
  const gs = groupsOf(d, initial)
  const ms = metrics(d, seed, n)
  // JSON writes a -0 argument as 0: zeros compared as zeros
  const zeros = (r: ReadonlyArray<ReadonlyArray<number>> | string) => (typeof r === 'string' ? r : r.map((row) => row.map((x) => (x === 0 ? 0 : x))))
  expect(zeros(outcome(() => trace(again.right, gs, n, ms).lr))).toEqual(zeros(outcome(() => trace(d.schedule, gs, n, ms).lr)))
})

test.prop([run], { numRuns: 150 })('identity: chain([s]) is s, bit for bit', ({ d, lrs: initial, steps: n, seed }) => {
  const gs = groupsOf(d, initial)
  const ms = metrics(d, seed, n)
  expect(outcome(() => trace(chain([d.schedule]), gs, n, ms).lr)).toEqual(outcome(() => trace(d.schedule, gs, n, ms).lr))
})

// CyclicLR's constructor steps with the groups' initial lr, and a sequential re-runs its first
// child's init with base_lr: PyTorch's numbers, which differ there by design (docs/semantics.md)
test.prop([run], { numRuns: 150 })('identity: sequential([s], []) is s, bit for bit', ({ d, lrs: initial, steps: n, seed }) => {
  fc.pre(d.config.type !== 'CyclicLR')
  const gs = groupsOf(d, initial)
  const ms = metrics(d, seed, n)
  expect(outcome(() => trace(sequential([d.schedule], []), gs, n, ms).lr)).toEqual(outcome(() => trace(d.schedule, gs, n, ms).lr))
})
