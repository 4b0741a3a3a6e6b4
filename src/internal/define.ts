/**
 * One definition per schedule: its type name, a one-line summary, an argument table (each
 * argument's codec, one-line doc and default) and `make`. From it come the JSON config codec, the
 * `Options`/`Config` types, the TypeScript constructor (the same checks and messages as decoding,
 * unknown keys included), the registry entry and the docs' argument table.
 *
 * `make` receives the arguments checked one by one and with their defaults filled in; it checks
 * only what involves several arguments (throwing a `ScheduleError` naming one of them), and returns
 * a `Body`: the scheduler waiting for its type name and config.
 *
 * @internal
 */
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { FunctionNames, schedulerConfig } from '../core/codec.js'
import { type ConfigError, ScheduleError, formatValue } from '../core/errors.js'
import type { Scheduler, SchedulerConfig } from '../core/model.js'

// -------------------------------------------------------------------------------------
// arguments
// -------------------------------------------------------------------------------------

/** An argument of a schedule: how JSON writes it (`codec`), what it means (`doc`), and whether it may be left out. */
export interface Arg<T, K extends 'required' | 'optional' | 'default'> {
  readonly kind: K
  /** The codec of the JSON value (for a function argument: its registered name). */
  readonly codec: t.Type<any, any, unknown>
  readonly doc: string
  /** The default (kind `default`). */
  readonly default?: T
  /** Whether the TypeScript value is a function (or one per group) that JSON names. */
  readonly fn?: boolean
  /** Phantom: the TypeScript value. */
  readonly _T?: T
}

/** Any argument. */
export type AnyArg = Arg<any, 'required' | 'optional' | 'default'>

/** An argument table. */
export type Args = Readonly<Record<string, AnyArg>>

/** A required argument. */
export const required = <T>(codec: t.Type<T, any, unknown>, doc: string): Arg<T, 'required'> => ({ kind: 'required', codec, doc })

/** An argument with a default. */
export const withDefault = <T>(codec: t.Type<T, any, unknown>, doc: string, value: NoInfer<T>): Arg<T, 'default'> => ({
  kind: 'default',
  codec,
  doc,
  default: value
})

/** An argument that may be left out, with no default (`make` sees `undefined`). */
export const optional = <T>(codec: t.Type<T, any, unknown>, doc: string): Arg<T, 'optional'> => ({ kind: 'optional', codec, doc })

/** A function argument (JSON: a registered name, or one per group): required, or optional. */
export const fn = <F, K extends 'required' | 'optional'>(kind: K, doc: string): Arg<F | ReadonlyArray<F>, K> => ({
  kind,
  codec: FunctionNames,
  doc,
  fn: true
})

type ValueOf<A> = A extends Arg<infer T, any> ? T : never
type KeysOf<A extends Args, K> = { [P in keyof A]: A[P] extends Arg<any, infer X> ? (X extends K ? P : never) : never }[keyof A]

/** The TypeScript options of a schedule: required arguments, and the others optional. */
export type OptionsOf<A extends Args> = { readonly [P in KeysOf<A, 'required'>]: ValueOf<A[P]> } & {
  readonly [P in KeysOf<A, 'optional' | 'default'>]?: ValueOf<A[P]>
}

/** What `make` receives: every argument checked, defaults filled in. */
export type ArgsOf<A extends Args> = { readonly [P in KeysOf<A, 'required' | 'default'>]: ValueOf<A[P]> } & {
  readonly [P in KeysOf<A, 'optional'>]?: ValueOf<A[P]>
}

// -------------------------------------------------------------------------------------
// definitions
// -------------------------------------------------------------------------------------

/** A scheduler waiting for its type name and its config (what a builder returns). */
export type Body<S> = (meta: { readonly type: string; readonly config: SchedulerConfig }) => Scheduler<S>

/** Resolves a function name of a JSON config (`lrLambda: "warmup"`) to the function. */
export type Resolve = (path: string, name: string) => (x: number) => number

/** A schedule's definition: what the registry, the decoder, the constructor and the docs read. */
export interface Definition<T extends string = string, A extends Args = Args, S = unknown> {
  readonly type: T
  readonly summary: string
  readonly args: A
  /** The JSON config codec (`{ type, ...arguments }`, unknown keys rejected). */
  readonly codec: t.Type<any, any, unknown> & { readonly perGroupKeys: ReadonlyArray<string> }
  /** The arguments that name functions in JSON. */
  readonly functionKeys: ReadonlyArray<string>
  /** Builds the scheduler from a decoded JSON config (function names resolved with `resolve`). */
  build(config: Readonly<Record<string, unknown>>, resolve: Resolve): Scheduler<S>
  /** The TypeScript constructor: checks the options as decoding does, throws a `ScheduleError` listing every problem. */
  make(options: OptionsOf<A>): Scheduler<S>
}

/** A definition of any schedule. */
export type AnyDefinition = Definition<string, any, any>

/**
 * Defines a schedule. `make` takes the checked arguments, defaults filled in, and returns the
 * body of the scheduler (see the builders).
 */
export const define = <T extends string, A extends Args, S>(spec: {
  readonly type: T
  readonly summary: string
  readonly args: A
  readonly make: (args: ArgsOf<A>) => Body<S>
}): Definition<T, A, S> => {
  const { type, args } = spec
  const entries = Object.entries(args)
  const codec = schedulerConfig(
    type,
    Object.fromEntries(entries.filter(([, a]) => a.kind === 'required').map(([k, a]) => [k, a.codec])),
    Object.fromEntries(entries.filter(([, a]) => a.kind !== 'required').map(([k, a]) => [k, a.codec]))
  )
  const functionKeys = entries.filter(([, a]) => a.fn === true).map(([k]) => k)

  // the arguments with their defaults, the config (what was given or defaulted), and the scheduler
  const finish = (given: Readonly<Record<string, unknown>>): Scheduler<S> => {
    const filled: Record<string, unknown> = {}
    // copies: arrays and objects the caller keeps (and may change later) are not the schedule's
    for (const [k, a] of entries) {
      const v = given[k] === undefined ? a.default : given[k]
      if (v !== undefined) filled[k] = copy(v)
    }
    return spec.make(filled as ArgsOf<A>)({ type, config: Object.freeze({ type, ...filled }) })
  }

  const make = (options: OptionsOf<A>): Scheduler<S> => {
    const problems = checkOptions(type, args, options)
    if (problems.length > 0) throw errorOf(problems)
    return finish((options ?? {}) as Readonly<Record<string, unknown>>)
  }

  const build = (config: Readonly<Record<string, unknown>>, resolve: Resolve): Scheduler<S> => {
    const given: Record<string, unknown> = { ...config }
    delete given['type']
    for (const k of functionKeys) {
      const v = given[k]
      if (typeof v === 'string') given[k] = resolve(k, v)
      else if (Array.isArray(v)) given[k] = v.map((name: string, i) => resolve(`${k}[${i}]`, name))
    }
    return finish(given)
  }

  return { type, summary: spec.summary, args, codec, functionKeys, build, make }
}

/** A deep, frozen copy of plain data (arrays and plain objects); functions and numbers as they are. */
const copy = (v: unknown): unknown =>
  Array.isArray(v)
    ? Object.freeze(v.map(copy))
    : typeof v === 'object' && v !== null
      ? Object.freeze(Object.fromEntries(Object.entries(v).map(([k, x]) => [k, copy(x)])))
      : v

// -------------------------------------------------------------------------------------
// the TypeScript boundary
// -------------------------------------------------------------------------------------

/**
 * The problems of TypeScript options, as decoding reports them for the same JSON: unknown keys,
 * missing arguments, values out of range; functions where JSON has names.
 */
const checkOptions = (type: string, args: Args, options: unknown): ReadonlyArray<ConfigError> => {
  if (options === undefined) options = {}
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    return [{ path: 'options', message: `expected the options of ${type} (an object), got ${formatValue(options)}`, value: options }]
  const o = options as Record<string, unknown>
  const problems: ConfigError[] = []
  const names = Object.keys(args)
  for (const k of Object.keys(o))
    if (!Object.prototype.hasOwnProperty.call(args, k))
      problems.push({ path: k, message: `unknown argument of ${type} (${names.length === 0 ? 'it takes none' : `it takes ${names.join(', ')}`})`, value: o[k] })
  for (const [k, a] of Object.entries(args)) {
    const v = o[k]
    if (v === undefined) {
      if (a.kind === 'required') problems.push({ path: k, message: `missing, expected ${a.fn === true ? 'a function or an array of functions (one per param group)' : expectedOf(a)}`, value: v })
      continue
    }
    if (a.fn === true) {
      const ok = typeof v === 'function' || (Array.isArray(v) && v.length > 0 && v.every((f) => typeof f === 'function'))
      if (!ok) problems.push({ path: k, message: `expected a function or a non-empty array of functions (one per param group), got ${formatValue(v)}`, value: v })
      continue
    }
    const r = a.codec.validate(v, [{ key: k, type: a.codec, actual: v }])
    if (E.isLeft(r))
      for (const e of r.left) problems.push({ path: pathOfContext(e.context), message: e.message ?? `expected ${a.codec.name}`, value: e.value })
  }
  return problems
}

/** What an argument's codec expects, as its message for a missing value says it. */
const expectedOf = (a: AnyArg): string => {
  const r = a.codec.validate(undefined, [])
  const m = E.isLeft(r) ? r.left[0]?.message : undefined
  return m === undefined ? a.codec.name : m.replace(/^missing, expected /, '').replace(/^expected /, '').replace(/, got undefined$/, '')
}

const pathOfContext = (c: t.Context): string =>
  c
    .map((e) => e.key)
    .filter((k) => k !== '')
    .reduce((acc, k) => (/^\d+$/.test(k) ? `${acc}[${k}]` : acc === '' ? k : `${acc}.${k}`), '')

/** One `ScheduleError` for a list of problems: the first one's path and value, every problem in the message. */
export const errorOf = (problems: ReadonlyArray<ConfigError>): ScheduleError => {
  const first = problems[0] as ConfigError
  const expected = first.message.replace(/^missing, expected /, '').replace(/^expected /, '').replace(/, got .*$/s, '')
  return new ScheduleError(first.path, expected, first.value, problems.map((p) => `${p.path}: ${p.message}`).join('\n'))
}
