/**
 * PolynomialLR: decays the lr to 0 over `totalIters` steps as `(1 - t / totalIters)^power`.
 *
 * Follows `torch.optim.lr_scheduler.PolynomialLR` (torch/optim/lr_scheduler.py): its chainable
 * form in the reducer, its closed form `base · (1 − min(totalIters, t) / totalIters)^power`.
 *
 * @since 0.1.0
 */
import { NonNegative, PositiveInteger } from '../core/codec.js'
import { fromFactor } from '../internal/builders.js'
import { type ArgsOf, type OptionsOf, define, withDefault } from '../internal/define.js'
import type { Clock } from '../internal/leaf.js'

const args = {
  totalIters: withDefault(PositiveInteger, 'Steps to reach 0: an integer ≥ 1.', 5),
  power: withDefault(NonNegative, 'The power of the decay, ≥ 0.', 1)
}

/**
 * The definition of PolynomialLR: its arguments (PyTorch's, in camelCase, with PyTorch's defaults).
 *
 * @category definitions
 * @since 0.2.0
 */
export const PolynomialLR = define({
  type: 'PolynomialLR',
  summary: 'Decays the lr polynomially to 0 at `totalIters`, then holds it.',
  args,
  make: (p) =>
    fromFactor({
      factor: (e) => factor(p, e),
      multiplier: (e) => (1.0 - Math.min(p.totalIters, e) / p.totalIters) ** p.power,
      factors: (clock) => (factors, at, count) => fastFactors(p, clock, factors, at, count)
    })
})

/**
 * PolynomialLR's arguments.
 *
 * @category model
 * @since 0.1.0
 */
export type PolynomialLROptions = OptionsOf<typeof args>

/**
 * Decays the lr polynomially to 0 at `totalIters`, then holds it.
 *
 * @example
 * import { polynomialLR, trace } from 'lr-schedule'
 * trace(polynomialLR({ totalIters: 2, power: 1 }), [1], 3).lr // [[1], [0.5], [0], [0]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const polynomialLR = (options: PolynomialLROptions = {}) => PolynomialLR.make(options)

// torch: the lr at the initial step (e = 0), then the lr times
// ((1 - last_epoch / total_iters) / (1 - (last_epoch - 1) / total_iters)) ** power up to total_iters,
// the lr after: the factor that multiplies every group's lr (lr · 1 is lr exactly); the fast path
// takes only steps (e ≥ 1). Functions of the scheduler's numbers, at module level: V8 compiles and
// inlines them once for every PolynomialLR (see Fast in internal/leaf.ts)
type Plan = ArgsOf<typeof args>
const factor = (p: Plan, e: number): number => (e === 0 ? 1 : stepFactor(p, e))
const stepFactor = (p: Plan, e: number): number =>
  e > p.totalIters ? 1 : ((1.0 - e / p.totalIters) / (1.0 - (e - 1) / p.totalIters)) ** p.power
// the fast path: the factors of the next `count` steps, into `factors` from `at` (see FastFactors in internal/leaf.ts)
const fastFactors = (p: Plan, clock: Clock, factors: Float64Array, at: number, count: number): void => {
  for (let j = 0; j < count; j++) factors[at + j] = stepFactor(p, ++clock.e)
}
