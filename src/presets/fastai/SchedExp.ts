/**
 * `fastai.SchedExp`: fastai's `SchedExp(start, end)` (fastai/callback/schedule.py, commit 5108887, `sched_exp`)
 * as `ParamScheduler({'lr': SchedExp(start, end)})` sets it over a fit of `nEpoch` epochs of
 * `batchesPerEpoch` batches: the lr of batch k is `start·(end/start)^pos` at fastai's position `pos` of the batch (`pct_train`). `start` 0 (a division by zero) and an `end` of the other sign than `start` (a negative number to a fractional power) are rejected.
 *
 * @since 0.2.0
 */
import { type OptionsOf, define } from '../../internal/define.js'
import { annealExp, annealerArgs, annealerBody, checkExp } from './internal.js'

const args = annealerArgs

/**
 * The definition of `fastai.SchedExp`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const SchedExp = define({
  type: 'fastai.SchedExp',
  summary: "fastai's exponential annealing from start to end over the fit's positions.",
  args,
  make: (a) => {
    checkExp(a.start, a.end, '')
    return annealerBody(a, annealExp)
  }
})

/**
 * The arguments of `fastai.SchedExp` (fastai's, with the fit's length).
 *
 * @category model
 * @since 0.2.0
 */
export type SchedExpOptions = OptionsOf<typeof args>

/**
 * fastai's exponential annealing from start to end over the fit's positions.
 *
 * @example
 * import { fastai, trace } from 'lr-schedule'
 * trace(fastai.schedExp({ start: 1, end: 4, nEpoch: 1, batchesPerEpoch: 2 }), [1], 1).lr // [[1], [2]]
 *
 * @category constructors
 * @since 0.2.0
 */
export const schedExp = SchedExp.make
