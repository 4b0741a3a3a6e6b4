// The `hf` reader of trainers' config files (issue 14): every TrainingArguments file of
// test/fixtures/trainers/hf/ (scripts/gen_trainer_hf_fixtures.py: transformers 5.18's real Trainer
// recording the lr before every optimizer update; 4.57.6's get_scheduler for the 4.x dialect) read
// through the library and through `lr-schedule trace FILE --from hf --train-batches N`.
//
// Bar: |ours − transformers| ≤ 1e-12 · |transformers| + 1e-15 · learning_rate: the schedules are
// transformers' multipliers of the initial lr computed from the step in transformers' operation
// order (see test/presets/hf/fixtures.test.ts for the one-ulp differences of Math.cos/Math.pow
// that the absolute floor covers); the numbers of updates and of warmup updates must be exact.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, test } from 'vitest'
import { parse } from 'yaml'
import { formatConfigErrors, readTrainerConfig, trace } from '../../src/index.js'
import { cli, file } from '../cli/run.js'
import { expectMalformedYaml, expectOneError } from '../helpers/trainers.js'

interface Case {
  readonly name: string
  readonly facts: { readonly trainBatches: number }
  readonly dialect: string
  readonly updates: number
  readonly lr: ReadonlyArray<ReadonlyArray<number>>
}

const dir = join(import.meta.dirname, '..', 'fixtures', 'trainers', 'hf')
const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { readonly cases: ReadonlyArray<Case> }
const text = (name: string): string => readFileSync(join(dir, name), 'utf8')
const parsed = (name: string): unknown => (name.endsWith('.yaml') ? parse(text(name)) : JSON.parse(text(name)))

const expectRows = (actual: ReadonlyArray<ReadonlyArray<number>>, c: Case, scale: number): void => {
  expect(actual.length).toBeGreaterThanOrEqual(c.updates)
  c.lr.forEach((row, k) =>
    row.forEach((e, i) => {
      const a = actual[k]?.[i] as number
      if (Math.abs(a - e) > 1e-12 * Math.abs(e) + 1e-15 * scale) expect.fail(`${c.name}: update ${k}, group ${i}: ${a}, transformers ${e}`)
    })
  )
}

test('the fixtures hold at least 30 files, JSON and YAML, of both dialects', () => {
  expect(expected.cases.length).toBeGreaterThanOrEqual(30)
  expect(expected.cases.some((c) => c.name.endsWith('.yaml'))).toBe(true)
  expect(new Set(expected.cases.map((c) => c.dialect))).toEqual(new Set(['transformers 5.x', 'transformers 4.x']))
})

describe.each(expected.cases)('$name', (c) => {
  test('the library: the updates, the dialect and the lr of every update', () => {
    const r = readTrainerConfig('hf', parsed(c.name), c.facts)
    if (E.isLeft(r)) return expect.fail(formatConfigErrors(r.left).join('; '))
    expect(r.right.updates).toBe(c.updates)
    expect(r.right.dialect).toBe(c.dialect)
    const lr = r.right.lr as ReadonlyArray<number>
    expectRows(trace(r.right.schedule, lr, c.updates).lr, c, Math.max(...lr))
  })
})

describe('through the CLI (every other file)', () => {
  test.each(expected.cases.filter((_, i) => i % 2 === 0))('trace $name --from hf --train-batches N --format csv', (c) => {
    const r = cli(['trace', join(dir, c.name), '--from', 'hf', '--train-batches', String(c.facts.trainBatches), '--format', 'csv'])
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    const rows = r.stdout.trim().split('\n').slice(1).map((l) => l.split(',').slice(1).map(Number))
    // --steps defaults to the updates: rows 0 .. updates (the last one after the last update)
    expect(rows.length).toBe(c.updates + 1)
    expectRows(rows, c, rows[0]?.[0] ?? 0)
  })
})

describe('resolve shows the derivation', () => {
  test('a cosine with a warmup ratio over 2 epochs of 1001 batches accumulated by 4', () => {
    const f = file('ta.json', { learning_rate: 3e-4, lr_scheduler_type: 'cosine', warmup_steps: 0.03, num_train_epochs: 2, gradient_accumulation_steps: 4, seed: 1 })
    const r = cli(['resolve', f, '--from', 'hf', '--train-batches', '1001'])
    expect(r.status).toBe(0)
    // 1001 // 4 + 1 = 251 updates per epoch; ceil(2 × 251) = 502; ceil(502 × 0.03) = ceil(15.06) = 16
    expect(JSON.parse(r.stdout)).toEqual({ type: 'hf.cosine', numWarmupSteps: 16, numTrainingSteps: 502 })
    expect(r.stderr.trim().split('\n')).toEqual([
      'schedule: hf.cosine (lr_scheduler_type cosine)',
      "dialect: transformers 5.x (5.18's rules)",
      'lr: 0.0003 (learning_rate)',
      'updates per epoch: 251 = max(1001 // 4 + (1001 % 4 > 0), 1)',
      'updates: 502 = ceil(2 × 251)',
      'warmup: 16 updates = ceil(502 × 0.03) (warmup_steps below 1 is a ratio)'
    ])
  })

  test("4.x's warmup_ratio, and a warmup_steps that overrides it", () => {
    // ceil(100 × 0.1) = 10; 4.57: warmup_steps if > 0 else ceil(N · warmup_ratio)
    const a = readTrainerConfig('hf', { warmup_ratio: 0.1, max_steps: 100 })
    expect(E.isRight(a) && a.right.config).toEqual({ type: 'hf.linear', numWarmupSteps: 10, numTrainingSteps: 100 })
    const b = readTrainerConfig('hf', { warmup_ratio: 0.1, warmup_steps: 7, max_steps: 100 })
    expect(E.isRight(b) && b.right.config).toEqual({ type: 'hf.linear', numWarmupSteps: 7, numTrainingSteps: 100 })
    // 5.x: a warmup_steps of 10.7 is int(10.7) = 10
    const c = readTrainerConfig('hf', { warmup_steps: 10.7, max_steps: 100 })
    expect(E.isRight(c) && c.right.config).toEqual({ type: 'hf.linear', numWarmupSteps: 10, numTrainingSteps: 100 })
  })

  test('polynomial takes lr_init from learning_rate, as transformers reads the optimizer default lr', () => {
    const r = readTrainerConfig('hf', { lr_scheduler_type: 'polynomial', learning_rate: 0.002, max_steps: 10, lr_scheduler_kwargs: '{"power": 2}' })
    expect(E.isRight(r) && r.right.config).toEqual({ type: 'hf.polynomial', numWarmupSteps: 0, numTrainingSteps: 10, lrInit: 0.002, power: 2 })
  })
})

describe('bad files and flags: one line naming the key or the flag', () => {
  test.each([
    ['a missing fact', { lr_scheduler_type: 'cosine', num_train_epochs: 2 }, {}, /^--train-batches: needed: cosine depends on the number of updates/],
    ['a schedule type transformers does not have', { lr_scheduler_type: 'cosine_annealing' }, {}, /^lr_scheduler_type: expected one of constant, constant_with_warmup, linear, .* \(transformers' SchedulerType\), got "cosine_annealing"$/],
    ['a kwarg the schedule does not take', { lr_scheduler_type: 'cosine', max_steps: 5, lr_scheduler_kwargs: { num_cycle: 1 } }, {}, /^lr_scheduler_kwargs\.num_cycle: not an argument of transformers' cosine schedule \(it takes num_cycles\)$/],
    ['a kwarg of the wrong type', { lr_scheduler_type: 'polynomial', max_steps: 5, lr_scheduler_kwargs: { power: 'two' } }, {}, /^lr_scheduler_kwargs\.power: expected .*, got "two"$/],
    ['a key TrainingArguments does not have', { lr_schedule_type: 'cosine' }, {}, /^lr_schedule_type: not an argument of TrainingArguments/],
    ['4.x and 5.x keys together', { warmup_ratio: 0.1, train_sampling_strategy: 'random', max_steps: 3 }, {}, /^train_sampling_strategy: a transformers 5\.x argument in a file of the 4\.x dialect \(it has warmup_ratio/],
    ['a negative warmup', { warmup_steps: -1, max_steps: 3 }, {}, /^warmup_steps: expected a number >= 0/],
    ['--lr beside learning_rate', { learning_rate: 0.1, max_steps: 3 }, { lr: [0.2] }, /^--lr: the file sets learning_rate \(0\.1\): give one or the other$/],
    ['--world-size without a deepspeed block', { max_steps: 3 }, { worldSize: 2 }, /^--world-size: used only with a deepspeed block/],
    ['--epochs with num_train_epochs in the file', { num_train_epochs: 2 }, { epochs: 3, trainBatches: 4 }, /^--epochs: the file sets num_train_epochs \(2\): give one or the other$/],
    ['kwargs that are not a dict', { max_steps: 3, lr_scheduler_kwargs: '[1, 2]' }, {}, /^lr_scheduler_kwargs: expected a dict, or a JSON string of one/]
  ])('%s', (_, f, facts, message) => expectOneError('hf', f, facts, message))

  test('malformed YAML: the line and column', () => expectMalformedYaml('hf', 'lr_scheduler_type: cosine\n  bad: [\n', ['--steps', '3']))

  test('an unknown --from, and --train-batches without --from', () => {
    expect(cli(['trace', file('x.json', {}), '--from', 'ds']).stderr).toMatch(/^--from: expected one of hf, deepspeed, lightning, timm, composer, keras, got "ds"\n$/)
    const r = cli(['trace', file('y.json', {}), '--train-batches', '3', '--lr', '0.1', '--steps', '2'])
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/^--train-batches reads a trainer's config file: give --from FORMAT too\n/)
  })
})
