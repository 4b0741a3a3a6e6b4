/**
 * The `hf` reader of trainers' config files: a Hugging Face `TrainingArguments` file (the keys
 * `TrainingArguments(**d)` takes, as `args.to_dict()` or a hand-written `training_args.json` holds
 * them) into the `hf.<lr_scheduler_type>` schedule that transformers' `Trainer` creates, with the
 * number of optimizer updates and of warmup updates computed as `Trainer` computes them.
 *
 * transformers 5.18 (src/transformers/trainer.py, training_args.py):
 * - `Trainer.set_initial_training_values`: with `max_steps > 0` the updates are `max_steps`; with
 *   `max_steps < 0`, `ceil(num_train_epochs · num_update_steps_per_epoch)` where
 *   `num_update_steps_per_epoch = max(len_dataloader // gradient_accumulation_steps +
 *   int(len_dataloader % gradient_accumulation_steps > 0), 1)` and `len_dataloader` is the training
 *   dataloader's length per process (`--train-batches`);
 * - `Trainer.create_scheduler`: `get_scheduler(lr_scheduler_type, optimizer,
 *   num_warmup_steps=args.get_warmup_steps(N), num_training_steps=N,
 *   scheduler_specific_kwargs=lr_scheduler_kwargs)`, the optimizer's lr being `learning_rate`;
 * - `TrainingArguments.get_warmup_steps`: `int(warmup_steps)` if `warmup_steps >= 1`, else
 *   `ceil(N · warmup_steps)` (a float below 1 is a ratio); `warmup_steps < 0` is a ValueError;
 * - `lr_scheduler_kwargs` may be a JSON string (`_VALID_DICT_FIELDS`, parsed in `__post_init__`).
 *
 * A `deepspeed` key (a ds_config given inline, `deepspeed.ts`): its `"auto"` values filled and its
 * explicit ones checked as `HfTrainerDeepSpeedConfig` does; with a `scheduler` block DeepSpeed's
 * engine builds and steps that scheduler (`deepspeed_optim_sched`, integrations/deepspeed.py:531-582:
 * a `DummyScheduler` for the engine to replace), over the updates `Trainer` computes; without one,
 * `lr_scheduler_type`'s schedule runs as without DeepSpeed (`create_scheduler`, through a
 * `DummyScheduler`'s `lr_scheduler_callable` when the ds_config has an optimizer block).
 *
 * The 4.x dialect (transformers 4.57, a file with `warmup_ratio` or another key 5.x removed):
 * `get_warmup_steps` is `warmup_steps if warmup_steps > 0 else ceil(N · warmup_ratio)`, with
 * `warmup_ratio` in [0, 1] (`__post_init__`); the number of updates is computed as in 5.18.
 *
 * @internal
 */
import * as E from 'fp-ts/lib/Either.js'
import { type ConfigError, formatValue } from '../../core/errors.js'
import type { AnyDefinition } from '../../internal/define.js'
import { type TrainerFacts, type TrainerFormat, type TrainerSchedule, isObject } from '../../internal/trainer.js'
import { readDsBlocks, withoutBetas } from '../deepspeed/dsConfig.js'
import { fillDeepspeed } from './deepspeedBlock.js'
import { TRAINING_ARGUMENTS_4_ONLY, TRAINING_ARGUMENTS_5, TRAINING_ARGUMENTS_5_ONLY } from './trainingArgumentsKeys.js'

/** `num_cycles` → `numCycles`. */
const camel = (snake: string): string => snake.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase())

/** `numCycles` → `num_cycles`. */
const snake = (name: string): string => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

/** The arguments of an hf definition that `Trainer` sets itself, not `lr_scheduler_kwargs`. */
const SET_BY_TRAINER: Readonly<Record<string, string>> = {
  numWarmupSteps: 'warmup_steps',
  numTrainingSteps: 'max_steps',
  // transformers reads `lr_init` from the optimizer's default lr (polynomial, the min-lr cosines)
  lrInit: 'learning_rate'
}

const KNOWN = new Set([...TRAINING_ARGUMENTS_5, ...TRAINING_ARGUMENTS_4_ONLY])

/** `"auto"` where transformers fills none (in the scheduler and optimizer blocks). */
const NOT_FILLED =
  "\"auto\" where transformers fills none (it fills the scheduler's warmup_min_lr, warmup_max_lr, warmup_num_steps and total_num_steps, the optimizer's lr, betas, eps and weight_decay): write the number"

/** transformers' `optim` names (lower-cased) of optimizers without `betas` (OneCycle then keeps the momentum). */
const HF_WITHOUT_BETAS = new Set(['sgd', 'adagrad', 'rmsprop', 'rmsprop_bnb', 'rmsprop_bnb_8bit', 'rmsprop_bnb_32bit', 'adafactor', 'lomo', 'adalomo'])

/**
 * The reader, for the family's definitions (`hf.<lr_scheduler_type>` for every type `get_scheduler`
 * knows), and DeepSpeed's and PyTorch's (a `deepspeed` block's scheduler).
 */
export const trainingArgumentsFormat = (
  definitions: ReadonlyArray<AnyDefinition>,
  deepspeed: ReadonlyArray<AnyDefinition>,
  torch: ReadonlyArray<AnyDefinition>
): TrainerFormat => ({
  name: 'hf',
  title: "Hugging Face TrainingArguments (transformers 5.18; 4.57's dialect with warmup_ratio; an inline deepspeed block)",
  facts: ['trainBatches', 'epochs', 'lr', 'worldSize'],
  read: (file, facts) => read(definitions, deepspeed, torch, file, facts)
})

const read = (
  definitions: ReadonlyArray<AnyDefinition>,
  deepspeed: ReadonlyArray<AnyDefinition>,
  torch: ReadonlyArray<AnyDefinition>,
  file: unknown,
  facts: TrainerFacts
): E.Either<ReadonlyArray<ConfigError>, TrainerSchedule> => {
  const errors: ConfigError[] = []
  const problem = (path: string, message: string, value: unknown): void => void errors.push({ path, message, value })
  if (typeof file !== 'object' || file === null || Array.isArray(file))
    return E.left([{ path: 'file', message: `expected the TrainingArguments as an object of their keys, got ${formatValue(file)}`, value: file }])
  const o = file as Readonly<Record<string, unknown>>
  const has = (k: string): boolean => Object.prototype.hasOwnProperty.call(o, k) && o[k] !== null

  // which transformers: a key 5.x removed makes it 4.x; one only 5.x has makes it 5.x; both, an error
  const keys = Object.keys(o)
  for (const k of keys) if (!KNOWN.has(k)) problem(k, 'not an argument of TrainingArguments (transformers 5.18 or 4.57)', o[k])
  const old = keys.filter((k) => TRAINING_ARGUMENTS_4_ONLY.includes(k))
  const recent = keys.filter((k) => TRAINING_ARGUMENTS_5_ONLY.includes(k))
  if (old.length > 0 && recent.length > 0)
    problem(recent[0] as string, `a transformers 5.x argument in a file of the 4.x dialect (it has ${old[0] as string}, which 5.x removed)`, o[recent[0] as string])
  const v4 = old.length > 0
  const derived: string[] = [v4 ? `dialect: transformers 4.x (${old[0] as string}; 4.57's rules)` : 'dialect: transformers 5.x (5.18\'s rules)']

  // the deepspeed key: a ds_config inline (a dict, or a JSON string of one); a path is a file to read, not here
  let ds: Readonly<Record<string, unknown>> | undefined
  if (has('deepspeed')) {
    const raw = o['deepspeed']
    let parsed: unknown = raw
    if (typeof raw === 'string' && raw.trimStart().startsWith('{'))
      try {
        parsed = JSON.parse(raw)
      } catch {
        parsed = raw
      }
    if (isObject(parsed)) ds = parsed
    else if (typeof raw === 'string')
      problem('deepspeed', `a path to a ds_config (${formatValue(raw)}): the hf reader reads no other file — inline the ds_config as a dict under deepspeed, or read that file with --from deepspeed`, raw)
    else problem('deepspeed', `expected a ds_config: a dict (or a path to one), got ${formatValue(raw)}`, raw)
  }
  if (facts.worldSize !== undefined && !has('deepspeed'))
    problem('--world-size', "used only with a deepspeed block (transformers' train_batch_size): this file has none", facts.worldSize)
  if (ds !== undefined && facts.lr !== undefined)
    problem('--lr', 'with a deepspeed block transformers fills the ds_config from learning_rate: set learning_rate in the file', facts.lr)

  // the schedule and its arguments
  const byName = new Map(definitions.map((d) => [d.type.slice('hf.'.length), d]))
  const name = has('lr_scheduler_type') ? o['lr_scheduler_type'] : 'linear'
  const definition = typeof name === 'string' ? byName.get(name) : undefined
  if (definition === undefined)
    problem('lr_scheduler_type', `expected one of ${[...byName.keys()].join(', ')} (transformers' SchedulerType), got ${formatValue(name)}`, name)
  let kwargs: Readonly<Record<string, unknown>> = {}
  const rawKwargs = o['lr_scheduler_kwargs']
  if (typeof rawKwargs === 'string') {
    let parsed: unknown
    try {
      parsed = JSON.parse(rawKwargs)
    } catch {
      parsed = undefined
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) problem('lr_scheduler_kwargs', 'expected a dict, or a JSON string of one', rawKwargs)
    else kwargs = parsed as Record<string, unknown>
  } else if (rawKwargs !== undefined && rawKwargs !== null) {
    if (typeof rawKwargs !== 'object' || Array.isArray(rawKwargs)) problem('lr_scheduler_kwargs', 'expected a dict, or a JSON string of one', rawKwargs)
    else kwargs = rawKwargs as Record<string, unknown>
  }

  // the numbers Trainer reads
  const number = (k: string, fallback: number, check: (x: number) => boolean, expected: string): number => {
    if (!has(k)) return fallback
    const x = o[k]
    if (typeof x !== 'number' || !check(x)) {
      problem(k, `expected ${expected}, got ${formatValue(x)}`, x)
      return NaN
    }
    return x
  }
  const flagged = (k: string, fact: 'epochs' | 'lr', flag: string): void => {
    if (has(k) && facts[fact] !== undefined) problem(flag, `the file sets ${k} (${formatValue(o[k])}): give one or the other`, facts[fact])
  }
  flagged('learning_rate', 'lr', '--lr')
  flagged('num_train_epochs', 'epochs', '--epochs')
  const learningRate = number('learning_rate', 5e-5, (x) => Number.isFinite(x) && x >= 0, 'a finite number >= 0')
  const epochs = facts.epochs ?? number('num_train_epochs', 3.0, (x) => Number.isFinite(x) && x > 0, 'a finite number > 0')
  const maxSteps = number('max_steps', -1, Number.isSafeInteger, 'an integer (-1: from num_train_epochs)')
  const accumulation = number('gradient_accumulation_steps', 1, (x) => Number.isSafeInteger(x) && x >= 1, 'an integer >= 1')
  const warmupSteps = v4
    ? number('warmup_steps', 0, (x) => Number.isSafeInteger(x) && x >= 0, 'an integer >= 0 (in the 4.x dialect; warmup_ratio is the ratio)')
    : number('warmup_steps', 0, (x) => Number.isFinite(x) && x >= 0, 'a number >= 0 (below 1: a ratio of the updates)')
  const warmupRatio = number('warmup_ratio', 0, (x) => x >= 0 && x <= 1, 'a number in [0, 1]')
  const lr = facts.lr ?? [learningRate]
  derived.push(facts.lr !== undefined ? `lr: ${facts.lr.join(', ')} (--lr)` : `lr: ${learningRate} (learning_rate${has('learning_rate') ? '' : ", transformers' default"})`)

  // the updates: max_steps, or the epochs over the dataloader (Trainer.set_initial_training_values)
  let updates: number | undefined
  if (maxSteps >= 0 && has('max_steps')) {
    updates = maxSteps
    derived.push(`updates: ${maxSteps} (max_steps)`)
  } else if (facts.trainBatches !== undefined) {
    const perEpoch = Math.max(Math.floor(facts.trainBatches / accumulation) + (facts.trainBatches % accumulation > 0 ? 1 : 0), 1)
    updates = Math.ceil(epochs * perEpoch)
    derived.push(`updates per epoch: ${perEpoch} = max(${facts.trainBatches} // ${accumulation} + (${facts.trainBatches} % ${accumulation} > 0), 1)`)
    derived.push(`updates: ${updates} = ceil(${epochs} × ${perEpoch})`)
  }

  // the warmup (TrainingArguments.get_warmup_steps), and whether it depends on the updates
  const warmupOf = (n: number): { readonly steps: number; readonly line: string } => {
    if (v4) {
      if (warmupSteps > 0) return { steps: warmupSteps, line: `warmup: ${warmupSteps} updates (warmup_steps)` }
      const w = Math.ceil(n * warmupRatio)
      return { steps: w, line: `warmup: ${w} updates = ceil(${n} × ${warmupRatio}) (warmup_ratio)` }
    }
    if (warmupSteps >= 1) {
      const w = Math.trunc(warmupSteps)
      return { steps: w, line: `warmup: ${w} updates = int(${warmupSteps}) (warmup_steps)` }
    }
    const w = Math.ceil(n * warmupSteps)
    return { steps: w, line: `warmup: ${w} updates = ceil(${n} × ${warmupSteps}) (warmup_steps below 1 is a ratio)` }
  }
  const warmupNeedsUpdates = v4 ? warmupSteps === 0 && warmupRatio > 0 : warmupSteps < 1 && warmupSteps > 0
  const warmup = (n: number): number => {
    const w = warmupOf(n)
    derived.push(w.line)
    return w.steps
  }

  // the deepspeed block: transformers' fills and checks; its scheduler, if it has one
  let dsSchedule: ReturnType<typeof readDsBlocks>
  if (ds !== undefined) {
    const flag = (k: string): boolean => {
      if (!has(k)) return false
      if (typeof o[k] !== 'boolean') problem(k, `expected true or false, got ${formatValue(o[k])}`, o[k])
      return o[k] === true
    }
    const filled = fillDeepspeed(
      ds,
      {
        learningRate,
        adamBeta1: number('adam_beta1', 0.9, Number.isFinite, 'a finite number'),
        adamBeta2: number('adam_beta2', 0.999, Number.isFinite, 'a finite number'),
        adamEpsilon: number('adam_epsilon', 1e-8, Number.isFinite, 'a finite number'),
        weightDecay: number('weight_decay', 0.0, Number.isFinite, 'a finite number'),
        maxGradNorm: number('max_grad_norm', 1.0, Number.isFinite, 'a finite number'),
        perDevice: number('per_device_train_batch_size', 8, (x) => Number.isSafeInteger(x) && x >= 1, 'an integer >= 1'),
        accumulation,
        fp16: flag('fp16') || flag('fp16_full_eval'),
        bf16: flag('bf16') || flag('bf16_full_eval'),
        v4: v4 ? { fp16Backend: has('fp16_backend') ? o['fp16_backend'] : 'auto', fp16OptLevel: has('fp16_opt_level') ? o['fp16_opt_level'] : 'O1' } : undefined,
        updates,
        warmup: () => (updates === undefined && warmupNeedsUpdates ? undefined : warmupOf(updates ?? 0)),
        worldSize: facts.worldSize
      },
      problem,
      derived
    )
    if (filled['scheduler'] !== undefined && filled['scheduler'] !== null) {
      dsSchedule = readDsBlocks(deepspeed, torch, filled, { at: 'deepspeed.', auto: NOT_FILLED, problem })
    } else derived.push("deepspeed: no scheduler block: transformers' own lr_scheduler_type schedule runs (deepspeed_optim_sched: create_scheduler)")
  }

  let config: Record<string, unknown> = {}
  let keysOf: Record<string, string> = {}
  let lrOf = lr
  if (dsSchedule !== undefined && errors.length === 0) {
    // DeepSpeed's scheduler (DummyScheduler: the engine builds it from the block and steps it per update)
    const [schedule, ...rest] = dsSchedule.derived
    config = dsSchedule.config
    keysOf = dsSchedule.keys
    derived.unshift(schedule as string)
    derived.push(`lr_scheduler_type ${name as string}: not used (the deepspeed block's scheduler runs, stepped by DeepSpeed's engine after every update)`, ...rest)
    const optimizer = ds?.['optimizer']
    if (optimizer === undefined || optimizer === null) {
      // no optimizer block: Trainer's own optimizer (TrainingArguments.optim)
      const optim = has('optim') ? String(o['optim']) : 'adamw_torch_fused'
      withoutBetas(config, !HF_WITHOUT_BETAS.has(optim.toLowerCase()), `optim ${optim}`, derived)
    }
    lrOf = [dsSchedule.lr ?? learningRate]
  } else if (definition !== undefined && errors.length === 0) {
    config['type'] = definition.type
    derived.unshift(`schedule: ${definition.type} (lr_scheduler_type ${name as string})`)
    const args = Object.keys(definition.args)
    const needsUpdates = args.includes('numTrainingSteps') || (args.includes('numWarmupSteps') && (v4 ? warmupSteps === 0 && warmupRatio > 0 : warmupSteps < 1 && warmupSteps > 0))
    if (needsUpdates && updates === undefined)
      problem('--train-batches', `needed: ${name as string} depends on the number of updates, which without max_steps is num_train_epochs × the updates per epoch of the training dataloader (its batches per process)`, undefined)
    else {
      for (const a of args) {
        const key = SET_BY_TRAINER[a]
        if (a === 'numWarmupSteps') config[a] = warmup(updates ?? 0)
        else if (a === 'numTrainingSteps') config[a] = updates
        else if (a === 'lrInit') config[a] = learningRate
        if (key !== undefined) keysOf[a] = key
      }
      for (const [k, v] of Object.entries(kwargs)) {
        const a = camel(k)
        if (!args.includes(a) || SET_BY_TRAINER[a] !== undefined || snake(a) !== k) {
          const takes = args.filter((x) => SET_BY_TRAINER[x] === undefined).map(snake)
          problem(`lr_scheduler_kwargs.${k}`, `not an argument of transformers' ${name as string} schedule (${takes.length === 0 ? 'it takes none' : `it takes ${takes.join(', ')}`})`, v)
        } else {
          config[a] = v
          keysOf[a] = `lr_scheduler_kwargs.${k}`
        }
      }
    }
    if (definition.type === 'hf.reduce_lr_on_plateau' || definition.type === 'hf.greedy')
      derived.push(`${name as string} steps once per evaluation with its metric (eval_strategy), not per update: trace it with --metrics (one per evaluation) and --steps (the evaluations)`)
  }
  if (errors.length > 0) return E.left(errors)
  const takesMetric = definition?.type === 'hf.reduce_lr_on_plateau' || definition?.type === 'hf.greedy'
  return E.right({
    config: config as TrainerSchedule['config'],
    keys: keysOf,
    lr: lrOf,
    updates: takesMetric && dsSchedule === undefined ? undefined : updates,
    dialect: v4 ? 'transformers 4.x' : 'transformers 5.x',
    derived
  })
}
