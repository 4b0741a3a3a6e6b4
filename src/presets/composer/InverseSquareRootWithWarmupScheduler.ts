/**
 * `composer.InverseSquareRootWithWarmupScheduler`: LLM Foundry's ComposerScheduler (`inv_sqrt_with_warmup`):
 * t / tWarmup during the warmup, then alphaFDecay + (1 − alphaFDecay) / √((t − tWarmup + tScale) / tScale),
 * then a linear cooldown over tCooldown to alphaFCooldown, ending at tMax.
 *
 * mosaicml/llm-foundry at 8c8dd48f (main; composer 0.32), llmfoundry/optim/scheduler.py,
 * `InverseSquareRootWithWarmupScheduler` (lines 39-168), on Composer v0.32.1's time strings, facts and
 * rows as internal.ts says (row 0 = λ(batch 0) at construction, row k = λ(k − 1)).
 *
 * @since 0.2.0
 */
import { ScheduleError } from '../../core/errors.js'
import { Finite } from '../../core/codec.js'
import { type OptionsOf, define, required, withDefault } from '../../internal/define.js'
import { TimeString, composer, convert, factArgs, finite, parseTime, pyMin } from './internal.js'

const args = {
  tWarmup: required(TimeString, 'The warmup: a time string in the unit of maxDuration (not dur).'),
  tScale: required(TimeString, 'The time scale of the decay: a time string in the unit of maxDuration (not dur), at least 1 batch once converted.'),
  tCooldown: required(TimeString, 'The linear cooldown before tMax: a time string in the unit of maxDuration (not dur).'),
  tMax: withDefault(TimeString, 'The end of the schedule (the cooldown ends there): a time string.', '1dur'),
  alphaFDecay: withDefault(Finite, 'The multiplier the inverse square root decays to at infinite time: a finite number, at least alphaFCooldown.', 0.0),
  alphaFCooldown: withDefault(Finite, 'The multiplier the cooldown ends at: a finite number, at most alphaFDecay.', 0.0),
  ...factArgs
}

/**
 * The definition of `composer.InverseSquareRootWithWarmupScheduler`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const InverseSquareRootWithWarmupSchedulerDef = define({
  type: 'composer.InverseSquareRootWithWarmupScheduler',
  summary: "LLM Foundry's linear warmup, inverse square root decay to alphaFDecay and linear cooldown to alphaFCooldown.",
  args,
  make: ({ tWarmup, tScale, tCooldown, tMax, alphaFDecay, alphaFCooldown, ...facts }) => {
    // __init__ (scheduler.py:82-106): the alphas' order, no dur times
    if (alphaFDecay < alphaFCooldown)
      throw new ScheduleError('alphaFDecay', `at least alphaFCooldown (${alphaFCooldown}; LLM Foundry: "Required: alpha_f_decay >= alpha_f_cooldown")`, alphaFDecay)
    const unit = parseTime('maxDuration', facts.maxDuration).unit
    for (const [path, s] of [['tWarmup', tWarmup], ['tScale', tScale], ['tCooldown', tCooldown]] as const) {
      const u = parseTime(path, s).unit
      if (u === 'dur') throw new ScheduleError(path, 'a time not in dur (LLM Foundry: "cannot be in units of dur")', s)
      // __call__ (scheduler.py:110-121): _raise_if_units_dont_match
      if (u !== unit) throw new ScheduleError(path, `a time in the unit of maxDuration (${unit}; LLM Foundry: "must match max_duration unit")`, s)
    }
    finite('alphaFCooldown', alphaFCooldown - alphaFDecay, alphaFCooldown)
    return composer(facts, (ctx, ssr) => {
      // __call__ (scheduler.py:123-168): the warmup's phase and slope without ssr, the rest with it
      const tw = convert(ctx, 'tWarmup', tWarmup, 1.0)
      const ts = convert(ctx, 'tScale', tScale, ssr)
      if (!(ts > 0)) throw new ScheduleError('tScale', `a time that is at least 1 batch once converted (${JSON.stringify(tScale)} is ${ts} batches at ${ctx.when}; LLM Foundry divides by it)`, tScale)
      const tc = convert(ctx, 'tCooldown', tCooldown, ssr)
      const end = convert(ctx, 'tMax', tMax, ssr)
      const shift = ts - tw
      const start = end - tc < tw ? tw : end - tc
      const decay = (t: number): number => alphaFDecay + (1 / ((t + shift) / ts) ** 0.5) * (1.0 - alphaFDecay)
      const alphaI = decay(start)
      return (t) => {
        if (t < tw) return pyMin(1.0, t / tw) * 1.0
        if (t < start) return decay(t)
        if (tc === 0) return alphaI
        return alphaI + pyMin(1.0, (t - start) / tc) * (alphaFCooldown - alphaI)
      }
    })
  }
})

/**
 * The arguments of `composer.InverseSquareRootWithWarmupScheduler` (LLM Foundry's in camelCase, with its defaults, and the trainer's facts).
 *
 * @category model
 * @since 0.2.0
 */
export type InverseSquareRootWithWarmupSchedulerOptions = OptionsOf<typeof args>

/**
 * LLM Foundry's linear warmup, inverse square root decay to alphaFDecay and linear cooldown to alphaFCooldown.
 *
 * @example
 * import { composer, trace } from 'lr-schedule'
 * trace(composer.inverseSquareRootWithWarmupScheduler({ tWarmup: '1ba', tScale: '1ba', tCooldown: '0ba', maxDuration: '4ba' }), [1], 3).lr // [[0], [0], [1], [0.7071067811865475]]
 *
 * @category constructors
 * @since 0.2.0
 */
export const inverseSquareRootWithWarmupScheduler = InverseSquareRootWithWarmupSchedulerDef.make
