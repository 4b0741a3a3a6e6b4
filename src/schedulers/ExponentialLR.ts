/**
 * ExponentialLR: multiplies the lr by `gamma` every step.
 *
 * Follows `torch.optim.lr_scheduler.ExponentialLR` (torch/optim/lr_scheduler.py): its chainable
 * form in the reducer, its closed form `base · gamma^t`.
 *
 * @since 0.1.0
 */
import { Positive } from '../core/codec.js'
import { fromFactor } from '../internal/builders.js'
import { type ArgsOf, type OptionsOf, define, required } from '../internal/define.js'
import type { Clock } from '../internal/leaf.js'

const args = {
  gamma: required(Positive, 'Multiplicative factor of every step, > 0 (no default, as in PyTorch).')
}

/**
 * The definition of ExponentialLR: its arguments (PyTorch's, in camelCase).
 *
 * @category definitions
 * @since 0.2.0
 */
export const ExponentialLR = define({
  type: 'ExponentialLR',
  summary: 'Decays the lr by `gamma` every step.',
  args,
  make: (p) =>
    fromFactor({
      factor: (e) => factor(p, e),
      multiplier: (e) => p.gamma ** e,
      factors: (clock) => (factors, at, count) => fastFactors(p, clock, factors, at, count)
    })
})

/**
 * ExponentialLR's arguments.
 *
 * @category model
 * @since 0.1.0
 */
export type ExponentialLROptions = OptionsOf<typeof args>

/**
 * Decays the lr by `gamma` every step.
 *
 * @example
 * import { exponentialLR, trace } from 'lr-schedule'
 * trace(exponentialLR({ gamma: 0.5 }), [1], 2).lr // [[1], [0.5], [0.25]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const exponentialLR = ExponentialLR.make

// torch: the lr at the initial step (e = 0), lr * gamma at every step after: the factor that
// multiplies every group's lr (lr · 1 is lr exactly); the fast path takes only steps (e ≥ 1). A
// function of the scheduler's numbers, at module level (see Fast in internal/leaf.ts)
type Plan = ArgsOf<typeof args>
const factor = (p: Plan, e: number): number => (e === 0 ? 1 : stepFactor(p))
const stepFactor = (p: Plan): number => p.gamma
// the fast path: the factors of the next `count` steps, into `factors` from `at` (see FastFactors in internal/leaf.ts)
const fastFactors = (p: Plan, clock: Clock, factors: Float64Array, at: number, count: number): void => {
  for (let j = 0; j < count; j++) factors[at + j] = stepFactor(p)
  clock.e += count
}
