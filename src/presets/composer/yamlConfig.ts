/**
 * The `composer` reader of trainers' config files: an LLM Foundry training YAML (the file
 * `scripts/train/train.py` reads: `scheduler: {name: cosine_with_warmup, t_warmup: 100ba, …}`,
 * `optimizer: {name, lr, …}`, `max_duration`) into the `composer.<Scheduler>` schedule that LLM
 * Foundry's scheduler registry builds and Composer's Trainer steps, with the optimizer updates it runs.
 *
 * mosaicml/llm-foundry at 8c8dd48f (main, the first commit that requires composer >=0.32,<0.33; no
 * release tag does) on Composer v0.32.1:
 * - llmfoundry/utils/config_utils.py:99-203: the file's top-level keys are `TrainConfig`'s fields;
 *   any other is refused (`make_dataclass_and_log_config`, config_utils.py:350-360, "Unused parameters");
 * - llmfoundry/command_utils/train.py:373-374: `scheduler.pop('name')`, `build_scheduler(name, rest)`
 *   (builders.py:479-490: the registry's class called with the rest as kwargs); the registry holds
 *   llmfoundry/optim/__init__.py:23-32's four names (Composer's own class names are not registered);
 * - train.py:538-540: `optimizer.pop('name')`, the optimizer built with the rest (its `lr`);
 * - train.py:561-580: `Trainer(schedulers=…, max_duration=…, train_subset_num_batches=…,
 *   device_train_microbatch_size=…)`, without scale_schedule_ratio (so 1);
 * - composer trainer.py:1563: `ensure_time(max_duration, TimeUnit.EPOCH)` (an integer is epochs);
 *   state.py:1657-1682: the epoch is `len(train_dataloader)` batches, or train_subset_num_batches when
 *   smaller; one optimizer update per batch (microbatches accumulate within the batch); the rows
 *   (the one-batch lag) as the composer presets say (internal.ts).
 *
 * @internal
 */
import * as E from 'fp-ts/lib/Either.js'
import { type ConfigError, formatValue } from '../../core/errors.js'
import type { AnyDefinition } from '../../internal/define.js'
import { type TrainerFacts, type TrainerFormat, type TrainerSchedule, isObject } from '../../internal/trainer.js'
import { convert, parseTime } from './internal.js'

/** `TrainConfig`'s fields (llmfoundry/utils/config_utils.py:99-200): the keys a file may have. */
export const TRAIN_CONFIG_KEYS: ReadonlyArray<string> = [
  'model', 'tokenizer', 'optimizer', 'scheduler', 'train_loader', 'device_train_batch_size', 'device_eval_batch_size',
  'max_duration', 'max_seq_len', 'seed', 'precision', 'code_paths', 'max_split_size_mb', 'expandable_segments',
  'cuda_load_lazy', 'dist_timeout', 'fsdp_config', 'tp_config', 'accumulate_train_batch_on_tokens', 'eval_interval',
  'eval_loader', 'eval_loaders', 'icl_tasks', 'icl_tasks_str', 'eval_gauntlet', 'eval_gauntlet_str',
  'icl_subset_num_batches', 'icl_seq_len', 'loggers', 'progress_bar', 'log_to_console', 'python_log_level',
  'console_log_interval', 'log_config', 'callbacks', 'algorithms', 'save_folder', 'save_latest_filename',
  'save_overwrite', 'save_weights_only', 'save_filename', 'save_interval', 'save_num_checkpoints_to_keep', 'load_path',
  'load_weights_only', 'load_strict_model_weights', 'load_ignore_keys', 'save_ignore_keys', 'only_hf_checkpoint',
  'only_composer_checkpoint', 'train_subset_num_batches', 'device_train_microbatch_size', 'global_train_batch_size',
  'spin_dataloaders', 'eval_subset_num_batches', 'eval_first', 'compile_config', 'metadata', 'flatten_metadata',
  'run_name', 'autoresume', 'profiler', 'variables', 'n_gpus', 'device_train_grad_accum'
]

/** LLM Foundry's scheduler names (optim/__init__.py:23-32) → our Composer presets. */
const SCHEDULERS: Readonly<Record<string, string>> = {
  constant_with_warmup: 'composer.ConstantWithWarmupScheduler',
  cosine_with_warmup: 'composer.CosineAnnealingWithWarmupScheduler',
  linear_decay_with_warmup: 'composer.LinearWithWarmupScheduler',
  inv_sqrt_with_warmup: 'composer.InverseSquareRootWithWarmupScheduler'
}

/** The optimizer names (optim/__init__.py:17-21) and their classes' default lr (used when `optimizer.lr` is absent). */
const OPTIMIZER_LR: Readonly<Record<string, readonly [number, string]>> = {
  decoupled_adamw: [1e-3, "Composer's DecoupledAdamW (composer/optim/decoupled_weight_decay.py:218)"],
  decoupled_lionw: [1e-4, "LLM Foundry's DecoupledLionW (llmfoundry/optim/lion.py:38)"],
  clip_lion: [1e-4, "LLM Foundry's DecoupledClipLion (llmfoundry/optim/adaptive_lion.py:312)"],
  adalr_lion: [1e-4, "LLM Foundry's DecoupledAdaLRLion (llmfoundry/optim/adaptive_lion.py:61)"],
  no_op: [0, "LLM Foundry's NoOp (llmfoundry/optim/no_op.py:22: it never updates)"]
}

/** Composer's kwargs → our arguments. */
const ARGS: Readonly<Record<string, string>> = {
  t_warmup: 'tWarmup',
  t_scale: 'tScale',
  t_cooldown: 'tCooldown',
  t_max: 'tMax',
  alpha: 'alpha',
  alpha_i: 'alphaI',
  alpha_f: 'alphaF',
  alpha_f_decay: 'alphaFDecay',
  alpha_f_cooldown: 'alphaFCooldown',
  scale_warmup: 'scaleWarmup'
}
const FACT_ARGS = new Set(['maxDuration', 'batchesPerEpoch', 'scaleScheduleRatio'])

/** One line per time kwarg in ep or dur: its batches, as `_convert_time` (scheduler.py:139-157) converts it. */
const times = (config: Readonly<Record<string, unknown>>, keys: Readonly<Record<string, string>>, maxDuration: string, perEpoch: number | undefined, derived: string[]): void => {
  for (const a of ['tWarmup', 'tScale', 'tCooldown', 'tMax']) {
    const v = config[a]
    if (typeof v !== 'string') continue
    try {
      const max = parseTime('maxDuration', maxDuration)
      const t = parseTime(a, v)
      if (t.unit === 'ba') continue
      const n = convert({ max, batchesPerEpoch: perEpoch, when: 'loop' }, a, v, 1.0)
      const how =
        t.unit === 'ep' ? `${t.value} × ${perEpoch as number} (epochs × batches per epoch)` : max.unit === 'ep' ? `int(${t.value} × ${perEpoch as number} × ${max.value}) (a fraction of max_duration ${maxDuration})` : `int(${t.value} × ${max.value}) (a fraction of max_duration ${maxDuration})`
      derived.push(`${keys[a] as string}: ${n} batches = ${how}`)
    } catch {
      // the preset's decoder names the problem
    }
  }
}

/**
 * OmegaConf's absolute interpolation `${a.b}` (a whole string), resolved against the file as
 * `om.to_container(cfg, resolve=True)` resolves it (config_utils.py:310); other forms are refused.
 */
const resolve = (file: Readonly<Record<string, unknown>>, path: string, v: unknown, problem: (p: string, m: string, v: unknown) => void, depth = 0): unknown => {
  if (typeof v !== 'string' || !v.includes('${')) return v
  const m = /^\$\{([A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*)\}$/.exec(v)
  if (m === null || depth > 8) {
    problem(path, 'an OmegaConf interpolation other than a whole ${key.path} is not resolved here: write the value', v)
    return undefined
  }
  let at: unknown = file
  for (const part of (m[1] as string).split('.')) at = isObject(at) ? at[part] : undefined
  if (at === undefined) {
    problem(path, `interpolation ${v}: the file has no ${m[1] as string}`, v)
    return undefined
  }
  return resolve(file, path, at, problem, depth + 1)
}

/**
 * The reader, for the Composer family's definitions.
 *
 * @internal
 */
export const yamlConfigFormat = (definitions: ReadonlyArray<AnyDefinition>): TrainerFormat => ({
  name: 'composer',
  title: "an LLM Foundry training YAML (llm-foundry 8c8dd48f's scheduler registry on Composer 0.32.1's schedulers and Trainer)",
  facts: ['trainBatches', 'lr'],
  read: (file, facts) => read(definitions, file, facts)
})

const read = (definitions: ReadonlyArray<AnyDefinition>, file: unknown, facts: TrainerFacts): E.Either<ReadonlyArray<ConfigError>, TrainerSchedule> => {
  const errors: ConfigError[] = []
  const problem = (path: string, message: string, value: unknown): void => void errors.push({ path, message, value })
  if (!isObject(file)) return E.left([{ path: 'file', message: `expected an LLM Foundry training config: an object of TrainConfig's keys, got ${formatValue(file)}`, value: file }])
  const derived: string[] = []
  const known = new Set(TRAIN_CONFIG_KEYS)
  for (const k of Object.keys(file)) {
    if (known.has(k)) continue
    if (k === 'scale_schedule_ratio') problem(k, "not a key of LLM Foundry's TrainConfig: its train script does not pass scale_schedule_ratio to Composer's Trainer (train.py:561-580), and refuses the key (\"Unused parameters\", config_utils.py:356-360)", file[k])
    else if (k === 'schedulers') problem(k, "not a key of LLM Foundry's TrainConfig: it reads one scheduler, as scheduler: {name: ..., <kwargs>} (train.py:373-374)", file[k])
    else problem(k, "not a key of LLM Foundry's TrainConfig (config_utils.py:99-200; LLM Foundry: \"Unused parameters\"): put variables under variables", file[k])
  }
  const get = (path: string): unknown => {
    let at: unknown = file
    for (const p of path.split('.')) at = isObject(at) ? at[p] : undefined
    return resolve(file, path, at, problem)
  }

  // the scheduler block (train.py:373-374, builders.py:479-490)
  const block = file['scheduler']
  const config: Record<string, unknown> = {}
  const keys: Record<string, string> = { maxDuration: 'max_duration', batchesPerEpoch: '--train-batches' }
  if (block === undefined || block === null) problem('scheduler', "missing: LLM Foundry's TrainConfig requires it (config_utils.py:106)", block)
  else if (!isObject(block)) problem('scheduler', `expected {name: ..., <the scheduler's kwargs>}, got ${formatValue(block)}`, block)
  else {
    const name = get('scheduler.name')
    const type = typeof name === 'string' ? SCHEDULERS[name] : undefined
    const definition = definitions.find((d) => d.type === type)
    if (name === undefined || name === null) problem('scheduler.name', 'missing: train.py:373 pops it (a KeyError without it)', name)
    else if (definition === undefined)
      problem(
        'scheduler.name',
        `expected one of LLM Foundry's registered schedulers ${Object.keys(SCHEDULERS).sort().join(', ')} (optim/__init__.py:23-32; Composer's class names are not registered), got ${formatValue(name)}`,
        name
      )
    else {
      config['type'] = definition.type
      derived.push(`schedule: ${definition.type} (scheduler.name ${name as string}, LLM Foundry's registry)`)
      const args = Object.keys(definition.args).filter((a) => !FACT_ARGS.has(a))
      for (const k of Object.keys(block)) {
        if (k === 'name') continue
        const a = ARGS[k]
        const path = `scheduler.${k}`
        if (a === undefined || !args.includes(a)) {
          const takes = Object.entries(ARGS).filter(([, x]) => args.includes(x)).map(([s]) => s)
          problem(path, `not an argument of ${definition.type === 'composer.InverseSquareRootWithWarmupScheduler' ? "LLM Foundry's" : "Composer's"} ${definition.type.slice('composer.'.length)} (it takes ${takes.join(', ')}; Composer: TypeError)`, block[k])
        } else {
          config[a] = get(path)
          keys[a] = path
        }
      }
    }
  }

  // the optimizer's lr (train.py:538-540)
  const optimizer = file['optimizer']
  let lr: ReadonlyArray<number> | undefined = facts.lr
  if (optimizer === undefined || optimizer === null) problem('optimizer', "missing: LLM Foundry's TrainConfig requires it (config_utils.py:105)", optimizer)
  else if (!isObject(optimizer)) problem('optimizer', `expected {name: ..., lr: ..., <the optimizer's kwargs>}, got ${formatValue(optimizer)}`, optimizer)
  else {
    const name = get('optimizer.name')
    const known = typeof name === 'string' ? OPTIMIZER_LR[name] : undefined
    if (known === undefined) problem('optimizer.name', `expected one of LLM Foundry's registered optimizers ${Object.keys(OPTIMIZER_LR).sort().join(', ')} (optim/__init__.py:17-21), got ${formatValue(name)}`, name)
    if (optimizer['param_groups'] !== undefined)
      problem('optimizer.param_groups', "param groups are not read: which parameters each group holds depends on the model's parameter names (builders.py:350-451)", optimizer['param_groups'])
    const fileLr = get('optimizer.lr')
    if (fileLr !== undefined && fileLr !== null) {
      if (facts.lr !== undefined) problem('--lr', `the file sets optimizer.lr (${formatValue(fileLr)}): give one or the other`, facts.lr)
      else if (typeof fileLr !== 'number' || !Number.isFinite(fileLr) || fileLr < 0) problem('optimizer.lr', `expected a finite number >= 0, got ${formatValue(fileLr)}`, fileLr)
      else {
        lr = [fileLr]
        derived.push(`lr: ${fileLr} (optimizer.lr)`)
      }
    } else if (facts.lr !== undefined) derived.push(`lr: ${facts.lr.join(', ')} (--lr)`)
    else if (known !== undefined) {
      lr = [known[0]]
      derived.push(`lr: ${known[0]} (no optimizer.lr: the default of ${known[1]})`)
    }
  }

  // the batches of an epoch (state.py:1657-1682)
  const subsetRaw = get('train_subset_num_batches')
  let perEpoch = facts.trainBatches
  if (subsetRaw !== undefined && subsetRaw !== null && subsetRaw !== -1) {
    if (typeof subsetRaw !== 'number' || !Number.isSafeInteger(subsetRaw) || subsetRaw < 1)
      problem('train_subset_num_batches', `expected an integer >= 1, or -1 for the whole dataloader, got ${formatValue(subsetRaw)}`, subsetRaw)
    else if (facts.trainBatches !== undefined) {
      perEpoch = Math.min(subsetRaw, facts.trainBatches)
      derived.push(`batches per epoch: ${perEpoch} = min(train_subset_num_batches ${subsetRaw}, --train-batches ${facts.trainBatches})`)
    } else perEpoch = undefined
  } else if (perEpoch !== undefined) derived.push(`batches per epoch: ${perEpoch} (--train-batches: len(train dataloader))`)

  // max_duration (trainer.py:1563) and the updates
  const md = get('max_duration')
  let updates: number | undefined
  if (md === undefined || md === null) problem('max_duration', "missing: LLM Foundry's TrainConfig requires it (config_utils.py:110)", md)
  else if (typeof md === 'number') {
    if (!Number.isSafeInteger(md) || md < 1) problem('max_duration', `expected a time string ("4800ba", "2ep") or an integer >= 1 (epochs), got ${formatValue(md)}`, md)
    else {
      config['maxDuration'] = `${md}ep`
      derived.push(`max_duration: ${md}ep (an integer is epochs: ensure_time(max_duration, TimeUnit.EPOCH), trainer.py:1563)`)
    }
  } else if (typeof md !== 'string') problem('max_duration', `expected a time string ("4800ba", "2ep"), got ${formatValue(md)}`, md)
  else {
    const m = /^\s*\+?(\d+(?:\.\d*)?(?:e[+-]?\d+)?)\s*(ep|ba|tok|sp|dur|sec|iter)\s*$/i.exec(md)
    const unit = m?.[2]?.toLowerCase()
    if (unit === 'tok' || unit === 'sp')
      problem(
        'max_duration',
        `in ${unit}: the updates then depend on the ${unit === 'tok' ? "tokens of every batch (the dataspec's get_num_tokens_in_batch, padding, accumulate_train_batch_on_tokens)" : 'samples of every batch across the processes (a last partial batch)'}, which the file does not fix; write it in ba (the batches) or ep`,
        md
      )
    else if (unit === 'dur') problem('max_duration', 'Composer refuses a max_duration in dur (state.py:719-720: "TimeUnit.DURATION is not allowed")', md)
    else if (unit === 'sec') problem('max_duration', 'Composer refuses a wall-clock max_duration (trainer.py:1564-1565)', md)
    else config['maxDuration'] = md // ep, ba: checked by the preset (named max_duration)
  }
  const maxDuration = config['maxDuration']
  if (typeof maxDuration === 'string') {
    const m = /^\s*\+?(\d+)\s*(ep|ba)\s*$/i.exec(maxDuration)
    if (m !== null) {
      const n = Number(m[1])
      if ((m[2] as string).toLowerCase() === 'ba') {
        updates = n
        derived.push(`updates: ${n} (max_duration ${maxDuration}: one optimizer update per batch; microbatches accumulate within it)`)
      } else if (perEpoch === undefined)
        problem('--train-batches', `needed: max_duration is in epochs (${maxDuration}): the updates are epochs × len(train dataloader) per process (Composer: "max_duration cannot be specified in epochs when using an infinite dataloader", trainer.py:2118-2123)`, undefined)
      else {
        updates = n * perEpoch
        derived.push(`updates: ${updates} = ${n} × ${perEpoch} (max_duration in epochs × batches per epoch; one optimizer update per batch)`)
      }
    }
  }
  if (perEpoch !== undefined) config['batchesPerEpoch'] = perEpoch
  if (errors.length === 0 && typeof maxDuration === 'string') times(config, keys, maxDuration, perEpoch, derived)
  derived.push("rows: update 0 trains at the multiplier of batch 0, update k at that of batch k − 1 (Composer's Trainer steps the scheduler after the update, trainer.py:2492, before the batch count, 2501)")
  if (errors.length > 0) return E.left(errors)
  return E.right({ config: config as TrainerSchedule['config'], keys, lr, updates, dialect: undefined, derived })
}
