/**
 * `fairseq.step`: fairseq's `StepLRSchedule` (facebookresearch/fairseq v0.12.3,
 * fairseq/optim/lr_scheduler/step_lr_scheduler.py) — a linear warmup from `warmupInitLr` to
 * `lr[0]`, then `lr[0] · lrDecay^⌊(k − warmupUpdates) / lrDeacyPeriod⌋`, floored at `minLr`.
 * (`lrDeacyPeriod` is fairseq's field name, `lr_deacy_period`, as it spells it.)
 *
 * @since 0.2.0
 */
import { Finite, InRange, NonNegative, NonNegativeInteger, PositiveInteger } from '../../core/codec.js'
import { ScheduleError } from '../../core/errors.js'
import { type OptionsOf, define, withDefault } from '../../internal/define.js'
import { absolute, lrArg } from './internal.js'

const args = {
  warmupUpdates: withDefault(NonNegativeInteger, 'Updates of the linear warmup: an integer ≥ 0.', 0),
  warmupInitLr: withDefault(Finite, 'The lr of update 0 with a warmup: any finite number (negative: `minLr`).', -1),
  lr: lrArg('The max lr (greater than `minLr`): a list of numbers ≥ 0, of which fairseq reads the first.'),
  minLr: withDefault(NonNegative, 'The floor: a number ≥ 0.', 0.0),
  lrDeacyPeriod: withDefault(PositiveInteger, 'Updates between decays: an integer ≥ 1 (fairseq spells it lr_deacy_period).', 25000),
  lrDecay: withDefault(InRange(-Infinity, 1), 'Factor per period: a number ≤ 1.', 0.5)
}

/**
 * The definition of `fairseq.step`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const Step = define({
  type: 'fairseq.step',
  summary: "fairseq's step decay every lrDeacyPeriod updates after a linear warmup.",
  args,
  make: ({ warmupUpdates, warmupInitLr, lr, minLr, lrDeacyPeriod, lrDecay }) => {
    // StepLRSchedule.__init__ and step_update (step_lr_scheduler.py:38-80)
    const maxLr = lr[0] as number
    if (!(maxLr > minLr)) throw new ScheduleError('lr', `an lr greater than minLr = ${minLr} (fairseq asserts max_lr > min_lr)`, lr)
    const init = warmupInitLr >= 0 ? warmupInitLr : minLr
    const lrStep = warmupUpdates > 0 ? (maxLr - init) / warmupUpdates : 1
    return absolute((k) =>
      k < warmupUpdates ? init + k * lrStep : Math.max(maxLr * Math.pow(lrDecay, Math.floor((k - warmupUpdates) / lrDeacyPeriod)), minLr)
    )
  }
})

/**
 * The arguments of `fairseq.step` (fairseq's in camelCase, with its defaults).
 *
 * @category model
 * @since 0.2.0
 */
export type StepOptions = OptionsOf<typeof args>

/**
 * fairseq's step decay every lrDeacyPeriod updates after a linear warmup.
 *
 * @example
 * import { fairseq, trace } from 'lr-schedule'
 * trace(fairseq.step({ lr: [1], lrDeacyPeriod: 2 }), [1], 4).lr // [[1], [1], [0.5], [0.5], [0.25]]
 *
 * @category constructors
 * @since 0.2.0
 */
export const step = Step.make
