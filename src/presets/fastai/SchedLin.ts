/**
 * `fastai.SchedLin`: fastai's `SchedLin(start, end)` (fastai/callback/schedule.py, commit 5108887, `sched_lin`)
 * as `ParamScheduler({'lr': SchedLin(start, end)})` sets it over a fit of `nEpoch` epochs of
 * `batchesPerEpoch` batches: the lr of batch k is `start + pos·(end − start)` at fastai's position `pos` of the batch (`pct_train`).
 *
 * @since 0.2.0
 */
import { type OptionsOf, define } from '../../internal/define.js'
import { annealerArgs, annealerBody, annealLin } from './internal.js'

const args = annealerArgs

/**
 * The definition of `fastai.SchedLin`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const SchedLin = define({
  type: 'fastai.SchedLin',
  summary: "fastai's linear annealing from start to end over the fit's positions.",
  args,
  make: (a) => annealerBody(a, annealLin)
})

/**
 * The arguments of `fastai.SchedLin` (fastai's, with the fit's length).
 *
 * @category model
 * @since 0.2.0
 */
export type SchedLinOptions = OptionsOf<typeof args>

/**
 * fastai's linear annealing from start to end over the fit's positions.
 *
 * @example
 * import { fastai, trace } from 'lr-schedule'
 * trace(fastai.schedLin({ start: 0, end: 2, nEpoch: 1, batchesPerEpoch: 4 }), [1], 3).lr // [[0], [0.5], [1], [1.5]]
 *
 * @category constructors
 * @since 0.2.0
 */
export const schedLin = SchedLin.make
