// Replays every trace that scripts/gen_deepspeed_fixtures.py recorded from DeepSpeed v0.19.5's own
// deepspeed/runtime/lr_schedules.py (run unchanged on CPU torch, stepped as DeepSpeed's engine steps
// it: the constructor, then step() after each optimizer step), through the decoder (the
// declarative form), with `trace`, `traceArray` and the closed form.
//
// Bar: |ours - DeepSpeed| <= 1e-12 · |DeepSpeed| + 1e-15 · scale, scale the largest |value| of the
// case (lr and momentum). Every preset computes row k from k in DeepSpeed's operation order, in
// doubles as DeepSpeed's Python floats; what is left are V8's Math.log / Math.cos against glibc's
// (at most an ulp a call). A cosine ending at its floor (1 + cos(x), x near π) or a warmup near 0
// (log(b + 1) / log(n) for small b) can lose that ulp against a tiny result, hence the absolute
// floor of 1e-15 of the case's largest value (about 9 ulps of it); an off-by-one step moves a value
// by far more. DeepSpeed keeps no float32 anywhere (torch's param groups hold Python floats).
import { afterAll, describe, expect, test } from 'vitest'
import { definitions } from '../../../src/presets/deepspeed/definitions.js'
import { fixtureFiles, fixtureSummary, replayCase } from '../../helpers/replay.js'

const REL = 1e-12
const ABS = 1e-15
const files = fixtureFiles('deepspeed')
const summary = fixtureSummary()

test('there are fixtures for every DeepSpeed schedule, from v0.19.5', () => {
  expect(files.map(([f]) => f)).toEqual(definitions.map((d) => `${d.type.slice('deepspeed.'.length)}.json`).sort())
  for (const [, f] of files) expect([f['library'], f['version'], f['tag'], f['commit']]).toEqual(['deepspeed', '0.19.5', 'v0.19.5', 'cf44300453eb0af79ed84ed8f1cb49d57478bd76'])
})

for (const [file, { cases }] of files) {
  describe(file, () => {
    test('at least 15 random cases, and the cases of DeepSpeed\'s own tests', () => {
      expect(cases.filter((c) => c.name.includes('/random-')).length).toBeGreaterThanOrEqual(15)
      expect(cases.some((c) => c.name.includes('/ds-test-'))).toBe(true)
    })
    test.each(cases.map((c) => [c.name, c] as const))('%s matches DeepSpeed', (_name, c) => {
      // (DeepSpeed's OneCycle with cycleMomentum false leaves momentum alone: no momentum rows)
      summary.record(file, replayCase(c, { rel: REL, abs: ABS }))
    })
  })
}

afterAll(summary.print)
