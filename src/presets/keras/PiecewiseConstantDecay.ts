/**
 * keras.PiecewiseConstantDecay: `values[0]` while `step <= boundaries[0]`, `values[i]` while
 * `boundaries[i-1] < step <= boundaries[i]`, and the last value after the last boundary. A boundary
 * b therefore takes effect at step b + 1 (PyTorch's MultiStepLR changes the lr at step b). The value
 * is absolute: every param group gets it.
 *
 * Follows Keras 3's `keras.optimizers.schedules.PiecewiseConstantDecay`
 * (keras/src/optimizers/schedules/learning_rate_schedule.py). Keras compares the boundaries with the
 * optimizer's integer step after casting them to its integer type, so a fractional boundary is
 * truncated towards zero (10.7 acts as 10, -0.5 as 0); that is what this schedule does.
 *
 * @since 0.1.0
 */
import { ArrayOf, Finite } from '../../core/codec.js'
import { ScheduleError } from '../../core/errors.js'
import { type OptionsOf, define, required } from '../../internal/define.js'
import { fromStep } from '../../internal/builders.js'

const args = {
  boundaries: required(
    ArrayOf(Finite, { nonEmpty: true }),
    'Steps after which the value changes: strictly increasing (truncated to integers, as Keras casts them to the step\'s integer type).'
  ),
  values: required(ArrayOf(Finite, { nonEmpty: true }), 'The values, finite numbers: one more than the boundaries.')
}

/**
 * The definition of keras.PiecewiseConstantDecay (Keras's arguments).
 *
 * @category definitions
 * @since 0.2.0
 */
export const PiecewiseConstantDecay = define({
  type: 'keras.PiecewiseConstantDecay',
  summary: "Keras's PiecewiseConstantDecay: a constant value between boundaries, changing after each boundary.",
  args,
  make: ({ boundaries, values }) => {
    boundaries.forEach((b, i) => {
      const previous = boundaries[i - 1]
      if (previous !== undefined && b <= previous)
        throw new ScheduleError(`boundaries[${i}]`, `a boundary > ${previous} (boundaries must increase strictly)`, b)
    })
    const n = boundaries.length
    if (values.length !== n + 1)
      throw new ScheduleError('values', `${n + 1} values (one more than the ${n} boundar${n === 1 ? 'y' : 'ies'})`, values)
    // Keras casts the boundaries to the step's integer type (truncation towards zero)
    const cut = boundaries.map(Math.trunc)
    const vs = [...values]
    return fromStep({ lr: (e) => value(cut, vs, e) })
  }
})

/**
 * keras.PiecewiseConstantDecay's arguments.
 *
 * @category model
 * @since 0.1.0
 */
export type PiecewiseConstantDecayOptions = OptionsOf<typeof args>

/**
 * Keras's PiecewiseConstantDecay: a constant value between boundaries, changing after each boundary.
 *
 * @example
 * import { keras, trace } from 'lr-schedule'
 * trace(keras.piecewiseConstantDecay({ boundaries: [1, 2], values: [1, 0.5, 0.25] }), [0.1], 3).lr // [[1], [1], [0.5], [0.25]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const piecewiseConstantDecay = PiecewiseConstantDecay.make

const value = (cut: ReadonlyArray<number>, values: ReadonlyArray<number>, step: number): number => {
  let i = 0
  while (i < cut.length && step > (cut[i] as number)) i++
  // Keras sums indicator · value over the intervals, starting from 0: `0 + v` (a -0 becomes 0)
  return 0 + (values[i] as number)
}
