/**
 * `fairseq.triangular`: fairseq's `TriangularLRSchedule` (facebookresearch/fairseq v0.12.3,
 * fairseq/optim/lr_scheduler/triangular_lr_scheduler.py) — triangular cycles between `lr[0]` and
 * `maxLr` (CLR, Smith 2017), `lrPeriodUpdates` long, `maxLr` (and, with `shrinkMin`, `lr[0]`)
 * shrunk by `lrShrink` per cycle. The half period is `lrPeriodUpdates // 2`.
 *
 * @since 0.2.0
 */
import { Bool, Finite, InRange, NonNegative } from '../../core/codec.js'
import { ScheduleError } from '../../core/errors.js'
import { type OptionsOf, define, required, withDefault } from '../../internal/define.js'
import { absolute, lrArg, singleLr } from './internal.js'

const args = {
  maxLr: required(NonNegative, 'The top of the first cycle (greater than `lr[0]`): a number ≥ 0.'),
  lrPeriodUpdates: withDefault(InRange(2, Infinity), 'Updates of a cycle: a number ≥ 2 (its half, `lrPeriodUpdates // 2`, divides).', 5000),
  lrShrink: withDefault(Finite, 'Factor of the top per cycle: any finite number.', 0.1),
  shrinkMin: withDefault(Bool, 'Whether the bottom shrinks too.', false),
  lr: lrArg('The bottom of the cycles: a one-entry list of numbers ≥ 0.')
}

/**
 * The definition of `fairseq.triangular`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const Triangular = define({
  type: 'fairseq.triangular',
  summary: "fairseq's triangular cycles between lr and maxLr, shrinking per cycle.",
  args,
  make: ({ maxLr, lrPeriodUpdates, lrShrink, shrinkMin, lr }) => {
    // TriangularLRSchedule.__init__ and step_update (triangular_lr_scheduler.py:43-80)
    const minLr = singleLr(lr, 'triangular')
    if (!(maxLr > minLr)) throw new ScheduleError('maxLr', `a number greater than lr[0] = ${minLr} (fairseq asserts max_lr > lr)`, maxLr)
    const stepsize = Math.floor(lrPeriodUpdates / 2)
    return absolute((k) => {
      const cycle = Math.floor(k / (2 * stepsize))
      const shrink = Math.pow(lrShrink, cycle)
      const hi = maxLr * shrink
      const lo = shrinkMin ? minLr * shrink : minLr
      const x = Math.abs(k / stepsize - 2 * (cycle + 1) + 1)
      return lo + (hi - lo) * Math.max(0, 1 - x)
    })
  }
})

/**
 * The arguments of `fairseq.triangular` (fairseq's in camelCase, with its defaults).
 *
 * @category model
 * @since 0.2.0
 */
export type TriangularOptions = OptionsOf<typeof args>

/**
 * fairseq's triangular cycles between lr and maxLr, shrinking per cycle.
 *
 * @example
 * import { fairseq, trace } from 'lr-schedule'
 * trace(fairseq.triangular({ lr: [0], maxLr: 1, lrPeriodUpdates: 4, lrShrink: 0.5 }), [1], 6).lr // [[0], [0.5], [1], [0.5], [0], [0.25], [0.5]]
 *
 * @category constructors
 * @since 0.2.0
 */
export const triangular = Triangular.make
