/**
 * The one builder behind every scheduler whose state is PyTorch's `last_epoch` counter: the pure
 * reducer steps through the scheduler's per-group functions; the typed-array fast path through the
 * scheduler's own loop over steps (`Fast`, `FastFactors`), written with the same helpers in the
 * same operation order, or, without one, through the same per-group functions. Tests hold the two
 * to the same bits.
 *
 * @internal
 */
import { ScheduleError } from '../core/errors.js'
import { finite, nonEmptyArray, nonNegativeInteger, record } from '../core/validate.js'
import { type Buffers, type Kernel } from './kernel.js'
import { scheduler } from './protocol.js'
import { type Groups, type ParamGroup, type Scheduler } from '../core/model.js'
import { initialLrOf, momentumOf, recordInitialLrs, withMomentum } from './groups.js'

/**
 * The state of a counter-based scheduler: PyTorch's `last_epoch` (0 after the initial step) and
 * `base_lrs` (the groups' initial lrs when the scheduler was built: a scheduler built before
 * OneCycleLR overwrote them keeps the old ones, as in PyTorch).
 *
 * @example
 * import { trace, stepLR } from 'lr-schedule'
 * trace(stepLR({ stepSize: 2 }), [0.1], 3).state // { lastEpoch: 3, baseLrs: [0.1] }
 *
 * @category model
 * @since 0.1.0
 */
export interface EpochState {
  /** Steps taken since the initial step. */
  readonly lastEpoch: number
  /** Each group's initial lr when the scheduler was built. */
  readonly baseLrs: ReadonlyArray<number>
}

/** PyTorch's `get_lr()` for one group (see `LeafSpec.lr`). */
export type LeafLr = (e: number, lr: number, base: number, i: number, initial: boolean) => number

/**
 * The fast path's `last_epoch`: set by the kernel (0 at its initial step and at a restart),
 * advanced by the fast step.
 */
export interface Clock {
  e: number
}

/**
 * The fast path of a scheduler for a fold of `n` groups, given the kernel's clock and base lrs
 * (filled at its `init`): `count` steps in a row (`count` 1 is one `step()`), each advancing the
 * clock to its `e` (≥ 1), computing what the step shares between groups once, then setting every
 * group's lr (and momentum) in `b` and in `b.rows` at `b.row`, which advances by `n` after each
 * step (see `Kernel.steps`). A schedule that leaves momentum alone writes the held momentum into
 * the momentum rows a fold keeps apart (`heldMomentumRows`). The same numbers as `LeafSpec.lr` (and
 * `momentum`), from the same helpers, bit for bit.
 *
 * Written in the scheduler's own module: there, a closure made here calls a module-level function
 * of the fold's state (numbers, per-group columns, scratch) that loops over the steps, its
 * invariants read before the loop and `e` and the row kept in locals. Why so: V8 compiles a
 * function once for all its closures and inlines a call only where it sees few targets, so
 * closures made by every call of a constructor would be compiled without their numbers and call
 * helpers V8 cannot inline (a number returned by a call that is not inlined is boxed: an
 * allocation per step), and a loop shared by every scheduler would call all their steps through
 * one megamorphic call site; and V8 does not hoist loads of fields out of a loop that stores into
 * typed arrays, nor keep a counter held in an object in a register.
 */
export type Fast = (n: number, clock: Clock, bases: Float64Array) => (b: Buffers, count: number) => void

/**
 * The fast path of a schedule whose `step()` multiplies every group's lr by one factor of the step
 * (where PyTorch keeps the lr, the factor is 1: `lr · 1` is `lr` exactly), given the kernel's
 * clock: writes the factors of the next `count` steps into `factors` from `at`, advancing the clock.
 * Written in the scheduler's own module (see `Fast`); the kernel multiplies the lrs by them, and a
 * chain the lrs by every child's (see `Kernel.factors`).
 */
export type FastFactors = (clock: Clock) => (factors: Float64Array, at: number, count: number) => void

/**
 * The momentum rows a step that leaves momentum alone must write the held momentum into: the
 * fold's, when it records momentum in rows of its own; otherwise none.
 */
export const heldMomentumRows = (b: Buffers): Float64Array | undefined => (b.rows.momentum === b.momentum ? undefined : b.rows.momentum)

/** Writes every group's held momentum into the row at `row`. */
export const keepMomentum = (momentum: Float64Array, out: Float64Array, row: number): void => {
  for (let i = 0; i < momentum.length; i++) out[row + i] = momentum[i] as number
}

/** Sets every group's value to `x`, in `to` and in the fold's row `out` at `row` (a step the same for every group). */
export const setAll = (to: Float64Array, out: Float64Array, row: number, x: number): void => {
  for (let i = 0; i < to.length; i++) {
    to[i] = x
    out[row + i] = x
  }
}

/** The factors of up to CHUNK steps at a time. */
export const CHUNK = 256

/**
 * `Kernel.factorRun` of a kernel whose every step is a factor: a small integer (a number V8 returns
 * without boxing it, where Infinity would be boxed at every call), far beyond any CHUNK.
 */
export const ALL_STEPS = 2 ** 30 - 1

/** The fast path of a schedule given by its factors: their steps, CHUNK at a time. */
const factorSteps = (factorsOf: (factors: Float64Array, at: number, count: number) => void, scratch: Float64Array, b: Buffers, count: number): void => {
  for (let left = count; left > 0; left -= CHUNK) {
    const c = Math.min(left, CHUNK)
    factorsOf(scratch, 0, c)
    multiplyRows(b, scratch, c)
  }
}

/** `count` steps that multiply every lr by `factors[j]`, each step writing its row. */
const multiplyRows = (b: Buffers, factors: Float64Array, count: number): void => {
  const { lr, momentum } = b
  const out = b.rows.lr
  const held = heldMomentumRows(b)
  let row = b.row
  for (let j = 0; j < count; j++, row += lr.length) {
    const f = factors[j] as number
    for (let i = 0; i < lr.length; i++) {
      const x = (lr[i] as number) * f
      lr[i] = x
      out[row + i] = x
    }
    if (held !== undefined) keepMomentum(momentum, held, row)
  }
  b.row = row
}

/** Which of PyTorch's steps: the constructor's, `_initial_step()` run again, `step()`, or `_update_lr(0)`. */
type Mode = 'ctor' | 'initial' | 'step' | 'restart'

/** PyTorch's `get_lr()` and friends, for one group. */
export interface LeafSpec {
  readonly name: string
  /** The arguments with their defaults (without `type`). */
  readonly config: Readonly<Record<string, unknown>>
  /** Checks per-group arguments against the number of groups. */
  readonly checkGroups?: (n: number) => void
  /** The lr the constructor sets before `initial_lr` is recorded (CyclicLR sets `base_lr`). */
  readonly startLr?: (i: number) => number
  /** The `initial_lr` the constructor overwrites (OneCycleLR sets `max_lr / div_factor`). */
  readonly setInitialLr?: (i: number) => number
  /**
   * `get_lr()` for group `i` at `last_epoch = e`, given the group's current lr and its base lr
   * (`initial_lr`); `initial` is PyTorch's `_is_initial` (true in the constructor's step).
   */
  readonly lr: (e: number, lr: number, base: number, i: number, initial: boolean) => number
  /**
   * The lr of the constructor's own step, where it differs from `lr(0, ..., initial = true)` (the
   * same step run again later by `sequential`): CyclicLR's constructor steps before assigning its
   * `base_lrs`, so it reads the groups' `initial_lr`.
   */
  readonly ctorLr?: (lr: number, base: number, i: number) => number
  /** Optional: the fast path's steps (see `Fast`); without it or `factors`, the kernel steps through `lr`. */
  readonly fast?: Fast
  /** Optional, for a schedule whose `step()` multiplies every lr by a factor of the step: the fast path's factors (see `FastFactors`). */
  readonly factors?: FastFactors
  /** `_get_closed_form_lr()` for group `i` (PyTorch's expression where it has one). */
  readonly closedForm?: (e: number, base: number, i: number) => number
  /** The lr multiplier after `e` steps when the chainable form multiplies by it (see `Scheduler.multiplier`). */
  readonly multiplier?: (e: number) => number
  /** The last step the schedule allows (OneCycleLR's total steps). */
  readonly lastStep?: number
  /** The momentum the step sets for group `i` at `last_epoch = e` (momentum-cycling schedules). */
  readonly momentum?: (e: number, i: number) => number
}

const noMomentum = (name: string, i: number, group: unknown): ScheduleError =>
  new ScheduleError(
    `groups[${i}]`,
    `a param group with momentum or betas (${name} cycles momentum; set cycleMomentum: false for an optimizer without momentum)`,
    group
  )

/**
 * Builds a scheduler from its per-group functions.
 */
export const leaf = (spec: LeafSpec): Scheduler<EpochState> => {
  const { lr: getLr, ctorLr, closedForm, momentum, startLr, setInitialLr, checkGroups, fast, factors } = spec

  // the new lr of group i at epoch e, shared by the reducer and the fast path
  const lrFor = (mode: Mode, e: number, lr: number, base: number, i: number): number =>
    mode === 'restart' && closedForm !== undefined
      ? closedForm(e, base, i)
      : mode === 'ctor' && ctorLr !== undefined
        ? ctorLr(lr, base, i)
        : getLr(e, lr, base, i, mode === 'ctor' || mode === 'initial')

  // one step of the pure reducer: every group's new lr (and momentum) at epoch e
  const apply = (groups: Groups, e: number, mode: Mode, bases: ReadonlyArray<number>): Groups =>
    groups.map((g, i): ParamGroup => {
      const lr = lrFor(mode, e, g.lr, bases[i] as number, i)
      if (momentum === undefined) return { ...g, lr }
      if (momentumOf(g) === undefined) throw noMomentum(spec.name, i, g)
      return { ...withMomentum(g, momentum(e, i)), lr }
    })

  const begin = (groups: Groups): Groups => {
    checkGroups?.(groups.length)
    if (momentum !== undefined)
      groups.forEach((g, i) => {
        if (momentumOf(g) === undefined) throw noMomentum(spec.name, i, g)
      })
    const started = startLr === undefined ? groups : groups.map((g, i) => ({ ...g, lr: startLr(i) }))
    return setInitialLr === undefined ? recordInitialLrs(started) : started.map((g, i) => ({ ...g, initialLr: setInitialLr(i) }))
  }

  const kernel = (n: number): Kernel => {
    checkGroups?.(n)
    const clock: Clock = { e: 0 }
    const bases = new Float64Array(n)
    const factorsOf = factors?.(clock)
    const scratch = factorsOf === undefined ? undefined : new Float64Array(CHUNK)
    const steps: Kernel['steps'] =
      fast?.(n, clock, bases) ?? (factorsOf === undefined ? undefined : (b, count) => factorSteps(factorsOf, scratch as Float64Array, b, count))
    const write = (b: Buffers, mode: Mode): void => {
      const { lr, rows, row } = b
      for (let i = 0; i < n; i++) {
        const x = lrFor(mode, clock.e, lr[i] as number, bases[i] as number, i)
        lr[i] = x
        rows.lr[row + i] = x
        if (momentum !== undefined) {
          if (Number.isNaN(b.momentum[i] as number)) throw noMomentum(spec.name, i, { lr: lr[i] })
          const m = momentum(clock.e, i)
          b.momentum[i] = m
          // a momentum-cycling schedule's fold records momentum
          ;(rows.momentum as Float64Array)[row + i] = m
        }
      }
      const held = heldMomentumRows(b)
      if (momentum === undefined && held !== undefined) keepMomentum(b.momentum, held, row)
    }
    return {
      init: (b) => {
        for (let i = 0; i < n; i++) {
          if (momentum !== undefined && Number.isNaN(b.momentum[i] as number)) throw noMomentum(spec.name, i, { lr: b.lr[i] })
          if (startLr !== undefined) b.lr[i] = startLr(i)
          if (setInitialLr !== undefined) b.initialLr[i] = setInitialLr(i)
          else if (Number.isNaN(b.initialLr[i] as number)) b.initialLr[i] = b.lr[i] as number
        }
        bases.set(b.initialLr)
        clock.e = 0
        write(b, 'ctor')
      },
      reinit: (b) => {
        clock.e = 0
        write(b, 'initial')
      },
      step:
        steps === undefined
          ? (b) => {
              clock.e += 1
              write(b, 'step')
            }
          : (b) => {
              // (steps advance the row; a step leaves it where it is)
              steps(b, 1)
              b.row -= n
            },
      steps,
      factorRun: factorsOf === undefined ? undefined : () => ALL_STEPS,
      factors: factorsOf,
      restart: (b) => {
        clock.e = 0
        write(b, 'restart')
      },
      writesRows: true
    }
  }

  return scheduler<EpochState>({
    config: { type: spec.name, ...spec.config },
    init: (groups) => {
      const started = begin(groups)
      const baseLrs = started.map((g, i) => initialLrOf(g, i))
      return [apply(started, 0, 'ctor', baseLrs), { lastEpoch: 0, baseLrs }]
    },
    reinit: (state, groups) => {
      const baseLrs = basesOf(spec.name, state, groups.length)
      return [apply(recordInitialLrs(groups), 0, 'initial', baseLrs), { lastEpoch: 0, baseLrs }]
    },
    step: (state, groups) => {
      const e = epochOf(spec.name, state) + 1
      const baseLrs = basesOf(spec.name, state, groups.length)
      return [apply(groups, e, 'step', baseLrs), { lastEpoch: e, baseLrs }]
    },
    restart: (state, groups) => {
      const baseLrs = basesOf(spec.name, state, groups.length)
      return [apply(recordInitialLrs(groups), 0, 'restart', baseLrs), { lastEpoch: 0, baseLrs }]
    },
    closedForm:
      closedForm === undefined
        ? undefined
        : (t, initialLrs) => {
            checkGroups?.(initialLrs.length)
            return initialLrs.map((base, i) => closedForm(t, base, i))
          },
    closedFormMomentum:
      momentum === undefined
        ? undefined
        : (t, n) => {
            checkGroups?.(n)
            return Array.from({ length: n }, (_, i) => momentum(t, i))
          },
    multiplier: spec.multiplier,
    checkState: (state, path, groups) => {
      const o = record(path, state, ['lastEpoch', 'baseLrs'])
      const e = nonNegativeInteger(`${path}.lastEpoch`, o['lastEpoch'])
      const bases = nonEmptyArray<unknown>(`${path}.baseLrs`, o['baseLrs'])
      if (bases.length !== groups)
        throw new ScheduleError(`${path}.baseLrs`, `${groups} value${groups === 1 ? '' : 's'} (one per param group)`, bases)
      bases.forEach((x, i) => finite(`${path}.baseLrs[${i}]`, x))
      if (spec.lastStep !== undefined && e > spec.lastStep)
        throw new ScheduleError(`${path}.lastEpoch`, `at most ${spec.lastStep} (${spec.name}'s last step)`, e)
      return e
    },
    setsMomentum: momentum !== undefined,
    takesMetric: false,
    checkGroups: (n) => checkGroups?.(n),
    kernel
  })
}

/** Reads `baseLrs` from a state: one per group. */
const basesOf = (name: string, state: unknown, n: number): ReadonlyArray<number> => {
  const b = (state as EpochState | null)?.baseLrs
  if (!Array.isArray(b) || b.length !== n || !b.every((x) => typeof x === 'number' && Number.isFinite(x)))
    throw new ScheduleError(`${name} state.baseLrs`, `${n} finite number${n === 1 ? '' : 's'} (one per param group)`, b)
  return b
}

/** Reads `lastEpoch` from a state, with an error naming the scheduler when the state is not its own. */
export const epochOf = (name: string, state: unknown): number => {
  const e = (state as EpochState | null)?.lastEpoch
  if (typeof e !== 'number' || !Number.isSafeInteger(e) || e < 0)
    throw new ScheduleError(`${name} state.lastEpoch`, 'a non-negative integer', e)
  return e
}
