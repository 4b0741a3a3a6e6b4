// Replays every trace that scripts/gen_pytorch_fixtures.py recorded from the real torch 2.13.
//
// Bar: relative error <= 1e-12 on every value. The reducers keep PyTorch's operation order, so
// the only differences left are V8's Math.cos / Math.pow versus glibc's cos / pow, which differ by
// at most one unit in the last place per call (2.1e-16 relative, pytorch-notes §1.4); a chainable
// recurrence compounds them over thousands of steps, which stays far below 1e-12.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { type Groups, trace, traceArray } from '../src/index.js'
import { fromConfig } from './helpers/fromConfig.js'
import { protocolOf } from '../src/internal/protocol.js'

interface Case {
  readonly name: string
  readonly reference: 'torch' | 'harness'
  readonly config: { readonly type: string } & Record<string, unknown>
  readonly groups: Groups
  readonly steps: number
  /** Metrics of steps 1..steps (ReduceLROnPlateau). */
  readonly metrics?: ReadonlyArray<number>
  /** `step(epoch)` cases: row k is the lrs after `step(epochs[k])` (compared with the closed form). */
  readonly epochs?: ReadonlyArray<number>
  readonly lr: ReadonlyArray<ReadonlyArray<number>>
  readonly momentum?: ReadonlyArray<ReadonlyArray<number>>
}

const TOLERANCE = 1e-12
const dir = join(import.meta.dirname, 'fixtures', 'pytorch')
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort()

const relativeError = (a: number, e: number): number => (a === e ? 0 : Math.abs(a - e) / Math.max(Math.abs(a), Math.abs(e)))

/** The worst relative error over a table, and where it is. */
const worst = (actual: ReadonlyArray<ArrayLike<number>>, expected: ReadonlyArray<ReadonlyArray<number>>) => {
  let err = 0
  let at = ''
  expected.forEach((row, k) =>
    row.forEach((e, i) => {
      const a = actual[k]?.[i] as number
      const r = Number.isNaN(a) ? Infinity : relativeError(a, e)
      if (r > err || (Number.isNaN(r) && err !== Infinity)) {
        err = r
        at = `row ${k}, group ${i}: got ${a}, torch ${e}`
      }
    })
  )
  return { err, at }
}

const summary = new Map<string, { cases: number; worst: number }>()
const record = (file: string, c: Case, err: number): void => {
  const key = `${file} ${c.config.type}`
  const prev = summary.get(key) ?? { cases: 0, worst: 0 }
  summary.set(key, { cases: prev.cases + 1, worst: Math.max(prev.worst, err) })
}

test('there are fixtures for every scheduler of the core issue', () => {
  for (const f of ['StepLR', 'MultiStepLR', 'ConstantLR', 'LinearLR', 'ExponentialLR', 'PolynomialLR', 'CosineAnnealingLR', 'LambdaLR', 'MultiplicativeLR', 'CyclicLR', 'SequentialLR', 'ChainedScheduler', 'nested', 'torch-suite'])
    expect(files).toContain(`${f}.json`)
})

for (const file of files) {
  const { cases } = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { cases: ReadonlyArray<Case> }
  describe(file, () => {
    test.each(cases.map((c) => [c.name, c] as const))('%s matches torch within 1e-12', (_name, c) => {
      const s = fromConfig(c.config)
      if (c.epochs !== undefined) {
        // PyTorch's step(epoch): the lr is the closed form at that (possibly fractional) epoch
        const initial = s.init(c.groups)[0].map((g) => g.initialLr as number)
        const rows = c.epochs.map((e) => protocolOf(s).closedForm!(e, initial))
        const r = worst(rows, c.lr)
        expect(r.err, `lr ${r.at}`).toBeLessThanOrEqual(TOLERANCE)
        record(file, c, r.err)
        return
      }
      const t = trace(s, c.groups, c.steps, c.metrics)
      expect(t.lr).toHaveLength(c.steps + 1)
      const lr = worst(t.lr, c.lr)
      expect(lr.err, `lr ${lr.at}`).toBeLessThanOrEqual(TOLERANCE)
      let err = lr.err
      if (c.momentum !== undefined) {
        expect(t.momentum, 'the trace has a momentum column').toBeDefined()
        const m = worst(t.momentum ?? [], c.momentum)
        expect(m.err, `momentum ${m.at}`).toBeLessThanOrEqual(TOLERANCE)
        err = Math.max(err, m.err)
      } else {
        expect(t.momentum).toBeUndefined()
      }
      // the fast path gives the same numbers as the reducer, bit for bit
      const fast = traceArray(s, c.groups, c.steps, c.metrics)
      expect(Array.from(fast.lr)).toEqual(t.lr.flat())
      expect(fast.momentum === undefined ? undefined : Array.from(fast.momentum)).toEqual(t.momentum?.flat())
      record(file, c, err)
    })
  })
}

afterAll(() => {
  if (process.env['FIXTURE_SUMMARY'] === '1')
    console.log(
      [...summary.entries()].map(([k, v]) => `${k}: ${v.cases} cases, worst relative error ${v.worst.toExponential(2)}`).join('\n')
    )
})
