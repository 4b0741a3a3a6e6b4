// fast-check arbitraries for scheduler configs (the declarative JSON form) and param groups.
import fc from 'fast-check'
import type { Groups } from '../../src/index.js'

export type Config = { readonly type: string } & Record<string, unknown>

const gamma = fc.double({ min: 0.5, max: 1.05, noNaN: true }) // 1.05^5000 ≈ 1e106 stays finite
const factor = fc.double({ min: 0.01, max: 1, noNaN: true })
const int = (min: number, max: number) => fc.integer({ min, max })

/** Schedulers whose chainable form multiplies the lr it is given (they have `multiplier`). */
export const multiplierConfig: fc.Arbitrary<Config> = fc.oneof(
  fc.record({ type: fc.constant('StepLR'), stepSize: int(1, 50), gamma }),
  fc.record({ type: fc.constant('MultiStepLR'), milestones: fc.array(int(0, 300), { maxLength: 5 }), gamma }),
  fc.record({ type: fc.constant('ConstantLR'), factor, totalIters: int(1, 100) }),
  fc.record({
    type: fc.constant('LinearLR'),
    startFactor: factor,
    endFactor: fc.double({ min: 0, max: 1, noNaN: true }),
    totalIters: int(1, 300)
  }),
  fc.record({ type: fc.constant('ExponentialLR'), gamma: fc.double({ min: 0.9, max: 1.001, noNaN: true }) }),
  fc.record({ type: fc.constant('PolynomialLR'), totalIters: int(1, 300), power: fc.double({ min: 0, max: 3, noNaN: true }) })
)

/** Schedulers with a closed form. */
export const closedFormConfig: fc.Arbitrary<Config> = fc.oneof(
  multiplierConfig,
  fc.record({
    type: fc.constant('CosineAnnealingLR'),
    tMax: int(1, 500),
    etaMin: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e-3, noNaN: true }))
  }),
  fc.record({ type: fc.constant('LambdaLR'), lrLambda: fc.constantFrom('exp95', 'warmup10', 'invsqrt', 'step30', 'linear1000') }),
  fc.record({
    type: fc.constant('CosineAnnealingWarmRestarts'),
    t0: int(1, 200),
    tMult: int(1, 3),
    etaMin: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e-3, noNaN: true }))
  }),
  fc.record(
    {
      type: fc.constant('CyclicLR'),
      baseLr: fc.double({ min: 1e-4, max: 1e-2, noNaN: true }),
      maxLr: fc.double({ min: 1e-2, max: 1, noNaN: true }),
      stepSizeUp: int(1, 100),
      stepSizeDown: int(0, 100),
      mode: fc.constantFrom('triangular', 'triangular2', 'exp_range'),
      gamma: fc.double({ min: 0.99, max: 1, noNaN: true })
    },
    { requiredKeys: ['type', 'baseLr', 'maxLr'] }
  )
)

/** OneCycleLR with at least `minSteps` total steps (stepping past them is an error). */
export const oneCycleConfig = (minSteps: number, maxSteps: number): fc.Arbitrary<Config> =>
  fc
    .record({
      type: fc.constant('OneCycleLR'),
      maxLr: fc.double({ min: 1e-3, max: 1, noNaN: true }),
      totalSteps: int(minSteps, maxSteps),
      pctStart: fc.double({ min: 0.05, max: 0.95, noNaN: true }),
      annealStrategy: fc.constantFrom('cos', 'linear'),
      divFactor: fc.double({ min: 2, max: 100, noNaN: true }),
      finalDivFactor: fc.double({ min: 2, max: 1e4, noNaN: true }),
      threePhase: fc.boolean()
    })
    .filter((c) => c.pctStart * c.totalSteps !== 1)

/** ReduceLROnPlateau in every mode. */
export const plateauConfig: fc.Arbitrary<Config> = fc.record({
  type: fc.constant('ReduceLROnPlateau'),
  mode: fc.constantFrom('min', 'max'),
  factor: fc.double({ min: 0, max: 0.99, noNaN: true }),
  patience: int(0, 5),
  threshold: fc.double({ min: 0, max: 0.2, noNaN: true }),
  thresholdMode: fc.constantFrom('rel', 'abs'),
  cooldown: int(0, 4),
  minLr: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e-3, noNaN: true }))
})

/** Any plain scheduler (OneCycleLR long enough for every fold of these tests: 1000 steps). */
export const leafConfig: fc.Arbitrary<Config> = fc.oneof(
  closedFormConfig,
  fc.record({ type: fc.constant('MultiplicativeLR'), lrLambda: fc.constantFrom('const95', 'const999', 'alternate', 'slowdecay') }),
  oneCycleConfig(1000, 3000),
  plateauConfig
)

/**
 * Metrics for every step of a fold, from a seed (so fast-check shrinks and replays a single number):
 * a slowly drifting walk over a few levels, with long plateaus, so that plateau schedulers reduce.
 */
export const metricSeq = (seed: number, n = 3000): ReadonlyArray<number> => {
  let x = seed >>> 0 || 1
  let level = 8
  return Array.from({ length: n }, () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0
    const r = x / 2 ** 32
    if (r < 0.15) level = Math.max(0, level - 1)
    else if (r > 0.95) level += 1
    return 1 + level / 8
  })
}

/** The seed of `metricSeq`. */
export const metricSeed: fc.Arbitrary<ReadonlyArray<number>> = fc.integer().map((seed) => metricSeq(seed))

/** Increasing milestones for `n` children. */
export const milestones = (n: number): fc.Arbitrary<ReadonlyArray<number>> =>
  fc.uniqueArray(int(1, 400), { minLength: n - 1, maxLength: n - 1 }).map((ms) => [...ms].sort((a, b) => a - b))

const composite = (child: fc.Arbitrary<Config>): fc.Arbitrary<Config> =>
  fc.oneof(
    fc.array(child, { minLength: 1, maxLength: 3 }).map((schedulers): Config => ({ type: 'ChainedScheduler', schedulers })),
    fc
      .array(child, { minLength: 1, maxLength: 3 })
      .chain((schedulers) => milestones(schedulers.length).map((ms): Config => ({ type: 'SequentialLR', schedulers, milestones: ms })))
  )

/** Any schedule: plain, or composites nested up to two deep. */
export const anyConfig: fc.Arbitrary<Config> = fc.oneof(
  { weight: 2, arbitrary: leafConfig },
  { weight: 2, arbitrary: composite(leafConfig) },
  { weight: 1, arbitrary: composite(fc.oneof(leafConfig, composite(leafConfig))) }
)

/** 1 to 3 SGD-like param groups with momentum. */
export const groups: fc.Arbitrary<Groups> = fc.array(
  fc.record({ lr: fc.double({ min: 1e-4, max: 1, noNaN: true }), momentum: fc.double({ min: 0, max: 0.99, noNaN: true }) }),
  { minLength: 1, maxLength: 3 }
)
