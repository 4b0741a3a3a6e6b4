/**
 * The one builder behind every scheduler whose state is PyTorch's `last_epoch` counter: the pure
 * reducer and the typed-array fast path are both derived from the same per-group functions, so
 * they cannot drift.
 *
 * @internal
 */
import { ScheduleError } from '../errors.js'
import {
  type Buffers,
  type Groups,
  type Kernel,
  type ParamGroup,
  type Scheduler,
  initialLrOf,
  momentumOf,
  recordInitialLrs,
  withMomentum
} from '../Schedule.js'

/** The state of a counter-based scheduler: PyTorch's `last_epoch` (0 after the initial step). */
export interface EpochState {
  readonly lastEpoch: number
}

/** PyTorch's `get_lr()` and friends, for one group. */
export interface LeafSpec {
  readonly name: string
  /** Checks per-group arguments against the number of groups. */
  readonly checkGroups?: (n: number) => void
  /** The lr the constructor sets before `initial_lr` is recorded (CyclicLR sets `base_lr`). */
  readonly startLr?: (i: number) => number
  /**
   * `get_lr()` for group `i` at `last_epoch = e`, given the group's current lr and its base lr
   * (`initial_lr`); `initial` is PyTorch's `_is_initial` (true in the constructor's step).
   */
  readonly lr: (e: number, lr: number, base: number, i: number, initial: boolean) => number
  /** `_get_closed_form_lr()` for group `i` (PyTorch's expression where it has one). */
  readonly closedForm?: (e: number, base: number, i: number) => number
  /** The lr multiplier after `e` steps when the chainable form multiplies by it (see `Scheduler.multiplier`). */
  readonly multiplier?: (e: number) => number
  /** The momentum the step sets for group `i` at `last_epoch = e` (momentum-cycling schedules). */
  readonly momentum?: (e: number, i: number) => number
}

const noMomentum = (name: string, i: number): ScheduleError =>
  new ScheduleError(
    `groups[${i}]`,
    `a param group with momentum or betas (${name} cycles momentum; pass cycleMomentum: false for optimizers without it)`,
    'a group without momentum'
  )

/**
 * Builds a scheduler from its per-group functions.
 */
export const leaf = (spec: LeafSpec): Scheduler<EpochState> => {
  const { lr: getLr, closedForm, momentum, startLr, checkGroups } = spec

  // one step of the pure reducer: every group's new lr (and momentum) at epoch e
  const apply = (groups: Groups, e: number, mode: 'initial' | 'step' | 'restart'): Groups =>
    groups.map((g, i): ParamGroup => {
      const base = initialLrOf(g, i)
      const lr =
        mode === 'restart' && closedForm !== undefined ? closedForm(e, base, i) : getLr(e, g.lr, base, i, mode === 'initial')
      if (momentum === undefined) return { ...g, lr }
      if (momentumOf(g) === undefined) throw noMomentum(spec.name, i)
      return { ...withMomentum(g, momentum(e, i)), lr }
    })

  const begin = (groups: Groups): Groups => {
    checkGroups?.(groups.length)
    const started = startLr === undefined ? groups : groups.map((g, i) => ({ ...g, lr: startLr(i) }))
    return recordInitialLrs(started)
  }

  const kernel = (n: number): Kernel => {
    checkGroups?.(n)
    let e = 0
    const write = (b: Buffers, mode: 'initial' | 'step' | 'restart'): void => {
      for (let i = 0; i < n; i++) {
        const base = b.initialLr[i] as number
        b.lr[i] =
          mode === 'restart' && closedForm !== undefined ? closedForm(e, base, i) : getLr(e, b.lr[i] as number, base, i, mode === 'initial')
        if (momentum !== undefined) {
          if (Number.isNaN(b.momentum[i] as number)) throw noMomentum(spec.name, i)
          b.momentum[i] = momentum(e, i)
        }
      }
    }
    return {
      init: (b) => {
        for (let i = 0; i < n; i++) {
          if (startLr !== undefined) b.lr[i] = startLr(i)
          if (Number.isNaN(b.initialLr[i] as number)) b.initialLr[i] = b.lr[i] as number
        }
        e = 0
        write(b, 'initial')
      },
      step: (b) => {
        e += 1
        write(b, 'step')
      },
      restart: (b) => {
        e = 0
        write(b, 'restart')
      }
    }
  }

  return {
    name: spec.name,
    init: (groups) => [apply(begin(groups), 0, 'initial'), { lastEpoch: 0 }],
    step: (state, groups) => {
      const e = epochOf(spec.name, state) + 1
      return [apply(groups, e, 'step'), { lastEpoch: e }]
    },
    restart: (groups) => [apply(recordInitialLrs(groups), 0, 'restart'), { lastEpoch: 0 }],
    closedForm:
      closedForm === undefined
        ? undefined
        : (t, initialLrs) => {
            checkGroups?.(initialLrs.length)
            return initialLrs.map((base, i) => closedForm(t, base, i))
          },
    multiplier: spec.multiplier,
    cyclesMomentum: momentum !== undefined,
    needsMetric: false,
    kernel
  }
}

/** Reads `lastEpoch` from a state, with an error naming the scheduler when the state is not its own. */
export const epochOf = (name: string, state: unknown): number => {
  const e = (state as EpochState | null)?.lastEpoch
  if (typeof e !== 'number' || !Number.isSafeInteger(e) || e < 0)
    throw new ScheduleError(`${name} state.lastEpoch`, 'a non-negative integer', e)
  return e
}
