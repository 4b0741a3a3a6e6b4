/**
 * ConstantLR: multiplies the lr by `factor` for the first `totalIters` steps, then restores it.
 *
 * Follows `torch.optim.lr_scheduler.ConstantLR` (torch/optim/lr_scheduler.py): its chainable form
 * in the reducer, its closed form `base · (factor + (t ≥ totalIters) · (1 − factor))`.
 *
 * @since 0.1.0
 */
import { InRange, PositiveInteger } from '../core/codec.js'
import { fromFactor } from '../internal/builders.js'
import { type ArgsOf, type OptionsOf, define, withDefault } from '../internal/define.js'
import type { Clock } from '../internal/leaf.js'

const args = {
  // (PyTorch accepts 0, then divides by it at totalIters)
  factor: withDefault(InRange(0, 1, { lo: true }), 'The factor of the lr until `totalIters`, in (0, 1] (default 1/3).', 1 / 3),
  totalIters: withDefault(PositiveInteger, 'Steps at the reduced lr: an integer ≥ 1.', 5)
}

/**
 * The definition of ConstantLR: its arguments (PyTorch's, in camelCase, with PyTorch's defaults).
 *
 * @category definitions
 * @since 0.2.0
 */
export const ConstantLR = define({
  type: 'ConstantLR',
  summary: 'Holds the lr at `factor` times its value for `totalIters` steps.',
  args,
  make: (p) =>
    fromFactor({
      factor: (e) => factor(p, e),
      // torch's closed form: factor + (last_epoch >= total_iters) * (1 - factor)
      multiplier: (e) => p.factor + (e >= p.totalIters ? 1 : 0) * (1 - p.factor),
      factors: (clock) => (factors, at, count) => fastFactors(p, clock, factors, at, count)
    })
})

/**
 * ConstantLR's arguments.
 *
 * @category model
 * @since 0.1.0
 */
export type ConstantLROptions = OptionsOf<typeof args>

/**
 * Holds the lr at `factor` times its value for `totalIters` steps.
 *
 * @example
 * import { constantLR, trace } from 'lr-schedule'
 * trace(constantLR({ factor: 0.5, totalIters: 2 }), [1], 3).lr // [[0.5], [0.5], [1], [1]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const constantLR = (options: ConstantLROptions = {}) => ConstantLR.make(options)

// torch: lr * factor at the initial step (e = 0), then lr * (1.0 / factor) at total_iters and the
// lr at every other step: the factor that multiplies every group's lr (lr · 1 is lr exactly); the
// fast path takes only steps (e ≥ 1). Functions of the scheduler's numbers, at module level: V8
// compiles and inlines them once for every ConstantLR (see Fast in internal/leaf.ts)
type Plan = ArgsOf<typeof args>
const factor = (p: Plan, e: number): number => (e === 0 ? p.factor : stepFactor(p, e))
const stepFactor = (p: Plan, e: number): number => (e !== p.totalIters ? 1 : 1.0 / p.factor)
// the fast path: the factors of the next `count` steps, into `factors` from `at` (see FastFactors in internal/leaf.ts)
const fastFactors = (p: Plan, clock: Clock, factors: Float64Array, at: number, count: number): void => {
  for (let j = 0; j < count; j++) factors[at + j] = stepFactor(p, ++clock.e)
}
