/**
 * optax.join_schedules: `schedules[0]` until `boundaries[0]`, then `schedules[1]`, and so on; each
 * child counts the steps since its boundary (optax's children "receive a step count indicating the
 * number of steps since the previous boundary transition").
 *
 * Follows optax 0.2.8's `join_schedules` (`optax/schedules/_join.py`). The children are optax
 * schedules (built by these presets, or `optax.*` configs in JSON): the join evaluates their
 * functions of the step. As optax, a boundary `b` hands over at step `b`, the boundaries need not
 * increase (where several have been reached, the last one in the list wins: optax's chain of
 * `jnp.where`), and a boundary may be 0 or negative. Unlike optax, which silently ignores the extra
 * ones (`zip`), the number of boundaries must be one fewer than the number of schedules.
 *
 * In JSON the children are configs; the TypeScript constructor takes the schedulers and passes
 * their configs to the definition.
 *
 * @since 0.1.0
 */
import * as t from 'io-ts'
import { ArrayOf } from '../../core/codec.js'
import { ScheduleError, formatValue } from '../../core/errors.js'
import type { Scheduler } from '../../core/model.js'
import { type Definition, define, required } from '../../internal/define.js'
import type { EpochState } from '../../internal/leaf.js'
import { ConstantSchedule } from './constant_schedule.js'
import { CosineDecaySchedule } from './cosine_decay_schedule.js'
import { CosineOnecycleSchedule } from './cosine_onecycle_schedule.js'
import { ExponentialDecay } from './exponential_decay.js'
import { Integer, type OptaxFn, fromOptax, joinFn, optaxFnOf, prefixError } from './internal.js'
import { LinearOnecycleSchedule } from './linear_onecycle_schedule.js'
import { LinearSchedule } from './linear_schedule.js'
import { PiecewiseConstantSchedule } from './piecewise_constant_schedule.js'
import { PiecewiseInterpolateSchedule } from './piecewise_interpolate_schedule.js'
import { PolynomialSchedule } from './polynomial_schedule.js'
import { SgdrSchedule } from './sgdr_schedule.js'
import { WarmupConstantSchedule } from './warmup_constant_schedule.js'
import { WarmupCosineDecaySchedule } from './warmup_cosine_decay_schedule.js'
import { WarmupExponentialDecaySchedule } from './warmup_exponential_decay_schedule.js'

const JOIN = 'optax.join_schedules'

/**
 * Any optax definition, its argument table left open (`AnyDefinition` does not accept a definition
 * with its own table, since its `make` would have to take any options).
 */
export type OptaxDefinition = Definition<string, any, any>

/** The optax schedules but the join, in the order optax's module defines them (a join takes any of them, and joins). */
export const joinable: ReadonlyArray<OptaxDefinition> = [
  ConstantSchedule,
  LinearSchedule,
  PolynomialSchedule,
  PiecewiseConstantSchedule,
  PiecewiseInterpolateSchedule,
  ExponentialDecay,
  CosineDecaySchedule,
  WarmupConstantSchedule,
  WarmupCosineDecaySchedule,
  WarmupExponentialDecaySchedule,
  CosineOnecycleSchedule,
  LinearOnecycleSchedule,
  SgdrSchedule
]

/** The definition of an optax type (the join's own included), or `undefined`. */
const definitionOf = (type: unknown): OptaxDefinition | undefined =>
  type === JOIN ? JoinSchedules : joinable.find((d) => d.type === type)

type Config = { readonly type: string } & Readonly<Record<string, unknown>>

const isObject = (u: unknown): u is Record<string, unknown> => typeof u === 'object' && u !== null && !Array.isArray(u)

/** The codec of a child: any optax schedule config, by its `type` (joins nest). */
const OptaxScheduleConfig = new t.Type<Config, Config, unknown>(
  'OptaxSchedule',
  (u): u is Config => OptaxScheduleConfig.validate(u, [])._tag === 'Right',
  (u, c) => {
    if (!isObject(u)) return t.failure(u, c, `expected an optax schedule config (an object with a "type"), got ${formatValue(u)}`)
    const type = u['type']
    const definition = definitionOf(type)
    if (definition === undefined) {
      const types = [...joinable.map((d) => d.type), JOIN].join(', ')
      return t.failure(type, [...c, { key: 'type', type: t.string, actual: type }], `${type === undefined ? 'missing, expected' : 'expected'} one of ${types}${type === undefined ? '' : `, got ${formatValue(type)}`}`)
    }
    return definition.codec.validate(u, c) as t.Validation<Config>
  },
  t.identity
)

const noFunctions = (): never => {
  throw new Error('optax schedules take no functions')
}

/** A child built from its config, its errors under `schedules[i]`, and its function. */
const child = (config: Config, i: number): readonly [Scheduler<unknown>, OptaxFn] => {
  try {
    const s = (definitionOf(config.type) as OptaxDefinition).build(config, noFunctions)
    return [s, optaxFnOf(s) as OptaxFn]
  } catch (e) {
    throw e instanceof ScheduleError ? prefixError(`schedules[${i}]`, e) : e
  }
}

const args = {
  schedules: required(ArrayOf(OptaxScheduleConfig, { nonEmpty: true }), 'A non-empty array of optax schedule configs (`optax.*`, joins included); in TypeScript, schedulers built by the `optax.*` constructors.'),
  boundaries: required(ArrayOf(Integer), 'Integers, one fewer than the schedules: `schedules[i + 1]` takes over at step `boundaries[i]`, counting its steps from there.')
}

/**
 * The definition of `optax.join_schedules`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const JoinSchedules = define({
  type: JOIN,
  summary: 'Optax schedules one after the other: each from its boundary on, counting its steps from there.',
  args,
  make: (p) => {
    const children = p.schedules.map(child)
    const n = children.length
    if (p.boundaries.length !== n - 1)
      throw new ScheduleError('boundaries', `${n - 1} integer${n === 2 ? '' : 's'} (one fewer than the ${n} schedule${n === 1 ? '' : 's'})`, p.boundaries)
    // the config holds the children's configs, their defaults filled in
    return fromOptax(joinFn(children.map(([, fn]) => fn), p.boundaries), { schedules: children.map(([s]) => s.config) })
  }
})

/**
 * The arguments of `joinSchedules`: the schedulers themselves (built by the optax presets) and
 * the boundaries.
 *
 * @category model
 * @since 0.1.0
 */
export interface JoinSchedulesOptions {
  readonly schedules: ReadonlyArray<Scheduler<EpochState>>
  readonly boundaries: ReadonlyArray<number>
}

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
  const schedules: unknown = options?.schedules
  if (!Array.isArray(schedules) || schedules.length === 0)
    throw new ScheduleError('schedules', 'a non-empty array of optax schedules', schedules)
  const configs = schedules.map((s: unknown, i) => {
    if (optaxFnOf(s) === undefined) {
      const config = isObject(s) ? s['config'] : undefined
      const name = isObject(config) && typeof config['type'] === 'string' ? config['type'] : undefined
      throw new ScheduleError(
        `schedules[${i}]`,
        'an optax schedule (built by the optax presets: the join evaluates its closed form)',
        s,
        `schedules[${i}]: expected an optax schedule (built by the optax presets: the join evaluates its closed form), got ${name ?? formatValue(s)}`
      )
    }
    return (s as Scheduler<EpochState>).config
  })
  return JoinSchedules.make({ ...options, schedules: configs })
}
