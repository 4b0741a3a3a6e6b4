/**
 * timm's `StepLRScheduler` (timm/scheduler/step_lr.py; config `timm.step`): each group's base lr
 * times `decayRate` for every `decayT` steps completed (`base · decayRate^(t // decayT)`), after a
 * linear warmup, with seeded noise. Row 0 is what timm's constructor leaves; row k ≥ 1 the lr timm
 * sets for `t = k`.
 *
 * Unlike cosine, tanh and poly, `warmupPrefix` defaults to true: the decay counts its steps from
 * the end of the warmup. `decayT` may be fractional (timm takes a float and uses Python's floor
 * division). PyTorch's StepLR is the same curve without warmup (`decayT` = `stepSize`).
 *
 * @since 0.1.0
 */
import { Positive } from '../../core/codec.js'
import { type OptionsOf, define, required } from '../../internal/define.js'
import { decayArgs, decaySchedule, noiseArgs } from './common.js'

const args = { decayT: required(Positive, 'Steps between decays, > 0 (may be fractional, as timm takes a float).'), ...decayArgs, ...noiseArgs }

/** The definition of `timm.step`. @internal */
export const Step = define({
  type: 'timm.step',
  summary: "timm's step decay with warmup.",
  args,
  make: (a) => {
    const { decayT, decayRate } = a
    return decaySchedule('timm.step', a, (t, base) => base * Math.pow(decayRate, floorDiv(t, decayT)))
  }
})

/**
 * The arguments of `timm.step` (timm's `StepLRScheduler` arguments in camelCase, timm's defaults).
 *
 * @category model
 * @since 0.1.0
 */
export type StepOptions = OptionsOf<typeof args>

/**
 * timm's step decay with warmup.
 *
 * @example
 * import { timm, trace } from 'lr-schedule'
 * trace(timm.step({ decayT: 2, decayRate: 0.5 }), [1], 4).lr // [[1], [1], [0.5], [0.5], [0.25]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const step = Step.make

/**
 * Python's `a // b` for a >= 0 and b > 0 (CPython's float floor division: `(a − fmod(a, b)) / b`,
 * rounded to the nearest integer when within one half; `Math.floor(a / b)` differs, e.g. at
 * `1 // 0.1`, which is 9).
 *
 * @internal
 */
export const floorDiv = (a: number, b: number): number => {
  const mod = a % b
  const div = (a - mod) / b
  const floor = Math.floor(div)
  return div - floor > 0.5 ? floor + 1 : floor
}
