/**
 * Trainers' own config files in: a Hugging Face `TrainingArguments` file, a DeepSpeed ds_config,
 * a LightningCLI config, timm's train.py `args.yaml`, an LLM Foundry (Composer) training YAML or a
 * Keras schedule dict, read into the schedule the trainer builds, with the number of optimizer
 * updates it runs and every number it derives said in words.
 * The file is given parsed (JSON or YAML: the caller reads and parses it; the CLI does both).
 *
 * @since 0.2.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { type ConfigError, formatValue } from '../core/errors.js'
import type { AnyScheduler } from '../core/model.js'
import { FACT_FLAGS, type FactName, type TrainerFacts } from '../internal/trainer.js'
import { trainerFormats } from '../registry.js'
import { type DecodeContext, decodeSchedule } from './decode.js'

export type { TrainerFacts } from '../internal/trainer.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * What a trainer's config file makes: the schedule (built, and as our JSON config), the initial lr
 * of every param group, the optimizer updates the trainer runs, the dialect of the file and one
 * line per derived number.
 *
 * @example
 * import type { TrainerConfig } from 'lr-schedule'
 * const lines = (r: TrainerConfig) => r.derived // ['schedule: hf.cosine (lr_scheduler_type cosine)', ...]
 *
 * @category model
 * @since 0.2.0
 */
export interface TrainerConfig {
  readonly schedule: AnyScheduler
  /** Our declarative config of the schedule (what `lr-schedule resolve` prints). */
  readonly config: { readonly type: string } & Readonly<Record<string, unknown>>
  /** The initial lr of every param group: the file's, or the `lr` fact; undefined when neither says. */
  readonly lr: ReadonlyArray<number> | undefined
  /** The optimizer updates the trainer runs, when the file and the facts determine them. */
  readonly updates: number | undefined
  /** The version of the trainer's format the file is written in, where there are several. */
  readonly dialect: string | undefined
  /** One line per derived number (`warmup: 30 updates = ceil(0.03 × 1000)`). */
  readonly derived: ReadonlyArray<string>
}

// -------------------------------------------------------------------------------------
// reading
// -------------------------------------------------------------------------------------

/**
 * The formats `readTrainerConfig` reads: `--from` names and what files they are.
 *
 * @example
 * import { trainerConfigFormats } from 'lr-schedule'
 * trainerConfigFormats().map((f) => f.name) // ['hf', 'deepspeed', 'lightning', 'timm', 'composer', 'keras']
 *
 * @category reading
 * @since 0.2.0
 */
export const trainerConfigFormats = (): ReadonlyArray<{ readonly name: string; readonly title: string; readonly facts: ReadonlyArray<string> }> =>
  Object.values(trainerFormats).map((f) => ({ name: f.name, title: f.title, facts: f.facts.map((x) => FACT_FLAGS[x]) }))

/**
 * Reads a trainer's config file (parsed) of format `format` with the facts it needs: errors as
 * data, each naming the file's key (`lr_scheduler_kwargs.num_cycles`) or the fact's flag
 * (`--train-batches`).
 *
 * @example
 * import { readTrainerConfig } from 'lr-schedule'
 * const r = readTrainerConfig('hf', { lr_scheduler_type: 'cosine', warmup_steps: 0.1, num_train_epochs: 2 }, { trainBatches: 50 })
 * r._tag === 'Right' && r.right.updates // 100 (ceil(2 × 50))
 * r._tag === 'Right' && r.right.config // { type: 'hf.cosine', numWarmupSteps: 10, numTrainingSteps: 100 }
 *
 * @category reading
 * @since 0.2.0
 */
export const readTrainerConfig = (
  format: string,
  file: unknown,
  facts: TrainerFacts = {},
  ctx: Pick<DecodeContext, 'functions'> = {}
): E.Either<ReadonlyArray<ConfigError>, TrainerConfig> => {
  const reader = Object.prototype.hasOwnProperty.call(trainerFormats, format) ? trainerFormats[format] : undefined
  if (reader === undefined)
    return E.left([{ path: '--from', message: `expected one of ${Object.keys(trainerFormats).join(', ')}, got ${formatValue(format)}`, value: format }])
  const errors: ConfigError[] = []
  for (const [k, v] of Object.entries(facts) as ReadonlyArray<[FactName, unknown]>) {
    if (v === undefined) continue
    const flag = FACT_FLAGS[k]
    if (flag === undefined) errors.push({ path: k, message: `not a fact (the facts are ${Object.keys(FACT_FLAGS).join(', ')})`, value: v })
    else if (!reader.facts.includes(k))
      errors.push({ path: flag, message: `the ${format} format does not use it (it reads ${reader.facts.map((f) => FACT_FLAGS[f]).join(', ') || 'no flags'})`, value: v })
    else if (k === 'lr') {
      if (!Array.isArray(v) || v.length === 0 || !v.every((x) => typeof x === 'number' && Number.isFinite(x) && x >= 0))
        errors.push({ path: flag, message: `expected finite numbers >= 0, one per param group, got ${formatValue(v)}`, value: v })
    } else if (k === 'epochs') {
      if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) errors.push({ path: flag, message: `expected a finite number > 0, got ${formatValue(v)}`, value: v })
    } else if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 1) errors.push({ path: flag, message: `expected an integer >= 1, got ${formatValue(v)}`, value: v })
  }
  if (errors.length > 0) return E.left(errors)
  const read = reader.read(file, facts)
  if (E.isLeft(read)) return read
  const { config, keys, lr, updates, dialect, derived } = read.right
  const decoded = decodeSchedule(config, lr === undefined ? ctx : { ...ctx, groups: lr.length })
  if (E.isLeft(decoded))
    // our argument's path, as the file's key
    return E.left(
      decoded.left.map((e) => {
        // the longest of our paths (`scheduler.tMax` inside an Every) the error's path starts with
        const ours = Object.keys(keys)
          .filter((k) => e.path === k || e.path.startsWith(`${k}.`) || e.path.startsWith(`${k}[`))
          .sort((a, b) => b.length - a.length)[0]
        return ours === undefined ? e : { ...e, path: `${keys[ours] as string}${e.path.slice(ours.length)}` }
      })
    )
  return E.right({ schedule: decoded.right, config, lr, updates, dialect, derived })
}
