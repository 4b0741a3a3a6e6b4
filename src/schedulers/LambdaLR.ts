/**
 * LambdaLR: sets each group's lr to its initial lr times `lrLambda(t)`.
 *
 * The functions live in the scheduler, never in its state (which is just the step counter), so a
 * checkpoint is plain JSON; rebuild the scheduler with the same functions to resume it.
 *
 * @since 0.1.0
 */
import * as t from 'io-ts'
import { FunctionNames, schedulerConfig } from '../core/codec.js'
import type { Scheduler } from '../core/model.js'
import { type EpochState, type LeafLr, leaf } from '../internal/leaf.js'
import { at, funcs, groupCount } from '../core/validate.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * A function of the step index.
 *
 * @example
 * import type { LrLambda } from 'lr-schedule'
 * const warmup: LrLambda = (t) => Math.min(1, (t + 1) / 10)
 *
 * @category model
 * @since 0.1.0
 */
export type LrLambda = (t: number) => number

/**
 * The JSON config of LambdaLR: `lrLambda` names a function (or one per group) that the caller
 * registers when decoding (see `decodeSchedule`).
 *
 * @example
 * import { LambdaLRConfig } from 'lr-schedule'
 * LambdaLRConfig.is({ type: 'LambdaLR', lrLambda: 'warmup' }) // true
 *
 * @category model
 * @since 0.1.0
 */
export const LambdaLRConfig = schedulerConfig('LambdaLR', { lrLambda: FunctionNames }, {})

/**
 * The JSON config of LambdaLR.
 *
 * @example
 * import type { LambdaLRConfig } from 'lr-schedule'
 * const c: LambdaLRConfig = { type: 'LambdaLR', lrLambda: ['warmup', 'decay'] }
 *
 * @category model
 * @since 0.1.0
 */
export type LambdaLRConfig = t.TypeOf<typeof LambdaLRConfig>

/**
 * LambdaLR's arguments: its config with functions in place of their names.
 *
 * @example
 * import type { LambdaLROptions } from 'lr-schedule'
 * const o: LambdaLROptions = { lrLambda: (t) => 0.95 ** t }
 *
 * @category model
 * @since 0.1.0
 */
export interface LambdaLROptions {
  /** One function for every group, or one per group. */
  readonly lrLambda: LrLambda | ReadonlyArray<LrLambda>
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * Sets the lr to `initialLr · lrLambda(t)`.
 *
 * @example
 * import { lambdaLR, trace } from 'lr-schedule'
 * trace(lambdaLR({ lrLambda: (t) => 1 / (t + 1) }), [1], 2).lr // [[1], [0.5], [0.3333333333333333]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const lambdaLR = (options: LambdaLROptions): Scheduler<EpochState> => {
  const fns = funcs<LrLambda>('lrLambda', options.lrLambda)
  const lr: LeafLr = (e, _lr, base, i) => base * at(fns, i)(e)
  return leaf({
    name: 'LambdaLR',
    config: { lrLambda: fns },
    checkGroups: (n) => groupCount('lrLambda', fns, n),
    lr,
    closedForm: (e, base, i) => base * at(fns, i)(e)
  })
}
