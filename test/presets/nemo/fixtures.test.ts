// Replays every trace that scripts/gen_nemo_fixtures.py recorded from NeMo v2.4.0's own
// nemo/core/optim/lr_scheduler.py (its scheduler classes run unchanged on CPU torch, stepped as
// Lightning steps them with NeMo's interval 'step': the constructor, then step() after each
// optimizer step), through the decoder (the declarative form), with `trace`, `traceArray` and the
// closed form.
//
// Bar: |ours - NeMo| <= 1e-12 · |NeMo| + 1e-15 · scale, scale the largest |lr| of the case. Every
// preset computes row k from k in NeMo's operation order, in doubles as NeMo's Python floats
// (torch's param groups hold them as Python floats: no float32 anywhere); what is left are V8's
// Math.cos / Math.pow against glibc's (at most an ulp a call). A cosine ending at its floor
// (1 + cos(x), x near π) or a decay (1 − p)^power with p near 1 can lose that ulp against a tiny
// result, hence the absolute floor of 1e-15 of the case's largest lr (about 9 ulps of it); an
// off-by-one step moves a value by far more.
import { afterAll, describe, expect, test } from 'vitest'
import { definitions } from '../../../src/presets/nemo/definitions.js'
import { fixtureFiles, fixtureSummary, replayCase } from '../../helpers/replay.js'

const REL = 1e-12
const ABS = 1e-15
const files = fixtureFiles('nemo')
const summary = fixtureSummary()

test('there are fixtures for every NeMo schedule, from v2.4.0', () => {
  expect(files.map(([f]) => f)).toEqual(definitions.map((d) => `${d.type.slice('nemo.'.length)}.json`).sort())
  for (const [, f] of files) expect([f['library'], f['version'], f['tag'], f['commit']]).toEqual(['nemo', '2.4.0', 'v2.4.0', '2381f42f6979449b5b99538f8f80135831009b51'])
})

// the schedules NeMo's tests/core/test_optimizers_schedulers.py exercises (T5InverseSquareRootAnnealing
// and NoamHoldAnnealing have no test there)
const tested = new Set(['WarmupPolicy', 'WarmupHoldPolicy', 'WarmupAnnealing', 'SquareAnnealing', 'SquareRootAnnealing', 'CosineAnnealing', 'NoamAnnealing', 'PolynomialDecayAnnealing', 'PolynomialHoldDecayAnnealing', 'InverseSquareRootAnnealing'])

for (const [file, { cases }] of files) {
  describe(file, () => {
    test("at least 15 random cases, and the cases of NeMo's own tests", () => {
      expect(cases.filter((c) => c.name.includes('/random-')).length).toBeGreaterThanOrEqual(15)
      expect(cases.some((c) => c.name.includes('/nemo-test-'))).toBe(tested.has(file.replace('.json', '')))
    })
    test.each(cases.map((c) => [c.name, c] as const))('%s matches NeMo', (_name, c) => {
      summary.record(file, replayCase(c, { rel: REL, abs: ABS }))
    })
  })
}

afterAll(summary.print)
