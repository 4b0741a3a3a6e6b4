/**
 * The registry: every schedule the declarative format knows, by its `type`, and every input
 * translator (another library's own way of writing a schedule, such as Keras's
 * `get_config()`/`serialize()` dicts). The decoder, the encoder, the CLI and the docs read it;
 * nothing below it imports it.
 *
 * @since 0.2.0
 */
import type * as t from 'io-ts'
import type { ConfigError } from './core/errors.js'
import type { AnyScheduler } from './core/model.js'
import * as E from 'fp-ts/lib/Either.js'
import type { AnyDefinition, Resolve } from './internal/define.js'
import { ConstantLR } from './schedulers/ConstantLR.js'
import { CosineAnnealingLR } from './schedulers/CosineAnnealingLR.js'
import { CosineAnnealingWarmRestarts } from './schedulers/CosineAnnealingWarmRestarts.js'
import { CyclicLR } from './schedulers/CyclicLR.js'
import { ExponentialLR } from './schedulers/ExponentialLR.js'
import { LambdaLR } from './schedulers/LambdaLR.js'
import { LinearLR } from './schedulers/LinearLR.js'
import { MultiStepLR } from './schedulers/MultiStepLR.js'
import { MultiplicativeLR } from './schedulers/MultiplicativeLR.js'
import { OneCycleLR } from './schedulers/OneCycleLR.js'
import { PolynomialLR } from './schedulers/PolynomialLR.js'
import { ReduceLROnPlateau } from './schedulers/ReduceLROnPlateau.js'
import { StepLR } from './schedulers/StepLR.js'
import { definitions as fairseqDefinitions } from './presets/fairseq/definitions.js'
import { definitions as deepspeedDefinitions } from './presets/deepspeed/definitions.js'
import { definitions as composerDefinitions } from './presets/composer/definitions.js'
import { SWALR } from './schedulers/SWALR.js'
import { definitions as hfDefinitions } from './presets/hf/definitions.js'
import { definitions as kerasDefinitions } from './presets/keras/definitions.js'
import { fromKerasConfig } from './presets/keras/getConfig.js'
import { definitions as optaxDefinitions } from './presets/optax/definitions.js'
import { definitions as timmDefinitions } from './presets/timm/definitions.js'
import { trainingArgumentsFormat } from './presets/hf/trainingArguments.js'
import { dsConfigFormat } from './presets/deepspeed/dsConfig.js'
import { lightningFormat } from './presets/lightning/lightningConfig.js'
import { argsYamlFormat } from './presets/timm/argsYaml.js'
import { yamlConfigFormat } from './presets/composer/yamlConfig.js'
import type { TrainerFormat } from './internal/trainer.js'
import { definitions as fastaiDefinitions } from './presets/fastai/definitions.js'
import { definitions as nemoDefinitions } from './presets/nemo/definitions.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * A schedule of the declarative format: its config codec and how to build it (a definition is one).
 *
 * @internal
 */
export interface Entry {
  readonly codec: t.Type<any, any, unknown> & { readonly perGroupKeys?: ReadonlyArray<string> }
  /** Builds the scheduler from a decoded config; `resolve` resolves function names. */
  readonly build: (config: any, resolve: Resolve) => AnyScheduler
  /** The config keys that name functions (encoded back to names). */
  readonly functionKeys?: ReadonlyArray<string>
}

/**
 * An input translator: recognises another library's way of writing a schedule and translates it
 * into a config of ours (errors as data, with paths).
 *
 * @internal
 */
export interface Translator {
  readonly name: string
  readonly detects: (u: Readonly<Record<string, unknown>>) => boolean
  readonly translate: (u: Readonly<Record<string, unknown>>) => E.Either<ReadonlyArray<ConfigError>, unknown>
}

// -------------------------------------------------------------------------------------
// the registry
// -------------------------------------------------------------------------------------

/** Definitions by their type. */
const byType = (definitions: ReadonlyArray<AnyDefinition>): Readonly<Record<string, Entry>> =>
  Object.fromEntries(definitions.map((d) => [d.type, d]))

/** The PyTorch family's definitions (in this order in error messages). @internal */
const pytorchDefinitions: ReadonlyArray<AnyDefinition> = [
  StepLR,
  MultiStepLR,
  ConstantLR,
  LinearLR,
  ExponentialLR,
  PolynomialLR,
  CosineAnnealingLR,
  CosineAnnealingWarmRestarts,
  CyclicLR,
  OneCycleLR,
  ReduceLROnPlateau,
  LambdaLR,
  MultiplicativeLR,
  SWALR
] as ReadonlyArray<AnyDefinition>

/** The PyTorch family's definitions, by `type`. @internal */
const pytorch: Readonly<Record<string, Entry>> = byType(pytorchDefinitions)

/**
 * Every schedule the declarative format knows but the composites, by `type`.
 *
 * @internal
 */
export const entries: Readonly<Record<string, Entry>> = {
  ...pytorch,
  ...byType(optaxDefinitions),
  ...byType(kerasDefinitions),
  ...byType(hfDefinitions),
  ...byType(timmDefinitions),
  ...byType(fastaiDefinitions),
  ...byType(fairseqDefinitions),
  ...byType(deepspeedDefinitions),
  ...byType(nemoDefinitions),
  ...byType(composerDefinitions)
}

/** The composites, decoded by the decoder itself (their children are schedules). @internal */
export const compositeTypes = ['SequentialLR', 'ChainedScheduler', 'Every'] as const

/** The PyTorch family's types, its composites included. @internal */
export const pytorchTypes: ReadonlyArray<string> = [...Object.keys(pytorch), 'SequentialLR', 'ChainedScheduler']

/**
 * Every input translator, tried in order on a config without a `type`.
 *
 * @internal
 */
export const translators: ReadonlyArray<Translator> = [
  { name: 'keras', detects: (u) => 'class_name' in u, translate: (u) => fromKerasConfig(u) }
]

/** The torch.optim.lr_scheduler classes a ds_config's scheduler block is read with (DeepSpeed's fallback), for both readers. */
const torchFallbacks: ReadonlyArray<AnyDefinition> = pytorchDefinitions.filter((d) => d.type !== 'SWALR')

/**
 * The readers of trainers' config files, by their `--from` name (`hf`: TrainingArguments; `keras`:
 * a schedule's `serialize()`/`get_config()` dict, the translator above as a file format).
 *
 * @internal
 */
export const trainerFormats: Readonly<Record<string, TrainerFormat>> = {
  hf: trainingArgumentsFormat(hfDefinitions, deepspeedDefinitions, torchFallbacks),
  deepspeed: dsConfigFormat(deepspeedDefinitions, torchFallbacks),
  lightning: lightningFormat(pytorchDefinitions),
  timm: argsYamlFormat,
  composer: yamlConfigFormat(composerDefinitions),
  keras: {
    name: 'keras',
    title: "a Keras schedule's serialize() or get_config() dict (Keras 3.15)",
    facts: ['lr'],
    read: (file, facts) =>
      E.map((config: { readonly type: string }) => ({
        config,
        keys: {},
        lr: facts.lr,
        updates: undefined,
        dialect: undefined,
        derived: [`schedule: ${config.type} (class_name ${String((file as Record<string, unknown>)['class_name'])})`]
      }))(fromKerasConfig(file) as E.Either<ReadonlyArray<ConfigError>, { readonly type: string }>)
  }
}

/**
 * The scheduler types the declarative format knows.
 *
 * @example
 * import { schedulerTypes } from 'lr-schedule'
 * schedulerTypes().includes('SequentialLR') // true
 *
 * @category registry
 * @since 0.1.0
 */
export const schedulerTypes = (): ReadonlyArray<string> => [...Object.keys(entries), ...compositeTypes]
