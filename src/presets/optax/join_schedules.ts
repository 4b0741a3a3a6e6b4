/**
 * optax.join_schedules: `schedules[0]` until `boundaries[0]`, then `schedules[1]`, and so on; each
 * child counts the steps since its boundary (optax's children "receive a step count indicating the
 * number of steps since the previous boundary transition").
 *
 * The children are optax schedules (built by these presets, or `optax.*` configs in JSON): the join
 * evaluates their closed forms, which are functions of the step alone. As optax, a boundary `b`
 * hands over at step `b`, the boundaries need not increase (where several have been reached, the
 * last one in the list wins: optax's chain of `jnp.where`), and a boundary may be 0 or negative.
 * Unlike optax, which silently ignores the extra ones (`zip`), the number of boundaries must be one
 * fewer than the number of schedules.
 *
 * @since 0.1.0
 */
import * as t from 'io-ts'
import { ArrayOf, type Family, schedulerConfig } from '../../core/codec.js'
import { ScheduleError, formatValue } from '../../core/errors.js'
import type { Scheduler } from '../../core/model.js'
import type { EpochState } from '../../internal/leaf.js'
import type { ConstantScheduleConfig } from './constant_schedule.js'
import type { CosineDecayScheduleConfig } from './cosine_decay_schedule.js'
import type { CosineOnecycleScheduleConfig } from './cosine_onecycle_schedule.js'
import type { ExponentialDecayConfig } from './exponential_decay.js'
import { leafFamilies } from './families.js'
import { Integer, integer, joinFn, optaxFnOf, optaxLeaf, prefixError } from './internal.js'
import type { LinearOnecycleScheduleConfig } from './linear_onecycle_schedule.js'
import type { LinearScheduleConfig } from './linear_schedule.js'
import type { PiecewiseConstantScheduleConfig } from './piecewise_constant_schedule.js'
import type { PiecewiseInterpolateScheduleConfig } from './piecewise_interpolate_schedule.js'
import type { PolynomialScheduleConfig } from './polynomial_schedule.js'
import type { SgdrScheduleConfig } from './sgdr_schedule.js'
import type { WarmupConstantScheduleConfig } from './warmup_constant_schedule.js'
import type { WarmupCosineDecayScheduleConfig } from './warmup_cosine_decay_schedule.js'
import type { WarmupExponentialDecayScheduleConfig } from './warmup_exponential_decay_schedule.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The JSON config of any optax schedule.
 *
 * @example
 * import type { optax } from 'lr-schedule'
 * const c: optax.OptaxScheduleConfig = { type: 'optax.constant_schedule', value: 0.1 }
 *
 * @category model
 * @since 0.1.0
 */
export type OptaxScheduleConfig =
  | ConstantScheduleConfig
  | LinearScheduleConfig
  | PolynomialScheduleConfig
  | PiecewiseConstantScheduleConfig
  | PiecewiseInterpolateScheduleConfig
  | ExponentialDecayConfig
  | CosineDecayScheduleConfig
  | WarmupConstantScheduleConfig
  | WarmupCosineDecayScheduleConfig
  | WarmupExponentialDecayScheduleConfig
  | CosineOnecycleScheduleConfig
  | LinearOnecycleScheduleConfig
  | SgdrScheduleConfig
  | JoinSchedulesConfig

const JOIN = 'optax.join_schedules'

const isObject = (u: unknown): u is Record<string, unknown> => typeof u === 'object' && u !== null && !Array.isArray(u)

const optaxTypes = (): ReadonlyArray<string> => [...Object.keys(leafFamilies), JOIN]

/**
 * The codec of a child of `optax.join_schedules`: any optax schedule config (joins nest).
 *
 * @example
 * import { optax } from 'lr-schedule'
 * optax.OptaxScheduleConfig.is({ type: 'optax.constant_schedule', value: 0.1 }) // true
 *
 * @category model
 * @since 0.1.0
 */
export const OptaxScheduleConfig: t.Type<OptaxScheduleConfig, OptaxScheduleConfig, unknown> = new t.Type<OptaxScheduleConfig, OptaxScheduleConfig, unknown>(
  'OptaxSchedule',
  (u): u is OptaxScheduleConfig => OptaxScheduleConfig.validate(u, [])._tag === 'Right',
  (u, c) => {
    if (!isObject(u)) return t.failure(u, c, `expected an optax schedule config (an object with a "type"), got ${formatValue(u)}`)
    const type = u['type']
    if (type === JOIN) return JoinSchedulesConfig.validate(u, c)
    const family = typeof type === 'string' && Object.prototype.hasOwnProperty.call(leafFamilies, type) ? leafFamilies[type] : undefined
    if (family === undefined)
      return t.failure(type, [...c, { key: 'type', type: t.string, actual: type }], `${type === undefined ? 'missing, expected' : 'expected'} one of ${optaxTypes().join(', ')}${type === undefined ? '' : `, got ${formatValue(type)}`}`)
    return family.codec.validate(u, c) as t.Validation<OptaxScheduleConfig>
  },
  t.identity
)

/**
 * The JSON config of `optax.join_schedules`.
 *
 * @example
 * import type { optax } from 'lr-schedule'
 * const c: optax.JoinSchedulesConfig = {
 *   type: 'optax.join_schedules',
 *   schedules: [{ type: 'optax.linear_schedule', initValue: 0, endValue: 0.1, transitionSteps: 100 }, { type: 'optax.constant_schedule', value: 0.1 }],
 *   boundaries: [100]
 * }
 *
 * @category model
 * @since 0.1.0
 */
export interface JoinSchedulesConfig {
  readonly type: 'optax.join_schedules'
  readonly schedules: ReadonlyArray<OptaxScheduleConfig>
  readonly boundaries: ReadonlyArray<number>
}

/**
 * The codec of `optax.join_schedules` (optax's arguments). Arguments:
 * - `schedules`: A non-empty array of optax schedule configs (`optax.*`, joins included).
 * - `boundaries`: Integers, one fewer than the schedules: `schedules[i + 1]` takes over at step
 *   `boundaries[i]`, counting its steps from there.
 *
 * @example
 * import { optax } from 'lr-schedule'
 * optax.JoinSchedulesConfig.is({
 *   type: 'optax.join_schedules',
 *   schedules: [{ type: 'optax.constant_schedule', value: 0.1 }, { type: 'optax.constant_schedule', value: 0.01 }],
 *   boundaries: [100]
 * }) // true
 *
 * @category model
 * @since 0.1.0
 */
export const JoinSchedulesConfig: t.Type<JoinSchedulesConfig, JoinSchedulesConfig, unknown> = schedulerConfig(
  JOIN,
  { schedules: ArrayOf(OptaxScheduleConfig, { nonEmpty: true }), boundaries: ArrayOf(Integer) },
  {}
)

/**
 * The arguments of `joinSchedules`: the schedulers themselves (built by the optax presets) and
 * the boundaries.
 *
 * @example
 * import { optax } from 'lr-schedule'
 * const o: optax.JoinSchedulesOptions = { schedules: [optax.constantSchedule({ value: 0.1 }), optax.constantSchedule({ value: 0.01 })], boundaries: [100] }
 *
 * @category model
 * @since 0.1.0
 */
export interface JoinSchedulesOptions {
  readonly schedules: ReadonlyArray<Scheduler<EpochState>>
  readonly boundaries: ReadonlyArray<number>
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * optax's `join_schedules`: at step t the value is `schedules[i](t - boundaries[i - 1])` for the
 * last boundary reached (`schedules[0](t)` before any).
 *
 * @example
 * import { optax, trace } from 'lr-schedule'
 * const s = optax.joinSchedules({
 *   schedules: [optax.linearSchedule({ initValue: 0, endValue: 1, transitionSteps: 2 }), optax.cosineDecaySchedule({ initValue: 1, decaySteps: 2 })],
 *   boundaries: [2]
 * })
 * trace(s, [1], 5).lr // [[0], [0.5], [1], [0.5], [0], [0]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const joinSchedules = (options: JoinSchedulesOptions): Scheduler<EpochState> => {
  const schedules: unknown = options.schedules
  if (!Array.isArray(schedules) || schedules.length === 0)
    throw new ScheduleError('schedules', 'a non-empty array of optax schedules', schedules)
  const fns = schedules.map((s: unknown, i) => {
    const fn = optaxFnOf(s)
    if (fn === undefined) {
      const config = isObject(s) ? s['config'] : undefined
      const name = isObject(config) && typeof config['type'] === 'string' ? config['type'] : undefined
      throw new ScheduleError(
        `schedules[${i}]`,
        'an optax schedule (built by the optax presets: the join evaluates its closed form)',
        s,
        `schedules[${i}]: expected an optax schedule (built by the optax presets: the join evaluates its closed form), got ${name ?? formatValue(s)}`
      )
    }
    return fn
  })
  const raw: unknown = options.boundaries
  if (!Array.isArray(raw)) throw new ScheduleError('boundaries', 'an array of integers', raw)
  const boundaries = raw.map((b: unknown, i) => integer(`boundaries[${i}]`, b))
  const n = schedules.length
  if (boundaries.length !== n - 1)
    throw new ScheduleError('boundaries', `${n - 1} integer${n === 2 ? '' : 's'} (one fewer than the ${n} schedule${n === 1 ? '' : 's'})`, boundaries)
  return optaxLeaf(
    JOIN,
    { schedules: (schedules as ReadonlyArray<Scheduler<EpochState>>).map((s) => s.config), boundaries },
    joinFn(fns, boundaries)
  )
}

// -------------------------------------------------------------------------------------
// families
// -------------------------------------------------------------------------------------

/** Builds a decoded optax config, the errors of a child prefixed with its path. */
const build = (config: OptaxScheduleConfig): Scheduler<EpochState> => {
  if (config.type === JOIN) {
    const c = config as JoinSchedulesConfig
    const schedules = c.schedules.map((child, i) => {
      try {
        return build(child)
      } catch (e) {
        throw e instanceof ScheduleError ? prefixError(`schedules[${i}]`, e) : e
      }
    })
    return joinSchedules({ schedules, boundaries: c.boundaries })
  }
  const family = leafFamilies[config.type]
  if (family === undefined) throw new ScheduleError('type', `one of ${optaxTypes().join(', ')}`, config.type)
  return family.build(config, () => {
    throw new Error('optax schedules take no functions')
  }) as Scheduler<EpochState>
}

/**
 * The family of `optax.join_schedules`: its codec and builder (children decoded and built
 * recursively).
 *
 * @example
 * import { optax } from 'lr-schedule'
 * optax.optaxFamilies['optax.join_schedules']?.codec === optax.JoinSchedulesConfig // true
 *
 * @category families
 * @since 0.1.0
 */
export const joinFamily: Family = { codec: JoinSchedulesConfig, build: (c: JoinSchedulesConfig) => build(c) }
