/**
 * `fastai.SchedCos`: fastai's `SchedCos(start, end)` (fastai/callback/schedule.py, commit 5108887, `sched_cos`)
 * as `ParamScheduler({'lr': SchedCos(start, end)})` sets it over a fit of `nEpoch` epochs of
 * `batchesPerEpoch` batches: the lr of batch k is `start + (1 + cos(π·(1 − pos)))·(end − start)/2` at fastai's position `pos` of the batch (`pct_train`).
 *
 * @since 0.2.0
 */
import { type OptionsOf, define } from '../../internal/define.js'
import { annealerArgs, annealerBody, annealCos } from './internal.js'

const args = annealerArgs

/**
 * The definition of `fastai.SchedCos`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const SchedCos = define({
  type: 'fastai.SchedCos',
  summary: "fastai's cosine annealing from start to end over the fit's positions.",
  args,
  make: (a) => annealerBody(a, annealCos)
})

/**
 * The arguments of `fastai.SchedCos` (fastai's, with the fit's length).
 *
 * @category model
 * @since 0.2.0
 */
export type SchedCosOptions = OptionsOf<typeof args>

/**
 * fastai's cosine annealing from start to end over the fit's positions.
 *
 * @example
 * import { fastai, trace } from 'lr-schedule'
 * trace(fastai.schedCos({ start: 0, end: 2, nEpoch: 1, batchesPerEpoch: 2 }), [1], 1).lr // [[0], [1]]
 *
 * @category constructors
 * @since 0.2.0
 */
export const schedCos = SchedCos.make
