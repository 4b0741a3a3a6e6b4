// The benchmarked schedules: each one a JSON spec (built here with lr-schedule and in
// torch_bench.py with torch.optim.lr_scheduler, so both sides run the same config) and the same
// formulas written by hand as a plain loop over a Float64Array (the floor of the comparison).
//
// The hand-written loops evaluate exactly the expressions the library evaluates (PyTorch's chainable
// forms, in PyTorch's operation order), so their output is checked to be bit for bit the library's.
// They are written as one would write the loop by hand for speed: what a step shares between
// groups (a cosine ratio, a decay factor, a cycle position) is computed once per step, and each
// step's cosine is kept for the next step's cos(π(e − 1)/T); they drop the abstraction (no
// closures, no buffers object, no mode dispatch, no composite).
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
// the hand-written loops: (spec, initial lrs, steps, into?) => { lr, momentum? }, rows like traceArray
// -------------------------------------------------------------------------------------

// the rows: new arrays, or the first (steps + 1) · n entries of `into`'s (as traceArray's `into`)
const output = (given, steps, n) => (given === undefined ? new Float64Array((steps + 1) * n) : given.subarray(0, (steps + 1) * n))

// Each loop reads the config's numbers from the spec it is given (PyTorch's defaults where the spec
// has none), at run time, as any code that takes a config must: numbers written into the loop as
// literals would let V8 fold them (turn x / 0.5 into x * 2, say), which no code that reads its
// config can have, and would make the floor depend on the config's values.

const handStepLR = (spec, lrs, steps, into) => {
  const n = lrs.length
  const { stepSize, gamma } = spec
  const out = output(into?.lr, steps, n)
  for (let i = 0; i < n; i++) out[i] = lrs[i]
  for (let k = 1; k <= steps; k++) {
    const row = k * n
    const decays = k % stepSize === 0
    for (let i = 0; i < n; i++) {
      const lr = out[row - n + i]
      out[row + i] = decays ? lr * gamma : lr
    }
  }
  return { lr: out }
}

// CosineAnnealingLR's steps from row `from` (holding the lrs at the cosine's step 0) to `to`
const cosineRows = (out, lrs, from, to, tMax, etaMin) => {
  const n = lrs.length
  const dip = 1 - Math.cos(Math.PI / tMax)
  let before = Math.cos((Math.PI * 0) / tMax) // each step's cosine is the next one's cos(π(e − 1)/T)
  for (let k = from + 1; k <= to; k++) {
    const row = k * n
    const e = k - from
    const now = Math.cos((Math.PI * e) / tMax)
    if ((e - 1 - tMax) % (2 * tMax) === 0) {
      for (let i = 0; i < n; i++) out[row + i] = out[row - n + i] + ((lrs[i] - etaMin) * dip) / 2
    } else {
      const ratio = (1 + now) / (1 + before)
      for (let i = 0; i < n; i++) out[row + i] = ratio * (out[row - n + i] - etaMin) + etaMin
    }
    before = now
  }
}

const handCosine = (spec, lrs, steps, into) => {
  const n = lrs.length
  const out = output(into?.lr, steps, n)
  for (let i = 0; i < n; i++) out[i] = lrs[i]
  cosineRows(out, lrs, 0, steps, spec.tMax, spec.etaMin ?? 0)
  return { lr: out }
}

const handCyclic = (spec, lrs, steps, into) => {
  const n = lrs.length
  const { baseLr, maxLr, stepSizeUp } = spec
  const up = stepSizeUp
  const down = spec.stepSizeDown ?? up
  const baseMomentum = spec.baseMomentum ?? 0.8
  const maxMomentum = spec.maxMomentum ?? 0.9
  const totalSize = up + down
  const stepRatio = up / totalSize
  const lr = output(into?.lr, steps, n)
  const momentum = output(into?.momentum, steps, n)
  for (let e = 0; e <= steps; e++) {
    const row = e * n
    // PyTorch's cycle position ('triangular': scale 1)
    const cycle = Math.floor(1 + e / totalSize)
    const x = 1.0 + e / totalSize - cycle
    const scaleFactor = x <= stepRatio ? x / stepRatio : (x - 1) / (stepRatio - 1)
    const scale = 1.0
    // row 0: the constructor's step leaves the initial lr, baseLr
    const l = e === 0 ? baseLr : baseLr + (maxLr - baseLr) * scaleFactor * scale
    const m = maxMomentum - (maxMomentum - baseMomentum) * scaleFactor * scale
    for (let i = 0; i < n; i++) {
      lr[row + i] = l
      momentum[row + i] = m
    }
  }
  return { lr, momentum }
}

const handOneCycle = (spec, lrs, steps, into) => {
  const n = lrs.length
  const { maxLr, totalSteps } = spec
  const pctStart = spec.pctStart ?? 0.3
  const divFactor = spec.divFactor ?? 25
  const finalDivFactor = spec.finalDivFactor ?? 1e4
  const baseMomentum = spec.baseMomentum ?? 0.85
  const maxMomentum = spec.maxMomentum ?? 0.95
  const end0 = pctStart * totalSteps - 1
  const end1 = totalSteps - 1
  const initialLr = maxLr / divFactor
  const minLr = maxLr / divFactor / finalDivFactor
  // PyTorch's _annealing_cos, given cos(π pct) + 1
  const anneal = (start, end, w) => end + ((start - end) / 2.0) * w
  const lr = output(into?.lr, steps, n)
  const momentum = output(into?.momentum, steps, n)
  for (let e = 0; e <= steps; e++) {
    const row = e * n
    const warm = e <= end0
    const w = Math.cos(Math.PI * (warm ? e / end0 : (e - end0) / (end1 - end0))) + 1
    const l = warm ? anneal(initialLr, maxLr, w) : anneal(maxLr, minLr, w)
    const m = warm ? anneal(maxMomentum, baseMomentum, w) : anneal(baseMomentum, maxMomentum, w)
    for (let i = 0; i < n; i++) {
      lr[row + i] = l
      momentum[row + i] = m
    }
  }
  return { lr, momentum }
}

// LinearLR's factor of step k (PyTorch's chainable form)
const linearFactor = (k, start, end, total) => (k > total ? 1 : 1.0 + (end - start) / (total * start + (k - 1) * (end - start)))

const handWarmupCosine = (spec, lrs, steps, into) => {
  const n = lrs.length
  const [warm, cosine] = spec.schedulers
  const { startFactor: start, totalIters: total } = warm
  const end = warm.endFactor ?? 1
  const [milestone] = spec.milestones
  const { tMax } = cosine
  const etaMin = cosine.etaMin ?? 0
  const out = output(into?.lr, steps, n)
  for (let i = 0; i < n; i++) out[i] = lrs[i] * start
  for (let k = 1; k < Math.min(milestone, steps + 1); k++) {
    const row = k * n
    const f = linearFactor(k, start, end, total)
    for (let i = 0; i < n; i++) out[row + i] = out[row - n + i] * f
  }
  if (milestone <= steps) {
    // at the milestone: the cosine's closed form at its step 0
    for (let i = 0; i < n; i++) out[milestone * n + i] = etaMin + ((lrs[i] - etaMin) * (1 + Math.cos((Math.PI * 0) / tMax))) / 2
    cosineRows(out, lrs, milestone, steps, tMax, etaMin)
  }
  return { lr: out }
}

const handNested = (spec, lrs, steps, into) => {
  const n = lrs.length
  const [sequentialSpec, rest] = spec.schedulers
  const [warm, exponential] = sequentialSpec.schedulers
  const { startFactor: start, totalIters: total } = warm
  const end = warm.endFactor ?? 1
  const [milestone] = sequentialSpec.milestones
  const gammaA = exponential.gamma
  const [stepSpec, last] = rest.schedulers
  const { stepSize, gamma: gammaStep } = stepSpec
  const [constantSpec, polySpec] = last.schedulers
  const { factor, totalIters: constantIters } = constantSpec
  const { totalIters: polyIters, power } = polySpec
  const out = output(into?.lr, steps, n)
  for (let i = 0; i < n; i++) out[i] = lrs[i] * start * factor
  for (let k = 1; k <= steps; k++) {
    const row = k * n
    // each child's factor of the step, in the chain's order
    // SequentialLR(LinearLR, ExponentialLR): at the milestone the lr goes back to base · gammaA ** 0
    const fSequential = k < milestone ? linearFactor(k, start, end, total) : gammaA
    const fStep = k % stepSize !== 0 ? 1 : gammaStep
    const fConstant = k !== constantIters ? 1 : 1.0 / factor
    const fPoly = k > polyIters ? 1 : ((1.0 - k / polyIters) / (1.0 - (k - 1) / polyIters)) ** power
    for (let i = 0; i < n; i++) {
      const lr = k === milestone ? lrs[i] * gammaA ** 0 : out[row - n + i] * fSequential
      out[row + i] = lr * fStep * fConstant * fPoly
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
