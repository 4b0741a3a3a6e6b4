// The benchmarked schedules: each one a JSON spec (built here with lr-schedule and in
// torch_bench.py with torch.optim.lr_scheduler, so both sides run the same config) and the same
// formulas written by hand as a plain loop over a Float64Array (the floor of the comparison).
//
// The hand-written loops evaluate, per step and per group, exactly the expressions the library's
// per-group functions evaluate (PyTorch's chainable forms, in PyTorch's operation order), so
// their output is checked to be bit for bit the library's; they only drop the abstraction (no
// closures, no buffers object, no mode dispatch), and hoist nothing across groups.
import * as L from '../dist/index.js'

/** Initial lrs of the `n` param groups. */
export const initialLrs = (n) => Array.from({ length: n }, (_, i) => 0.1 / (i + 1))

// -------------------------------------------------------------------------------------
// specs: { type, ...PyTorch's arguments in camelCase }, `schedulers` for composites
// -------------------------------------------------------------------------------------

const stepSpec = { type: 'StepLR', stepSize: 1000, gamma: 0.95 } // no underflow over 10^7 steps
const cosineSpec = { type: 'CosineAnnealingLR', tMax: 100_000, etaMin: 1e-5 }
const cyclicSpec = { type: 'CyclicLR', baseLr: 1e-4, maxLr: 1e-2, stepSizeUp: 2000 }
const oneCycleSpec = (horizon) => ({ type: 'OneCycleLR', maxLr: 0.1, totalSteps: horizon })
const warmupCosineSpec = (horizon) => ({
  type: 'SequentialLR',
  schedulers: [
    { type: 'LinearLR', startFactor: 0.01, totalIters: 1000 },
    { type: 'CosineAnnealingLR', tMax: horizon - 1000, etaMin: 1e-5 }
  ],
  milestones: [1000]
})
// ChainedScheduler( SequentialLR(LinearLR, ExponentialLR), ChainedScheduler( StepLR,
// ChainedScheduler(ConstantLR, PolynomialLR) ) ): three levels of composites that torch 2.13 runs
// (it refuses a composite as a later child of a SequentialLR) with the same numbers, and whose
// closed form agrees with the fold (a SequentialLR after other schedulers in a chain sets the lrs
// back to the initial ones at its start and its milestones, which the chain's product of
// multipliers does not do)
const nestedSpec = {
  type: 'ChainedScheduler',
  schedulers: [
    {
      type: 'SequentialLR',
      schedulers: [
        { type: 'LinearLR', startFactor: 0.01, totalIters: 1000 },
        { type: 'ExponentialLR', gamma: 0.999995 }
      ],
      milestones: [1000]
    },
    {
      type: 'ChainedScheduler',
      schedulers: [
        { type: 'StepLR', stepSize: 100_000, gamma: 0.5 },
        {
          type: 'ChainedScheduler',
          schedulers: [
            { type: 'ConstantLR', factor: 0.5, totalIters: 5000 },
            { type: 'PolynomialLR', totalIters: 20_000_000, power: 1 }
          ]
        }
      ]
    }
  ]
}

const constructors = {
  StepLR: L.stepLR,
  CosineAnnealingLR: L.cosineAnnealingLR,
  CyclicLR: L.cyclicLR,
  OneCycleLR: L.oneCycleLR,
  LinearLR: L.linearLR,
  ExponentialLR: L.exponentialLR,
  ConstantLR: L.constantLR,
  PolynomialLR: L.polynomialLR
}

/** Builds an lr-schedule scheduler from a spec. */
export const build = (spec) => {
  const { type, schedulers, milestones, ...options } = spec
  if (type === 'SequentialLR') return L.sequential(schedulers.map(build), milestones)
  if (type === 'ChainedScheduler') return L.chain(schedulers.map(build))
  return constructors[type](options)
}

// -------------------------------------------------------------------------------------
// the hand-written loops: (initial lrs, steps) => { lr, momentum? }, rows like traceArray
// -------------------------------------------------------------------------------------

const handStepLR = (lrs, steps) => {
  const n = lrs.length
  const { stepSize, gamma } = stepSpec
  const out = new Float64Array((steps + 1) * n)
  for (let i = 0; i < n; i++) out[i] = lrs[i]
  for (let k = 1; k <= steps; k++) {
    const row = k * n
    for (let i = 0; i < n; i++) {
      const lr = out[row - n + i]
      out[row + i] = k === 0 || k % stepSize !== 0 ? lr : lr * gamma
    }
  }
  return { lr: out }
}

const handCosine = (lrs, steps) => {
  const n = lrs.length
  const { tMax, etaMin } = cosineSpec
  const out = new Float64Array((steps + 1) * n)
  for (let i = 0; i < n; i++) out[i] = lrs[i]
  for (let e = 1; e <= steps; e++) {
    const row = e * n
    for (let i = 0; i < n; i++) {
      const lr = out[row - n + i]
      const base = lrs[i]
      out[row + i] =
        (e - 1 - tMax) % (2 * tMax) === 0
          ? lr + ((base - etaMin) * (1 - Math.cos(Math.PI / tMax))) / 2
          : ((1 + Math.cos((Math.PI * e) / tMax)) / (1 + Math.cos((Math.PI * (e - 1)) / tMax))) * (lr - etaMin) + etaMin
    }
  }
  return { lr: out }
}

const handCyclic = (lrs, steps) => {
  const n = lrs.length
  const { baseLr, maxLr, stepSizeUp } = cyclicSpec
  const up = stepSizeUp, down = stepSizeUp
  const baseMomentum = 0.8, maxMomentum = 0.9
  const lr = new Float64Array((steps + 1) * n)
  const momentum = new Float64Array((steps + 1) * n)
  for (let e = 0; e <= steps; e++) {
    const row = e * n
    for (let i = 0; i < n; i++) {
      // PyTorch's cycle position ('triangular': scale 1)
      const totalSize = up + down
      const stepRatio = up / totalSize
      const cycle = Math.floor(1 + e / totalSize)
      const x = 1.0 + e / totalSize - cycle
      const scaleFactor = x <= stepRatio ? x / stepRatio : (x - 1) / (stepRatio - 1)
      const scale = 1.0
      // row 0: the constructor's step leaves the initial lr, baseLr
      lr[row + i] = e === 0 ? baseLr : baseLr + (maxLr - baseLr) * scaleFactor * scale
      momentum[row + i] = maxMomentum - (maxMomentum - baseMomentum) * scaleFactor * scale
    }
  }
  return { lr, momentum }
}

const handOneCycle = (lrs, steps, horizon = steps) => {
  const n = lrs.length
  const { maxLr } = oneCycleSpec(horizon)
  const totalSteps = horizon, pctStart = 0.3, divFactor = 25, finalDivFactor = 1e4
  const baseMomentum = 0.85, maxMomentum = 0.95
  const end0 = pctStart * totalSteps - 1
  const end1 = totalSteps - 1
  const initialLr = maxLr / divFactor
  const minLr = maxLr / divFactor / finalDivFactor
  const anneal = (start, end, pct) => end + ((start - end) / 2.0) * (Math.cos(Math.PI * pct) + 1)
  const lr = new Float64Array((steps + 1) * n)
  const momentum = new Float64Array((steps + 1) * n)
  for (let e = 0; e <= steps; e++) {
    const row = e * n
    for (let i = 0; i < n; i++) {
      if (e <= end0) {
        const pct = e / end0
        lr[row + i] = anneal(initialLr, maxLr, pct)
        momentum[row + i] = anneal(maxMomentum, baseMomentum, pct)
      } else {
        const pct = (e - end0) / (end1 - end0)
        lr[row + i] = anneal(maxLr, minLr, pct)
        momentum[row + i] = anneal(baseMomentum, maxMomentum, pct)
      }
    }
  }
  return { lr, momentum }
}

const handWarmupCosine = (lrs, steps, horizon = steps) => {
  const n = lrs.length
  const start = 0.01, end = 1.0, total = 1000, milestone = 1000
  const tMax = horizon - 1000, etaMin = 1e-5
  const out = new Float64Array((steps + 1) * n)
  for (let i = 0; i < n; i++) out[i] = lrs[i] * start
  for (let k = 1; k <= steps; k++) {
    const row = k * n
    for (let i = 0; i < n; i++) {
      const lr = out[row - n + i]
      const base = lrs[i]
      if (k < milestone) {
        out[row + i] = k > total ? lr : lr * (1.0 + (end - start) / (total * start + (k - 1) * (end - start)))
      } else if (k === milestone) {
        out[row + i] = etaMin + ((base - etaMin) * (1 + Math.cos((Math.PI * 0) / tMax))) / 2
      } else {
        const e = k - milestone
        out[row + i] =
          (e - 1 - tMax) % (2 * tMax) === 0
            ? lr + ((base - etaMin) * (1 - Math.cos(Math.PI / tMax))) / 2
            : ((1 + Math.cos((Math.PI * e) / tMax)) / (1 + Math.cos((Math.PI * (e - 1)) / tMax))) * (lr - etaMin) + etaMin
      }
    }
  }
  return { lr: out }
}

const handNested = (lrs, steps) => {
  const n = lrs.length
  const start = 0.01, end = 1.0, total = 1000, milestone = 1000, gammaA = 0.999995
  const stepSize = 100_000, gammaStep = 0.5
  const factor = 0.5, constantIters = 5000
  const polyIters = 20_000_000, power = 1
  const out = new Float64Array((steps + 1) * n)
  for (let i = 0; i < n; i++) out[i] = lrs[i] * start * factor
  for (let k = 1; k <= steps; k++) {
    const row = k * n
    for (let i = 0; i < n; i++) {
      let lr = out[row - n + i]
      const base = lrs[i]
      // SequentialLR(LinearLR, ExponentialLR)
      if (k < milestone) lr = k > total ? lr : lr * (1.0 + (end - start) / (total * start + (k - 1) * (end - start)))
      else if (k === milestone) lr = base * gammaA ** 0
      else lr = lr * gammaA
      // StepLR
      lr = k === 0 || k % stepSize !== 0 ? lr : lr * gammaStep
      // ConstantLR
      lr = k === 0 ? lr * factor : k !== constantIters ? lr : lr * (1.0 / factor)
      // PolynomialLR
      lr = k > polyIters ? lr : lr * ((1.0 - k / polyIters) / (1.0 - (k - 1) / polyIters)) ** power
      out[row + i] = lr
    }
  }
  return { lr: out }
}

// -------------------------------------------------------------------------------------
// the table's rows
// -------------------------------------------------------------------------------------

/**
 * `spec(horizon)`: the config for a run of `horizon` steps (OneCycleLR's totalSteps and the
 * warm-up + cosine's tMax follow the horizon; the others do not depend on it).
 *
 * `near(horizon)`: the step the closed form's time at step 10^9 is compared with, 10 steps into
 * the piece of the schedule that holds 10^9, where the closed form takes the same branch: a
 * composite's last segment, OneCycleLR's last phase, for StepLR a step whose `gamma ** k` takes
 * Math.pow's general path (k = 0, 1, 2 are shortcuts).
 */
export const configs = [
  { name: 'StepLR', composite: false, spec: () => stepSpec, near: () => 3 * stepSpec.stepSize + 10, hand: handStepLR },
  { name: 'CosineAnnealingLR', composite: false, spec: () => cosineSpec, hand: handCosine },
  { name: 'CyclicLR', composite: false, spec: () => cyclicSpec, hand: handCyclic },
  { name: 'OneCycleLR', composite: false, spec: oneCycleSpec, near: (horizon) => Math.ceil(0.3 * horizon) + 10, hand: handOneCycle },
  { name: 'sequential(LinearLR, CosineAnnealingLR)', composite: true, spec: warmupCosineSpec, near: () => 1010, hand: handWarmupCosine },
  { name: 'chain(sequential, chain(StepLR, chain(ConstantLR, PolynomialLR)))', composite: true, spec: () => nestedSpec, near: () => 1010, hand: handNested }
]
