/**
 * The model in one place: a param group as a scheduler sees it, a scheduler as a pure reducer,
 * and the folds that turn a scheduler into a trace.
 *
 * A scheduler has an initial step (what PyTorch's constructor does: row 0 of a trace) and a step
 * (PyTorch's `scheduler.step()`); both read the param groups and return new groups and the next
 * state, mutating nothing. The state is plain JSON data, so `JSON.parse(JSON.stringify(state))`
 * continues a run to the same numbers.
 *
 * @since 0.1.0
 */
import { ScheduleError } from './errors.js'
import { nonNegativeInteger } from './internal/validate.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * An optimizer's param group as a scheduler sees it: the current lr, the initial lr (PyTorch's
 * `initial_lr`, recorded once by the first scheduler, absent before), and momentum (SGD-like) or
 * betas (Adam-like) where a scheduler cycles it.
 *
 * @example
 * import type { ParamGroup } from 'lr-schedule'
 * const g: ParamGroup = { lr: 0.1, momentum: 0.9 }
 *
 * @category model
 * @since 0.1.0
 */
export interface ParamGroup {
  readonly lr: number
  readonly initialLr?: number
  readonly momentum?: number
  readonly betas?: readonly [number, number]
}

/**
 * The param groups of one optimizer.
 *
 * @example
 * import type { Groups } from 'lr-schedule'
 * const gs: Groups = [{ lr: 0.1 }, { lr: 0.01 }]
 *
 * @category model
 * @since 0.1.0
 */
export type Groups = ReadonlyArray<ParamGroup>

/**
 * What a step may need besides the groups: the metric of the step, for schedulers that react to one.
 *
 * @example
 * import type { StepInput } from 'lr-schedule'
 * const input: StepInput = { metric: 0.42 }
 *
 * @category model
 * @since 0.1.0
 */
export interface StepInput {
  readonly metric?: number
}

/**
 * A pure reducer: from a state and the groups to the new groups and the next state.
 *
 * @example
 * import { stepLR, type Reducer } from 'lr-schedule'
 * const s = stepLR({ stepSize: 2 })
 * const step: Reducer<typeof s extends { init: (g: any) => readonly [any, infer S] } ? S : never> = s.step
 *
 * @category model
 * @since 0.1.0
 */
export type Reducer<S> = (state: S, groups: Groups, input?: StepInput) => readonly [Groups, S]

/**
 * The mutable fast path of a scheduler, over typed arrays (one entry per group). Internal to
 * folds: made fresh for every fold, never shared, never seen by users.
 *
 * @example
 * import { stepLR } from 'lr-schedule'
 * const k = stepLR({ stepSize: 2 }).kernel(1)
 *
 * @category model
 * @since 0.1.0
 */
export interface Kernel {
  /** The constructor's initial step. */
  readonly init: (b: Buffers) => void
  /** The initial step run again on a built scheduler. */
  readonly initialStep: (b: Buffers) => void
  /** One `step()`. */
  readonly step: (b: Buffers, metric: number) => void
  /** Start over at a `sequential` milestone. */
  readonly restart: (b: Buffers) => void
  /**
   * True when every call above also writes the groups' new values into the fold's current row
   * (`Buffers.rows` at `Buffers.row`: every lr, and every momentum when the fold records momentum),
   * in the same pass that computes them; otherwise the fold copies the row after the call.
   */
  readonly writesRows?: boolean
  /**
   * Optional, for a kernel that writes rows and reads no metric: `count` steps in a row, the same as
   * `count` calls of `step`, each writing its row, `b.row` advancing by the number of groups after
   * each (a fold's loop over steps that runs inside the scheduler's module).
   */
  readonly steps?: ((b: Buffers, count: number) => void) | undefined
  /**
   * Optional, for a kernel whose steps may multiply every lr by one factor of the step and leave
   * momentum alone: `k > 0` when (at least) the next `k` steps do, `-k` when the next step does not
   * or might not, nor the `k - 1` after it; small integers (at most 2^30 - 1).
   */
  readonly factorRun?: (() => number) | undefined
  /**
   * Takes the next `count` steps (`count ≤ factorRun()`) without touching the buffers: their
   * factors, into `out` from `at` (a chain multiplies the lrs by its children's in one pass).
   */
  readonly factors?: ((out: Float64Array, at: number, count: number) => void) | undefined
}

/**
 * The groups of a fold, column by column: `initialLr` is NaN until a scheduler records it,
 * `momentum` is NaN for a group without momentum. A fold also gives the arrays it records its rows
 * in and where the current row starts (see `Kernel.writesRows`).
 *
 * @example
 * import type { Buffers } from 'lr-schedule'
 * const lr = new Float64Array([0.1])
 * const momentum = new Float64Array([0.9])
 * const b: Buffers = { lr, initialLr: new Float64Array([NaN]), momentum, rows: { lr, momentum }, row: 0 }
 *
 * @category model
 * @since 0.1.0
 */
export interface Buffers {
  readonly lr: Float64Array
  readonly initialLr: Float64Array
  readonly momentum: Float64Array
  /**
   * Where a kernel that writes rows writes them (`lr`, and `momentum` when the fold records
   * momentum): the fold's rows, or, when the fold copies the rows itself, `lr` and `momentum` above
   * with `row` 0 (a second, harmless write of the same values).
   */
  readonly rows: { readonly lr: Float64Array; readonly momentum: Float64Array | undefined }
  /** Where the current row starts in `rows` (set by the fold before every call). */
  row: number
}

/**
 * A learning-rate scheduler: its initial step, its step, how it restarts at a `sequential`
 * milestone, its closed form when the lr is a function of the step index, and its fast path.
 *
 * @example
 * import { exponentialLR } from 'lr-schedule'
 * const s = exponentialLR({ gamma: 0.5 })
 * const [g0, s0] = s.init([{ lr: 1 }])
 * const [g1] = s.step(s0, g0)
 * g1[0]?.lr // 0.5
 *
 * @category model
 * @since 0.1.0
 */
export interface Scheduler<S = unknown> {
  /** The PyTorch class name (or combinator name). */
  readonly name: string
  /**
   * The scheduler's arguments, defaults filled in, as its JSON config (`{ type, ... }`), except that
   * functions (LambdaLR's `lrLambda`, CyclicLR's `scaleFn`) are the functions themselves: see
   * `encodeSchedule` for the JSON.
   */
  readonly config: SchedulerConfig
  /** PyTorch's constructor: records `initialLr` where absent and performs the first step (row 0). */
  readonly init: (groups: Groups) => readonly [Groups, S]
  /**
   * PyTorch's `_initial_step()` run again on an already built scheduler: what `sequential` does to
   * its first child after building them all. The same as `init` but for CyclicLR's constructor quirk.
   */
  readonly initialStep: (state: S, groups: Groups) => readonly [Groups, S]
  /** PyTorch's `step()`. */
  readonly step: Reducer<S>
  /**
   * What `sequential` does at this scheduler's milestone, given the state its initial step left
   * (PyTorch's `_update_lr(0)` for plain schedulers; composites start afresh).
   */
  readonly restart: (state: S, groups: Groups) => readonly [Groups, S]
  /** The lr of every group after `t` steps, from the initial lrs, when the schedule has a closed form. */
  readonly closedForm: ((t: number, initialLrs: ReadonlyArray<number>) => ReadonlyArray<number>) | undefined
  /**
   * `m(t)` when the schedule multiplies the lr it is given by `m(t)` (the same for every group),
   * in a chain as well as alone: what makes `chain` have a closed form.
   */
  readonly multiplier: ((t: number) => number) | undefined
  /**
   * Checks a state (e.g. read back from a checkpoint) against this schedule run on `groups` param
   * groups: its shape, its ranges, and that the parts of a composite agree; returns how many steps
   * the state has taken, or throws a `ScheduleError` naming the offending entry below `path`.
   */
  readonly checkState: (state: unknown, path: string, groups: number) => number
  /** Whether the schedule sets momentum (or betas[0]). */
  readonly cyclesMomentum: boolean
  /** Whether a step reads `input.metric`. */
  readonly needsMetric: boolean
  /** A fresh fast path for `n` groups. */
  readonly kernel: (n: number) => Kernel
}

/**
 * A scheduler's arguments as a config object: `type` and the arguments.
 *
 * @example
 * import type { SchedulerConfig } from 'lr-schedule'
 * const c: SchedulerConfig = { type: 'StepLR', stepSize: 30, gamma: 0.1 }
 *
 * @category model
 * @since 0.1.0
 */
export interface SchedulerConfig {
  readonly type: string
  readonly [argument: string]: unknown
}

/**
 * The rows of a trace: row 0 after the initial step, row k after k steps, one entry per group.
 *
 * @example
 * import { trace, stepLR } from 'lr-schedule'
 * const t = trace(stepLR({ stepSize: 1, gamma: 0.5 }), [1], 2)
 * t.lr // [[1], [0.5], [0.25]]
 *
 * @category model
 * @since 0.1.0
 */
export interface Trace<S> {
  readonly lr: ReadonlyArray<ReadonlyArray<number>>
  /** Present when the schedule sets momentum. */
  readonly momentum?: ReadonlyArray<ReadonlyArray<number>>
  /** The groups after the last row. */
  readonly groups: Groups
  /** The state after the last row: continue from it with `resume`. */
  readonly state: S
}

/**
 * A trace filled into typed arrays, row-major: entry `k * groups + i` is group `i` after `k` steps.
 *
 * @example
 * import { traceArray, stepLR } from 'lr-schedule'
 * traceArray(stepLR({ stepSize: 1, gamma: 0.5 }), [1, 2], 1).lr // Float64Array [1, 2, 0.5, 1]
 *
 * @category model
 * @since 0.1.0
 */
export interface ArrayTrace {
  readonly groups: number
  readonly steps: number
  readonly lr: Float64Array
  readonly momentum?: Float64Array
}

/**
 * Arrays a fold writes its rows into instead of allocating them (`traceArray`'s `into`): reuse them
 * across folds, e.g. when sweeping many configs over millions of steps.
 *
 * @example
 * import type { TraceBuffers } from 'lr-schedule'
 * const into: TraceBuffers = { lr: new Float64Array(1_000_001), momentum: new Float64Array(1_000_001) }
 *
 * @category model
 * @since 0.1.0
 */
export interface TraceBuffers {
  /** At least `(steps + 1) · groups` entries. */
  readonly lr: Float64Array
  /** At least `(steps + 1) · groups` entries; required when the schedule cycles momentum, untouched otherwise. */
  readonly momentum?: Float64Array
}

/**
 * A scheduler of any state, as composites hold them.
 *
 * @example
 * import { stepLR, exponentialLR, type AnyScheduler } from 'lr-schedule'
 * const xs: ReadonlyArray<AnyScheduler> = [stepLR({ stepSize: 2 }), exponentialLR({ gamma: 0.9 })]
 *
 * @category model
 * @since 0.1.0
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyScheduler = Scheduler<any>

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * Param groups from initial lrs; every group gets `momentum` (default 0, like SGD's defaults), so
 * that momentum-cycling schedules apply to them.
 *
 * @example
 * import { paramGroups } from 'lr-schedule'
 * paramGroups([0.1, 0.01]) // [{ lr: 0.1, momentum: 0 }, { lr: 0.01, momentum: 0 }]
 *
 * @category constructors
 * @since 0.1.0
 */
export const paramGroups = (lrs: ReadonlyArray<number>, momentum = 0): Groups => {
  if (!Array.isArray(lrs) || lrs.length === 0) throw new ScheduleError('lrs', 'a non-empty array of initial lrs', lrs)
  return lrs.map((lr, i) => {
    if (typeof lr !== 'number' || !Number.isFinite(lr)) throw new ScheduleError(`lrs[${i}]`, 'a finite number', lr)
    return { lr, momentum }
  })
}

// -------------------------------------------------------------------------------------
// utils
// -------------------------------------------------------------------------------------

const toGroups = (groups: Groups | ReadonlyArray<number>): Groups =>
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
 * The momentum a group carries (momentum, or betas[0] for Adam-like groups); `undefined` if none.
 *
 * @example
 * import { momentumOf } from 'lr-schedule'
 * momentumOf({ lr: 1, betas: [0.9, 0.999] }) // 0.9
 *
 * @category utils
 * @since 0.1.0
 */
export const momentumOf = (g: ParamGroup): number | undefined => (g.betas !== undefined ? g.betas[0] : g.momentum)

/**
 * A group with its momentum set (betas[0] for Adam-like groups).
 *
 * @example
 * import { withMomentum } from 'lr-schedule'
 * withMomentum({ lr: 1, momentum: 0.9 }, 0.85) // { lr: 1, momentum: 0.85 }
 *
 * @category utils
 * @since 0.1.0
 */
export const withMomentum = (g: ParamGroup, m: number): ParamGroup =>
  g.betas !== undefined ? { ...g, betas: [m, g.betas[1]] } : { ...g, momentum: m }

/**
 * Every group with its `initialLr` recorded where it is absent (PyTorch's `setdefault('initial_lr', lr)`).
 *
 * @example
 * import { recordInitialLrs } from 'lr-schedule'
 * recordInitialLrs([{ lr: 0.1 }]) // [{ lr: 0.1, initialLr: 0.1 }]
 *
 * @category utils
 * @since 0.1.0
 */
export const recordInitialLrs = (groups: Groups): Groups =>
  groups.every((g) => g.initialLr !== undefined) ? groups : groups.map((g) => (g.initialLr !== undefined ? g : { ...g, initialLr: g.lr }))

/**
 * Every group's lr set back to its initial lr (what `sequential` does before a child starts).
 *
 * @example
 * import { resetToInitialLrs } from 'lr-schedule'
 * resetToInitialLrs([{ lr: 0.01, initialLr: 0.1 }]) // [{ lr: 0.1, initialLr: 0.1 }]
 *
 * @category utils
 * @since 0.1.0
 */
export const resetToInitialLrs = (groups: Groups): Groups =>
  recordInitialLrs(groups).map((g) => ({ ...g, lr: g.initialLr as number }))

/**
 * The initial lr of group `i`, which must have been recorded by an initial step.
 *
 * @example
 * import { initialLrOf } from 'lr-schedule'
 * initialLrOf({ lr: 0.05, initialLr: 0.1 }, 0) // 0.1
 *
 * @category utils
 * @since 0.1.0
 */
export const initialLrOf = (g: ParamGroup, i: number): number => {
  if (g.initialLr === undefined)
    throw new ScheduleError(`groups[${i}].initialLr`, 'an initial lr (call the scheduler\'s init before step)', undefined)
  return g.initialLr
}

const lrsOf = (groups: Groups): ReadonlyArray<number> => groups.map((g) => g.lr)
const momentaOf = (groups: Groups): ReadonlyArray<number> => groups.map((g) => momentumOf(g) ?? NaN)

const metricAt = (metrics: ReadonlyArray<number> | undefined, k: number): StepInput =>
  metrics === undefined ? {} : { metric: metrics[k] as number }

/** Checks the metrics of a fold up front: one finite number per step when the schedule takes them. */
const checkMetrics = (scheduler: Scheduler<any>, metrics: ReadonlyArray<number> | undefined, steps: number): void => {
  if (metrics === undefined) {
    if (scheduler.needsMetric && steps > 0)
      throw new ScheduleError('metrics', `${steps} metrics (one per step: ${scheduler.name} reacts to a metric)`, metrics)
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
  const lr: Array<ReadonlyArray<number>> = [lrsOf(groups)]
  const momentum: Array<ReadonlyArray<number>> = [momentaOf(groups)]
  let g = groups
  let s = state
  for (let k = 0; k < steps; k++) {
    ;[g, s] = scheduler.step(s, g, metricAt(metrics, k))
    lr.push(lrsOf(g))
    if (scheduler.cyclesMomentum) momentum.push(momentaOf(g))
  }
  return scheduler.cyclesMomentum ? { lr, momentum, groups: g, state: s } : { lr, groups: g, state: s }
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
  return resume(scheduler, g0, s0, steps, metrics)
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
  const momentum = !scheduler.cyclesMomentum ? undefined : into === undefined ? new Float64Array(size) : output('into.momentum', into.momentum)
  const kernel = scheduler.kernel(n)
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
  const copyRow = (from: Float64Array, to: Float64Array, k: number): void => {
    for (let i = 0, at = k * n; i < n; i++, at++) to[at] = from[i] as number
  }
  kernel.init(b)
  if (copies) {
    copyRow(b.lr, lr, 0)
    if (momentum !== undefined) copyRow(b.momentum, momentum, 0)
  }
  if (!copies && kernel.steps !== undefined) {
    b.row = n
    // in blocks: V8 then compiles the kernel's loop as a function called again and again rather
    // than only from inside one long loop (which it does less well, and whose exit it has never
    // seen: a deoptimization at the end of every fold)
    for (let k = 0; k < steps; k += BLOCK) kernel.steps(b, Math.min(BLOCK, steps - k))
  } else
    for (let k = 1; k <= steps; k++) {
      if (!copies) b.row = k * n
      kernel.step(b, metrics === undefined ? NaN : (metrics[k - 1] as number))
      if (copies) {
        copyRow(b.lr, lr, k)
        if (momentum !== undefined) copyRow(b.momentum, momentum, k)
      }
    }
  return momentum === undefined ? { groups: n, steps, lr } : { groups: n, steps, lr, momentum }
}

/** The steps a fold asks a kernel for at once. */
const BLOCK = 1024

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
export const closedFormTrace = <S>(
  scheduler: Scheduler<S>,
  initialLrs: ReadonlyArray<number>,
  steps: number
): ReadonlyArray<ReadonlyArray<number>> => {
  const cf = scheduler.closedForm
  if (cf === undefined) throw new ScheduleError('scheduler', 'a scheduler with a closed form', scheduler.name)
  nonNegativeInteger('steps', steps)
  return Array.from({ length: steps + 1 }, (_, t) => cf(t, initialLrs))
}

// -------------------------------------------------------------------------------------
// kernels
// -------------------------------------------------------------------------------------

/**
 * Groups from fast-path buffers (used where a kernel falls back on the pure reducer).
 *
 * @example
 * import { groupsFromBuffers } from 'lr-schedule'
 * groupsFromBuffers({ lr: new Float64Array([1]), initialLr: new Float64Array([NaN]), momentum: new Float64Array([NaN]) }) // [{ lr: 1 }]
 *
 * @category kernels
 * @since 0.1.0
 */
export const groupsFromBuffers = (b: Pick<Buffers, 'lr' | 'initialLr' | 'momentum'>): Groups =>
  Array.from(b.lr, (lr, i) => {
    const init = b.initialLr[i] as number
    const m = b.momentum[i] as number
    const g: ParamGroup = Number.isNaN(init) ? { lr } : { lr, initialLr: init }
    return Number.isNaN(m) ? g : { ...g, momentum: m }
  })

/**
 * Writes groups back into fast-path buffers.
 *
 * @example
 * import { groupsIntoBuffers } from 'lr-schedule'
 * const b = { lr: new Float64Array(1), initialLr: new Float64Array(1), momentum: new Float64Array(1) }
 * groupsIntoBuffers([{ lr: 2, initialLr: 1 }], b) // b.lr[0] === 2
 *
 * @category kernels
 * @since 0.1.0
 */
export const groupsIntoBuffers = (groups: Groups, b: Pick<Buffers, 'lr' | 'initialLr' | 'momentum'>): void => {
  groups.forEach((g, i) => {
    b.lr[i] = g.lr
    b.initialLr[i] = g.initialLr ?? NaN
    b.momentum[i] = momentumOf(g) ?? NaN
  })
}

/**
 * A kernel that runs the pure reducer (for schedulers whose state is not a plain counter); it
 * allocates per step like the reducer does.
 *
 * @example
 * import { kernelFromReducer, stepLR } from 'lr-schedule'
 * const k = kernelFromReducer(stepLR({ stepSize: 1 }))
 *
 * @category kernels
 * @since 0.1.0
 */
export const kernelFromReducer = <S>(scheduler: Pick<Scheduler<S>, 'init' | 'initialStep' | 'step' | 'restart'>): Kernel => {
  let state: S | undefined
  const run = (b: Buffers, f: (g: Groups) => readonly [Groups, S]): void => {
    const [g, s] = f(groupsFromBuffers(b))
    state = s
    groupsIntoBuffers(g, b)
  }
  return {
    init: (b) => run(b, scheduler.init),
    initialStep: (b) => run(b, (g) => scheduler.initialStep(state as S, g)),
    restart: (b) => run(b, (g) => scheduler.restart(state as S, g)),
    step: (b, metric) =>
      run(b, (g) => scheduler.step(state as S, g, Number.isNaN(metric) ? {} : { metric }))
  }
}

/**
 * Sets every lr back to its initial lr, in place (the fast-path twin of `resetToInitialLrs`).
 *
 * @example
 * import { resetBuffersToInitialLrs } from 'lr-schedule'
 * const b = { lr: new Float64Array([0.5]), initialLr: new Float64Array([1]), momentum: new Float64Array([NaN]) }
 * resetBuffersToInitialLrs(b) // b.lr[0] === 1
 *
 * @category kernels
 * @since 0.1.0
 */
export const resetBuffersToInitialLrs = (b: Pick<Buffers, 'lr' | 'initialLr'>): void => {
  for (let i = 0; i < b.lr.length; i++) {
    if (Number.isNaN(b.initialLr[i] as number)) b.initialLr[i] = b.lr[i] as number
    b.lr[i] = b.initialLr[i] as number
  }
}
