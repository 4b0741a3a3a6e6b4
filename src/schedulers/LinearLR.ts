/**
 * LinearLR: scales the lr by a factor that moves linearly from `startFactor` to `endFactor` over
 * `totalIters` steps (the usual warmup).
 *
 * @since 0.1.0
 */
import * as t from 'io-ts'
import { InRange, PositiveInteger, schedulerConfig } from '../core/codec.js'
import type { Scheduler } from '../core/model.js'
import { type Clock, type EpochState, leaf } from '../internal/leaf.js'
import { inRange, positiveInteger, withDefault } from '../core/validate.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The JSON config of LinearLR (PyTorch's arguments in camelCase, PyTorch's defaults): the codec
 * is the single source of the config's type and of `LinearLROptions`. Arguments:
 * - `startFactor`: Factor at step 0, in (0, 1]. Default 1/3.
 * - `endFactor`: Factor from step `totalIters` on, in [0, 1]. Default 1.
 * - `totalIters`: Length of the ramp: a positive integer. Default 5.
 *
 * @example
 * import { LinearLRConfig } from 'lr-schedule'
 * LinearLRConfig.is({ type: 'LinearLR', startFactor: 0.1, totalIters: 100 }) // true
 *
 * @category model
 * @since 0.1.0
 */
export const LinearLRConfig = schedulerConfig('LinearLR', {}, {
    startFactor: InRange(0, 1, { lo: true }),
    endFactor: InRange(0, 1),
    totalIters: PositiveInteger
  })

/**
 * The JSON config of LinearLR.
 *
 * @example
 * import type { LinearLRConfig } from 'lr-schedule'
 * const c: LinearLRConfig = { type: 'LinearLR', startFactor: 0.1, totalIters: 100 }
 *
 * @category model
 * @since 0.1.0
 */
export type LinearLRConfig = t.TypeOf<typeof LinearLRConfig>

/**
 * LinearLR's arguments: its config without `type` (see `LinearLRConfig`).
 *
 * @example
 * import type { LinearLROptions } from 'lr-schedule'
 * const o: LinearLROptions = { startFactor: 0.1, totalIters: 100 }
 *
 * @category model
 * @since 0.1.0
 */
export type LinearLROptions = Omit<LinearLRConfig, 'type'>

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
  const p: Plan = { startFactor: start, endFactor: end, totalIters: total }
  return leaf({
    name: 'LinearLR',
    config: p,
    lr: (e, lr, _base, _i, initial) => (e === 0 ? lr * start : initial ? lr : lr * factor(p, e)),
    factors: (clock) => (factors, at, count) => fastFactors(p, clock, factors, at, count),
    closedForm: (e, base) => base * (start + ((end - start) * Math.min(total, e)) / total),
    multiplier: (e) => start + ((end - start) * Math.min(total, e)) / total
  })
}

// -------------------------------------------------------------------------------------
// utils
// -------------------------------------------------------------------------------------

type Plan = Required<LinearLROptions>

// torch: the lr times 1 + (end - start) / (total * start + (last_epoch - 1) * (end - start)) up to
// total_iters, the lr after: the factor of a step (e ≥ 1) that multiplies every group's lr. A function of the scheduler's numbers, at module level: V8 compiles (and inlines) it once for every
// LinearLR (see Fast in internal/leaf.ts)
const factor = (p: Plan, e: number): number =>
  e > p.totalIters ? 1 : 1.0 + (p.endFactor - p.startFactor) / (p.totalIters * p.startFactor + (e - 1) * (p.endFactor - p.startFactor))
// the fast path: the factors of the next `count` steps, into `factors` from `at` (see FastFactors in internal/leaf.ts)
const fastFactors = (p: Plan, clock: Clock, factors: Float64Array, at: number, count: number): void => {
  for (let j = 0; j < count; j++) factors[at + j] = factor(p, ++clock.e)
}
