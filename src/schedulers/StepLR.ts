/**
 * StepLR: decays the lr of every group by `gamma` every `stepSize` steps.
 *
 * Follows `torch.optim.lr_scheduler.StepLR` (chainable form in the reducer, PyTorch's closed form
 * `base · gamma^⌊t / stepSize⌋` as the closed form).
 *
 * @since 0.1.0
 */
import { PositiveInteger, Positive } from '../core/codec.js'
import { type ArgsOf, type OptionsOf, define, required, withDefault } from '../internal/define.js'
import { fromFactor } from '../internal/builders.js'
import type { Clock } from '../internal/leaf.js'

const args = {
  stepSize: required(PositiveInteger, 'Period of the decay, in steps: an integer ≥ 1.'),
  gamma: withDefault(Positive, 'Multiplicative factor of the decay, > 0.', 0.1)
}

/**
 * The definition of StepLR: its arguments (PyTorch's, in camelCase, with PyTorch's defaults).
 *
 * @category definitions
 * @since 0.2.0
 */
export const StepLR = define({
  type: 'StepLR',
  summary: 'Decays the lr by `gamma` every `stepSize` steps.',
  args,
  make: (p) =>
    fromFactor({
      factor: (e) => factor(p, e),
      multiplier: (e) => p.gamma ** Math.floor(e / p.stepSize),
      factors: (clock) => (factors, at, count) => fastFactors(p, clock, factors, at, count)
    })
})

/**
 * StepLR's arguments.
 *
 * @category model
 * @since 0.1.0
 */
export type StepLROptions = OptionsOf<typeof args>

/**
 * Decays the lr by `gamma` every `stepSize` steps.
 *
 * @example
 * import { stepLR, trace } from 'lr-schedule'
 * trace(stepLR({ stepSize: 2, gamma: 0.5 }), [1], 4).lr // [[1], [1], [0.5], [0.5], [0.25]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const stepLR = StepLR.make

// torch: `if last_epoch == 0 or last_epoch % step_size != 0: keep lr else lr * gamma`, as the factor
// of the step that multiplies every group's lr (lr · 1 is lr exactly). A function of the
// scheduler's numbers, at module level: V8 compiles and inlines it once for every StepLR (see
// Fast in internal/leaf.ts)
type Plan = ArgsOf<typeof args>
const factor = (p: Plan, e: number): number => (e === 0 || e % p.stepSize !== 0 ? 1 : p.gamma)
// the fast path: the factors of the next `count` steps, into `factors` from `at` (see FastFactors in internal/leaf.ts)
const fastFactors = (p: Plan, clock: Clock, factors: Float64Array, at: number, count: number): void => {
  for (let j = 0; j < count; j++) factors[at + j] = factor(p, ++clock.e)
}
