/**
 * CosineAnnealingLR: anneals the lr from its initial value to `etaMin` along half a cosine over
 * `tMax` steps. Past `tMax` it follows PyTorch and rises again (a cosine of period `2 · tMax`).
 *
 * @since 0.1.0
 */
import type { Scheduler } from '../Schedule.js'
import { type EpochState, leaf } from '../internal/leaf.js'
import { finite, positiveInteger, withDefault } from '../internal/validate.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * CosineAnnealingLR's arguments.
 *
 * @example
 * import type { CosineAnnealingLROptions } from 'lr-schedule'
 * const o: CosineAnnealingLROptions = { tMax: 100, etaMin: 1e-5 }
 *
 * @category model
 * @since 0.1.0
 */
export interface CosineAnnealingLROptions {
  /** Half period, in steps: a positive integer. */
  readonly tMax: number
  /** Minimum lr. Default 0. */
  readonly etaMin?: number
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * Anneals the lr along a cosine from its initial value to `etaMin` in `tMax` steps.
 *
 * @example
 * import { cosineAnnealingLR, trace } from 'lr-schedule'
 * trace(cosineAnnealingLR({ tMax: 2 }), [1], 2).lr // [[1], [0.5], [0]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const cosineAnnealingLR = (options: CosineAnnealingLROptions): Scheduler<EpochState> => {
  const tMax = positiveInteger('tMax', options.tMax)
  const etaMin = finite('etaMin', withDefault(options.etaMin, 0))
  return leaf({
    name: 'CosineAnnealingLR',
    // PyTorch's recursive form (its `_step_count == 1 and last_epoch > 0` branch only serves
    // construction with last_epoch > 0, which this library replaces by resuming from a state)
    lr: (e, lr, base, _i, initial) =>
      initial
        ? lr
        : (e - 1 - tMax) % (2 * tMax) === 0
          ? lr + ((base - etaMin) * (1 - Math.cos(Math.PI / tMax))) / 2
          : ((1 + Math.cos((Math.PI * e) / tMax)) / (1 + Math.cos((Math.PI * (e - 1)) / tMax))) * (lr - etaMin) + etaMin,
    closedForm: (e, base) => etaMin + ((base - etaMin) * (1 + Math.cos((Math.PI * e) / tMax))) / 2
  })
}
