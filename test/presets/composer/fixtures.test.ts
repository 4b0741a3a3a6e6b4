// Replays every trace that scripts/gen_composer_fixtures.py recorded from Composer v0.32.1's own
// scheduler.py and time.py (run unchanged on CPU torch, driven as Composer's Trainer drives the
// LambdaLR it compiles: row 0 built before max_duration is scaled, then scheduler.step() before
// timestamp.to_next_batch), through the decoder (the declarative form), with `trace` and
// `traceArray`; and checks that every config Composer refused (an exception) is rejected at decode.
//
// Bar: |ours - composer| <= 1e-12 · |composer| + 1e-15 · (largest lr of the case). Every preset
// computes the multiplier of batch t directly, in Composer's operation order, from the same integer
// batch counts (truncations included), so what is left are V8's Math.cos / `**` against glibc's
// (an ulp a call). Where a curve cancels to near 0 (a cosine or (1 − τ)^power ending at alphaF = 0)
// that ulp is large relative to a tiny value: the absolute floor, 1e-15 of the case's largest lr
// (about 9 ulps), covers it; an off-by-one batch or a wrong truncation moves values by far more.
// Composer and torch's param groups compute in Python floats (float64): no float32 anywhere.
import { afterAll, describe, expect, test } from 'vitest'
import { decodeSchedule, trace } from '../../../src/index.js'
import { definitions } from '../../../src/presets/composer/definitions.js'
import { fromConfig } from '../../helpers/fromConfig.js'
import { compareRows, fixtureFiles, expectFastAndClosedForms } from '../../helpers/replay.js'

const REL = 1e-12
const ABS = 1e-15
const files = fixtureFiles('composer')
const summary = new Map<string, { cases: number; rel: number }>()

test('there are fixtures for every composer schedule', () => {
  expect(files.map(([f]) => f)).toEqual(definitions.map((d) => `${d.type.slice('composer.'.length)}.json`).sort())
})

for (const [file, fixture] of files) {
  const { cases } = fixture
  const rejected = fixture['rejected'] as ReadonlyArray<{ readonly config: { readonly type: string }; readonly composer: string }>
  describe(file, () => {
    test('was recorded from composer v0.32.1 (LLM Foundry 8c8dd48f on it for its own scheduler), at least 15 random cases', () => {
      if (file === 'InverseSquareRootWithWarmupScheduler.json')
        expect([fixture['library'], fixture['commit']]).toEqual(['llm-foundry', '8c8dd48f72168c5d51e2f7b151595892a8fba43d'])
      else expect([fixture['library'], fixture['version'], fixture['tag'], fixture['commit']]).toEqual(['composer', '0.32.1', 'v0.32.1', '4bfb5fc44b8bbde26b035a43b9311003013a4252'])
      expect(cases.filter((c) => c.name.includes('/random-')).length).toBeGreaterThanOrEqual(15)
    })
    test.each(cases.map((c) => [c.name, c] as const))('%s matches composer', (_name, c) => {
      const s = fromConfig(c.config)
      const scale = Math.max(...c.lr.flat().map(Math.abs))
      const t = trace(s, c.groups, c.steps)
      const r = compareRows(t.lr, c.lr, { rel: REL, abs: ABS, scale })
      expect(r.ratio, `lr ${r.at}`).toBeLessThanOrEqual(1)
      expectFastAndClosedForms(s, c, t)
      const prev = summary.get(file) ?? { cases: 0, rel: 0 }
      summary.set(file, { cases: prev.cases + 1, rel: Math.max(prev.rel, r.rel) })
    })
    if (rejected.length > 0)
      test.each(rejected.map((r) => [JSON.stringify(r.config), r] as const))('rejects %s, which composer refuses', (_name, r) => {
        expect(decodeSchedule(r.config)._tag, r.composer).toBe('Left')
      })
  })
}

afterAll(() => {
  if (process.env['FIXTURE_SUMMARY'] === '1')
    console.log([...summary.entries()].map(([k, v]) => `${k}: ${v.cases} cases, worst relative error ${v.rel.toExponential(2)}`).join('\n'))
})
