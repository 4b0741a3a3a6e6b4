/**
 * The internal protocol of a scheduler: what composites, folds and checkpoints need besides the
 * public reducer (`config`, `init`, `step`). It travels with every scheduler the library builds,
 * under a symbol that is not part of the public type, and is read with `protocolOf`.
 *
 * @internal
 */
import { ScheduleError } from '../core/errors.js'
import type { Groups, Reducer, Scheduler, SchedulerConfig } from '../core/model.js'
import type { Kernel } from './kernel.js'

/** What a composite, a fold or a checkpoint asks of a scheduler besides its reducer. */
export interface Protocol<S> {
  /**
   * PyTorch's `_initial_step()` run again on an already built scheduler: what `sequential` does to
   * its first child after building them all. The same as `init` but for CyclicLR's constructor quirk.
   */
  readonly reinit: (state: S, groups: Groups) => readonly [Groups, S]
  /**
   * What `sequential` does at this scheduler's milestone, given the state its init left
   * (PyTorch's `_update_lr(0)` for plain schedulers; composites start afresh).
   */
  readonly restart: (state: S, groups: Groups) => readonly [Groups, S]
  /** The lr of every group after `t` steps, from the initial lrs, when the schedule has a closed form. */
  readonly closedForm: ((t: number, initialLrs: ReadonlyArray<number>) => ReadonlyArray<number>) | undefined
  /** The momentum of every group after `t` steps, for `n` groups, when the schedule sets momentum as a function of the step. */
  readonly closedFormMomentum?: ((t: number, n: number) => ReadonlyArray<number>) | undefined
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
  /** Checks the number of param groups against the schedule's per-group arguments (throws a `ScheduleError`). */
  readonly checkGroups: (groups: number) => void
  /** Whether the schedule sets momentum (or betas[0]). */
  readonly setsMomentum: boolean
  /** Whether a step reads `input.metric`. */
  readonly takesMetric: boolean
  /** A fresh fast path for `n` groups. */
  readonly kernel: (n: number) => Kernel
}

/** A scheduler as the builders make it: the public reducer and the protocol side by side. */
export interface Parts<S> extends Omit<Protocol<S>, 'checkGroups'> {
  readonly config: SchedulerConfig
  readonly init: (groups: Groups) => readonly [Groups, S]
  readonly step: Reducer<S>
  /** Defaults to building a kernel for `n` groups (which checks the per-group arguments). */
  readonly checkGroups?: (groups: number) => void
}

const PROTOCOL: unique symbol = Symbol.for('lr-schedule/protocol')

/** A scheduler from its parts: the public reducer, with the protocol under a symbol of its own (not enumerable). */
export const scheduler = <S>(parts: Parts<S>): Scheduler<S> => {
  const { config, init, step, checkGroups, ...rest } = parts
  const protocol: Protocol<S> = { ...rest, checkGroups: checkGroups ?? ((n) => void rest.kernel(n)) }
  const s: Scheduler<S> = { config, init, step }
  Object.defineProperty(s, PROTOCOL, { value: protocol, enumerable: false })
  return Object.freeze(s)
}

/** Whether a value is a scheduler built by this library. */
export const isScheduler = (u: unknown): u is Scheduler<unknown> =>
  typeof u === 'object' && u !== null && Object.prototype.hasOwnProperty.call(u, PROTOCOL)

/** The protocol of a scheduler built by this library (a `ScheduleError` naming `path` for anything else). */
export const protocolOf = <S>(s: Scheduler<S>, path = 'scheduler'): Protocol<S> => {
  if (!isScheduler(s))
    throw new ScheduleError(path, "a scheduler built by lr-schedule (one of its constructors, combinators or decodeSchedule)", s)
  return (s as unknown as { readonly [PROTOCOL]: Protocol<S> })[PROTOCOL]
}

/** The type name of a scheduler (its config's `type`). */
export const nameOf = (s: { readonly config: SchedulerConfig }): string => s.config.type
