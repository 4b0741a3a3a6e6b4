/**
 * `nemo.InverseSquareRootAnnealing`: NeMo's `InverseSquareRootAnnealing` (NVIDIA/NeMo v2.4.0,
 * nemo/core/optim/lr_scheduler.py:608-615) — the warmup of `WarmupPolicy`, then each group's
 * initial lr divided by `((step + 1) / (warmupSteps + 1))^0.5`, and `minLr` past `maxSteps`.
 *
 * @since 0.2.0
 */
import { type OptionsOf, define } from '../../internal/define.js'
import { maxStepsArg, minLrArg, nemo, warmupArgs, warmupOf, warmupPolicyLr } from './internal.js'

const args = {
  ...warmupArgs,
  maxSteps: maxStepsArg,
  minLr: minLrArg(0.0)
}

/**
 * The definition of `nemo.InverseSquareRootAnnealing`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const InverseSquareRootAnnealing = define({
  type: 'nemo.InverseSquareRootAnnealing',
  summary: "NeMo's inverse square-root decay after a linear warmup, minLr past maxSteps.",
  args,
  make: (a) => {
    const warmup = warmupOf(a, a.maxSteps)
    // InverseSquareRootAnnealing._get_lr
    return nemo(
      warmupPolicyLr(warmup, a.maxSteps, a.minLr, (step, base) => {
        const denom = Math.pow((step + 1) / (warmup + 1), 0.5)
        return base / denom
      })
    )
  }
})

/**
 * The arguments of `nemo.InverseSquareRootAnnealing` (NeMo's in camelCase, with its defaults).
 *
 * @category model
 * @since 0.2.0
 */
export type InverseSquareRootAnnealingOptions = OptionsOf<typeof args>

/**
 * NeMo's inverse square-root decay after a linear warmup, minLr past maxSteps.
 *
 * @example
 * import { nemo, trace } from 'lr-schedule'
 * // 1 / ((step + 1) / 1)^0.5: 1, 1/√2, 1/√3, 1/2, then minLr past step 3
 * trace(nemo.inverseSquareRootAnnealing({ maxSteps: 3 }), [1], 4).lr // [[1], [0.7071067811865475], [0.5773502691896258], [0.5], [0]]
 *
 * @category constructors
 * @since 0.2.0
 */
export const inverseSquareRootAnnealing = InverseSquareRootAnnealing.make
