/**
 * Declarative schedules: JSON configs (../shared/contract.md §1) decoded into the same schedulers
 * the TypeScript API builds, errors as data (every problem, each with its path and the value
 * found), and the way back (`encodeSchedule`).
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { type ConfigError, ScheduleError, formatValue } from '../core/errors.js'
import type { AnyScheduler, SchedulerConfig } from '../core/model.js'
import { chain } from '../combinators/chain.js'
import { sequential } from '../combinators/sequential.js'
import { every } from '../combinators/every.js'
import { ArrayOf, NonNegativeInteger, PositiveInteger, failureAt } from '../core/codec.js'
import { type Entry, entries, pytorchTypes, translators } from '../registry.js'
import { protocolOf } from '../internal/protocol.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * What decoding needs besides the JSON: the functions that `lrLambda` and `scaleFn` name, and the
 * number of param groups (per-group lists are checked against it; without it, against the first
 * per-group list of the config, so that they all agree).
 *
 * @example
 * import type { DecodeContext } from 'lr-schedule'
 * const ctx: DecodeContext = { functions: { warmup: (t) => Math.min(1, (t + 1) / 10) }, groups: 2 }
 *
 * @category model
 * @since 0.1.0
 */
export interface DecodeContext {
  readonly functions?: Readonly<Record<string, (x: number) => number>>
  readonly groups?: number
}

// -------------------------------------------------------------------------------------
// decoding
// -------------------------------------------------------------------------------------

const isObject = (u: unknown): u is Record<string, unknown> => typeof u === 'object' && u !== null && !Array.isArray(u)

/** Splits a ScheduleError path (`milestones[1]`, `maxLr[0]`) into context keys. */
const keysOf = (path: string): ReadonlyArray<string> => path.split(/\.|\[|\]/).filter((k) => k !== '')

/**
 * A ScheduleError thrown by a constructor, as a validation error under context `c`; `value` is the
 * value found in the config when it differs from the one the constructor saw (function names, not
 * the functions they resolve to). An absent argument is written `missing, expected ...`, as the
 * codecs write it.
 */
const fromScheduleError = (c: t.Context, e: ScheduleError, value: unknown = e.value): t.ValidationError => {
  const standard = e.message === `${e.path}: expected ${e.expected}, got ${formatValue(e.value)}`
  const message = !standard
    ? e.message.startsWith(`${e.path}: `) ? e.message.slice(e.path.length + 2) : e.message
    : value === undefined ? `missing, expected ${e.expected}` : `expected ${e.expected}, got ${formatValue(value)}`
  return failureAt(c, keysOf(e.path), value, message)
}

/** The value at a ScheduleError path (`lrLambda[1]`) in a raw config, or `fallback` when there is none. */
const valueAt = (u: unknown, path: string, fallback: unknown): unknown => {
  let v = u
  for (const k of keysOf(path)) {
    if (typeof v !== 'object' || v === null || !Object.prototype.hasOwnProperty.call(v, k)) return fallback
    v = (v as Record<string, unknown>)[k]
  }
  return v
}

const attempt = <A>(c: t.Context, f: () => A): t.Validation<A> => {
  try {
    return t.success(f())
  } catch (e) {
    if (e instanceof ScheduleError) return t.failures([fromScheduleError(c, e)])
    throw e
  }
}

/** What a `type` should be: within a preset family when it names one, else any type. */
const expectedType = (type: unknown): string => {
  const prefixes = [...new Set(Object.keys(entries).flatMap((k) => (k.includes('.') ? [k.slice(0, k.indexOf('.'))] : [])))]
  const prefix = typeof type === 'string' && type.includes('.') ? type.slice(0, type.indexOf('.')) : undefined
  if (prefix !== undefined && prefixes.includes(prefix))
    return `one of the ${prefix} presets (${Object.keys(entries).filter((k) => k.startsWith(`${prefix}.`)).join(', ')})`
  const pytorch = pytorchTypes
  return `a PyTorch class name (${pytorch.join(', ')}), Every${prefixes.length === 0 ? '' : ` or a preset type (${prefixes.map((p) => `${p}.<name>`).join(', ')})`}`
}

const familyOf = (type: unknown): Entry | undefined =>
  typeof type === 'string' && Object.prototype.hasOwnProperty.call(entries, type) ? entries[type] : undefined

/**
 * The number of groups a config's per-group lists imply: the length of the first one, in
 * construction order, anywhere in the config (every other list must then agree with it).
 */
const impliedGroups = (u: unknown): number | undefined => {
  if (!isObject(u)) return undefined
  if (u['type'] === 'Every') return impliedGroups(u['scheduler'])
  if (u['type'] === 'SequentialLR' || u['type'] === 'ChainedScheduler') {
    const children = u['schedulers']
    if (!Array.isArray(children)) return undefined
    for (const child of children) {
      const n = impliedGroups(child)
      if (n !== undefined) return n
    }
    return undefined
  }
  const keys = (familyOf(u['type'])?.codec as { readonly perGroupKeys?: ReadonlyArray<string> } | undefined)?.perGroupKeys ?? []
  for (const k of keys) {
    const v = u[k]
    if (Array.isArray(v) && v.length > 0) return v.length
  }
  return undefined
}

const compositeKeys = {
  SequentialLR: ['type', 'schedulers', 'milestones'],
  ChainedScheduler: ['type', 'schedulers'],
  Every: ['type', 'period', 'at', 'scheduler']
} as const

/**
 * The codec of a whole schedule: any known `type`, composites to any depth, decoded into a
 * scheduler. Every problem is reported with its path.
 *
 * @example
 * import { ScheduleCodec } from 'lr-schedule'
 * ScheduleCodec({}).decode({ type: 'StepLR', stepSize: 2 })._tag // 'Right'
 *
 * @category decoding
 * @since 0.1.0
 */
export const ScheduleCodec = (ctx: DecodeContext): t.Type<AnyScheduler, unknown, unknown> => {
  const fn = (path: string, name: string): ((x: number) => number) => {
    // own properties only: `toString` or `constructor` must not resolve to Object.prototype's
    const f = ctx.functions !== undefined && Object.prototype.hasOwnProperty.call(ctx.functions, name) ? ctx.functions[name] : undefined
    if (typeof f !== 'function') {
      const known = Object.keys(ctx.functions ?? {})
      throw new ScheduleError(path, `a registered function name (${known.length === 0 ? 'none are registered' : `registered: ${known.join(', ')}`})`, name)
    }
    return f
  }

  const validate = (u: unknown, c: t.Context): t.Validation<AnyScheduler> => {
    if (!isObject(u)) return t.failure(u, c, `expected a scheduler config (an object with a "type"), got ${formatValue(u)}`)
    const type = u['type']
    const typeContext = (): t.Context => [...c, { key: 'type', type: t.string, actual: type }]
    // another library's own way of writing a schedule (Keras's get_config()/serialize() dicts)
    const translator = type === undefined ? translators.find((x) => x.detects(u)) : undefined
    if (translator !== undefined) {
      const translated = translator.translate(u)
      if (E.isLeft(translated)) return t.failures(translated.left.map((e) => failureAt(c, keysOf(e.path), e.value, e.message)))
      return validate(translated.right, c)
    }
    if (type === 'SequentialLR' || type === 'ChainedScheduler') return composite(u, type, c)
    if (type === 'Every') return everyOf(u, c)
    const family = familyOf(type)
    if (family === undefined)
      return t.failure(type, typeContext(), type === undefined ? `missing, expected ${expectedType(type)}` : `expected ${expectedType(type)}, got ${formatValue(type)}`)
    const decoded = family.codec.validate(u, c)
    if (E.isLeft(decoded)) return decoded
    const config = decoded.right as Record<string, unknown> & { readonly type: string }
    // function names, every one of them
    const nameErrors: t.ValidationError[] = []
    for (const key of family.functionKeys ?? []) {
      const v = config[key]
      const list = typeof v === 'string' ? [[key, v] as const] : Array.isArray(v) ? v.map((x, i) => [`${key}[${i}]`, x as string] as const) : []
      for (const [path, name] of list) {
        try {
          fn(path, name)
        } catch (e) {
          if (e instanceof ScheduleError) nameErrors.push(fromScheduleError(c, e))
          else throw e
        }
      }
    }
    if (nameErrors.length > 0) return t.failures(nameErrors)
    const built = attempt(c, () => family.build(config, fn))
    if (E.isLeft(built)) return built
    // per-group lists against the number of groups (given, or implied by the first list)
    const n = ctx.groups
    if (n === undefined) return built
    try {
      protocolOf(built.right).checkGroups(n)
      return built
    } catch (e) {
      if (e instanceof ScheduleError) return t.failures([fromScheduleError(c, e, valueAt(u, e.path, e.value))])
      throw e
    }
  }

  const composite = (u: Record<string, unknown>, type: 'SequentialLR' | 'ChainedScheduler', c: t.Context): t.Validation<AnyScheduler> => {
    const keys: ReadonlyArray<string> = compositeKeys[type]
    const errors: t.ValidationError[] = []
    for (const k of Object.keys(u))
      if (!keys.includes(k)) errors.push(failureAt(c, [k], u[k], `unknown argument of ${type} (it takes ${keys.filter((x) => x !== 'type').join(', ')})`))
    const children = ArrayOf(self, { nonEmpty: true }).validate(u['schedulers'], [...c, { key: 'schedulers', type: self, actual: u['schedulers'] }])
    if (E.isLeft(children)) for (const e of children.left) errors.push(e)
    if (type === 'ChainedScheduler') {
      if (errors.length > 0 || E.isLeft(children)) return t.failures(errors)
      return attempt(c, () => chain(children.right))
    }
    const milestones = ArrayOf(NonNegativeInteger).validate(u['milestones'], [...c, { key: 'milestones', type: t.unknown, actual: u['milestones'] }])
    if (E.isLeft(milestones)) for (const e of milestones.left) errors.push(e)
    else {
      const ms = milestones.right
      const count = Array.isArray(u['schedulers']) ? u['schedulers'].length : undefined
      if (count !== undefined && count > 0 && ms.length !== count - 1)
        errors.push(failureAt(c, ['milestones'], ms, `expected ${count - 1} milestone${count === 2 ? '' : 's'} (one fewer than the ${count} schedulers), got ${formatValue(ms)}`))
      ms.forEach((m, i) => {
        if (i > 0 && m <= (ms[i - 1] as number))
          errors.push(failureAt(c, ['milestones', String(i)], m, `expected a milestone > ${ms[i - 1]} (milestones must increase strictly), got ${m}`))
      })
    }
    if (errors.length > 0 || E.isLeft(children) || E.isLeft(milestones)) return t.failures(errors)
    return attempt(c, () => sequential(children.right, milestones.right))
  }

  const everyOf = (u: Record<string, unknown>, c: t.Context): t.Validation<AnyScheduler> => {
    const keys: ReadonlyArray<string> = compositeKeys.Every
    const errors: t.ValidationError[] = []
    for (const k of Object.keys(u))
      if (!keys.includes(k)) errors.push(failureAt(c, [k], u[k], `unknown argument of Every (it takes ${keys.filter((x) => x !== 'type').join(', ')})`))
    const child = self.validate(u['scheduler'], [...c, { key: 'scheduler', type: self, actual: u['scheduler'] }])
    if (E.isLeft(child)) for (const e of child.left) errors.push(e)
    const period = PositiveInteger.validate(u['period'], [...c, { key: 'period', type: t.unknown, actual: u['period'] }])
    if (E.isLeft(period)) for (const e of period.left) errors.push(e)
    const at = u['at'] === undefined ? t.success(undefined) : ArrayOf(NonNegativeInteger).validate(u['at'], [...c, { key: 'at', type: t.unknown, actual: u['at'] }])
    if (E.isLeft(at)) for (const e of at.left) errors.push(e)
    else if (at.right !== undefined && E.isRight(period)) {
      const p = period.right
      at.right.forEach((a, i) => {
        if (a >= p) errors.push(failureAt(c, ['at', String(i)], a, `expected an offset < ${p} (the period), got ${a}`))
        else if (i > 0 && a <= (at.right as ReadonlyArray<number>)[i - 1]!) errors.push(failureAt(c, ['at', String(i)], a, `expected an offset > ${(at.right as ReadonlyArray<number>)[i - 1]} (offsets must increase strictly), got ${a}`))
      })
    }
    if (errors.length > 0 || E.isLeft(child) || E.isLeft(period) || E.isLeft(at)) return t.failures(errors)
    return attempt(c, () => every(child.right, period.right, at.right))
  }

  const self: t.Type<AnyScheduler, unknown, unknown> = new t.Type<AnyScheduler, unknown, unknown>(
    'ScheduleCodec',
    (u): u is AnyScheduler => typeof u === 'object' && u !== null && typeof (u as AnyScheduler).step === 'function',
    validate,
    (s) => s.config
  )
  return self
}

/**
 * The path of a validation error, as the contract writes it: `schedulers[1].tMax`.
 *
 * @example
 * import { pathOf } from 'lr-schedule'
 * import * as t from 'io-ts'
 * pathOf([{ key: '', type: t.unknown }, { key: 'schedulers', type: t.unknown }, { key: '1', type: t.unknown }, { key: 'tMax', type: t.unknown }]) // 'schedulers[1].tMax'
 *
 * @category decoding
 * @since 0.1.0
 */
export const pathOf = (context: t.Context): string =>
  context
    .map((e) => e.key)
    .filter((k) => k !== '')
    .reduce((acc, k) => (/^\d+$/.test(k) ? `${acc}[${k}]` : acc === '' ? k : `${acc}.${k}`), '')

/**
 * io-ts's errors as data: one `ConfigError` per problem.
 *
 * @example
 * import { toConfigErrors, ScheduleCodec } from 'lr-schedule'
 * const r = ScheduleCodec({}).decode({ type: 'StepLR', stepSize: 0 })
 * r._tag === 'Left' && toConfigErrors(r.left) // [{ path: 'stepSize', message: 'expected a positive integer, got 0', value: 0 }]
 *
 * @category decoding
 * @since 0.1.0
 */
export const toConfigErrors = (errors: t.Errors): ReadonlyArray<ConfigError> =>
  errors.map((e) => ({ path: pathOf(e.context), message: e.message ?? `expected ${e.context[e.context.length - 1]?.type.name ?? 'a valid value'}, got ${formatValue(e.value)}`, value: e.value }))

/**
 * Decodes a JSON config (already parsed) into a scheduler, or every problem found.
 *
 * @example
 * import { decodeSchedule, trace } from 'lr-schedule'
 * const r = decodeSchedule({ type: 'SequentialLR', schedulers: [{ type: 'LinearLR', startFactor: 0.5, totalIters: 2 }, { type: 'ExponentialLR', gamma: 0.5 }], milestones: [2] })
 * r._tag === 'Right' && trace(r.right, [1], 4).lr // [[0.5], [0.75], [1], [0.5], [0.25]]
 *
 * @category decoding
 * @since 0.1.0
 */
export const decodeSchedule = (json: unknown, ctx: DecodeContext = {}): E.Either<ReadonlyArray<ConfigError>, AnyScheduler> => {
  const badContext = contextErrors(ctx)
  if (badContext.length > 0) return E.left(badContext)
  const tooDeep = deeperThan(json, MAX_DEPTH)
  if (tooDeep !== undefined)
    return E.left([{ path: tooDeep, message: `expected a config nested at most ${MAX_DEPTH} levels deep (objects and arrays), got a deeper value`, value: undefined }])
  try {
    const groups = ctx.groups ?? impliedGroups(json)
    return E.mapLeft((errors: t.Errors) => capErrors(toConfigErrors(errors)))(ScheduleCodec(groups === undefined ? ctx : { ...ctx, groups }).decode(json))
  } catch (e) {
    // decoding returns its errors: whatever escaped a check is still one, not an exception
    return E.left([{ path: '', message: `could not be decoded (${e instanceof Error ? e.message : String(e)})`, value: undefined }])
  }
}

/**
 * The problems of a decoding context (a JavaScript caller may pass anything): `groups` a positive
 * integer, `functions` an object of functions.
 */
const contextErrors = (ctx: unknown): ReadonlyArray<ConfigError> => {
  if (typeof ctx !== 'object' || ctx === null || Array.isArray(ctx))
    return [{ path: 'context', message: `expected the decoding context (an object with functions, groups), got ${formatValue(ctx)}`, value: ctx }]
  const { groups, functions } = ctx as { readonly groups?: unknown; readonly functions?: unknown }
  if (groups !== undefined && (typeof groups !== 'number' || !Number.isSafeInteger(groups) || groups < 1))
    return [{ path: 'groups', message: `expected a positive integer, got ${formatValue(groups)}`, value: groups }]
  if (functions === undefined) return []
  if (typeof functions !== 'object' || functions === null || Array.isArray(functions))
    return [{ path: 'functions', message: `expected an object of named functions ({ name: (x) => number }), got ${formatValue(functions)}`, value: functions }]
  const errors: ConfigError[] = []
  for (const [name, f] of Object.entries(functions))
    if (typeof f !== 'function') errors.push({ path: `functions.${name}`, message: `expected a function, got ${formatValue(f)}`, value: f })
  return capErrors(errors)
}

/**
 * How deep a config may nest objects and arrays (a composite is two levels: its object and its
 * `schedulers` array): far beyond any real schedule, and far below what would exhaust the stack.
 *
 * @example
 * import { MAX_DEPTH } from 'lr-schedule'
 * MAX_DEPTH // 64
 *
 * @category decoding
 * @since 0.2.0
 */
export const MAX_DEPTH = 64

/** At most this many problems are listed; the last line says how many more there are. */
const MAX_ERRORS = 20
/** A message or a path longer than this is cut (a 10^6-character key stays readable). */
const MAX_TEXT = 1000

const cut = (s: string): string => (s.length <= MAX_TEXT ? s : `${s.slice(0, MAX_TEXT)}… (${s.length.toLocaleString('en-US')} characters)`)

const capErrors = (errors: ReadonlyArray<ConfigError>): ReadonlyArray<ConfigError> => {
  const shown = errors.slice(0, MAX_ERRORS).map((e) => ({ ...e, path: cut(e.path), message: cut(e.message) }))
  const more = errors.length - shown.length
  return more > 0 ? [...shown, { path: '', message: `… and ${more.toLocaleString('en-US')} more`, value: undefined }] : shown
}

/** The path of the first value nested deeper than `max` levels, without recursion; `undefined` if none. */
const deeperThan = (json: unknown, max: number): string | undefined => {
  const stack: Array<readonly [unknown, number, string]> = [[json, 0, '']]
  while (stack.length > 0) {
    const [v, depth, path] = stack.pop() as readonly [unknown, number, string]
    if (typeof v !== 'object' || v === null) continue
    if (depth >= max) return path === '' ? 'config' : path
    if (Array.isArray(v)) for (let i = 0; i < v.length; i++) stack.push([v[i], depth + 1, `${path}[${i}]`])
    else for (const k of Object.keys(v)) stack.push([(v as Record<string, unknown>)[k], depth + 1, path === '' ? k : `${path}.${k}`])
  }
  return undefined
}

/**
 * Renders config errors, one line each: `schedulers[0].stepSize: expected a positive integer, got -1`
 * (a problem of the whole config is written `config: ...`).
 *
 * @example
 * import { formatConfigErrors } from 'lr-schedule'
 * formatConfigErrors([{ path: 'stepSize', message: 'expected a positive integer, got 0', value: 0 }]) // ['stepSize: expected a positive integer, got 0']
 *
 * @category decoding
 * @since 0.1.0
 */
export const formatConfigErrors = (errors: ReadonlyArray<ConfigError>): ReadonlyArray<string> =>
  errors.map((e) => `${e.path === '' ? 'config' : e.path}: ${e.message}`)

/**
 * Decodes a config or throws one `ScheduleError` listing every problem (for scripts and tests).
 *
 * @example
 * import { scheduleFromConfig } from 'lr-schedule'
 * const s = scheduleFromConfig({ type: 'ExponentialLR', gamma: 0.9 })
 *
 * @category decoding
 * @since 0.1.0
 */
export const scheduleFromConfig = (json: unknown, ctx: DecodeContext = {}): AnyScheduler => {
  const r = decodeSchedule(json, ctx)
  if (E.isRight(r)) return r.right
  const first = r.left[0] as ConfigError
  throw new ScheduleError(first.path, 'a valid config', first.value, formatConfigErrors(r.left).join('\n'))
}

// -------------------------------------------------------------------------------------
// encoding
// -------------------------------------------------------------------------------------

/**
 * A scheduler's JSON config, defaults filled in; functions are written as the names they are
 * registered under in `functions` (an unregistered function is an error).
 *
 * @example
 * import { encodeSchedule, stepLR } from 'lr-schedule'
 * encodeSchedule(stepLR({ stepSize: 3 })) // { _tag: 'Right', right: { type: 'StepLR', stepSize: 3, gamma: 0.1 } }
 *
 * @category encoding
 * @since 0.1.0
 */
export const encodeSchedule = (
  scheduler: AnyScheduler,
  functions: Readonly<Record<string, (x: number) => number>> = {}
): E.Either<ReadonlyArray<ConfigError>, SchedulerConfig> => {
  const errors: ConfigError[] = []
  const nameOf = (path: string, f: unknown): string => {
    const entry = Object.entries(functions).find(([, g]) => g === f)
    if (entry === undefined) {
      errors.push({ path, message: 'expected a function registered under a name (pass it in functions), got an unnamed function', value: f })
      return ''
    }
    return entry[0]
  }
  const go = (config: SchedulerConfig, path: string): SchedulerConfig => {
    const at = (k: string) => (path === '' ? k : `${path}.${k}`)
    if (config.type === 'SequentialLR' || config.type === 'ChainedScheduler') {
      const children = (config['schedulers'] as ReadonlyArray<SchedulerConfig>).map((c, i) => go(c, `${at('schedulers')}[${i}]`))
      return { ...config, schedulers: children }
    }
    const out: Record<string, unknown> = { ...config }
    for (const key of entries[config.type]?.functionKeys ?? []) {
      const v = out[key]
      if (typeof v === 'function') out[key] = nameOf(at(key), v)
      else if (Array.isArray(v)) out[key] = v.map((f, i) => nameOf(`${at(key)}[${i}]`, f))
    }
    return out as SchedulerConfig
  }
  const encoded = go(scheduler.config, '')
  return errors.length > 0 ? E.left(errors) : E.right(JSON.parse(JSON.stringify(encoded)) as SchedulerConfig)
}
