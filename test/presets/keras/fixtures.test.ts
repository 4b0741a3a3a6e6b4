// Replays every trace that scripts/gen_keras_fixtures.py recorded from Keras 3.15 (jax backend,
// float64), and reads every case's raw Keras serialization back with fromKerasConfig.
//
// Bar: |ours - keras| <= 1e-12 · |keras| + 1e-15 · scale, where scale is the largest |value| of the
// case (the schedule's top: its initial value, warmup target or largest piecewise value). The
// schedules are closed forms evaluated with Keras's operation order, so the only differences left
// are V8's Math.cos / Math.pow / Math.log against the libm that XLA calls, at most one unit in the
// last place per call (~1.1e-16 relative). That is far below 1e-12 relative everywhere except
// where a value cancels towards 0: a cosine decaying to alpha = 0 ends at 0.5 · (1 + cos(πx)) with
// x close to 1, where one ulp of cos (1.1e-16 absolute) is a large relative error of a tiny value
// (1 + cos(π · 399/400) = 3.1e-5, so 3.6e-12 relative). One ulp of cos times the top is
// 1.1e-16 · scale, well inside the floor of 1e-15 · scale, which still catches any wrong formula,
// off-by-one step or wrong default (they move values by far more). Measured: the worst relative
// error is 1.3e-12, at CosineDecayRestarts/edge-t-mul-1.5 row 166 (a value of 1.4e-6 under a top of
// 0.1: 1.8e-17 of the top); every other value is within 1e-13 relative
// (`FIXTURE_SUMMARY=1 npx vitest run test/presets/keras` prints the worst per schedule).
//
// `floatLogRows` (CosineDecayRestarts): exact restart steps that Keras, through its float log,
// puts at the end of the previous period (the floor, alpha · initial). lr-schedule computes that
// logarithm rounded as glibc's (src/internal/log.ts; V8's Math.log can be one unit off), so these
// rows match Keras like every other: they are checked as the rest, and listed to show they are hit.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { type AnyScheduler, type Groups, trace, traceArray } from '../../../src/index.js'
import { fromKerasConfig } from '../../../src/presets/keras/index.js'
import { definitions } from '../../../src/presets/keras/definitions.js'

interface Case {
  readonly name: string
  readonly config: { readonly type: string } & Record<string, unknown>
  readonly kerasConfig: unknown
  readonly groups: Groups
  readonly steps: number
  /** CosineDecayRestarts: rows where Keras's float log misplaces an exact restart (see below). */
  readonly floatLogRows?: ReadonlyArray<number>
  readonly lr: ReadonlyArray<ReadonlyArray<number>>
}

const REL = 1e-12
const ABS = 1e-15
const dir = join(import.meta.dirname, '..', '..', 'fixtures', 'keras')
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort()

/** Builds a keras.<Class> config through its definition's codec and build (as the decoder does). */
const build = (config: { readonly type: string }): AnyScheduler => {
  const definition = definitions.find((d) => d.type === config.type)
  if (definition === undefined) throw new Error(`no keras definition ${config.type}`)
  const decoded = definition.codec.decode(config)
  if (decoded._tag === 'Left') throw new Error(`${JSON.stringify(config)} does not decode`)
  return definition.build(decoded.right, () => {
    throw new Error('no functions')
  })
}

const summary = new Map<string, { cases: number; worst: number; rows: number }>()

test('there is a fixture file for every Keras schedule, each with at least 15 random configs', () => {
  for (const f of ['ExponentialDecay', 'PiecewiseConstantDecay', 'PolynomialDecay', 'InverseTimeDecay', 'CosineDecay', 'CosineDecayRestarts']) {
    expect(files).toContain(`${f}.json`)
    const { cases } = JSON.parse(readFileSync(join(dir, `${f}.json`), 'utf8')) as { cases: ReadonlyArray<Case> }
    expect(cases.filter((c) => c.name.startsWith(`${f}/random-`)).length).toBeGreaterThanOrEqual(15)
  }
})

for (const file of files) {
  const { cases } = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { cases: ReadonlyArray<Case> }
  describe(file, () => {
    test.each(cases.map((c) => [c.name, c] as const))('%s matches Keras', (_name, c) => {
      const s = build(c.config)
      const t = trace(s, c.groups, c.steps)
      expect(t.lr).toHaveLength(c.steps + 1)
      const scale = Math.max(...c.lr.flat().map(Math.abs))
      let worst = 0
      c.lr.forEach((row, k) => {
        row.forEach((e, i) => {
          const a = t.lr[k]?.[i] as number
          const diff = Math.abs(a - e)
          expect(diff, `row ${k}, group ${i}: ours ${a}, keras ${e}`).toBeLessThanOrEqual(REL * Math.abs(e) + ABS * scale)
          if (diff > 0) worst = Math.max(worst, diff / Math.max(Math.abs(a), Math.abs(e)))
        })
      })
      // the exact restart steps where Keras's float log lands below the integer: Keras's floor
      for (const k of c.floatLogRows ?? []) {
        const { initialLearningRate: init, alpha = 0 } = c.config as unknown as { initialLearningRate: number; alpha?: number }
        expect(Math.abs((t.lr[k]?.[0] as number) - init * alpha), `row ${k}: the floor, as Keras`).toBeLessThanOrEqual(ABS * scale)
      }
      // the fast path gives the same numbers as the reducer, bit for bit
      expect(Array.from(traceArray(s, c.groups, c.steps).lr)).toEqual(t.lr.flat())
      const key = c.config.type
      const prev = summary.get(key) ?? { cases: 0, worst: 0, rows: 0 }
      summary.set(key, { cases: prev.cases + 1, worst: Math.max(prev.worst, worst), rows: prev.rows + c.lr.length })
    })

    test.each(cases.map((c) => [c.name, c] as const))('%s: fromKerasConfig reads its Keras serialization', (_name, c) => {
      const r = fromKerasConfig(c.kerasConfig)
      if (r._tag === 'Left') throw new Error(r.left.map((e) => `${e.path}: ${e.message}`).join('\n'))
      expect(r.right.type).toBe(c.config.type)
      // the same schedule as the fixture's config: same arguments once defaults are filled in,
      // and the same trace bit for bit
      const fromKeras = build(r.right)
      const direct = build(c.config)
      expect(fromKeras.config).toEqual(direct.config)
      expect(trace(fromKeras, c.groups, c.steps).lr).toEqual(trace(direct, c.groups, c.steps).lr)
    })
  })
}

afterAll(() => {
  if (process.env['FIXTURE_SUMMARY'] === '1')
    console.log(
      [...summary.entries()]
        .map(([k, v]) => `${k}: ${v.cases} cases, ${v.rows} rows, worst relative error ${v.worst.toExponential(2)}`)
        .join('\n')
    )
})
