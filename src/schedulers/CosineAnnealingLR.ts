/**
 * CosineAnnealingLR: anneals the lr from its initial value to `etaMin` along half a cosine over
 * `tMax` steps. Past `tMax` it follows PyTorch and rises again (a cosine of period `2 · tMax`).
 *
 * @since 0.1.0
 */
import * as t from 'io-ts'
import { Finite, PositiveInteger, schedulerConfig } from '../config/codec.js'
import type { Scheduler } from '../Schedule.js'
import { type EpochState, type LeafLr, leaf } from '../internal/leaf.js'
import { finite, positiveInteger, withDefault } from '../internal/validate.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The JSON config of CosineAnnealingLR (PyTorch's arguments in camelCase, PyTorch's defaults): the codec
 * is the single source of the config's type and of `CosineAnnealingLROptions`. Arguments:
 * - `tMax`: Half period, in steps: a positive integer.
 * - `etaMin`: Minimum lr. Default 0.
 *
 * @example
 * import { CosineAnnealingLRConfig } from 'lr-schedule'
 * CosineAnnealingLRConfig.is({ type: 'CosineAnnealingLR', tMax: 100, etaMin: 1e-5 }) // true
 *
 * @category model
 * @since 0.1.0
 */
export const CosineAnnealingLRConfig = schedulerConfig('CosineAnnealingLR', { tMax: PositiveInteger }, { etaMin: Finite })

/**
 * The JSON config of CosineAnnealingLR.
 *
 * @example
 * import type { CosineAnnealingLRConfig } from 'lr-schedule'
 * const c: CosineAnnealingLRConfig = { type: 'CosineAnnealingLR', tMax: 100, etaMin: 1e-5 }
 *
 * @category model
 * @since 0.1.0
 */
export type CosineAnnealingLRConfig = t.TypeOf<typeof CosineAnnealingLRConfig>

/**
 * CosineAnnealingLR's arguments: its config without `type` (see `CosineAnnealingLRConfig`).
 *
 * @example
 * import type { CosineAnnealingLROptions } from 'lr-schedule'
 * const o: CosineAnnealingLROptions = { tMax: 100, etaMin: 1e-5 }
 *
 * @category model
 * @since 0.1.0
 */
export type CosineAnnealingLROptions = Omit<CosineAnnealingLRConfig, 'type'>

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
  // PyTorch's recursive form (its `_step_count == 1 and last_epoch > 0` branch only serves
  // construction with last_epoch > 0, which this library replaces by resuming from a state)
  const lr: LeafLr = (e, lr, base, _i, initial) =>
    initial
      ? lr
      : (e - 1 - tMax) % (2 * tMax) === 0
        ? lr + ((base - etaMin) * (1 - Math.cos(Math.PI / tMax))) / 2
        : ((1 + Math.cos((Math.PI * e) / tMax)) / (1 + Math.cos((Math.PI * (e - 1)) / tMax))) * (lr - etaMin) + etaMin
  return leaf({
    name: 'CosineAnnealingLR',
    config: { tMax, etaMin },
    lr,
    stepAll: (e, lrs, bases) => {
      for (let i = 0; i < lrs.length; i++) lrs[i] = lr(e, lrs[i] as number, bases[i] as number, i, false)
    },
    closedForm: (e, base) => etaMin + ((base - etaMin) * (1 + Math.cos((Math.PI * e) / tMax))) / 2
  })
}
