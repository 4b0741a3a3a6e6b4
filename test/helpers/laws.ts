// Checks every scheduler must pass: purity of init/step/restart on frozen inputs, and traceArray
// (the typed-array fast path) giving the same numbers as trace (the pure reducer), bit for bit.
import { expect } from 'vitest'
import { type Groups, type Scheduler, trace, traceArray } from '../../src/index.js'
import { expectIdentical } from './close.js'
import { deepFreeze } from './freeze.js'
import { protocolOf } from '../../src/internal/protocol.js'

/**
 * Runs init, `steps` steps and a restart on deep-frozen groups and states: nothing may throw (a
 * write to a frozen object throws in ESM's strict mode) and every input must be unchanged.
 */
export const expectPure = <S>(s: Scheduler<S>, groups: Groups, steps: number): void => {
  const g0 = deepFreeze(structuredClone(groups))
  const [g1, s1] = s.init(g0)
  expect(g0).toEqual(groups)
  let g = deepFreeze(g1)
  let st = deepFreeze(s1)
  for (let k = 0; k < steps; k++) {
    const gBefore = structuredClone(g)
    const sBefore = structuredClone(st)
    const [gn, sn] = s.step(st, g)
    expect(g).toEqual(gBefore)
    expect(st).toEqual(sBefore)
    g = deepFreeze(gn)
    st = deepFreeze(sn)
  }
  const gBefore = structuredClone(g)
  const sBefore = structuredClone(st)
  protocolOf(s).restart(st, g)
  expect(g).toEqual(gBefore)
  expect(st).toEqual(sBefore)
}

/** traceArray and trace agree entry by entry, lr and momentum (the fast step and the reducer share their formulas). */
export const expectTraceArrayMatches = (s: Scheduler<any>, groups: Groups | ReadonlyArray<number>, steps: number): void => {
  const t = trace(s, groups, steps)
  const a = traceArray(s, groups, steps)
  expect(a.groups).toBe(groups.length)
  expect(a.steps).toBe(steps)
  expectIdentical(a.lr, t.lr.flat())
  if (t.momentum === undefined) expect(a.momentum).toBeUndefined()
  else {
    expect(a.momentum).toBeDefined()
    expectIdentical(a.momentum ?? [], t.momentum.flat())
  }
}
