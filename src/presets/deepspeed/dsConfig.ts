/**
 * The `deepspeed` reader of trainers' config files: a DeepSpeed `ds_config.json` — its `scheduler`
 * block (`{"type": ..., "params": {...}}`) into the schedule DeepSpeed's engine builds, with the lr
 * of its `optimizer` block and, given the dataloader's batches and the epochs, the number of
 * optimizer updates the engine runs.
 *
 * DeepSpeed v0.19.5 (deepspeed/runtime/engine.py, config.py):
 * - `_scheduler_from_config` (engine.py:1557-1570): `scheduler.type` names a class of
 *   deepspeed/runtime/lr_schedules.py if it has one, else of `torch.optim.lr_scheduler` (else an
 *   assertion: "DeepSpeed does not recognize LR scheduler"), built as `cls(optimizer,
 *   **scheduler.params)` — the optimizer the `optimizer` block configures (its `params.lr`);
 * - `_take_model_step` (engine.py:3281-3343): the scheduler steps once per optimizer step, after
 *   it, with no argument (a ReduceLROnPlateau gets `train_batch_size()` as its metric: refused here);
 * - `is_gradient_accumulation_boundary` (engine.py:3218-3241): an optimizer step every
 *   `gradient_accumulation_steps` micro-batches of a counter that runs across epochs, so `E` epochs of
 *   `B` micro-batches make `floor(E · B / GA)` updates;
 * - `_set_batch_related_parameters` (config.py:929-973): `gradient_accumulation_steps` when given,
 *   else `train_batch_size // train_micro_batch_size_per_gpu // world_size` when both are given,
 *   else 1.
 *
 * @internal
 */
import * as E from 'fp-ts/lib/Either.js'
import { type ConfigError, formatValue } from '../../core/errors.js'
import type { AnyDefinition } from '../../internal/define.js'
import { type TrainerFacts, type TrainerFormat, type TrainerSchedule, isObject } from '../../internal/trainer.js'
import { TORCH_REFUSED, classArgs } from '../../internal/torchClass.js'

/** The torch.optim.lr_scheduler classes DeepSpeed can build from a config that this reader refuses, and why. */
const REFUSED: Readonly<Record<string, string>> = {
  ...TORCH_REFUSED,
  ReduceLROnPlateau:
    "DeepSpeed's engine steps it without a metric, and then with train_batch_size() as the metric (engine.py:3338-3343): it would reduce on a constant; use a trainer that passes the validation loss"
}

/** Optimizers of a ds_config (`optimizer.type`, lower-cased) without `betas`: DeepSpeed's OneCycle does not cycle momentum with them. */
const WITHOUT_BETAS = new Set(['sgd', 'musgd', 'adagrad', 'rmsprop'])

/**
 * The reader, for DeepSpeed's definitions (`deepspeed.<class>`) and PyTorch's (the torch fallback).
 *
 * @internal
 */
export const dsConfigFormat = (deepspeed: ReadonlyArray<AnyDefinition>, torch: ReadonlyArray<AnyDefinition>): TrainerFormat => ({
  name: 'deepspeed',
  title: "a DeepSpeed ds_config (its scheduler block: DeepSpeed 0.19.5's schedulers or torch.optim.lr_scheduler's)",
  facts: ['trainBatches', 'worldSize', 'epochs', 'lr'],
  read: (file, facts) => read(deepspeed, torch, file, facts)
})

const read = (
  deepspeed: ReadonlyArray<AnyDefinition>,
  torch: ReadonlyArray<AnyDefinition>,
  file: unknown,
  facts: TrainerFacts
): E.Either<ReadonlyArray<ConfigError>, TrainerSchedule> => {
  const errors: ConfigError[] = []
  const problem = (path: string, message: string, value: unknown): void => void errors.push({ path, message, value })
  if (!isObject(file)) return E.left([{ path: 'file', message: `expected a ds_config: an object with a scheduler block, got ${formatValue(file)}`, value: file }])

  // "auto" is transformers' placeholder, filled by its Trainer (integrations/deepspeed.py)
  const auto = '"auto" is filled in by transformers\' Trainer: read the TrainingArguments that name this file (--from hf), or write the number'
  if (file['scheduler'] === undefined || file['scheduler'] === null) {
    problem('scheduler', "missing: without a scheduler block DeepSpeed keeps the optimizer's lr (there is no schedule to trace)", file['scheduler'])
    return E.left(errors)
  }
  const blocks = readDsBlocks(deepspeed, torch, file, { at: '', auto, problem })
  if (blocks === undefined) return E.left(errors)
  const { config, keys, derived, lr: fileLr } = blocks
  if (fileLr !== undefined && facts.lr !== undefined) problem('--lr', `the file sets optimizer.params.lr (${fileLr}): give one or the other`, facts.lr)
  const lr = facts.lr ?? (fileLr === undefined ? undefined : [fileLr])
  if (lr !== undefined) derived.push(facts.lr !== undefined ? `lr: ${facts.lr.join(', ')} (--lr)` : `lr: ${fileLr as number} (optimizer.params.lr)`)

  // the updates: E epochs of B micro-batches, an optimizer step every GA of them
  let updates: number | undefined
  const { trainBatches, epochs } = facts
  if (trainBatches !== undefined || epochs !== undefined) {
    if (trainBatches === undefined) problem('--train-batches', 'needed with --epochs: the micro-batches of an epoch per process', undefined)
    if (epochs === undefined) problem('--epochs', 'needed with --train-batches: DeepSpeed has no epochs of its own (the training script loops over them)', undefined)
    else if (!Number.isSafeInteger(epochs)) problem('--epochs', `expected a whole number of epochs (the script loops over them), got ${epochs}`, epochs)
    const ga = accumulation(file, facts, problem, derived)
    if (trainBatches !== undefined && epochs !== undefined && Number.isSafeInteger(epochs) && ga !== undefined) {
      updates = Math.floor((epochs * trainBatches) / ga)
      derived.push(`updates: ${updates} = floor(${epochs} × ${trainBatches} / ${ga}) (an optimizer step every ${ga} micro-batches, counted across epochs)`)
    }
  }
  if (errors.length > 0) return E.left(errors)
  return E.right({ config: config as TrainerSchedule['config'], keys, lr, updates, dialect: undefined, derived })
}

/** What a ds_config's `scheduler` and `optimizer` blocks make: the schedule's config, the file's key of each argument, the derived lines, the optimizer's lr. */
export interface DsBlocks {
  readonly config: Record<string, unknown>
  readonly keys: Record<string, string>
  readonly derived: string[]
  /** `optimizer.params.lr`, when the file has one. */
  readonly lr: number | undefined
}

/**
 * Reads the `scheduler` block (there is one) and the `optimizer` block of a ds_config into the
 * schedule DeepSpeed builds (engine.py:1557-1570): shared by the `deepspeed` reader and the `hf`
 * reader's `deepspeed` key. Errors go to `problem`, their paths prefixed with `at`; an `"auto"`
 * left in either block is an error saying `auto`. Undefined when the schedule cannot be built.
 *
 * @internal
 */
export const readDsBlocks = (
  deepspeed: ReadonlyArray<AnyDefinition>,
  torch: ReadonlyArray<AnyDefinition>,
  file: Readonly<Record<string, unknown>>,
  options: { readonly at: string; readonly auto: string; readonly problem: (path: string, message: string, value: unknown) => void }
): DsBlocks | undefined => {
  const { at, problem } = options
  const isAuto = (path: string, v: unknown): boolean => {
    if (v !== 'auto') return false
    problem(at + path, options.auto, v)
    return true
  }
  const derived: string[] = []
  const block = file['scheduler']
  if (!isObject(block)) {
    problem(`${at}scheduler`, `expected {"type": ..., "params": {...}}, got ${formatValue(block)}`, block)
    return undefined
  }
  for (const k of Object.keys(block)) if (k !== 'type' && k !== 'params') problem(`${at}scheduler.${k}`, 'not a key of the scheduler block (it has type and params)', block[k])
  const type = block['type']
  const params = block['params'] ?? {}
  if (!isObject(params)) problem(`${at}scheduler.params`, `expected an object of the scheduler's arguments, got ${formatValue(params)}`, params)
  const own = deepspeed.find((d) => d.type === `deepspeed.${String(type)}`)
  const fallback = own === undefined ? torch.find((d) => d.type === type) : undefined
  if (typeof type !== 'string') problem(`${at}scheduler.type`, `expected a scheduler's class name, got ${formatValue(type)}`, type)
  else if (own === undefined && REFUSED[type] !== undefined) problem(`${at}scheduler.type`, `torch's ${type} is not read: ${REFUSED[type] as string}`, type)
  else if (own === undefined && fallback === undefined)
    problem(
      `${at}scheduler.type`,
      `expected one of DeepSpeed's ${deepspeed.map((d) => d.type.slice('deepspeed.'.length)).join(', ')} or a torch.optim.lr_scheduler class (${torch
        .map((d) => d.type)
        .filter((t) => REFUSED[t] === undefined)
        .join(', ')}), got ${formatValue(type)} (DeepSpeed: "does not recognize LR scheduler")`,
      type
    )
  const definition = own ?? fallback
  if (definition === undefined || !isObject(params)) return undefined
  derived.push(`schedule: ${definition.type} (${at}scheduler.type ${String(type)}${own === undefined ? ', from torch.optim.lr_scheduler' : ''})`)
  const { config, keys } = classArgs(
    definition,
    params,
    `${at}scheduler.params`,
    `${own === undefined ? "torch's" : "DeepSpeed's"} ${String(type)}`,
    own === undefined ? 'last_epoch' : 'last_batch_iteration',
    problem,
    (path, v) => {
      if (v !== 'auto') return false
      problem(path, options.auto, v)
      return true
    }
  )

  // the optimizer block: the lr, and whether it has betas
  const optimizer = file['optimizer']
  let lr: number | undefined
  if (optimizer !== undefined && optimizer !== null) {
    if (!isObject(optimizer)) problem(`${at}optimizer`, `expected {"type": ..., "params": {...}}, got ${formatValue(optimizer)}`, optimizer)
    else {
      const op = optimizer['params']
      const v = isObject(op) ? op['lr'] : undefined
      if (v !== undefined && !isAuto('optimizer.params.lr', v)) {
        if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) problem(`${at}optimizer.params.lr`, `expected a finite number >= 0, got ${formatValue(v)}`, v)
        else lr = v
      }
      const name = optimizer['type']
      if (typeof name === 'string') withoutBetas(config, !WITHOUT_BETAS.has(name.toLowerCase()), `${at}optimizer ${name}`, derived)
    }
  }
  return { config, keys, derived, lr }
}

/**
 * OneCycle does not cycle momentum with an optimizer that has no betas (lr_schedules.py:519-525:
 * DeepSpeed turns `cycle_momentum` off): sets it off in `config` when `betas` is false, with a
 * derived line naming the optimizer, `via`.
 *
 * @internal
 */
export const withoutBetas = (config: Record<string, unknown>, betas: boolean, via: string, derived: string[]): void => {
  if (config['type'] === 'deepspeed.OneCycle' && !betas && config['cycleMomentum'] !== false) {
    config['cycleMomentum'] = false
    derived.push(`cycle_momentum: false (${via} has no betas: DeepSpeed turns it off)`)
  }
}

/** DeepSpeed's gradient accumulation steps (config.py:929-973), or undefined after an error. */
const accumulation = (
  file: Readonly<Record<string, unknown>>,
  facts: TrainerFacts,
  problem: (path: string, message: string, value: unknown) => void,
  derived: string[]
): number | undefined => {
  const count = (k: string): number | undefined | null => {
    const v = file[k]
    if (v === undefined || v === null) return undefined
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 1) {
      problem(k, v === 'auto' ? '"auto" is filled in by transformers\' Trainer: read the TrainingArguments (--from hf), or write the number' : `expected an integer >= 1, got ${formatValue(v)}`, v)
      return null
    }
    return v
  }
  const ga = count('gradient_accumulation_steps')
  const train = count('train_batch_size')
  const micro = count('train_micro_batch_size_per_gpu')
  if (ga === null || train === null || micro === null) return undefined
  if (ga !== undefined) {
    // config.py:912-927: the three must agree with the world size
    if (train !== undefined && micro !== undefined && facts.worldSize !== undefined && train !== micro * ga * facts.worldSize) {
      problem('train_batch_size', `${train} is not train_micro_batch_size_per_gpu × gradient_accumulation_steps × world size (${micro} × ${ga} × ${facts.worldSize}; DeepSpeed: "Check batch related parameters")`, train)
      return undefined
    }
    derived.push(`gradient accumulation: ${ga} (gradient_accumulation_steps)`)
    return ga
  }
  if (train !== undefined && micro !== undefined) {
    if (facts.worldSize === undefined) {
      problem('--world-size', `needed: gradient_accumulation_steps is train_batch_size // train_micro_batch_size_per_gpu // world size (${train} // ${micro} // ?)`, undefined)
      return undefined
    }
    const g = Math.floor(Math.floor(train / micro) / facts.worldSize)
    if (g < 1) {
      problem('train_batch_size', `gives gradient_accumulation_steps ${g} = ${train} // ${micro} // ${facts.worldSize} (DeepSpeed: "has to be greater than 0")`, train)
      return undefined
    }
    derived.push(`gradient accumulation: ${g} = ${train} // ${micro} // ${facts.worldSize} (train_batch_size // train_micro_batch_size_per_gpu // world size)`)
    return g
  }
  if (train === undefined && micro === undefined) {
    problem('train_batch_size', 'missing: DeepSpeed needs train_batch_size or train_micro_batch_size_per_gpu (config.py:971)', undefined)
    return undefined
  }
  derived.push("gradient accumulation: 1 (DeepSpeed's default without gradient_accumulation_steps)")
  return 1
}
