/**
 * optax.piecewise_interpolate_schedule: interpolates (linearly or along half a cosine) between the
 * running products of the scales, from one boundary to the next; from the last boundary on, the
 * last product is held.
 *
 * Follows optax 0.2.8's `piecewise_interpolate_schedule` (`optax/schedules/_schedule.py`).
 *
 * @since 0.1.0
 */
import { Finite, OneOf } from '../../core/codec.js'
import { type OptionsOf, define, required, withDefault } from '../../internal/define.js'
import { BoundariesAndScales, finiteProducts, fromOptax, objectOf, pairsOf, piecewiseInterpolateFn } from './internal.js'

const args = {
  interpolateType: required(OneOf(['linear', 'cosine'] as const), '`"linear"` or `"cosine"`.'),
  initValue: required(Finite, 'The value at step 0.'),
  boundariesAndScales: withDefault(
    BoundariesAndScales,
    "optax's `{step: scale}` dict as a JSON object (`{\"100\": 0.1}`): at a boundary, the value is `initValue` times the scales up to it (none: a constant schedule).",
    {}
  )
}

/**
 * The definition of `optax.piecewise_interpolate_schedule`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const PiecewiseInterpolateSchedule = define({
  type: 'optax.piecewise_interpolate_schedule',
  summary: 'Interpolates, linearly or along half a cosine, between the running products of the scales at the boundaries.',
  args,
  make: (p) => {
    const pairs = pairsOf(p.boundariesAndScales)
    finiteProducts('boundariesAndScales', p.initValue, pairs)
    return fromOptax(piecewiseInterpolateFn(p.interpolateType, p.initValue, pairs), { boundariesAndScales: objectOf(pairs) })
  }
})

/**
 * The arguments of `piecewiseInterpolateSchedule` (optax's, in camelCase).
 *
 * @category model
 * @since 0.1.0
 */
export type PiecewiseInterpolateScheduleOptions = OptionsOf<typeof args>

/**
 * optax's `piecewise_interpolate_schedule`.
 *
 * @example
 * import { optax, trace } from 'lr-schedule'
 * trace(optax.piecewiseInterpolateSchedule({ interpolateType: 'linear', initValue: 1, boundariesAndScales: { 4: 0.5 } }), [1], 5).lr // [[1], [0.875], [0.75], [0.625], [0.5], [0.5]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const piecewiseInterpolateSchedule = PiecewiseInterpolateSchedule.make
