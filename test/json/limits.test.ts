// Deep or huge input is decoded into errors, never into an exception (issue 12.7): composites
// nested ~1,000 deep, values nested ~3,000 deep, 10^5 invalid entries, a 10^6-character key.
import { describe, expect, test } from 'vitest'
import { MAX_DEPTH, decodeSchedule, formatConfigErrors } from '../../src/index.js'

const lines = (json: unknown): ReadonlyArray<string> => {
  const r = decodeSchedule(json)
  if (r._tag === 'Right') throw new Error('expected errors')
  return formatConfigErrors(r.left)
}

const nestedChains = (depth: number): unknown => {
  let c: unknown = { type: 'StepLR', stepSize: 1 }
  for (let i = 0; i < depth; i++) c = { type: 'ChainedScheduler', schedulers: [c] }
  return c
}

describe('depth', () => {
  test(`the limit is ${MAX_DEPTH} levels of objects and arrays: a chain of chains 31 deep (62 levels + the leaf) decodes`, () => {
    expect(decodeSchedule(nestedChains(31))._tag).toBe('Right')
  })
  test('composites nested 1,000 deep: one error naming the path where the limit is passed', () => {
    const r = lines(nestedChains(1000))
    expect(r).toHaveLength(1)
    // 64 levels: 32 chains, each `schedulers[0]` (an object and an array)
    expect(r[0]).toBe(`${'schedulers[0].'.repeat(32).slice(0, -1)}: expected a config nested at most 64 levels deep (objects and arrays), got a deeper value`)
  })
  test('a value nested 3,000 deep in an argument', () => {
    let v: unknown = 1
    for (let i = 0; i < 3000; i++) v = [v]
    const r = lines({ type: 'MultiStepLR', milestones: v })
    expect(r).toHaveLength(1)
    expect(r[0]).toMatch(/^milestones(\[0\]){63}: expected a config nested at most 64 levels deep/)
  })
})

describe('size', () => {
  test('10^5 invalid entries in one array: the first 20 problems, then "… and 99,980 more"', () => {
    const r = lines({ type: 'MultiStepLR', milestones: Array.from({ length: 100_000 }, () => -1) })
    expect(r).toHaveLength(21)
    expect(r[0]).toBe('milestones[0]: expected a non-negative integer, got -1')
    expect(r[19]).toBe('milestones[19]: expected a non-negative integer, got -1')
    expect(r[20]).toBe('config: … and 99,980 more')
  })
  test('a 10^6-character key: one line, the key cut to 1,000 characters and its length said', () => {
    const key = 'k'.repeat(1_000_000)
    const r = lines({ type: 'StepLR', stepSize: 1, [key]: 1 })
    expect(r).toHaveLength(1)
    expect(r[0]!.length).toBeLessThan(2_200)
    expect(r[0]).toContain('… (1,000,000 characters)')
  })
})
