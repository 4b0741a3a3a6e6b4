/**
 * `hf.warmup_stable_decay`: transformers' `get_wsd_schedule` — three phases: a warmup from
 * `minLrRatio` to 1 over `numWarmupSteps` (`linear`, `cosine` or `1-sqrt`), a stable phase at 1 for
 * `numStableSteps`, a decay from 1 to `minLrRatio` over `numDecaySteps` (`linear`, `cosine` or
 * `1-sqrt`); `minLrRatio` after that.
 *
 * The stable length is `numStableSteps`, or else `numTrainingSteps - numWarmupSteps - numDecaySteps`
 * (which may be negative, as in transformers: the decay then starts part-way, or the schedule ends
 * during the warmup). When both are given `numStableSteps` wins, as in transformers (which warns).
 * Unlike the other presets, the warmup starts at `minLrRatio`, not at 0.
 *
 * @since 0.1.0
 */
import * as t from 'io-ts'
import { Finite, NonNegativeInteger, OneOf, schedulerConfig } from '../../core/codec.js'
import { ScheduleError } from '../../core/errors.js'
import type { Scheduler } from '../../core/model.js'
import type { EpochState } from '../../internal/leaf.js'
import { finite, nonNegativeInteger, oneOf, withDefault } from '../../core/validate.js'
import { multiplierLeaf } from './internal.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

const shapes = ['linear', 'cosine', '1-sqrt'] as const

/**
 * The shape of a warmup or a decay: `linear`, `cosine` or `1-sqrt`.
 *
 * @example
 * import type { hf } from 'lr-schedule'
 * const s: hf.WsdShape = '1-sqrt'
 *
 * @category model
 * @since 0.1.0
 */
export type WsdShape = (typeof shapes)[number]

/**
 * The JSON config of `hf.warmup_stable_decay` (transformers' arguments in camelCase and defaults). Arguments:
 * - `numWarmupSteps`: Steps of the warmup: an integer >= 0 (required).
 * - `numDecaySteps`: Steps of the decay: an integer >= 0 (required).
 * - `numTrainingSteps`: All steps: sets the stable length when `numStableSteps` is absent (an integer >= 0).
 * - `numStableSteps`: Steps of the stable phase (an integer >= 0). One of the two is required.
 * - `warmupType`: `linear` (default), `cosine` or `1-sqrt`.
 * - `decayType`: `linear`, `cosine` (default) or `1-sqrt`.
 * - `minLrRatio`: The multiplier at the start of the warmup and the end of the decay: a finite number. Default 0.
 * - `numCycles`: Waves of the cosine decay: a finite number. Default 0.5.
 *
 * @example
 * import { hf } from 'lr-schedule'
 * hf.WarmupStableDecayConfig.is({ type: 'hf.warmup_stable_decay', numWarmupSteps: 100, numDecaySteps: 200, numTrainingSteps: 1000 }) // true
 *
 * @category model
 * @since 0.1.0
 */
export const WarmupStableDecayConfig = schedulerConfig(
  'hf.warmup_stable_decay',
  { numWarmupSteps: NonNegativeInteger, numDecaySteps: NonNegativeInteger },
  {
    numTrainingSteps: NonNegativeInteger,
    numStableSteps: NonNegativeInteger,
    warmupType: OneOf(shapes),
    decayType: OneOf(shapes),
    minLrRatio: Finite,
    numCycles: Finite
  }
)

/**
 * The JSON config of `hf.warmup_stable_decay`.
 *
 * @example
 * import type { hf } from 'lr-schedule'
 * const c: hf.WarmupStableDecayConfig = { type: 'hf.warmup_stable_decay', numWarmupSteps: 100, numDecaySteps: 200, numStableSteps: 700, decayType: '1-sqrt' }
 *
 * @category model
 * @since 0.1.0
 */
export type WarmupStableDecayConfig = t.TypeOf<typeof WarmupStableDecayConfig>

/**
 * The arguments of `hf.warmup_stable_decay`: its config without `type`.
 *
 * @example
 * import type { hf } from 'lr-schedule'
 * const o: hf.WarmupStableDecayOptions = { numWarmupSteps: 100, numDecaySteps: 200, numTrainingSteps: 1000 }
 *
 * @category model
 * @since 0.1.0
 */
export type WarmupStableDecayOptions = Omit<WarmupStableDecayConfig, 'type'>

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * transformers' warmup-stable-decay schedule.
 *
 * @example
 * import { hf, trace } from 'lr-schedule'
 * trace(hf.warmupStableDecay({ numWarmupSteps: 2, numStableSteps: 1, numDecaySteps: 2, decayType: 'linear' }), [1], 6).lr // [[0], [0.5], [1], [1], [0.5], [0], [0]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const warmupStableDecay = (options: WarmupStableDecayOptions): Scheduler<EpochState> => {
  const numWarmupSteps = nonNegativeInteger('numWarmupSteps', options.numWarmupSteps)
  const numDecaySteps = nonNegativeInteger('numDecaySteps', options.numDecaySteps)
  const numTrainingSteps = options.numTrainingSteps === undefined ? undefined : nonNegativeInteger('numTrainingSteps', options.numTrainingSteps)
  const given = options.numStableSteps === undefined ? undefined : nonNegativeInteger('numStableSteps', options.numStableSteps)
  if (numTrainingSteps === undefined && given === undefined)
    throw new ScheduleError('numStableSteps', 'an integer >= 0, or numTrainingSteps (transformers requires one of them)', undefined)
  const warmupType = oneOf('warmupType', withDefault(options.warmupType, 'linear'), shapes)
  const decayType = oneOf('decayType', withDefault(options.decayType, 'cosine'), shapes)
  const minLrRatio = finite('minLrRatio', withDefault(options.minLrRatio, 0))
  const numCycles = finite('numCycles', withDefault(options.numCycles, 0.5))
  const numStableSteps = given ?? (numTrainingSteps as number) - numWarmupSteps - numDecaySteps

  const config = {
    numWarmupSteps,
    numDecaySteps,
    ...(numTrainingSteps === undefined ? {} : { numTrainingSteps }),
    ...(given === undefined ? {} : { numStableSteps: given }),
    warmupType,
    decayType,
    minLrRatio,
    numCycles
  }
  // _get_wsd_scheduler_lambda
  return multiplierLeaf('hf.warmup_stable_decay', config, (step) => {
    if (step < numWarmupSteps) {
      const progress = step / Math.max(1, numWarmupSteps)
      let factor =
        warmupType === 'linear'
          ? progress
          : warmupType === 'cosine'
            ? 0.5 * (1.0 - Math.cos(Math.PI * progress))
            : 1.0 - Math.sqrt(1.0 - progress)
      factor = factor * (1.0 - minLrRatio) + minLrRatio
      return Math.max(0.0, factor)
    }
    if (step < numWarmupSteps + numStableSteps) return 1.0
    if (step < numWarmupSteps + numStableSteps + numDecaySteps) {
      const progress = (step - numWarmupSteps - numStableSteps) / Math.max(1, numDecaySteps)
      let factor =
        decayType === 'linear'
          ? 1.0 - progress
          : decayType === 'cosine'
            ? 0.5 * (1.0 + Math.cos(Math.PI * numCycles * 2.0 * progress))
            : 1.0 - Math.sqrt(progress)
      factor = factor * (1.0 - minLrRatio) + minLrRatio
      return Math.max(0.0, factor)
    }
    return minLrRatio
  })
}
