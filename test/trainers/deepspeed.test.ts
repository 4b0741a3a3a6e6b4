// The `deepspeed` reader of trainers' config files (issue 14): every ds_config of
// test/fixtures/trainers/deepspeed/ (scripts/gen_trainer_deepspeed_fixtures.py: DeepSpeed v0.19.5's
// lr_schedules.py, the engine's _scheduler_from_config and the config's batch rules run unchanged,
// in the engine's loop of micro-steps) read through the library and through
// `lr-schedule trace FILE --from deepspeed --train-batches B --epochs E [--world-size W]`.
//
// Bar: |ours − DeepSpeed| ≤ 1e-12 · |DeepSpeed| + 1e-15 · scale (the case's largest value): the same
// arithmetic as test/presets/deepspeed/fixtures.test.ts and the PyTorch fixtures' (torch's
// fallback classes); the number of updates must be exact.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, test } from 'vitest'
import { formatConfigErrors, readTrainerConfig, trace } from '../../src/index.js'
import { cli, file } from '../cli/run.js'
import { type FixtureCase, expectCaseMatches } from '../helpers/replay.js'

interface Case {
  readonly name: string
  readonly facts: { readonly trainBatches: number; readonly epochs: number; readonly worldSize?: number }
  readonly updates: number
  readonly lr: ReadonlyArray<ReadonlyArray<number>>
  readonly momentum?: ReadonlyArray<ReadonlyArray<number>>
}

const dir = join(import.meta.dirname, '..', 'fixtures', 'trainers', 'deepspeed')
const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { readonly cases: ReadonlyArray<Case> }
const parsed = (name: string): unknown => JSON.parse(readFileSync(join(dir, name), 'utf8'))
const asFixture = (c: Case): FixtureCase => ({ ...c, config: { type: '' }, groups: [], steps: c.updates })
const flags = (c: Case): ReadonlyArray<string> => [
  '--train-batches',
  String(c.facts.trainBatches),
  '--epochs',
  String(c.facts.epochs),
  ...(c.facts.worldSize === undefined ? [] : ['--world-size', String(c.facts.worldSize)])
]

test('the fixtures hold at least 30 files, of DeepSpeed schedulers and torch fallbacks', () => {
  expect(expected.cases.length).toBeGreaterThanOrEqual(30)
  const types = new Set(expected.cases.map((c) => (parsed(c.name) as { scheduler: { type: string } }).scheduler.type))
  for (const t of ['WarmupLR', 'WarmupDecayLR', 'WarmupCosineLR', 'OneCycle', 'LRRangeTest']) expect(types).toContain(t)
  expect([...types].some((t) => !['WarmupLR', 'WarmupDecayLR', 'WarmupCosineLR', 'OneCycle', 'LRRangeTest'].includes(t))).toBe(true)
})

describe.each(expected.cases)('$name', (c) => {
  test('the library: the updates and the lr (and momentum) of every update', () => {
    const r = readTrainerConfig('deepspeed', parsed(c.name), c.facts)
    if (E.isLeft(r)) return expect.fail(formatConfigErrors(r.left).join('; '))
    expect(r.right.updates).toBe(c.updates)
    const t = trace(r.right.schedule, [{ lr: (r.right.lr as ReadonlyArray<number>)[0] as number, momentum: 0.9 }], c.updates)
    expectCaseMatches(t, asFixture(c), { rel: 1e-12, abs: 1e-15, momentumMayBeKept: true })
  })
})

describe('through the CLI (every other file)', () => {
  test.each(expected.cases.filter((_, i) => i % 2 === 0))('trace $name --from deepspeed …', (c) => {
    const r = cli(['trace', join(dir, c.name), '--from', 'deepspeed', ...flags(c), '--format', 'csv'])
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    const rows = r.stdout.trim().split('\n').slice(1).map((l) => l.split(',').slice(1).map(Number))
    expect(rows.length).toBe(c.updates + 1)
    // the lr columns (then the momentum columns, when the schedule cycles it)
    expectCaseMatches({ lr: rows.map((x) => x.slice(0, 1)), momentum: c.momentum === undefined ? undefined : rows.map((x) => x.slice(1, 2)) }, asFixture(c), { rel: 1e-12, abs: 1e-15 })
  })
})

describe('resolve shows the derivation', () => {
  test('WarmupDecayLR, the gradient accumulation from train_batch_size // micro // world size', () => {
    const f = file('ds.json', {
      train_batch_size: 64,
      train_micro_batch_size_per_gpu: 8,
      optimizer: { type: 'AdamW', params: { lr: 3e-4 } },
      scheduler: { type: 'WarmupDecayLR', params: { total_num_steps: 1000, warmup_max_lr: 3e-4, warmup_num_steps: 100 } },
      zero_optimization: { stage: 2 }
    })
    const r = cli(['resolve', f, '--from', 'deepspeed', '--train-batches', '800', '--epochs', '2', '--world-size', '2'])
    expect(r.status).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual({ type: 'deepspeed.WarmupDecayLR', totalNumSteps: 1000, warmupMaxLr: 3e-4, warmupNumSteps: 100 })
    // 64 // 8 // 2 = 4; floor(2 × 800 / 4) = 400
    expect(r.stderr.trim().split('\n')).toEqual([
      'schedule: deepspeed.WarmupDecayLR (scheduler.type WarmupDecayLR)',
      'lr: 0.0003 (optimizer.params.lr)',
      'gradient accumulation: 4 = 64 // 8 // 2 (train_batch_size // train_micro_batch_size_per_gpu // world size)',
      'updates: 400 = floor(2 × 800 / 4) (an optimizer step every 4 micro-batches, counted across epochs)'
    ])
  })
  test("torch's fallback: T_max and eta_min become tMax and etaMin; OneCycle with SGD does not cycle momentum", () => {
    const f = file('ds-torch.json', { optimizer: { type: 'Adam', params: { lr: 0.1 } }, scheduler: { type: 'CosineAnnealingLR', params: { T_max: 10, eta_min: 0.01 } } })
    const r = readTrainerConfig('deepspeed', JSON.parse(readFileSync(f, 'utf8')), {})
    expect(E.isRight(r) && r.right.config).toEqual({ type: 'CosineAnnealingLR', tMax: 10, etaMin: 0.01 })
    const sgd = readTrainerConfig('deepspeed', { optimizer: { type: 'SGD', params: { lr: 0.1 } }, scheduler: { type: 'OneCycle', params: { cycle_min_lr: 0, cycle_max_lr: 1 } } })
    expect(E.isRight(sgd) && sgd.right.config).toEqual({ type: 'deepspeed.OneCycle', cycleMinLr: 0, cycleMaxLr: 1, cycleMomentum: false })
  })
})

describe('bad files and flags: one line naming the key or the flag', () => {
  const errors = (config: unknown, facts = {}): ReadonlyArray<string> => {
    const r = readTrainerConfig('deepspeed', config, facts)
    return E.isLeft(r) ? formatConfigErrors(r.left) : ['(it reads)']
  }
  const sched = (type: string, params: Record<string, unknown> = {}): unknown => ({ optimizer: { type: 'Adam', params: { lr: 0.1 } }, scheduler: { type, params } })
  test.each([
    [{ optimizer: { type: 'Adam', params: { lr: 0.1 } } }, "scheduler: missing: without a scheduler block DeepSpeed keeps the optimizer's lr (there is no schedule to trace)"],
    [sched('WarmupLRR'), 'scheduler.type: expected one of DeepSpeed'],
    [sched('LambdaLR'), "scheduler.type: torch's LambdaLR is not read: its lr_lambda is a Python function"],
    [sched('ReduceLROnPlateau'), "scheduler.type: torch's ReduceLROnPlateau is not read: DeepSpeed's engine steps it without a metric"],
    [sched('WarmupLR', { warmup_steps: 10 }), "scheduler.params.warmup_steps: not an argument of DeepSpeed's WarmupLR (it takes warmup_min_lr, warmup_max_lr, warmup_num_steps, warmup_type)"],
    [sched('WarmupLR', { warmup_num_steps: 0 }), 'scheduler.params.warmup_num_steps: expected a positive integer, got 0'],
    [sched('WarmupDecayLR', { total_num_steps: 'auto' }), 'scheduler.params.total_num_steps: "auto" is filled in by transformers\' Trainer'],
    [sched('StepLR', { step_size: 3, last_epoch: 5 }), 'scheduler.params.last_epoch: a resumed schedule is not read'],
    [{ ...(sched('StepLR', { step_size: 3 }) as object), extra: 1, scheduler: { type: 'StepLR', params: { step_size: 3 }, foo: 1 } }, 'scheduler.foo: not a key of the scheduler block (it has type and params)']
  ])('%j', (config, message) => {
    expect(errors(config).join('\n')).toContain(message)
  })
  test('a missing fact names the flag', () => {
    expect(errors({ train_batch_size: 8, train_micro_batch_size_per_gpu: 2, ...(sched('StepLR', { step_size: 3 }) as object) }, { trainBatches: 10, epochs: 1 })).toEqual([
      '--world-size: needed: gradient_accumulation_steps is train_batch_size // train_micro_batch_size_per_gpu // world size (8 // 2 // ?)'
    ])
    expect(errors({ gradient_accumulation_steps: 2, ...(sched('StepLR', { step_size: 3 }) as object) }, { trainBatches: 10 })).toEqual([
      '--epochs: needed with --train-batches: DeepSpeed has no epochs of its own (the training script loops over them)'
    ])
  })
  test('--lr and the optimizer block both: one or the other; trace without either needs --lr', () => {
    expect(errors(sched('StepLR', { step_size: 3 }), { lr: [0.2] })).toEqual(['--lr: the file sets optimizer.params.lr (0.1): give one or the other'])
    const f = file('ds-nolr.json', { scheduler: { type: 'StepLR', params: { step_size: 3 } } })
    const r = cli(['trace', f, '--from', 'deepspeed', '--steps', '5'])
    expect([r.status, r.stderr.trim()]).toEqual([2, '--lr: needed (the deepspeed file gives no initial lr)'])
  })
})
