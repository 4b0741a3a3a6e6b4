// Checks shared by the optax preset tests: the values of a schedule (row k = optax's value at count
// k, the same in every group), and its closed form against the fold, bit for bit.
import { expect } from 'vitest'
import { type AnyScheduler, paramGroups, trace } from '../../../src/index.js'
import { expectIdentical } from '../../helpers/close.js'
import { expectPure, expectTraceArrayMatches } from '../../helpers/laws.js'
import { range } from '../../helpers/lists.js'
import { protocolOf } from '../../../src/internal/protocol.js'

/** The schedule's values at counts 0..steps (group 0 of a trace started from lr 123: ignored). */
export const valuesOf = (s: AnyScheduler, steps: number): number[] => trace(s, [123], steps).lr.map((r) => r[0] as number)

/**
 * The laws every optax preset obeys: every group gets the same value whatever its lr, the closed
 * form is the fold bit for bit, traceArray is trace bit for bit, and the reducer is pure.
 */
export const expectLaws = (s: AnyScheduler, steps = 60): void => {
  const t = trace(s, [0.1, 7], steps)
  t.lr.forEach((row) => expect(row[1]).toBe(row[0]))
  const initial = t.groups.map((g) => g.initialLr as number)
  expectIdentical(t.lr, range(steps + 1, (k) => protocolOf(s).closedForm!(k, initial)))
  expectTraceArrayMatches(s, [0.1, 7], steps)
  expectPure(s, paramGroups([0.1, 7]), Math.min(steps, 10))
  expect(protocolOf(s).multiplier).toBeUndefined()
}
