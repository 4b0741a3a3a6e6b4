/**
 * The one error type of the library: an invalid argument, named by its path.
 *
 * @since 0.1.0
 */

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * An argument (or a param group, or a state) that a scheduler cannot use; `path` names it.
 *
 * @example
 * import { stepLR, ScheduleError } from 'lr-schedule'
 * try { stepLR({ stepSize: 0 }) } catch (e) { (e as ScheduleError).message } // 'stepSize: expected a positive integer, got 0'
 *
 * @category model
 * @since 0.1.0
 */
export class ScheduleError extends Error {
  /** The path of the offending value, e.g. `stepSize` or `schedulers[1].tMax`. */
  readonly path: string
  /** What was expected, e.g. `a positive integer`. */
  readonly expected: string
  /** The value found. */
  readonly value: unknown

  constructor(path: string, expected: string, value: unknown, message?: string) {
    super(message ?? `${path}: expected ${expected}, got ${formatValue(value)}`)
    this.name = 'ScheduleError'
    this.path = path
    this.expected = expected
    this.value = value
  }
}

/**
 * One problem of a config (or of options, a checkpoint, a state): where (`schedulers[1].tMax`),
 * what is wrong, and the value found. Decoding returns them as data.
 *
 * @example
 * import type { ConfigError } from 'lr-schedule'
 * const e: ConfigError = { path: 'stepSize', message: 'expected a positive integer, got 0', value: 0 }
 *
 * @category model
 * @since 0.1.0
 */
export interface ConfigError {
  readonly path: string
  readonly message: string
  readonly value: unknown
}

// -------------------------------------------------------------------------------------
// utils
// -------------------------------------------------------------------------------------

/** Marks a non-finite number while a value is stringified (a character no message holds). */
const NON_FINITE = '\u0000'
/** A marked non-finite number in JSON text (where the mark is escaped as `\u0000`). */
const NON_FINITE_JSON = /"\\u0000(NaN|-?Infinity)\\u0000"/g

/**
 * Renders a value the way error messages show it: numbers as JavaScript prints them (NaN and
 * ±Infinity too, inside arrays and objects), the rest as JSON.
 *
 * @example
 * import { formatValue } from 'lr-schedule'
 * formatValue(NaN) // 'NaN'
 * formatValue('x') // '"x"'
 * formatValue([0.1, Infinity]) // '[0.1,Infinity]' (JSON would write null)
 *
 * @category utils
 * @since 0.1.0
 */
export const formatValue = (value: unknown): string => {
  if (typeof value === 'number') return String(value)
  if (value === undefined) return 'undefined'
  if (typeof value === 'function') return 'a function'
  try {
    // JSON writes NaN and ±Infinity as null: inside an array or an object they are shown as JavaScript
    // prints them (`[Infinity]`, not `[null]`), marked while stringifying and unquoted after
    const json = JSON.stringify(value, (_k, v: unknown) =>
      typeof v === 'function' ? '<function>' : typeof v === 'number' && !Number.isFinite(v) ? `${NON_FINITE}${v}${NON_FINITE}` : v
    )
    const s = json?.replace(NON_FINITE_JSON, '$1')
    return s === undefined ? String(value) : s.length > 80 ? `${s.slice(0, 77)}...` : s
  } catch {
    return String(value)
  }
}
