// Replays every trace that scripts/gen_fastai_fixtures.py recorded from fastai's own code
// (schedule.py's annealers, combine_scheds, ParamScheduler and fit_* bodies, TrainEvalCallback,
// run unchanged on CPU torch), through each definition's codec and build (the declarative form),
// with `trace` and `traceArray`; and checks that the configs fastai itself refuses are rejected.
//
// Bar: |ours - fastai| <= 1e-12 · |fastai| + 1e-15 · scale, scale the largest |value| of the case
// (fastai's schedules are absolute: the groups' initial lrs need not be their size). Where fastai
// computes in float32 (combine_scheds' segment search and position inside a segment) this
// library computes the same float32 operations (Math.fround of each exact double result, which
// is float32's correctly rounded result), so no float32 tolerance is needed: the positions are the
// same bits, and what is left is V8's Math.cos / `**` against glibc's cos / pow (at most an ulp a
// call, ~1.1e-16 relative). A value that cancels to near 0 (a cosine ending at 0, start + (end −
// start)·x with x near 1) loses that ulp against a tiny result, hence the absolute floor: 1e-15
// of the case's largest value (about 9 ulps of it). A wrong float32 step moves a value by ~1e-8
// relative, an off-by-one batch by far more.
import * as E from 'fp-ts/lib/Either.js'
import { afterAll, describe, expect, test } from 'vitest'
import { type AnyScheduler, trace } from '../../../src/index.js'
import { definitions } from '../../../src/presets/fastai/definitions.js'
import { expectCaseMatches, fixtureFiles, expectFastAndClosedForms } from '../../helpers/replay.js'

const REL = 1e-12
const ABS = 1e-15
const files = fixtureFiles('fastai')

/** Builds a config through its definition's codec, then its build (what the decoder does). */
const fromConfig = (config: { readonly type: string }): AnyScheduler => {
  const d = definitions.find((x) => x.type === config.type)
  if (d === undefined) throw new Error(`no fastai definition ${config.type}`)
  const decoded = d.codec.decode(config)
  if (E.isLeft(decoded)) throw new Error(`${config.type}: the codec rejects ${JSON.stringify(config)}: ${decoded.left.map((e) => e.message).join('; ')}`)
  return d.build(decoded.right, () => {
    throw new Error('the fastai family names no functions')
  })
}

const summary = new Map<string, { cases: number; worst: number }>()

test('there are fixtures for every fastai schedule', () => {
  expect(files.map(([f]) => f)).toEqual(definitions.map((d) => `${d.type.slice('fastai.'.length)}.json`).sort())
})

for (const [file, { cases, rejected }] of files) {
  describe(file, () => {
    test('at least 15 random cases', () => {
      expect(cases.filter((c) => c.name.includes('/random-')).length).toBeGreaterThanOrEqual(15)
    })
    test.each(cases.map((c) => [c.name, c] as const))('%s matches fastai', (_name, c) => {
      const s = fromConfig(c.config)
      const t = trace(s, c.groups, c.steps)
      const worst = expectCaseMatches(t, c, { rel: REL, abs: ABS })
      // the fast path and the closed form give the same numbers bit for bit
      expectFastAndClosedForms(s, c, t)
      const prev = summary.get(file) ?? { cases: 0, worst: 0 }
      summary.set(file, { cases: prev.cases + 1, worst: Math.max(prev.worst, worst) })
    })
    const refused = (rejected ?? []) as ReadonlyArray<{ readonly config: { readonly type: string }; readonly fastai: string }>
    if (refused.length > 0)
      test.each(refused.map((r) => [JSON.stringify(r.config), r] as const))('rejects %s, which fastai refuses', (_name, r) => {
        const d = definitions.find((x) => x.type === r.config.type)!
        expect(() => d.build(E.getOrElseW(() => { throw new Error('the codec rejects it') })(d.codec.decode(r.config)) as Record<string, unknown>, () => () => 0)).toThrow()
      })
  })
}

afterAll(() => {
  if (process.env['FIXTURE_SUMMARY'] === '1')
    console.log([...summary.entries()].map(([k, v]) => `${k}: ${v.cases} cases, worst relative error ${v.worst.toExponential(2)}`).join('\n'))
})
