// Replays every trace that scripts/gen_fairseq_fixtures.py recorded from fairseq v0.12.3's own
// scheduler files (run unchanged on CPU torch, driven as fairseq's trainer drives them), through
// the library's decoder (the declarative form), with `trace` and with `traceArray`.
//
// Bar: |ours - fairseq| <= 1e-12 · |fairseq| + 1e-15 · (largest lr of the case's trace).
// Every preset computes the lr of update k directly from k in fairseq's operation order (the
// annealed epochs of polynomial_decay chain one value per epoch, computed the same way in the same
// order), so what is left are V8's Math.cos / Math.exp / Math.pow / Math.log against glibc's (at
// most an ulp per call). Relative to the lr that stays far below 1e-12 except where a curve
// cancels to (nearly) its floor — 1 + cos(x) with x near π, (1 − p)^power with p near 1 — where a
// one-ulp difference of the call is large relative to a tiny result while its absolute size stays
// ~1.1e-16 of the lrs' scale: the absolute floor, 1e-15 of the largest lr (about 9 ulps), covers
// that; an off-by-one update or a wrong formula moves values by far more. fairseq computes in
// Python floats (float64); torch's param groups hold them as Python floats: no float32 anywhere.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { type FixtureCase, compareRows } from '../../helpers/replay.js'
import { trace, traceArray } from '../../../src/index.js'
import { protocolOf } from '../../../src/internal/protocol.js'
import { fromConfig } from '../../helpers/fromConfig.js'

/** A case of scripts/FIXTURE-FORMAT.md (`metrics`: of steps 1..steps, for the metric-taking schedules). */
type Case = FixtureCase

const REL = 1e-12
const ABS = 1e-15
const dir = join(import.meta.dirname, '..', '..', 'fixtures', 'fairseq')
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
const load = (f: string) =>
  JSON.parse(readFileSync(join(dir, f), 'utf8')) as { readonly cases: ReadonlyArray<Case>; readonly library: string; readonly version: string; readonly tag: string }

const compare = (actual: ReadonlyArray<ArrayLike<number>>, expected: ReadonlyArray<ReadonlyArray<number>>, scale: number) =>
  compareRows(actual, expected, { rel: REL, abs: ABS, scale })

const summary = new Map<string, { cases: number; rel: number; ratio: number }>()

test('there are fixtures for every fairseq schedule, at least 15 random configs each', () => {
  expect(files).toEqual(
    ['cosine', 'fixed', 'inverse_sqrt', 'manual', 'polynomial_decay', 'reduce_lr_on_plateau', 'step', 'tri_stage', 'triangular'].map((n) => `${n}.json`)
  )
  for (const f of files) expect(load(f).cases.filter((c) => c.name.includes('/random-')).length, f).toBeGreaterThanOrEqual(15)
})

test('fairseq sets every group to the same lr: each row of every fixture has one value', () => {
  for (const f of files) for (const c of load(f).cases) for (const row of c.lr) expect(new Set(row).size, c.name).toBe(1)
})

for (const file of files) {
  const { cases, library, version, tag } = load(file)
  describe(file, () => {
    test('was recorded from fairseq v0.12.3', () => {
      expect([library, version, tag]).toEqual(['fairseq', '0.12.3', 'v0.12.3'])
    })
    test.each(cases.map((c) => [c.name, c] as const))('%s matches fairseq', (_name, c) => {
      const s = fromConfig(c.config)
      const scale = Math.max(...c.lr.flat().map(Math.abs))
      const t = trace(s, c.groups, c.steps, c.metrics)
      expect(t.lr).toHaveLength(c.steps + 1)
      const r = compare(t.lr, c.lr, scale)
      expect(r.ratio, `lr ${r.at}`).toBeLessThanOrEqual(1)
      // the fast path gives the same numbers as the reducer, bit for bit
      expect(Array.from(traceArray(s, c.groups, c.steps, c.metrics).lr)).toEqual(t.lr.flat())
      // a schedule of the update: its closed form gives the same numbers, bit for bit
      const closed = protocolOf(s).closedForm
      if (closed !== undefined) {
        const initial = c.groups.map((g) => g.lr)
        expect(Array.from({ length: c.steps + 1 }, (_, k) => closed(k, initial))).toEqual(t.lr)
      }
      const prev = summary.get(file) ?? { cases: 0, rel: 0, ratio: 0 }
      summary.set(file, { cases: prev.cases + 1, rel: Math.max(prev.rel, r.rel), ratio: Math.max(prev.ratio, r.ratio) })
    })
  })
}

afterAll(() => {
  if (process.env['FIXTURE_SUMMARY'] === '1')
    console.log(
      [...summary.entries()]
        .map(([k, v]) => `${k}: ${v.cases} cases, worst relative error ${v.rel.toExponential(2)}, worst error / tolerance ${v.ratio.toExponential(2)}`)
        .join('\n')
    )
})
