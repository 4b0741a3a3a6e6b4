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

/**
 * Renders a value the way error messages show it: numbers as JavaScript prints them, the rest as JSON.
 *
 * @example
 * import { formatValue } from 'lr-schedule'
 * formatValue(NaN) // 'NaN'
 * formatValue('x') // '"x"'
 *
 * @category utils
 * @since 0.1.0
 */
export const formatValue = (value: unknown): string => {
  if (typeof value === 'number') return String(value)
  if (value === undefined) return 'undefined'
  if (typeof value === 'function') return 'a function'
  try {
    const s = JSON.stringify(value, (_k, v: unknown) => (typeof v === 'function' ? '<function>' : v))
    return s === undefined ? String(value) : s.length > 80 ? `${s.slice(0, 77)}...` : s
  } catch {
    return String(value)
  }
}
