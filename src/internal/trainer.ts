/**
 * Trainers' own config files (a Hugging Face `TrainingArguments` file, a `ds_config.json`, a
 * LightningCLI YAML, …): what a format's reader is given and what it gives back. A reader turns a
 * parsed file (JSON or YAML, parsed by the caller: no I/O here) and the facts it depends on into
 * one of our schedules — a config of the declarative format — with the numbers it derived said in
 * words, the way the trainer derives them. The registry lists the readers by format name.
 *
 * @internal
 */
import type * as E from 'fp-ts/lib/Either.js'
import type { ConfigError } from '../core/errors.js'

/**
 * The facts a file may not hold, given on the command line (or by a caller): `trainBatches`, the
 * training dataloader's batches per epoch per process (`len(train_dataloader)`); `worldSize`, the
 * processes; `epochs`; `lr`, the initial lr of every param group where the file has none.
 *
 * @example
 * import type { TrainerFacts } from 'lr-schedule'
 * const facts: TrainerFacts = { trainBatches: 1000, lr: [3e-4] }
 *
 * @category model
 * @since 0.2.0
 */
export interface TrainerFacts {
  readonly trainBatches?: number
  readonly worldSize?: number
  readonly epochs?: number
  readonly lr?: ReadonlyArray<number>
}

/** The name of a fact. */
export type FactName = keyof TrainerFacts

/** The command-line flag of every fact (errors name facts by their flag). */
export const FACT_FLAGS: Readonly<Record<FactName, string>> = {
  trainBatches: '--train-batches',
  worldSize: '--world-size',
  epochs: '--epochs',
  lr: '--lr'
}

/** What a reader makes of a file: our config, the groups' lrs, the trainer's number of updates, and how it got them. */
export interface TrainerSchedule {
  /** The schedule, in the declarative format (canonical JSON, `type` first). */
  readonly config: { readonly type: string } & Readonly<Record<string, unknown>>
  /** Where each argument of `config` came from in the file (`numCycles` → `lr_scheduler_kwargs.num_cycles`), to name the file's key in errors. */
  readonly keys: Readonly<Record<string, string>>
  /** The initial lr of every param group (the file's, or `--lr`), when known. */
  readonly lr: ReadonlyArray<number> | undefined
  /** The optimizer updates the trainer runs (the default `--steps`), when the file and facts determine it. */
  readonly updates: number | undefined
  /** Which version of the trainer's format the file is written in, when there are several (`transformers 5.x`). */
  readonly dialect: string | undefined
  /** One line per derived number, e.g. `warmup: 30 updates = ceil(0.03 × 1000)`. */
  readonly derived: ReadonlyArray<string>
}

/** A format's reader. */
export interface TrainerFormat {
  /** The `--from` name: `hf`, `deepspeed`, `lightning`, `timm`, `composer`, `keras`. */
  readonly name: string
  /** What files it reads, in a few words (`Hugging Face TrainingArguments (transformers 5.18; 4.57's dialect)`). */
  readonly title: string
  /** The facts it may use; any other fact given is an error naming its flag. */
  readonly facts: ReadonlyArray<FactName>
  /** Reads a parsed file: errors as data, each naming the file's key (or a fact's flag). */
  readonly read: (file: unknown, facts: TrainerFacts) => E.Either<ReadonlyArray<ConfigError>, TrainerSchedule>
}

/** Whether a parsed value is an object of keys (not null, not an array): what a reader checks every block of a file is. */
export const isObject = (u: unknown): u is Readonly<Record<string, unknown>> => typeof u === 'object' && u !== null && !Array.isArray(u)
