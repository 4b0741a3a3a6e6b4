/**
 * CyclicLR: cycles the lr between `baseLr` and `maxLr` (triangular, triangular2, exp_range, or a
 * custom scale function), and momentum inversely between `maxMomentum` and `baseMomentum`.
 *
 * The lr is a function of the step index, so the reducer and the closed form are the same
 * expression (PyTorch's `get_lr`); the closed form also gives the momentum (`cyclicMomentum`).
 *
 * Row 0 (the constructor's step) follows a quirk of PyTorch: the constructor sets every lr to
 * `baseLr`, but its step runs before it assigns its own `base_lrs` and so reads the groups'
 * `initial_lr`: alone or first, that is `baseLr`; after another scheduler on the same groups (in a
 * chain), it is that scheduler's recorded initial lr.
 *
 * @since 0.1.0
 */
import * as t from 'io-ts'
import { Bool, FunctionName, NonNegative, NonNegativeInteger, OneOf, PerGroup, Positive, PositiveInteger, schedulerConfig } from '../config/codec.js'
import type { Scheduler } from '../Schedule.js'
import { type EpochState, type LeafLr, leaf } from '../internal/leaf.js'
import {
  at,
  boolean,
  nonNegative,
  func,
  groupCount,
  nonNegativeInteger,
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
): { readonly cycle: number; readonly scaleFactor: number } => ({
  cycle: cycleNumber(t, stepSizeUp + stepSizeDown),
  scaleFactor: scaleFactorAt(t, stepSizeUp, stepSizeUp + stepSizeDown)
})

// PyTorch's arithmetic, as two functions of numbers (the fast path allocates nothing): total_size
// and step_ratio are floats, x in [0, 1)
const cycleNumber = (t: number, totalSize: number): number => Math.floor(1 + t / totalSize)
const scaleFactorAt = (t: number, stepSizeUp: number, totalSize: number): number => {
  const stepRatio = stepSizeUp / totalSize
  const x = 1.0 + t / totalSize - cycleNumber(t, totalSize)
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
export const cyclicLR = (options: CyclicLROptions): Scheduler<EpochState> & {
  /** Momentum of every group after `t` steps (the closed form of the momentum column). */
  readonly cyclicMomentum: (t: number, groups: number) => ReadonlyArray<number>
} => {
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
  const scaleFn: (x: number) => number =
    custom ?? (mode === 'triangular2' ? (x) => 1 / 2.0 ** (x - 1) : mode === 'exp_range' ? (x) => gamma ** x : () => 1.0)
  const scaleMode = custom !== undefined ? userScaleMode : mode === 'exp_range' ? 'iterations' : 'cycle'

  const total = up + down
  const scaleAt = (t: number): number => scaleFn(scaleMode === 'cycle' ? cycleNumber(t, total) : t)
  const lrAt = (t: number, i: number): number => {
    const b = at(baseLr, i)
    return b + (at(maxLr, i) - b) * scaleFactorAt(t, up, total) * scaleAt(t)
  }
  const momentumAt = (t: number, i: number): number => {
    const m = at(maxMomentum, i)
    return m - (m - at(baseMomentum, i)) * scaleFactorAt(t, up, total) * scaleAt(t)
  }
  const checkGroups = (n: number): void => {
    groupCount('baseLr', baseLr, n)
    groupCount('maxLr', maxLr, n)
    if (cycleMomentum) {
      groupCount('baseMomentum', baseMomentum, n)
      groupCount('maxMomentum', maxMomentum, n)
    }
  }
  const lr: LeafLr = (e, _lr, _base, i) => lrAt(e, i)
  const scheduler = leaf({
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
    stepAll: (e, lrs, bases) => {
      for (let i = 0; i < lrs.length; i++) lrs[i] = lr(e, lrs[i] as number, bases[i] as number, i, false)
    },
    // PyTorch assigns base_lrs after its constructor's step, which therefore uses initial_lr: row 0
    // is the group's initial lr (baseLr, unless an earlier scheduler on the groups recorded another)
    ctorLr: (_lr, base) => base,
    closedForm: (e, _base, i) => lrAt(e, i),
    ...(cycleMomentum ? { momentum: momentumAt } : {})
  })
  return {
    ...scheduler,
    cyclicMomentum: (t, n) => {
      checkGroups(n)
      return Array.from({ length: n }, (_, i) => momentumAt(t, i))
    }
  }
}
