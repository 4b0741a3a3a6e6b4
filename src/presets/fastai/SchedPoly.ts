/**
 * `fastai.SchedPoly`: fastai's `SchedPoly(start, end, power)` (fastai/callback/schedule.py, commit
 * 5108887, `SchedPoly`'s `_inner`) as `ParamScheduler({'lr': SchedPoly(start, end, power)})` sets
 * it over a fit of `nEpoch` epochs of `batchesPerEpoch` batches: the lr of batch k is `start +
 * (end − start)·pos^power` at fastai's position `pos` of the batch (`pct_train`). A negative
 * `power` is rejected (fastai raises 0 to it at the first batch: a ZeroDivisionError).
 *
 * @since 0.2.0
 */
import { NonNegative } from '../../core/codec.js'
import { type OptionsOf, define, required } from '../../internal/define.js'
import { annealPoly, annealerArgs, annealerBody } from './internal.js'

const args = {
  ...annealerArgs,
  power: required(NonNegative, 'The exponent of the position: a number ≥ 0 (fastai raises the first position, 0, to it).')
}

/**
 * The definition of `fastai.SchedPoly`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const SchedPoly = define({
  type: 'fastai.SchedPoly',
  summary: "fastai's polynomial annealing from start to end over the fit's positions.",
  args,
  make: (a) => annealerBody(a, (start, end) => annealPoly(start, end, a.power))
})

/**
 * The arguments of `fastai.SchedPoly` (fastai's, with the fit's length).
 *
 * @category model
 * @since 0.2.0
 */
export type SchedPolyOptions = OptionsOf<typeof args>

/**
 * fastai's polynomial annealing from start to end over the fit's positions.
 *
 * @example
 * import { fastai, trace } from 'lr-schedule'
 * trace(fastai.schedPoly({ start: 0, end: 2, power: 2, nEpoch: 1, batchesPerEpoch: 4 }), [1], 3).lr // [[0], [0.125], [0.5], [1.125]]
 *
 * @category constructors
 * @since 0.2.0
 */
export const schedPoly = SchedPoly.make
