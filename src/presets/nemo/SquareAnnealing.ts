/**
 * `nemo.SquareAnnealing`: NeMo's `SquareAnnealing` (NVIDIA/NeMo v2.4.0,
 * nemo/core/optim/lr_scheduler.py:335-339, 393-407) — the warmup of `WarmupPolicy`, then each
 * group's initial lr times `((maxSteps − step) / (maxSteps − warmupSteps))²` after the warmup,
 * clipped below at `minLr`, and `minLr` past `maxSteps`.
 *
 * @since 0.2.0
 */
import { type OptionsOf, define } from '../../internal/define.js'
import { maxStepsArg, minLrArg, nemo, warmupArgs, warmupOf, warmupPolicyLr } from './internal.js'

const args = {
  ...warmupArgs,
  maxSteps: maxStepsArg,
  minLr: minLrArg(1e-5, 'The floor of the decay and the lr past `maxSteps` (absolute, the same in every group): a number ≥ 0.')
}

/**
 * The definition of `nemo.SquareAnnealing`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const SquareAnnealing = define({
  type: 'nemo.SquareAnnealing',
  summary: "NeMo's square decay to minLr after a linear warmup.",
  args,
  make: (a) => {
    const warmup = warmupOf(a, a.maxSteps)
    // SquareAnnealing._get_lr -> _square_annealing(initial_lr, step - warmup, max_steps - warmup, min_lr)
    return nemo(
      warmupPolicyLr(warmup, a.maxSteps, a.minLr, (step, base) => {
        const s = step - warmup
        const m = a.maxSteps - warmup
        const mult = Math.pow((m - s) / m, 2)
        return Math.max(base * mult, a.minLr)
      })
    )
  }
})

/**
 * The arguments of `nemo.SquareAnnealing` (NeMo's in camelCase, with its defaults).
 *
 * @category model
 * @since 0.2.0
 */
export type SquareAnnealingOptions = OptionsOf<typeof args>

/**
 * NeMo's square decay to minLr after a linear warmup.
 *
 * @example
 * import { nemo, trace } from 'lr-schedule'
 * // ((4 − step) / 4)², then minLr past step 4
 * trace(nemo.squareAnnealing({ maxSteps: 4, minLr: 0 }), [1], 5).lr // [[1], [0.5625], [0.25], [0.0625], [0], [0]]
 *
 * @category constructors
 * @since 0.2.0
 */
export const squareAnnealing = SquareAnnealing.make
