/**
 * MultiStepLR: decays the lr by `gamma` at each milestone; a milestone listed k times decays by
 * `gamma^k` there (PyTorch counts milestones with a `Counter`).
 *
 * Follows `torch.optim.lr_scheduler.MultiStepLR` (torch/optim/lr_scheduler.py): its chainable form
 * in the reducer, its closed form `base · gamma^bisect_right(sorted milestones, t)`.
 *
 * @since 0.1.0
 */
import { ArrayOf, NonNegativeInteger, Positive } from '../core/codec.js'
import { bisectRight } from '../internal/bisect.js'
import { fromFactor } from '../internal/builders.js'
import { type OptionsOf, define, required, withDefault } from '../internal/define.js'
import type { Clock } from '../internal/leaf.js'

const args = {
  milestones: required(ArrayOf(NonNegativeInteger), 'Steps at which the lr decays: integers ≥ 0, in any order (a repeat decays again).'),
  gamma: withDefault(Positive, 'Multiplicative factor of the decay, > 0.', 0.1)
}

/**
 * The definition of MultiStepLR: its arguments (PyTorch's, in camelCase, with PyTorch's defaults).
 *
 * @category definitions
 * @since 0.2.0
 */
export const MultiStepLR = define({
  type: 'MultiStepLR',
  summary: 'Decays the lr by `gamma` at every milestone.',
  args,
  make: ({ milestones, gamma }) => {
    const sorted = [...milestones].sort((a, b) => a - b)
    const counts = new Map<number, number>()
    for (const m of sorted) counts.set(m, (counts.get(m) ?? 0) + 1)
    const p: Plan = { counts, gamma }
    return fromFactor({
      factor: (e) => factor(p, e),
      // torch's closed form: gamma ** bisect_right(milestones, last_epoch)
      multiplier: (e) => gamma ** bisectRight(sorted, e),
      factors: (clock) => (factors, at, count) => fastFactors(p, clock, factors, at, count)
    })
  }
})

/**
 * MultiStepLR's arguments.
 *
 * @category model
 * @since 0.1.0
 */
export type MultiStepLROptions = OptionsOf<typeof args>

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
export const multiStepLR = MultiStepLR.make

interface Plan {
  /** How many milestones are at each step that has one. */
  readonly counts: ReadonlyMap<number, number>
  readonly gamma: number
}

// torch: the lr times gamma ** (how many milestones are e) at a milestone, the lr elsewhere: the
// factor of the step that multiplies every group's lr (lr · 1 is lr exactly). A function of the
// scheduler's numbers, at module level: V8 compiles and inlines it once for every MultiStepLR (see
// Fast in internal/leaf.ts)
const factor = (p: Plan, e: number): number => {
  const k = p.counts.get(e)
  return k === undefined ? 1 : p.gamma ** k
}
// the fast path: the factors of the next `count` steps, into `factors` from `at` (see FastFactors in internal/leaf.ts)
const fastFactors = (p: Plan, clock: Clock, factors: Float64Array, at: number, count: number): void => {
  for (let j = 0; j < count; j++) factors[at + j] = factor(p, ++clock.e)
}
