/**
 * `nemo.PolynomialDecayAnnealing`: NeMo's `PolynomialDecayAnnealing` (NVIDIA/NeMo v2.4.0,
 * nemo/core/optim/lr_scheduler.py:372-381, 626-645) — the warmup of `WarmupPolicy`, then each
 * group's initial lr decayed as `(base − minLr) · (1 − p)^power + minLr`,
 * `p = (step − warmupSteps) / (maxSteps − warmupSteps)`, and `minLr` past `maxSteps` (so `cycle`
 * changes nothing: NeMo's cycles would start past `maxSteps`).
 *
 * @since 0.2.0
 */
import { type OptionsOf, define } from '../../internal/define.js'
import { maxStepsArg, nemo, polyArgs, polyDecay, warmupArgs, warmupOf, warmupPolicyLr } from './internal.js'

const args = {
  ...warmupArgs,
  maxSteps: maxStepsArg,
  ...polyArgs
}

/**
 * The definition of `nemo.PolynomialDecayAnnealing`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const PolynomialDecayAnnealing = define({
  type: 'nemo.PolynomialDecayAnnealing',
  summary: "NeMo's polynomial decay to minLr after a linear warmup.",
  args,
  make: (a) => {
    const warmup = warmupOf(a, a.maxSteps)
    // PolynomialDecayAnnealing._get_lr: _poly_decay(initial_lr, step - warmup, max_steps - warmup, ...)
    return nemo(
      warmupPolicyLr(warmup, a.maxSteps, a.minLr, (step, base) => polyDecay(base, step - warmup, a.maxSteps - warmup, a.power, a.minLr, a.cycle))
    )
  }
})

/**
 * The arguments of `nemo.PolynomialDecayAnnealing` (NeMo's in camelCase, with its defaults).
 *
 * @category model
 * @since 0.2.0
 */
export type PolynomialDecayAnnealingOptions = OptionsOf<typeof args>

/**
 * NeMo's polynomial decay to minLr after a linear warmup.
 *
 * @example
 * import { nemo, trace } from 'lr-schedule'
 * // (1 − step / 4)², then minLr past step 4
 * trace(nemo.polynomialDecayAnnealing({ maxSteps: 4, power: 2 }), [1], 5).lr // [[1], [0.5625], [0.25], [0.0625], [0], [0]]
 *
 * @category constructors
 * @since 0.2.0
 */
export const polynomialDecayAnnealing = PolynomialDecayAnnealing.make
