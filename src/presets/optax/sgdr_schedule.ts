/**
 * optax.sgdr_schedule: SGD with warm restarts: one `warmup_cosine_decay_schedule` per entry of
 * `cosineKwargs`, joined end to end (each cycle lasts its `decaySteps`, warmup included, and counts
 * its steps from its own start).
 *
 * Follows optax 0.2.8's `sgdr_schedule` (`optax/schedules/_schedule.py`), composed as optax
 * composes it: `join_schedules([warmup_cosine_decay_schedule(**kwargs), ...], boundaries[:-1])`
 * with the boundaries the running sums of the cycles' `decaySteps`.
 *
 * @since 0.1.0
 */
import * as t from 'io-ts'
import { ArrayOf, Finite, NonNegative } from '../../core/codec.js'
import { ScheduleError } from '../../core/errors.js'
import { type OptionsOf, define, required } from '../../internal/define.js'
import { Integer, type OptaxFn, type WarmupCosine, fromOptax, joinFn, kwargsCodec, warmupCosineFn } from './internal.js'

/** The codec of one cycle: the keyword arguments of `warmup_cosine_decay_schedule`. */
const CosineKwargs = kwargsCodec(
  'warmup_cosine_decay_schedule',
  { initValue: Finite, peakValue: Finite, warmupSteps: Integer, decaySteps: Integer },
  { endValue: Finite, exponent: NonNegative }
)

/**
 * One cycle of `optax.sgdr_schedule`: the arguments of `warmupCosineDecaySchedule` (`initValue`,
 * `peakValue`, `warmupSteps`, `decaySteps`, optional `endValue` 0 and `exponent` 1).
 *
 * @category model
 * @since 0.1.0
 */
export type CosineKwargs = t.TypeOf<typeof CosineKwargs>

const args = {
  cosineKwargs: required(
    ArrayOf(CosineKwargs, { nonEmpty: true }),
    'A non-empty array of cycles, each the arguments of `optax.warmup_cosine_decay_schedule` (`decaySteps > warmupSteps`).'
  )
}

/**
 * The definition of `optax.sgdr_schedule`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const SgdrSchedule = define({
  type: 'optax.sgdr_schedule',
  summary: 'SGD with warm restarts: warmup-cosine cycles joined end to end.',
  args,
  make: (p) => {
    // each cycle with warmup_cosine_decay_schedule's defaults (the config holds them)
    const cycles: ReadonlyArray<WarmupCosine> = p.cosineKwargs.map((kw) => ({
      initValue: kw.initValue,
      peakValue: kw.peakValue,
      warmupSteps: kw.warmupSteps,
      decaySteps: kw.decaySteps,
      endValue: kw.endValue ?? 0.0,
      exponent: kw.exponent ?? 1.0
    }))
    const fns: OptaxFn[] = []
    const boundaries: number[] = []
    let step = 0
    cycles.forEach((kw, i) => {
      fns.push(warmupCosineFn(`cosineKwargs[${i}].`, kw))
      step += kw.decaySteps
      boundaries.push(step)
    })
    if (!Number.isSafeInteger(step)) throw new ScheduleError('cosineKwargs', 'cycles whose decaySteps add up to a safe integer', step)
    return fromOptax(joinFn(fns, boundaries.slice(0, -1)), { cosineKwargs: cycles })
  }
})

/**
 * The arguments of `sgdrSchedule` (optax's, in camelCase).
 *
 * @category model
 * @since 0.1.0
 */
export type SgdrScheduleOptions = OptionsOf<typeof args>

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
export const sgdrSchedule = SgdrSchedule.make
