/**
 * keras.PiecewiseConstantDecay: Keras's `PiecewiseConstantDecay` — `values[0]` while
 * `step <= boundaries[0]`, `values[i]` while `boundaries[i-1] < step <= boundaries[i]`, and the last
 * value after the last boundary. A boundary b therefore takes effect at step b + 1 (PyTorch's
 * MultiStepLR changes the lr at step b). The value is absolute: every param group gets it.
 *
 * Keras compares the boundaries with the optimizer's integer step after casting them to its integer
 * type, so a fractional boundary is truncated towards zero (10.7 acts as 10, -0.5 as 0); that is
 * what this schedule does.
 *
 * @since 0.1.0
 */
import * as t from 'io-ts'
import { ArrayOf, Finite, schedulerConfig } from '../../core/codec.js'
import { ScheduleError } from '../../core/errors.js'
import type { Scheduler } from '../../core/model.js'
import { type EpochState, leaf } from '../../internal/leaf.js'
import { array, finite, nonEmptyArray } from '../../core/validate.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The JSON config of keras.PiecewiseConstantDecay (Keras's arguments). Arguments:
 * - `boundaries`: Steps after which the value changes: a non-empty, strictly increasing list of
 *   finite numbers (truncated to integers, as Keras casts them to the step's integer type).
 * - `values`: The values: finite numbers, one more than the boundaries.
 *
 * @example
 * import { keras } from 'lr-schedule'
 * keras.PiecewiseConstantDecayConfig.is({ type: 'keras.PiecewiseConstantDecay', boundaries: [100, 110], values: [1, 0.5, 0.1] }) // true
 *
 * @category model
 * @since 0.1.0
 */
export const PiecewiseConstantDecayConfig = schedulerConfig(
  'keras.PiecewiseConstantDecay',
  { boundaries: ArrayOf(Finite, { nonEmpty: true }), values: ArrayOf(Finite, { nonEmpty: true }) },
  {}
)

/**
 * The JSON config of keras.PiecewiseConstantDecay.
 *
 * @example
 * import type { keras } from 'lr-schedule'
 * const c: keras.PiecewiseConstantDecayConfig = { type: 'keras.PiecewiseConstantDecay', boundaries: [100, 110], values: [1, 0.5, 0.1] }
 *
 * @category model
 * @since 0.1.0
 */
export type PiecewiseConstantDecayConfig = t.TypeOf<typeof PiecewiseConstantDecayConfig>

/**
 * keras.PiecewiseConstantDecay's arguments: its config without `type`.
 *
 * @example
 * import type { keras } from 'lr-schedule'
 * const o: keras.PiecewiseConstantDecayOptions = { boundaries: [100, 110], values: [1, 0.5, 0.1] }
 *
 * @category model
 * @since 0.1.0
 */
export type PiecewiseConstantDecayOptions = Omit<PiecewiseConstantDecayConfig, 'type'>

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

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
export const piecewiseConstantDecay = (options: PiecewiseConstantDecayOptions): Scheduler<EpochState> => {
  const boundaries = nonEmptyArray<unknown>('boundaries', options.boundaries).map((b, i) => finite(`boundaries[${i}]`, b))
  boundaries.forEach((b, i) => {
    const previous = boundaries[i - 1]
    if (previous !== undefined && b <= previous)
      throw new ScheduleError(`boundaries[${i}]`, `a boundary > ${previous} (boundaries must increase strictly)`, b)
  })
  const values = array<unknown>('values', options.values).map((v, i) => finite(`values[${i}]`, v))
  if (values.length !== boundaries.length + 1)
    throw new ScheduleError(
      'values',
      `${boundaries.length + 1} values (one more than the ${boundaries.length} boundar${boundaries.length === 1 ? 'y' : 'ies'})`,
      values
    )
  // Keras casts the boundaries to the step's integer type (truncation towards zero)
  const cut = boundaries.map(Math.trunc)
  const value = (step: number): number => {
    let i = 0
    while (i < cut.length && step > (cut[i] as number)) i++
    // Keras sums indicator · value over the intervals, starting from 0: `0 + v` (a -0 becomes 0)
    return 0 + (values[i] as number)
  }
  return leaf({
    name: 'keras.PiecewiseConstantDecay',
    config: { boundaries, values },
    lr: (e) => value(e),
    closedForm: (e) => value(e)
  })
}
