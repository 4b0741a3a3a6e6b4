/**
 * The building blocks of the JSON config codecs: argument codecs made from the same checks the
 * constructors run (one source for every rule and its message), and a strict object codec that
 * rejects unknown keys (io-ts's `exact`/`strict` silently drop them).
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { ScheduleError, formatValue } from './errors.js'
import type { AnyScheduler } from './model.js'
import * as V from './validate.js'

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * An argument codec from a check of `validate`: the check's `expected` becomes the error message.
 *
 * @example
 * import { argument, ScheduleError } from 'lr-schedule'
 * const Percent = argument('Percent', (path, v) => {
 *   if (typeof v !== 'number' || !(v >= 0 && v <= 100)) throw new ScheduleError(path, 'a percentage', v)
 *   return v
 * })
 * Percent.decode(120) // a Left whose message is 'expected a percentage, got 120'
 *
 * @category constructors
 * @since 0.1.0
 */
export const argument = <A>(name: string, check: (path: string, v: unknown) => A): t.Type<A, A, unknown> =>
  new t.Type<A, A, unknown>(
    name,
    (u): u is A => E.isRight(tryCheck(check, u)),
    (u, c) => {
      const r = tryCheck(check, u)
      if (E.isRight(r)) return t.success(r.right)
      return t.failure(u, c, messageOf(r.left))
    },
    t.identity
  )

const messageOf = (e: ScheduleError): string =>
  e.value === undefined ? `missing, expected ${e.expected}` : `expected ${e.expected}, got ${formatValue(e.value)}`

/** Runs a check, turning its ScheduleError into data. */
const tryCheck = <A>(check: (path: string, v: unknown) => A, u: unknown): E.Either<ScheduleError, A> => {
  try {
    return E.right(check('', u))
  } catch (e) {
    if (e instanceof ScheduleError) return E.left(e)
    throw e
  }
}

/**
 * A validation error at a sub-path of a context (for codecs that report nested problems).
 *
 * @example
 * import { failureAt } from 'lr-schedule'
 * failureAt([], ['milestones', '1'], 2.5, 'expected a non-negative integer, got 2.5').context.length // 2
 *
 * @category constructors
 * @since 0.1.0
 */
export const failureAt = (c: t.Context, keys: ReadonlyArray<string>, value: unknown, message: string): t.ValidationError => ({
  value,
  context: [...c, ...keys.map((key) => ({ key, type: t.unknown, actual: value }))],
  message
})

// -------------------------------------------------------------------------------------
// arguments
// -------------------------------------------------------------------------------------

/**
 * An integer >= 1.
 *
 * @example
 * import { PositiveInteger } from 'lr-schedule'
 * PositiveInteger.is(3) // true
 *
 * @category arguments
 * @since 0.1.0
 */
export const PositiveInteger = argument('PositiveInteger', V.positiveInteger)
/**
 * An integer >= 0.
 *
 * @example
 * import { NonNegativeInteger } from 'lr-schedule'
 * NonNegativeInteger.is(0) // true
 *
 * @category arguments
 * @since 0.1.0
 */
export const NonNegativeInteger = argument('NonNegativeInteger', V.nonNegativeInteger)
/**
 * A finite number.
 *
 * @example
 * import { Finite } from 'lr-schedule'
 * Finite.is(Infinity) // false
 *
 * @category arguments
 * @since 0.1.0
 */
export const Finite = argument('Finite', V.finite)
/**
 * A finite number > 0.
 *
 * @example
 * import { Positive } from 'lr-schedule'
 * Positive.is(0) // false
 *
 * @category arguments
 * @since 0.1.0
 */
export const Positive = argument('Positive', V.positive)
/**
 * A finite number >= 0.
 *
 * @example
 * import { NonNegative } from 'lr-schedule'
 * NonNegative.is(0) // true
 *
 * @category arguments
 * @since 0.1.0
 */
export const NonNegative = argument('NonNegative', V.nonNegative)
/**
 * A boolean.
 *
 * @example
 * import { Bool } from 'lr-schedule'
 * Bool.is(true) // true
 *
 * @category arguments
 * @since 0.1.0
 */
export const Bool = argument('Boolean', V.boolean)

/**
 * A number in an interval (as `validate.inRange`).
 *
 * @example
 * import { InRange } from 'lr-schedule'
 * const Factor = InRange(0, 1, { lo: true })
 *
 * @category arguments
 * @since 0.1.0
 */
export const InRange = (lo: number, hi: number, open: { readonly lo?: boolean; readonly hi?: boolean } = {}) =>
  argument('InRange', (p, v) => V.inRange(p, v, lo, hi, open))

/**
 * One of the listed strings.
 *
 * @example
 * import { OneOf } from 'lr-schedule'
 * const Mode = OneOf(['min', 'max'] as const)
 *
 * @category arguments
 * @since 0.1.0
 */
export const OneOf = <A extends string>(values: ReadonlyArray<A>) => argument<A>('OneOf', (p, v) => V.oneOf(p, v, values))

/**
 * A per-group argument: a number, or a non-empty array with one per group, each entry checked.
 *
 * @example
 * import { PerGroup, NonNegative } from 'lr-schedule'
 * const MaxLr = PerGroup(NonNegative)
 *
 * @category arguments
 * @since 0.1.0
 */
export const PerGroup = (entry: t.Type<number, number, unknown>) =>
  new t.Type<number | ReadonlyArray<number>, number | ReadonlyArray<number>, unknown>(
    `PerGroup<${entry.name}>`,
    (u): u is number | ReadonlyArray<number> => (Array.isArray(u) ? u.length > 0 && u.every(entry.is) : entry.is(u)),
    (u, c) => {
      if (!Array.isArray(u)) return entry.validate(u, c)
      if (u.length === 0) return t.failure(u, c, 'expected a number or a non-empty array of numbers (one per param group), got []')
      const errors = u.flatMap((x, i) => {
        const r = entry.validate(x, [...c, { key: String(i), type: entry, actual: x }])
        return E.isLeft(r) ? r.left : []
      })
      return errors.length > 0 ? t.failures(errors) : t.success(u as ReadonlyArray<number>)
    },
    t.identity
  )

/**
 * An array of entries, every bad entry reported.
 *
 * @example
 * import { ArrayOf, NonNegativeInteger } from 'lr-schedule'
 * const Milestones = ArrayOf(NonNegativeInteger)
 *
 * @category arguments
 * @since 0.1.0
 */
export const ArrayOf = <A, O>(entry: t.Type<A, O, unknown>, { nonEmpty = false } = {}) =>
  new t.Type<ReadonlyArray<A>, ReadonlyArray<O>, unknown>(
    `Array<${entry.name}>`,
    (u): u is ReadonlyArray<A> => Array.isArray(u) && (!nonEmpty || u.length > 0) && u.every(entry.is),
    (u, c) => {
      if (!Array.isArray(u) || (nonEmpty && u.length === 0))
        return t.failure(u, c, `${u === undefined ? 'missing, expected' : 'expected'} ${nonEmpty ? 'a non-empty array' : 'an array'}${u === undefined ? '' : `, got ${formatValue(u)}`}`)
      const errors: t.ValidationError[] = []
      const values: A[] = []
      u.forEach((x, i) => {
        const r = entry.validate(x, [...c, { key: String(i), type: entry, actual: x }])
        if (E.isLeft(r)) for (const e of r.left) errors.push(e)
        else values.push(r.right)
      })
      return errors.length > 0 ? t.failures(errors) : t.success(values)
    },
    (as) => as.map(entry.encode)
  )

/**
 * A function name: a string, or a non-empty array of strings (one per group). Whether the names
 * are registered is checked when the config is built.
 *
 * @example
 * import { FunctionNames } from 'lr-schedule'
 * FunctionNames.is('warmup') // true
 *
 * @category arguments
 * @since 0.1.0
 */
export const FunctionNames = new t.Type<string | ReadonlyArray<string>, string | ReadonlyArray<string>, unknown>(
  'FunctionNames',
  (u): u is string | ReadonlyArray<string> =>
    typeof u === 'string' || (Array.isArray(u) && u.length > 0 && u.every((x) => typeof x === 'string')),
  (u, c) =>
    typeof u === 'string' || (Array.isArray(u) && u.length > 0 && u.every((x) => typeof x === 'string'))
      ? t.success(u as string | ReadonlyArray<string>)
      : t.failure(u, c, `${u === undefined ? 'missing, expected' : 'expected'} a function name or a non-empty array of names (one per param group)${u === undefined ? '' : `, got ${formatValue(u)}`}`),
  t.identity
)

/**
 * One function name (checked against the registered functions when the config is built).
 *
 * @example
 * import { FunctionName } from 'lr-schedule'
 * FunctionName.is('halving') // true
 *
 * @category arguments
 * @since 0.1.0
 */
export const FunctionName = new t.Type<string, string, unknown>(
  'FunctionName',
  (u): u is string => typeof u === 'string',
  (u, c) => (typeof u === 'string' ? t.success(u) : t.failure(u, c, `expected a function name, got ${formatValue(u)}`)),
  t.identity
)

// -------------------------------------------------------------------------------------
// objects
// -------------------------------------------------------------------------------------

/**
 * The argument codecs of a config, by name.
 *
 * @example
 * import type { Props } from 'lr-schedule'
 *
 * @category objects
 * @since 0.1.0
 */
export type Props = Record<string, t.Mixed>
type Decoded<R extends Props, O extends Props> = { readonly [K in keyof R]: t.TypeOf<R[K]> } & {
  readonly [K in keyof O]?: t.TypeOf<O[K]>
}

/**
 * The codec of one scheduler's config: `{ type, ...required, ...optional }`; unknown keys are
 * errors that list the arguments the scheduler takes, and every problem is reported.
 *
 * @example
 * import { schedulerConfig, PositiveInteger, Positive } from 'lr-schedule'
 * const StepLRConfig = schedulerConfig('StepLR', { stepSize: PositiveInteger }, { gamma: Positive })
 *
 * @category objects
 * @since 0.1.0
 */
export const schedulerConfig = <T extends string, R extends Props, O extends Props>(type: T, required: R, optional: O) => {
  const keys = ['type', ...Object.keys(required), ...Object.keys(optional)]
  const codec = new t.Type<{ readonly type: T } & Decoded<R, O>, { readonly type: T } & Decoded<R, O>, unknown>(
    type,
    (u): u is { readonly type: T } & Decoded<R, O> => E.isRight(validate(u, [])),
    (u, c) => validate(u, c),
    t.identity
  )
  // the arguments that take one value per param group (their arrays must agree in length)
  const perGroupKeys = Object.entries({ ...required, ...optional })
    .filter(([, c]) => c.name.startsWith('PerGroup<') || c.name === 'FunctionNames')
    .map(([k]) => k)
  return Object.assign(codec, { perGroupKeys: perGroupKeys as ReadonlyArray<string> })
  function validate(u: unknown, c: t.Context): t.Validation<{ readonly type: T } & Decoded<R, O>> {
    if (typeof u !== 'object' || u === null || Array.isArray(u)) return t.failure(u, c, `expected a ${type} config object, got ${formatValue(u)}`)
    const o = u as Record<string, unknown>
    const errors: t.ValidationError[] = []
    const out: Record<string, unknown> = { type }
    for (const k of Object.keys(o)) {
      if (!keys.includes(k))
        errors.push(failureAt(c, [k], o[k], `unknown argument of ${type} (${keys.length === 1 ? 'it takes none' : `it takes ${keys.filter((x) => x !== 'type').join(', ')}`})`))
    }
    const field = (k: string, codec: t.Mixed, isRequired: boolean): void => {
      if (!isRequired && o[k] === undefined) return
      const r = codec.validate(o[k], [...c, { key: k, type: codec, actual: o[k] }])
      if (E.isLeft(r)) for (const e of r.left) errors.push(e)
      else out[k] = r.right
    }
    for (const [k, codec] of Object.entries(required)) field(k, codec, true)
    for (const [k, codec] of Object.entries(optional)) field(k, codec, false)
    return errors.length > 0 ? t.failures(errors) : t.success(out as { readonly type: T } & Decoded<R, O>)
  }
}

// -------------------------------------------------------------------------------------
// families
// -------------------------------------------------------------------------------------

/**
 * A scheduler family of the declarative format: its config codec and how to build it.
 *
 * @example
 * import type { Family } from 'lr-schedule'
 *
 * @category model
 * @since 0.1.0
 */
export interface Family {
  readonly codec: t.Type<any, any, unknown>
  /** Builds the scheduler from a decoded config; `fn` resolves function names. */
  readonly build: (config: any, fn: (path: string, name: string) => (x: number) => number) => AnyScheduler
  /** The config keys that name functions (encoded back to names). */
  readonly functionKeys?: ReadonlyArray<string>
}
