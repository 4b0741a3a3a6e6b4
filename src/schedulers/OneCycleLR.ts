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
import { Bool, InRange, NonNegative, OneOf, PerGroup, Positive, PositiveInteger, schedulerConfig } from '../core/codec.js'
import { ScheduleError } from '../core/errors.js'
import type { Buffers } from '../internal/kernel.js'
import type { Scheduler } from '../core/model.js'
import { type Clock, type EpochState, type LeafLr, heldMomentumRows, keepMomentum, leaf, setAll } from '../internal/leaf.js'
import {
  at,
  column,
  boolean,
  groupCount,
  inRange,
  nonNegative,
  oneOf,
  perGroup,
  positive,
  positiveInteger,
  uniform,
  withDefault
} from '../core/validate.js'

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
  const plan: Plan = { phases, cos: strategy === 'cos', divFactor, finalDivFactor, cycleMomentum, totalSteps, lastStep }

  const lrAt = (t: number, initial: number, i: number): number => {
    const k = phaseIndex(plan, t)
    return lrWith(plan, phases[k] as Phase, weightOf(plan, pctOf(plan, t, k)), initial, at(maxLr, i), minLrOf(plan, at(maxLr, i)))
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
    fast: (n, clock) => {
      const [max, momentumBase, momentumMax] = [column(maxLr, n), column(baseMomentum, n), column(maxMomentum, n)]
      // every group's levels at the start and the end of every phase; a group's initial lr is
      // maxLr / divFactor (setInitialLr), which is what the kernel's base lrs hold
      const initial = max.map((m) => m / divFactor)
      const min = max.map((m) => minLrOf(plan, m))
      const levels = phases.map(
        (phase): Levels => ({
          lrStart: max.map((m, i) => levelOf(phase.startLr, initial[i] as number, m, min[i] as number)),
          lrEnd: max.map((m, i) => levelOf(phase.endLr, initial[i] as number, m, min[i] as number)),
          momentumStart: max.map((_, i) => momentumLevelOf(phase.startMomentum, momentumBase[i] as number, momentumMax[i] as number)),
          momentumEnd: max.map((_, i) => momentumLevelOf(phase.endMomentum, momentumBase[i] as number, momentumMax[i] as number))
        })
      )
      // with the same arguments for every group (single numbers), the whole step is the same for
      // every group: computed once, for group 0
      const same = uniform(max) && (!cycleMomentum || (uniform(momentumBase) && uniform(momentumMax)))
      const k: Fold = { p: plan, clock, levels, same }
      return (b, count) => fastSteps(k, b, count)
    },
    closedForm: (e, initial, i) => lrAt(e, initial, i),
    ...(cycleMomentum
      ? {
          momentum: (e: number, i: number) => {
            const k = phaseIndex(plan, e)
            return momentumWith(plan, phases[k] as Phase, weightOf(plan, pctOf(plan, e, k)), at(baseMomentum, i), at(maxMomentum, i))
          }
        }
      : {})
  })
}

// -------------------------------------------------------------------------------------
// utils
// -------------------------------------------------------------------------------------

// A OneCycleLR's numbers as data, and module-level functions of them: V8 compiles (and inlines)
// each once for every OneCycleLR (see Fast in internal/leaf.ts)
interface Plan {
  readonly phases: ReadonlyArray<Phase>
  /** annealStrategy 'cos' (else 'linear') */
  readonly cos: boolean
  readonly divFactor: number
  readonly finalDivFactor: number
  readonly cycleMomentum: boolean
  readonly totalSteps: number
  readonly lastStep: number
}

/** A fold's state (see Fast in internal/leaf.ts). */
interface Fold {
  readonly p: Plan
  readonly clock: Clock
  readonly levels: ReadonlyArray<Levels>
  /** The groups' arguments are the same (single numbers): a step is computed once, for group 0. */
  readonly same: boolean
}

/** Every group's lr and momentum at the start and the end of a phase. */
interface Levels {
  readonly lrStart: Float64Array
  readonly lrEnd: Float64Array
  readonly momentumStart: Float64Array
  readonly momentumEnd: Float64Array
}

// PyTorch's _annealing_cos (end + (start - end) / 2.0 * (cos(pi * pct) + 1)) and _annealing_linear
// ((end - start) * pct + start), as a weight of the step (cos(pi * pct) + 1, or pct), the same for
// every group and for lr and momentum, then a group's value from it: the fast path computes the
// weight once per step
const weightOf = (p: Plan, pct: number): number => (p.cos ? Math.cos(Math.PI * pct) + 1 : pct)
const annealWith = (p: Plan, start: number, end: number, w: number): number =>
  p.cos ? end + ((start - end) / 2.0) * w : (end - start) * w + start

// the phase holding step t, and how far into it t is (the error is built out of line)
const tooFar = (p: Plan, t: number): ScheduleError =>
  new ScheduleError(
    'step',
    `at most ${p.lastStep} steps`,
    t,
    `step: tried to step ${t} times, but OneCycleLR's totalSteps is ${p.totalSteps}${p.lastStep < p.totalSteps ? ` (and its last phase is empty: at most ${p.lastStep} steps)` : ''}`
  )
const phaseIndex = (p: Plan, t: number): number => {
  if (t > p.lastStep) throw tooFar(p, t)
  let k = 0
  while (k < p.phases.length - 1 && t > (p.phases[k] as Phase).endStep) k++
  return k
}
const pctOf = (p: Plan, t: number, k: number): number => {
  const startStep = k === 0 ? 0 : (p.phases[k - 1] as Phase).endStep
  return (t - startStep) / ((p.phases[k] as Phase).endStep - startStep)
}

// a group's levels: its initial lr (PyTorch's initial_lr), max_lr, min_lr = initial_lr / final_div_factor
// (as PyTorch: max_lr / div_factor / final_div_factor)
const minLrOf = (p: Plan, max: number): number => max / p.divFactor / p.finalDivFactor
const levelOf = (l: Level, initial: number, max: number, min: number): number => (l === 'initial' ? initial : l === 'max' ? max : min)
const momentumLevelOf = (m: 'max' | 'base', base: number, max: number): number => (m === 'max' ? max : base)
const lrWith = (p: Plan, phase: Phase, w: number, initial: number, max: number, min: number): number =>
  annealWith(p, levelOf(phase.startLr, initial, max, min), levelOf(phase.endLr, initial, max, min), w)
const momentumWith = (p: Plan, phase: Phase, w: number, base: number, max: number): number =>
  annealWith(p, momentumLevelOf(phase.startMomentum, base, max), momentumLevelOf(phase.endMomentum, base, max), w)

const fastSteps = (fold: Fold, b: Buffers, count: number): void => {
  const { p, clock, levels, same } = fold
  const { cycleMomentum } = p
  const { lr, momentum } = b
  const out = b.rows.lr
  // a momentum-cycling schedule's fold records momentum
  const outMomentum = b.rows.momentum as Float64Array
  const held = heldMomentumRows(b)
  let e = clock.e
  let row = b.row
  for (let j = 0; j < count; j++, row += lr.length) {
    e += 1
    const k = phaseIndex(p, e)
    const w = weightOf(p, pctOf(p, e, k))
    const { lrStart, lrEnd, momentumStart, momentumEnd } = levels[k] as Levels
    if (same) {
      setAll(lr, out, row, annealWith(p, lrStart[0] as number, lrEnd[0] as number, w))
      if (cycleMomentum) setAll(momentum, outMomentum, row, annealWith(p, momentumStart[0] as number, momentumEnd[0] as number, w))
    } else {
      for (let i = 0; i < lr.length; i++) {
        const x = annealWith(p, lrStart[i] as number, lrEnd[i] as number, w)
        lr[i] = x
        out[row + i] = x
      }
      if (cycleMomentum)
        for (let i = 0; i < lr.length; i++) {
          const m = annealWith(p, momentumStart[i] as number, momentumEnd[i] as number, w)
          momentum[i] = m
          outMomentum[row + i] = m
        }
    }
    if (!cycleMomentum && held !== undefined) keepMomentum(momentum, held, row)
  }
  clock.e = e
  b.row = row
}

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
