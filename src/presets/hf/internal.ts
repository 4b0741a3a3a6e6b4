/**
 * What the Hugging Face presets share. Every one of them but `reduce_lr_on_plateau` is a LambdaLR
 * in transformers (src/transformers/optimization.py): a multiplier λ(step) of each group's initial
 * lr, built here with `fromStep` as `initialLr · λ(e)` (reducer, closed form and fast path alike).
 *
 * Some of transformers' multipliers read the optimizer's default lr (`optimizer.defaults["lr"]`):
 * `polynomial` divides by it, `cosine_with_min_lr` and `cosine_warmup_with_min_lr` turn `min_lr` into
 * a rate with it. This library has no optimizer object; it takes the initial lr of the first param
 * group (PyTorch's idiom: the groups that do not set their own lr take the optimizer's, and the first
 * group usually is one of them; with one group, or with transformers' Trainer, whose groups all take
 * `learning_rate`, it is exact). `fromDefaultLr` builds those: the multiplier is fixed when the
 * scheduler is initialised, from the groups it is given (or, resuming, from the state's `baseLrs[0]`).
 *
 * @internal
 */
import { argument } from '../../core/codec.js'
import { ScheduleError } from '../../core/errors.js'
import { fromFirstGroupLr, fromStep } from '../../internal/builders.js'
import type { Body } from '../../internal/define.js'
import type { EpochState } from '../../internal/leaf.js'

/** A multiplier of the initial lr, as a function of the step (transformers' `lr_lambda`). */
export type Multiplier = (step: number) => number

/** An integer (of any sign): transformers' `int` arguments that are not step counts. */
export const Integer = argument('Integer', (path, v) => {
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw new ScheduleError(path, 'an integer', v)
  return v
})

/** transformers' linear warmup, `float(step) / float(max(1, num_warmup_steps))`. */
export const linearWarmup = (step: number, numWarmupSteps: number): number => step / Math.max(1, numWarmupSteps)

/** Python's float `x % 1.0` (the result takes the divisor's sign: in [0, 1), where JavaScript's `%` keeps the dividend's). */
export const pyMod1 = (x: number): number => {
  const m = x % 1.0
  return m !== 0 ? (m < 0 ? m + 1.0 : m) : 0
}

/** transformers' LambdaLR: every group's lr is its initial lr times `lambda(e)` (`base_lr * lmbda(self.last_epoch)`). */
export const fromLambda = (lambda: Multiplier): Body<EpochState> => fromStep({ lr: (e, base) => base * lambda(e) })

/**
 * A LambdaLR whose multiplier depends on the optimizer's default lr, taken as the first group's
 * initial lr: `lambdaFor(defaultLr, type)` checks that lr (throwing a `ScheduleError` naming the
 * argument it conflicts with) and returns the multiplier.
 *
 * A body of its own (on `fromReducer`) rather than `fromStep`: a step's lr there sees its own
 * group's initial lr, not the first group's. It runs the `fromLambda` of the default lr it finds
 * (when the groups are first seen; resuming, from the state's `baseLrs[0]`; in the closed form,
 * from the first initial lr), so the numbers are `fromLambda`'s.
 */
export const fromDefaultLr = (lambdaFor: (defaultLr: number, type: string) => Multiplier): Body<EpochState> =>
  fromFirstGroupLr((lr, type) => fromLambda(lambdaFor(lr, type)))

/**
 * transformers' `_get_cosine_schedule_with_warmup_lr_lambda` (the second of its two definitions,
 * the one both `get_cosine_schedule_with_warmup` and `get_cosine_with_min_lr_schedule_with_warmup`
 * call): a linear warmup from 0, then a cosine from 1 to `minLrRate`, clipped at 0.
 */
export const cosineMultiplier =
  (numWarmupSteps: number, numTrainingSteps: number, numCycles: number, minLrRate: number): Multiplier =>
  (step) => {
    if (step < numWarmupSteps) return linearWarmup(step, numWarmupSteps)
    const progress = (step - numWarmupSteps) / Math.max(1, numTrainingSteps - numWarmupSteps)
    let factor = 0.5 * (1.0 + Math.cos(Math.PI * numCycles * 2.0 * progress))
    factor = factor * (1 - minLrRate) + minLrRate
    return Math.max(0, factor)
  }

/**
 * transformers' `min_lr` / `min_lr_rate` pair (exactly one is given; each checked by its codec): the
 * LambdaLR of `multiplier(min_lr_rate)`, the rate being `minLrRate`, or `minLr` divided by the
 * optimizer's default lr (the first group's initial lr, known at init; rejected unless > 0: torch's
 * optimizers refuse a negative lr, 0 divides by zero).
 */
export const withMinLr = (
  floor: { readonly minLr?: number | undefined; readonly minLrRate?: number | undefined },
  multiplier: (minLrRate: number) => Multiplier
): Body<EpochState> => {
  const { minLr, minLrRate } = floor
  if (minLr !== undefined && minLrRate !== undefined)
    throw new ScheduleError('minLrRate', 'no value when minLr is given (transformers takes only one of min_lr and min_lr_rate)', minLrRate)
  if (minLrRate !== undefined) return fromLambda(multiplier(minLrRate))
  if (minLr === undefined)
    throw new ScheduleError('minLr', 'a finite number, or minLrRate (transformers requires one of min_lr and min_lr_rate)', minLr)
  return fromDefaultLr((defaultLr, type) => {
    if (!(defaultLr > 0))
      throw new ScheduleError(
        'groups[0].lr',
        `an initial lr > 0 (${type} divides minLr by the first group's initial lr, as transformers divides min_lr by the optimizer's lr; or give minLrRate)`,
        defaultLr
      )
    return multiplier(minLr / defaultLr)
  })
}
