/**
 * CyclicLR: cycles the lr between `baseLr` and `maxLr` (triangular, triangular2, exp_range, or a
 * custom scale function), and momentum inversely between `maxMomentum` and `baseMomentum`.
 *
 * The lr is a function of the step index, so the reducer and the closed form are the same
 * expression (PyTorch's `get_lr`); the closed form also gives the momentum.
 *
 * Row 0 (the constructor's step) follows a quirk of PyTorch: the constructor sets every lr to
 * `baseLr`, but its step runs before it assigns its own `base_lrs` and so reads the groups'
 * `initial_lr`: alone or first, that is `baseLr`; after another scheduler on the same groups (in a
 * chain), it is that scheduler's recorded initial lr.
 *
 * @since 0.1.0
 */
import * as t from 'io-ts'
import { Bool, FunctionName, NonNegative, NonNegativeInteger, OneOf, PerGroup, Positive, PositiveInteger, schedulerConfig } from '../core/codec.js'
import type { Buffers } from '../internal/kernel.js'
import type { Scheduler } from '../core/model.js'
import { type Clock, type EpochState, type LeafLr, heldMomentumRows, keepMomentum, leaf, setAll } from '../internal/leaf.js'
import {
  at,
  column,
  boolean,
  nonNegative,
  func,
  groupCount,
  nonNegativeInteger,
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
 * CyclicLR's policies.
 *
 * @example
 * import type { CyclicMode } from 'lr-schedule'
 * const m: CyclicMode = 'triangular2'
 *
 * @category model
 * @since 0.1.0
 */
export type CyclicMode = 'triangular' | 'triangular2' | 'exp_range'

/**
 * The JSON config of CyclicLR (PyTorch's arguments in camelCase, PyTorch's defaults; `scaleFn`
 * names a function the caller registers when decoding). Arguments:
 * - `baseLr`: Lower lr bound of the cycle (per group); also the lr the constructor sets.
 * - `maxLr`: Upper lr bound of the cycle (per group).
 * - `stepSizeUp`: Steps in the increasing half: a positive integer. Default 2000.
 * - `stepSizeDown`: Steps in the decreasing half: a non-negative integer. Default `stepSizeUp`.
 * - `mode`: Policy; ignored when `scaleFn` is given. Default `triangular`.
 * - `gamma`: `exp_range`'s factor: `gamma^iterations`. Default 1.
 * - `scaleFn`: A custom amplitude scale, of the cycle number (from 1) or of the step index.
 * - `scaleMode`: What `scaleFn` takes: `cycle` (default) or `iterations`.
 * - `cycleMomentum`: Cycle momentum (or betas[0]) inversely to the lr. Default true.
 * - `baseMomentum`: Lower momentum bound (per group). Default 0.8.
 * - `maxMomentum`: Upper momentum bound (per group). Default 0.9.
 *
 * @example
 * import { CyclicLRConfig } from 'lr-schedule'
 * CyclicLRConfig.is({ type: 'CyclicLR', baseLr: 0.001, maxLr: [0.1, 0.05], mode: 'triangular2' }) // true
 *
 * @category model
 * @since 0.1.0
 */
export const CyclicLRConfig = schedulerConfig(
  'CyclicLR',
  { baseLr: PerGroup(NonNegative), maxLr: PerGroup(NonNegative) },
  {
    stepSizeUp: PositiveInteger,
    stepSizeDown: NonNegativeInteger,
    mode: OneOf(['triangular', 'triangular2', 'exp_range'] as const),
    gamma: Positive,
    scaleFn: FunctionName,
    scaleMode: OneOf(['cycle', 'iterations'] as const),
    cycleMomentum: Bool,
    baseMomentum: PerGroup(NonNegative),
    maxMomentum: PerGroup(NonNegative)
  }
)

/**
 * The JSON config of CyclicLR.
 *
 * @example
 * import type { CyclicLRConfig } from 'lr-schedule'
 * const c: CyclicLRConfig = { type: 'CyclicLR', baseLr: 0.001, maxLr: 0.1, stepSizeUp: 200 }
 *
 * @category model
 * @since 0.1.0
 */
export type CyclicLRConfig = t.TypeOf<typeof CyclicLRConfig>

/**
 * CyclicLR's arguments: its config without `type`, with a function as `scaleFn`.
 *
 * @example
 * import type { CyclicLROptions } from 'lr-schedule'
 * const o: CyclicLROptions = { baseLr: 0.001, maxLr: 0.1, stepSizeUp: 200, scaleFn: (x) => 0.99 ** x }
 *
 * @category model
 * @since 0.1.0
 */
export type CyclicLROptions = Omit<CyclicLRConfig, 'type' | 'scaleFn'> & {
  /** A custom amplitude scale, of the cycle number (from 1) or of the step index (`scaleMode`). */
  readonly scaleFn?: (x: number) => number
}

/**
 * Where step `t` falls in its cycle: the cycle number (from 1) and the amplitude factor in [0, 1].
 *
 * @example
 * import { cyclePosition } from 'lr-schedule'
 * cyclePosition(3, 2, 2) // { cycle: 1, scaleFactor: 0.5 }
 *
 * @category utils
 * @since 0.1.0
 */
export const cyclePosition = (
  t: number,
  stepSizeUp: number,
  stepSizeDown: number
): { readonly cycle: number; readonly scaleFactor: number } => {
  const total = stepSizeUp + stepSizeDown
  const cycle = cycleOf(t / total)
  return { cycle, scaleFactor: scaleFactorOf(t / total, cycle, stepSizeUp / total) }
}

// PyTorch's arithmetic, as functions of numbers (the fast path allocates nothing), of
// q = last_epoch / total_size: cycle = floor(1 + q), x = 1 + q - cycle in [0, 1), and the scale
// factor x / step_ratio on the way up, (x - 1) / (step_ratio - 1) on the way down, where
// step_ratio = step_size_up / total_size (computed once, in PyTorch's constructor)
const cycleOf = (q: number): number => Math.floor(1 + q)
const scaleFactorOf = (q: number, cycle: number, stepRatio: number): number => {
  const x = 1.0 + q - cycle
  return x <= stepRatio ? x / stepRatio : (x - 1) / (stepRatio - 1)
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * Cycles the lr between `baseLr` and `maxLr`, and momentum inversely.
 *
 * @example
 * import { cyclicLR, trace } from 'lr-schedule'
 * trace(cyclicLR({ baseLr: 1, maxLr: 3, stepSizeUp: 2 }), [1], 4).lr // [[1], [2], [3], [2], [1]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const cyclicLR = (options: CyclicLROptions): Scheduler<EpochState> => {
  const baseLr = perGroup('baseLr', options.baseLr, nonNegative)
  const maxLr = perGroup('maxLr', options.maxLr, nonNegative)
  const up = positiveInteger('stepSizeUp', withDefault(options.stepSizeUp, 2000))
  const down = nonNegativeInteger('stepSizeDown', withDefault(options.stepSizeDown, up))
  const custom = options.scaleFn === undefined ? undefined : func<(x: number) => number>('scaleFn', options.scaleFn)
  // PyTorch checks `mode` only when there is no scale_fn
  const mode = custom === undefined ? oneOf('mode', withDefault(options.mode, 'triangular'), ['triangular', 'triangular2', 'exp_range'] as const) : undefined
  const gamma = positive('gamma', withDefault(options.gamma, 1))
  const userScaleMode = oneOf('scaleMode', withDefault(options.scaleMode, 'cycle'), ['cycle', 'iterations'] as const)
  const cycleMomentum = boolean('cycleMomentum', withDefault(options.cycleMomentum, true))
  const baseMomentum = perGroup('baseMomentum', withDefault(options.baseMomentum, 0.8), nonNegative)
  const maxMomentum = perGroup('maxMomentum', withDefault(options.maxMomentum, 0.9), nonNegative)

  // the built-in modes fix the scale function and its argument (PyTorch's _init_scale_fn)
  const scaleMode = custom !== undefined ? userScaleMode : mode === 'exp_range' ? 'iterations' : 'cycle'

  const total = up + down
  const plan: Plan = { total, stepRatio: up / total, byCycle: scaleMode === 'cycle', custom, mode, gamma, cycleMomentum }
  const lrAt = (t: number, i: number): number => lrFrom(at(baseLr, i), at(maxLr, i), factorAt(plan, t), scaleAt(plan, t))
  const momentumAt = (t: number, i: number): number => momentumFrom(at(baseMomentum, i), at(maxMomentum, i), factorAt(plan, t), scaleAt(plan, t))
  const checkGroups = (n: number): void => {
    groupCount('baseLr', baseLr, n)
    groupCount('maxLr', maxLr, n)
    if (cycleMomentum) {
      groupCount('baseMomentum', baseMomentum, n)
      groupCount('maxMomentum', maxMomentum, n)
    }
  }
  const lr: LeafLr = (e, _lr, _base, i) => lrAt(e, i)
  return leaf({
    name: 'CyclicLR',
    config: {
      baseLr,
      maxLr,
      stepSizeUp: up,
      stepSizeDown: down,
      ...(custom === undefined ? { mode, gamma } : { scaleFn: custom, scaleMode }),
      cycleMomentum,
      baseMomentum,
      maxMomentum
    },
    checkGroups,
    startLr: (i) => at(baseLr, i),
    lr,
    fast: (n, clock) => {
      const [lo, hi, momentumLo, momentumHi] = [column(baseLr, n), column(maxLr, n), column(baseMomentum, n), column(maxMomentum, n)]
      const same = uniform(lo) && uniform(hi) && (!cycleMomentum || (uniform(momentumLo) && uniform(momentumHi)))
      const k: Fold = { p: plan, clock, lo, hi, momentumLo, momentumHi, same }
      return (b, count) => fastSteps(k, b, count)
    },
    // PyTorch assigns base_lrs after its constructor's step, which therefore uses initial_lr: row 0
    // is the group's initial lr (baseLr, unless an earlier scheduler on the groups recorded another)
    ctorLr: (_lr, base) => base,
    closedForm: (e, _base, i) => lrAt(e, i),
    ...(cycleMomentum ? { momentum: momentumAt } : {})
  })
}

// -------------------------------------------------------------------------------------
// utils
// -------------------------------------------------------------------------------------

// A CyclicLR's numbers as data, and module-level functions of them: V8 compiles (and inlines)
// each of these once for every CyclicLR, where closures made by every call of cyclicLR would be
// compiled without the numbers and not inlined (see Fast in internal/leaf.ts)
interface Plan {
  readonly total: number
  readonly stepRatio: number
  /** The scale function takes the cycle number (else the step). */
  readonly byCycle: boolean
  /** The scale function: the user's, else the mode's. */
  readonly custom: ((x: number) => number) | undefined
  readonly mode: CyclicMode | undefined
  readonly gamma: number
  readonly cycleMomentum: boolean
}

/** A fold's state (see Fast in internal/leaf.ts): the per-group arguments, and whether they are the same for every group. */
interface Fold {
  readonly p: Plan
  readonly clock: Clock
  readonly lo: Float64Array
  readonly hi: Float64Array
  readonly momentumLo: Float64Array
  readonly momentumHi: Float64Array
  readonly same: boolean
}

// the step's scale factor and scale (through the scale function, of its cycle or of t itself)
const factorAt = (p: Plan, t: number): number => scaleFactorOf(t / p.total, cycleOf(t / p.total), p.stepRatio)
const scaleAt = (p: Plan, t: number): number => scaleOf(p.custom, p.mode, p.gamma, p.byCycle ? cycleOf(t / p.total) : t)
// PyTorch's _triangular_scale_fn (1.0), _triangular2_scale_fn (1 / 2.0 ** (x - 1)), _exp_range_scale_fn (gamma ** x)
const scaleOf = (custom: Plan['custom'], mode: Plan['mode'], gamma: number, x: number): number =>
  custom !== undefined ? custom(x) : mode === 'triangular2' ? 1 / 2.0 ** (x - 1) : mode === 'exp_range' ? gamma ** x : 1.0

// PyTorch's get_lr, for a group: base_height = (max_lr - base_lr) * scale_factor, then
// lr = base_lr + base_height * scale (and the momentum alike, down from max_momentum), where
// scale_factor and the scale belong to the step, the same for every group: the fast path computes
// them once per step (and the whole lr once when the groups' arguments are the same)
const lrFrom = (lo: number, hi: number, factor: number, scale: number): number => lo + (hi - lo) * factor * scale
const momentumFrom = (lo: number, hi: number, factor: number, scale: number): number => hi - (hi - lo) * factor * scale

const fastSteps = (g: Fold, b: Buffers, count: number): void => {
  const { p, clock, lo, hi, momentumLo, momentumHi, same } = g
  const { total, stepRatio, byCycle, cycleMomentum, custom, mode, gamma } = p
  const { lr, momentum } = b
  const out = b.rows.lr
  // a momentum-cycling schedule's fold records momentum
  const outMomentum = b.rows.momentum as Float64Array
  const held = heldMomentumRows(b)
  // (group 0's arguments: every group's when they are the same)
  const lo0 = lo[0] as number
  const hi0 = hi[0] as number
  const momentumLo0 = momentumLo[0] as number
  const momentumHi0 = momentumHi[0] as number
  let e = clock.e
  let row = b.row
  for (let j = 0; j < count; j++, row += lr.length) {
    e += 1
    const q = e / total
    const cycle = cycleOf(q)
    const factor = scaleFactorOf(q, cycle, stepRatio)
    const scale = scaleOf(custom, mode, gamma, byCycle ? cycle : e)
    if (same) {
      setAll(lr, out, row, lrFrom(lo0, hi0, factor, scale))
      if (cycleMomentum) setAll(momentum, outMomentum, row, momentumFrom(momentumLo0, momentumHi0, factor, scale))
    } else {
      for (let i = 0; i < lr.length; i++) {
        const x = lrFrom(lo[i] as number, hi[i] as number, factor, scale)
        lr[i] = x
        out[row + i] = x
      }
      if (cycleMomentum)
        for (let i = 0; i < lr.length; i++) {
          const m = momentumFrom(momentumLo[i] as number, momentumHi[i] as number, factor, scale)
          momentum[i] = m
          outMomentum[row + i] = m
        }
    }
    if (!cycleMomentum && held !== undefined) keepMomentum(momentum, held, row)
  }
  clock.e = e
  b.row = row
}
