/**
 * The `timm` reader of trainers' config files: timm's train.py `args.yaml` (what a run writes:
 * `yaml.safe_dump(args.__dict__)`, train.py:474) or a `-c` config of train.py's arguments, into the
 * `timm.<sched>` schedule that `create_scheduler_v2(optimizer, **scheduler_kwargs(args),
 * updates_per_epoch=...)` builds, traced per optimizer update, with the epochs it returns.
 *
 * timm 1.0.29 (timm/scheduler/scheduler_factory.py; train.py read at commit aa4b5850 of
 * huggingface/pytorch-image-models, 1.0.29.dev0, whose timm/scheduler is 1.0.29's):
 * - a key the file leaves out has train.py's default (`parser.set_defaults(**cfg)`, train.py:467;
 *   the defaults at train.py:214-265);
 * - the lr: `lr`, else (`if not args.lr`, train.py:837-845) `lr_base · ratio` with `ratio =
 *   batch_size · world_size · grad_accum_steps / lr_base_size`, square-rooted when `lr_base_scale`
 *   is `sqrt` (or empty and `opt` contains `ada` or `lamb`);
 * - `grad_accum_steps = max(1, grad_accum_steps)` (train.py:500); `updates_per_epoch =
 *   (len(loader_train) + grad_accum_steps - 1) // grad_accum_steps` (train.py:1079);
 * - `create_scheduler_v2` (scheduler_factory.py:88-99): `t_initial = epochs`, `warmup_t =
 *   warmup_epochs`, `decay_t = decay_epochs`, the milestones and `cooldown_t = cooldown_epochs`,
 *   each times `updates_per_epoch` with `sched_on_updates` (`step_on_epochs` false); the classes and
 *   their arguments at scheduler_factory.py:133-196 (poly's power is `decay_rate`, plateau's
 *   cooldown 0, its mode `min` when the eval metric is the loss, train.py:1032-1033);
 * - the epochs (scheduler_factory.py:198-208): for cosine, tanh and poly `get_cycle_length() +
 *   cooldown_t` (cosine_lr.py:111-117: `t_initial · max(1, cycle_limit)` cycles, or the geometric
 *   sum with `cycle_mul ≠ 1`, plus `warmup_t` with `warmup_prefix`), `// updates_per_epoch` with
 *   `sched_on_updates`; else `epochs`, plus `warmup_epochs` with `warmup_prefix`;
 * - the steps (train.py:1108-1201, 1391-1439): `step_update(num_updates)` after every update,
 *   `step(epoch + 1, metric)` at every epoch's end; the constructor's lr (scheduler.py:59, the
 *   warmup's `warmup_lr_init`) is update 0's. Per epoch, every update of epoch e runs at timm's lr
 *   for t = e (`updatesPerEpoch`); per update, update k at t = k; plateau, under `Every`, steps
 *   after every epoch's last update on that update's metric.
 *
 * @internal
 */
import * as E from 'fp-ts/lib/Either.js'
import { type ConfigError, formatValue } from '../../core/errors.js'
import { type TrainerFacts, type TrainerFormat, type TrainerSchedule, isObject } from '../../internal/trainer.js'
import { TRAIN_PY_ARGS } from './argsYamlKeys.js'

/** The schedules create_scheduler_v2 builds (scheduler_factory.py:133-196). */
const SCHEDS = ['cosine', 'tanh', 'step', 'multistep', 'plateau', 'poly'] as const
type Sched = (typeof SCHEDS)[number]

/** Constructor arguments of timm's schedulers (and create_scheduler_v2's) that are not train.py's: the train.py key that sets each. */
const NOT_TRAIN_PY: Readonly<Record<string, string>> = {
  t_initial: 'epochs',
  num_epochs: 'epochs',
  warmup_t: 'warmup_epochs',
  warmup_lr_init: 'warmup_lr',
  lr_min: 'min_lr',
  cycle_mul: 'lr_cycle_mul',
  cycle_decay: 'lr_cycle_decay',
  cycle_limit: 'lr_cycle_limit',
  k_decay: 'lr_k_decay',
  decay_t: 'decay_epochs',
  patience_t: 'patience_epochs',
  cooldown_t: 'cooldown_epochs',
  power: 'decay_rate',
  noise_range_t: 'lr_noise',
  noise_pct: 'lr_noise_pct',
  noise_seed: 'seed',
  step_on_epochs: 'sched_on_updates',
  t_in_epochs: 'sched_on_updates',
  updates_per_epoch: '--train-batches'
}

/** The arguments create_scheduler_v2 passes to each schedule only (beyond the shared ones): a non-default value elsewhere is unused. */
const ONLY_FOR: ReadonlyArray<readonly [string, unknown, ReadonlyArray<Sched>]> = [
  ['lr_k_decay', 1, ['cosine', 'poly']],
  ['lr_cycle_mul', 1, ['cosine', 'tanh', 'poly']],
  ['lr_cycle_decay', 0.5, ['cosine', 'tanh', 'poly']],
  ['lr_cycle_limit', 1, ['cosine', 'tanh', 'poly']],
  ['cooldown_epochs', 0, ['cosine', 'tanh', 'poly']],
  ['decay_epochs', 90, ['step']],
  ['patience_epochs', 10, ['plateau']],
  ['decay_rate', 0.1, ['step', 'multistep', 'plateau', 'poly']],
  ['decay_milestones', [90, 180, 270], ['multistep']]
]

/** The reader (`--from timm`). */
export const argsYamlFormat: TrainerFormat = {
  name: 'timm',
  title: "timm's train.py args.yaml or -c config (timm 1.0.29's create_scheduler_v2)",
  facts: ['trainBatches', 'worldSize'],
  read: (file, facts) => read(file, facts)
}

const read = (file: unknown, facts: TrainerFacts): E.Either<ReadonlyArray<ConfigError>, TrainerSchedule> => {
  const errors: ConfigError[] = []
  const problem = (path: string, message: string, value: unknown): void => void errors.push({ path, message, value })
  if (!isObject(file)) return E.left([{ path: 'file', message: `expected train.py's arguments as an object of their keys (args.yaml), got ${formatValue(file)}`, value: file }])
  const o = file
  const own = (k: string): boolean => Object.prototype.hasOwnProperty.call(o, k)
  const known = new Set(TRAIN_PY_ARGS)
  for (const k of Object.keys(o))
    if (!known.has(k))
      problem(
        k,
        `not an argument of timm's train.py (1.0.29)${NOT_TRAIN_PY[k] === undefined ? '' : `: ${k} is a scheduler's argument, which train.py sets from ${NOT_TRAIN_PY[k] as string}`}`,
        o[k]
      )

  // the values train.py reads, with its defaults (train.py:214-265); set_defaults does not convert types
  const value = <T>(k: string, fallback: T, check: (x: unknown) => boolean, expected: string): T => {
    if (!own(k)) return fallback
    const x = o[k]
    if (!check(x)) {
      problem(k, `expected ${expected}, got ${formatValue(x)}`, x)
      return fallback
    }
    return x as T
  }
  const int = (min: number) => (x: unknown) => typeof x === 'number' && Number.isSafeInteger(x) && x >= min
  const num = (min: number) => (x: unknown) => typeof x === 'number' && Number.isFinite(x) && x >= min
  const bool = (x: unknown): boolean => typeof x === 'boolean'
  const str = (x: unknown): boolean => typeof x === 'string'

  const sched = value<unknown>('sched', 'cosine', () => true, '')
  const epochs = value<number>('epochs', 300, int(1), 'an integer >= 1')
  const decayEpochs = value<number>('decay_epochs', 90, (x) => typeof x === 'number' && Number.isFinite(x) && x > 0, 'a number > 0')
  const milestones = value<ReadonlyArray<number>>('decay_milestones', [90, 180, 270], (x) => Array.isArray(x) && x.length > 0 && x.every(int(0)), 'a list of integers >= 0')
  const warmupEpochs = value<number>('warmup_epochs', 5, int(0), 'an integer >= 0')
  const cooldownEpochs = value<number>('cooldown_epochs', 0, int(0), 'an integer >= 0')
  const patienceEpochs = value<number>('patience_epochs', 10, int(0), 'an integer >= 0')
  const decayRate = value<number>('decay_rate', 0.1, num(0), 'a number >= 0')
  const minLr = value<number>('min_lr', 0, num(0), 'a number >= 0')
  const warmupLr = value<number>('warmup_lr', 1e-5, num(0), 'a number >= 0')
  const warmupPrefix = value<boolean>('warmup_prefix', false, bool, 'true or false')
  const onUpdates = value<boolean>('sched_on_updates', false, bool, 'true or false')
  const cycleMul = value<number>('lr_cycle_mul', 1, (x) => typeof x === 'number' && Number.isFinite(x) && x > 0, 'a number > 0')
  const cycleDecay = value<number>('lr_cycle_decay', 0.5, num(0), 'a number >= 0')
  const cycleLimit = value<number>('lr_cycle_limit', 1, int(0), 'an integer >= 0')
  const kDecay = value<number>('lr_k_decay', 1, (x) => typeof x === 'number' && Number.isFinite(x) && x > 0, 'a number > 0')
  const lrFile = value<number | null>('lr', null, (x) => x === null || num(0)(x), 'a number >= 0, or null (from lr_base)')
  const lrBase = value<number>('lr_base', 0.1, num(0), 'a number >= 0')
  const lrBaseSize = value<number>('lr_base_size', 256, int(1), 'an integer >= 1')
  const lrBaseScale = value<string>('lr_base_scale', '', (x) => x === '' || x === 'linear' || x === 'sqrt', '"linear", "sqrt" or "" (by opt)')
  const opt = value<string>('opt', 'sgd', str, "an optimizer's name")
  const batchSize = value<number>('batch_size', 128, int(1), 'an integer >= 1')
  const gradAccum = value<number>('grad_accum_steps', 1, (x) => typeof x === 'number' && Number.isSafeInteger(x), 'an integer')
  const valInterval = value<number>('val_interval', 1, int(1), 'an integer >= 1')
  const valSplit = value<unknown>('val_split', 'validation', () => true, '')
  const evalMetric = value<string>('eval_metric', 'top1', str, "a metric's name")

  // what this reader does not reproduce
  const refuse = (k: string, isSet: (x: unknown) => boolean, why: string): void => {
    if (own(k) && isSet(o[k])) problem(k, why, o[k])
  }
  refuse(
    'lr_noise',
    (x) => x !== null,
    "lr noise is not read: timm draws it from torch's generator (scheduler.py:116-127), which lr-schedule does not reproduce (timm.cosine's noiseRangeT is lr-schedule's own seeded noise); remove it (null) to trace the schedule without noise"
  )
  refuse('layer_decay', (x) => x !== null, "layer-wise lr decay is not read: each param group's lr is scaled by its layer's lr_scale (scheduler.py:95-96), which depends on the model")
  refuse('start_epoch', (x) => x !== null && x !== 0, 'a resumed run is not read: trace from epoch 0 (start_epoch null)')
  refuse('resume', (x) => x !== '' && x !== null, "a resumed run is not read: its start epoch is in the checkpoint (train.py:986-1090); trace from epoch 0 (resume '')")
  const sch = typeof sched === 'string' && (SCHEDS as ReadonlyArray<string>).includes(sched) ? (sched as Sched) : undefined
  if (sch === undefined)
    problem(
      'sched',
      `expected one of ${SCHEDS.join(', ')} (create_scheduler_v2 builds no scheduler for any other, and train.py then fails at lr_scheduler.t_in_epochs, train.py:1104), got ${formatValue(sched)}`,
      sched
    )
  if (sch === 'plateau' && onUpdates) problem('sched_on_updates', "plateau steps per epoch only (scheduler_factory.py:173: 'Plateau LR only supports step per epoch.')", true)
  if (sch === 'plateau' && valInterval !== 1)
    problem('val_interval', `plateau with val_interval ${valInterval} is not read: train.py steps it without a metric on the epochs it does not validate (train.py:1138-1143)`, valInterval)

  // the facts
  const { trainBatches, worldSize } = facts
  if (trainBatches === undefined)
    problem('--train-batches', "needed: len(loader_train), the training dataloader's batches per epoch per process (updates_per_epoch = (len(loader_train) + grad_accum_steps - 1) // grad_accum_steps, train.py:1079)", undefined)
  const computeLr = lrFile === null || lrFile === 0
  if (computeLr && worldSize === undefined)
    problem('--world-size', `needed: lr is ${lrFile === null ? 'null' : '0'}, so train.py computes it from lr_base × batch_size × world size × grad_accum_steps / lr_base_size (train.py:837-845)`, undefined)
  if (computeLr) refuse('train_img_sizes', (x) => x !== null, "scheduled batch sizes are not read: train.py computes lr from the sampler's average batch size (train.py:824)")
  if (errors.length > 0) return E.left(errors)

  const derived: string[] = []
  const ga = Math.max(1, gradAccum)
  const scale = lrBaseScale === '' ? (['ada', 'lamb'].some((s) => opt.toLowerCase().includes(s)) ? 'sqrt' : 'linear') : lrBaseScale
  let lr: number
  if (computeLr) {
    const ws = worldSize as number
    const global = batchSize * ws * ga
    const ratio = global / lrBaseSize
    lr = lrBase * (scale === 'sqrt' ? Math.sqrt(ratio) : ratio)
    derived.push(
      `lr: ${lr} = ${lrBase} × ${scale === 'sqrt' ? `sqrt(${global} / ${lrBaseSize})` : `${global} / ${lrBaseSize}`} (lr ${lrFile === null ? 'null' : '0'}: lr_base × global batch / lr_base_size, ${scale} scaling${lrBaseScale === '' ? ` by opt ${opt}` : ''}; global batch ${global} = ${batchSize} × ${ws} × ${ga}, batch_size × world size × grad_accum_steps; train.py:837-845)`
    )
  } else {
    lr = lrFile as number
    derived.push(`lr: ${lr} (lr)`)
  }
  const n = trainBatches as number
  const u = Math.floor((n + ga - 1) / ga)
  derived.push(`updates per epoch: ${u} = (${n} + ${ga} - 1) // ${ga} (train.py:1079)`)

  // create_scheduler_v2's t's (scheduler_factory.py:88-99)
  const times = (x: number): number => (onUpdates ? x * u : x)
  const tOf = (name: string, key: string, x: number): number => {
    derived.push(onUpdates ? `${name}: ${x * u} updates = ${x} × ${u} (${key} × updates per epoch)` : `${name}: ${x} epochs (${key})`)
    return times(x)
  }
  const config: Record<string, unknown> = { type: `timm.${sch as Sched}` }
  const keys: Record<string, string> = {}
  const set = (arg: string, v: unknown, key: string): void => {
    config[arg] = v
    keys[arg] = key
  }
  derived.unshift(`schedule: timm.${sch as Sched} (sched ${sch as Sched}; stepped per ${onUpdates ? 'update (sched_on_updates)' : 'epoch: every update of epoch e runs at its lr for t = e'})`)
  for (const [k, fallback, takes] of ONLY_FOR)
    if (own(k) && JSON.stringify(o[k]) !== JSON.stringify(fallback) && !takes.includes(sch as Sched)) derived.push(`${k}: ${formatValue(o[k])} unused (create_scheduler_v2 gives it to ${takes.join(', ')} only)`)

  let epochsRun: number
  if (sch === 'cosine' || sch === 'tanh' || sch === 'poly') {
    const tInitial = tOf('t_initial', 'epochs', epochs)
    set('tInitial', tInitial, 'epochs')
    set('lrMin', minLr, 'min_lr')
    set('cycleMul', cycleMul, 'lr_cycle_mul')
    set('cycleDecay', cycleDecay, 'lr_cycle_decay')
    set('cycleLimit', cycleLimit, 'lr_cycle_limit')
    if (sch !== 'tanh') set('kDecay', kDecay, 'lr_k_decay')
    if (sch === 'poly') set('power', decayRate, 'decay_rate')
    const warmupT = warmupEpochs === 0 ? 0 : tOf('warmup_t', 'warmup_epochs', warmupEpochs)
    set('warmupT', warmupT, 'warmup_epochs')
    set('warmupLrInit', warmupLr, 'warmup_lr')
    set('warmupPrefix', warmupPrefix, 'warmup_prefix')
    // get_cycle_length (cosine_lr.py:111-117, tanh_lr.py, poly_lr.py alike)
    const cycles = Math.max(1, cycleLimit)
    const t = cycleMul === 1 ? tInitial * cycles : Math.trunc(Math.floor((-tInitial * (Math.pow(cycleMul, cycles) - 1)) / (1 - cycleMul)))
    const length = warmupPrefix ? t + warmupT : t
    const cooldownT = times(cooldownEpochs)
    const total = length + cooldownT
    epochsRun = onUpdates ? Math.floor(total / u) : total
    const parts = [
      cycleMul === 1 ? `${tInitial}${cycles > 1 ? ` × ${cycles} cycles` : ''}` : `floor(${tInitial} × (${cycleMul}^${cycles} − 1) / (${cycleMul} − 1)) (${cycles} cycles)`,
      ...(warmupPrefix ? [`${warmupT} (warmup_prefix)`] : []),
      ...(cooldownEpochs > 0 ? [`${cooldownT} (cooldown_epochs)`] : [])
    ]
    derived.push(
      onUpdates
        ? `epochs: ${epochsRun} = (${parts.join(' + ')}) // ${u} (scheduler_factory.py:198-205)`
        : `epochs: ${epochsRun} = ${parts.join(' + ')} (scheduler_factory.py:198-203)`
    )
  } else {
    if (sch === 'step') set('decayT', tOf('decay_t', 'decay_epochs', decayEpochs), 'decay_epochs')
    if (sch === 'multistep') {
      const ms = milestones.map(times)
      derived.push(onUpdates ? `decay_t: [${ms.join(', ')}] updates = [${milestones.join(', ')}] × ${u} (decay_milestones × updates per epoch)` : `decay_t: [${ms.join(', ')}] epochs (decay_milestones)`)
      set('decayT', ms, 'decay_milestones')
    }
    if (sch === 'step' || sch === 'multistep' || sch === 'plateau') set('decayRate', decayRate, 'decay_rate')
    const warmupT = warmupEpochs === 0 ? 0 : tOf('warmup_t', 'warmup_epochs', warmupEpochs)
    set('warmupT', warmupT, 'warmup_epochs')
    set('warmupLrInit', warmupLr, 'warmup_lr')
    if (sch === 'plateau') {
      set('patienceT', patienceEpochs, 'patience_epochs')
      set('lrMin', minLr, 'min_lr')
      // train.py:1032-1033: the eval metric with a validation split, else the loss
      const metric = typeof valSplit === 'string' && valSplit !== '' ? evalMetric : 'loss'
      set('mode', metric === 'loss' ? 'min' : 'max', 'eval_metric')
      derived.push(`mode: ${metric === 'loss' ? 'min' : 'max'} (the eval metric ${metric}${metric === evalMetric ? '' : ', without val_split'}; train.py:1032-1033)`)
    } else set('warmupPrefix', warmupPrefix, 'warmup_prefix')
    epochsRun = warmupPrefix ? epochs + warmupEpochs : epochs
    derived.push(warmupPrefix ? `epochs: ${epochsRun} = ${epochs} + ${warmupEpochs} (warmup_prefix; scheduler_factory.py:207-208)` : `epochs: ${epochsRun} (epochs)`)
  }
  if (sch !== 'plateau' && !onUpdates) set('updatesPerEpoch', u, '--train-batches')
  const updates = epochsRun * u
  derived.push(`updates: ${updates} = ${epochsRun} × ${u} (epochs × updates per epoch)`)
  if (sch === 'plateau') {
    // train.py:1201: step(epoch + 1, metric) after the epoch's last update, and step_update does
    // nothing to a plateau schedule: the preset stepped once every u updates, on that update's metric
    derived.push(`steps: after the last update of every epoch (train.py:1201), every ${u} updates, on the metric of that update (--metrics: one per update)`)
    const inner = config as TrainerSchedule['config']
    return E.right({
      config: { type: 'Every', period: u, at: [u - 1], scheduler: inner },
      keys: Object.fromEntries(Object.entries(keys).map(([k, v]) => [`scheduler.${k}`, v])),
      lr: [lr],
      updates,
      dialect: undefined,
      derived
    })
  }
  return E.right({ config: config as TrainerSchedule['config'], keys, lr: [lr], updates, dialect: undefined, derived })
}
