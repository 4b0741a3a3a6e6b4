/**
 * The folds: a scheduler run over its steps into a trace (`trace`, `resume`, `traceArray`), and
 * the queries a user asks of a schedule (`closedFormOf`, `setsMomentum`, `takesMetric`).
 *
 * @since 0.1.0
 */
import { ScheduleError } from './core/errors.js'
import type { AnyScheduler, ArrayTrace, Groups, ParamGroup, Scheduler, StepInput, Trace, TraceBuffers } from './core/model.js'
import { paramGroups } from './core/model.js'
import { nonNegativeInteger } from './core/validate.js'
import { momentumOf } from './internal/groups.js'
import type { Buffers, Kernel } from './internal/kernel.js'
import { nameOf, protocolOf } from './internal/protocol.js'

// -------------------------------------------------------------------------------------
// utils
// -------------------------------------------------------------------------------------

/** @internal */
export const toGroups = (groups: Groups | ReadonlyArray<number>): Groups =>
  groups.length > 0 && typeof groups[0] === 'number'
    ? paramGroups(groups as ReadonlyArray<number>)
    : checkGroups(groups as Groups)

const checkGroups = (groups: Groups): Groups => {
  if (!Array.isArray(groups) || groups.length === 0) throw new ScheduleError('groups', 'a non-empty array of param groups', groups)
  groups.forEach((g, i) => {
    if (typeof g !== 'object' || g === null) throw new ScheduleError(`groups[${i}]`, 'a param group', g)
    if (typeof g.lr !== 'number' || !Number.isFinite(g.lr)) throw new ScheduleError(`groups[${i}].lr`, 'a finite number', g.lr)
  })
  return groups
}

/**
 * Throws when a value of `values[from..to)` (rows of `n` groups, the first being step `step`) is
 * not finite: a schedule that overflows (ExponentialLR with gamma 100 past step 154) or divides by
 * zero must fail, naming itself, the step and the group, rather than emit NaN or ±Infinity.
 */
export const checkFinite = (
  type: string,
  what: 'lr' | 'momentum',
  values: ArrayLike<number>,
  from: number,
  to: number,
  step: number,
  n = to - from
): void => {
  // x · 0 is 0 for every finite x, NaN for NaN and ±Infinity: one pass without a branch per value,
  // and the offending value looked for only when there is one
  let sum = 0
  for (let at = from; at < to; at++) sum += (values[at] as number) * 0
  if (sum === 0) return
  for (let at = from; at < to; at++) {
    const x = values[at] as number
    if (x - x !== 0) {
      const k = step + Math.floor((at - from) / n)
      const i = (at - from) % n
      throw new ScheduleError(
        `steps[${k}].${what}[${i}]`,
        `a finite ${what}`,
        x,
        `${type}: step ${k} gives group ${i} ${what === 'lr' ? 'an lr' : 'a momentum'} of ${x} (a non-finite value is never emitted: check the schedule's arguments)`
      )
    }
  }
}

/**
 * Checks what `resume` is given against the schedule: the groups (finite lrs, initial lrs finite and
 * not negative; momentum where the schedule sets it; as many as the schedule's per-group arguments
 * allow) and the state (its shape, ranges and, for composites, that the parts agree), as
 * `loadCheckpoint` does.
 */
const checkResume = (scheduler: AnyScheduler, groups: Groups, state: unknown): void => {
  const p = protocolOf(scheduler)
  if (!Array.isArray(groups) || groups.length === 0) throw new ScheduleError('groups', 'a non-empty array of param groups', groups)
  groups.forEach((g: unknown, i) => {
    if (typeof g !== 'object' || g === null || Array.isArray(g)) throw new ScheduleError(`groups[${i}]`, 'a param group', g)
    const o = g as Record<string, unknown>
    // the current lr is what the schedule made it (optax's schedules may go below 0, PyTorch's
    // LinearLR to endFactor 0 ends at -1e-22 in floating point): finite; the initial lr, the user's: also >= 0
    if (typeof o['lr'] !== 'number' || !Number.isFinite(o['lr'])) throw new ScheduleError(`groups[${i}].lr`, 'a finite number', o['lr'])
    if (o['initialLr'] === undefined)
      throw new ScheduleError(`groups[${i}].initialLr`, 'a finite number >= 0 (the initial lr the schedule recorded at its init: resume groups a trace or a checkpoint gave)', undefined)
    nonNegativeFinite(`groups[${i}].initialLr`, o['initialLr'])
    if (o['momentum'] !== undefined && (typeof o['momentum'] !== 'number' || !Number.isFinite(o['momentum'])))
      throw new ScheduleError(`groups[${i}].momentum`, 'a finite number', o['momentum'])
    if (p.setsMomentum && momentumOf(g as ParamGroup) === undefined)
      throw new ScheduleError(`groups[${i}]`, `a param group with momentum or betas (${nameOf(scheduler)} sets momentum)`, g)
  })
  p.checkGroups(groups.length)
  const steps = p.checkState(state, 'state', groups.length)
  checkContinues(scheduler, groups, state, steps)
}

/**
 * The relative tolerance of `checkContinues`: a replay runs the same operations as the run that
 * saved the state, so its numbers agree bit for bit unless the state went through another
 * arithmetic (a float32 optimizer, an edited file); 1e-9 of the value (with a floor of 1e-12 of the
 * largest initial lr, for lrs that reach 0) lets those through, while another schedule's lr, or the
 * same one's a step away, differs by far more.
 */
const CONTINUES_REL = 1e-9

/**
 * Checks that `groups` and `state` are where this very schedule stands after `steps` steps from the
 * groups' initial lrs, by running it again: a state of another schedule with the same shape (a
 * StepLR's `{ lastEpoch, baseLrs }` given to a CosineAnnealingLR), groups edited by hand or initial
 * lrs that do not belong to the state are errors naming the first value that differs, rather than
 * a resume that continues from numbers this schedule never gives. The replay is O(steps) on the
 * reducer (about 0.2 s per 10^6 steps here). A schedule that reads metrics cannot be replayed
 * without them: its state's shape and ranges are checked (`Protocol.checkState`), not its history.
 *
 * @internal
 */
export const checkContinues = (
  scheduler: AnyScheduler,
  groups: Groups,
  state: unknown,
  steps: number,
  paths: { readonly groups: string; readonly state: string } = { groups: 'groups', state: 'state' }
): void => {
  const p = protocolOf(scheduler)
  if (p.takesMetric) return
  const type = nameOf(scheduler)
  const scale = Math.max(...groups.map((g) => g.initialLr as number))
  const why = `what ${type} gives after ${steps} step${steps === 1 ? '' : 's'} from the groups' initial lrs: a state or groups of another schedule?`
  const near = (a: number, b: number): boolean => Object.is(a, b) || Math.abs(a - b) <= CONTINUES_REL * Math.max(Math.abs(a), Math.abs(b)) + 1e-12 * scale
  // the first place where a replay from initial lrs `lrs` differs from what was given, or undefined
  const replay = (lrs: ReadonlyArray<number>): { readonly path: string; readonly actual: unknown; readonly expected: unknown } | undefined => {
    let g: Groups
    let s: unknown
    try {
      ;[g, s] = scheduler.init(groups.map(({ initialLr: _, ...rest }, i) => ({ ...rest, lr: lrs[i] as number })))
      for (let k = 0; k < steps; k++) [g, s] = scheduler.step(s, g, {})
    } catch (e) {
      if (!(e instanceof ScheduleError)) throw e
      return { path: paths.state, actual: state, expected: `a state ${type} reaches (running it again fails: ${e.message})` }
    }
    const given = groups.map((r) => (p.setsMomentum ? { lr: r.lr, initialLr: r.initialLr, momentum: momentumOf(r) } : { lr: r.lr, initialLr: r.initialLr }))
    const ran = g.map((r) => (p.setsMomentum ? { lr: r.lr, initialLr: r.initialLr, momentum: momentumOf(r) } : { lr: r.lr, initialLr: r.initialLr }))
    return firstDifference(given, ran, paths.groups, near) ?? firstDifference(state, s, paths.state, near)
  }
  // the user's initial lrs are the groups' `initialLr`, unless a schedule inside a composite
  // rewrote it (OneCycleLR and CyclicLR set it from their own arguments, as PyTorch does): then
  // they are the `baseLrs` an earlier part of the state recorded
  const candidates = [groups.map((r) => r.initialLr as number), ...baseLrsIn(state, groups.length)]
  const first = replay(candidates[0] as ReadonlyArray<number>)
  if (first === undefined) return
  for (const lrs of candidates.slice(1, 4)) if (replay(lrs) === undefined) return
  const shown = typeof first.expected === 'string' ? first.expected : `${JSON.stringify(first.expected) ?? String(first.expected)} (${why})`
  throw new ScheduleError(first.path, shown, first.actual)
}

/** The distinct `baseLrs` arrays of `n` numbers inside a state, in the order they come. */
const baseLrsIn = (state: unknown, n: number): ReadonlyArray<ReadonlyArray<number>> => {
  const found: Array<ReadonlyArray<number>> = []
  const walk = (u: unknown, depth: number): void => {
    if (typeof u !== 'object' || u === null || depth > 64) return
    if (Array.isArray(u)) return u.forEach((x) => walk(x, depth + 1))
    for (const [k, v] of Object.entries(u)) {
      if (k === 'baseLrs' && Array.isArray(v) && v.length === n && v.every((x) => typeof x === 'number' && Number.isFinite(x) && x >= 0)) {
        if (!found.some((f) => f.every((x, i) => x === v[i]))) found.push(v as ReadonlyArray<number>)
      } else walk(v, depth + 1)
    }
  }
  walk(state, 0)
  return found
}

/**
 * The first place where `actual` differs from `expected` (numbers compared with `same`, by default
 * `Object.is`), with its path, or undefined when they are equal.
 *
 * @internal
 */
export const firstDifference = (
  actual: unknown,
  expected: unknown,
  path: string,
  same: (a: number, b: number) => boolean = Object.is
): { readonly path: string; readonly actual: unknown; readonly expected: unknown } | undefined => {
  if (Object.is(actual, expected)) return undefined
  if (typeof actual === 'number' && typeof expected === 'number') return same(actual, expected) ? undefined : { path, actual, expected }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return { path, actual, expected }
    for (let i = 0; i < expected.length; i++) {
      const d = firstDifference(actual[i], expected[i], `${path}[${i}]`, same)
      if (d !== undefined) return d
    }
    return undefined
  }
  if (typeof expected === 'object' && expected !== null) {
    if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) return { path, actual, expected }
    const a = actual as Record<string, unknown>
    const e = expected as Record<string, unknown>
    for (const k of new Set([...Object.keys(e), ...Object.keys(a)])) {
      const d = firstDifference(a[k], e[k], `${path}.${k}`, same)
      if (d !== undefined) return d
    }
    return undefined
  }
  return { path, actual, expected }
}

const nonNegativeFinite = (path: string, v: unknown): void => {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new ScheduleError(path, 'a finite number >= 0', v)
}

const lrsOf = (groups: Groups): ReadonlyArray<number> => groups.map((g) => g.lr)
const momentaOf = (groups: Groups): ReadonlyArray<number> => groups.map((g) => momentumOf(g) ?? NaN)

const metricAt = (metrics: ReadonlyArray<number> | undefined, k: number): StepInput =>
  metrics === undefined ? {} : { metric: metrics[k] as number }

/** Checks the metrics of a fold up front: one finite number per step when the schedule takes them. */
export const checkMetrics = (scheduler: AnyScheduler, metrics: ReadonlyArray<number> | undefined, steps: number): void => {
  if (metrics === undefined) {
    if (protocolOf(scheduler).takesMetric && steps > 0)
      throw new ScheduleError('metrics', `${steps} metrics (one per step: ${nameOf(scheduler)} reacts to a metric)`, metrics)
    return
  }
  if (!Array.isArray(metrics) || metrics.length < steps)
    throw new ScheduleError('metrics', `an array of at least ${steps} numbers (one per step)`, metrics)
  for (let k = 0; k < steps; k++) {
    const m = metrics[k]
    if (typeof m !== 'number' || !Number.isFinite(m)) throw new ScheduleError(`metrics[${k}]`, 'a finite number', m)
  }
}

/**
 * Continues a run from groups and a state (e.g. a checkpoint) for `steps` more steps; row 0 is the
 * given groups. `metrics[k]` is the metric of step `k + 1`.
 *
 * @example
 * import { trace, resume, stepLR } from 'lr-schedule'
 * const s = stepLR({ stepSize: 1, gamma: 0.5 })
 * const first = trace(s, [1], 2)
 * resume(s, first.groups, JSON.parse(JSON.stringify(first.state)), 1).lr // [[0.25], [0.125]]
 *
 * @category folds
 * @since 0.1.0
 */
export const resume = <S>(
  scheduler: Scheduler<S>,
  groups: Groups,
  state: S,
  steps: number,
  metrics?: ReadonlyArray<number>
): Trace<S> => {
  nonNegativeInteger('steps', steps)
  checkMetrics(scheduler, metrics, steps)
  checkResume(scheduler, groups, state)
  return run(scheduler, groups, state, steps, metrics)
}

/** The fold itself: `steps` steps from groups and a state already checked. */
const run = <S>(scheduler: Scheduler<S>, groups: Groups, state: S, steps: number, metrics: ReadonlyArray<number> | undefined): Trace<S> => {
  const p = protocolOf(scheduler)
  const type = nameOf(scheduler)
  const lr: Array<ReadonlyArray<number>> = [lrsOf(groups)]
  const momentum: Array<ReadonlyArray<number>> = [momentaOf(groups)]
  let g = groups
  let s = state
  for (let k = 0; k < steps; k++) {
    ;[g, s] = scheduler.step(s, g, metricAt(metrics, k))
    const row = lrsOf(g)
    checkFinite(type, 'lr', row, 0, row.length, k + 1)
    lr.push(row)
    if (p.setsMomentum) {
      const m = momentaOf(g)
      checkFinite(type, 'momentum', m, 0, m.length, k + 1)
      momentum.push(m)
    }
  }
  return p.setsMomentum ? { lr, momentum, groups: g, state: s } : { lr, groups: g, state: s }
}

/**
 * Folds a scheduler over `steps` steps from initial lrs (or param groups): `steps + 1` rows, row 0
 * after the initial step. `metrics[k]` is the metric of step `k + 1` (schedules that take one).
 *
 * @example
 * import { trace, linearLR } from 'lr-schedule'
 * trace(linearLR({ startFactor: 0.5, totalIters: 2 }), [1], 3).lr // [[0.5], [0.75], [1], [1]]
 *
 * @category folds
 * @since 0.1.0
 */
export const trace = <S>(
  scheduler: Scheduler<S>,
  groups: Groups | ReadonlyArray<number>,
  steps: number,
  metrics?: ReadonlyArray<number>
): Trace<S> => {
  nonNegativeInteger('steps', steps)
  checkMetrics(scheduler, metrics, steps)
  const [g0, s0] = scheduler.init(toGroups(groups))
  const type = nameOf(scheduler)
  const r0 = lrsOf(g0)
  checkFinite(type, 'lr', r0, 0, r0.length, 0)
  if (protocolOf(scheduler).setsMomentum) {
    const m0 = momentaOf(g0)
    checkFinite(type, 'momentum', m0, 0, m0.length, 0)
  }
  return run(scheduler, g0, s0, steps, metrics)
}

/**
 * Folds a scheduler into typed arrays without allocating per step (the fast path for long runs);
 * same numbers as `trace`. With `into`, the rows are written into those arrays (the trace's arrays
 * are then views of their first `(steps + 1) · groups` entries) rather than into new ones; if the
 * fold throws, they hold the rows before the failing step.
 *
 * @example
 * import { traceArray, exponentialLR } from 'lr-schedule'
 * traceArray(exponentialLR({ gamma: 0.5 }), [1], 2).lr // Float64Array [1, 0.5, 0.25]
 * const into = { lr: new Float64Array(10) }
 * traceArray(exponentialLR({ gamma: 0.5 }), [1], 2, undefined, into).lr // Float64Array [1, 0.5, 0.25] (into.lr's first 3 entries)
 *
 * @category folds
 * @since 0.1.0
 */
export const traceArray = <S>(
  scheduler: Scheduler<S>,
  groups: Groups | ReadonlyArray<number>,
  steps: number,
  metrics?: ReadonlyArray<number>,
  into?: TraceBuffers
): ArrayTrace => {
  const p = protocolOf(scheduler)
  nonNegativeInteger('steps', steps)
  checkMetrics(scheduler, metrics, steps)
  const gs = toGroups(groups)
  const n = gs.length
  const size = (steps + 1) * n
  const output = (path: string, given: unknown): Float64Array => {
    if (given instanceof Float64Array && given.length >= size) return given.subarray(0, size)
    const expected = `a Float64Array of at least ${size} entries ((steps + 1) · groups)`
    const typed = ArrayBuffer.isView(given) && 'length' in given ? `a ${given.constructor.name} of ${String(given.length)}` : undefined
    throw new ScheduleError(path, expected, given, typed === undefined ? undefined : `${path}: expected ${expected}, got ${typed}`)
  }
  const lr = into === undefined ? new Float64Array(size) : output('into.lr', into.lr)
  const momentum = !p.setsMomentum ? undefined : into === undefined ? new Float64Array(size) : output('into.momentum', into.momentum)
  const { kernel, copies, b } = kernelFor(p.kernel(gs.length), gs, lr, momentum)
  const copyRow = (from: Float64Array, to: Float64Array, k: number): void => {
    for (let i = 0, at = k * n; i < n; i++, at++) to[at] = from[i] as number
  }
  // a non-finite lr or momentum is never emitted: rows `from..to` checked after they are written
  const type = nameOf(scheduler)
  const check = (from: number, to: number): void => {
    checkFinite(type, 'lr', lr, from * n, (to + 1) * n, from, n)
    if (momentum !== undefined) checkFinite(type, 'momentum', momentum, from * n, (to + 1) * n, from, n)
  }
  kernel.init(b)
  if (copies) {
    copyRow(b.lr, lr, 0)
    if (momentum !== undefined) copyRow(b.momentum, momentum, 0)
  }
  check(0, 0)
  if (!copies && kernel.steps !== undefined) {
    b.row = n
    // in blocks: V8 then compiles the kernel's loop as a function called again and again rather
    // than only from inside one long loop (which it does less well, and whose exit it has never
    // seen: a deoptimization at the end of every fold)
    for (let k = 0; k < steps; k += BLOCK) {
      const count = Math.min(BLOCK, steps - k)
      kernel.steps(b, count)
      check(k + 1, k + count)
    }
  } else
    for (let k = 1; k <= steps; k++) {
      if (!copies) b.row = k * n
      kernel.step(b, metrics === undefined ? NaN : (metrics[k - 1] as number))
      if (copies) {
        copyRow(b.lr, lr, k)
        if (momentum !== undefined) copyRow(b.momentum, momentum, k)
      }
      check(k, k)
    }
  return momentum === undefined ? { groups: n, steps, lr } : { groups: n, steps, lr, momentum }
}

/**
 * A fold's kernel and buffers: the groups as columns, and the rows the kernel writes into (`lr`,
 * `momentum`) when it writes its rows itself (`copies` false), else its own columns. @internal
 */
export const kernelFor = (
  kernel: Kernel,
  gs: Groups,
  lr: Float64Array,
  momentum: Float64Array | undefined
): { readonly kernel: Kernel; readonly copies: boolean; readonly b: Buffers } => {
  // a kernel that writes its rows writes them in the pass that computes them: copying a row after
  // the step costs more than the step (for 8 groups, about 10 ns against 2)
  const copies = kernel.writesRows !== true
  const current = Float64Array.from(gs, (g) => g.lr)
  const held = Float64Array.from(gs, (g) => momentumOf(g) ?? NaN)
  const b: Buffers = {
    lr: current,
    initialLr: Float64Array.from(gs, (g) => g.initialLr ?? NaN),
    momentum: held,
    rows: copies ? { lr: current, momentum: held } : { lr, momentum },
    row: 0
  }
  return { kernel, copies, b }
}

/** The steps a fold asks a kernel for at once. */
export const BLOCK = 1024

/**
 * The closed form of a scheduler, when its lr is a function of the step: the lr of every group
 * after `t` steps, from the groups' initial lrs; `undefined` for a schedule without one (a
 * plateau, a chain holding a sequential).
 *
 * @example
 * import { closedFormOf, stepLR } from 'lr-schedule'
 * closedFormOf(stepLR({ stepSize: 10, gamma: 0.5 }))?.(25, [1]) // [0.25]
 *
 * @category queries
 * @since 0.2.0
 */
export const closedFormOf = (
  scheduler: AnyScheduler
): ((t: number, initialLrs: ReadonlyArray<number>) => ReadonlyArray<number>) | undefined => protocolOf(scheduler).closedForm

/**
 * The closed form of a scheduler over steps `0..steps` (rows like `trace`), or an error if it has none.
 *
 * @example
 * import { closedFormTrace, stepLR } from 'lr-schedule'
 * closedFormTrace(stepLR({ stepSize: 1, gamma: 0.5 }), [1], 2) // [[1], [0.5], [0.25]]
 *
 * @category folds
 * @since 0.1.0
 */
export const closedFormTrace = (
  scheduler: AnyScheduler,
  initialLrs: ReadonlyArray<number>,
  steps: number
): ReadonlyArray<ReadonlyArray<number>> => {
  const cf = closedFormOf(scheduler)
  if (cf === undefined) throw new ScheduleError('scheduler', 'a scheduler with a closed form', nameOf(scheduler))
  nonNegativeInteger('steps', steps)
  return Array.from({ length: steps + 1 }, (_, t) => cf(t, initialLrs))
}

/**
 * Whether a schedule sets momentum (or Adam's betas[0]) as well as the lr: its traces then have a
 * momentum column, and its groups need a momentum.
 *
 * @example
 * import { setsMomentum, oneCycleLR, stepLR } from 'lr-schedule'
 * setsMomentum(oneCycleLR({ maxLr: 0.1, totalSteps: 100 })) // true
 * setsMomentum(stepLR({ stepSize: 10 })) // false
 *
 * @category queries
 * @since 0.2.0
 */
export const setsMomentum = (scheduler: AnyScheduler): boolean => protocolOf(scheduler).setsMomentum

/**
 * Whether a schedule's steps take a metric (ReduceLROnPlateau, alone or inside a composite).
 *
 * @example
 * import { takesMetric, reduceLROnPlateau, chain, exponentialLR } from 'lr-schedule'
 * takesMetric(chain([exponentialLR({ gamma: 0.9 }), reduceLROnPlateau()])) // true
 *
 * @category queries
 * @since 0.2.0
 */
export const takesMetric = (scheduler: AnyScheduler): boolean => protocolOf(scheduler).takesMetric
