/**
 * optax.piecewise_interpolate_schedule: interpolates (linearly or along half a cosine) between the
 * running products of the scales, from one boundary to the next; from the last boundary on, the
 * last product is held.
 *
 * @since 0.1.0
 */
import * as t from 'io-ts'
import { Finite, OneOf, schedulerConfig } from '../../core/codec.js'
import type { Scheduler } from '../../core/model.js'
import type { EpochState } from '../../internal/leaf.js'
import { finite, oneOf } from '../../core/validate.js'
import { BoundariesAndScales, boundariesAndScales, finiteProducts, optaxLeaf, piecewiseInterpolateFn } from './internal.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The JSON config of `optax.piecewise_interpolate_schedule` (optax's arguments in camelCase).
 * Arguments:
 * - `interpolateType`: `"linear"` or `"cosine"`.
 * - `initValue`: The value at step 0.
 * - `boundariesAndScales`: optax's `{step: scale}` dict as a JSON object (`{"100": 0.1}`): keys are
 *   integer steps, scales finite numbers >= 0; the value reaches `initValue` times the product of
 *   the scales up to a boundary at that boundary. Default none (a constant schedule).
 *
 * @example
 * import { optax } from 'lr-schedule'
 * optax.PiecewiseInterpolateScheduleConfig.is({ type: 'optax.piecewise_interpolate_schedule', interpolateType: 'linear', initValue: 1, boundariesAndScales: { '4': 0.1, '8': 0.1 } }) // true
 *
 * @category model
 * @since 0.1.0
 */
export const PiecewiseInterpolateScheduleConfig = schedulerConfig(
  'optax.piecewise_interpolate_schedule',
  { interpolateType: OneOf(['linear', 'cosine'] as const), initValue: Finite },
  { boundariesAndScales: BoundariesAndScales }
)

/**
 * The JSON config of `optax.piecewise_interpolate_schedule`.
 *
 * @example
 * import type { optax } from 'lr-schedule'
 * const c: optax.PiecewiseInterpolateScheduleConfig = { type: 'optax.piecewise_interpolate_schedule', interpolateType: 'cosine', initValue: 1, boundariesAndScales: { '100': 0.1 } }
 *
 * @category model
 * @since 0.1.0
 */
export type PiecewiseInterpolateScheduleConfig = t.TypeOf<typeof PiecewiseInterpolateScheduleConfig>

/**
 * The arguments of `piecewiseInterpolateSchedule`: its config without `type`.
 *
 * @example
 * import type { optax } from 'lr-schedule'
 * const o: optax.PiecewiseInterpolateScheduleOptions = { interpolateType: 'linear', initValue: 1, boundariesAndScales: { 4: 0.1, 8: 0.1 } }
 *
 * @category model
 * @since 0.1.0
 */
export type PiecewiseInterpolateScheduleOptions = Omit<PiecewiseInterpolateScheduleConfig, 'type'>

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * optax's `piecewise_interpolate_schedule`: between boundaries `b_i <= t < b_{i+1}` (with `b_0 = 0`)
 * the value goes from `v_i` to `v_{i+1}` (`v_i`: `initValue` times the first i scales) at
 * `pct = (t - b_i) / max(b_{i+1} - b_i, 1)`.
 *
 * @example
 * import { optax, trace } from 'lr-schedule'
 * trace(optax.piecewiseInterpolateSchedule({ interpolateType: 'linear', initValue: 1, boundariesAndScales: { 4: 0.5 } }), [1], 5).lr // [[1], [0.875], [0.75], [0.625], [0.5], [0.5]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const piecewiseInterpolateSchedule = (options: PiecewiseInterpolateScheduleOptions): Scheduler<EpochState> => {
  const interpolateType = oneOf('interpolateType', options.interpolateType, ['linear', 'cosine'] as const)
  const initValue = finite('initValue', options.initValue)
  const pairs = options.boundariesAndScales === undefined ? [] : boundariesAndScales('boundariesAndScales', options.boundariesAndScales)
  finiteProducts('boundariesAndScales', initValue, pairs)
  return optaxLeaf(
    'optax.piecewise_interpolate_schedule',
    { interpolateType, initValue, boundariesAndScales: Object.fromEntries(pairs.map(([b, s]) => [String(b), s])) },
    piecewiseInterpolateFn(interpolateType, initValue, pairs)
  )
}
