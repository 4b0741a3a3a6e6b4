/**
 * OneCycleLR: the 1cycle policy — the lr rises from `maxLr / divFactor` to `maxLr`, then anneals
 * to `maxLr / divFactor / finalDivFactor` (optionally through a symmetric third phase), while
 * momentum moves inversely between `maxMomentum` and `baseMomentum`.
 *
 * Follows `torch.optim.lr_scheduler.OneCycleLR` (torch/optim/lr_scheduler.py): the lr is a function
 * of the step (PyTorch's phase table and annealing functions), so the reducer and the closed form
 * are one expression. As in PyTorch, the constructor sets each group's initial lr to
 * `maxLr / divFactor` (overwriting one recorded earlier), step `totalSteps` is allowed (it
 * extrapolates the last phase one step beyond its end) and a step past it is an error. When the
 * last phase is empty (`pctStart` 1 without `threePhase`) the last allowed step is
 * `totalSteps - 1`, where PyTorch would divide by 0.
 *
 * @since 0.1.0
 */
import { Bool, InRange, NonNegative, OneOf, PerGroup, Positive, PositiveInteger } from '../core/codec.js'
import { ScheduleError } from '../core/errors.js'
import { at, column, groupCount, uniform } from '../core/validate.js'
import { fromStep } from '../internal/builders.js'
import { type ArgsOf, type OptionsOf, define, optional, required, withDefault } from '../internal/define.js'
import type { Buffers } from '../internal/kernel.js'
import { type Clock, heldMomentumRows, keepMomentum, setAll } from '../internal/leaf.js'

const args = {
  maxLr: required(PerGroup(NonNegative), 'Peak lr, ≥ 0 (per group).'),
  totalSteps: optional(PositiveInteger, 'Steps in the cycle: an integer ≥ 1 (or give `epochs` and `stepsPerEpoch`).'),
  epochs: optional(PositiveInteger, 'Epochs, with `stepsPerEpoch`: `totalSteps = epochs · stepsPerEpoch`.'),
  stepsPerEpoch: optional(PositiveInteger, 'Steps per epoch, with `epochs`.'),
  pctStart: withDefault(InRange(0, 1), 'Fraction of the cycle spent rising, in [0, 1].', 0.3),
  annealStrategy: withDefault(OneOf(['cos', 'linear'] as const), 'How the lr anneals: `cos` or `linear`.', 'cos'),
  cycleMomentum: withDefault(Bool, 'Cycle momentum (or betas[0]) inversely to the lr.', true),
  baseMomentum: withDefault(PerGroup(NonNegative), 'Momentum at the lr peak (per group).', 0.85),
  maxMomentum: withDefault(PerGroup(NonNegative), 'Momentum at the start and the end (per group).', 0.95),
  divFactor: withDefault(Positive, 'The initial lr is `maxLr / divFactor`: a number > 0.', 25),
  finalDivFactor: withDefault(Positive, 'The min lr is `initial lr / finalDivFactor`: a number > 0.', 1e4),
  threePhase: withDefault(Bool, "Up, down to the initial lr, then down to the min lr (fast.ai's variant is two phases).", false)
}

/**
 * The definition of OneCycleLR: its arguments (PyTorch's, in camelCase, with PyTorch's defaults).
 *
 * @category definitions
 * @since 0.2.0
 */
export const OneCycleLR = define({
  type: 'OneCycleLR',
  summary: 'The 1cycle policy: the lr up from `maxLr / divFactor` to `maxLr`, then down to `maxLr / divFactor / finalDivFactor`.',
  args,
  make: (a) => {
    const { maxLr, pctStart, annealStrategy, cycleMomentum, baseMomentum, maxMomentum, divFactor, finalDivFactor, threePhase } = a
    const totalSteps = totalStepsOf(a)
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
    const p: Plan = { phases, cos: annealStrategy === 'cos', divFactor, finalDivFactor, totalSteps, lastStep }

    const body = fromStep({
      checkGroups: (n) => {
        groupCount('maxLr', maxLr, n)
        if (cycleMomentum) {
          groupCount('baseMomentum', baseMomentum, n)
          groupCount('maxMomentum', maxMomentum, n)
        }
      },
      setInitialLr: (i) => at(maxLr, i) / divFactor,
      lastStep,
      lr: (e, initial, i) => {
        const k = phaseIndex(p, e)
        return lrWith(p, phases[k] as Phase, weightAt(p, e, k), initial, at(maxLr, i), minLrOf(p, at(maxLr, i)))
      },
      fast: (n, clock) => {
        const [max, momentumBase, momentumMax] = [column(maxLr, n), column(baseMomentum, n), column(maxMomentum, n)]
        // every group's levels at the start and the end of every phase; a group's initial lr is
        // maxLr / divFactor (setInitialLr), which is what the kernel's base lrs hold
        const initial = max.map((m) => m / divFactor)
        const min = max.map((m) => minLrOf(p, m))
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
        const k: Fold = { p, cycleMomentum, clock, levels, same }
        return (b, count) => fastSteps(k, b, count)
      },
      ...(cycleMomentum
        ? {
            momentum: (e: number, i: number) => {
              const k = phaseIndex(p, e)
              return momentumWith(p, phases[k] as Phase, weightAt(p, e, k), at(baseMomentum, i), at(maxMomentum, i))
            }
          }
        : {})
    })
    // the config: totalSteps resolved (epochs and stepsPerEpoch are not kept)
    const config = { maxLr, totalSteps, pctStart, annealStrategy, cycleMomentum, baseMomentum, maxMomentum, divFactor, finalDivFactor, threePhase }
    return ({ type }) => body({ type, config: { type, ...config } })
  }
})

/**
 * OneCycleLR's arguments.
 *
 * @category model
 * @since 0.1.0
 */
export type OneCycleLROptions = OptionsOf<typeof args>

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
export const oneCycleLR = OneCycleLR.make

// totalSteps, given or as epochs · stepsPerEpoch (PyTorch's rule; what involves the three arguments)
const totalStepsOf = ({ totalSteps, epochs, stepsPerEpoch }: ArgsOf<typeof args>): number => {
  if (epochs !== undefined || stepsPerEpoch !== undefined) {
    if (epochs === undefined) throw missing('epochs', 'a positive integer (stepsPerEpoch is given)')
    if (stepsPerEpoch === undefined) throw missing('stepsPerEpoch', 'a positive integer (epochs is given)')
    const product = epochs * stepsPerEpoch
    if (totalSteps !== undefined && totalSteps !== product)
      throw new ScheduleError('totalSteps', `epochs · stepsPerEpoch = ${product} when all three are given`, totalSteps)
    return product
  }
  if (totalSteps === undefined) throw missing('totalSteps', 'a positive integer (or epochs and stepsPerEpoch)')
  return totalSteps
}

/** A missing argument, in the words decoding uses. */
const missing = (path: string, expected: string): ScheduleError => new ScheduleError(path, expected, undefined, `${path}: missing, expected ${expected}`)

type Level = 'initial' | 'max' | 'min'

interface Phase {
  readonly endStep: number
  readonly startLr: Level
  readonly endLr: Level
  readonly startMomentum: 'max' | 'base'
  readonly endMomentum: 'max' | 'base'
}

// A OneCycleLR's numbers as data, and module-level functions of them: V8 compiles (and inlines)
// each once for every OneCycleLR (see Fast in internal/leaf.ts)
interface Plan {
  readonly phases: ReadonlyArray<Phase>
  /** annealStrategy 'cos' (else 'linear') */
  readonly cos: boolean
  readonly divFactor: number
  readonly finalDivFactor: number
  readonly totalSteps: number
  readonly lastStep: number
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
// the weight of step t, in its phase k: what a step shares between groups
const weightAt = (p: Plan, t: number, k: number): number => weightOf(p, pctOf(p, t, k))

// a group's levels: its initial lr (PyTorch's initial_lr), max_lr, min_lr = initial_lr / final_div_factor
// (as PyTorch: max_lr / div_factor / final_div_factor)
const minLrOf = (p: Plan, max: number): number => max / p.divFactor / p.finalDivFactor
const levelOf = (l: Level, initial: number, max: number, min: number): number => (l === 'initial' ? initial : l === 'max' ? max : min)
const momentumLevelOf = (m: 'max' | 'base', base: number, max: number): number => (m === 'max' ? max : base)
const lrWith = (p: Plan, phase: Phase, w: number, initial: number, max: number, min: number): number =>
  annealWith(p, levelOf(phase.startLr, initial, max, min), levelOf(phase.endLr, initial, max, min), w)
const momentumWith = (p: Plan, phase: Phase, w: number, base: number, max: number): number =>
  annealWith(p, momentumLevelOf(phase.startMomentum, base, max), momentumLevelOf(phase.endMomentum, base, max), w)

/** A fold's state (see Fast in internal/leaf.ts). */
interface Fold {
  readonly p: Plan
  readonly cycleMomentum: boolean
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

const fastSteps = (fold: Fold, b: Buffers, count: number): void => {
  const { p, cycleMomentum, clock, levels, same } = fold
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
    const w = weightAt(p, e, k)
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
