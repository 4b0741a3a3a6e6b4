/**
 * `nemo.PolynomialHoldDecayAnnealing`: NeMo's `PolynomialHoldDecayAnnealing` (NVIDIA/NeMo v2.4.0,
 * nemo/core/optim/lr_scheduler.py:372-381, 648-667) — the warmup and hold of `WarmupHoldPolicy`,
 * then each group's initial lr decayed as `(base − minLr) · (1 − p)^power + minLr`,
 * `p = (step − holdEnd) / (maxSteps − max(warmupSteps, holdEnd))`, where `holdEnd` is
 * `warmupSteps + holdSteps` — and 0 when no hold is given, so that without a hold the decay counts
 * from step 0 (not from the warmup's end) and starts below the peak, as in NeMo; `cycle` then
 * restarts it when `step` passes `maxSteps − warmupSteps`. `minLr` past `maxSteps`.
 *
 * @since 0.2.0
 */
import { ScheduleError } from '../../core/errors.js'
import { type OptionsOf, define } from '../../internal/define.js'
import { holdArgs, holdEndOf, maxStepsArg, nemo, polyArgs, polyDecay, warmupArgs, warmupHoldPolicyLr, warmupOf } from './internal.js'

const args = {
  ...warmupArgs,
  ...holdArgs,
  maxSteps: maxStepsArg,
  ...polyArgs
}

/**
 * The definition of `nemo.PolynomialHoldDecayAnnealing`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const PolynomialHoldDecayAnnealing = define({
  type: 'nemo.PolynomialHoldDecayAnnealing',
  summary: "NeMo's polynomial decay to minLr after a linear warmup and a hold.",
  args,
  make: (a) => {
    const warmup = warmupOf(a, a.maxSteps)
    const holdEnd = holdEndOf(a, warmup, a.maxSteps)
    // _get_lr: _poly_decay(initial_lr, step - hold_steps, max_steps - max(warmup_steps, hold_steps), ...)
    const decaySteps = a.maxSteps - Math.max(warmup, holdEnd)
    // the decay is reached at step maxSteps when the hold ends there: decay_steps 0 divides by zero
    if (holdEnd === a.maxSteps && warmup < a.maxSteps)
      throw new ScheduleError(a.holdRatio === undefined ? 'holdSteps' : 'holdRatio', 'a hold ending before maxSteps (NeMo divides by decay_steps = 0 at maxSteps)', a.holdRatio ?? a.holdSteps)
    return nemo(
      warmupHoldPolicyLr(warmup, holdEnd, a.maxSteps, a.minLr, (step, base) => polyDecay(base, step - holdEnd, decaySteps, a.power, a.minLr, a.cycle))
    )
  }
})

/**
 * The arguments of `nemo.PolynomialHoldDecayAnnealing` (NeMo's in camelCase, with its defaults).
 *
 * @category model
 * @since 0.2.0
 */
export type PolynomialHoldDecayAnnealingOptions = OptionsOf<typeof args>

/**
 * NeMo's polynomial decay to minLr after a linear warmup and a hold.
 *
 * @example
 * import { nemo, trace } from 'lr-schedule'
 * // warmup (step + 1) / 2 to step 1, held at step 2, then 1 − (step − 3) / 4 to step 7
 * trace(nemo.polynomialHoldDecayAnnealing({ warmupSteps: 1, holdSteps: 2, maxSteps: 7 }), [1], 8).lr // [[0.5], [1], [1], [1], [0.75], [0.5], [0.25], [0], [0]]
 *
 * @category constructors
 * @since 0.2.0
 */
export const polynomialHoldDecayAnnealing = PolynomialHoldDecayAnnealing.make
