// What a fixture replay needs, for any family: the committed files of test/fixtures/<family>/, and
// the comparison of a trace's rows with the reference's within `rel · |reference| + abs · scale`.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect } from 'vitest'
import { type AnyScheduler, type Groups, type Trace, trace, traceArray } from '../../src/index.js'
import { fromConfig } from './fromConfig.js'
import { protocolOf } from '../../src/internal/protocol.js'

/** A case of scripts/FIXTURE-FORMAT.md. */
export interface FixtureCase {
  readonly name: string
  readonly config: { readonly type: string } & Record<string, unknown>
  readonly groups: Groups
  readonly steps: number
  readonly metrics?: ReadonlyArray<number>
  readonly lr: ReadonlyArray<ReadonlyArray<number>>
  readonly momentum?: ReadonlyArray<ReadonlyArray<number>>
}

/** A fixture file: its header fields and its cases. */
export type FixtureFile = Readonly<Record<string, unknown>> & { readonly cases: ReadonlyArray<FixtureCase> }

/** The fixture files of a family, by file name, sorted. */
export const fixtureFiles = (family: string): ReadonlyArray<readonly [string, FixtureFile]> => {
  const dir = join(import.meta.dirname, '..', 'fixtures', family)
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => [f, JSON.parse(readFileSync(join(dir, f), 'utf8')) as FixtureFile] as const)
}

/** The worst error over a table as a fraction of its tolerance (≤ 1 passes), where it is, and the worst relative error. */
export const compareRows = (
  actual: ReadonlyArray<ArrayLike<number>>,
  expected: ReadonlyArray<ReadonlyArray<number>>,
  tolerance: { readonly rel: number; readonly abs: number; readonly scale: number }
): { readonly ratio: number; readonly rel: number; readonly at: string } => {
  const { rel: REL, abs: ABS, scale } = tolerance
  let ratio = 0
  let rel = 0
  let at = ''
  if (actual.length !== expected.length) return { ratio: Infinity, rel: Infinity, at: `${actual.length} rows, expected ${expected.length}` }
  expected.forEach((row, k) =>
    row.forEach((e, i) => {
      const a = actual[k]?.[i] as number
      const diff = a === e ? 0 : Math.abs(a - e)
      const r = Number.isNaN(diff) ? Infinity : diff / (REL * Math.abs(e) + ABS * scale)
      if (diff > 0) rel = Math.max(rel, diff / Math.max(Math.abs(a), Math.abs(e)))
      if (r > ratio) {
        ratio = r
        at = `row ${k}, group ${i}: got ${a}, reference ${e}`
      }
    })
  )
  return { ratio, rel, at }
}

/**
 * A trace's lr (and momentum) rows against a fixture case within `rel · |reference| + abs · scale`,
 * scale the case's largest |value|: asserts both (no momentum in the trace where the case has none,
 * unless `momentumMayBeKept`) and returns the worst relative error.
 */
export const expectCaseMatches = (
  t: { readonly lr: ReadonlyArray<ArrayLike<number>>; readonly momentum?: ReadonlyArray<ArrayLike<number>> | undefined },
  c: FixtureCase,
  tolerance: { readonly rel: number; readonly abs: number; readonly momentumMayBeKept?: boolean }
): number => {
  const scale = Math.max(...c.lr.flat().map(Math.abs), ...(c.momentum ?? []).flat().map(Math.abs))
  const r = compareRows(t.lr, c.lr, { ...tolerance, scale })
  expect(r.ratio, `lr ${r.at}`).toBeLessThanOrEqual(1)
  if (c.momentum === undefined) {
    if (tolerance.momentumMayBeKept !== true) expect(t.momentum).toBeUndefined()
    return r.rel
  }
  const m = compareRows(t.momentum ?? [], c.momentum, { ...tolerance, scale })
  expect(m.ratio, `momentum ${m.at}`).toBeLessThanOrEqual(1)
  return Math.max(r.rel, m.rel)
}

/**
 * The fast path's rows (`traceArray`) and, where the schedule has one, its closed form's (from the
 * initial lrs the fold recorded) equal the fold's `t`, bit for bit.
 */
export const expectFastAndClosedForms = (s: AnyScheduler, c: FixtureCase, t: Trace<unknown>): void => {
  expect(Array.from(traceArray(s, c.groups, c.steps, c.metrics).lr)).toEqual(t.lr.flat())
  const closed = protocolOf(s).closedForm
  if (closed === undefined) return
  const initial = t.groups.map((g) => g.initialLr as number)
  expect(t.lr.map((_, k) => closed(k, initial))).toEqual(t.lr)
}

/**
 * A case replayed through the decoder (the declarative form): the fold's rows against the
 * reference (`expectCaseMatches`), the fast path's and the closed form's against the fold's; the
 * worst relative error.
 */
export const replayCase = (c: FixtureCase, tolerance: { readonly rel: number; readonly abs: number }): number => {
  const s = fromConfig(c.config)
  const t = trace(s, c.groups, c.steps, c.metrics)
  const worst = expectCaseMatches(t, c, tolerance)
  expectFastAndClosedForms(s, c, t)
  return worst
}

/** The worst relative error of each fixture file, printed after the file's tests with FIXTURE_SUMMARY=1. */
export const fixtureSummary = (): { readonly record: (file: string, worst: number) => void; readonly print: () => void } => {
  const summary = new Map<string, { cases: number; worst: number }>()
  return {
    record: (file, worst) => {
      const prev = summary.get(file) ?? { cases: 0, worst: 0 }
      summary.set(file, { cases: prev.cases + 1, worst: Math.max(prev.worst, worst) })
    },
    print: () => {
      if (process.env['FIXTURE_SUMMARY'] === '1')
        console.log([...summary.entries()].map(([k, v]) => `${k}: ${v.cases} cases, worst relative error ${v.worst.toExponential(2)}`).join('\n'))
    }
  }
}
