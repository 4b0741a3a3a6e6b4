// Checkpoints written by lr-schedule 0.1.0 (test/fixtures/checkpoints/v0.1.0.json, saved with the
// 0.1.0 build by scripts/checkpoint-fixture-0.1.0.mjs before the architecture changed) still load
// into the same config decoded today, and resume to the lrs 0.1.0 gave, bit for bit.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { loadCheckpoint, resume, scheduleFromConfig } from '../../src/index.js'

interface Case {
  readonly name: string
  readonly config: unknown
  readonly steps: number
  readonly checkpoint: string
  readonly restMetrics?: ReadonlyArray<number>
  readonly rest: ReadonlyArray<ReadonlyArray<number>>
  readonly restMomentum?: ReadonlyArray<ReadonlyArray<number>>
}
const fixture = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'checkpoints', 'v0.1.0.json'), 'utf8')) as {
  readonly version: string
  readonly cases: ReadonlyArray<Case>
}

describe(`checkpoints of lr-schedule ${fixture.version}`, () => {
  test('the fixture holds every family', () => {
    expect(fixture.cases.length).toBe(10)
  })
  test.each(fixture.cases.map((c) => [c.name, c] as const))('%s: loads and resumes to the same lrs', (_name, c) => {
    const s = scheduleFromConfig(c.config)
    const loaded = loadCheckpoint(s, c.checkpoint)
    if (loaded._tag === 'Left') throw new Error(JSON.stringify(loaded.left))
    expect(loaded.right.steps).toBe(c.steps)
    const run = resume(s, loaded.right.groups, loaded.right.state, c.rest.length - 1, c.restMetrics)
    expect(run.lr).toEqual(c.rest)
    if (c.restMomentum !== undefined) expect(run.momentum).toEqual(c.restMomentum)
  })
})
