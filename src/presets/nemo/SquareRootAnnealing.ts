/**
 * `nemo.SquareRootAnnealing`: NeMo's `SquareRootAnnealing` (NVIDIA/NeMo v2.4.0,
 * nemo/core/optim/lr_scheduler.py:328-332, 410-419) — the warmup of `WarmupPolicy`, then each
 * group's initial lr times `((maxSteps − step) / maxSteps)^0.5` (counted from step 0, not from the
 * warmup's end, as NeMo does), clipped below at `minLr`, and `minLr` past `maxSteps`.
 *
 * @since 0.2.0
 */
import { type OptionsOf, define } from '../../internal/define.js'
import { maxStepsArg, minLrArg, nemo, warmupArgs, warmupOf, warmupPolicyLr } from './internal.js'

const args = {
  ...warmupArgs,
  maxSteps: maxStepsArg,
  minLr: minLrArg(0, 'The floor of the decay and the lr past `maxSteps` (absolute, the same in every group): a number ≥ 0.')
}

/**
 * The definition of `nemo.SquareRootAnnealing`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const SquareRootAnnealing = define({
  type: 'nemo.SquareRootAnnealing',
  summary: "NeMo's square-root decay to minLr after a linear warmup.",
  args,
  make: (a) => {
    const warmup = warmupOf(a, a.maxSteps)
    // SquareRootAnnealing._get_lr -> _squareroot_annealing(initial_lr, step, max_steps, min_lr)
    return nemo(
      warmupPolicyLr(warmup, a.maxSteps, a.minLr, (step, base) => {
        const mult = Math.pow((a.maxSteps - step) / a.maxSteps, 0.5)
        return Math.max(base * mult, a.minLr)
      })
    )
  }
})

/**
 * The arguments of `nemo.SquareRootAnnealing` (NeMo's in camelCase, with its defaults).
 *
 * @category model
 * @since 0.2.0
 */
export type SquareRootAnnealingOptions = OptionsOf<typeof args>

/**
 * NeMo's square-root decay to minLr after a linear warmup.
 *
 * @example
 * import { nemo, trace } from 'lr-schedule'
 * // ((4 − step) / 4)^0.5: 1, √0.75, √0.5, 0.5, 0, then minLr
 * trace(nemo.squareRootAnnealing({ maxSteps: 4 }), [1], 5).lr // [[1], [0.8660254037844386], [0.7071067811865476], [0.5], [0], [0]]
 *
 * @category constructors
 * @since 0.2.0
 */
export const squareRootAnnealing = SquareRootAnnealing.make
