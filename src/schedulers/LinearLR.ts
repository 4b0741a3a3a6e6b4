/**
 * LinearLR: scales the lr by a factor that moves linearly from `startFactor` to `endFactor` over
 * `totalIters` steps (the usual warmup).
 *
 * @since 0.1.0
 */
import type { Scheduler } from '../Schedule.js'
import { type EpochState, leaf } from '../internal/leaf.js'
import { inRange, positiveInteger, withDefault } from '../internal/validate.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * LinearLR's arguments.
 *
 * @example
 * import type { LinearLROptions } from 'lr-schedule'
 * const o: LinearLROptions = { startFactor: 0.1, totalIters: 100 }
 *
 * @category model
 * @since 0.1.0
 */
export interface LinearLROptions {
  /** Factor at step 0, in (0, 1]. Default 1/3. */
  readonly startFactor?: number
  /** Factor from step `totalIters` on, in [0, 1]. Default 1. */
  readonly endFactor?: number
  /** Length of the ramp: a positive integer. Default 5. */
  readonly totalIters?: number
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * Ramps the lr's factor linearly from `startFactor` to `endFactor`.
 *
 * @example
 * import { linearLR, trace } from 'lr-schedule'
 * trace(linearLR({ startFactor: 0.5, endFactor: 1, totalIters: 2 }), [1], 3).lr // [[0.5], [0.75], [1], [1]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const linearLR = (options: LinearLROptions = {}): Scheduler<EpochState> => {
  const start = inRange('startFactor', withDefault(options.startFactor, 1 / 3), 0, 1, { lo: true })
  const end = inRange('endFactor', withDefault(options.endFactor, 1), 0, 1)
  const total = positiveInteger('totalIters', withDefault(options.totalIters, 5))
  return leaf({
    name: 'LinearLR',
    lr: (e, lr, _base, _i, initial) =>
      e === 0
        ? lr * start
        : initial || e > total
          ? lr
          : lr * (1.0 + (end - start) / (total * start + (e - 1) * (end - start))),
    closedForm: (e, base) => base * (start + ((end - start) * Math.min(total, e)) / total),
    multiplier: (e) => start + ((end - start) * Math.min(total, e)) / total
  })
}
