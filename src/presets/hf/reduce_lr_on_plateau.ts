/**
 * `hf.reduce_lr_on_plateau`: transformers' `get_reduce_on_plateau_schedule`
 * (src/transformers/optimization.py), which is PyTorch's ReduceLROnPlateau with the arguments given
 * (`lr_scheduler_kwargs`) and PyTorch's defaults — this library's ReduceLROnPlateau (its argument
 * table and reducer) under the hf type name, with the same numbers, state and checks.
 *
 * The metric: transformers' Trainer does not step this scheduler after training steps; it steps it
 * once per evaluation, with the evaluation's `metric_for_best_model` (default `eval_loss`). So a
 * trace row is an evaluation here, and `metrics[k]` is the metric of evaluation `k + 1`. The Trainer
 * does not derive `mode` from `greater_is_better`: the default stays `min`, so set `mode: "max"` for
 * an accuracy-like metric, as with transformers.
 *
 * @since 0.1.0
 */
import { fromReducer } from '../../internal/builders.js'
import { type OptionsOf, define } from '../../internal/define.js'
import { plateau, plateauArgs } from '../../schedulers/ReduceLROnPlateau.js'

/**
 * The definition of `hf.reduce_lr_on_plateau`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const ReduceLrOnPlateau = define({
  type: 'hf.reduce_lr_on_plateau',
  summary: "transformers' reduce-on-plateau schedule: PyTorch's ReduceLROnPlateau, stepped once per evaluation.",
  args: plateauArgs,
  make: (a) => fromReducer(plateau(a))
})

/**
 * The arguments of `hf.reduce_lr_on_plateau` (PyTorch's ReduceLROnPlateau's, with its defaults).
 *
 * @category model
 * @since 0.1.0
 */
export type ReduceLrOnPlateauOptions = OptionsOf<typeof plateauArgs>

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
export const reduceLrOnPlateau = (options: ReduceLrOnPlateauOptions = {}) => ReduceLrOnPlateau.make(options)
