/**
 * `hf.reduce_lr_on_plateau`: transformers' `get_reduce_on_plateau_schedule`, which is PyTorch's
 * ReduceLROnPlateau with the arguments given (`lr_scheduler_kwargs`) and PyTorch's defaults — built
 * on this library's `reduceLROnPlateau`, with the same numbers, state and checks.
 *
 * The metric: transformers' Trainer does not step this scheduler after training steps; it steps it
 * once per evaluation, with the evaluation's `metric_for_best_model` (default `eval_loss`). So a
 * trace row is an evaluation here, and `metrics[k]` is the metric of evaluation `k + 1`. The Trainer
 * does not derive `mode` from `greater_is_better`: the default stays `min`, so set `mode: "max"` for
 * an accuracy-like metric, as with transformers.
 *
 * @since 0.1.0
 */
import * as t from 'io-ts'
import { schedulerConfig } from '../../core/codec.js'
import type { Scheduler } from '../../core/model.js'
import { type PlateauState, plateau, plateauArgs } from '../../schedulers/ReduceLROnPlateau.js'
import { define } from '../../internal/define.js'
import { fromReducer } from '../../internal/builders.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The JSON config of `hf.reduce_lr_on_plateau` (PyTorch's ReduceLROnPlateau arguments in camelCase,
 * PyTorch's defaults, as transformers passes them through). Arguments:
 * - `mode`: `min`: lower metrics are better (default); `max`: higher ones.
 * - `factor`: The lr's factor at each reduction, in [0, 1). Default 0.1.
 * - `patience`: Bad evaluations tolerated before a reduction (reduces after `patience + 1`): an integer >= 0. Default 10.
 * - `threshold`: How much better a metric must be to count as an improvement, >= 0. Default 1e-4.
 * - `thresholdMode`: `rel` (a fraction of the best, default) or `abs`.
 * - `cooldown`: Evaluations to wait after a reduction before counting bad ones again: an integer >= 0. Default 0.
 * - `minLr`: Lower bound of the lr (per group), >= 0. Default 0.
 * - `eps`: Reductions smaller than this are skipped, >= 0. Default 1e-8.
 *
 * @example
 * import { hf } from 'lr-schedule'
 * hf.ReduceLrOnPlateauConfig.is({ type: 'hf.reduce_lr_on_plateau', patience: 2 }) // true
 *
 * @category model
 * @since 0.1.0
 */
const HfPlateau = define({
  type: 'hf.reduce_lr_on_plateau',
  summary: "transformers' reduce-on-plateau schedule: PyTorch's ReduceLROnPlateau, stepped once per evaluation.",
  args: plateauArgs,
  make: (a) => fromReducer(plateau(a))
})
export const ReduceLrOnPlateauConfig = HfPlateau.codec

/**
 * The JSON config of `hf.reduce_lr_on_plateau`.
 *
 * @example
 * import type { hf } from 'lr-schedule'
 * const c: hf.ReduceLrOnPlateauConfig = { type: 'hf.reduce_lr_on_plateau', mode: 'max', factor: 0.5, patience: 2 }
 *
 * @category model
 * @since 0.1.0
 */
export type ReduceLrOnPlateauConfig = t.TypeOf<typeof ReduceLrOnPlateauConfig>

/**
 * The arguments of `hf.reduce_lr_on_plateau`: its config without `type`.
 *
 * @example
 * import type { hf } from 'lr-schedule'
 * const o: hf.ReduceLrOnPlateauOptions = { factor: 0.5, patience: 2 }
 *
 * @category model
 * @since 0.1.0
 */
export type ReduceLrOnPlateauOptions = Omit<ReduceLrOnPlateauConfig, 'type'>

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * transformers' reduce-on-plateau schedule: PyTorch's ReduceLROnPlateau, stepped once per evaluation.
 *
 * @example
 * import { hf, trace } from 'lr-schedule'
 * trace(hf.reduceLrOnPlateau({ patience: 1, factor: 0.5 }), [1], 4, [3, 3, 3, 3]).lr // [[1], [1], [1], [0.5], [0.5]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const reduceLrOnPlateau = (options: ReduceLrOnPlateauOptions = {}): Scheduler<PlateauState> => {
  return HfPlateau.make(options)
}
