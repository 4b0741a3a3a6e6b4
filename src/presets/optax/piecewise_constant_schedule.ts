/**
 * optax.piecewise_constant_schedule: `initValue`, multiplied by the scale of every boundary reached
 * (a boundary `b` applies from step `b` on, as in PyTorch's MultiStepLR).
 *
 * @since 0.1.0
 */
import * as t from 'io-ts'
import { Finite, schedulerConfig } from '../../core/codec.js'
import type { Scheduler } from '../../core/model.js'
import type { EpochState } from '../../internal/leaf.js'
import { finite } from '../../core/validate.js'
import { BoundariesAndScales, boundariesAndScales, finiteProducts, optaxLeaf, piecewiseConstantFn } from './internal.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The JSON config of `optax.piecewise_constant_schedule` (optax's arguments in camelCase).
 * Arguments:
 * - `initValue`: The value before the first boundary.
 * - `boundariesAndScales`: optax's `{step: scale}` dict as a JSON object (`{"100": 0.1, "200": 0.1}`):
 *   keys are integer steps, scales finite numbers >= 0 (optax rejects negative ones), applied in
 *   step order; the running products must stay finite. Default none (a constant schedule).
 *
 * @example
 * import { optax } from 'lr-schedule'
 * optax.PiecewiseConstantScheduleConfig.is({ type: 'optax.piecewise_constant_schedule', initValue: 1, boundariesAndScales: { '100': 0.1, '200': 0.1 } }) // true
 *
 * @category model
 * @since 0.1.0
 */
export const PiecewiseConstantScheduleConfig = schedulerConfig(
  'optax.piecewise_constant_schedule',
  { initValue: Finite },
  { boundariesAndScales: BoundariesAndScales }
)

/**
 * The JSON config of `optax.piecewise_constant_schedule`.
 *
 * @example
 * import type { optax } from 'lr-schedule'
 * const c: optax.PiecewiseConstantScheduleConfig = { type: 'optax.piecewise_constant_schedule', initValue: 1, boundariesAndScales: { '100': 0.1 } }
 *
 * @category model
 * @since 0.1.0
 */
export type PiecewiseConstantScheduleConfig = t.TypeOf<typeof PiecewiseConstantScheduleConfig>

/**
 * The arguments of `piecewiseConstantSchedule`: its config without `type`.
 *
 * @example
 * import type { optax } from 'lr-schedule'
 * const o: optax.PiecewiseConstantScheduleOptions = { initValue: 1, boundariesAndScales: { 100: 0.1, 200: 0.1 } }
 *
 * @category model
 * @since 0.1.0
 */
export type PiecewiseConstantScheduleOptions = Omit<PiecewiseConstantScheduleConfig, 'type'>

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * optax's `piecewise_constant_schedule`: the value at step t is `initValue` times the scales of
 * every boundary `<= t`.
 *
 * @example
 * import { optax, trace } from 'lr-schedule'
 * trace(optax.piecewiseConstantSchedule({ initValue: 1, boundariesAndScales: { 1: 0.5, 3: 0.5 } }), [1], 4).lr // [[1], [0.5], [0.5], [0.25], [0.25]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const piecewiseConstantSchedule = (options: PiecewiseConstantScheduleOptions): Scheduler<EpochState> => {
  const initValue = finite('initValue', options.initValue)
  const pairs = options.boundariesAndScales === undefined ? [] : boundariesAndScales('boundariesAndScales', options.boundariesAndScales)
  finiteProducts('boundariesAndScales', initValue, pairs)
  return optaxLeaf(
    'optax.piecewise_constant_schedule',
    { initValue, boundariesAndScales: Object.fromEntries(pairs.map(([b, s]) => [String(b), s])) },
    piecewiseConstantFn(initValue, pairs)
  )
}
