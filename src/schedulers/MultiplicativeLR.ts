/**
 * MultiplicativeLR: multiplies each group's lr by `lrLambda(t)` at every step.
 *
 * No closed form in general (it is a product over all past steps). At a `sequential` milestone
 * it follows PyTorch 2.13: it multiplies the current lr by `lrLambda(0)` rather than starting
 * over from the initial lr.
 *
 * @since 0.1.0
 */
import * as t from 'io-ts'
import { FunctionNames, schedulerConfig } from '../core/codec.js'
import type { Scheduler } from '../core/model.js'
import { type EpochState, type LeafLr, leaf } from '../internal/leaf.js'
import { at, funcs, groupCount } from '../core/validate.js'
import type { LrLambda } from './LambdaLR.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The JSON config of MultiplicativeLR: `lrLambda` names a function (or one per group) that the
 * caller registers when decoding (see `decodeSchedule`).
 *
 * @example
 * import { MultiplicativeLRConfig } from 'lr-schedule'
 * MultiplicativeLRConfig.is({ type: 'MultiplicativeLR', lrLambda: 'decay' }) // true
 *
 * @category model
 * @since 0.1.0
 */
export const MultiplicativeLRConfig = schedulerConfig('MultiplicativeLR', { lrLambda: FunctionNames }, {})

/**
 * The JSON config of MultiplicativeLR.
 *
 * @example
 * import type { MultiplicativeLRConfig } from 'lr-schedule'
 * const c: MultiplicativeLRConfig = { type: 'MultiplicativeLR', lrLambda: 'decay' }
 *
 * @category model
 * @since 0.1.0
 */
export type MultiplicativeLRConfig = t.TypeOf<typeof MultiplicativeLRConfig>

/**
 * MultiplicativeLR's arguments: its config with functions in place of their names.
 *
 * @example
 * import type { MultiplicativeLROptions } from 'lr-schedule'
 * const o: MultiplicativeLROptions = { lrLambda: () => 0.95 }
 *
 * @category model
 * @since 0.1.0
 */
export interface MultiplicativeLROptions {
  /** One function for every group, or one per group: the factor applied at step t. */
  readonly lrLambda: LrLambda | ReadonlyArray<LrLambda>
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * Multiplies the lr by `lrLambda(t)` at step t (not in the initial step).
 *
 * @example
 * import { multiplicativeLR, trace } from 'lr-schedule'
 * trace(multiplicativeLR({ lrLambda: () => 0.5 }), [1], 2).lr // [[1], [0.5], [0.25]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const multiplicativeLR = (options: MultiplicativeLROptions): Scheduler<EpochState> => {
  const fns = funcs<LrLambda>('lrLambda', options.lrLambda)
  const lr: LeafLr = (e, lr, _base, i, initial) => (initial ? lr : lr * at(fns, i)(e))
  return leaf({
    name: 'MultiplicativeLR',
    config: { lrLambda: fns },
    checkGroups: (n) => groupCount('lrLambda', fns, n),
    lr
  })
}
