// Replays every trace that scripts/gen_timm_fixtures.py recorded from the real timm 1.0.29 (its
// scheduler classes on a torch SGD optimizer), through the family's codec and build (the
// declarative form), with `trace` and with `traceArray`.
//
// Bar: |ours - timm| <= 1e-12 · |timm| + 1e-15 · (largest initial lr of the case).
// Every preset computes the lr of step t directly from t with timm's operation order (no
// recurrence accumulates error; the plateau's reductions are exact multiplications by the same
// factor in the same order), so the only differences left are V8's Math.cos / Math.tanh /
// Math.pow against glibc's (at most one ulp per call, ~1.1e-16 relative to the call's result; the
// cycle index uses a correctly rounded log, equal to glibc's, so no step changes cycle). Relative
// to the lr that stays far below 1e-12 except where the curve cancels to (nearly) its floor:
// 0.5 · (1 + cos x) with x near π, (1 − tanh y) with y large, (1 − p)^power with p near 1 lose
// the call's ulp against a tiny result, so a value of ~1e-6 can be off by ~1e-11 relative while
// its absolute error stays at ~1.1e-16 · initial lr. The absolute floor, 1e-15 · initial lr
// (about 9 ulps of the initial lr), is that one-ulp difference with a margin; an off-by-one step,
// a wrong cycle or a wrong formula moves values by far more than 1e-15 of the initial lr.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { trace, traceArray } from '../../../src/index.js'
import { fromTimmConfig } from './common.js'
import { protocolOf } from '../../../src/internal/protocol.js'
import { type FixtureCase, compareRows } from '../../helpers/replay.js'

/** A case of scripts/FIXTURE-FORMAT.md (`metrics`: of steps 1..steps, for the metric-taking schedules). */
type Case = FixtureCase

const REL = 1e-12
const ABS = 1e-15
const dir = join(import.meta.dirname, '..', '..', 'fixtures', 'timm')
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort()

const summary = new Map<string, { cases: number; rel: number; ratio: number }>()

// Row 0 is what timm's constructor leaves in the optimizer (train.py trains epoch 0 with it and never
// calls step(0)): every group's base lr (timm/scheduler/scheduler.py:59), then warmup_lr_init when
// warmup_t > 0 (cosine_lr.py:75-77, tanh_lr.py:72-75, poly_lr.py:71-73, step_lr.py:50-52,
// multistep_lr.py:45-47, plateau_lr.py:57-59). The generator reads it from optimizer.param_groups.
test('row 0 of every fixture is what timm\'s constructor leaves: the groups\' lrs, or warmupLrInit with a warmup', () => {
  let n = 0
  for (const f of files) {
    const { cases } = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { cases: ReadonlyArray<Case> }
    for (const c of cases) {
      const warmupT = (c.config['warmupT'] as number | undefined) ?? 0
      const init = (c.config['warmupLrInit'] as number | undefined) ?? 0
      expect(c.lr[0], c.name).toEqual(c.groups.map((g) => (warmupT > 0 ? init : g.lr)))
      n++
    }
  }
  expect(n).toBeGreaterThan(200)
})

test('the fixtures hold cases whose row 0 is not timm\'s _get_lr(0) (what step(0) would set)', () => {
  // step(0) would set: tanh's curve at 0; lrMin (cycleLimit 0); milestones 0 and 1 applied;
  // lrMin + (0.01 − lrMin) = 0.010000000000000002; noise at t = 0
  const names = new Set(
    files.flatMap((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { cases: ReadonlyArray<Case> }).cases.map((c) => c.name))
  )
  const expected = [
    'timm.tanh/defaults-past-horizon',
    'timm.tanh/lb-ub',
    'timm.tanh/no-warmup-lb--0.5',
    'timm.tanh/random-0',
    ...['cosine', 'tanh', 'poly'].flatMap((k) => [`timm.${k}/no-warmup-cycle-limit-0`, `timm.${k}/no-warmup-lr-min-last-bit`, `timm.${k}/noise-only-at-step-0`, `timm.${k}/warmup-noise-only-at-step-0`]),
    'timm.step/noise-only-at-step-0',
    'timm.multistep/boundary-0',
    'timm.multistep/boundary-1-applies-at-t-0',
    'timm.multistep/boundaries-0-1-1-no-warmup',
    'timm.multistep/boundary-1-step-update-driver',
    'timm.multistep/noise-only-at-step-0',
    'timm.plateau/noise-only-at-step-0'
  ]
  expect(expected.filter((n) => !names.has(n))).toEqual([])
})

test('there are fixtures for every timm schedule, at least 15 random configs each', () => {
  expect(files).toEqual(['cosine.json', 'multistep.json', 'plateau.json', 'poly.json', 'step.json', 'tanh.json'])
  for (const f of files) {
    const { cases } = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { cases: ReadonlyArray<Case> }
    expect(cases.filter((c) => c.name.includes('/random-')).length, f).toBeGreaterThanOrEqual(15)
  }
})

for (const file of files) {
  const { cases, library, version } = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
    readonly cases: ReadonlyArray<Case>
    readonly library: string
    readonly version: string
  }
  describe(file, () => {
    test('was recorded from timm 1.0.29', () => {
      expect([library, version]).toEqual(['timm', '1.0.29'])
    })
    test.each(cases.map((c) => [c.name, c] as const))('%s matches timm', (_name, c) => {
      const s = fromTimmConfig(c.config)
      const scale = Math.max(...c.groups.map((g) => Math.abs(g.lr)))
      const t = trace(s, c.groups, c.steps, c.metrics)
      expect(t.lr).toHaveLength(c.steps + 1)
      const r = compareRows(t.lr, c.lr, { rel: REL, abs: ABS, scale })
      expect(r.ratio, `lr ${r.at}`).toBeLessThanOrEqual(1)
      // the fast path gives the same numbers as the reducer, bit for bit
      expect(Array.from(traceArray(s, c.groups, c.steps, c.metrics).lr)).toEqual(t.lr.flat())
      // a schedule of the step: its closed form gives the same numbers, bit for bit
      if (protocolOf(s).closedForm !== undefined) {
        const initial = c.groups.map((g) => g.lr)
        expect(Array.from({ length: c.steps + 1 }, (_, k) => protocolOf(s).closedForm!(k, initial))).toEqual(t.lr)
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
