/**
 * Argument checks shared by every scheduler's constructor. Each returns the value it checked (narrowed)
 * or throws a `ScheduleError` naming the argument.
 *
 * @internal
 */
import { ScheduleError } from './errors.js'

const isNumber = (v: unknown): v is number => typeof v === 'number' && !Number.isNaN(v)

/** A finite number. */
export const finite = (path: string, v: unknown): number => {
  if (!isNumber(v) || !Number.isFinite(v)) throw new ScheduleError(path, 'a finite number', v)
  return v
}

/** A finite number > 0. */
export const positive = (path: string, v: unknown): number => {
  if (!isNumber(v) || !Number.isFinite(v) || v <= 0) throw new ScheduleError(path, 'a finite number > 0', v)
  return v
}

/** A finite number >= 0. */
export const nonNegative = (path: string, v: unknown): number => {
  if (!isNumber(v) || !Number.isFinite(v) || v < 0) throw new ScheduleError(path, 'a finite number >= 0', v)
  return v
}

/** An integer >= 1. */
export const positiveInteger = (path: string, v: unknown): number => {
  if (!isNumber(v) || !Number.isSafeInteger(v) || v < 1) throw new ScheduleError(path, 'a positive integer', v)
  return v
}

/** An integer >= 0. */
export const nonNegativeInteger = (path: string, v: unknown): number => {
  if (!isNumber(v) || !Number.isSafeInteger(v) || v < 0) throw new ScheduleError(path, 'a non-negative integer', v)
  return v
}

/** A number in an interval; `lo`/`hi` inclusive unless marked open. */
export const inRange = (
  path: string,
  v: unknown,
  lo: number,
  hi: number,
  open: { readonly lo?: boolean; readonly hi?: boolean } = {}
): number => {
  const ok =
    isNumber(v) && (open.lo === true ? v > lo : v >= lo) && (open.hi === true ? v < hi : v <= hi)
  if (!ok) throw new ScheduleError(path, `a number in ${open.lo === true ? '(' : '['}${lo}, ${hi}${open.hi === true ? ')' : ']'}`, v)
  return v
}

/** One of the listed strings. */
export const oneOf = <A extends string>(path: string, v: unknown, values: ReadonlyArray<A>): A => {
  if (typeof v !== 'string' || !(values as ReadonlyArray<string>).includes(v))
    throw new ScheduleError(path, `one of ${values.map((x) => JSON.stringify(x)).join(', ')}`, v)
  return v as A
}

/** A boolean. */
export const boolean = (path: string, v: unknown): boolean => {
  if (typeof v !== 'boolean') throw new ScheduleError(path, 'a boolean', v)
  return v
}

/** A function. */
export const func = <F>(path: string, v: unknown): F => {
  if (typeof v !== 'function') throw new ScheduleError(path, 'a function', v)
  return v as F
}

/** A non-empty array. */
export const nonEmptyArray = <A>(path: string, v: unknown): ReadonlyArray<A> => {
  if (!Array.isArray(v) || v.length === 0) throw new ScheduleError(path, 'a non-empty array', v)
  return v as ReadonlyArray<A>
}

/** An array. */
export const array = <A>(path: string, v: unknown): ReadonlyArray<A> => {
  if (!Array.isArray(v)) throw new ScheduleError(path, 'an array', v)
  return v as ReadonlyArray<A>
}

/** A per-group argument: one value for every group, or an array with one entry per group (checked here entry by entry). */
export const perGroup = (
  path: string,
  v: unknown,
  check: (path: string, v: unknown) => number
): number | ReadonlyArray<number> => {
  if (Array.isArray(v)) {
    if (v.length === 0) throw new ScheduleError(path, 'a number or a non-empty array of numbers', v)
    return v.map((x, i) => check(`${path}[${i}]`, x))
  }
  return check(path, v)
}

/** Checks that a per-group array has one entry per param group. */
export const groupCount = (path: string, v: unknown, n: number): void => {
  if (Array.isArray(v) && v.length !== n)
    throw new ScheduleError(path, `${n} value${n === 1 ? '' : 's'} (one per param group)`, v)
}

/** The entry of a per-group argument for group `i`. */
export const at = <A>(v: A | ReadonlyArray<A>, i: number): A =>
  Array.isArray(v) ? (v as ReadonlyArray<A>)[i] as A : (v as A)

/** A per-group argument (one value for all, or one per group) as a column of `n` values. */
export const column = (v: number | ReadonlyArray<number>, n: number): Float64Array => Float64Array.from({ length: n }, (_, i) => at(v, i))

/** Whether every entry of a column is the same number (bit for bit). */
export const uniform = (xs: Float64Array): boolean => xs.every((x) => Object.is(x, xs[0]))

/** The value of an optional argument, its default when absent (`undefined`). */
export const withDefault = <A>(v: A | undefined, d: A): A => (v === undefined ? d : v)

/** A function, or a non-empty array of functions (one per group). */
export const funcs = <F>(path: string, v: unknown): F | ReadonlyArray<F> =>
  Array.isArray(v) ? nonEmptyArray<unknown>(path, v).map((f, i) => func<F>(`${path}[${i}]`, f)) : func<F>(path, v)

/** A plain object with exactly the given keys (a state read back from JSON). */
export const record = (path: string, v: unknown, keys: ReadonlyArray<string>): Readonly<Record<string, unknown>> => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ScheduleError(path, `an object with ${keys.join(', ')}`, v)
  const o = v as Record<string, unknown>
  for (const k of Object.keys(o)) if (!keys.includes(k)) throw new ScheduleError(`${path}.${k}`, `no such key (the state has ${keys.join(', ')})`, o[k])
  return o
}
