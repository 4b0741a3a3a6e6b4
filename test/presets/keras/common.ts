// Shared checks of the Keras preset tests.
import { expect } from 'vitest'
import { type Scheduler, closedFormTrace, paramGroups, trace } from '../../../src/index.js'
import { expectIdentical } from '../../helpers/close.js'
import { expectPure, expectTraceArrayMatches } from '../../helpers/laws.js'

/** The values of steps 0..n (one group; Keras schedules ignore the group's lr). */
export const values = (s: Scheduler<any>, n: number): ReadonlyArray<number> => trace(s, [0.1], n).lr.map((r) => r[0] as number)

/**
 * The laws every Keras preset obeys: its closed form equals the fold bit for bit (both are the same
 * expression of the step), every group gets the same absolute value whatever its own lr, the fast
 * path equals the reducer, and nothing is mutated.
 */
export const expectKerasLaws = (s: Scheduler<any>, n: number): void => {
  const t = trace(s, [0.05, 3], n)
  expectIdentical(closedFormTrace(s, [0.05, 3], n), t.lr)
  t.lr.forEach((row) => expect(row[1]).toBe(row[0]))
  expectIdentical(trace(s, [7], n).lr.map((r) => r[0] as number), t.lr.map((r) => r[0] as number))
  expectTraceArrayMatches(s, [0.05, 3], n)
  expectPure(s, paramGroups([0.05, 3]), Math.min(n, 20))
}
