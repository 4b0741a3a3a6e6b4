/**
 * Keras's own serialization of a schedule, read as a `keras.<Class>` config: what
 * `schedule.get_config()` or `keras.optimizers.schedules.serialize(schedule)` gives, so that a Keras
 * user can paste it.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { type ConfigError, ScheduleError, formatValue } from '../../core/errors.js'
import type { SchedulerConfig } from '../../core/model.js'
import type { AnyDefinition } from '../../internal/define.js'
import { schedules } from './definitions.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/** A Keras class: its definition, and Keras's argument names (its `get_config()` keys but `name`, in Keras's order) to ours. */
interface KerasClass {
  readonly definition: AnyDefinition
  readonly args: Readonly<Record<string, string>>
}

/** Keras's name of an argument: ours in snake_case (`initialLearningRate` is `initial_learning_rate`). */
const snakeCase = (camel: string): string => camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

/** The Keras classes, by `class_name` (`keras.CosineDecay` is Keras's `CosineDecay`), read from the definitions. */
const classes: Readonly<Record<string, KerasClass>> = Object.fromEntries(
  schedules.map((d) => [
    d.type.slice('keras.'.length),
    { definition: d, args: Object.fromEntries(Object.keys(d.args).map((k) => [snakeCase(k), k])) }
  ])
)

const topKeys = ['class_name', 'config', 'module', 'registered_name'] as const

/** Whether Keras's `None` means "absent": an argument that may be left out with no default (CosineDecay's `warmup_target`: no warmup). */
const nullMeansAbsent = (cls: KerasClass, camel: string): boolean => cls.definition.args[camel]?.kind === 'optional'

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
  const { definition } = cls
  const type = definition.type
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
    if (v === null && nullMeansAbsent(cls, camel)) continue
    ours[camel] = v
  }

  // the values, with the checks of keras.<Class>, reported at their Keras paths
  const snake = (path: ReadonlyArray<string>): string => {
    const [head = '', ...rest] = path
    return rest.reduce((acc, k) => (/^\d+$/.test(k) ? `${acc}[${k}]` : `${acc}.${k}`), `config.${snakeCase(head)}`)
  }
  const decoded = definition.codec.validate(ours, [])
  if (E.isLeft(decoded)) {
    for (const e of decoded.left)
      problem(snake(e.context.map((c) => c.key).filter((k) => k !== '')), e.value, e.message ?? `expected a valid value, got ${formatValue(e.value)}`)
    return E.left(errors)
  }
  // the checks that involve several arguments (the definition's `make`)
  try {
    definition.build(decoded.right as SchedulerConfig, noFunctions)
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

const noFunctions = (path: string): never => {
  throw new Error(`${path}: Keras schedules take no functions`)
}

const isObject = (u: unknown): u is Record<string, unknown> => typeof u === 'object' && u !== null && !Array.isArray(u)
