/**
 * timm's `MultiStepLRScheduler` (timm/scheduler/multistep_lr.py; config `timm.multistep`): each
 * group's base lr times `decayRate` for every milestone `b` in `decayT` with `b <= t + 1` (timm's
 * `bisect_right(decay_t, t + 1)`), after a linear warmup, with seeded noise. Row 0 is what timm's
 * constructor leaves; row k ≥ 1 the lr timm sets for `t = k`.
 *
 * A milestone `b` applies at step `b − 1`, one step earlier than PyTorch's MultiStepLR (at `b`);
 * a milestone listed twice decays twice. `warmupPrefix` defaults to true: the milestones count
 * from the end of the warmup.
 *
 * @since 0.1.0
 */
import { ArrayOf, NonNegativeInteger } from '../../core/codec.js'
import { ScheduleError } from '../../core/errors.js'
import { bisectRight } from '../../internal/bisect.js'
import { type OptionsOf, define, required } from '../../internal/define.js'
import { decayArgs, decaySchedule, noiseArgs } from './common.js'

const args = {
  decayT: required(ArrayOf(NonNegativeInteger), 'The milestones: integers ≥ 0 in non-decreasing order (timm bisects them); milestone `b` applies at step `b − 1`.'),
  ...decayArgs,
  ...noiseArgs
}

/** The definition of `timm.multistep`. @internal */
export const Multistep = define({
  type: 'timm.multistep',
  summary: "timm's multi-step decay with warmup: milestone `b` applies at step `b − 1`.",
  args,
  make: (a) => {
    const decayT = [...a.decayT]
    decayT.forEach((b, i) => {
      if (i > 0 && b < (decayT[i - 1] as number))
        throw new ScheduleError(`decayT[${i}]`, `a milestone >= ${decayT[i - 1]} (milestones must not decrease: timm bisects them)`, b)
    })
    const { decayRate } = a
    // timm: decay_rate ** bisect_right(decay_t, t + 1), the milestones <= t + 1
    return decaySchedule('timm.multistep', a, (t, base) => base * Math.pow(decayRate, bisectRight(decayT, t + 1)))
  }
})

/**
 * The arguments of `timm.multistep` (timm's `MultiStepLRScheduler` arguments in camelCase, timm's defaults).
 *
 * @category model
 * @since 0.1.0
 */
export type MultistepOptions = OptionsOf<typeof args>

/**
 * timm's multi-step decay with warmup: milestone `b` applies at step `b − 1`.
 *
 * @example
 * import { timm, trace } from 'lr-schedule'
 * trace(timm.multistep({ decayT: [2, 4], decayRate: 0.5 }), [1], 4).lr // [[1], [0.5], [0.5], [0.25], [0.25]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const multistep = Multistep.make
