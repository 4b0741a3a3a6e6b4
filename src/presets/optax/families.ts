/**
 * The optax schedules other than `join_schedules`, by config `type`: their codecs and builders (the
 * join decodes its children with them, and `index.ts` adds the join itself).
 *
 * @internal
 */
import type { Family } from '../../core/codec.js'
import { ConstantScheduleConfig, constantSchedule } from './constant_schedule.js'
import { CosineDecayScheduleConfig, cosineDecaySchedule } from './cosine_decay_schedule.js'
import { CosineOnecycleScheduleConfig, cosineOnecycleSchedule } from './cosine_onecycle_schedule.js'
import { ExponentialDecayConfig, exponentialDecay } from './exponential_decay.js'
import { LinearOnecycleScheduleConfig, linearOnecycleSchedule } from './linear_onecycle_schedule.js'
import { LinearScheduleConfig, linearSchedule } from './linear_schedule.js'
import { PiecewiseConstantScheduleConfig, piecewiseConstantSchedule } from './piecewise_constant_schedule.js'
import { PiecewiseInterpolateScheduleConfig, piecewiseInterpolateSchedule } from './piecewise_interpolate_schedule.js'
import { PolynomialScheduleConfig, polynomialSchedule } from './polynomial_schedule.js'
import { SgdrScheduleConfig, sgdrSchedule } from './sgdr_schedule.js'
import { WarmupConstantScheduleConfig, warmupConstantSchedule } from './warmup_constant_schedule.js'
import { WarmupCosineDecayScheduleConfig, warmupCosineDecaySchedule } from './warmup_cosine_decay_schedule.js'
import { WarmupExponentialDecayScheduleConfig, warmupExponentialDecaySchedule } from './warmup_exponential_decay_schedule.js'

const args = ({ type: _type, ...rest }: { readonly type: string }): any => rest

/** Every optax schedule but `join_schedules`, by `type`. */
export const leafFamilies: Readonly<Record<string, Family>> = {
  'optax.constant_schedule': { codec: ConstantScheduleConfig, build: (c) => constantSchedule(args(c)) },
  'optax.linear_schedule': { codec: LinearScheduleConfig, build: (c) => linearSchedule(args(c)) },
  'optax.polynomial_schedule': { codec: PolynomialScheduleConfig, build: (c) => polynomialSchedule(args(c)) },
  'optax.piecewise_constant_schedule': { codec: PiecewiseConstantScheduleConfig, build: (c) => piecewiseConstantSchedule(args(c)) },
  'optax.piecewise_interpolate_schedule': { codec: PiecewiseInterpolateScheduleConfig, build: (c) => piecewiseInterpolateSchedule(args(c)) },
  'optax.exponential_decay': { codec: ExponentialDecayConfig, build: (c) => exponentialDecay(args(c)) },
  'optax.cosine_decay_schedule': { codec: CosineDecayScheduleConfig, build: (c) => cosineDecaySchedule(args(c)) },
  'optax.warmup_constant_schedule': { codec: WarmupConstantScheduleConfig, build: (c) => warmupConstantSchedule(args(c)) },
  'optax.warmup_cosine_decay_schedule': { codec: WarmupCosineDecayScheduleConfig, build: (c) => warmupCosineDecaySchedule(args(c)) },
  'optax.warmup_exponential_decay_schedule': {
    codec: WarmupExponentialDecayScheduleConfig,
    build: (c) => warmupExponentialDecaySchedule(args(c))
  },
  'optax.cosine_onecycle_schedule': { codec: CosineOnecycleScheduleConfig, build: (c) => cosineOnecycleSchedule(args(c)) },
  'optax.linear_onecycle_schedule': { codec: LinearOnecycleScheduleConfig, build: (c) => linearOnecycleSchedule(args(c)) },
  'optax.sgdr_schedule': { codec: SgdrScheduleConfig, build: (c) => sgdrSchedule(args(c)) }
}
