// Helpers for tests of the declarative format: decode or fail, the rendered error lines, and
// bit-for-bit trace comparison of two schedulers.
import { expect } from 'vitest'
import {
  type AnyScheduler,
  type ConfigError,
  type DecodeContext,
  type Groups,
  decodeSchedule,
  formatConfigErrors,
  trace
} from '../../src/index.js'
import { expectIdentical } from './close.js'
import { functions } from './functions.js'
import { protocolOf } from '../../src/internal/protocol.js'

/** Decodes with the test registry's functions (and `ctx`), failing the test on errors. */
export const decodeOk = (json: unknown, ctx: DecodeContext = {}): AnyScheduler => {
  const r = decodeSchedule(json, { functions, ...ctx })
  if (r._tag === 'Left') throw new Error(`expected ${JSON.stringify(json)} to decode, got:\n${formatConfigErrors(r.left).join('\n')}`)
  return r.right
}

/** The problems of a config that must be rejected (failing the test if it decodes). */
export const configErrors = (json: unknown, ctx: DecodeContext = {}): ReadonlyArray<ConfigError> => {
  const r = decodeSchedule(json, { functions, ...ctx })
  if (r._tag === 'Right') throw new Error(`expected ${JSON.stringify(json)} to be rejected, but it decoded`)
  return r.left
}

/** The rendered error lines of a config that must be rejected. */
export const errorLines = (json: unknown, ctx: DecodeContext = {}): ReadonlyArray<string> => formatConfigErrors(configErrors(json, ctx))

/** Asserts that two schedulers give the same trace, bit for bit (lr and, where set, momentum). */
export const expectSameTrace = (
  actual: AnyScheduler,
  expected: AnyScheduler,
  groups: Groups | ReadonlyArray<number>,
  steps: number,
  metrics?: ReadonlyArray<number>
): void => {
  const a = trace(actual, groups, steps, metrics)
  const e = trace(expected, groups, steps, metrics)
  expectIdentical(a.lr, e.lr)
  expect(protocolOf(actual).setsMomentum).toBe(protocolOf(expected).setsMomentum)
  if (e.momentum !== undefined) expectIdentical(a.momentum ?? [], e.momentum)
  expect(a.state).toEqual(e.state)
}
