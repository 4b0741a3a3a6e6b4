// The `timm` reader of trainers' config files (issue 14): every train.py config file of
// test/fixtures/trainers/timm/ (scripts/gen_trainer_timm_fixtures.py: timm 1.0.29's
// create_scheduler_v2 on the arguments of train.py's own parser, stepped by train.py's loop,
// recording the lr of every optimizer update; plateau per epoch, on a recorded metric) read through
// the library and (every other file) through `lr-schedule trace FILE --from timm --train-batches N`.
//
// Bar: |ours − timm| ≤ 1e-12 · |timm| + 1e-15 · lr (the presets' own bar, test/presets/timm); the
// numbers of epochs, of updates per epoch and of updates must be exact.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, test } from 'vitest'
import { parse } from 'yaml'
import { formatConfigErrors, readTrainerConfig, trace } from '../../src/index.js'
import { cli, file } from '../cli/run.js'

interface Case {
  readonly name: string
  readonly facts: { readonly trainBatches: number; readonly worldSize?: number }
  readonly epochs: number
  readonly updatesPerEpoch: number
  readonly lrInit: number
  readonly updates?: number
  readonly steps?: number
  readonly metrics?: ReadonlyArray<number>
  readonly lr: ReadonlyArray<ReadonlyArray<number>>
}

const dir = join(import.meta.dirname, '..', 'fixtures', 'trainers', 'timm')
const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { readonly cases: ReadonlyArray<Case> }
const text = (name: string): string => readFileSync(join(dir, name), 'utf8')
const parsed = (name: string): unknown => (name.endsWith('.json') ? JSON.parse(text(name)) : parse(text(name)))
const rowsOf = (c: Case): number => c.updates ?? (c.steps as number)

const expectRows = (actual: ReadonlyArray<ReadonlyArray<number>>, c: Case): void => {
  expect(actual.length).toBe(rowsOf(c) + 1)
  c.lr.forEach((row, k) =>
    row.forEach((e, i) => {
      const a = actual[k]?.[i] as number
      if (!(Math.abs(a - e) <= 1e-12 * Math.abs(e) + 1e-15 * c.lrInit)) expect.fail(`${c.name}: row ${k}, group ${i}: ${a}, timm ${e}`)
    })
  )
}

test('the fixtures hold at least 40 files: args.yaml dumps, YAML and JSON, per epoch, per update and plateau', () => {
  expect(expected.cases.length).toBeGreaterThanOrEqual(40)
  expect(expected.cases.some((c) => c.name.endsWith('-args.yaml'))).toBe(true)
  expect(expected.cases.some((c) => c.name.endsWith('.json'))).toBe(true)
  expect(expected.cases.some((c) => c.metrics !== undefined)).toBe(true)
})

describe.each(expected.cases)('$name', (c) => {
  test('the library: the lr, the updates and the lr of every update', () => {
    const r = readTrainerConfig('timm', parsed(c.name), c.facts)
    if (E.isLeft(r)) return expect.fail(formatConfigErrors(r.left).join('; '))
    expect(r.right.lr).toEqual([c.lrInit])
    expect(r.right.updates).toBe(c.updates)
    expect(r.right.derived.find((l) => l.startsWith('updates per epoch:'))).toMatch(new RegExp(`^updates per epoch: ${c.updatesPerEpoch} = `))
    expect(r.right.derived.find((l) => l.startsWith('epochs:'))).toMatch(new RegExp(`^epochs: ${c.epochs}\\b`))
    expectRows(trace(r.right.schedule, [c.lrInit], rowsOf(c), c.metrics).lr, c)
  })
})
