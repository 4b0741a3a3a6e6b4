// Reducers are pure: deep-frozen inputs, JSON states, identical continuations.
import { test } from '@fast-check/vitest'
import fc from 'fast-check'
import { expect } from 'vitest'
import { type Groups, resume, trace, traceArray } from '../../src/index.js'
import { anyConfig, groups, metricSeed } from '../helpers/arbitraries.js'
import { fromConfig } from '../helpers/fromConfig.js'
import { protocolOf } from '../../src/internal/protocol.js'

const deepFreeze = <A>(x: A): A => {
  if (typeof x === 'object' && x !== null && !Object.isFrozen(x)) {
    Object.freeze(x)
    for (const v of Object.values(x)) deepFreeze(v)
  }
  return x
}

/** True when a value is plain JSON data: numbers, strings, booleans, null, arrays and plain records. */
const isPlainJson = (x: unknown): boolean =>
  x === null ||
  ['number', 'string', 'boolean'].includes(typeof x) ||
  (Array.isArray(x) && x.every(isPlainJson)) ||
  (typeof x === 'object' && Object.getPrototypeOf(x) === Object.prototype && Object.values(x as object).every(isPlainJson))

test.prop([anyConfig, groups, fc.integer({ min: 0, max: 300 }), metricSeed], { numRuns: 200 })(
  'init and step never mutate their inputs (deep-frozen groups and states) and states are plain JSON',
  (config, gs, steps, ms) => {
    const s = fromConfig(config)
    const frozen = deepFreeze(structuredClone(gs))
    const before = structuredClone(frozen)
    let [g, st] = s.init(frozen)
    expect(frozen).toEqual(before)
    for (let k = 0; k < steps; k++) {
      // ES modules run in strict mode: any write to a frozen group or state throws a TypeError
      const gIn = deepFreeze(g)
      const sIn = deepFreeze(st)
      const copies = structuredClone([gIn, sIn])
      ;[g, st] = s.step(sIn, gIn, { metric: ms[k] as number })
      expect([gIn, sIn]).toEqual(copies)
      expect(isPlainJson(st)).toBe(true)
    }
  }
)

test.prop([anyConfig, groups, fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 }), metricSeed], { numRuns: 200 })(
  'a JSON round trip of the state at any step continues to the same trace',
  (config, gs, k, more, ms) => {
    const s = fromConfig(config)
    const whole = trace(s, gs, k + more, ms)
    const first = trace(s, gs, k, ms)
    const revived = JSON.parse(JSON.stringify(first.state))
    const groupsRevived = JSON.parse(JSON.stringify(first.groups)) as Groups
    const rest = resume(s, groupsRevived, revived, more, ms.slice(k))
    // the same numbers; JSON writes -0 as 0 (equal, not the same bits), so compare through JSON
    const json = (x: unknown) => JSON.parse(JSON.stringify(x))
    expect(json(rest.lr)).toEqual(json(whole.lr.slice(k)))
    if (protocolOf(s).setsMomentum) expect(json(rest.momentum)).toEqual(json(whole.momentum!.slice(k)))
  }
)

test.prop([anyConfig, groups, fc.integer({ min: 0, max: 400 }), metricSeed], { numRuns: 200 })(
  'the Float64Array fast path gives the reducer fold, bit for bit',
  (config, gs, steps, ms) => {
    const s = fromConfig(config)
    const t = trace(s, gs, steps, ms)
    const fast = traceArray(s, gs, steps, ms)
    expect(Array.from(fast.lr)).toEqual(t.lr.flat())
    if (protocolOf(s).setsMomentum) expect(Array.from(fast.momentum!)).toEqual(t.momentum!.flat())
    else expect(fast.momentum).toBeUndefined()
  }
)
