// Replays every trace that scripts/gen_hf_fixtures.py recorded from the real transformers 5.18
// (get_scheduler on a torch SGD optimizer), through each definition's codec and build (the declarative form).
//
// Bar: |ours - transformers| <= 1e-12 · |transformers| + 1e-15 · (largest initial lr of the case).
// Every preset computes `initial lr · λ(step)` directly from the step, with transformers' operation
// order, so there is no recurrence to accumulate error: the only differences left are V8's Math.cos
// / Math.pow against glibc's cos / pow (at most one ulp per call, ~1.1e-16 relative to the call's
// result). Relative to the lr that stays far below 1e-12, except where the multiplier cancels to
// (nearly) 0: 0.5 · (1 + cos x) with x near π loses the cos's ulp against a tiny sum (and
// 1 - sqrt(p), p → 1, likewise), so the relative error of a value of ~1e-5 can reach ~1e-11 while
// its absolute error stays at 0.5 · 1.1e-16 · initial lr. The absolute floor, 1e-15 · initial lr
// (about 9 ulps of the initial lr), is that one-ulp difference with a margin; an off-by-one step or
// a wrong formula moves values by far more than 1e-15 of the initial lr.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import { afterAll, describe, expect, test } from 'vitest'
import { type AnyScheduler, trace, traceArray } from '../../../src/index.js'
import { definitions } from '../../../src/presets/hf/definitions.js'
import { protocolOf } from '../../../src/internal/protocol.js'
import { type FixtureCase, compareRows } from '../../helpers/replay.js'

/** A case of scripts/FIXTURE-FORMAT.md (`metrics`: of steps 1..steps, for the metric-taking schedules). */
type Case = FixtureCase

const REL = 1e-12
const ABS = 1e-15
const dir = join(import.meta.dirname, '..', '..', 'fixtures', 'hf')
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort()

/** Builds a config through its definition's codec, then its build (what the decoder does). */
const fromConfig = (config: Case['config']): AnyScheduler => {
  const family = definitions.find((d) => d.type === config.type)
  if (family === undefined) throw new Error(`no hf definition ${config.type}`)
  const decoded = family.codec.decode(config)
  if (E.isLeft(decoded)) throw new Error(`${config.type}: the codec rejects ${JSON.stringify(config)}`)
  return family.build(decoded.right, () => {
    throw new Error('the hf family names no functions')
  })
}

const summary = new Map<string, { cases: number; worst: number }>()

test('there are fixtures for every hf schedule', () => {
  expect(files).toEqual(definitions.map((d) => `${d.type.slice(3)}.json`).sort())
})

for (const file of files) {
  const { cases } = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { cases: ReadonlyArray<Case> }
  describe(file, () => {
    test('at least 15 random cases', () => {
      expect(cases.filter((c) => c.name.includes('/random-')).length).toBeGreaterThanOrEqual(15)
    })
    test.each(cases.map((c) => [c.name, c] as const))('%s matches transformers', (_name, c) => {
      const s = fromConfig(c.config)
      const scale = Math.max(...c.groups.map((g) => Math.abs(g.lr)))
      const t = trace(s, c.groups, c.steps, c.metrics)
      expect(t.lr).toHaveLength(c.steps + 1)
      const r = compareRows(t.lr, c.lr, { rel: REL, abs: ABS, scale })
      expect(r.ratio, `lr ${r.at}`).toBeLessThanOrEqual(1)
      // the fast path, and the closed form where there is one, give the same numbers bit for bit
      const fast = traceArray(s, c.groups, c.steps, c.metrics)
      expect(Array.from(fast.lr)).toEqual(t.lr.flat())
      if (protocolOf(s).closedForm !== undefined) {
        const initial = t.groups.map((g) => g.initialLr as number)
        expect(t.lr.map((_, k) => protocolOf(s).closedForm!(k, initial))).toEqual(t.lr)
      }
      const prev = summary.get(file) ?? { cases: 0, worst: 0 }
      summary.set(file, { cases: prev.cases + 1, worst: Math.max(prev.worst, r.rel) })
    })
  })
}

afterAll(() => {
  if (process.env['FIXTURE_SUMMARY'] === '1')
    console.log([...summary.entries()].map(([k, v]) => `${k}: ${v.cases} cases, worst relative error ${v.worst.toExponential(2)}`).join('\n'))
})
