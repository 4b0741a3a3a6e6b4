// Replays a fixture file of metric-taking schedules (one JSON file in FIXTURE-FORMAT.md's shape,
// every case with `metrics`) through the decoder (the declarative form) with `trace` and
// `traceArray`: every value within `rel · |reference| + abs · scale` (scale: the largest initial lr
// of the case), the fast path bit for bit the reducer fold. Shared by the fixture tests of the
// plateau schedules whose files live apart from their family's schedules (keras/callbacks,
// optax/contrib).
import { readFileSync } from 'node:fs'
import { afterAll, describe, expect, test } from 'vitest'
import { type Groups, trace, traceArray } from '../../src/index.js'
import { fromConfig } from './fromConfig.js'

export interface MetricCase {
  readonly name: string
  readonly config: { readonly type: string } & Record<string, unknown>
  readonly groups: Groups
  readonly steps: number
  readonly metrics: ReadonlyArray<number>
  readonly lr: ReadonlyArray<ReadonlyArray<number>>
}

export interface MetricFixture {
  readonly library: string
  readonly version: string
  readonly cases: ReadonlyArray<MetricCase>
}

/** Reads a fixture file. */
export const readFixture = (file: string): MetricFixture => JSON.parse(readFileSync(file, 'utf8')) as MetricFixture

/** The replay tests of one file: at least `minRandom` random cases, every case within the bar. */
export const replayMetricFixture = (file: string, library: string, bar: { readonly rel: number; readonly abs: number }, minRandom = 15): void => {
  const data = readFixture(file)
  let worst = 0
  describe(file.slice(file.indexOf('fixtures')), () => {
    test(`recorded from ${library}, with at least ${minRandom} random cases`, () => {
      expect(data.library).toBe(library)
      expect(data.cases.filter((c) => c.name.includes('/random-')).length).toBeGreaterThanOrEqual(minRandom)
    })
    test.each(data.cases.map((c) => [c.name, c] as const))(`%s matches ${library}`, (_name, c) => {
      const s = fromConfig(c.config)
      const t = trace(s, c.groups, c.steps, c.metrics)
      expect(t.lr).toHaveLength(c.steps + 1)
      const scale = Math.max(...c.groups.map((g) => Math.abs(g.lr)))
      c.lr.forEach((row, k) =>
        row.forEach((e, i) => {
          const a = t.lr[k]?.[i] as number
          const diff = Math.abs(a - e)
          expect(diff, `row ${k}, group ${i}: ours ${a}, ${library} ${e}`).toBeLessThanOrEqual(bar.rel * Math.abs(e) + bar.abs * scale)
          if (diff > 0) worst = Math.max(worst, diff / Math.max(Math.abs(a), Math.abs(e)))
        })
      )
      expect(Array.from(traceArray(s, c.groups, c.steps, c.metrics).lr)).toEqual(t.lr.flat())
    })
  })
  afterAll(() => {
    if (process.env['FIXTURE_SUMMARY'] === '1') console.log(`${file.slice(file.indexOf('fixtures'))}: ${data.cases.length} cases, worst relative error ${worst.toExponential(2)}`)
  })
}
