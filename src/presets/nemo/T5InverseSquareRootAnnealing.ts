/**
 * `nemo.T5InverseSquareRootAnnealing`: NeMo's `T5InverseSquareRootAnnealing` (NVIDIA/NeMo v2.4.0,
 * nemo/core/optim/lr_scheduler.py:91-148 `SquareRootConstantPolicy`, 618-623) — absolute, the
 * groups' initial lrs are not read: `1 / constantSteps^0.5` up to step `constantSteps`, then
 * `1 / step^0.5`, and `minLr` past `maxSteps`.
 *
 * NeMo's `constant_ratio` is not an argument here: `SquareRootConstantPolicy.__init__` computes
 * `1 / (constant_steps**0.5)` from the `constant_steps` argument itself, which fails with a ratio
 * (`None ** 0.5`) and with 0 (division by zero), so `constantSteps` ≥ 1 is required.
 *
 * @since 0.2.0
 */
import { NonNegativeInteger, PositiveInteger } from '../../core/codec.js'
import { type OptionsOf, define, required } from '../../internal/define.js'
import { minLrArg, nemo } from './internal.js'

const args = {
  constantSteps: required(PositiveInteger, "Steps at `1 / constantSteps^0.5`: an integer ≥ 1 (NeMo's default `None`, a ratio or 0 make it fail)."),
  maxSteps: required(NonNegativeInteger, 'The step after which the lr is `minLr`: an integer ≥ 0.'),
  minLr: minLrArg(0.0)
}

/**
 * The definition of `nemo.T5InverseSquareRootAnnealing`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const T5InverseSquareRootAnnealing = define({
  type: 'nemo.T5InverseSquareRootAnnealing',
  summary: "NeMo's T5 schedule: 1 / sqrt(max(step, constantSteps)), whatever the initial lr.",
  args,
  make: ({ constantSteps, maxSteps, minLr }) => {
    const constantLr = 1 / Math.pow(constantSteps, 0.5)
    // SquareRootConstantPolicy.get_lr (lr_scheduler.py:131-145), T5InverseSquareRootAnnealing._get_lr
    return nemo((step) => {
      if (step <= constantSteps) return constantLr
      if (step > maxSteps) return minLr
      return 1 / Math.pow(step, 0.5)
    })
  }
})

/**
 * The arguments of `nemo.T5InverseSquareRootAnnealing` (NeMo's in camelCase, with its defaults).
 *
 * @category model
 * @since 0.2.0
 */
export type T5InverseSquareRootAnnealingOptions = OptionsOf<typeof args>

/**
 * NeMo's T5 schedule: 1 / sqrt(max(step, constantSteps)), whatever the initial lr.
 *
 * @example
 * import { nemo, trace } from 'lr-schedule'
 * // 1 / √4 to step 4, then 1 / √step (1 / √5 ≈ 0.447), minLr past step 5
 * trace(nemo.t5InverseSquareRootAnnealing({ constantSteps: 4, maxSteps: 5 }), [0.1], 6).lr // [[0.5], [0.5], [0.5], [0.5], [0.5], [0.4472135954999579], [0]]
 *
 * @category constructors
 * @since 0.2.0
 */
export const t5InverseSquareRootAnnealing = T5InverseSquareRootAnnealing.make
