/**
 * ReduceLROnPlateau: multiplies the lr by `factor` when the metric has stopped improving for more
 * than `patience` steps, then waits `cooldown` steps before counting again.
 *
 * Each step takes the step's metric (`step(state, groups, { metric })`; `trace(s, lrs, n,
 * metrics)`). The initial step changes nothing (PyTorch's constructor does not step). The state
 * is plain JSON: `best` is `null` until a metric has been seen (PyTorch starts it at ±inf, which
 * JSON cannot hold).
 *
 * In composites (which PyTorch refuses, pytorch/pytorch#68978): the metric reaches every child
 * that takes one; in `chain` the plateau reduces the lr the children before it left; in
 * `sequential` it starts at its milestone like any scheduler — from the initial lrs, with no
 * metric seen yet (the milestone step's metric belongs to the scheduler before it).
 *
 * @since 0.1.0
 */
import { InRange, NonNegative, NonNegativeInteger, OneOf, PerGroup } from '../core/codec.js'
import { ScheduleError } from '../core/errors.js'
import type { StepInput } from '../core/model.js'
import { at, groupCount, nonNegativeInteger, record } from '../core/validate.js'
import { fromReducer } from '../internal/builders.js'
import { type ArgsOf, type OptionsOf, define, withDefault } from '../internal/define.js'
import { recordInitialLrs, resetToInitialLrs } from '../internal/groups.js'
import type { Buffers, Kernel } from '../internal/kernel.js'
import type { Groups } from '../core/model.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * ReduceLROnPlateau's arguments (all optional, PyTorch's defaults): shared by every schedule that is
 * PyTorch's plateau under another name (`hf.reduce_lr_on_plateau`).
 *
 * @category definitions
 * @since 0.2.0
 */
export const plateauArgs = {
  mode: withDefault(OneOf(['min', 'max'] as const), 'Whether the metric should decrease (`"min"`) or increase (`"max"`).', 'min'),
  factor: withDefault(InRange(0, 1, { hi: true }), 'The factor a reduction multiplies the lr by, in [0, 1).', 0.1),
  patience: withDefault(NonNegativeInteger, 'Steps without improvement tolerated before a reduction: an integer ≥ 0.', 10),
  threshold: withDefault(NonNegative, 'How much better a metric must be to count as an improvement, ≥ 0.', 1e-4),
  thresholdMode: withDefault(OneOf(['rel', 'abs'] as const), 'Whether `threshold` is relative (`"rel"`) or absolute (`"abs"`).', 'rel'),
  cooldown: withDefault(NonNegativeInteger, 'Steps after a reduction during which bad steps are not counted: an integer ≥ 0.', 0),
  minLr: withDefault(PerGroup(NonNegative), 'The floor of the lr, ≥ 0 (one per group, or one for all).', 0 as number | ReadonlyArray<number>),
  eps: withDefault(NonNegative, 'A reduction of the lr by at most this much is skipped, ≥ 0.', 1e-8)
}

/**
 * ReduceLROnPlateau's arguments.
 *
 * @category model
 * @since 0.1.0
 */
export type ReduceLROnPlateauOptions = OptionsOf<typeof plateauArgs>

/**
 * The state of a ReduceLROnPlateau: steps taken, the best metric (`null` before the first), the
 * bad steps counted and the cooldown left.
 *
 * @example
 * import type { PlateauState } from 'lr-schedule'
 * const s: PlateauState = { lastEpoch: 0, best: null, numBadEpochs: 0, cooldownCounter: 0 }
 *
 * @category model
 * @since 0.1.0
 */
export interface PlateauState {
  readonly lastEpoch: number
  readonly best: number | null
  readonly numBadEpochs: number
  readonly cooldownCounter: number
}

const fresh: PlateauState = { lastEpoch: 0, best: null, numBadEpochs: 0, cooldownCounter: 0 }

/**
 * The definition of ReduceLROnPlateau.
 *
 * @category definitions
 * @since 0.2.0
 */
export const ReduceLROnPlateau = define({
  type: 'ReduceLROnPlateau',
  summary: 'Reduces the lr by `factor` once the metric has not improved for more than `patience` steps.',
  args: plateauArgs,
  make: (a) => fromReducer(plateau(a))
})

/**
 * Reduces the lr by `factor` when the metric has stopped improving for more than `patience` steps.
 *
 * @example
 * import { reduceLROnPlateau, trace } from 'lr-schedule'
 * trace(reduceLROnPlateau({ patience: 1, factor: 0.5 }), [1], 4, [3, 3, 3, 3]).lr // [[1], [1], [1], [0.5], [0.5]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const reduceLROnPlateau = (options: ReduceLROnPlateauOptions = {}) => ReduceLROnPlateau.make(options)

// -------------------------------------------------------------------------------------
// utils
// -------------------------------------------------------------------------------------

/** PyTorch's ReduceLROnPlateau as a reducer and its protocol (for the presets that are PyTorch's plateau under another name). @internal */
export const plateau = (a: ArgsOf<typeof plateauArgs>) => {
  const { mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps } = a
  const worse = mode === 'min' ? Infinity : -Infinity

  // PyTorch's _is_better
  const isBetter = (a: number, best: number): boolean =>
    mode === 'min'
      ? thresholdMode === 'rel'
        ? a < best * (1.0 - threshold)
        : a < best - threshold
      : thresholdMode === 'rel'
        ? a > best * (threshold + 1.0)
        : a > best + threshold

  // one observation: the next counters, and whether to reduce now
  const observe = (s: PlateauState, metric: number): readonly [PlateauState, boolean] => {
    let best = s.best ?? worse
    let bad = s.numBadEpochs
    let cool = s.cooldownCounter
    if (isBetter(metric, best)) {
      best = metric
      bad = 0
    } else bad += 1
    if (cool > 0) {
      cool -= 1
      bad = 0 // bad steps in cooldown are ignored
    }
    const reduce = bad > patience
    if (reduce) {
      cool = cooldown
      bad = 0
    }
    return [{ lastEpoch: s.lastEpoch + 1, best: best === worse ? null : best, numBadEpochs: bad, cooldownCounter: cool }, reduce]
  }
  // PyTorch's _reduce_lr for one group
  const reduced = (lr: number, i: number): number => {
    const next = Math.max(lr * factor, at(minLr, i))
    return lr - next > eps ? next : lr
  }
  const metricOf = (input: StepInput | undefined): number => {
    const m = input?.metric
    if (typeof m !== 'number' || !Number.isFinite(m))
      throw new ScheduleError('metric', 'a finite number (ReduceLROnPlateau takes the metric of every step)', m)
    return m
  }

  // a state read back from JSON (or passed to step): its shape and its ranges
  const validState = (state: unknown, path: string): PlateauState => {
    const o = record(path, state, ['lastEpoch', 'best', 'numBadEpochs', 'cooldownCounter'])
    const best = o['best']
    if (best !== null && (typeof best !== 'number' || !Number.isFinite(best)))
      throw new ScheduleError(`${path}.best`, 'a finite number, or null before the first metric', best)
    const numBadEpochs = nonNegativeInteger(`${path}.numBadEpochs`, o['numBadEpochs'])
    if (numBadEpochs > patience) throw new ScheduleError(`${path}.numBadEpochs`, `at most patience = ${patience}`, numBadEpochs)
    const cooldownCounter = nonNegativeInteger(`${path}.cooldownCounter`, o['cooldownCounter'])
    if (cooldownCounter > cooldown) throw new ScheduleError(`${path}.cooldownCounter`, `at most cooldown = ${cooldown}`, cooldownCounter)
    return { lastEpoch: nonNegativeInteger(`${path}.lastEpoch`, o['lastEpoch']), best, numBadEpochs, cooldownCounter }
  }

  const init = (groups: Groups): readonly [Groups, PlateauState] => {
    groupCount('minLr', minLr, groups.length)
    return [recordInitialLrs(groups), fresh]
  }

  const kernel = (n: number): Kernel => {
    groupCount('minLr', minLr, n)
    let s = fresh
    const start = (b: Buffers): void => {
      for (let i = 0; i < n; i++) if (Number.isNaN(b.initialLr[i] as number)) b.initialLr[i] = b.lr[i] as number
      s = fresh
    }
    return {
      init: start,
      reinit: start,
      restart: (b) => {
        start(b)
        for (let i = 0; i < n; i++) b.lr[i] = b.initialLr[i] as number
      },
      step: (b, metric) => {
        const [next, reduce] = observe(s, metricOf({ metric }))
        s = next
        if (reduce) for (let i = 0; i < n; i++) b.lr[i] = reduced(b.lr[i] as number, i)
      }
    }
  }

  return {
    init,
    reinit: (_state: PlateauState, groups: Groups) => init(groups),
    step: (state: PlateauState, groups: Groups, input?: StepInput): readonly [Groups, PlateauState] => {
      const [next, reduce] = observe(validState(state, 'ReduceLROnPlateau state'), metricOf(input))
      return [reduce ? groups.map((g, i) => ({ ...g, lr: reduced(g.lr, i) })) : groups, next]
    },
    restart: (_state: PlateauState, groups: Groups) => init(resetToInitialLrs(groups)),
    closedForm: undefined,
    multiplier: undefined,
    checkState: (state: unknown, path: string) => validState(state, path).lastEpoch,
    checkGroups: (n: number) => groupCount('minLr', minLr, n),
    setsMomentum: false,
    takesMetric: true,
    kernel
  }
}
