// The `timm` reader of trainers' config files (issue 14): every train.py config file of
// test/fixtures/trainers/timm/ (scripts/gen_trainer_timm_fixtures.py: timm 1.0.29's
// create_scheduler_v2 on the arguments of train.py's own parser, stepped by train.py's loop,
// recording the lr of every optimizer update; plateau on a recorded metric per update, read at each epoch's end) read through
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
import { expectMalformedYaml, expectOneError } from '../helpers/trainers.js'

interface Case {
  readonly name: string
  readonly facts: { readonly trainBatches: number; readonly worldSize?: number }
  readonly epochs: number
  readonly updatesPerEpoch: number
  readonly lrInit: number
  readonly updates: number
  readonly metrics?: ReadonlyArray<number>
  readonly lr: ReadonlyArray<ReadonlyArray<number>>
}

const dir = join(import.meta.dirname, '..', 'fixtures', 'trainers', 'timm')
const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { readonly cases: ReadonlyArray<Case> }
const text = (name: string): string => readFileSync(join(dir, name), 'utf8')
const parsed = (name: string): unknown => (name.endsWith('.json') ? JSON.parse(text(name)) : parse(text(name)))
const rowsOf = (c: Case): number => c.updates

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

describe('through the CLI (every other file)', () => {
  test.each(expected.cases.filter((_, i) => i % 2 === 0))('trace $name --from timm --train-batches N --format csv', (c) => {
    const flags = ['--from', 'timm', '--train-batches', String(c.facts.trainBatches), ...(c.facts.worldSize === undefined ? [] : ['--world-size', String(c.facts.worldSize)])]
    // plateau: --metrics, one per update (the epochs' last ones are read)
    const more = c.metrics === undefined ? [] : ['--metrics', file(`${c.name}.metrics.json`, c.metrics)]
    const r = cli(['trace', join(dir, c.name), ...flags, ...more, '--format', 'csv'])
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    // --steps defaults to the updates: rows 0 .. updates (the last one after the last update)
    expectRows(r.stdout.trim().split('\n').slice(1).map((l) => l.split(',').slice(1).map(Number)), c)
  })
})

describe('resolve shows the derivation', () => {
  test('cosine per update from lr_base, with grad accumulation, warmup prefix and cooldown', () => {
    const f = file(
      'args.yaml',
      'sched: cosine\nsched_on_updates: true\nlr: null\nlr_base: 0.1\nbatch_size: 128\ngrad_accum_steps: 4\nepochs: 300\nwarmup_epochs: 5\nwarmup_prefix: true\ncooldown_epochs: 10\nmodel: resnet50\n'
    )
    const r = cli(['resolve', f, '--from', 'timm', '--train-batches', '125', '--world-size', '2'])
    expect(r.stderr.trim().split('\n')).toEqual([
      'schedule: timm.cosine (sched cosine; stepped per update (sched_on_updates))',
      'lr: 0.4 = 0.1 × 1024 / 256 (lr null: lr_base × global batch / lr_base_size, linear scaling by opt sgd; global batch 1024 = 128 × 2 × 4, batch_size × world size × grad_accum_steps; train.py:837-845)',
      'updates per epoch: 32 = (125 + 4 - 1) // 4 (train.py:1079)',
      't_initial: 9600 updates = 300 × 32 (epochs × updates per epoch)',
      'warmup_t: 160 updates = 5 × 32 (warmup_epochs × updates per epoch)',
      'epochs: 315 = (9600 + 160 (warmup_prefix) + 320 (cooldown_epochs)) // 32 (scheduler_factory.py:198-205)',
      'updates: 10080 = 315 × 32 (epochs × updates per epoch)'
    ])
    expect(r.status).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual({
      type: 'timm.cosine',
      tInitial: 9600,
      lrMin: 0,
      cycleMul: 1,
      cycleDecay: 0.5,
      cycleLimit: 1,
      kDecay: 1,
      warmupT: 160,
      warmupLrInit: 1e-5,
      warmupPrefix: true
    })
  })

  test("train.py's defaults: cosine over 300 epochs stepped per epoch, a 5-epoch warmup from 1e-5", () => {
    const r = readTrainerConfig('timm', { lr: 0.05 }, { trainBatches: 10 })
    if (E.isLeft(r)) return expect.fail(formatConfigErrors(r.left).join('; '))
    expect(r.right.config).toEqual({ type: 'timm.cosine', tInitial: 300, lrMin: 0, cycleMul: 1, cycleDecay: 0.5, cycleLimit: 1, kDecay: 1, warmupT: 5, warmupLrInit: 1e-5, warmupPrefix: false, updatesPerEpoch: 10 })
    expect(r.right.updates).toBe(3000)
    // sqrt scaling for an adaptive optimizer: 0.1 × sqrt(128 × 1 × 1 / 256)
    const s = readTrainerConfig('timm', { lr: null, opt: 'adamw' }, { trainBatches: 10, worldSize: 1 })
    expect(E.isRight(s) && s.right.lr).toEqual([0.1 * Math.sqrt(0.5)])
  })
})

describe('step per epoch, a key the schedule does not take, plateau', () => {
  test('step: decay_t in epochs, the warmup prefix adds its epochs, lr_k_decay unused', () => {
    const r = readTrainerConfig('timm', { sched: 'step', lr: 0.1, epochs: 30, decay_epochs: 2.5, warmup_epochs: 3, warmup_prefix: true, lr_k_decay: 0.5, grad_accum_steps: 3 }, { trainBatches: 10 })
    if (E.isLeft(r)) return expect.fail(formatConfigErrors(r.left).join('; '))
    expect(r.right.config).toEqual({ type: 'timm.step', decayT: 2.5, decayRate: 0.1, warmupT: 3, warmupLrInit: 1e-5, warmupPrefix: true, updatesPerEpoch: 4 })
    expect(r.right.derived).toEqual([
      'schedule: timm.step (sched step; stepped per epoch: every update of epoch e runs at its lr for t = e)',
      'lr: 0.1 (lr)',
      'updates per epoch: 4 = (10 + 3 - 1) // 3 (train.py:1079)',
      'lr_k_decay: 0.5 unused (create_scheduler_v2 gives it to cosine, poly only)',
      'decay_t: 2.5 epochs (decay_epochs)',
      'warmup_t: 3 epochs (warmup_epochs)',
      'epochs: 33 = 30 + 3 (warmup_prefix; scheduler_factory.py:207-208)',
      'updates: 132 = 33 × 4 (epochs × updates per epoch)'
    ])
    expect(r.right.updates).toBe(132)
  })

  test('plateau: stepped after the last update of every epoch, mode min without a validation split', () => {
    const r = readTrainerConfig('timm', { sched: 'plateau', lr: 0.1, epochs: 20, val_split: '' }, { trainBatches: 10 })
    if (E.isLeft(r)) return expect.fail(formatConfigErrors(r.left).join('; '))
    expect(r.right.config).toEqual({
      type: 'Every',
      period: 10,
      at: [9],
      scheduler: { type: 'timm.plateau', decayRate: 0.1, warmupT: 5, warmupLrInit: 1e-5, patienceT: 10, lrMin: 0, mode: 'min' }
    })
    expect(r.right.updates).toBe(200)
    expect(r.right.derived.slice(-2)).toEqual([
      'updates: 200 = 20 × 10 (epochs × updates per epoch)',
      'steps: after the last update of every epoch (train.py:1201), every 10 updates, on the metric of that update (--metrics: one per update)'
    ])
    // an error in the plateau's arguments names the file's key through the Every
    const bad = readTrainerConfig('timm', { sched: 'plateau', lr: 0.1, epochs: 20, patience_epochs: -1 }, { trainBatches: 10 })
    expect(E.isLeft(bad) && formatConfigErrors(bad.left)).toEqual([expect.stringMatching(/^patience_epochs: /)])
  })
})

describe('bad files and flags: one line naming the key or the flag', () => {
  test.each([
    ['a missing fact', { sched: 'cosine', lr: 0.1 }, {}, /^--train-batches: needed: len\(loader_train\)/],
    ['lr from lr_base without the world size', { lr: null }, { trainBatches: 3 }, /^--world-size: needed: lr is null, so train.py computes it from lr_base/],
    ['a schedule create_scheduler_v2 does not build', { sched: 'cosine_annealing', lr: 0.1 }, { trainBatches: 3 }, /^sched: expected one of cosine, tanh, step, multistep, plateau, poly \(create_scheduler_v2 builds no scheduler .*\), got "cosine_annealing"$/],
    ['a kwarg of timm\'s scheduler, not of train.py', { t_initial: 100, lr: 0.1 }, { trainBatches: 3 }, /^t_initial: not an argument of timm's train.py \(1\.0\.29\): t_initial is a scheduler's argument, which train.py sets from epochs$/],
    ['a key train.py does not have', { lr_cycle_muls: 2, lr: 0.1 }, { trainBatches: 3 }, /^lr_cycle_muls: not an argument of timm's train.py \(1\.0\.29\)$/],
    ['noise', { lr: 0.1, lr_noise: [0.4, 0.9] }, { trainBatches: 3 }, /^lr_noise: lr noise is not read: timm draws it from torch's generator/],
    ['plateau per update', { sched: 'plateau', sched_on_updates: true, lr: 0.1 }, { trainBatches: 3 }, /^sched_on_updates: plateau steps per epoch only \(scheduler_factory.py:173/],
    ['a fractional epochs', { epochs: 10.5, lr: 0.1 }, { trainBatches: 3 }, /^epochs: expected an integer >= 1, got 10\.5$/],
    ['a decoded argument named by its key', { sched: 'tanh', lr: 0.1, lr_cycle_decay: -1 }, { trainBatches: 3 }, /^lr_cycle_decay: expected a number >= 0, got -1$/],
    ['a resumed run', { lr: 0.1, resume: 'out/last.pth.tar' }, { trainBatches: 3 }, /^resume: a resumed run is not read/],
    ['--epochs, which timm does not use', { lr: 0.1 }, { trainBatches: 3, epochs: 2 }, /^--epochs: the timm format does not use it/]
  ])('%s', (_, f, facts, message) => expectOneError('timm', f, facts, message))

  test('malformed YAML: the line and column', () => expectMalformedYaml('timm', 'sched: cosine\n  lr: [\n', ['--train-batches', '3']))

  test('a cosine whose shrinking cycles end before its epochs do fails where timm fails', () => {
    // cycle_mul 0.5, 3 cycles of 4 + 2 + 1 epochs, then 5 cooldown epochs past the end: math domain error in timm
    const r = cli(['trace', file('shrink.yaml', 'lr: 0.1\nepochs: 4\nwarmup_epochs: 0\nlr_cycle_mul: 0.5\nlr_cycle_limit: 3\ncooldown_epochs: 5\n'), '--from', 'timm', '--train-batches', '2'])
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/^step: timm\.cosine is defined up to step 15 \(timm's t 7, 2 updates per epoch\) .*, got step 16\n$/)
  })
})
