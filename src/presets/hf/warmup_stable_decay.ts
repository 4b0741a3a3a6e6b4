/**
 * `hf.warmup_stable_decay`: transformers' `get_wsd_schedule` (src/transformers/optimization.py) —
 * three phases: a warmup from `minLrRatio` to 1 over `numWarmupSteps` (`linear`, `cosine` or
 * `1-sqrt`), a stable phase at 1 for `numStableSteps`, a decay from 1 to `minLrRatio` over
 * `numDecaySteps` (`linear`, `cosine` or `1-sqrt`); `minLrRatio` after that.
 *
 * The stable length is `numStableSteps`, or else `numTrainingSteps - numWarmupSteps - numDecaySteps`
 * (which may be negative, as in transformers: the decay then starts part-way, or the schedule ends
 * during the warmup). When both are given `numStableSteps` wins, as in transformers (which warns).
 * Unlike the other presets, the warmup starts at `minLrRatio`, not at 0.
 *
 * @since 0.1.0
 */
import { Finite, NonNegativeInteger, OneOf } from '../../core/codec.js'
import { ScheduleError } from '../../core/errors.js'
import { type OptionsOf, define, optional, required, withDefault } from '../../internal/define.js'
import { fromLambda } from './internal.js'

const shapes = ['linear', 'cosine', '1-sqrt'] as const

/**
 * The shape of a warmup or a decay: `linear`, `cosine` or `1-sqrt`.
 *
 * @category model
 * @since 0.1.0
 */
export type WsdShape = (typeof shapes)[number]

const args = {
  numWarmupSteps: required(NonNegativeInteger, 'Steps of the warmup from `minLrRatio`: an integer ≥ 0.'),
  numDecaySteps: required(NonNegativeInteger, 'Steps of the decay to `minLrRatio`: an integer ≥ 0.'),
  numTrainingSteps: optional(NonNegativeInteger, 'All steps: the stable length is then `numTrainingSteps − numWarmupSteps − numDecaySteps` (used when `numStableSteps` is absent).'),
  numStableSteps: optional(NonNegativeInteger, 'Steps of the stable phase (this or `numTrainingSteps` is required).'),
  warmupType: withDefault(OneOf(shapes), 'The shape of the warmup: `linear`, `cosine` or `1-sqrt`.', 'linear'),
  decayType: withDefault(OneOf(shapes), 'The shape of the decay: `linear`, `cosine` or `1-sqrt`.', 'cosine'),
  minLrRatio: withDefault(Finite, 'The multiplier at the start of the warmup and the end of the decay.', 0),
  numCycles: withDefault(Finite, 'Waves of the cosine decay (`decayType` `cosine`; 0.5: down to `minLrRatio`).', 0.5)
}

/**
 * The definition of `hf.warmup_stable_decay`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const WarmupStableDecay = define({
  type: 'hf.warmup_stable_decay',
  summary: "transformers' warmup-stable-decay schedule.",
  args,
  make: ({ numWarmupSteps, numDecaySteps, numTrainingSteps, numStableSteps: given, warmupType, decayType, minLrRatio, numCycles }) => {
    if (numTrainingSteps === undefined && given === undefined)
      throw new ScheduleError('numStableSteps', 'an integer >= 0, or numTrainingSteps (transformers requires one of them)', undefined)
    const numStableSteps = given ?? (numTrainingSteps as number) - numWarmupSteps - numDecaySteps
    // _get_wsd_scheduler_lambda
    return fromLambda((step) => {
      if (step < numWarmupSteps) {
        const progress = step / Math.max(1, numWarmupSteps)
        let factor =
          warmupType === 'linear' ? progress : warmupType === 'cosine' ? 0.5 * (1.0 - Math.cos(Math.PI * progress)) : 1.0 - Math.sqrt(1.0 - progress)
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
})

/**
 * The arguments of `hf.warmup_stable_decay` (transformers' in camelCase, with its defaults).
 *
 * @category model
 * @since 0.1.0
 */
export type WarmupStableDecayOptions = OptionsOf<typeof args>

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
export const warmupStableDecay = WarmupStableDecay.make
