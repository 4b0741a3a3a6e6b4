/**
 * `nemo.CosineAnnealing`: NeMo's `CosineAnnealing` (NVIDIA/NeMo v2.4.0,
 * nemo/core/optim/lr_scheduler.py:228-325 `WarmupAnnealHoldPolicy`, 342-369, 422-470) — two
 * schedules in one class:
 *
 * - `constantSteps` 0 (the default): NeMo's warmup `(step + 1) / (warmupSteps + 1)` of each
 *   group's initial lr, then a cosine from it to `minLr` over `maxSteps − warmupSteps` steps, and
 *   `minLr` past `maxSteps`;
 * - `constantSteps` > 0 (`_linear_warmup_with_cosine_annealing`, Megatron's): a warmup
 *   `step / warmupSteps` (row 0 at 0), a cosine over `maxSteps − constantSteps − warmupSteps`
 *   steps, then `minLr` — all computed from the FIRST group's initial lr and set in every group
 *   (NeMo issues #10582, #11149).
 *
 * @since 0.2.0
 */
import { NonNegative, NonNegativeInteger } from '../../core/codec.js'
import { ScheduleError } from '../../core/errors.js'
import { fromFirstGroupLr } from '../../internal/builders.js'
import { type OptionsOf, define, optional } from '../../internal/define.js'
import { maxStepsArg, minLrArg, nemo, stepsOrRatio, warmupArgs, warmupLr, warmupOf } from './internal.js'

const args = {
  ...warmupArgs,
  constantSteps: optional(
    NonNegativeInteger,
    'Steps at `minLr` before `maxSteps`: an integer ≥ 0 (exclusive with `constantRatio`; > 0 switches to the Megatron schedule of the first group\'s lr).'
  ),
  constantRatio: optional(NonNegative, 'The constant steps as a fraction of `maxSteps`: `int(constantRatio · maxSteps)`; a number ≥ 0 (exclusive with `constantSteps`).'),
  maxSteps: maxStepsArg,
  minLr: minLrArg(0, 'The end of the cosine and the lr past `maxSteps` (absolute, the same in every group): a number ≥ 0.')
}

/**
 * The definition of `nemo.CosineAnnealing`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const CosineAnnealing = define({
  type: 'nemo.CosineAnnealing',
  summary: "NeMo's cosine decay to minLr after a linear warmup (Megatron's warmup and one lr for all groups with constantSteps).",
  args,
  make: (a) => {
    const { maxSteps, minLr } = a
    const warmup = warmupOf(a, maxSteps)
    const constant = stepsOrRatio(['constantSteps', 'constantRatio'], a.constantSteps, a.constantRatio, maxSteps)
    // WarmupAnnealHoldPolicy.__init__ (lr_scheduler.py:274)
    const decay = maxSteps - (constant + warmup)
    if (constant > 0 && warmup === 0 && decay === 0)
      throw new ScheduleError('constantSteps', `below maxSteps − warmupSteps without a warmup (NeMo divides by decay_steps = 0 at step 0)`, constant)

    // _linear_warmup_with_cosine_annealing (lr_scheduler.py:348-369), of the first group's lr
    const megatron = (step: number, maxLr: number): number => {
      if (warmup > 0 && step <= warmup) return (maxLr * step) / warmup
      if (step > warmup + decay) return minLr
      const decayRatio = (step - warmup) / decay
      const coeff = 0.5 * (Math.cos(Math.PI * decayRatio) + 1.0)
      return minLr + coeff * (maxLr - minLr)
    }
    // _cosine_annealing(initial_lr, step - warmup, max_steps - warmup, min_lr) (lr_scheduler.py:342-345)
    const cosine = (step: number, base: number): number => {
      const s = step - warmup
      const m = maxSteps - warmup
      const mult = 0.5 * (1 + Math.cos((Math.PI * s) / m))
      return (base - minLr) * mult + minLr
    }
    if (constant === 0)
      // WarmupAnnealHoldPolicy.get_lr (lr_scheduler.py:298-321) with constant_steps 0
      return nemo((step, base) => {
        if (warmup > 0 && step <= warmup) return warmupLr(step, base, warmup)
        if (step > maxSteps) return minLr
        return cosine(step, base)
      })
    return fromFirstGroupLr((first) => {
      // `assert max_lr > min_lr` in _linear_warmup_with_cosine_annealing: NeMo fails in its constructor
      if (!(first > minLr)) throw new ScheduleError('minLr', `below the first group's initial lr ${first} (NeMo asserts max_lr > min_lr with constantSteps)`, minLr)
      // get_lr (lr_scheduler.py:310-321): warmup, constant (past warmup + decay: min_lr), past max_steps, the cosine
      return nemo((step) => {
        if (warmup > 0 && step <= warmup) return megatron(step, first)
        if (warmup + decay < step && step <= maxSteps) return megatron(step, first)
        if (step > maxSteps) return minLr
        return megatron(step, first)
      })
    })
  }
})

/**
 * The arguments of `nemo.CosineAnnealing` (NeMo's in camelCase, with its defaults).
 *
 * @category model
 * @since 0.2.0
 */
export type CosineAnnealingOptions = OptionsOf<typeof args>

/**
 * NeMo's cosine decay to minLr after a linear warmup (Megatron's warmup and one lr for all groups with constantSteps).
 *
 * @example
 * import { nemo, trace } from 'lr-schedule'
 * // warmup (step + 1) / 2 at step 0 and 1, then 0.5 · (1 + cos(π · (step − 1) / 2)): 0.5 at step 2, 0 at step 3
 * trace(nemo.cosineAnnealing({ warmupSteps: 1, maxSteps: 3 }), [1], 4).lr // [[0.5], [1], [0.5], [0], [0]]
 *
 * @category constructors
 * @since 0.2.0
 */
export const cosineAnnealing = CosineAnnealing.make
