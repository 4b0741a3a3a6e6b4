// The `composer` reader of trainers' config files (issue 14): every LLM Foundry training YAML (and
// JSON) of test/fixtures/trainers/composer/ (scripts/gen_trainer_composer_fixtures.py: LLM Foundry's
// build_scheduler and registry, main 8c8dd48f, on Composer v0.32.1's scheduler source stepped as
// its Trainer steps it) read through the library and through
// `lr-schedule trace FILE --from composer [--train-batches N]`.
//
// Bar: |ours − LLM Foundry| ≤ 1e-12 · |LLM Foundry| + 1e-15 · scale; the updates exact.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, test } from 'vitest'
import { parse } from 'yaml'
import { formatConfigErrors, readTrainerConfig, trace } from '../../src/index.js'
import { TRAIN_CONFIG_KEYS } from '../../src/presets/composer/yamlConfig.js'
import { cli, file } from '../cli/run.js'
import { expectMalformedYaml, expectOneError } from '../helpers/trainers.js'
import { type FixtureCase, expectCaseMatches } from '../helpers/replay.js'

interface Case {
  readonly name: string
  readonly facts: { readonly trainBatches?: number }
  readonly updates: number
  readonly lr: ReadonlyArray<ReadonlyArray<number>>
}

const dir = join(import.meta.dirname, '..', 'fixtures', 'trainers', 'composer')
const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as {
  readonly registered: ReadonlyArray<string>
  readonly train_config_keys: ReadonlyArray<string>
  readonly default_lr: Readonly<Record<string, number>>
  readonly rejected: ReadonlyArray<{ readonly name: string; readonly facts: Case['facts'] }>
  readonly cases: ReadonlyArray<Case>
}
const text = (name: string): string => readFileSync(join(dir, name), 'utf8')
const parsed = (name: string): unknown => (name.endsWith('.yaml') ? parse(text(name)) : JSON.parse(text(name)))
const asFixture = (c: Case): FixtureCase => ({ ...c, config: { type: '' }, groups: [], steps: c.updates })
const flags = (c: Case): ReadonlyArray<string> => (c.facts.trainBatches === undefined ? [] : ['--train-batches', String(c.facts.trainBatches)])

test('the fixtures hold at least 40 files, YAML and JSON, of every scheduler name read, in ba and ep', () => {
  expect(expected.cases.length).toBeGreaterThanOrEqual(40)
  expect(expected.cases.some((c) => c.name.endsWith('.json'))).toBe(true)
  const files = expected.cases.map((c) => parsed(c.name) as { scheduler: { name: string }; max_duration: unknown })
  for (const n of ['cosine_with_warmup', 'linear_decay_with_warmup', 'constant_with_warmup', 'inv_sqrt_with_warmup']) expect(files.map((f) => f.scheduler.name)).toContain(n)
  expect(files.some((f) => typeof f.max_duration === 'number')).toBe(true)
  expect(files.some((f) => String(f.max_duration).endsWith('ep'))).toBe(true)
  // LLM Foundry's registry, as the generator found it
  expect(expected.registered).toEqual(['constant_with_warmup', 'cosine_with_warmup', 'inv_sqrt_with_warmup', 'linear_decay_with_warmup'])
})

describe.each(expected.cases)('$name', (c) => {
  test('the library: the updates and the lr of every update', () => {
    const r = readTrainerConfig('composer', parsed(c.name), c.facts)
    if (E.isLeft(r)) return expect.fail(formatConfigErrors(r.left).join('; '))
    expect(r.right.updates).toBe(c.updates)
    const t = trace(r.right.schedule, [(r.right.lr as ReadonlyArray<number>)[0] as number], c.updates)
    expectCaseMatches(t, asFixture(c), { rel: 1e-12, abs: 1e-15 })
  })
})

describe.each(expected.rejected)('refused by LLM Foundry or Composer: $name', (c) => {
  test('refused here too', () => {
    expect(E.isLeft(readTrainerConfig('composer', parsed(c.name), c.facts))).toBe(true)
  })
})

describe('through the CLI (every other file)', () => {
  test.each(expected.cases.filter((_, i) => i % 2 === 0))('trace $name --from composer …', (c) => {
    const r = cli(['trace', join(dir, c.name), '--from', 'composer', ...flags(c), '--format', 'csv'])
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    const rows = r.stdout.trim().split('\n').slice(1).map((l) => l.split(',').slice(1).map(Number))
    expect(rows.length).toBe(c.updates + 1)
    expectCaseMatches({ lr: rows }, asFixture(c), { rel: 1e-12, abs: 1e-15 })
  })
})

const foundry = {
  variables: { warmup: '100ba', max_seq_len: 2048 },
  max_seq_len: '${variables.max_seq_len}',
  model: { name: 'mpt_causal_lm', d_model: 768 },
  scheduler: { name: 'cosine_with_warmup', t_warmup: '${variables.warmup}', alpha_f: 0.1 },
  optimizer: { name: 'decoupled_adamw', lr: 6.0e-4, betas: [0.9, 0.95], eps: 1.0e-8, weight_decay: 0.0 },
  max_duration: '4800ba',
  global_train_batch_size: 256,
  device_train_microbatch_size: 16,
  callbacks: { lr_monitor: {} }
}

describe('resolve shows the derivation', () => {
  test("mpt-125m's schedule in batches; an interpolation of variables", () => {
    const r = cli(['resolve', file('mpt.yaml', foundry), '--from', 'composer'])
    expect(r.status).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual({ type: 'composer.CosineAnnealingWithWarmupScheduler', tWarmup: '100ba', alphaF: 0.1, maxDuration: '4800ba' })
    expect(r.stderr.trim().split('\n')).toEqual([
      "schedule: composer.CosineAnnealingWithWarmupScheduler (scheduler.name cosine_with_warmup, LLM Foundry's registry)",
      'lr: 0.0006 (optimizer.lr)',
      'updates: 4800 (max_duration 4800ba: one optimizer update per batch; microbatches accumulate within it)',
      "rows: update 0 trains at the multiplier of batch 0, update k at that of batch k − 1 (Composer's Trainer steps the scheduler after the update, trainer.py:2492, before the batch count, 2501)"
    ])
  })
  test('epochs: an integer max_duration, train_subset_num_batches, the optimizer default lr', () => {
    const f = { scheduler: { name: 'linear_decay_with_warmup', t_warmup: '1ep' }, optimizer: { name: 'decoupled_lionw' }, max_duration: 3, train_subset_num_batches: 40 }
    const r = readTrainerConfig('composer', f, { trainBatches: 100 })
    if (E.isLeft(r)) return expect.fail(formatConfigErrors(r.left).join('; '))
    expect(r.right.config).toEqual({ type: 'composer.LinearWithWarmupScheduler', tWarmup: '1ep', maxDuration: '3ep', batchesPerEpoch: 40 })
    expect(r.right.updates).toBe(120)
    expect(r.right.lr).toEqual([1e-4])
    expect(r.right.derived.slice(1, 4)).toEqual([
      "lr: 0.0001 (no optimizer.lr: the default of LLM Foundry's DecoupledLionW (llmfoundry/optim/lion.py:38))",
      'batches per epoch: 40 = min(train_subset_num_batches 40, --train-batches 100)',
      'max_duration: 3ep (an integer is epochs: ensure_time(max_duration, TimeUnit.EPOCH), trainer.py:1563)'
    ])
  })
  test("the keys the reader knows are TrainConfig's fields (config_utils.py:99-200, as the generator read them)", () => {
    expect(TRAIN_CONFIG_KEYS).toEqual(expected.train_config_keys)
  })
  test("without optimizer.lr: the default of the optimizer's class (as the generator read them from the source)", () => {
    for (const [name, lr] of Object.entries(expected.default_lr)) {
      const r = readTrainerConfig('composer', { ...foundry, optimizer: { name } })
      expect(E.isRight(r) && r.right.lr, name).toEqual([lr])
    }
  })
})

describe('bad files and flags: one line naming the key or the flag', () => {
  const withScheduler = (s: Record<string, unknown>, rest: Record<string, unknown> = {}): unknown => ({ ...foundry, scheduler: s, ...rest })
  test.each([
    ['a missing fact', withScheduler({ name: 'cosine_with_warmup', t_warmup: '100ba' }, { max_duration: '2ep' }), {}, /^--train-batches: needed: max_duration is in epochs \(2ep\)/],
    ['a time in ep without the batches per epoch', withScheduler({ name: 'cosine_with_warmup', t_warmup: '1ep' }), {}, /^--train-batches: .*needs it/],
    ['an unknown scheduler name', withScheduler({ name: 'cosine', t_warmup: '100ba' }), {}, /^scheduler\.name: expected one of LLM Foundry's registered schedulers constant_with_warmup, cosine_with_warmup, inv_sqrt_with_warmup, linear_decay_with_warmup .*got "cosine"$/],
    ["Composer's class name (not registered)", withScheduler({ name: 'CosineAnnealingWithWarmupScheduler', t_warmup: '100ba' }), {}, /^scheduler\.name: expected one of/],
    ['inv_sqrt_with_warmup: a time not in the unit of max_duration', withScheduler({ name: 'inv_sqrt_with_warmup', t_warmup: '1ep', t_scale: '100ba', t_cooldown: '0ba' }), { trainBatches: 10 }, /^scheduler\.t_warmup: expected a time in the unit of maxDuration \(ba; LLM Foundry: "must match max_duration unit"\)/],
    ['inv_sqrt_with_warmup: scale_warmup', withScheduler({ name: 'inv_sqrt_with_warmup', t_warmup: '10ba', t_scale: '100ba', t_cooldown: '0ba', scale_warmup: true }), {}, /^scheduler\.scale_warmup: not an argument of LLM Foundry's InverseSquareRootWithWarmupScheduler \(it takes t_warmup, t_scale, t_cooldown, t_max, alpha_f_decay, alpha_f_cooldown; Composer: TypeError\)$/],
    ['a kwarg the scheduler does not take', withScheduler({ name: 'constant_with_warmup', t_warmup: '100ba', alpha_f: 0.1 }), {}, /^scheduler\.alpha_f: not an argument of Composer's ConstantWithWarmupScheduler \(it takes t_warmup, t_max, alpha, scale_warmup; Composer: TypeError\)$/],
    ['a bad time string, named by its key', withScheduler({ name: 'cosine_with_warmup', t_warmup: '100 steps' }), {}, /^scheduler\.t_warmup: /],
    ['t_warmup in tok', withScheduler({ name: 'cosine_with_warmup', t_warmup: '1000tok' }), {}, /^scheduler\.t_warmup: .*tok is not supported/],
    ['a t_max shorter than max_duration', withScheduler({ name: 'cosine_with_warmup', t_warmup: '10ba', t_max: '100ba' }), {}, /^scheduler\.t_max: /],
    ['max_duration in tokens', { ...foundry, max_duration: '2000000tok' }, {}, /^max_duration: in tok: the updates then depend on the tokens of every batch/],
    ['max_duration in dur', { ...foundry, max_duration: '1dur' }, {}, /^max_duration: Composer refuses a max_duration in dur/],
    ['scale_schedule_ratio (a key that matters, not in TrainConfig)', { ...foundry, scale_schedule_ratio: 0.5 }, {}, /^scale_schedule_ratio: not a key of LLM Foundry's TrainConfig: its train script does not pass scale_schedule_ratio/],
    ["Composer-style schedulers: [...]", { ...foundry, schedulers: [{ name: 'cosine_with_warmup' }] }, {}, /^schedulers: not a key of LLM Foundry's TrainConfig: it reads one scheduler/],
    ['an unknown key', { ...foundry, warmup: '100ba' }, {}, /^warmup: not a key of LLM Foundry's TrainConfig/],
    ['an unknown optimizer', { ...foundry, optimizer: { name: 'adamw', lr: 1e-3 } }, {}, /^optimizer\.name: expected one of LLM Foundry's registered optimizers/],
    ['--lr and optimizer.lr', foundry, { lr: [1e-3] }, /^--lr: the file sets optimizer\.lr \(0\.0006\): give one or the other$/],
    ['an interpolation of a missing variable', withScheduler({ name: 'cosine_with_warmup', t_warmup: '${variables.nope}' }), {}, /^scheduler\.t_warmup: interpolation \$\{variables\.nope\}: the file has no variables\.nope$/],
    ['a missing scheduler name', withScheduler({ t_warmup: '100ba' }), {}, /^scheduler\.name: missing/],
    ['--world-size (not used)', foundry, { worldSize: 8 }, /^--world-size: the composer format does not use it/]
  ])('%s', (_, f, facts, message) => expectOneError('composer', f, facts, message))

  test('malformed YAML: the line and column', () => expectMalformedYaml('composer', 'scheduler:\n  name: cosine_with_warmup\n t_warmup: [\n', ['--steps', '3'], 3))
})
