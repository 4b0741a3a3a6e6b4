/**
 * OneCycleLR: the 1cycle policy — the lr rises from `maxLr / divFactor` to `maxLr`, then anneals
 * to `maxLr / divFactor / finalDivFactor` (optionally through a symmetric third phase), while
 * momentum moves inversely between `maxMomentum` and `baseMomentum`.
 *
 * As in PyTorch, the constructor sets each group's initial lr to `maxLr / divFactor` (overwriting
 * one recorded earlier), step `totalSteps` is allowed (it extrapolates the last phase one step
 * beyond its end) and a step past it is an error. When the last phase is empty (`pctStart` 1
 * without `threePhase`) the last allowed step is `totalSteps - 1`, where PyTorch would divide by 0.
 *
 * @since 0.1.0
 */
import * as t from 'io-ts'
import { Bool, InRange, NonNegative, OneOf, PerGroup, Positive, PositiveInteger, schedulerConfig } from '../config/codec.js'
import { ScheduleError } from '../errors.js'
import type { Scheduler } from '../Schedule.js'
import { type EpochState, type LeafLr, leaf } from '../internal/leaf.js'
import {
  at,
  boolean,
  groupCount,
  inRange,
  nonNegative,
  oneOf,
  perGroup,
  positive,
  positiveInteger,
  withDefault
} from '../internal/validate.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The JSON config of OneCycleLR (PyTorch's arguments in camelCase, PyTorch's defaults): the codec
 * is the single source of the config's type and of `OneCycleLROptions`. Arguments:
 * - `maxLr`: Peak lr (per group).
 * - `totalSteps`: Steps in the cycle: a positive integer (or give `epochs` and `stepsPerEpoch`).
 * - `epochs`: Epochs, with `stepsPerEpoch`: `totalSteps = epochs · stepsPerEpoch`.
 * - `stepsPerEpoch`: Steps per epoch, with `epochs`.
 * - `pctStart`: Fraction of the cycle spent rising, in [0, 1]. Default 0.3.
 * - `annealStrategy`: `cos` (default) or `linear`.
 * - `cycleMomentum`: Cycle momentum (or betas[0]) inversely to the lr. Default true.
 * - `baseMomentum`: Momentum at the lr peak (per group). Default 0.85.
 * - `maxMomentum`: Momentum at the start and the end (per group). Default 0.95.
 * - `divFactor`: `initial lr = maxLr / divFactor`, > 0. Default 25.
 * - `finalDivFactor`: `min lr = initial lr / finalDivFactor`, > 0. Default 1e4.
 * - `threePhase`: Up, down to the initial lr, then down to the min lr (fast.ai's variant is two phases). Default false.
 *
 * @example
 * import { OneCycleLRConfig } from 'lr-schedule'
 * OneCycleLRConfig.is({ type: 'OneCycleLR', maxLr: 0.1, totalSteps: 1000 }) // true
 *
 * @category model
 * @since 0.1.0
 */
export const OneCycleLRConfig = schedulerConfig('OneCycleLR', { maxLr: PerGroup(NonNegative) }, {
    totalSteps: PositiveInteger,
    epochs: PositiveInteger,
    stepsPerEpoch: PositiveInteger,
    pctStart: InRange(0, 1),
    annealStrategy: OneOf(['cos', 'linear'] as const),
    cycleMomentum: Bool,
    baseMomentum: PerGroup(NonNegative),
    maxMomentum: PerGroup(NonNegative),
    divFactor: Positive,
    finalDivFactor: Positive,
    threePhase: Bool
  })

/**
 * The JSON config of OneCycleLR.
 *
 * @example
 * import type { OneCycleLRConfig } from 'lr-schedule'
 * const c: OneCycleLRConfig = { type: 'OneCycleLR', maxLr: 0.1, totalSteps: 1000 }
 *
 * @category model
 * @since 0.1.0
 */
export type OneCycleLRConfig = t.TypeOf<typeof OneCycleLRConfig>

/**
 * OneCycleLR's arguments: its config without `type` (see `OneCycleLRConfig`).
 *
 * @example
 * import type { OneCycleLROptions } from 'lr-schedule'
 * const o: OneCycleLROptions = { maxLr: 0.1, totalSteps: 1000 }
 *
 * @category model
 * @since 0.1.0
 */
export type OneCycleLROptions = Omit<OneCycleLRConfig, 'type'>

type Level = 'initial' | 'max' | 'min'

interface Phase {
  readonly endStep: number
  readonly startLr: Level
  readonly endLr: Level
  readonly startMomentum: 'max' | 'base'
  readonly endMomentum: 'max' | 'base'
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * The 1cycle policy.
 *
 * @example
 * import { oneCycleLR, trace } from 'lr-schedule'
 * const t = trace(oneCycleLR({ maxLr: 25, totalSteps: 10, finalDivFactor: 2, annealStrategy: 'linear' }), [1], 9)
 * t.lr.map((r) => r[0]) // [1, 13, 25, 21.5, 18, 14.5, 11, 7.5, 4, 0.5]
 *
 * @category constructors
 * @since 0.1.0
 */
export const oneCycleLR = (options: OneCycleLROptions): Scheduler<EpochState> => {
  const maxLr = perGroup('maxLr', options.maxLr, nonNegative)
  const totalSteps = totalStepsOf(options)
  const pctStart = inRange('pctStart', withDefault(options.pctStart, 0.3), 0, 1)
  const strategy = oneOf('annealStrategy', withDefault(options.annealStrategy, 'cos'), ['cos', 'linear'] as const)
  const cycleMomentum = boolean('cycleMomentum', withDefault(options.cycleMomentum, true))
  const baseMomentum = perGroup('baseMomentum', withDefault(options.baseMomentum, 0.85), nonNegative)
  const maxMomentum = perGroup('maxMomentum', withDefault(options.maxMomentum, 0.95), nonNegative)
  const divFactor = positive('divFactor', withDefault(options.divFactor, 25))
  const finalDivFactor = positive('finalDivFactor', withDefault(options.finalDivFactor, 1e4))
  const threePhase = boolean('threePhase', withDefault(options.threePhase, false))

  // PyTorch's phase table
  const phases: ReadonlyArray<Phase> = threePhase
    ? [
        { endStep: pctStart * totalSteps - 1, startLr: 'initial', endLr: 'max', startMomentum: 'max', endMomentum: 'base' },
        { endStep: 2 * pctStart * totalSteps - 2, startLr: 'max', endLr: 'initial', startMomentum: 'base', endMomentum: 'max' },
        { endStep: totalSteps - 1, startLr: 'initial', endLr: 'min', startMomentum: 'max', endMomentum: 'max' }
      ]
    : [
        { endStep: pctStart * totalSteps - 1, startLr: 'initial', endLr: 'max', startMomentum: 'max', endMomentum: 'base' },
        { endStep: totalSteps - 1, startLr: 'max', endLr: 'min', startMomentum: 'base', endMomentum: 'max' }
      ]
  if ((phases[0] as Phase).endStep === 0)
    throw new ScheduleError('pctStart', `a fraction with pctStart · totalSteps ≠ 1 (the warm-up phase would have no length; PyTorch divides by zero) for totalSteps ${totalSteps}`, pctStart)
  const last = phases[phases.length - 1] as Phase
  const beforeLast = phases[phases.length - 2] as Phase
  const lastStep = last.endStep === beforeLast.endStep ? totalSteps - 1 : totalSteps

  // PyTorch's _annealing_cos / _annealing_linear
  const anneal =
    strategy === 'cos'
      ? (start: number, end: number, pct: number): number => end + ((start - end) / 2.0) * (Math.cos(Math.PI * pct) + 1)
      : (start: number, end: number, pct: number): number => (end - start) * pct + start

  // the phase holding step t, and how far into it t is (two functions of numbers: the fast path
  // allocates nothing; the error is built out of line)
  const tooFar = (t: number): ScheduleError =>
    new ScheduleError(
      'step',
      `at most ${lastStep} steps`,
      t,
      `step: tried to step ${t} times, but OneCycleLR's totalSteps is ${totalSteps}${lastStep < totalSteps ? ` (and its last phase is empty: at most ${lastStep} steps)` : ''}`
    )
  const phaseIndex = (t: number): number => {
    if (t > lastStep) throw tooFar(t)
    let k = 0
    while (k < phases.length - 1 && t > (phases[k] as Phase).endStep) k++
    return k
  }
  const pctOf = (t: number, k: number): number => {
    const startStep = k === 0 ? 0 : (phases[k - 1] as Phase).endStep
    return (t - startStep) / ((phases[k] as Phase).endStep - startStep)
  }
  const level = (l: Level, initial: number, i: number): number =>
    l === 'initial' ? initial : l === 'max' ? at(maxLr, i) : at(maxLr, i) / divFactor / finalDivFactor
  const momentumLevel = (m: 'max' | 'base', i: number): number => (m === 'max' ? at(maxMomentum, i) : at(baseMomentum, i))

  const lrAt = (t: number, initial: number, i: number): number => {
    const k = phaseIndex(t)
    const p = phases[k] as Phase
    return anneal(level(p.startLr, initial, i), level(p.endLr, initial, i), pctOf(t, k))
  }

  const lr: LeafLr = (e, _lr, initial, i) => lrAt(e, initial, i)
  return leaf({
    name: 'OneCycleLR',
    config: {
      maxLr,
      totalSteps,
      pctStart,
      annealStrategy: strategy,
      cycleMomentum,
      baseMomentum,
      maxMomentum,
      divFactor,
      finalDivFactor,
      threePhase
    },
    checkGroups: (n) => {
      groupCount('maxLr', maxLr, n)
      if (cycleMomentum) {
        groupCount('baseMomentum', baseMomentum, n)
        groupCount('maxMomentum', maxMomentum, n)
      }
    },
    setInitialLr: (i) => at(maxLr, i) / divFactor,
    lastStep,
    lr,
    stepAll: (e, lrs, bases) => {
      for (let i = 0; i < lrs.length; i++) lrs[i] = lr(e, lrs[i] as number, bases[i] as number, i, false)
    },
    closedForm: (e, initial, i) => lrAt(e, initial, i),
    ...(cycleMomentum
      ? {
          momentum: (e: number, i: number) => {
            const k = phaseIndex(e)
            const p = phases[k] as Phase
            return anneal(momentumLevel(p.startMomentum, i), momentumLevel(p.endMomentum, i), pctOf(e, k))
          }
        }
      : {})
  })
}

// -------------------------------------------------------------------------------------
// utils
// -------------------------------------------------------------------------------------

const totalStepsOf = (o: OneCycleLROptions): number => {
  const { totalSteps, epochs, stepsPerEpoch } = o
  if (epochs !== undefined || stepsPerEpoch !== undefined) {
    if (epochs === undefined) throw new ScheduleError('epochs', 'a positive integer (stepsPerEpoch is given)', epochs)
    if (stepsPerEpoch === undefined) throw new ScheduleError('stepsPerEpoch', 'a positive integer (epochs is given)', stepsPerEpoch)
    const product = positiveInteger('epochs', epochs) * positiveInteger('stepsPerEpoch', stepsPerEpoch)
    if (totalSteps !== undefined && totalSteps !== product)
      throw new ScheduleError('totalSteps', `epochs · stepsPerEpoch = ${product} when all three are given`, totalSteps)
    return product
  }
  if (totalSteps === undefined) throw new ScheduleError('totalSteps', 'a positive integer (or epochs and stepsPerEpoch)', totalSteps)
  return positiveInteger('totalSteps', totalSteps)
}
