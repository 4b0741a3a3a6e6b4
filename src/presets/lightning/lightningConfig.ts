/**
 * The `lightning` reader of trainers' config files: a LightningCLI config (`trainer`, `optimizer`,
 * `lr_scheduler` as `{class_path, init_args}`), or the same with `lr_scheduler` written as the dict
 * `configure_optimizers` returns (`{scheduler: {class_path, init_args}, interval, frequency,
 * monitor}`), into the `torch.optim.lr_scheduler` schedule it builds, stepped when Lightning steps
 * it and traced per optimizer update (`Every` over the PyTorch schedule).
 *
 * Lightning 2.6.6 (src/lightning/pytorch/):
 * - cli.py:664-682 `LightningCLI.configure_optimizers`: a `lightning.pytorch.cli.ReduceLROnPlateau`
 *   gives `{"scheduler": s, "monitor": s.monitor}`, any other scheduler `[optimizer], [s]`: interval
 *   "epoch", frequency 1 (core/optimizer.py:250-300 `_configure_schedulers_automatic_opt`, with the
 *   LRSchedulerConfig defaults); torch's own ReduceLROnPlateau there has no monitor: an error;
 * - cli.py:718-723: without an `optimizer` the CLI does not use `lr_scheduler` at all (the model's
 *   own configure_optimizers runs);
 * - core/optimizer.py:255-282: the dict's keys are LRSchedulerConfig's (others are dropped with a
 *   warning), `interval` is "step" or "epoch", a ReduceLROnPlateau needs `monitor`;
 * - loops/training_epoch_loop.py:447-454 `_should_accumulate`: an optimizer step when the epoch's
 *   ready batches reach a multiple of `accumulate_grad_batches`, and on the epoch's last batch, so an
 *   epoch of `B` batches makes `ceil(B / A)` updates;
 * - loops/training_epoch_loop.py:356-362, 411, 456-486 and loops/fit_loop.py:488-491: after an
 *   update, a "step" scheduler steps when `(batch_idx + 1) % frequency == 0`, `batch_idx` counting
 *   the epoch's batches from 0; an "epoch" scheduler steps after the epoch's last batch when
 *   `(current_epoch + 1) % frequency == 0`; a plateau scheduler reads the monitored metric then;
 * - trainer/connectors/data_connector.py:449-474 `_parse_num_batches`: `limit_train_batches`, an int
 *   `min(B, n)`, a float `int(B · f)`;
 * - trainer/trainer.py (`_parse_loop_limits`): without `max_epochs`, 1000 epochs when `max_steps` is
 *   -1, else no limit; the run stops at `max_steps` updates (`global_step`) if that comes first.
 *
 * @internal
 */
import * as E from 'fp-ts/lib/Either.js'
import { type ConfigError, formatValue } from '../../core/errors.js'
import type { AnyDefinition } from '../../internal/define.js'
import { type TrainerFacts, type TrainerFormat, type TrainerSchedule, isObject } from '../../internal/trainer.js'
import { TORCH_REFUSED, classArgs } from '../../internal/torchClass.js'

/** `Trainer`'s arguments (Lightning 2.6.6) this reader reads or checks; the others are ignored. */
const TRAINER_READ = ['max_epochs', 'max_steps', 'accumulate_grad_batches', 'limit_train_batches', 'max_time', 'fast_dev_run', 'overfit_batches', 'strategy', 'callbacks']

/** `Trainer`'s other arguments: none of them changes the lr of an update. */
const TRAINER_IGNORED = [
  'accelerator', 'devices', 'num_nodes', 'precision', 'logger', 'min_epochs', 'min_steps', 'limit_val_batches', 'limit_test_batches',
  'limit_predict_batches', 'val_check_interval', 'check_val_every_n_epoch', 'num_sanity_val_steps', 'log_every_n_steps', 'enable_checkpointing',
  'enable_progress_bar', 'enable_model_summary', 'gradient_clip_val', 'gradient_clip_algorithm', 'deterministic', 'benchmark', 'inference_mode',
  'use_distributed_sampler', 'profiler', 'detect_anomaly', 'barebones', 'plugins', 'sync_batchnorm', 'reload_dataloaders_every_n_epochs',
  'default_root_dir', 'enable_autolog_hparams', 'model_registry'
] // prettier-ignore

/** The file's other keys (a `fit` config's), ignored. */
const TOP_IGNORED = ['model', 'data', 'seed_everything', 'weights_only']

/** LRSchedulerConfig's fields (utilities/types.py), the keys of the configure_optimizers dict. */
const DICT_KEYS = ['scheduler', 'interval', 'frequency', 'monitor', 'strict', 'name', 'reduce_on_plateau']

/** Callbacks that change the lr or the batches: what the trace would not show. */
const CALLBACKS_REFUSED: Readonly<Record<string, string>> = {
  StochasticWeightAveraging: 'it replaces the scheduler with SWALR from swa_epoch_start on',
  LearningRateFinder: 'it runs an lr range test before fitting',
  BatchSizeFinder: 'it changes the batch size, and so the batches of an epoch',
  GradientAccumulationScheduler: 'it changes accumulate_grad_batches from epoch to epoch'
}

/** torch.optim's optimizers: their default lr, and whether they have momentum or betas (torch 2.13's signatures). */
const OPTIMIZERS: Readonly<Record<string, { readonly lr: number; readonly momentum: boolean }>> = {
  SGD: { lr: 0.001, momentum: true },
  Adam: { lr: 0.001, momentum: true },
  AdamW: { lr: 0.001, momentum: true },
  Adamax: { lr: 0.002, momentum: true },
  NAdam: { lr: 0.002, momentum: true },
  RAdam: { lr: 0.001, momentum: true },
  SparseAdam: { lr: 0.001, momentum: true },
  RMSprop: { lr: 0.01, momentum: true },
  Muon: { lr: 0.001, momentum: true },
  Adagrad: { lr: 0.01, momentum: false },
  Adadelta: { lr: 1.0, momentum: false },
  Adafactor: { lr: 0.01, momentum: false },
  ASGD: { lr: 0.01, momentum: false },
  LBFGS: { lr: 1, momentum: false },
  Rprop: { lr: 0.01, momentum: false }
}

/** Lightning's ReduceLROnPlateau (torch's, with a `monitor`), by its class paths. */
const LIGHTNING_PLATEAU = ['lightning.pytorch.cli.ReduceLROnPlateau', 'pytorch_lightning.cli.ReduceLROnPlateau']

/**
 * The reader, for PyTorch's definitions.
 *
 * @internal
 */
export const lightningFormat = (torch: ReadonlyArray<AnyDefinition>): TrainerFormat => ({
  name: 'lightning',
  title: "a LightningCLI config (lr_scheduler as class_path and init_args, or as configure_optimizers' dict; Lightning 2.6.6)",
  facts: ['trainBatches', 'epochs', 'lr'],
  read: (file, facts) => read(torch, file, facts)
})

type Problem = (path: string, message: string, value: unknown) => void

/** `{class_path, init_args}` (or a class path alone, as jsonargparse also takes it): the class path and its arguments, or undefined after a problem. */
const classOf = (u: unknown, at: string, problem: Problem): { readonly path: string; readonly args: Readonly<Record<string, unknown>> } | undefined => {
  if (typeof u === 'string') return { path: u, args: {} }
  if (!isObject(u) || typeof u['class_path'] !== 'string') {
    problem(at, `expected {class_path: ..., init_args: {...}} (or a class path), got ${formatValue(u)}`, u)
    return undefined
  }
  for (const k of Object.keys(u)) if (k !== 'class_path' && k !== 'init_args' && k !== 'dict_kwargs') problem(`${at}.${k}`, 'not a key of a class (it has class_path and init_args)', u[k])
  const args = u['init_args'] ?? {}
  if (!isObject(args)) {
    problem(`${at}.init_args`, `expected an object of the class's arguments, got ${formatValue(args)}`, args)
    return undefined
  }
  if (u['dict_kwargs'] !== undefined && !(isObject(u['dict_kwargs']) && Object.keys(u['dict_kwargs']).length === 0))
    problem(`${at}.dict_kwargs`, 'not read: give the arguments in init_args', u['dict_kwargs'])
  return { path: u['class_path'], args }
}

/** `torch.optim.lr_scheduler.StepLR` or `StepLR` → `StepLR`; undefined for another module's class. */
const torchName = (path: string, module: string): string | undefined =>
  path.startsWith(`${module}.`) && !path.slice(module.length + 1).includes('.') ? path.slice(module.length + 1) : path.includes('.') ? undefined : path

const read = (torch: ReadonlyArray<AnyDefinition>, input: unknown, facts: TrainerFacts): E.Either<ReadonlyArray<ConfigError>, TrainerSchedule> => {
  const errors: ConfigError[] = []
  const problem: Problem = (path, message, value) => void errors.push({ path, message, value })
  if (!isObject(input)) return E.left([{ path: 'file', message: `expected a LightningCLI config: an object with trainer, optimizer and lr_scheduler, got ${formatValue(input)}`, value: input }])
  // a config of the `fit` subcommand, or a file of every subcommand's (`fit: {...}`)
  const nested = isObject(input['fit']) && input['lr_scheduler'] === undefined
  const file = nested ? (input['fit'] as Readonly<Record<string, unknown>>) : input
  const at = (k: string): string => (nested ? `fit.${k}` : k)
  if (nested) for (const k of Object.keys(input)) if (k !== 'fit') problem(k, 'not read: the fit subcommand is (its schedule is the one trained)', input[k])
  for (const k of Object.keys(file))
    if (!['trainer', 'optimizer', 'lr_scheduler', 'ckpt_path', ...TOP_IGNORED].includes(k))
      problem(at(k), `not a key of a LightningCLI fit config (it reads trainer, optimizer, lr_scheduler and ckpt_path, and ignores ${TOP_IGNORED.join(', ')})`, file[k])
  const derived: string[] = []
  if (file['ckpt_path'] !== undefined && file['ckpt_path'] !== null)
    problem(at('ckpt_path'), 'a resumed run is not read (the scheduler continues from the checkpoint): trace from the start, or resume a checkpoint of ours', file['ckpt_path'])

  // the trainer: the batches of an epoch, the updates, the epochs
  const trainer = file['trainer'] ?? {}
  const t = isObject(trainer) ? trainer : {}
  if (!isObject(trainer)) problem(at('trainer'), `expected the Trainer's arguments, got ${formatValue(trainer)}`, trainer)
  for (const k of Object.keys(t))
    if (!TRAINER_READ.includes(k) && !TRAINER_IGNORED.includes(k)) problem(at(`trainer.${k}`), "not an argument of Lightning 2.6.6's Trainer", t[k])
  const integer = (k: string, min: number, dflt: number): number | undefined => {
    const v = t[k]
    if (v === undefined || v === null) return dflt
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min) {
      problem(at(`trainer.${k}`), `expected an integer >= ${min}, got ${formatValue(v)}`, v)
      return undefined
    }
    return v
  }
  const refuseUnless = (k: string, ok: (v: unknown) => boolean, why: string): void => {
    if (t[k] !== undefined && !ok(t[k])) problem(at(`trainer.${k}`), `not read: ${why}`, t[k])
  }
  refuseUnless('max_time', (v) => v === null, 'the run stops after a wall-clock time, which sets no number of updates (give max_steps)')
  refuseUnless('fast_dev_run', (v) => v === false || v === 0, 'a fast_dev_run is a smoke test of a few batches, not the run')
  refuseUnless('overfit_batches', (v) => v === 0 || v === null, 'it replaces the training data by a few batches')
  refuseUnless('strategy', (v) => !/deepspeed/i.test(typeof v === 'string' ? v : JSON.stringify(v)), "DeepSpeed's strategy steps its own way (it handles gradient accumulation): read the ds_config with --from deepspeed")
  const callbacks = t['callbacks']
  for (const [i, c] of (Array.isArray(callbacks) ? callbacks : callbacks === undefined || callbacks === null ? [] : [callbacks]).entries()) {
    const name = String((isObject(c) ? c['class_path'] : c) ?? '').split('.').pop() ?? ''
    const why = CALLBACKS_REFUSED[name]
    if (why !== undefined) problem(at(`trainer.callbacks[${i}]`), `${name} is not read: ${why}`, c)
  }
  const accumulate = integer('accumulate_grad_batches', 1, 1)
  const maxSteps = integer('max_steps', -1, -1)
  const fileEpochs = t['max_epochs'] === undefined || t['max_epochs'] === null ? undefined : integer('max_epochs', -1, -1)
  const batches = trainBatches(t['limit_train_batches'], facts, at, problem, derived)
  if (fileEpochs !== undefined && facts.epochs !== undefined) problem('--epochs', `the file sets trainer.max_epochs (${fileEpochs}): give one or the other`, facts.epochs)
  if (facts.epochs !== undefined && !Number.isSafeInteger(facts.epochs)) problem('--epochs', `expected a whole number of epochs (Lightning's max_epochs is an integer), got ${facts.epochs}`, facts.epochs)

  // the optimizer: the lr, and whether it has momentum (CyclicLR's and OneCycleLR's cycle_momentum)
  const block = file['lr_scheduler']
  const isDict = isObject(block) && block['scheduler'] !== undefined
  const optimizer = file['optimizer']
  let fileLr: number | undefined
  let hasMomentum: boolean | undefined
  let optimizerName = 'the optimizer'
  if (optimizer === undefined || optimizer === null) {
    if (!isDict && block !== undefined && block !== null)
      problem(at('optimizer'), "missing: without an optimizer LightningCLI does not use lr_scheduler (the model's own configure_optimizers runs, cli.py:718-723)", optimizer)
  } else {
    const o = classOf(optimizer, at('optimizer'), problem)
    if (o !== undefined) {
      // jsonargparse may write a class by its defining module (`torch.optim.adamw.AdamW`)
      const last = o.path.split('.').pop() as string
      const name = torchName(o.path, 'torch.optim') ?? (o.path.startsWith('torch.optim.') && OPTIMIZERS[last] !== undefined ? last : undefined)
      const known = name === undefined ? undefined : OPTIMIZERS[name]
      optimizerName = o.path
      hasMomentum = known?.momentum
      const lr = o.args['lr']
      if (lr !== undefined) {
        if (typeof lr !== 'number' || !Number.isFinite(lr) || lr < 0) problem(at('optimizer.init_args.lr'), `expected a finite number >= 0, got ${formatValue(lr)}`, lr)
        else fileLr = lr
      } else if (known !== undefined && facts.lr === undefined) {
        fileLr = known.lr
        derived.push(`lr: ${known.lr} (torch.optim.${name as string}'s default)`)
      } else if (known === undefined && facts.lr === undefined)
        problem(at('optimizer.init_args.lr'), `missing: the default lr of ${o.path} is not known here (give init_args.lr or --lr)`, undefined)
    }
  }
  if (fileLr !== undefined && facts.lr !== undefined) problem('--lr', `the file sets the lr (${fileLr}, optimizer): give one or the other`, facts.lr)
  if (fileLr === undefined && facts.lr === undefined && (optimizer === undefined || optimizer === null))
    problem('--lr', "needed: the file has no optimizer to take the lr from (the model's configure_optimizers builds it)", undefined)
  const lr = facts.lr ?? (fileLr === undefined ? undefined : [fileLr])
  if (facts.lr !== undefined) derived.push(`lr: ${facts.lr.join(', ')} (--lr)`)
  else if (fileLr !== undefined && !derived.some((d) => d.startsWith('lr: '))) derived.push(`lr: ${fileLr} (optimizer.init_args.lr)`)

  // the scheduler, and when Lightning steps it
  if (block === undefined || block === null) {
    problem(at('lr_scheduler'), "missing: without a scheduler Lightning keeps the optimizer's lr (there is no schedule to trace)", block)
    return E.left(errors)
  }
  const schedulerAt = isDict ? at('lr_scheduler.scheduler') : at('lr_scheduler')
  let interval: unknown = 'epoch'
  let frequency: unknown = 1
  let monitor: unknown
  if (isDict) {
    const d = block as Readonly<Record<string, unknown>>
    for (const k of Object.keys(d))
      if (!DICT_KEYS.includes(k)) problem(at(`lr_scheduler.${k}`), `not a key of Lightning's lr scheduler dict (it has ${DICT_KEYS.join(', ')}; Lightning warns and drops the others)`, d[k])
    interval = d['interval'] ?? 'epoch'
    frequency = d['frequency'] ?? 1
    monitor = d['monitor']
    if (interval !== 'step' && interval !== 'epoch')
      problem(at('lr_scheduler.interval'), `expected "step" or "epoch" (Lightning: 'The "interval" key in lr scheduler dict must be "step" or "epoch"'), got ${formatValue(interval)}`, interval)
    if (typeof frequency !== 'number' || !Number.isSafeInteger(frequency) || frequency < 1)
      problem(at('lr_scheduler.frequency'), `expected an integer >= 1, got ${formatValue(frequency)}`, frequency)
  }
  const c = classOf(isDict ? (block as Readonly<Record<string, unknown>>)['scheduler'] : block, schedulerAt, problem)
  let config: Record<string, unknown> | undefined
  let keys: Record<string, string> = {}
  if (c !== undefined) {
    const lightningPlateau = LIGHTNING_PLATEAU.includes(c.path) || (c.path === 'ReduceLROnPlateau' && c.args['monitor'] !== undefined)
    const name = lightningPlateau ? 'ReduceLROnPlateau' : torchName(c.path, 'torch.optim.lr_scheduler')
    const definition = name === undefined ? undefined : torch.find((d) => d.type === name)
    const args: Record<string, unknown> = { ...c.args }
    if (lightningPlateau) {
      // cli.py:76-78: the monitor is an argument of Lightning's class, not torch's
      if (typeof args['monitor'] !== 'string') problem(`${schedulerAt}.init_args.monitor`, `expected the name of the logged metric it reduces on, got ${formatValue(args['monitor'])}`, args['monitor'])
      else if (!isDict) monitor = args['monitor']
      delete args['monitor']
    }
    const reduces = name === 'ReduceLROnPlateau'
    if (name !== undefined && TORCH_REFUSED[name] !== undefined) problem(`${schedulerAt}.class_path`, `torch's ${name} is not read: ${TORCH_REFUSED[name] as string}`, c.path)
    else if (definition === undefined || name === 'SWALR')
      problem(
        `${schedulerAt}.class_path`,
        `expected a torch.optim.lr_scheduler class (${torch
          .map((d) => d.type)
          .filter((x) => TORCH_REFUSED[x] === undefined && x !== 'SWALR')
          .join(', ')}) or ${LIGHTNING_PLATEAU[0]}, got ${formatValue(c.path)}`,
        c.path
      )
    else {
      if (reduces && !isDict && !lightningPlateau)
        problem(`${schedulerAt}.class_path`, `torch's ReduceLROnPlateau has no monitor here: use ${LIGHTNING_PLATEAU[0]} with init_args.monitor (Lightning: "configure_optimizers must include a monitor when a ReduceLROnPlateau scheduler is used")`, c.path)
      if (reduces && isDict && typeof monitor !== 'string')
        problem(at('lr_scheduler.monitor'), `expected the name of the logged metric (Lightning: "The lr scheduler dict must include a monitor when a ReduceLROnPlateau scheduler is used"), got ${formatValue(monitor)}`, monitor)
      if (isDict) {
        const rop = (block as Readonly<Record<string, unknown>>)['reduce_on_plateau']
        if (rop !== undefined && rop !== reduces) problem(at('lr_scheduler.reduce_on_plateau'), `not read unless ${String(reduces)} (what Lightning sets for ${name as string})`, rop)
      }
      const a = classArgs(definition, args, `${schedulerAt}.init_args`, `torch's ${name as string}`, 'last_epoch', problem, (path, v) => {
        if (path.endsWith('.scale_fn') && v !== null) {
          problem(path, "a Python function, which a config file cannot hold (torch's CyclicLR then uses its mode)", v)
          return true
        }
        return path.endsWith('.scale_fn')
      })
      config = a.config
      keys = a.keys
      const cycles = (name === 'CyclicLR' || name === 'OneCycleLR') && args['cycle_momentum'] !== false
      if (cycles && hasMomentum === false)
        problem(`${schedulerAt}.init_args.cycle_momentum`, `${optimizerName} has neither momentum nor betas (torch: "optimizer must support momentum or beta1 with \`cycle_momentum\` option enabled"): set it to false`, args['cycle_momentum'] ?? true)
      derived.push(`schedule: ${name as string} (${schedulerAt}.class_path ${c.path})`)
      if (reduces) derived.push(`monitor: ${String(monitor)} (the metric of update k, given as metrics[k], is the one read when the scheduler steps after it)`)
    }
  }

  // the updates, and the updates after which the scheduler steps
  if (batches === undefined || accumulate === undefined || maxSteps === undefined || errors.length > 0) return E.left(errors)
  const perEpoch = Math.ceil(batches / accumulate)
  derived.push(`updates per epoch: ${perEpoch} = ceil(${batches} / ${accumulate}) (an optimizer step every accumulate_grad_batches batches and at the epoch's last)`)
  let epochs = fileEpochs ?? facts.epochs
  if (epochs === undefined) {
    epochs = maxSteps === -1 ? 1000 : -1
    if (epochs === 1000) derived.push("epochs: 1000 (Lightning's default without max_epochs and max_steps)")
  } else derived.push(`epochs: ${epochs} (${facts.epochs !== undefined ? '--epochs' : 'trainer.max_epochs'})`)
  if (epochs === -1 && maxSteps === -1) return E.left([{ path: at('trainer.max_epochs'), message: 'with max_epochs -1 and no max_steps the run never stops: set one', value: -1 }])
  const updates = epochs === -1 ? maxSteps : maxSteps === -1 ? epochs * perEpoch : Math.min(maxSteps, epochs * perEpoch)
  derived.push(
    epochs === -1
      ? `updates: ${updates} (trainer.max_steps; max_epochs -1)`
      : maxSteps === -1
        ? `updates: ${updates} = ${epochs} × ${perEpoch}`
        : `updates: ${updates} = min(${maxSteps} (trainer.max_steps), ${epochs} × ${perEpoch})`
  )
  const f = frequency as number
  const [period, at_] = interval === 'epoch' ? [f * perEpoch, [f * perEpoch - 1]] : [perEpoch, stepOffsets(batches, accumulate, f)]
  if (interval === 'epoch')
    derived.push(`steps: after the last update of every ${f === 1 ? 'epoch' : `${f} epochs`} (interval epoch${isDict ? `, frequency ${f}` : ': LightningCLI'}), every ${period} updates`)
  else if (at_.length === period) derived.push(`steps: after every update (interval step, frequency ${f}${accumulate > 1 ? `, every optimizer step of ${accumulate} batches` : ''})`)
  else if (at_.length === 0)
    derived.push(`steps: never: no epoch of ${batches} batches has an optimizer step at a batch_idx + 1 that is a multiple of ${f} (interval step, frequency ${f})`)
  else
    derived.push(
      `steps: after ${at_.length === 1 ? 'update' : `${at_.length} updates:`} ${at_.length <= 8 ? at_.join(', ') : `${at_.slice(0, 3).join(', ')}, …, ${at_.slice(-2).join(', ')}`} of every epoch of ${perEpoch} (interval step, frequency ${f}: batch_idx + 1 a multiple of ${f}, on the optimizer steps)`
    )
  // stepped after every update: the schedule itself
  const plain = at_.length === period
  const schedule = (plain ? config : { type: 'Every', period, at: at_, scheduler: config }) as TrainerSchedule['config']
  const renamed = plain ? keys : Object.fromEntries(Object.entries(keys).map(([k, v]) => [`scheduler.${k}`, v]))
  return E.right({ config: schedule, keys: renamed, lr, updates, dialect: undefined, derived })
}

/** The updates of an epoch after which a "step" scheduler of frequency `f` steps: those whose batch (`min((u + 1) · A, B) - 1`) has `batch_idx + 1` a multiple of `f`. */
const stepOffsets = (batches: number, accumulate: number, f: number): ReadonlyArray<number> => {
  const out: number[] = []
  const perEpoch = Math.ceil(batches / accumulate)
  for (let u = 0; u < perEpoch; u++) if (Math.min((u + 1) * accumulate, batches) % f === 0) out.push(u)
  return out
}

/** The batches of an epoch Lightning trains on: `--train-batches`, limited by `limit_train_batches` (data_connector.py:449-474). */
const trainBatches = (limit: unknown, facts: TrainerFacts, at: (k: string) => string, problem: Problem, derived: string[]): number | undefined => {
  const b = facts.trainBatches
  if (b === undefined) {
    problem('--train-batches', "needed: the training dataloader's batches per epoch (len(train_dataloader)), which Lightning counts updates and epochs by", undefined)
    return undefined
  }
  if (limit === undefined || limit === null) return b
  const path = at('trainer.limit_train_batches')
  if (typeof limit !== 'number' || !Number.isFinite(limit) || limit <= 0) {
    problem(path, `expected a fraction in (0, 1) or a number of batches >= 2, got ${formatValue(limit)}`, limit)
    return undefined
  }
  if (limit === 1) {
    problem(path, "1 is one batch to Lightning as an int and the whole dataloader as a float (1.0), and a parsed JSON or YAML number does not keep the difference: remove the key for 1.0 (the default), or give --train-batches 1 for one batch", limit)
    return undefined
  }
  if (limit < 1) {
    const n = Math.floor(b * limit)
    if (n === 0) {
      problem(path, `${limit} of ${b} batches is 0 (Lightning: "Please increase the limit_train_batches argument")`, limit)
      return undefined
    }
    derived.push(`batches per epoch: ${n} = int(${b} × ${limit}) (trainer.limit_train_batches)`)
    return n
  }
  if (!Number.isSafeInteger(limit)) {
    problem(path, `expected a fraction in (0, 1) or a whole number of batches, got ${limit}`, limit)
    return undefined
  }
  const n = Math.min(b, limit)
  derived.push(`batches per epoch: ${n} = min(${b}, ${limit}) (trainer.limit_train_batches)`)
  return n
}
