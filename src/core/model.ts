/**
 * The public model: a param group as a scheduler sees it, a scheduler as a pure reducer, and the
 * shapes of the traces the folds (`trace`, `traceArray`, `resume`) give.
 *
 * A scheduler has an `init` (what PyTorch's constructor does: row 0 of a trace) and a `step`
 * (PyTorch's `scheduler.step()`); both read the param groups and return new groups and the next
 * state, mutating nothing. The state is plain JSON data, so `JSON.parse(JSON.stringify(state))`
 * continues a run to the same numbers. Everything else a scheduler knows (its closed form, how a
 * composite restarts it, how its state is checked, its fast path) is internal, reached through
 * functions of the library (`closedFormOf`, `loadCheckpoint`, `traceArray`).
 *
 * @since 0.1.0
 */
import { ScheduleError } from './errors.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * An optimizer's param group as a scheduler sees it: the current lr, the initial lr (PyTorch's
 * `initial_lr`, recorded once by the first scheduler, absent before), and momentum (SGD-like) or
 * betas (Adam-like) where a scheduler cycles it.
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
 * @category model
 * @since 0.1.0
 */
export type Groups = ReadonlyArray<ParamGroup>

/**
 * What a step may need besides the groups: the metric of the step, for schedulers that react to one.
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
 * @category model
 * @since 0.1.0
 */
export type Reducer<S> = (state: S, groups: Groups, input?: StepInput) => readonly [Groups, S]

/**
 * A scheduler's arguments as a config object: `type` and the arguments.
 *
 * @category model
 * @since 0.1.0
 */
export interface SchedulerConfig {
  readonly type: string
  readonly [argument: string]: unknown
}

/**
 * A learning-rate scheduler: its config, its `init` (PyTorch's constructor: row 0) and its `step`
 * (PyTorch's `scheduler.step()`), a pure reducer over the param groups.
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
  /**
   * The scheduler's arguments, defaults filled in, as its JSON config (`{ type, ... }`), except that
   * functions (LambdaLR's `lrLambda`, CyclicLR's `scaleFn`) are the functions themselves: see
   * `encodeSchedule` for the JSON.
   */
  readonly config: SchedulerConfig
  /** PyTorch's constructor: records `initialLr` where absent and sets the lrs of row 0. */
  readonly init: (groups: Groups) => readonly [Groups, S]
  /** PyTorch's `step()`. */
  readonly step: Reducer<S>
}

/**
 * A scheduler of any state, as composites hold them.
 *
 * @category model
 * @since 0.1.0
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyScheduler = Scheduler<any>

/**
 * The rows of a trace: row 0 after `init`, row k after k steps, one entry per group.
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
 * @category model
 * @since 0.1.0
 */
export interface TraceBuffers {
  /** At least `(steps + 1) · groups` entries. */
  readonly lr: Float64Array
  /** At least `(steps + 1) · groups` entries; required when the schedule cycles momentum, untouched otherwise. */
  readonly momentum?: Float64Array
}

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
  if (typeof momentum !== 'number' || !Number.isFinite(momentum)) throw new ScheduleError('momentum', 'a finite number', momentum)
  return lrs.map((lr, i) => {
    if (typeof lr !== 'number' || !Number.isFinite(lr) || lr < 0) throw new ScheduleError(`lrs[${i}]`, 'a finite number >= 0', lr)
    return { lr, momentum }
  })
}
