// The `hf` reader's `deepspeed` block (issue 14): every TrainingArguments file of
// test/fixtures/trainers/hf-deepspeed/ (scripts/gen_trainer_hf_deepspeed_fixtures.py: transformers
// 5.18's HfTrainerDeepSpeedConfig filling the inline ds_config, its Trainer's updates, then
// DeepSpeed v0.19.5's scheduler — or transformers' own without a scheduler block — stepped after
// every update) read through the library and through `lr-schedule trace FILE --from hf
// --train-batches N [--world-size W]`; the files transformers refuses are refused, naming the key.
//
// Bar: |ours − reference| ≤ 1e-12 · |reference| + 1e-15 · scale (the case's largest value), as in
// test/trainers/deepspeed.test.ts; the number of updates must be exact.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, test } from 'vitest'
import { parse } from 'yaml'
import { formatConfigErrors, readTrainerConfig, trace } from '../../src/index.js'
import { cli, file } from '../cli/run.js'
import { type FixtureCase, expectCaseMatches } from '../helpers/replay.js'

interface Case {
  readonly name: string
  readonly facts: { readonly trainBatches: number; readonly worldSize?: number }
  readonly dialect: string
  readonly updates: number
  readonly lr: ReadonlyArray<ReadonlyArray<number>>
  readonly momentum?: ReadonlyArray<ReadonlyArray<number>>
}

interface Refused {
  readonly name: string
  readonly key: string
  readonly error: string
}

const dir = join(import.meta.dirname, '..', 'fixtures', 'trainers', 'hf-deepspeed')
const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { readonly cases: ReadonlyArray<Case>; readonly refused: ReadonlyArray<Refused> }
const text = (name: string): string => readFileSync(join(dir, name), 'utf8')
const parsed = (name: string): Record<string, unknown> => (name.endsWith('.yaml') ? parse(text(name)) : JSON.parse(text(name))) as Record<string, unknown>
const asFixture = (c: Case): FixtureCase => ({ ...c, config: { type: '' }, groups: [], steps: c.updates })
const dsOf = (name: string): { readonly scheduler?: { readonly type: string } } => parsed(name)['deepspeed'] as { readonly scheduler?: { readonly type: string } }
const flags = (c: Case): ReadonlyArray<string> => ['--train-batches', String(c.facts.trainBatches), ...(c.facts.worldSize === undefined ? [] : ['--world-size', String(c.facts.worldSize)])]

test('the fixtures hold at least 30 files, JSON and YAML, of both dialects, with every DeepSpeed scheduler, a torch fallback and none', () => {
  expect(expected.cases.length).toBeGreaterThanOrEqual(30)
  expect(expected.cases.some((c) => c.name.endsWith('.yaml'))).toBe(true)
  expect(new Set(expected.cases.map((c) => c.dialect))).toEqual(new Set(['transformers 5.x', 'transformers 4.x']))
  const types = new Set(expected.cases.map((c) => dsOf(c.name).scheduler?.type ?? 'none'))
  for (const t of ['WarmupLR', 'WarmupDecayLR', 'WarmupCosineLR', 'OneCycle', 'LRRangeTest', 'StepLR', 'none']) expect(types).toContain(t)
  // "auto" and explicit values both
  const all = expected.cases.map((c) => JSON.stringify(dsOf(c.name)))
  expect(all.some((s) => s.includes('"auto"'))).toBe(true)
  expect(all.some((s) => /"warmup_max_lr":\d/.test(s))).toBe(true)
})

describe.each(expected.cases)('$name', (c) => {
  test('the library: the updates and the lr (and momentum) of every update', () => {
    const r = readTrainerConfig('hf', parsed(c.name), c.facts)
    if (E.isLeft(r)) return expect.fail(formatConfigErrors(r.left).join('; '))
    expect(r.right.updates).toBe(c.updates)
    expect(r.right.dialect).toBe(c.dialect)
    const t = trace(r.right.schedule, [{ lr: (r.right.lr as ReadonlyArray<number>)[0] as number, momentum: 0.9 }], c.updates)
    const rows = { lr: t.lr.slice(0, c.updates), momentum: t.momentum?.slice(0, c.updates) }
    expectCaseMatches(rows, asFixture(c), { rel: 1e-12, abs: 1e-15, momentumMayBeKept: true })
  })
})

describe('through the CLI (every other file)', () => {
  test.each(expected.cases.filter((_, i) => i % 2 === 0))('trace $name --from hf --train-batches N …', (c) => {
    const r = cli(['trace', join(dir, c.name), '--from', 'hf', ...flags(c), '--format', 'csv'])
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    const rows = r.stdout.trim().split('\n').slice(1).map((l) => l.split(',').slice(1).map(Number))
    // --steps defaults to the updates: rows 0 .. updates (the last one after the last update)
    expect(rows.length).toBe(c.updates + 1)
    const head = rows.slice(0, c.updates)
    expectCaseMatches({ lr: head.map((x) => x.slice(0, 1)), momentum: c.momentum === undefined ? undefined : head.map((x) => x.slice(1, 2)) }, asFixture(c), { rel: 1e-12, abs: 1e-15 })
  })
})

describe('the files transformers refuses: one line naming the key', () => {
  test.each(expected.refused)('$name ($key)', (c) => {
    const r = readTrainerConfig('hf', parsed(c.name), {})
    const lines = E.isLeft(r) ? formatConfigErrors(r.left) : ['(it reads)']
    expect(lines.length, lines.join('\n')).toBe(1)
    expect(lines[0]?.startsWith(`${c.key}: `), lines[0]).toBe(true)
  })
})

describe('resolve shows the fills', () => {
  test('WarmupDecayLR of autos over 2 epochs of 1001 batches accumulated by 4', () => {
    const f = file('ta-ds.json', {
      learning_rate: 3e-4,
      warmup_steps: 0.03,
      num_train_epochs: 2,
      gradient_accumulation_steps: 4,
      deepspeed: {
        gradient_accumulation_steps: 'auto',
        optimizer: { type: 'AdamW', params: { lr: 'auto', betas: 'auto' } },
        scheduler: { type: 'WarmupDecayLR', params: { warmup_min_lr: 'auto', warmup_max_lr: 'auto', warmup_num_steps: 'auto', total_num_steps: 'auto' } }
      }
    })
    const r = cli(['resolve', f, '--from', 'hf', '--train-batches', '1001'])
    expect(r.status).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual({ type: 'deepspeed.WarmupDecayLR', warmupMinLr: 0, warmupMaxLr: 3e-4, warmupNumSteps: 16, totalNumSteps: 502 })
    expect(r.stderr.trim().split('\n')).toEqual([
      'schedule: deepspeed.WarmupDecayLR (deepspeed.scheduler.type WarmupDecayLR)',
      "dialect: transformers 5.x (5.18's rules)",
      'lr: 0.0003 (learning_rate)',
      'updates per epoch: 251 = max(1001 // 4 + (1001 % 4 > 0), 1)',
      'updates: 502 = ceil(2 × 251)',
      'deepspeed gradient_accumulation_steps: 4 = auto (gradient_accumulation_steps)',
      'deepspeed optimizer.params.lr: 0.0003 = auto (learning_rate)',
      'deepspeed optimizer.params.betas: [0.9,0.999] = auto (adam_beta1, adam_beta2)',
      'deepspeed scheduler.params.warmup_min_lr: 0 = auto (transformers fills 0)',
      'deepspeed scheduler.params.warmup_max_lr: 0.0003 = auto (learning_rate)',
      'deepspeed scheduler.params.total_num_steps: 502 = auto (the updates)',
      'warmup: 16 updates = ceil(502 × 0.03) (warmup_steps below 1 is a ratio)',
      'deepspeed scheduler.params.warmup_num_steps: 16 = auto (max(1, the warmup))',
      "lr_scheduler_type linear: not used (the deepspeed block's scheduler runs, stepped by DeepSpeed's engine after every update)"
    ])
  })

  test("without a scheduler block, lr_scheduler_type's schedule; without warmup, warmup_num_steps is max(1, 0) = 1", () => {
    const a = readTrainerConfig('hf', { lr_scheduler_type: 'cosine', max_steps: 10, deepspeed: { optimizer: { type: 'AdamW', params: { lr: 'auto' } } } })
    expect(E.isRight(a) && a.right.config).toEqual({ type: 'hf.cosine', numWarmupSteps: 0, numTrainingSteps: 10 })
    const b = readTrainerConfig('hf', { max_steps: 10, deepspeed: { scheduler: { type: 'WarmupLR', params: { warmup_num_steps: 'auto' } } } })
    expect(E.isRight(b) && b.right.config).toEqual({ type: 'deepspeed.WarmupLR', warmupNumSteps: 1 })
    // a JSON string of a ds_config is a ds_config (accelerate's HfDeepSpeedConfig parses it)
    // 5.18 fills no amp block
    const d = readTrainerConfig('hf', { max_steps: 10, deepspeed: { amp: { enabled: true }, scheduler: { type: 'StepLR', params: { step_size: 3 } } } })
    expect(E.isRight(d) && d.right.config).toEqual({ type: 'StepLR', stepSize: 3 })
    const c = readTrainerConfig('hf', { max_steps: 10, deepspeed: JSON.stringify({ scheduler: { type: 'StepLR', params: { step_size: 3 } } }) })
    expect(E.isRight(c) && c.right.config).toEqual({ type: 'StepLR', stepSize: 3 })
  })
})

describe('bad files and flags: one line naming the key or the flag', () => {
  const errors = (f: unknown, facts = {}): ReadonlyArray<string> => {
    const r = readTrainerConfig('hf', f, facts)
    return E.isLeft(r) ? formatConfigErrors(r.left) : ['(it reads)']
  }
  const sched = (type: string, params: Record<string, unknown>): Record<string, unknown> => ({ scheduler: { type, params } })
  test.each([
    [
      'an explicit optimizer lr that is not learning_rate',
      { learning_rate: 3e-4, max_steps: 10, deepspeed: { optimizer: { type: 'AdamW', params: { lr: 1e-3 } } } },
      {},
      /^deepspeed\.optimizer\.params\.lr: 0\.001 does not match learning_rate \(0\.0003\): transformers refuses the file/
    ],
    [
      'an explicit warmup_max_lr that is not learning_rate (the default 5e-5)',
      { max_steps: 10, deepspeed: sched('WarmupLR', { warmup_max_lr: 0.01 }) },
      {},
      /^deepspeed\.scheduler\.params\.warmup_max_lr: 0\.01 does not match learning_rate \(0\.00005\)/
    ],
    [
      'deepspeed as a path',
      { max_steps: 10, deepspeed: 'ds_config.json' },
      {},
      /^deepspeed: a path to a ds_config \("ds_config\.json"\): the hf reader reads no other file — inline the ds_config as a dict under deepspeed, or read that file with --from deepspeed$/
    ],
    ['an unknown ds scheduler type', { max_steps: 10, deepspeed: sched('WarmupLinearLR', {}) }, {}, /^deepspeed\.scheduler\.type: expected one of DeepSpeed's WarmupLR, /],
    [
      'an "auto" transformers does not fill',
      { max_steps: 10, deepspeed: sched('OneCycle', { cycle_min_lr: 0, cycle_max_lr: 'auto' }) },
      {},
      /^deepspeed\.scheduler\.params\.cycle_max_lr: "auto" where transformers fills none/
    ],
    [
      'total_num_steps without the updates',
      { num_train_epochs: 2, deepspeed: sched('WarmupDecayLR', { total_num_steps: 'auto' }) },
      {},
      /^--train-batches: needed: deepspeed\.scheduler\.params\.total_num_steps is "auto"/
    ],
    [
      'an explicit train_batch_size without --world-size',
      { max_steps: 10, deepspeed: { train_batch_size: 16, ...sched('StepLR', { step_size: 2 }) } },
      {},
      /^--world-size: needed: deepspeed\.train_batch_size is 16, checked by transformers against/
    ],
    ['a train_batch_size that is not world size × per device × accumulation', { max_steps: 10, deepspeed: { train_batch_size: 16, ...sched('StepLR', { step_size: 2 }) } }, { worldSize: 1 }, /^deepspeed\.train_batch_size: 16 does not match world size 1 × /],
    [
      // 4.57.6 raises "- ds amp.enabled=True vs hf fp16+fp16_backend(apex)=False" (run here); 5.18 has no amp fill
      "4.x: amp.enabled without fp16_backend apex",
      { warmup_ratio: 0.1, max_steps: 10, deepspeed: { amp: { enabled: true }, ...sched('StepLR', { step_size: 2 }) } },
      {},
      /^deepspeed\.amp\.enabled: true does not match fp16 with fp16_backend apex \(false\)/
    ],
    ['--world-size without a deepspeed block', { max_steps: 3 }, { worldSize: 2 }, /^--world-size: used only with a deepspeed block/],
    ['--lr with a deepspeed block', { max_steps: 3, deepspeed: sched('StepLR', { step_size: 2 }) }, { lr: [0.1] }, /^--lr: with a deepspeed block transformers fills the ds_config from learning_rate/]
  ])('%s', (_, f, facts, message) => {
    const lines = errors(f, facts)
    expect(lines.length, lines.join('\n')).toBe(1)
    expect(lines[0]).toMatch(message)
  })
})
