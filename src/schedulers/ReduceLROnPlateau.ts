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
import * as t from 'io-ts'
import { InRange, NonNegative, NonNegativeInteger, OneOf, PerGroup, schedulerConfig } from '../config/codec.js'
import { ScheduleError } from '../errors.js'
import { type Buffers, type Groups, type Kernel, type Scheduler, type StepInput, recordInitialLrs, resetToInitialLrs } from '../Schedule.js'
import { at, groupCount, inRange, nonNegative, nonNegativeInteger, oneOf, perGroup, record, withDefault } from '../internal/validate.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The codecs of ReduceLROnPlateau's arguments (all optional), shared by every config that is PyTorch's
 * plateau under another name (`hf.reduce_lr_on_plateau`).
 *
 * @example
 * import { plateauArguments } from 'lr-schedule'
 * Object.keys(plateauArguments) // ['mode', 'factor', 'patience', 'threshold', 'thresholdMode', 'cooldown', 'minLr', 'eps']
 *
 * @category model
 * @since 0.1.0
 */
export const plateauArguments = {
  mode: OneOf(['min', 'max'] as const),
  factor: InRange(0, 1, { hi: true }),
  patience: NonNegativeInteger,
  threshold: NonNegative,
  thresholdMode: OneOf(['rel', 'abs'] as const),
  cooldown: NonNegativeInteger,
  minLr: PerGroup(NonNegative),
  eps: NonNegative
}

/**
 * The JSON config of ReduceLROnPlateau (PyTorch's arguments in camelCase, PyTorch's defaults): the codec
 * is the single source of the config's type and of `ReduceLROnPlateauOptions`. Arguments:
 * - `mode`: `min`: lower metrics are better (default); `max`: higher ones.
 * - `factor`: The lr's factor at each reduction, in [0, 1). Default 0.1.
 * - `patience`: Bad steps tolerated before a reduction (reduces after `patience + 1`): an integer >= 0. Default 10.
 * - `threshold`: How much better a metric must be to count as an improvement, >= 0. Default 1e-4.
 * - `thresholdMode`: `rel` (a fraction of the best, default) or `abs`.
 * - `cooldown`: Steps to wait after a reduction before counting bad steps again: an integer >= 0. Default 0.
 * - `minLr`: Lower bound of the lr (per group), >= 0. Default 0.
 * - `eps`: Reductions smaller than this are skipped, >= 0. Default 1e-8.
 *
 * @example
 * import { ReduceLROnPlateauConfig } from 'lr-schedule'
 * ReduceLROnPlateauConfig.is({ type: 'ReduceLROnPlateau', mode: 'min', factor: 0.5, patience: 3 }) // true
 *
 * @category model
 * @since 0.1.0
 */
export const ReduceLROnPlateauConfig = schedulerConfig('ReduceLROnPlateau', {}, plateauArguments)

/**
 * The JSON config of ReduceLROnPlateau.
 *
 * @example
 * import type { ReduceLROnPlateauConfig } from 'lr-schedule'
 * const c: ReduceLROnPlateauConfig = { type: 'ReduceLROnPlateau', mode: 'min', factor: 0.5, patience: 3 }
 *
 * @category model
 * @since 0.1.0
 */
export type ReduceLROnPlateauConfig = t.TypeOf<typeof ReduceLROnPlateauConfig>

/**
 * ReduceLROnPlateau's arguments: its config without `type` (see `ReduceLROnPlateauConfig`).
 *
 * @example
 * import type { ReduceLROnPlateauOptions } from 'lr-schedule'
 * const o: ReduceLROnPlateauOptions = { mode: 'min', factor: 0.5, patience: 3 }
 *
 * @category model
 * @since 0.1.0
 */
export type ReduceLROnPlateauOptions = Omit<ReduceLROnPlateauConfig, 'type'>

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

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * Reduces the lr when the metric stops improving.
 *
 * @example
 * import { reduceLROnPlateau, trace } from 'lr-schedule'
 * const s = reduceLROnPlateau({ patience: 1, factor: 0.5 })
 * trace(s, [1], 4, [3, 3, 3, 3]).lr // [[1], [1], [1], [0.5], [0.5]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const reduceLROnPlateau = (options: ReduceLROnPlateauOptions = {}): Scheduler<PlateauState> => {
  const mode = oneOf('mode', withDefault(options.mode, 'min'), ['min', 'max'] as const)
  const factor = inRange('factor', withDefault(options.factor, 0.1), 0, 1, { hi: true })
  const patience = nonNegativeInteger('patience', withDefault(options.patience, 10))
  const threshold = nonNegative('threshold', withDefault(options.threshold, 1e-4))
  const thresholdMode = oneOf('thresholdMode', withDefault(options.thresholdMode, 'rel'), ['rel', 'abs'] as const)
  const cooldown = nonNegativeInteger('cooldown', withDefault(options.cooldown, 0))
  const minLr = perGroup('minLr', withDefault(options.minLr, 0), nonNegative)
  const eps = nonNegative('eps', withDefault(options.eps, 1e-8))
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
      initialStep: start,
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
    name: 'ReduceLROnPlateau',
    config: { type: 'ReduceLROnPlateau', mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps },
    init,
    initialStep: (_state, groups) => init(groups),
    step: (state, groups, input) => {
      const [next, reduce] = observe(validState(state, 'ReduceLROnPlateau state'), metricOf(input))
      return [reduce ? groups.map((g, i) => ({ ...g, lr: reduced(g.lr, i) })) : groups, next]
    },
    restart: (_state, groups) => init(resetToInitialLrs(groups)),
    closedForm: undefined,
    multiplier: undefined,
    checkState: (state, path) => validState(state, path).lastEpoch,
    cyclesMomentum: false,
    needsMetric: true,
    kernel
  }
}
