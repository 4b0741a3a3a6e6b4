/**
 * Keras's own serialization of a schedule, read as a `keras.<Class>` config: what
 * `schedule.get_config()` or `keras.optimizers.schedules.serialize(schedule)` gives, so that a Keras
 * user can paste it.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import type * as t from 'io-ts'
import { type ConfigError, ScheduleError, formatValue } from '../../core/errors.js'
import type { AnyScheduler, SchedulerConfig } from '../../core/model.js'
import { CosineDecayConfig, cosineDecay } from './CosineDecay.js'
import { CosineDecayRestartsConfig, cosineDecayRestarts } from './CosineDecayRestarts.js'
import { ExponentialDecayConfig, exponentialDecay } from './ExponentialDecay.js'
import { InverseTimeDecayConfig, inverseTimeDecay } from './InverseTimeDecay.js'
import { PiecewiseConstantDecayConfig, piecewiseConstantDecay } from './PiecewiseConstantDecay.js'
import { PolynomialDecayConfig, polynomialDecay } from './PolynomialDecay.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

interface KerasClass {
  readonly codec: t.Type<any, any, unknown>
  readonly build: (options: any) => AnyScheduler
  /** Keras's argument names (its `get_config()` keys but `name`) and ours. */
  readonly args: Readonly<Record<string, string>>
}

/** The Keras classes, by `class_name`, with their `get_config()` keys in Keras's order. */
const classes: Readonly<Record<string, KerasClass>> = {
  ExponentialDecay: {
    codec: ExponentialDecayConfig,
    build: exponentialDecay,
    args: { initial_learning_rate: 'initialLearningRate', decay_steps: 'decaySteps', decay_rate: 'decayRate', staircase: 'staircase' }
  },
  PiecewiseConstantDecay: {
    codec: PiecewiseConstantDecayConfig,
    build: piecewiseConstantDecay,
    args: { boundaries: 'boundaries', values: 'values' }
  },
  PolynomialDecay: {
    codec: PolynomialDecayConfig,
    build: polynomialDecay,
    args: {
      initial_learning_rate: 'initialLearningRate',
      decay_steps: 'decaySteps',
      end_learning_rate: 'endLearningRate',
      power: 'power',
      cycle: 'cycle'
    }
  },
  InverseTimeDecay: {
    codec: InverseTimeDecayConfig,
    build: inverseTimeDecay,
    args: { initial_learning_rate: 'initialLearningRate', decay_steps: 'decaySteps', decay_rate: 'decayRate', staircase: 'staircase' }
  },
  CosineDecay: {
    codec: CosineDecayConfig,
    build: cosineDecay,
    args: {
      initial_learning_rate: 'initialLearningRate',
      decay_steps: 'decaySteps',
      alpha: 'alpha',
      warmup_target: 'warmupTarget',
      warmup_steps: 'warmupSteps'
    }
  },
  CosineDecayRestarts: {
    codec: CosineDecayRestartsConfig,
    build: cosineDecayRestarts,
    args: { initial_learning_rate: 'initialLearningRate', first_decay_steps: 'firstDecaySteps', t_mul: 'tMul', m_mul: 'mMul', alpha: 'alpha' }
  }
}

const topKeys = ['class_name', 'config', 'module', 'registered_name'] as const

/** Keras's arguments whose `None` means "absent" (CosineDecay's `warmup_target`: no warmup). */
const nullMeansAbsent: ReadonlySet<string> = new Set(['warmup_target'])

// -------------------------------------------------------------------------------------
// decoding
// -------------------------------------------------------------------------------------

/**
 * Reads Keras's serialization of a schedule — `{"class_name": "CosineDecay", "config": {...}}` (what
 * `get_config()` gives, wrapped with its class name, as Keras 2 serializes) or Keras 3's
 * `keras.optimizers.schedules.serialize` output `{"module", "class_name", "config", "registered_name"}`
 * — as the matching `keras.<Class>` config: arguments in camelCase, Keras's `name` dropped (it names
 * an op scope and does not change the numbers), `warmup_target: null` dropped (no warmup). Every
 * problem is reported, at its path in the Keras dict: an unknown argument as `config.decay_stepz`, a
 * bad value as `config.decay_steps: expected a finite number > 0, got 0`.
 *
 * @example
 * import { keras } from 'lr-schedule'
 * keras.fromKerasConfig({ class_name: 'CosineDecay', config: { initial_learning_rate: 0.1, decay_steps: 1000, alpha: 0, name: 'CosineDecay', warmup_target: null, warmup_steps: 0 } })
 * // { _tag: 'Right', right: { type: 'keras.CosineDecay', initialLearningRate: 0.1, decaySteps: 1000, alpha: 0, warmupSteps: 0 } }
 *
 * @category decoding
 * @since 0.1.0
 */
export const fromKerasConfig = (json: unknown): E.Either<ReadonlyArray<ConfigError>, SchedulerConfig> => {
  if (!isObject(json))
    return E.left([
      { path: '', message: `expected a Keras schedule ({"class_name": ..., "config": {...}}), got ${formatValue(json)}`, value: json }
    ])
  const errors: ConfigError[] = []
  const problem = (path: string, value: unknown, message: string): void => {
    errors.push({ path, message, value })
  }
  for (const k of Object.keys(json))
    if (!(topKeys as ReadonlyArray<string>).includes(k))
      problem(k, json[k], `unknown key of a serialized Keras schedule (it has ${topKeys.join(', ')})`)

  const className = json['class_name']
  const cls = typeof className === 'string' && Object.prototype.hasOwnProperty.call(classes, className) ? classes[className] : undefined
  const known = Object.keys(classes).join(', ')
  if (cls === undefined)
    problem('class_name', className, className === undefined ? `missing, expected one of ${known}` : `expected one of ${known}, got ${formatValue(className)}`)

  const module = json['module']
  if (module !== undefined && (typeof module !== 'string' || !/^(keras|tf_keras|tensorflow)(\.|$)/.test(module)))
    problem('module', module, `expected a Keras module (keras.optimizers.schedules), got ${formatValue(module)}`)

  const registered = json['registered_name']
  if (registered !== undefined && registered !== null && registered !== className)
    problem('registered_name', registered, `expected null (a built-in Keras schedule), got ${formatValue(registered)}`)

  const config = json['config']
  if (!isObject(config)) {
    problem(
      'config',
      config,
      config === undefined ? "missing, expected an object with the schedule's arguments" : `expected an object with the schedule's arguments, got ${formatValue(config)}`
    )
    return E.left(errors)
  }
  if (cls === undefined) return E.left(errors)

  // snake_case -> camelCase; `name` is checked and dropped
  const type = cls.codec.name
  const ours: Record<string, unknown> = { type }
  const ordered = [...Object.keys(cls.args), 'name']
  for (const [k, v] of Object.entries(config)) {
    if (k === 'name') {
      if (v !== null && typeof v !== 'string') problem('config.name', v, `expected a string or null, got ${formatValue(v)}`)
      continue
    }
    const camel = Object.prototype.hasOwnProperty.call(cls.args, k) ? cls.args[k] : undefined
    if (camel === undefined) {
      problem(`config.${k}`, v, `unknown argument of ${className as string} (it takes ${ordered.join(', ')})`)
      continue
    }
    if (v === null && nullMeansAbsent.has(k)) continue
    ours[camel] = v
  }

  // the values, with the checks of keras.<Class>, reported at their Keras paths
  const snake = (path: ReadonlyArray<string>): string => {
    const [head, ...rest] = path
    const name = Object.entries(cls.args).find(([, c]) => c === head)?.[0] ?? head ?? ''
    return rest.reduce((acc, k) => (/^\d+$/.test(k) ? `${acc}[${k}]` : `${acc}.${k}`), `config.${name}`)
  }
  const decoded = cls.codec.validate(ours, [])
  if (E.isLeft(decoded)) {
    for (const e of decoded.left)
      problem(snake(e.context.map((c) => c.key).filter((k) => k !== '')), e.value, e.message ?? `expected a valid value, got ${formatValue(e.value)}`)
    return E.left(errors)
  }
  const { type: _type, ...options } = decoded.right as SchedulerConfig
  try {
    cls.build(options)
  } catch (e) {
    if (!(e instanceof ScheduleError)) throw e
    problem(
      snake(e.path.split(/\.|\[|\]/).filter((k) => k !== '')),
      e.value,
      e.value === undefined ? `missing, expected ${e.expected}` : `expected ${e.expected}, got ${formatValue(e.value)}`
    )
  }
  return errors.length > 0 ? E.left(errors) : E.right(decoded.right as SchedulerConfig)
}

// -------------------------------------------------------------------------------------
// utils
// -------------------------------------------------------------------------------------

const isObject = (u: unknown): u is Record<string, unknown> => typeof u === 'object' && u !== null && !Array.isArray(u)
