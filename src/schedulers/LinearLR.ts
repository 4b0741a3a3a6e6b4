/**
 * LinearLR: scales the lr by a factor that moves linearly from `startFactor` to `endFactor` over
 * `totalIters` steps (the usual warmup).
 *
 * Follows `torch.optim.lr_scheduler.LinearLR` (torch/optim/lr_scheduler.py): its chainable form in
 * the reducer, its closed form `base · (start + (end − start) · min(totalIters, t) / totalIters)`.
 *
 * @since 0.1.0
 */
import { InRange, PositiveInteger } from '../core/codec.js'
import { fromFactor } from '../internal/builders.js'
import { type ArgsOf, type OptionsOf, define, withDefault } from '../internal/define.js'
import type { Clock } from '../internal/leaf.js'

const args = {
  startFactor: withDefault(InRange(0, 1, { lo: true }), 'The factor of the lr at step 0, in (0, 1] (default 1/3).', 1 / 3),
  endFactor: withDefault(InRange(0, 1), 'The factor of the lr from step `totalIters` on, in [0, 1].', 1),
  totalIters: withDefault(PositiveInteger, 'Length of the ramp, in steps: an integer ≥ 1.', 5)
}

/**
 * The definition of LinearLR: its arguments (PyTorch's, in camelCase, with PyTorch's defaults).
 *
 * @category definitions
 * @since 0.2.0
 */
export const LinearLR = define({
  type: 'LinearLR',
  summary: "Ramps the lr's factor linearly from `startFactor` to `endFactor` over `totalIters` steps.",
  args,
  make: (p) =>
    fromFactor({
      factor: (e) => factor(p, e),
      // torch's closed form: start + (end - start) * min(total_iters, last_epoch) / total_iters
      multiplier: (e) => p.startFactor + ((p.endFactor - p.startFactor) * Math.min(p.totalIters, e)) / p.totalIters,
      factors: (clock) => (factors, at, count) => fastFactors(p, clock, factors, at, count)
    })
})

/**
 * LinearLR's arguments.
 *
 * @category model
 * @since 0.1.0
 */
export type LinearLROptions = OptionsOf<typeof args>

/**
 * Ramps the lr's factor linearly from `startFactor` to `endFactor`.
 *
 * @example
 * import { linearLR, trace } from 'lr-schedule'
 * trace(linearLR({ startFactor: 0.5, endFactor: 1, totalIters: 2 }), [1], 3).lr // [[0.5], [0.75], [1], [1]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const linearLR = (options: LinearLROptions = {}) => LinearLR.make(options)

// torch: lr * start at the initial step (e = 0), then the lr times
// 1 + (end - start) / (total * start + (last_epoch - 1) * (end - start)) up to total_iters, the lr
// after: the factor that multiplies every group's lr (lr · 1 is lr exactly); the fast path takes
// only steps (e ≥ 1). Functions of the scheduler's numbers, at module level: V8 compiles and
// inlines them once for every LinearLR (see Fast in internal/leaf.ts)
type Plan = ArgsOf<typeof args>
const factor = (p: Plan, e: number): number => (e === 0 ? p.startFactor : stepFactor(p, e))
const stepFactor = (p: Plan, e: number): number =>
  e > p.totalIters ? 1 : 1.0 + (p.endFactor - p.startFactor) / (p.totalIters * p.startFactor + (e - 1) * (p.endFactor - p.startFactor))
// the fast path: the factors of the next `count` steps, into `factors` from `at` (see FastFactors in internal/leaf.ts)
const fastFactors = (p: Plan, clock: Clock, factors: Float64Array, at: number, count: number): void => {
  for (let j = 0; j < count; j++) factors[at + j] = stepFactor(p, ++clock.e)
}
