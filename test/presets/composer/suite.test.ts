// Composer's own tests/optim/test_scheduler.py::test_scheduler_init cases (v0.32.1), recorded by
// scripts/gen_composer_fixtures.py by evaluating each scheduler at the test's times as that test
// does (max_duration 1000ep scaled by the ratio, 1000 batches per epoch): Composer's multiplier at
// batch t is our row t + 1 (the loop's λ(t)), read from the closed form (t reaches 10⁶ batches).
// Bar: as fixtures.test.ts (1e-12 relative, 1e-15 absolute on multipliers of scale ~1), and the
// test's own expected values within its tolerance (abs 1e-3). The one case Composer's Trainer
// refuses (its tMax is shorter than the unscaled max_duration the LambdaLR is built with) is
// rejected at decode.
import { describe, expect, test } from 'vitest'
import { decodeSchedule } from '../../../src/index.js'
import { protocolOf } from '../../../src/internal/protocol.js'
import { fromConfig } from '../../helpers/fromConfig.js'
import { fixtureFiles } from '../../helpers/replay.js'

interface SuiteCase {
  readonly name: string
  readonly config: { readonly type: string } & Record<string, unknown>
  readonly trainer: string
  readonly points: ReadonlyArray<readonly [number, number, number]>
}

const [[, suite]] = fixtureFiles('composer-suite') as unknown as [[string, { readonly cases: ReadonlyArray<SuiteCase> }]]

describe("Composer's test_scheduler_init", () => {
  test('all 46 cases, one of which the Trainer refuses', () => {
    expect(suite.cases).toHaveLength(46)
    expect(suite.cases.filter((c) => c.trainer !== 'ok').map((c) => c.name)).toEqual(['test_scheduler_init[33] LinearWithWarmupScheduler'])
  })
  test.each(suite.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    if (c.trainer !== 'ok') {
      expect(decodeSchedule(c.config)._tag).toBe('Left')
      return
    }
    const closed = protocolOf(fromConfig(c.config)).closedForm!
    for (const [t, composer, expected] of c.points) {
      const ours = closed(t + 1, [1])[0] as number
      expect(Math.abs(ours - composer), `t = ${t}`).toBeLessThanOrEqual(1e-12 * Math.abs(composer) + 1e-15)
      expect(Math.abs(ours - expected), `t = ${t}`).toBeLessThanOrEqual(1e-3)
    }
  })
})
