/**
 * optax.sgdr_schedule: SGD with warm restarts, as optax builds it: one
 * `warmup_cosine_decay_schedule` per entry of `cosineKwargs`, joined end to end (each cycle lasts
 * its `decaySteps`, warmup included, and counts its steps from its own start).
 *
 * @since 0.1.0
 */
import * as t from 'io-ts'
import { ArrayOf, Finite, NonNegative, schedulerConfig } from '../../core/codec.js'
import { ScheduleError } from '../../core/errors.js'
import type { Scheduler } from '../../core/model.js'
import type { EpochState } from '../../internal/leaf.js'
import { finite, nonNegative, withDefault } from '../../core/validate.js'
import {
  Integer,
  type OptaxFn,
  checkAlpha,
  checkDecayAfterWarmup,
  checkSpan,
  integer,
  joinFn,
  kwargs,
  kwargsCodec,
  optaxLeaf,
  warmupCosineDecayFn
} from './internal.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * One cycle of `optax.sgdr_schedule`: the keyword arguments of `warmup_cosine_decay_schedule`
 * (`initValue`, `peakValue`, `warmupSteps`, `decaySteps`, optional `endValue` 0 and `exponent` 1).
 *
 * @example
 * import { optax } from 'lr-schedule'
 * optax.CosineKwargs.is({ initValue: 0, peakValue: 0.1, warmupSteps: 10, decaySteps: 100 }) // true
 *
 * @category model
 * @since 0.1.0
 */
export const CosineKwargs = kwargsCodec(
  'warmup_cosine_decay_schedule',
  { initValue: Finite, peakValue: Finite, warmupSteps: Integer, decaySteps: Integer },
  { endValue: Finite, exponent: NonNegative }
)

/**
 * One cycle of `optax.sgdr_schedule`.
 *
 * @example
 * import type { optax } from 'lr-schedule'
 * const k: optax.CosineKwargs = { initValue: 0, peakValue: 0.1, warmupSteps: 10, decaySteps: 100 }
 *
 * @category model
 * @since 0.1.0
 */
export type CosineKwargs = t.TypeOf<typeof CosineKwargs>

/**
 * The JSON config of `optax.sgdr_schedule` (optax's arguments in camelCase). Arguments:
 * - `cosineKwargs`: A non-empty array of cycles, each the arguments of
 *   `optax.warmup_cosine_decay_schedule` (`decaySteps > warmupSteps`).
 *
 * @example
 * import { optax } from 'lr-schedule'
 * optax.SgdrScheduleConfig.is({ type: 'optax.sgdr_schedule', cosineKwargs: [{ initValue: 0, peakValue: 0.1, warmupSteps: 10, decaySteps: 100 }] }) // true
 *
 * @category model
 * @since 0.1.0
 */
export const SgdrScheduleConfig = schedulerConfig('optax.sgdr_schedule', { cosineKwargs: ArrayOf(CosineKwargs, { nonEmpty: true }) }, {})

/**
 * The JSON config of `optax.sgdr_schedule`.
 *
 * @example
 * import type { optax } from 'lr-schedule'
 * const c: optax.SgdrScheduleConfig = { type: 'optax.sgdr_schedule', cosineKwargs: [{ initValue: 0, peakValue: 0.1, warmupSteps: 10, decaySteps: 100 }] }
 *
 * @category model
 * @since 0.1.0
 */
export type SgdrScheduleConfig = t.TypeOf<typeof SgdrScheduleConfig>

/**
 * The arguments of `sgdrSchedule`: its config without `type`.
 *
 * @example
 * import type { optax } from 'lr-schedule'
 * const o: optax.SgdrScheduleOptions = { cosineKwargs: [{ initValue: 0, peakValue: 0.1, warmupSteps: 10, decaySteps: 100 }] }
 *
 * @category model
 * @since 0.1.0
 */
export type SgdrScheduleOptions = Omit<SgdrScheduleConfig, 'type'>

const KEYS = ['initValue', 'peakValue', 'warmupSteps', 'decaySteps', 'endValue', 'exponent'] as const

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * optax's `sgdr_schedule`.
 *
 * @example
 * import { optax, trace } from 'lr-schedule'
 * const s = optax.sgdrSchedule({ cosineKwargs: [
 *   { initValue: 1, peakValue: 1, warmupSteps: 0, decaySteps: 2 },
 *   { initValue: 0, peakValue: 0.5, warmupSteps: 1, decaySteps: 3 }
 * ] })
 * trace(s, [1], 6).lr // [[1], [0.5], [0], [0.5], [0.25], [0], [0]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const sgdrSchedule = (options: SgdrScheduleOptions): Scheduler<EpochState> => {
  const list: unknown = options.cosineKwargs
  if (!Array.isArray(list) || list.length === 0)
    throw new ScheduleError('cosineKwargs', 'a non-empty array of cycles (the arguments of warmup_cosine_decay_schedule)', list)
  const cycles: CosineKwargs[] = []
  const fns: OptaxFn[] = []
  const boundaries: number[] = []
  let step = 0
  list.forEach((x: unknown, i) => {
    const p = `cosineKwargs[${i}]`
    const kw = kwargs(p, x, KEYS, 'warmup_cosine_decay_schedule')
    const initValue = finite(`${p}.initValue`, kw['initValue'])
    const peakValue = finite(`${p}.peakValue`, kw['peakValue'])
    const warmupSteps = integer(`${p}.warmupSteps`, kw['warmupSteps'])
    const decaySteps = integer(`${p}.decaySteps`, kw['decaySteps'])
    const endValue = finite(`${p}.endValue`, withDefault(kw['endValue'], 0.0))
    const exponent = nonNegative(`${p}.exponent`, withDefault(kw['exponent'], 1.0))
    checkDecayAfterWarmup(`${p}.decaySteps`, decaySteps, warmupSteps)
    checkSpan(`${p}.peakValue`, initValue, peakValue, warmupSteps, ['initValue', 'peakValue'])
    checkAlpha(`${p}.endValue`, peakValue, endValue)
    cycles.push({ initValue, peakValue, warmupSteps, decaySteps, endValue, exponent })
    fns.push(warmupCosineDecayFn(initValue, peakValue, warmupSteps, decaySteps, endValue, exponent))
    step += decaySteps
    boundaries.push(step)
  })
  if (!Number.isSafeInteger(step))
    throw new ScheduleError('cosineKwargs', 'cycles whose decaySteps add up to a safe integer', step)
  return optaxLeaf('optax.sgdr_schedule', { cosineKwargs: cycles }, joinFn(fns, boundaries.slice(0, -1)))
}
