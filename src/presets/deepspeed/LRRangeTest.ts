/**
 * `deepspeed.LRRangeTest`: DeepSpeed's `LRRangeTest` (deepspeedai/DeepSpeed v0.19.5,
 * deepspeed/runtime/lr_schedules.py:278-376) — the lr range test: every group's lr grows from
 * `lrRangeTestMinLr` by `lrRangeTestStepRate` every `lrRangeTestStepSize` steps, continuously or in
 * stairs.
 *
 * @since 0.2.0
 */
import { Bool, NonNegative, PerGroup, PositiveInteger } from '../../core/codec.js'
import { at, groupCount } from '../../core/validate.js'
import { fromStep } from '../../internal/builders.js'
import { type OptionsOf, define, withDefault } from '../../internal/define.js'
import { rowOf } from './internal.js'

const args = {
  lrRangeTestMinLr: withDefault(PerGroup(NonNegative), 'The lr the test starts at, ≥ 0 (one for all groups, or one per group).', 1e-3 as number | ReadonlyArray<number>),
  lrRangeTestStepSize: withDefault(PositiveInteger, 'Steps per interval of the increase: an integer ≥ 1.', 2000),
  lrRangeTestStepRate: withDefault(NonNegative, 'The increase per interval, as a fraction of the min lr: ≥ 0.', 1.0),
  lrRangeTestStaircase: withDefault(Bool, 'Increase in stairs (whole intervals) rather than continuously.', false)
}

/**
 * The definition of `deepspeed.LRRangeTest`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const LRRangeTest = define({
  type: 'deepspeed.LRRangeTest',
  summary: "DeepSpeed's lr range test: the lr grows linearly (or in stairs) from a min lr.",
  args,
  make: ({ lrRangeTestMinLr: minLr, lrRangeTestStepSize: stepSize, lrRangeTestStepRate: stepRate, lrRangeTestStaircase: staircase }) => {
    // _staircase_interval / _continuous_interval, _get_increase, get_lr (lr_schedules.py:349-360):
    // min_lr · (1 + step_rate · interval), interval = (b + 1) / step_size, floored in stairs; the
    // constructor puts min_lr (b = −1: interval 0)
    const interval = staircase ? (b: number) => Math.floor((b + 1) / stepSize) : (b: number) => (b + 1) / stepSize
    return fromStep({
      checkGroups: (n) => groupCount('lrRangeTestMinLr', minLr, n),
      lr: rowOf((b: number, _base: number, i: number) => at(minLr, i) * (1 + stepRate * interval(b)))
    })
  }
})

/**
 * The arguments of `deepspeed.LRRangeTest` (DeepSpeed's in camelCase, with its defaults).
 *
 * @category model
 * @since 0.2.0
 */
export type LRRangeTestOptions = OptionsOf<typeof args>

/**
 * DeepSpeed's lr range test: the lr grows linearly (or in stairs) from a min lr.
 *
 * @example
 * import { deepspeed, trace } from 'lr-schedule'
 * // 0.1 · (1 + 1 · (b + 1) / 2) for b = k − 1: rows 0.1, 0.15, 0.2, 0.25
 * trace(deepspeed.lrRangeTest({ lrRangeTestMinLr: 0.1, lrRangeTestStepSize: 2 }), [1], 3).lr // [[0.1], [0.15000000000000002], [0.2], [0.25]]
 *
 * @category constructors
 * @since 0.2.0
 */
export const lrRangeTest = LRRangeTest.make
