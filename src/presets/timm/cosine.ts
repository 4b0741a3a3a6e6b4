/**
 * timm's `CosineLRScheduler` (timm/scheduler/cosine_lr.py; config `timm.cosine`): cosine decay from
 * each group's base lr to `lrMin` over `tInitial` steps, with restarts (`cycleMul`, `cycleDecay`,
 * `cycleLimit`), k-decay, a linear warmup and seeded noise. Row 0 of a trace is what timm's
 * constructor leaves (the base lr, `warmupLrInit` with a warmup); row k ≥ 1 is the lr timm sets for
 * `t = k` (`_get_lr(k)`, i.e. `step(k)` or `step_update(k)`).
 *
 * After `cycleLimit` cycles the lr stays at `lrMin` for good (default `cycleLimit` 1: one cosine,
 * then `lrMin`); PyTorch's CosineAnnealingLR rises again after `tMax` instead.
 *
 * @since 0.1.0
 */
import { type OptionsOf, define } from '../../internal/define.js'
import { cyclingArgs, cyclingSchedule, kDecay, noiseArgs, tInitial } from './common.js'

const args = { tInitial, ...cyclingArgs, kDecay, ...noiseArgs }

/** The definition of `timm.cosine`. @internal */
export const Cosine = define({
  type: 'timm.cosine',
  summary: "timm's cosine schedule with warmup and restarts.",
  args,
  make: (a) => {
    const { lrMin, kDecay: k } = a
    // lrMin + 0.5 · (lrMax − lrMin) · (1 + cos(π · tCurr^k / tI^k)), in timm's operation order
    return cyclingSchedule('timm.cosine', a, (tCurr, tI, lrMax) => lrMin + 0.5 * (lrMax - lrMin) * (1 + Math.cos((Math.PI * Math.pow(tCurr, k)) / Math.pow(tI, k))))
  }
})

/**
 * The arguments of `timm.cosine` (timm's `CosineLRScheduler` arguments in camelCase, timm's defaults).
 *
 * @category model
 * @since 0.1.0
 */
export type CosineOptions = OptionsOf<typeof args>

/**
 * timm's cosine schedule with warmup and restarts.
 *
 * @example
 * import { timm, trace } from 'lr-schedule'
 * trace(timm.cosine({ tInitial: 2 }), [1], 3).lr // [[1], [0.5], [0], [0]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const cosine = Cosine.make
