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
 * @since 0.1.0
 */
import * as tf from '@tensorflow/tfjs'
import { type AnyScheduler, type Groups, type ParamGroup } from '../core/model.js'
import { momentumOf } from '../internal/groups.js'

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
  /** The schedule's state now (plain JSON: save it to resume). */
  readonly state: () => unknown
  /** One scheduler step (with the step's metric for schedules that take one); applies the new values. */
  readonly step: (metric?: number) => ParamGroup
}

// -------------------------------------------------------------------------------------
// utils
// -------------------------------------------------------------------------------------

/**
 * The param group a scheduler sees for a tfjs optimizer: its lr, and its momentum (Momentum,
 * RMSProp) or betas (Adam, Adamax).
 *
 * @example
 * import * as tf from '@tensorflow/tfjs'
 * import { groupOf } from 'lr-schedule/tfjs'
 * groupOf(tf.train.momentum(0.1, 0.9)) // { lr: 0.1, momentum: 0.9 }
 *
 * @category utils
 * @since 0.1.0
 */
export const groupOf = (optimizer: tf.Optimizer): ParamGroup => {
  const o = optimizer as unknown as TfjsOptimizer
  const lr = o.learningRate
  if (typeof lr !== 'number') throw new TypeError(`lr-schedule/tfjs: ${optimizer.getClassName()} has no numeric learningRate`)
  if (typeof o.beta1 === 'number' && typeof o.beta2 === 'number') return { lr, betas: [o.beta1, o.beta2] }
  if (typeof o.momentum === 'number') return { lr, momentum: o.momentum }
  return { lr }
}

/**
 * Sets a tfjs optimizer's lr and momentum to a group's, so that the next update uses them.
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
 * applies it; every `step()` then applies the next row. Resume with `{ groups, state }` from a
 * checkpoint.
 *
 * @example
 * import * as tf from '@tensorflow/tfjs'
 * import { cosineAnnealingLR } from 'lr-schedule'
 * import { scheduleOptimizer } from 'lr-schedule/tfjs'
 * const opt = tf.train.sgd(0.1)
 * const s = scheduleOptimizer(opt, cosineAnnealingLR({ tMax: 10 }))
 * s.step() // opt now uses the lr of step 1
 *
 * @category constructors
 * @since 0.1.0
 */
export const scheduleOptimizer = (
  optimizer: tf.Optimizer,
  scheduler: AnyScheduler,
  resumeFrom?: { readonly groups: Groups; readonly state: unknown }
): OptimizerSchedule => {
  let [groups, state] = resumeFrom === undefined ? scheduler.init([groupOf(optimizer)]) : [resumeFrom.groups, resumeFrom.state]
  const current = (): ParamGroup => groups[0] as ParamGroup
  applyGroup(optimizer, current())
  return {
    group: current,
    state: () => state,
    step: (metric) => {
      ;[groups, state] = scheduler.step(state, groups, metric === undefined ? {} : { metric })
      applyGroup(optimizer, current())
      return current()
    }
  }
}

/**
 * A `model.fit` callback that steps the schedule after every epoch (or every batch), passing the
 * epoch's `monitor` log (e.g. `val_loss`) to schedules that take a metric.
 *
 * @example
 * import * as tf from '@tensorflow/tfjs'
 * import { sequential, linearLR, cosineAnnealingLR } from 'lr-schedule'
 * import { scheduleCallback } from 'lr-schedule/tfjs'
 * const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1] })] })
 * model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' })
 * const cb = scheduleCallback(model.optimizer, sequential([linearLR({ totalIters: 2 }), cosineAnnealingLR({ tMax: 8 })], [2]))
 * // await model.fit(xs, ys, { epochs: 10, callbacks: [cb] })
 *
 * @category constructors
 * @since 0.1.0
 */
export const scheduleCallback = (
  optimizer: tf.Optimizer,
  scheduler: AnyScheduler,
  options: { readonly every?: 'epoch' | 'batch'; readonly monitor?: string; readonly onStep?: (group: ParamGroup) => void } = {}
): tf.CustomCallbackArgs & { readonly schedule: () => OptimizerSchedule | undefined } => {
  let s: OptimizerSchedule | undefined
  const every = options.every ?? 'epoch'
  const step = (logs?: tf.Logs): void => {
    if (s === undefined) return
    const metric = options.monitor === undefined ? undefined : logs?.[options.monitor]
    if (options.monitor !== undefined && typeof metric !== 'number')
      throw new Error(`lr-schedule/tfjs: the logs have no ${options.monitor} (have: ${Object.keys(logs ?? {}).join(', ')})`)
    options.onStep?.(s.step(metric))
  }
  return {
    schedule: () => s,
    onTrainBegin: () => {
      s = scheduleOptimizer(optimizer, scheduler)
      options.onStep?.(s.group())
    },
    ...(every === 'epoch' ? { onEpochEnd: (_epoch: number, logs?: tf.Logs) => step(logs) } : { onBatchEnd: (_batch: number, logs?: tf.Logs) => step(logs) })
  }
}
