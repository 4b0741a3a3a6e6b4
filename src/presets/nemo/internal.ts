/**
 * What the NeMo presets share. NeMo's schedulers (NVIDIA/NeMo v2.4.0,
 * nemo/core/optim/lr_scheduler.py) are PyTorch `_LRScheduler` subclasses: the constructor performs
 * the initial step (`last_epoch` 0) and every `step()` advances `last_epoch` by one and sets each
 * group's lr to `get_lr()`. NeMo hands them to Lightning with `interval = 'step'`
 * (lr_scheduler.py:777, 964-970: `'interval': interval, 'frequency': 1`), and Lightning 2.6.6 calls
 * `scheduler.step()` after every optimizer step (lightning/pytorch/loops/training_epoch_loop.py:358-360
 * `update_lr_schedulers("step", ...)` after the batch's optimizer step; core/module.py:1309-1335
 * `lr_scheduler_step`, `scheduler.step()` at 1333). So update k trains at `get_lr()` for `last_epoch = k`: row k is the lr
 * after k steps, row 0 the constructor's.
 *
 * Per group: the warmup, hold and decay formulas multiply each group's initial lr (`base_lrs`),
 * while `min_lr` is absolute and shared by every group (`[self.min_lr for _ in self.base_lrs]`).
 * `WarmupAnnealing` and `CosineAnnealing` with `constant_steps` > 0 read only `base_lrs[0]` and
 * set that one lr in every group (`fromFirstGroupLr`); `T5InverseSquareRootAnnealing` reads no
 * initial lr at all.
 *
 * @internal
 */
import { Bool, NonNegative, NonNegativeInteger, PositiveInteger } from '../../core/codec.js'
import { ScheduleError } from '../../core/errors.js'
import { fromStep } from '../../internal/builders.js'
import { type Body, optional, required, withDefault } from '../../internal/define.js'
import type { EpochState } from '../../internal/leaf.js'

/** A schedule's lr for group `i` of initial lr `base` at `last_epoch = step`. */
export type LrAt = (step: number, base: number, i: number) => number

/** `max_steps`, required (a keyword-only argument without default in NeMo). */
export const maxStepsArg = required(
  PositiveInteger,
  'The step after which the lr is `minLr`: an integer ≥ 1 (0 divides by zero in NeMo without a warmup).'
)

/** `min_lr`: the lr past `maxSteps`, and the floor of the decays that clip at it. */
export const minLrArg = (value: number, doc = 'The lr past `maxSteps` (absolute, the same in every group): a number ≥ 0.') =>
  withDefault(NonNegative, doc, value)

/** `warmup_steps` and `warmup_ratio` (exclusive). */
export const warmupArgs = {
  warmupSteps: optional(NonNegativeInteger, 'Steps of the linear warmup `(step + 1) / (warmupSteps + 1)`: an integer ≥ 0 (exclusive with `warmupRatio`; both left out: 0).'),
  warmupRatio: optional(NonNegative, 'The warmup as a fraction of `maxSteps`: `int(warmupRatio · maxSteps)` steps; a number ≥ 0 (exclusive with `warmupSteps`).')
}

/** `hold_steps` and `hold_ratio` (exclusive), counted after the warmup. */
export const holdArgs = {
  holdSteps: optional(NonNegativeInteger, 'Steps the peak lr is held after the warmup: an integer ≥ 0 (exclusive with `holdRatio`; both left out: no hold).'),
  holdRatio: optional(NonNegative, 'The hold as a fraction of `maxSteps`: `int(holdRatio · maxSteps)` steps; a number ≥ 0 (exclusive with `holdSteps`).')
}

/**
 * A step count given as steps or as a ratio of `max_steps` (`WarmupPolicy.__init__`,
 * lr_scheduler.py:48-61, and the same lines in every other class): NeMo asserts "Either use
 * particular number of step or ratio" and "If there is a ratio, there should be a total steps";
 * the ratio's count is Python's `int(ratio * max_steps)` (truncation). Neither given: 0.
 */
export const stepsOrRatio = (
  names: readonly [steps: string, ratio: string],
  steps: number | undefined,
  ratio: number | undefined,
  maxSteps: number | undefined
): number => {
  const [s, r] = names
  if (steps !== undefined && ratio !== undefined)
    throw new ScheduleError(r, `to be left out when ${s} is given (NeMo: "Either use particular number of step or ratio")`, ratio)
  if (ratio !== undefined && maxSteps === undefined)
    throw new ScheduleError(r, 'to be left out without maxSteps (NeMo: "If there is a ratio, there should be a total steps")', ratio)
  if (steps !== undefined) return steps
  if (ratio !== undefined) return Math.trunc(ratio * (maxSteps as number))
  return 0
}

/** The warmup of a schedule with `warmupSteps` / `warmupRatio`. */
export const warmupOf = (a: { readonly warmupSteps?: number | undefined; readonly warmupRatio?: number | undefined }, maxSteps: number | undefined): number =>
  stepsOrRatio(['warmupSteps', 'warmupRatio'], a.warmupSteps, a.warmupRatio, maxSteps)

/**
 * `WarmupHoldPolicy`'s `hold_steps` (lr_scheduler.py:181-186): the hold's end, `hold + warmup`,
 * or 0 (no hold) when neither `holdSteps` nor `holdRatio` is given.
 */
export const holdEndOf = (a: { readonly holdSteps?: number | undefined; readonly holdRatio?: number | undefined }, warmup: number, maxSteps: number): number =>
  a.holdSteps === undefined && a.holdRatio === undefined ? 0 : stepsOrRatio(['holdSteps', 'holdRatio'], a.holdSteps, a.holdRatio, maxSteps) + warmup

/** NeMo's warmup, `initial_lr * ((step + 1) / (warmup_steps + 1))` (`WarmupPolicy._get_warmup_lr`, lr_scheduler.py:82-84). */
export const warmupLr = (step: number, base: number, warmup: number): number => base * ((step + 1) / (warmup + 1))

/**
 * `WarmupPolicy.get_lr` (lr_scheduler.py:66-80): the warmup while `step <= warmup` (warmup > 0),
 * `minLr` past `maxSteps` (when given), else `after(step)` (the subclass's `_get_lr`).
 */
export const warmupPolicyLr =
  (warmup: number, maxSteps: number | undefined, minLr: number, after: LrAt): LrAt =>
  (step, base, i) => {
    if (step <= warmup && warmup > 0) return warmupLr(step, base, warmup)
    if (maxSteps !== undefined && step > maxSteps) return minLr
    return after(step, base, i)
  }

/**
 * `WarmupHoldPolicy.get_lr` (lr_scheduler.py:199-225): the warmup while `step <= warmup`
 * (warmup > 0), the initial lr while `warmup <= step < holdEnd`, `minLr` past `maxSteps`, else
 * `after(step)`.
 */
export const warmupHoldPolicyLr =
  (warmup: number, holdEnd: number, maxSteps: number, minLr: number, after: LrAt): LrAt =>
  (step, base, i) => {
    if (step <= warmup && warmup > 0) return warmupLr(step, base, warmup)
    if (step >= warmup && step < holdEnd) return base
    if (step > maxSteps) return minLr
    return after(step, base, i)
  }

/** A NeMo schedule: `lr(k, base, i)` for group `i` after k steps. */
export const nemo = (lr: LrAt): Body<EpochState> => fromStep({ lr })

/**
 * `_poly_decay` (lr_scheduler.py:372-381): `(initial_lr − min_lr) · (1 − p)^power + min_lr`,
 * `p = step / decay_steps`; `cycle`: `decay_steps` times `ceil(step / decay_steps)` (1 at step 0),
 * else `step` clipped at `decay_steps`.
 */
export const polyDecay = (base: number, step: number, decaySteps: number, power: number, minLr: number, cycle: boolean): number => {
  let d = decaySteps
  let s = step
  if (cycle) d *= s === 0 ? 1.0 : Math.ceil(s / d)
  else s = Math.min(s, d)
  const p = s / d
  let lr = (base - minLr) * Math.pow(1.0 - p, power)
  lr += minLr
  return lr
}

/** The decay arguments PolynomialDecayAnnealing and PolynomialHoldDecayAnnealing share (NeMo's `_poly_decay`). */
export const polyArgs = {
  minLr: minLrArg(0.0, 'The end of the decay and the lr past `maxSteps` (absolute, the same in every group): a number ≥ 0.'),
  power: withDefault(NonNegative, 'The exponent of the decay: a number ≥ 0 (negative: NeMo fails on 0^power at maxSteps).', 1.0),
  cycle: withDefault(Bool, "Whether the decay restarts after it ends (NeMo's `_poly_decay` cycle; no effect before maxSteps).", false)
}
