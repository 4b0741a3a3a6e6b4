/**
 * MultiStepLR: decays the lr by `gamma` at each milestone; a milestone listed k times decays by
 * `gamma^k` there (PyTorch counts milestones with a `Counter`).
 *
 * @since 0.1.0
 */
import * as t from 'io-ts'
import { ArrayOf, NonNegativeInteger, Positive, schedulerConfig } from '../core/codec.js'
import type { Scheduler } from '../core/model.js'
import { bisectRight } from '../internal/bisect.js'
import { type Clock, type EpochState, leaf } from '../internal/leaf.js'
import { array, nonNegativeInteger, positive, withDefault } from '../core/validate.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The JSON config of MultiStepLR (PyTorch's arguments in camelCase, PyTorch's defaults): the codec
 * is the single source of the config's type and of `MultiStepLROptions`. Arguments:
 * - `milestones`: Steps at which the lr decays: non-negative integers, in any order, repeats compound.
 * - `gamma`: Multiplicative factor, > 0. Default 0.1.
 *
 * @example
 * import { MultiStepLRConfig } from 'lr-schedule'
 * MultiStepLRConfig.is({ type: 'MultiStepLR', milestones: [30, 80] }) // true
 *
 * @category model
 * @since 0.1.0
 */
export const MultiStepLRConfig = schedulerConfig('MultiStepLR', { milestones: ArrayOf(NonNegativeInteger) }, { gamma: Positive })

/**
 * The JSON config of MultiStepLR.
 *
 * @example
 * import type { MultiStepLRConfig } from 'lr-schedule'
 * const c: MultiStepLRConfig = { type: 'MultiStepLR', milestones: [30, 80] }
 *
 * @category model
 * @since 0.1.0
 */
export type MultiStepLRConfig = t.TypeOf<typeof MultiStepLRConfig>

/**
 * MultiStepLR's arguments: its config without `type` (see `MultiStepLRConfig`).
 *
 * @example
 * import type { MultiStepLROptions } from 'lr-schedule'
 * const o: MultiStepLROptions = { milestones: [30, 80], gamma: 0.1 }
 *
 * @category model
 * @since 0.1.0
 */
export type MultiStepLROptions = Omit<MultiStepLRConfig, 'type'>

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * Decays the lr by `gamma` at every milestone.
 *
 * @example
 * import { multiStepLR, trace } from 'lr-schedule'
 * trace(multiStepLR({ milestones: [1, 3, 3], gamma: 0.5 }), [1], 3).lr // [[1], [0.5], [0.5], [0.125]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const multiStepLR = (options: MultiStepLROptions): Scheduler<EpochState> => {
  const milestones = array<number>('milestones', options.milestones)
    .map((m, i) => nonNegativeInteger(`milestones[${i}]`, m))
    .sort((a, b) => a - b)
  const gamma = positive('gamma', withDefault(options.gamma, 0.1))
  const counts = new Map<number, number>()
  for (const m of milestones) counts.set(m, (counts.get(m) ?? 0) + 1)
  // bisect_right(sorted milestones, e): how many milestones are <= e
  const passed = (e: number): number => bisectRight(milestones, e)
  const p: Plan = { counts, gamma }
  return leaf({
    name: 'MultiStepLR',
    config: { milestones: options.milestones.slice(), gamma },
    lr: (e, lr) => lr * factor(p, e),
    factors: (clock) => (factors, at, count) => fastFactors(p, clock, factors, at, count),
    closedForm: (e, base) => base * gamma ** passed(e),
    multiplier: (e) => gamma ** passed(e)
  })
}

// -------------------------------------------------------------------------------------
// utils
// -------------------------------------------------------------------------------------

interface Plan {
  /** How many milestones are at each step that has one. */
  readonly counts: ReadonlyMap<number, number>
  readonly gamma: number
}

// torch: the lr times gamma ** (how many milestones are e) at a milestone, the lr elsewhere: the
// factor of a step that multiplies every group's lr (lr · 1 is lr exactly). A function of the scheduler's numbers, at module level: V8 compiles (and inlines) it once for every
// MultiStepLR (see Fast in internal/leaf.ts)
const factor = (p: Plan, e: number): number => {
  const k = p.counts.get(e)
  return k === undefined ? 1 : p.gamma ** k
}
// the fast path: the factors of the next `count` steps, into `factors` from `at` (see FastFactors in internal/leaf.ts)
const fastFactors = (p: Plan, clock: Clock, factors: Float64Array, at: number, count: number): void => {
  for (let j = 0; j < count; j++) factors[at + j] = factor(p, ++clock.e)
}
