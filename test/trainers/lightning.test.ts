// The `lightning` reader of trainers' config files (issue 14): every LightningCLI config of
// test/fixtures/trainers/lightning/ (scripts/gen_trainer_lightning_fixtures.py: Lightning 2.6.6's
// real Trainer.fit over a dataloader of B batches, the optimizer and scheduler built by Lightning's
// instantiate_class and LightningCLI.configure_optimizers, the lr of every optimizer update
// recorded) read through the library and through `lr-schedule trace FILE --from lightning
// --train-batches B [--epochs E] [--lr LR] [--metrics FILE]`.
//
// Bar: |ours − Lightning| ≤ 1e-12 · |Lightning| + 1e-15 · scale (the case's largest value): the same
// arithmetic as the PyTorch fixtures (the schedules are torch's own); the number of updates must
// be exact.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import { parse as parseYaml } from 'yaml'
import { describe, expect, test } from 'vitest'
import { formatConfigErrors, readTrainerConfig, trace } from '../../src/index.js'
import { cli, file } from '../cli/run.js'
import { type FixtureCase, expectCaseMatches } from '../helpers/replay.js'
import { expectMalformedYaml } from '../helpers/trainers.js'

interface Case {
  readonly name: string
  readonly facts: { readonly trainBatches: number; readonly epochs?: number; readonly lr?: ReadonlyArray<number> }
  readonly updates: number
  readonly metrics?: ReadonlyArray<number>
  readonly lr: ReadonlyArray<ReadonlyArray<number>>
}

const dir = join(import.meta.dirname, '..', 'fixtures', 'trainers', 'lightning')
const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { readonly cases: ReadonlyArray<Case> }
const parsed = (name: string): Record<string, any> => parseYaml(readFileSync(join(dir, name), 'utf8')) as Record<string, any>
const asFixture = (c: Case): FixtureCase => ({ ...c, config: { type: '' }, groups: [], steps: c.updates })
const flags = (c: Case): ReadonlyArray<string> => [
  '--train-batches',
  String(c.facts.trainBatches),
  ...(c.facts.epochs === undefined ? [] : ['--epochs', String(c.facts.epochs)]),
  ...(c.facts.lr === undefined ? [] : ['--lr', c.facts.lr.join(',')]),
  ...(c.metrics === undefined ? [] : ['--metrics', file(`${c.name}.metrics.json`, c.metrics)])
]

test('the fixtures hold at least 30 files: both forms, YAML and JSON, both intervals, frequencies, accumulation and a plateau', () => {
  expect(expected.cases.length).toBeGreaterThanOrEqual(30)
  const files = expected.cases.map((c) => parsed(c.name))
  expect(expected.cases.some((c) => c.name.endsWith('.json')) && expected.cases.some((c) => c.name.endsWith('.yaml'))).toBe(true)
  const dicts = files.filter((f) => f['lr_scheduler'].scheduler !== undefined)
  expect(dicts.some((f) => f['lr_scheduler'].interval === 'step' && f['lr_scheduler'].frequency > 1)).toBe(true)
  expect(dicts.some((f) => f['lr_scheduler'].interval === 'epoch' && f['lr_scheduler'].frequency > 1)).toBe(true)
  expect(files.some((f) => f['lr_scheduler'].scheduler === undefined)).toBe(true)
  expect(files.some((f) => (f['trainer'].accumulate_grad_batches ?? 1) > 1)).toBe(true)
  expect(files.some((f) => f['trainer'].limit_train_batches !== undefined)).toBe(true)
  expect(files.some((f) => f['lr_scheduler'].class_path === 'lightning.pytorch.cli.ReduceLROnPlateau')).toBe(true)
  expect(expected.cases.some((c) => c.metrics !== undefined)).toBe(true)
})

describe.each(expected.cases)('$name', (c) => {
  test('the library: the updates and the lr of every update', () => {
    const r = readTrainerConfig('lightning', parsed(c.name), c.facts)
    if (E.isLeft(r)) return expect.fail(formatConfigErrors(r.left).join('; '))
    expect(r.right.updates).toBe(c.updates)
    const t = trace(r.right.schedule, [{ lr: (r.right.lr as ReadonlyArray<number>)[0] as number, momentum: 0.9 }], c.updates, c.metrics)
    expectCaseMatches(t, asFixture(c), { rel: 1e-12, abs: 1e-15, momentumMayBeKept: true })
  })
})

describe('through the CLI (every other file)', () => {
  test.each(expected.cases.filter((_, i) => i % 2 === 0))('trace $name --from lightning …', (c) => {
    const r = cli(['trace', join(dir, c.name), '--from', 'lightning', ...flags(c), '--format', 'csv'])
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    const rows = r.stdout.trim().split('\n').slice(1).map((l) => l.split(',').slice(1).map(Number))
    expect(rows.length).toBe(c.updates + 1)
    expectCaseMatches({ lr: rows.map((x) => x.slice(0, 1)), momentum: undefined }, asFixture(c), { rel: 1e-12, abs: 1e-15 })
  })
})

const cliFile = {
  trainer: { max_epochs: 3, accumulate_grad_batches: 4, accelerator: 'gpu', devices: 8 },
  model: { class_path: 'my.Model', init_args: { hidden: 512 } },
  data: { class_path: 'my.Data' },
  optimizer: { class_path: 'torch.optim.AdamW', init_args: { lr: 3e-4, weight_decay: 0.05 } },
  lr_scheduler: { class_path: 'torch.optim.lr_scheduler.CosineAnnealingLR', init_args: { T_max: 3, eta_min: 1e-6 } }
}

describe('resolve shows the derivation', () => {
  test('LightningCLI: CosineAnnealingLR stepped once an epoch of ceil(1001 / 4) = 251 updates', () => {
    const r = cli(['resolve', file('cli.yaml', cliFile), '--from', 'lightning', '--train-batches', '1001'])
    expect(r.status).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual({ type: 'Every', period: 251, at: [250], scheduler: { type: 'CosineAnnealingLR', tMax: 3, etaMin: 1e-6 } })
    expect(r.stderr.trim().split('\n')).toEqual([
      'lr: 0.0003 (optimizer.init_args.lr)',
      'schedule: CosineAnnealingLR (lr_scheduler.class_path torch.optim.lr_scheduler.CosineAnnealingLR)',
      "updates per epoch: 251 = ceil(1001 / 4) (an optimizer step every accumulate_grad_batches batches and at the epoch's last)",
      'epochs: 3 (trainer.max_epochs)',
      'updates: 753 = 3 × 251',
      'steps: after the last update of every epoch (interval epoch: LightningCLI), every 251 updates'
    ])
  })

  test("configure_optimizers' dict, interval step, frequency 3, accumulation 2 over 10 batches: after updates 2 and 4 of every epoch of 5", () => {
    // the updates of an epoch are at batch_idx 1, 3, 5, 7, 9 (batch_idx + 1 = 2, 4, 6, 8, 10): the only
    // multiple of 3 is 6, update 2; so the scheduler steps after updates 2 and 7 of the 12
    const f = {
      trainer: { max_steps: 12, accumulate_grad_batches: 2 },
      optimizer: { class_path: 'torch.optim.SGD', init_args: { lr: 0.1, momentum: 0.9 } },
      lr_scheduler: { scheduler: { class_path: 'torch.optim.lr_scheduler.StepLR', init_args: { step_size: 1, gamma: 0.5 } }, interval: 'step', frequency: 3 }
    }
    const r = readTrainerConfig('lightning', f, { trainBatches: 10 })
    if (E.isLeft(r)) return expect.fail(formatConfigErrors(r.left).join('; '))
    expect(r.right.config).toEqual({ type: 'Every', period: 5, at: [2], scheduler: { type: 'StepLR', stepSize: 1, gamma: 0.5 } })
    expect(r.right.updates).toBe(12)
    // the lr halves after updates 2 and 7 (2 + 5): rows 3 and 8 are the first of each
    expect(trace(r.right.schedule, [0.1], 12).lr.map((x) => x[0])).toEqual([0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.05, 0.05, 0.025, 0.025, 0.025, 0.025, 0.025])
  })

  test('stepped after every update (interval step, frequency 1, no accumulation): the schedule itself; the optimizer default lr', () => {
    const f = { trainer: { max_steps: 100 }, optimizer: 'torch.optim.Adam', lr_scheduler: { scheduler: { class_path: 'torch.optim.lr_scheduler.LinearLR', init_args: { total_iters: 10 } }, interval: 'step' } }
    const r = readTrainerConfig('lightning', f, { trainBatches: 30 })
    expect(E.isRight(r) && [r.right.config, r.right.lr, r.right.updates, r.right.derived[0]]).toEqual([
      { type: 'LinearLR', totalIters: 10 },
      [0.001],
      100,
      "lr: 0.001 (torch.optim.Adam's default)"
    ])
  })

  test('an optimizer named by its defining module (torch.optim.adamw.AdamW) has its default lr', () => {
    const r = readTrainerConfig('lightning', { ...cliFile, optimizer: { class_path: 'torch.optim.adamw.AdamW' } }, { trainBatches: 7 })
    expect(E.isRight(r) && [r.right.lr, r.right.derived[0]]).toEqual([[0.001], "lr: 0.001 (torch.optim.AdamW's default)"])
  })

  test("without max_epochs nor max_steps Lightning trains 1000 epochs; a fit: wrapper is read", () => {
    const r = readTrainerConfig('lightning', { fit: { ...cliFile, trainer: {} } }, { trainBatches: 7 })
    expect(E.isRight(r) && [r.right.updates, r.right.derived.filter((d) => d.startsWith('epochs'))]).toEqual([7000, ["epochs: 1000 (Lightning's default without max_epochs and max_steps)"]])
  })
})

describe('bad files and flags: one line naming the key or the flag', () => {
  const errors = (config: unknown, facts: object = { trainBatches: 10 }): ReadonlyArray<string> => {
    const r = readTrainerConfig('lightning', config, facts)
    return E.isLeft(r) ? formatConfigErrors(r.left) : ['(it reads)']
  }
  const withScheduler = (lr_scheduler: unknown, extra: object = {}): unknown => ({ ...cliFile, lr_scheduler, ...extra })
  test.each([
    [{ ...cliFile, lr_scheduler: undefined }, "lr_scheduler: missing: without a scheduler Lightning keeps the optimizer's lr (there is no schedule to trace)"],
    [withScheduler({ class_path: 'torch.optim.lr_scheduler.CosineLR', init_args: {} }), 'lr_scheduler.class_path: expected a torch.optim.lr_scheduler class (StepLR, '],
    [withScheduler({ class_path: 'torch.optim.lr_scheduler.LambdaLR', init_args: {} }), "lr_scheduler.class_path: torch's LambdaLR is not read: its lr_lambda is a Python function"],
    [withScheduler({ class_path: 'torch.optim.lr_scheduler.StepLR', init_args: { step_size: 3, verbose: true } }), "lr_scheduler.init_args.verbose: not an argument of torch's StepLR (it takes step_size, gamma)"],
    [withScheduler({ class_path: 'torch.optim.lr_scheduler.CosineAnnealingLR', init_args: { t_max: 3 } }), "lr_scheduler.init_args.t_max: not an argument of torch's CosineAnnealingLR (it takes T_max, eta_min)"],
    [withScheduler({ class_path: 'torch.optim.lr_scheduler.StepLR', init_args: { step_size: 0 } }), 'lr_scheduler.init_args.step_size: expected a positive integer, got 0'],
    [withScheduler({ class_path: 'torch.optim.lr_scheduler.ReduceLROnPlateau', init_args: {} }), "lr_scheduler.class_path: torch's ReduceLROnPlateau has no monitor here"],
    [withScheduler({ scheduler: { class_path: 'torch.optim.lr_scheduler.ReduceLROnPlateau' }, interval: 'epoch' }), 'lr_scheduler.monitor: expected the name of the logged metric'],
    [withScheduler({ scheduler: { class_path: 'torch.optim.lr_scheduler.StepLR', init_args: { step_size: 2 } }, interval: 'batch' }), 'lr_scheduler.interval: expected "step" or "epoch"'],
    [withScheduler({ scheduler: { class_path: 'torch.optim.lr_scheduler.StepLR', init_args: { step_size: 2 } }, intervall: 'step' }), "lr_scheduler.intervall: not a key of Lightning's lr scheduler dict"],
    [withScheduler({ scheduler: { class_path: 'torch.optim.lr_scheduler.StepLR', init_args: { step_size: 2 } }, frequency: 0 }), 'lr_scheduler.frequency: expected an integer >= 1, got 0'],
    [{ ...cliFile, optimizer: undefined }, 'optimizer: missing: without an optimizer LightningCLI does not use lr_scheduler'],
    [{ ...cliFile, optimizer: { class_path: 'torch.optim.Adagrad' }, lr_scheduler: { class_path: 'torch.optim.lr_scheduler.OneCycleLR', init_args: { max_lr: 0.1, total_steps: 100 } } }, 'lr_scheduler.init_args.cycle_momentum: torch.optim.Adagrad has neither momentum nor betas'],
    [{ ...cliFile, optimizer: { class_path: 'bitsandbytes.optim.AdamW8bit' } }, 'optimizer.init_args.lr: missing: the default lr of bitsandbytes.optim.AdamW8bit is not known here (give init_args.lr or --lr)'],
    [{ ...cliFile, trainer: { max_epochs: 3, max_time: '00:12:00:00' } }, 'trainer.max_time: not read: the run stops after a wall-clock time'],
    [{ ...cliFile, trainer: { max_epochs: 3, strategy: 'deepspeed_stage_2' } }, "trainer.strategy: not read: DeepSpeed's strategy steps its own way"],
    [{ ...cliFile, trainer: { max_epochs: 3, callbacks: [{ class_path: 'lightning.pytorch.callbacks.StochasticWeightAveraging', init_args: { swa_lrs: 0.01 } }] } }, 'trainer.callbacks[0]: StochasticWeightAveraging is not read'],
    [{ ...cliFile, trainer: { max_epochs: 3, callbacks: [{ class_path: 'lightning.pytorch.callbacks.GradientAccumulationScheduler', init_args: { scheduling: { 0: 8, 4: 4 } } }] } }, 'trainer.callbacks[0]: GradientAccumulationScheduler is not read: it changes accumulate_grad_batches from epoch to epoch'],
    [{ ...cliFile, trainer: { max_epoch: 3 } }, "trainer.max_epoch: not an argument of Lightning 2.6.6's Trainer"],
    [{ ...cliFile, trainer: { max_epochs: 3, limit_train_batches: 1 } }, 'trainer.limit_train_batches: 1 is one batch to Lightning as an int and the whole dataloader as a float'],
    [{ ...cliFile, trainer: { max_epochs: -1 } }, 'trainer.max_epochs: with max_epochs -1 and no max_steps the run never stops: set one'],
    [{ ...cliFile, ckpt_path: 'last.ckpt' }, 'ckpt_path: a resumed run is not read'],
    [{ ...cliFile, lr_schedulers: {} }, 'lr_schedulers: not a key of a LightningCLI fit config']
  ])('%#: %s', (config, message) => {
    expect(errors(config).join('\n')).toContain(message)
  })

  test('a missing fact names the flag; a fact the file sets is an error', () => {
    expect(errors(cliFile, {})).toEqual(["--train-batches: needed: the training dataloader's batches per epoch (len(train_dataloader)), which Lightning counts updates and epochs by"])
    expect(errors(cliFile, { trainBatches: 10, epochs: 2 })).toEqual(['--epochs: the file sets trainer.max_epochs (3): give one or the other'])
    expect(errors(cliFile, { trainBatches: 10, lr: [0.1] })).toEqual(['--lr: the file sets the lr (0.0003, optimizer): give one or the other'])
    expect(errors(cliFile, { trainBatches: 10, worldSize: 8 })).toEqual(['--world-size: the lightning format does not use it (it reads --train-batches, --epochs, --lr)'])
  })

  test('a malformed YAML file: one line with its line and column', () =>
    expectMalformedYaml('lightning', 'trainer:\n  max_epochs: 3\n lr_scheduler: [\n', ['--train-batches', '10'], 3))

  test('a plateau schedule needs the metrics: the CLI says so', () => {
    const f = file('plateau.json', { ...cliFile, lr_scheduler: { class_path: 'lightning.pytorch.cli.ReduceLROnPlateau', init_args: { monitor: 'val_loss', patience: 2 } } })
    const r = cli(['trace', f, '--from', 'lightning', '--train-batches', '10'])
    expect(r.status).not.toBe(0)
    expect(r.stderr).toContain('metrics')
  })
})
