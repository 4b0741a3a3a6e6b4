/**
 * TensorFlow.js adapter (`lr-schedule/tfjs`): drives a tfjs optimizer from any schedule, in
 * `model.fit` (a callback) or in a hand-written loop. A thin shell over the pure reducers.
 *
 * tfjs has no schedules of its own, and its optimizers expose their hyper-parameters unevenly:
 * - SGD and Momentum: `setLearningRate` is public (it rebuilds the scalar the update uses);
 * - Adam, Adamax, RMSProp, Adagrad, Adadelta: `learningRate` is a field read at every update;
 * - Momentum: `setMomentum` has no effect (the update multiplies by a scalar `m` built once in the
 *   constructor), so the adapter replaces that scalar; RMSProp reads its `momentum` field at every
 *   update; Adam and Adamax read `beta1` at every update (the schedule's momentum is beta1 for them,
 *   as PyTorch's betas[0]; tfjs's bias correction then multiplies the betas actually used).
 *
 * Everything the adapter is given is checked before it touches the optimizer (the optimizer, the
 * schedule, the options, a resumed state), and a value a schedule computes is applied only when it
 * is a finite number: otherwise a `ScheduleError` names it and the optimizer keeps its last values.
 *
 * @since 0.1.0
 */
import * as tf from '@tensorflow/tfjs'
import * as E from 'fp-ts/lib/Either.js'
import { loadCheckpoint } from '../json/checkpoint.js'
import { ScheduleError, formatValue } from '../core/errors.js'
import type { AnyScheduler, Groups, ParamGroup } from '../core/model.js'
import { momentumOf } from '../internal/groups.js'
import { isScheduler, nameOf, protocolOf } from '../internal/protocol.js'
import { checkContinues } from '../folds.js'

// -------------------------------------------------------------------------------------
// the core's protocol
// -------------------------------------------------------------------------------------

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The fields of tfjs optimizers the adapter reads and writes (public or not).
 *
 * @example
 * import type { TfjsOptimizer } from 'lr-schedule/tfjs'
 *
 * @category model
 * @since 0.1.0
 */
export interface TfjsOptimizer {
  learningRate?: number
  setLearningRate?: (lr: number) => void
  momentum?: number
  beta1?: number
  beta2?: number
  m?: tf.Scalar
}

/**
 * A schedule driving one tfjs optimizer: the groups and state so far, and how to step.
 *
 * @example
 * import type { OptimizerSchedule } from 'lr-schedule/tfjs'
 *
 * @category model
 * @since 0.1.0
 */
export interface OptimizerSchedule {
  /** The optimizer's lr (and momentum) now, as the schedule set them. */
  readonly group: () => ParamGroup
  /** The schedule's state now (plain JSON: save it, with `[group()]`, to resume). */
  readonly state: () => unknown
  /**
   * One scheduler step (with the step's metric for schedules that take one); applies the new
   * values, or throws a `ScheduleError` (and applies nothing) if one is not a finite number.
   */
  readonly step: (metric?: number) => ParamGroup
}

/**
 * Where a schedule continues from: the groups and the state of an earlier run (`{ groups: [s.group()],
 * state: s.state() }`, a `Checkpoint` object), or a checkpoint JSON string from `saveCheckpoint`
 * (the only form that also proves the state is of this very schedule: it carries its config).
 *
 * @example
 * import type { ScheduleResume } from 'lr-schedule/tfjs'
 * const r: ScheduleResume = { groups: [{ lr: 0.05, initialLr: 0.1 }], state: { lastEpoch: 1, baseLrs: [0.1] } }
 *
 * @category model
 * @since 0.2.0
 */
export type ScheduleResume = { readonly groups: Groups; readonly state: unknown } | string

/**
 * The options of `scheduleCallback`.
 *
 * @example
 * import type { ScheduleCallbackOptions } from 'lr-schedule/tfjs'
 * const o: ScheduleCallbackOptions = { every: 'epoch', monitor: 'val_loss' }
 *
 * @category model
 * @since 0.2.0
 */
export interface ScheduleCallbackOptions {
  /** Step after every epoch (the default) or after every batch. */
  readonly every?: 'epoch' | 'batch'
  /** The log passed to schedules that take a metric (e.g. `val_loss`); required for them. */
  readonly monitor?: string
  /** Called with the lr (and momentum) set for the next epoch (or batch); observes, changes nothing. */
  readonly onStep?: (group: ParamGroup) => void
  /** Continue a schedule saved earlier (e.g. in another process) instead of starting it at row 0. */
  readonly resume?: ScheduleResume
}

/**
 * What `scheduleCallback` returns: a `model.fit` callback, and the schedule it drives.
 *
 * @example
 * import type { ScheduleCallback } from 'lr-schedule/tfjs'
 *
 * @category model
 * @since 0.2.0
 */
export type ScheduleCallback = tf.CustomCallbackArgs & {
  /** The schedule the callback drives; `undefined` until its first `model.fit` begins. */
  readonly schedule: () => OptimizerSchedule | undefined
}

// -------------------------------------------------------------------------------------
// checks
// -------------------------------------------------------------------------------------

/** Where each optimizer the adapter knows keeps its momentum: in `momentum`, in `beta1`, or nowhere. */
const KINDS: Readonly<Record<string, 'momentum' | 'betas' | 'none'>> = {
  SGD: 'none',
  Momentum: 'momentum',
  RMSProp: 'momentum',
  Adam: 'betas',
  Adamax: 'betas',
  Adagrad: 'none',
  Adadelta: 'none'
}

const OPTIMIZERS = 'tf.train.sgd, momentum, rmsprop, adam, adamax, adagrad or adadelta; model.optimizer after model.compile'

/** A value as an error shows it: class instances by their class, the rest as `formatValue` does. */
const shown = (v: unknown): string => {
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
    const name = (v as { constructor?: { name?: unknown } }).constructor?.name
    if (typeof name === 'string' && name !== '' && name !== 'Object') return `a ${name}`
  }
  return formatValue(v)
}

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)

const finiteAt = (path: string, v: unknown): number => {
  if (!isFiniteNumber(v)) throw new ScheduleError(path, 'a finite number', v)
  return v
}

const nonNegativeAt = (path: string, v: unknown): number => {
  if (!isFiniteNumber(v) || v < 0) throw new ScheduleError(path, 'a finite number >= 0', v)
  return v
}

/** Checks that `u` is a tfjs optimizer the adapter knows, with a usable lr (and momentum); its kind. */
const checkOptimizer = (u: unknown, path = 'optimizer'): 'momentum' | 'betas' | 'none' => {
  const o = u as (TfjsOptimizer & { getClassName?: unknown; applyGradients?: unknown; fit?: unknown }) | null | undefined
  if (typeof o !== 'object' || o === null || typeof o.getClassName !== 'function' || typeof o.applyGradients !== 'function') {
    const model = typeof o === 'object' && o !== null && typeof o.fit === 'function' ? ' (a model: pass model.optimizer, after model.compile)' : ''
    throw new ScheduleError(path, `a tfjs optimizer (${OPTIMIZERS})`, u, `${path}: expected a tfjs optimizer (${OPTIMIZERS}), got ${shown(u)}${model}`)
  }
  const name = (o.getClassName as () => unknown).call(o)
  const kind = typeof name === 'string' ? KINDS[name] : undefined
  if (kind === undefined)
    throw new ScheduleError(
      path,
      `a tfjs optimizer the adapter knows (${Object.keys(KINDS).join(', ')})`,
      name,
      `${path}: expected a tfjs optimizer the adapter knows (${Object.keys(KINDS).join(', ')}), got a ${String(name)} optimizer`
    )
  nonNegativeAt(`${path}.learningRate`, o.learningRate)
  if (kind === 'momentum') finiteAt(`${path}.momentum`, o.momentum)
  if (kind === 'betas') {
    finiteAt(`${path}.beta1`, o.beta1)
    finiteAt(`${path}.beta2`, o.beta2)
  }
  return kind
}

/** Checks that `u` is a schedule built by the library. */
const checkSchedule = (u: unknown, path = 'schedule'): AnyScheduler => {
  const s = u as { init?: unknown; step?: unknown } | null | undefined
  if (isScheduler(u)) return u as AnyScheduler
  const hint =
    typeof u === 'function'
      ? ' (a function: call it, e.g. stepLR({ stepSize: 10 }))'
      : typeof s === 'object' && s !== null && 'type' in s
        ? ' (a JSON config: make it a schedule with scheduleFromConfig)'
        : ''
  throw new ScheduleError(path, 'a schedule (e.g. stepLR({ stepSize: 10 }))', u, `${path}: expected a schedule (e.g. stepLR({ stepSize: 10 })), got ${shown(u)}${hint}`)
}

/** Checks that a schedule can drive an optimizer of this kind. */
const checkFits = (scheduler: AnyScheduler, kind: 'momentum' | 'betas' | 'none', className: string): void => {
  if (kind === 'none' && protocolOf(scheduler).setsMomentum)
    throw new ScheduleError(
      'optimizer',
      `an optimizer with momentum (Momentum, RMSProp) or betas (Adam, Adamax): ${nameOf(scheduler)} cycles momentum (set cycleMomentum: false)`,
      className,
      `optimizer: expected an optimizer with momentum (Momentum, RMSProp) or betas (Adam, Adamax): ${nameOf(scheduler)} cycles momentum (set cycleMomentum: false), got ${className}`
    )
}

/** Checks a group's values before they reach an optimizer of this kind (`at` names the group). */
const checkGroup = (g: unknown, at: string, kind: 'momentum' | 'betas' | 'none', className: string): ParamGroup => {
  if (typeof g !== 'object' || g === null || Array.isArray(g)) throw new ScheduleError(at, 'a param group ({ lr, ... })', g)
  const o = g as Record<string, unknown>
  for (const k of Object.keys(o))
    if (!['lr', 'initialLr', 'momentum', 'betas'].includes(k))
      throw new ScheduleError(`${at}.${k}`, 'no such key (a group has lr, initialLr, momentum, betas)', o[k])
  nonNegativeAt(`${at}.lr`, o['lr'])
  if (o['initialLr'] !== undefined) nonNegativeAt(`${at}.initialLr`, o['initialLr'])
  if (o['momentum'] !== undefined) {
    finiteAt(`${at}.momentum`, o['momentum'])
    // momentum 0 is no momentum (paramGroups' default, PyTorch's SGD default): harmless where there is none
    if (kind === 'betas' || (kind === 'none' && o['momentum'] !== 0))
      throw new ScheduleError(`${at}.momentum`, kind === 'betas' ? `no momentum (${className} keeps it in betas)` : `no momentum, or 0 (${className} has none)`, o['momentum'])
  }
  if (o['betas'] !== undefined) {
    const b = o['betas']
    if (!Array.isArray(b) || b.length !== 2) throw new ScheduleError(`${at}.betas`, 'two numbers', b)
    b.forEach((x, j) => finiteAt(`${at}.betas[${j}]`, x))
    if (kind !== 'betas') throw new ScheduleError(`${at}.betas`, `no betas (${className} ${kind === 'momentum' ? 'keeps its momentum in momentum' : 'has none'})`, b)
  }
  return g as ParamGroup
}

/** A value a schedule computed, applied only when finite (lr also >= 0): else an error naming the schedule and the step. */
const checkComputed = (scheduler: AnyScheduler, step: number, g: ParamGroup | undefined, lrBefore: unknown): ParamGroup => {
  const at = `${nameOf(scheduler)} step ${step}`
  const keeps = lrBefore === undefined ? '' : ` (not applied: the optimizer keeps lr ${String(lrBefore)})`
  if (g === undefined || typeof g !== 'object') throw new ScheduleError(`groups[0] at ${at}`, 'a param group', g)
  if (!isFiniteNumber(g.lr) || g.lr < 0)
    throw new ScheduleError(`lr at ${at}`, 'a finite number >= 0', g.lr, `lr at ${at}: expected a finite number >= 0, got ${formatValue(g.lr)}${keeps}`)
  const m = momentumOf(g)
  if (m !== undefined && !isFiniteNumber(m)) {
    const which = g.betas !== undefined ? 'betas[0]' : 'momentum'
    throw new ScheduleError(`${which} at ${at}`, 'a finite number', m, `${which} at ${at}: expected a finite number, got ${formatValue(m)}${keeps}`)
  }
  return g
}

/** Reads a resume input, checked as `loadCheckpoint` checks a checkpoint, for one tfjs optimizer. */
const readResume = (
  scheduler: AnyScheduler,
  u: unknown,
  kind: 'momentum' | 'betas' | 'none',
  className: string,
  path = 'resume'
): { readonly groups: Groups; readonly state: unknown; readonly steps: number } => {
  let groups: unknown
  let state: unknown
  let steps: unknown
  if (typeof u === 'string') {
    // a checkpoint file: loadCheckpoint checks it is of this very schedule, then its groups and state
    const loaded = loadCheckpoint(scheduler, u)
    if (E.isLeft(loaded)) {
      const first = loaded.left[0]
      const at = first === undefined ? path : first.path.replace(/^checkpoint/, path)
      throw new ScheduleError(at, 'a checkpoint of this schedule', first?.value, `${at}: ${first?.message ?? 'not a checkpoint'}`)
    }
    ;({ groups, state, steps } = loaded.right)
  } else {
    if (typeof u !== 'object' || u === null || Array.isArray(u))
      throw new ScheduleError(path, '{ groups, state } or a checkpoint JSON string (saveCheckpoint)', u)
    const o = u as Record<string, unknown>
    for (const k of Object.keys(o))
      if (!['groups', 'state', 'format', 'schedule', 'steps'].includes(k))
        throw new ScheduleError(`${path}.${k}`, 'no such key (resume has groups and state)', o[k])
    ;({ groups, state, steps } = o)
  }
  if (!Array.isArray(groups) || groups.length !== 1)
    throw new ScheduleError(`${path}.groups`, 'an array of 1 param group (a tfjs optimizer has one lr)', groups)
  const g = checkGroup(groups[0], `${path}.groups[0]`, kind, className)
  if (g.initialLr === undefined) throw new ScheduleError(`${path}.groups[0].initialLr`, 'a finite number >= 0 (the groups after the initial step record it)', undefined)
  if (protocolOf(scheduler).setsMomentum && momentumOf(g) === undefined)
    throw new ScheduleError(`${path}.groups[0]`, `a param group with ${kind === 'betas' ? 'betas' : 'momentum'} (${nameOf(scheduler)} cycles momentum)`, g)
  const taken = protocolOf(scheduler).checkState(state, `${path}.state`, 1)
  if (steps !== undefined && steps !== taken)
    throw new ScheduleError(`${path}.steps`, `${taken} (the steps of the state)`, steps)
  checkContinues(scheduler, [g], state, taken, { groups: `${path}.groups`, state: `${path}.state` })
  // the schedule itself must fit one group (e.g. no per-group list of two lrs): its initial step
  // checks that, on a copy, and its result is dropped
  scheduler.init([g])
  return { groups: [g], state, steps: taken }
}

const OPTION_KEYS = ['every', 'monitor', 'onStep', 'resume']

const checkOptions = (u: unknown, scheduler: AnyScheduler): ScheduleCallbackOptions => {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) throw new ScheduleError('options', 'an object of options', u)
  const o = u as Record<string, unknown>
  for (const k of Object.keys(o))
    if (!OPTION_KEYS.includes(k)) throw new ScheduleError(`options.${k}`, `no such option (the options are ${OPTION_KEYS.join(', ')})`, o[k])
  if (o['every'] !== undefined && o['every'] !== 'epoch' && o['every'] !== 'batch')
    throw new ScheduleError('options.every', '"epoch" or "batch"', o['every'])
  if (o['monitor'] !== undefined && (typeof o['monitor'] !== 'string' || o['monitor'] === ''))
    throw new ScheduleError('options.monitor', 'the name of a log (e.g. "val_loss")', o['monitor'])
  if (o['monitor'] === undefined && protocolOf(scheduler).takesMetric)
    throw new ScheduleError('options.monitor', `the name of the log to pass to ${nameOf(scheduler)} (it reacts to a metric: e.g. "val_loss")`, undefined)
  if (o['onStep'] !== undefined && typeof o['onStep'] !== 'function') throw new ScheduleError('options.onStep', 'a function', o['onStep'])
  return u as ScheduleCallbackOptions
}

const classNameOf = (optimizer: tf.Optimizer): string => optimizer.getClassName()

// -------------------------------------------------------------------------------------
// utils
// -------------------------------------------------------------------------------------

/**
 * The param group a scheduler sees for a tfjs optimizer: its lr, and its momentum (Momentum,
 * RMSProp) or betas (Adam, Adamax). Throws a `ScheduleError` for anything else, or a NaN or
 * negative lr.
 *
 * @example
 * import * as tf from '@tensorflow/tfjs'
 * import { groupOf } from 'lr-schedule/tfjs'
 * groupOf(tf.train.momentum(0.1, 0.9)) // { lr: 0.1, momentum: 0.9 }
 * groupOf(tf.train.sgd(NaN)) // throws 'optimizer.learningRate: expected a finite number >= 0, got NaN'
 *
 * @category utils
 * @since 0.1.0
 */
export const groupOf = (optimizer: tf.Optimizer): ParamGroup => {
  const kind = checkOptimizer(optimizer)
  const o = optimizer as unknown as TfjsOptimizer
  const lr = o.learningRate as number
  if (kind === 'betas') return { lr, betas: [o.beta1 as number, o.beta2 as number] }
  if (kind === 'momentum') return { lr, momentum: o.momentum as number }
  return { lr }
}

/**
 * Sets a tfjs optimizer's lr and momentum to a group's, so that the next update uses them; a group
 * that does not fit the optimizer (a NaN or negative lr, momentum for an optimizer without) is a
 * `ScheduleError`, and nothing is applied.
 *
 * @example
 * import * as tf from '@tensorflow/tfjs'
 * import { applyGroup } from 'lr-schedule/tfjs'
 * const opt = tf.train.momentum(0.1, 0.9)
 * applyGroup(opt, { lr: 0.05, momentum: 0.85 })
 *
 * @category utils
 * @since 0.1.0
 */
export const applyGroup = (optimizer: tf.Optimizer, group: ParamGroup): void => {
  const kind = checkOptimizer(optimizer)
  checkGroup(group, 'group', kind, classNameOf(optimizer))
  apply(optimizer, group)
}

/** Sets checked values on a checked optimizer. */
const apply = (optimizer: tf.Optimizer, group: ParamGroup): void => {
  const o = optimizer as unknown as TfjsOptimizer
  if (typeof o.setLearningRate === 'function') o.setLearningRate(group.lr)
  else o.learningRate = group.lr
  const m = momentumOf(group)
  if (m === undefined) return
  if (typeof o.beta1 === 'number') o.beta1 = m
  else if (typeof o.momentum === 'number' && o.momentum !== m) {
    o.momentum = m
    // MomentumOptimizer multiplies by the scalar `m` made in its constructor: replace it
    if (o.m !== undefined) {
      o.m.dispose()
      o.m = tf.keep(tf.scalar(m))
    }
  }
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * Puts a schedule on a tfjs optimizer: runs the schedule's initial step (row 0 of its trace) and
 * applies it; every `step()` then applies the next row. `resume` continues a schedule saved
 * earlier instead, checked like `loadCheckpoint` checks a checkpoint (a state of another schedule,
 * a corrupted or truncated one, groups that do not fit are a `ScheduleError` naming the entry).
 *
 * @example
 * import * as tf from '@tensorflow/tfjs'
 * import { cosineAnnealingLR, saveCheckpoint } from 'lr-schedule'
 * import { scheduleOptimizer } from 'lr-schedule/tfjs'
 * const schedule = cosineAnnealingLR({ tMax: 10 })
 * const opt = tf.train.sgd(0.1)
 * const s = scheduleOptimizer(opt, schedule)
 * s.step() // opt now uses the lr of step 1
 * const saved = saveCheckpoint(schedule, [s.group()], s.state())
 * scheduleOptimizer(tf.train.sgd(0.1), schedule, saved) // continues at step 1
 *
 * @category constructors
 * @since 0.1.0
 */
export const scheduleOptimizer = (optimizer: tf.Optimizer, scheduler: AnyScheduler, resume?: ScheduleResume): OptimizerSchedule => {
  const kind = checkOptimizer(optimizer)
  checkSchedule(scheduler)
  const className = classNameOf(optimizer)
  checkFits(scheduler, kind, className)
  let groups: Groups
  let state: unknown
  let steps: number
  if (resume === undefined) {
    ;[groups, state] = scheduler.init([groupOf(optimizer)])
    steps = 0
  } else ({ groups, state, steps } = readResume(scheduler, resume, kind, className))
  const lrNow = (): unknown => (optimizer as unknown as TfjsOptimizer).learningRate
  apply(optimizer, checkComputed(scheduler, steps, groups[0], lrNow()))
  const current = (): ParamGroup => groups[0] as ParamGroup
  return {
    group: current,
    state: () => state,
    step: (metric) => {
      const [g, s] = scheduler.step(state, groups, metric === undefined ? {} : { metric })
      // nothing is applied, nor the state advanced, unless every value is finite
      const next = checkComputed(scheduler, steps + 1, g[0], lrNow())
      apply(optimizer, next)
      groups = g
      state = s
      steps += 1
      return next
    }
  }
}

/**
 * A `model.fit` callback that steps the schedule after every epoch (or every batch), passing the
 * epoch's `monitor` log (e.g. `val_loss`) to schedules that take a metric. The first fit starts
 * the schedule at row 0 (or at `resume`); a later `model.fit` with the same callback continues
 * where the last one stopped, whatever its `initialEpoch`. A first fit at `initialEpoch > 0`
 * without `resume` is an error: the callback cannot know where the schedule stood.
 *
 * @example
 * import * as tf from '@tensorflow/tfjs'
 * import { sequential, linearLR, cosineAnnealingLR } from 'lr-schedule'
 * import { scheduleCallback } from 'lr-schedule/tfjs'
 * const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1] })] })
 * model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' })
 * const cb = scheduleCallback(model.optimizer, sequential([linearLR({ totalIters: 2 }), cosineAnnealingLR({ tMax: 8 })], [2]))
 * // await model.fit(xs, ys, { epochs: 5, callbacks: [cb] })
 * // await model.fit(xs, ys, { epochs: 10, initialEpoch: 5, callbacks: [cb] })   // epochs 5..9: rows 5..9
 *
 * @category constructors
 * @since 0.1.0
 */
export const scheduleCallback = (optimizer: tf.Optimizer, scheduler: AnyScheduler, options: ScheduleCallbackOptions = {}): ScheduleCallback => {
  // everything is checked now, not when model.fit begins
  const kind = checkOptimizer(optimizer)
  checkSchedule(scheduler)
  checkFits(scheduler, kind, classNameOf(optimizer))
  checkOptions(options, scheduler)
  if (options.resume !== undefined) readResume(scheduler, options.resume, kind, classNameOf(optimizer), 'options.resume')
  const every = options.every ?? 'epoch'
  let s: OptimizerSchedule | undefined
  let beginning = false
  const begin = (epoch: number): void => {
    if (!beginning) return
    beginning = false
    if (s !== undefined) {
      // a later fit: the schedule continues; its values are the optimizer's again (if changed meanwhile)
      applyGroup(optimizer, s.group())
      return
    }
    if (options.resume === undefined && epoch > 0)
      throw new ScheduleError(
        'initialEpoch',
        '0 for the first fit of a scheduleCallback',
        epoch,
        `initialEpoch: expected 0 for the first fit of a scheduleCallback (it starts the schedule at row 0; to continue a schedule, fit with the callback of the earlier fit, or give the callback resume), got ${epoch}`
      )
    s = options.resume === undefined ? scheduleOptimizer(optimizer, scheduler) : scheduleOptimizer(optimizer, scheduler, options.resume)
    if (options.onStep !== undefined) options.onStep(s.group())
  }
  const step = (logs?: tf.Logs): void => {
    if (s === undefined) return
    let metric: number | undefined
    if (options.monitor !== undefined) {
      const v = logs?.[options.monitor]
      if (typeof v !== 'number')
        throw new ScheduleError(
          'options.monitor',
          `a log of the ${every}`,
          options.monitor,
          `options.monitor: expected a log of the ${every} (the logs have: ${Object.keys(logs ?? {}).join(', ') || 'none'}), got ${JSON.stringify(options.monitor)}`
        )
      metric = v
    }
    // the step happens whether or not anyone observes it
    const g = s.step(metric)
    options.onStep?.(g)
  }
  return {
    schedule: () => s,
    onTrainBegin: () => {
      beginning = true
    },
    onEpochBegin: (epoch: number) => begin(epoch),
    ...(every === 'epoch' ? { onEpochEnd: (_epoch: number, logs?: tf.Logs) => step(logs) } : { onBatchEnd: (_batch: number, logs?: tf.Logs) => step(logs) })
  }
}
