/**
 * `fastai.SchedNo`: fastai's `SchedNo(start, end)` (fastai/callback/schedule.py, commit 5108887, `sched_no`)
 * as `ParamScheduler({'lr': SchedNo(start, end)})` sets it over a fit of `nEpoch` epochs of
 * `batchesPerEpoch` batches: the lr of every batch is `start` (`end` is taken and not read, as in fastai).
 *
 * @since 0.2.0
 */
import { type OptionsOf, define } from '../../internal/define.js'
import { annealerArgs, annealerBody, annealNo } from './internal.js'

const args = annealerArgs

/**
 * The definition of `fastai.SchedNo`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const SchedNo = define({
  type: 'fastai.SchedNo',
  summary: "fastai's constant schedule: start at every position.",
  args,
  make: (a) => annealerBody(a, annealNo)
})

/**
 * The arguments of `fastai.SchedNo` (fastai's, with the fit's length).
 *
 * @category model
 * @since 0.2.0
 */
export type SchedNoOptions = OptionsOf<typeof args>

/**
 * fastai's constant schedule: start at every position.
 *
 * @example
 * import { fastai, trace } from 'lr-schedule'
 * trace(fastai.schedNo({ start: 0.1, end: 2, nEpoch: 1, batchesPerEpoch: 3 }), [1], 2).lr // [[0.1], [0.1], [0.1]]
 *
 * @category constructors
 * @since 0.2.0
 */
export const schedNo = SchedNo.make
