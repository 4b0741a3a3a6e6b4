/**
 * What the DeepSpeed presets share. DeepSpeed's schedulers (deepspeedai/DeepSpeed v0.19.5,
 * deepspeed/runtime/lr_schedules.py) keep `last_batch_iteration`, −1 when built; the constructor
 * writes the lr for −1 into the optimizer (`update_lr`, lr_schedules.py:251-258, since v0.15.3's
 * "Add first Step in LR Schedulers", #6597), and `step()` advances it by one and writes the lr for
 * the new value. The engine steps the scheduler after the optimizer (`_take_model_step`,
 * deepspeed/runtime/engine.py:3281-3343 at v0.19.5: `self.optimizer.step()`, then
 * `self.lr_scheduler.step()` unless the step overflowed). So update 0 trains at the constructor's
 * lr and update k ≥ 1 at the lr for `last_batch_iteration = k − 1`: row k is
 * `lr(k − 1)`, row 0 `lr(−1)` — with the warmups' log(1) = 0 and 0 / n = 0, the first two updates
 * both run at the minimum.
 *
 * @internal
 */
import { NonNegative, OneOf, PerGroup, PositiveInteger } from '../../core/codec.js'
import { at, groupCount } from '../../core/validate.js'
import { fromStep } from '../../internal/builders.js'
import { type Body, withDefault } from '../../internal/define.js'
import type { EpochState } from '../../internal/leaf.js'

/** DeepSpeed's `warmup_type` (WARMUP_LOG_RATE, WARMUP_LINEAR_RATE; lr_schedules.py:51-52). */
export const warmupTypeArg = withDefault(
  OneOf(['log', 'linear'] as const),
  'How the warmup rises: `log` (log(b + 1) / log(warmupNumSteps)) or `linear` (b / warmupNumSteps). DeepSpeed warns on another value and uses log; here it is an error.',
  'log'
)

/** DeepSpeed's `warmup_num_steps` (WarmupLR, WarmupDecayLR, WarmupCosineLR: a positive int, lr_schedules.py:695, 844). */
export const warmupNumStepsArg = withDefault(PositiveInteger, 'Steps of the warmup: an integer ≥ 1 (DeepSpeed uses max(2, warmupNumSteps)).', 1000)

/** DeepSpeed's `warmup_min_lr` (WarmupLR, WarmupDecayLR: a number or a list, one per group). */
export const warmupMinLrArg = withDefault(
  PerGroup(NonNegative),
  'The lr of the first two updates, ≥ 0 (one for all groups, or one per group).',
  0 as number | ReadonlyArray<number>
)

/**
 * The warmup's fraction at `last_batch_iteration` b < n (`WarmupLR._get_gamma`,
 * `WarmupCosineLR.get_lr_ratio`): `inverse_log_warm_up · log(b + 1)` with `inverse_log_warm_up =
 * 1 / log(n)`, or `b / n`, where n = max(2, warmup_num_steps) (lr_schedules.py:713-718, 749-757).
 */
export const warmupFraction = (type: 'log' | 'linear', n: number): ((b: number) => number) => {
  const inverseLogWarmUp = 1.0 / Math.log(n)
  return type === 'log' ? (b) => inverseLogWarmUp * Math.log(b + 1) : (b) => b / n
}

/** DeepSpeed's warmup length: `max(2, warmup_num_steps)` (lr_schedules.py:712, 868). */
export const warmupSteps = (warmupNumSteps: number): number => Math.max(2, warmupNumSteps)

/** Row k of a DeepSpeed schedule: the lr for `last_batch_iteration = k − 1` (row 0: the constructor's, −1). */
export const rowOf =
  <A extends ReadonlyArray<unknown>>(lrAt: (b: number, ...rest: A) => number) =>
  (k: number, ...rest: A): number =>
    lrAt(k - 1, ...rest)

/**
 * WarmupLR and WarmupDecayLR (lr_schedules.py:665-810): every group from its min lr to its max lr
 * (`min + delta · gamma`, `delta = max − min`, lr_schedules.py:711, 731-736) by the warmup's
 * fraction over the first n = max(2, warmupNumSteps) values of `last_batch_iteration`, then by
 * `after(b)` (WarmupLR: 1; WarmupDecayLR: the linear decay); before the first step (b = −1) the min
 * lrs. `max` undefined: each group's own initial lr (DeepSpeed's `warmup_max_lr=None`: the
 * optimizer's lrs, per group since v0.19.4, #8171).
 */
export const warmupLr = (
  a: { readonly warmupMinLr: number | ReadonlyArray<number>; readonly warmupMaxLr?: number | ReadonlyArray<number> | undefined; readonly warmupNumSteps: number; readonly warmupType: 'log' | 'linear' },
  after: (b: number, n: number) => number
): Body<EpochState> => {
  const n = warmupSteps(a.warmupNumSteps)
  const warm = warmupFraction(a.warmupType, n)
  const gamma = (b: number): number => (b < n ? warm(b) : after(b, n))
  const { warmupMinLr: min, warmupMaxLr: max } = a
  return fromStep({
    checkGroups: (groups) => {
      groupCount('warmupMinLr', min, groups)
      if (max !== undefined) groupCount('warmupMaxLr', max, groups)
    },
    lr: rowOf((b: number, base: number, i: number) => {
      const lo = at(min, i)
      if (b < 0) return lo
      const delta = (max === undefined ? base : at(max, i)) - lo
      return lo + delta * gamma(b)
    })
  })
}
