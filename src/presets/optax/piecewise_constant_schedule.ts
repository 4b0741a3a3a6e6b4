/**
 * optax.piecewise_constant_schedule: `initValue`, multiplied by the scale of every boundary reached
 * (a boundary `b` applies from step `b` on, as in PyTorch's MultiStepLR).
 *
 * Follows optax 0.2.8's `piecewise_constant_schedule` (`optax/schedules/_schedule.py`).
 *
 * @since 0.1.0
 */
import { Finite } from '../../core/codec.js'
import { type OptionsOf, define, required, withDefault } from '../../internal/define.js'
import { BoundariesAndScales, finiteProducts, fromOptax, objectOf, pairsOf, piecewiseConstantFn } from './internal.js'

const args = {
  initValue: required(Finite, 'The value before the first boundary.'),
  boundariesAndScales: withDefault(
    BoundariesAndScales,
    "optax's `{step: scale}` dict as a JSON object (`{\"100\": 0.1}`; in TypeScript `{ 100: 0.1 }`): integer steps, scales finite numbers >= 0, applied in step order (none: a constant schedule).",
    {}
  )
}

/**
 * The definition of `optax.piecewise_constant_schedule`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const PiecewiseConstantSchedule = define({
  type: 'optax.piecewise_constant_schedule',
  summary: '`initValue` multiplied by the scale of every boundary reached.',
  args,
  make: (p) => {
    const pairs = pairsOf(p.boundariesAndScales)
    // the running products must stay finite
    finiteProducts('boundariesAndScales', p.initValue, pairs)
    return fromOptax(piecewiseConstantFn(p.initValue, pairs), { boundariesAndScales: objectOf(pairs) })
  }
})

/**
 * The arguments of `piecewiseConstantSchedule` (optax's, in camelCase).
 *
 * @category model
 * @since 0.1.0
 */
export type PiecewiseConstantScheduleOptions = OptionsOf<typeof args>

/**
 * optax's `piecewise_constant_schedule`.
 *
 * @example
 * import { optax, trace } from 'lr-schedule'
 * trace(optax.piecewiseConstantSchedule({ initValue: 1, boundariesAndScales: { 1: 0.5, 3: 0.5 } }), [1], 4).lr // [[1], [0.5], [0.5], [0.25], [0.25]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const piecewiseConstantSchedule = PiecewiseConstantSchedule.make
