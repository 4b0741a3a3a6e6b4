// What every tfjs optimizer does to a weight, written out by hand, for the adapter's tests: with a
// constant gradient the optimizer's accumulators do not depend on the weight, so the change of the
// weight at each update follows from the lr (and momentum) of that update alone. The tests then
// compare the weight changes of a real `model.fit` with these, the lrs taken from `trace`.
import * as tf from '@tensorflow/tfjs'
import type { ParamGroup } from '../../src/index.js'

/** The gradient of every update: the model is ŷ = w·x with x = 2, the loss mean(ŷ), so ∂loss/∂w = 2. */
export const G = 2
/** The inputs of every sample. */
export const X = 2
/** tfjs's epsilon on the CPU backend (float32): `ENGINE.backend.epsilon()`, the optimizers' default. */
export const EPS = 1e-7

/** One optimizer kind: how to make it, the group a scheduler sees for it, and its updates by hand. */
export interface Kind {
  readonly name: string
  readonly lr: number
  readonly make: (lr: number) => tf.Optimizer
  /** The param group of a fresh optimizer from `make(lr)`, written out (not read by the adapter). */
  readonly group: (lr: number) => ParamGroup
  /**
   * Δw of updates 0, 1, … of a fresh optimizer under the constant gradient G, given each update's
   * lr and (when the schedule sets it) momentum — tfjs's update rule, transcribed.
   */
  readonly deltas: (lrs: ReadonlyArray<number>, momenta?: ReadonlyArray<number>) => ReadonlyArray<number>
  /** Whether the optimizer has momentum (or betas) a schedule can cycle. */
  readonly hasMomentum: boolean
}

const at = (xs: ReadonlyArray<number> | undefined, u: number, d: number): number => (xs === undefined ? d : (xs[u] as number))

export const KINDS: ReadonlyArray<Kind> = [
  {
    name: 'SGD',
    lr: 0.1,
    make: (lr) => tf.train.sgd(lr),
    group: (lr) => ({ lr }),
    // w ← w − lr·g
    deltas: (lrs) => lrs.map((lr) => -lr * G),
    hasMomentum: false
  },
  {
    name: 'Momentum',
    lr: 0.1,
    make: (lr) => tf.train.momentum(lr, 0.9),
    group: (lr) => ({ lr, momentum: 0.9 }),
    // a ← m·a + g; w ← w − lr·a
    deltas: (lrs, ms) => {
      let a = 0
      return lrs.map((lr, u) => {
        a = at(ms, u, 0.9) * a + G
        return -lr * a
      })
    },
    hasMomentum: true
  },
  {
    name: 'RMSProp',
    lr: 0.01,
    make: (lr) => tf.train.rmsprop(lr, 0.9, 0.5),
    group: (lr) => ({ lr, momentum: 0.5 }),
    // s ← ρ·s + (1 − ρ)·g²; v ← m·v + lr·g/√(s + ε); w ← w − v   (ρ = decay 0.9, not centered)
    deltas: (lrs, ms) => {
      let s = 0
      let v = 0
      return lrs.map((lr, u) => {
        s = 0.9 * s + 0.1 * G * G
        v = at(ms, u, 0.5) * v + (lr * G) / Math.sqrt(s + EPS)
        return -v
      })
    },
    hasMomentum: true
  },
  {
    name: 'Adam',
    lr: 0.1,
    make: (lr) => tf.train.adam(lr, 0.9, 0.999),
    group: (lr) => ({ lr, betas: [0.9, 0.999] }),
    // m ← β1·m + (1 − β1)·g; v ← β2·v + (1 − β2)·g²; w ← w − lr·(m/(1 − A1))/(√(v/(1 − A2)) + ε),
    // where A1, A2 (accBeta1, accBeta2) start at the constructor's β1, β2 and are multiplied by the
    // β1, β2 of each update after it
    deltas: (lrs, ms) => {
      let m = 0
      let v = 0
      let a1 = 0.9
      let a2 = 0.999
      return lrs.map((lr, u) => {
        const b1 = at(ms, u, 0.9)
        m = b1 * m + (1 - b1) * G
        v = 0.999 * v + (1 - 0.999) * G * G
        const d = (-lr * (m / (1 - a1))) / (Math.sqrt(v / (1 - a2)) + EPS)
        a1 *= b1
        a2 *= 0.999
        return d
      })
    },
    hasMomentum: true
  },
  {
    name: 'Adamax',
    lr: 0.1,
    make: (lr) => tf.train.adamax(lr, 0.9, 0.999),
    group: (lr) => ({ lr, betas: [0.9, 0.999] }),
    // m ← β1·m + (1 − β1)·g; u ← max(β2·u, |g|); w ← w − lr/(1 − A1)·m/(u + ε)   (decay 0; A1 as Adam's)
    deltas: (lrs, ms) => {
      let m = 0
      let inf = 0
      let a1 = 0.9
      return lrs.map((lr, u) => {
        const b1 = at(ms, u, 0.9)
        m = b1 * m + (1 - b1) * G
        inf = Math.max(0.999 * inf, Math.abs(G))
        const d = (-lr / (1 - a1)) * (m / (inf + EPS))
        a1 *= b1
        return d
      })
    },
    hasMomentum: true
  },
  {
    name: 'Adagrad',
    lr: 0.1,
    make: (lr) => tf.train.adagrad(lr),
    group: (lr) => ({ lr }),
    // s ← s + g² (s starts at initialAccumulatorValue 0.1); w ← w − lr·g/√(s + ε)
    deltas: (lrs) => {
      let s = 0.1
      return lrs.map((lr) => {
        s += G * G
        return (-lr * G) / Math.sqrt(s + EPS)
      })
    },
    hasMomentum: false
  },
  {
    name: 'Adadelta',
    lr: 1,
    make: (lr) => tf.train.adadelta(lr, 0.95),
    group: (lr) => ({ lr }),
    // d ← √(U + ε)/√(S + ε)·g with the S before this update (as tfjs writes it); S ← ρ·S + (1 − ρ)·g²;
    // U ← ρ·U + (1 − ρ)·d²; w ← w − lr·d
    deltas: (lrs) => {
      let s = 0
      let acc = 0
      return lrs.map((lr) => {
        const d = (Math.sqrt(acc + EPS) / Math.sqrt(s + EPS)) * G
        s = 0.95 * s + 0.05 * G * G
        acc = 0.95 * acc + 0.05 * d * d
        return -lr * d
      })
    },
    hasMomentum: false
  }
]

/**
 * Tolerance for a weight change: tfjs computes in float32 (relative ~6e-8 per operation, a few
 * dozen operations per update), and the weight itself (|w| ≤ ~2 here) is float32, so its change
 * carries an absolute error of ~1e-7; 1e-4 relative plus 1e-6 absolute is far above both and far
 * below the factor 2 between consecutive lrs of the schedules used.
 */
export const closeTo = (actual: number, expected: number): boolean => Math.abs(actual - expected) <= 1e-4 * Math.abs(expected) + 1e-6

/** A model ŷ = w·x (one weight, no bias, w = 0), loss mean(ŷ): the gradient is X whatever w. */
export const linearModel = (optimizer: tf.Optimizer): tf.Sequential => {
  const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1], useBias: false, kernelInitializer: 'zeros' })] })
  model.compile({ optimizer, loss: (_y: tf.Tensor, yPred: tf.Tensor) => tf.mean(yPred) })
  return model
}

/** The model's one weight. */
export const weight = (model: tf.LayersModel): number => model.layers[0]!.getWeights()[0]!.dataSync()[0] as number
