// Replays every trace that scripts/gen_optax_fixtures.py recorded from optax 0.2.8 (jax in 64-bit
// mode, int64 counts, eager ops).
//
// Bar: |actual - optax| <= 1e-12 · |optax| + 1e-15 · (the largest |value| of the trace). The
// schedules are closed forms with optax's operation order, so what is left is V8's Math.cos /
// Math.pow against XLA's (which equal glibc's: checked on 10^5 random arguments when writing the
// generator), one unit in the last place per call, and jnp.cumprod's association for more than 17
// factors (XLA then multiplies in a tree, we left to right: a few ulps). The absolute floor stands
// for the brief's "1e-15 × max initial value": optax's values do not depend on the groups' lrs, so
// the scale is the schedule's own largest value. It is there for values that cancel to (almost) 0,
// where one ulp of a cos(≈π) (1.1e-16) times the schedule's amplitude has no relative meaning, e.g.
// `end + (start - end) / 2 · (cos(π·pct) + 1)` at pct = 1; the summary shows none of the committed
// fixtures needs it (worst relative error below 1e-14).
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { type Groups, trace, traceArray } from '../../../src/index.js'
import { fromOptaxConfig } from './config.js'
import { protocolOf } from '../../../src/internal/protocol.js'

interface Case {
  readonly name: string
  readonly config: { readonly type: string } & Record<string, unknown>
  readonly groups: Groups
  readonly steps: number
  readonly lr: ReadonlyArray<ReadonlyArray<number>>
}

const REL = 1e-12
const ABS = 1e-15
const dir = join(import.meta.dirname, '..', '..', 'fixtures', 'optax')
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort()

/** The largest magnitude among a config's values (the scale of the absolute floor). */
const scaleOf = (lr: ReadonlyArray<ReadonlyArray<number>>): number => Math.max(...lr.map((r) => Math.abs(r[0] as number)))

const summary = new Map<string, { cases: number; worst: number }>()

const FUNCTIONS = [
  'constant_schedule', 'linear_schedule', 'polynomial_schedule', 'piecewise_constant_schedule', 'piecewise_interpolate_schedule',
  'exponential_decay', 'cosine_decay_schedule', 'warmup_constant_schedule', 'warmup_cosine_decay_schedule',
  'warmup_exponential_decay_schedule', 'cosine_onecycle_schedule', 'linear_onecycle_schedule', 'sgdr_schedule', 'join_schedules'
]

test('there is a fixture file for every optax schedule, each with at least 15 random configs', () => {
  for (const f of FUNCTIONS) {
    expect(files).toContain(`${f}.json`)
    const { cases } = JSON.parse(readFileSync(join(dir, `${f}.json`), 'utf8')) as { cases: ReadonlyArray<Case> }
    expect(cases.filter((c) => c.name.includes('/random-')).length).toBeGreaterThanOrEqual(15)
  }
})

for (const file of files) {
  const data = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { library: string; version: string; cases: ReadonlyArray<Case> }
  describe(file, () => {
    test('was recorded from optax 0.2.8', () => {
      expect([data.library, data.version]).toEqual(['optax', '0.2.8'])
    })
    test.each(data.cases.map((c) => [c.name, c] as const))('%s matches optax', (_name, c) => {
      const s = fromOptaxConfig(c.config)
      const t = trace(s, c.groups, c.steps)
      expect(t.lr).toHaveLength(c.steps + 1)
      const floor = ABS * scaleOf(c.lr)
      let worst = 0
      t.lr.forEach((row, k) =>
        row.forEach((a, i) => {
          const e = (c.lr[k] as ReadonlyArray<number>)[i] as number
          const diff = Math.abs(a - e)
          expect(diff, `row ${k}, group ${i}: got ${a}, optax ${e}`).toBeLessThanOrEqual(REL * Math.abs(e) + floor)
          if (diff > 0) worst = Math.max(worst, diff / Math.max(Math.abs(a), Math.abs(e)))
        })
      )
      // the fast path gives the same numbers as the reducer, bit for bit
      expect(Array.from(traceArray(s, c.groups, c.steps).lr)).toEqual(t.lr.flat())
      // the closed form is the same function: bit for bit
      const initial = t.groups.map((g) => g.initialLr as number)
      t.lr.forEach((row, k) => expect(protocolOf(s).closedForm?.(k, initial)).toEqual(row))
      const key = file
      const prev = summary.get(key) ?? { cases: 0, worst: 0 }
      summary.set(key, { cases: prev.cases + 1, worst: Math.max(prev.worst, worst) })
    })
  })
}

afterAll(() => {
  if (process.env['FIXTURE_SUMMARY'] === '1')
    console.log([...summary.entries()].map(([k, v]) => `${k}: ${v.cases} cases, worst relative error ${v.worst.toExponential(2)}`).join('\n'))
})
