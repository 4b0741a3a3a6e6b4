// The declarative format (../shared/contract.md §1): a decoded config is the scheduler the
// TypeScript API builds from the same arguments, defaults are PyTorch's, and every kind of bad
// input is rejected with every problem listed, each as `path: message` (pinned here line by line).
import { describe, expect, test } from 'vitest'
import {
  type AnyScheduler,
  type Groups,
  chain,
  constantLR,
  cosineAnnealingLR,
  cosineAnnealingWarmRestarts,
  cyclicLR,
  decodeSchedule,
  encodeSchedule,
  exponentialLR,
  formatConfigErrors,
  lambdaLR,
  linearLR,
  multiStepLR,
  multiplicativeLR,
  oneCycleLR,
  paramGroups,
  polynomialLR,
  reduceLROnPlateau,
  scheduleFromConfig,
  schedulerTypes,
  sequential,
  stepLR,
  trace,
  ScheduleError
} from '../../src/index.js'
import { configErrors, decodeOk, errorLines, expectSameTrace } from '../helpers/decode.js'
import { functions } from '../helpers/functions.js'
import { lrLambdas, multiplicativeLambdas, scaleFns } from '../helpers/registry.js'
import { range } from '../helpers/lists.js'

const sgd2: Groups = paramGroups([0.1, 0.05], 0.9)
const sgd3: Groups = paramGroups([0.1, 0.05, 0.01], 0.9)
/** A metric that plateaus, improves a little, and plateaus again (plateau schedulers reduce). */
const metrics = range(400, (k) => (k < 40 ? 1 - k * 0.01 : k < 120 ? 0.6 : k < 200 ? 0.6 - (k - 120) * 1e-6 : 0.5 + ((k * 7) % 5) * 0.01))

// -------------------------------------------------------------------------------------
// a decoded config is the TypeScript constructor's scheduler
// -------------------------------------------------------------------------------------

interface Same {
  readonly name: string
  readonly config: unknown
  readonly build: () => AnyScheduler
  readonly groups?: Groups
  readonly steps?: number
  readonly metrics?: ReadonlyArray<number>
}

const same: ReadonlyArray<Same> = [
  { name: 'StepLR', config: { type: 'StepLR', stepSize: 3, gamma: 0.5 }, build: () => stepLR({ stepSize: 3, gamma: 0.5 }) },
  {
    name: 'MultiStepLR (unsorted, repeated milestones)',
    config: { type: 'MultiStepLR', milestones: [30, 10, 30], gamma: 0.3 },
    build: () => multiStepLR({ milestones: [30, 10, 30], gamma: 0.3 })
  },
  { name: 'ConstantLR', config: { type: 'ConstantLR', factor: 0.25, totalIters: 7 }, build: () => constantLR({ factor: 0.25, totalIters: 7 }) },
  {
    name: 'LinearLR',
    config: { type: 'LinearLR', startFactor: 0.1, endFactor: 0.9, totalIters: 17 },
    build: () => linearLR({ startFactor: 0.1, endFactor: 0.9, totalIters: 17 })
  },
  { name: 'ExponentialLR', config: { type: 'ExponentialLR', gamma: 0.97 }, build: () => exponentialLR({ gamma: 0.97 }) },
  { name: 'PolynomialLR', config: { type: 'PolynomialLR', totalIters: 50, power: 2.5 }, build: () => polynomialLR({ totalIters: 50, power: 2.5 }) },
  {
    name: 'CosineAnnealingLR',
    config: { type: 'CosineAnnealingLR', tMax: 40, etaMin: 1e-4 },
    build: () => cosineAnnealingLR({ tMax: 40, etaMin: 1e-4 })
  },
  {
    name: 'CosineAnnealingWarmRestarts',
    config: { type: 'CosineAnnealingWarmRestarts', t0: 5, tMult: 2, etaMin: 1e-3 },
    build: () => cosineAnnealingWarmRestarts({ t0: 5, tMult: 2, etaMin: 1e-3 })
  },
  {
    name: 'CyclicLR (exp_range, per-group lists, momentum)',
    config: {
      type: 'CyclicLR',
      baseLr: [0.01, 0.001],
      maxLr: 0.1,
      stepSizeUp: 7,
      stepSizeDown: 3,
      mode: 'exp_range',
      gamma: 0.99,
      baseMomentum: [0.8, 0.7],
      maxMomentum: 0.95
    },
    build: () =>
      cyclicLR({ baseLr: [0.01, 0.001], maxLr: 0.1, stepSizeUp: 7, stepSizeDown: 3, mode: 'exp_range', gamma: 0.99, baseMomentum: [0.8, 0.7], maxMomentum: 0.95 })
  },
  {
    name: 'CyclicLR (a named scaleFn, iterations)',
    config: { type: 'CyclicLR', baseLr: 0.01, maxLr: 0.1, stepSizeUp: 5, scaleFn: 'decay99', scaleMode: 'iterations', cycleMomentum: false },
    build: () => cyclicLR({ baseLr: 0.01, maxLr: 0.1, stepSizeUp: 5, scaleFn: scaleFns['decay99']!, scaleMode: 'iterations', cycleMomentum: false })
  },
  {
    name: 'OneCycleLR (epochs · stepsPerEpoch, three phases, linear)',
    config: {
      type: 'OneCycleLR',
      maxLr: [1, 0.5],
      epochs: 4,
      stepsPerEpoch: 50,
      pctStart: 0.25,
      annealStrategy: 'linear',
      baseMomentum: 0.8,
      maxMomentum: [0.9, 0.95],
      divFactor: 10,
      finalDivFactor: 100,
      threePhase: true
    },
    build: () =>
      oneCycleLR({
        maxLr: [1, 0.5],
        epochs: 4,
        stepsPerEpoch: 50,
        pctStart: 0.25,
        annealStrategy: 'linear',
        baseMomentum: 0.8,
        maxMomentum: [0.9, 0.95],
        divFactor: 10,
        finalDivFactor: 100,
        threePhase: true
      }),
    steps: 200
  },
  {
    name: 'ReduceLROnPlateau',
    config: { type: 'ReduceLROnPlateau', mode: 'min', factor: 0.5, patience: 3, threshold: 0.01, thresholdMode: 'abs', cooldown: 2, minLr: [0.001, 0.002], eps: 1e-6 },
    build: () => reduceLROnPlateau({ mode: 'min', factor: 0.5, patience: 3, threshold: 0.01, thresholdMode: 'abs', cooldown: 2, minLr: [0.001, 0.002], eps: 1e-6 }),
    metrics
  },
  {
    name: 'LambdaLR (one name per group)',
    config: { type: 'LambdaLR', lrLambda: ['warmup10', 'exp95'] },
    build: () => lambdaLR({ lrLambda: [lrLambdas['warmup10']!, lrLambdas['exp95']!] })
  },
  {
    name: 'MultiplicativeLR',
    config: { type: 'MultiplicativeLR', lrLambda: 'alternate' },
    build: () => multiplicativeLR({ lrLambda: multiplicativeLambdas['alternate']! })
  },
  {
    name: 'MultiplicativeLR (one name per group, three groups)',
    config: { type: 'MultiplicativeLR', lrLambda: ['alternate', 'const95', 'slowdecay'] },
    build: () => multiplicativeLR({ lrLambda: ['alternate', 'const95', 'slowdecay'].map((n) => multiplicativeLambdas[n]!) }),
    groups: sgd3
  },
  {
    name: 'SequentialLR (warm-up, then cosine)',
    config: {
      type: 'SequentialLR',
      schedulers: [
        { type: 'LinearLR', startFactor: 0.01, totalIters: 10 },
        { type: 'CosineAnnealingLR', tMax: 90, etaMin: 1e-5 }
      ],
      milestones: [10]
    },
    build: () => sequential([linearLR({ startFactor: 0.01, totalIters: 10 }), cosineAnnealingLR({ tMax: 90, etaMin: 1e-5 })], [10])
  },
  {
    name: 'ChainedScheduler',
    config: { type: 'ChainedScheduler', schedulers: [{ type: 'ConstantLR', factor: 0.5, totalIters: 4 }, { type: 'ExponentialLR', gamma: 0.9 }] },
    build: () => chain([constantLR({ factor: 0.5, totalIters: 4 }), exponentialLR({ gamma: 0.9 })])
  },
  {
    name: 'SequentialLR and ChainedScheduler nested three deep (plateau and CyclicLR inside)',
    config: {
      type: 'SequentialLR',
      schedulers: [
        { type: 'ChainedScheduler', schedulers: [{ type: 'LinearLR', startFactor: 0.5, totalIters: 5 }, { type: 'LambdaLR', lrLambda: 'invsqrt' }] },
        {
          type: 'ChainedScheduler',
          schedulers: [
            {
              type: 'SequentialLR',
              schedulers: [
                { type: 'CyclicLR', baseLr: 0.01, maxLr: 0.1, stepSizeUp: 4 },
                { type: 'StepLR', stepSize: 7 }
              ],
              milestones: [16]
            },
            { type: 'ReduceLROnPlateau', patience: 2, factor: 0.5 }
          ]
        }
      ],
      milestones: [12]
    },
    build: () =>
      sequential(
        [
          chain([linearLR({ startFactor: 0.5, totalIters: 5 }), lambdaLR({ lrLambda: functions['invsqrt']! })]),
          chain([
            sequential([cyclicLR({ baseLr: 0.01, maxLr: 0.1, stepSizeUp: 4 }), stepLR({ stepSize: 7 })], [16]),
            reduceLROnPlateau({ patience: 2, factor: 0.5 })
          ])
        ],
        [12]
      ),
    metrics
  }
]

describe('a decoded config traces as the TypeScript constructor with the same arguments, bit for bit', () => {
  test.each(same.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const decoded = decodeOk(c.config)
    const built = c.build()
    expectSameTrace(decoded, built, c.groups ?? sgd2, c.steps ?? 300, c.metrics)
    // and the decoded scheduler's config is the constructor's (defaults filled in the same way)
    expect(encodeSchedule(decoded, functions)).toEqual(encodeSchedule(built, functions))
  })

  test('scheduleFromConfig builds the same scheduler as decodeSchedule', () => {
    const config = same[0]!.config
    expectSameTrace(scheduleFromConfig(config), decodeOk(config), sgd2, 20)
  })

  test('every type of the contract is known: the PyTorch family, the composites, Every, and presets under a dotted prefix', () => {
    // the prefixes of contract §1
    const pytorch = PYTORCH_TYPES.split(', ')
    expect(schedulerTypes()).toEqual(expect.arrayContaining([...pytorch, 'Every']))
    expect(schedulerTypes().filter((k) => !pytorch.includes(k) && k !== 'Every').every((k) => /^(optax|keras|hf|timm|deepspeed|composer|fairseq|nemo|fastai).[A-Za-z][A-Za-z0-9_]*$/.test(k))).toBe(true)
  })
})

// -------------------------------------------------------------------------------------
// defaults are PyTorch's
// -------------------------------------------------------------------------------------

// Each default below is copied from the signature of torch.optim.lr_scheduler (torch 2.13), not
// from this library: a config with only the required keys must be the constructor given all of them.
interface Defaults {
  readonly type: string
  readonly required: Record<string, unknown>
  /** PyTorch's defaults, in camelCase. */
  readonly pytorch: Record<string, unknown>
  readonly build: (args: any) => AnyScheduler
  readonly steps: number
  readonly metrics?: ReadonlyArray<number>
  readonly groups?: Groups
}

/** Slowly improving metrics (by 0.005 per step: an improvement in `abs` mode, only every 20 steps in `rel` mode at threshold 1e-4 · 1000). */
const slowMetrics = range(300, (k) => 1000 - 0.005 * k)

const defaults: ReadonlyArray<Defaults> = [
  // StepLR(optimizer, step_size, gamma=0.1)
  { type: 'StepLR', required: { stepSize: 4 }, pytorch: { gamma: 0.1 }, build: stepLR, steps: 20 },
  // MultiStepLR(optimizer, milestones, gamma=0.1)
  { type: 'MultiStepLR', required: { milestones: [3, 8] }, pytorch: { gamma: 0.1 }, build: multiStepLR, steps: 20 },
  // ConstantLR(optimizer, factor=1.0 / 3, total_iters=5)
  { type: 'ConstantLR', required: {}, pytorch: { factor: 1.0 / 3, totalIters: 5 }, build: constantLR, steps: 20 },
  // LinearLR(optimizer, start_factor=1.0 / 3, end_factor=1.0, total_iters=5)
  { type: 'LinearLR', required: {}, pytorch: { startFactor: 1.0 / 3, endFactor: 1.0, totalIters: 5 }, build: linearLR, steps: 20 },
  // ExponentialLR(optimizer, gamma): no defaults
  { type: 'ExponentialLR', required: { gamma: 0.9 }, pytorch: {}, build: exponentialLR, steps: 20 },
  // PolynomialLR(optimizer, total_iters=5, power=1.0)
  { type: 'PolynomialLR', required: {}, pytorch: { totalIters: 5, power: 1.0 }, build: polynomialLR, steps: 20 },
  // CosineAnnealingLR(optimizer, T_max, eta_min=0.0)
  { type: 'CosineAnnealingLR', required: { tMax: 10 }, pytorch: { etaMin: 0.0 }, build: cosineAnnealingLR, steps: 30 },
  // CosineAnnealingWarmRestarts(optimizer, T_0, T_mult=1, eta_min=0.0)
  { type: 'CosineAnnealingWarmRestarts', required: { t0: 4 }, pytorch: { tMult: 1, etaMin: 0.0 }, build: cosineAnnealingWarmRestarts, steps: 30 },
  // CyclicLR(optimizer, base_lr, max_lr, step_size_up=2000, step_size_down=None (= step_size_up),
  //   mode='triangular', gamma=1.0, scale_fn=None, scale_mode='cycle', cycle_momentum=True,
  //   base_momentum=0.8, max_momentum=0.9)
  {
    type: 'CyclicLR',
    required: { baseLr: 0.001, maxLr: 0.1 },
    pytorch: { stepSizeUp: 2000, stepSizeDown: 2000, mode: 'triangular', gamma: 1.0, cycleMomentum: true, baseMomentum: 0.8, maxMomentum: 0.9 },
    build: cyclicLR,
    steps: 8500
  },
  // OneCycleLR(optimizer, max_lr, total_steps=None, epochs=None, steps_per_epoch=None, pct_start=0.3,
  //   anneal_strategy='cos', cycle_momentum=True, base_momentum=0.85, max_momentum=0.95,
  //   div_factor=25.0, final_div_factor=1e4, three_phase=False)
  {
    type: 'OneCycleLR',
    required: { maxLr: 0.5, totalSteps: 100 },
    pytorch: {
      pctStart: 0.3,
      annealStrategy: 'cos',
      cycleMomentum: true,
      baseMomentum: 0.85,
      maxMomentum: 0.95,
      divFactor: 25.0,
      finalDivFactor: 1e4,
      threePhase: false
    },
    build: oneCycleLR,
    steps: 100
  },
  // ReduceLROnPlateau(optimizer, mode='min', factor=0.1, patience=10, threshold=1e-4,
  //   threshold_mode='rel', cooldown=0, min_lr=0, eps=1e-8)
  {
    type: 'ReduceLROnPlateau',
    required: {},
    pytorch: { mode: 'min', factor: 0.1, patience: 10, threshold: 1e-4, thresholdMode: 'rel', cooldown: 0, minLr: 0, eps: 1e-8 },
    build: reduceLROnPlateau,
    steps: 300,
    metrics: slowMetrics
  },
  // LambdaLR(optimizer, lr_lambda), MultiplicativeLR(optimizer, lr_lambda): no defaults
  { type: 'LambdaLR', required: { lrLambda: 'step30' }, pytorch: {}, build: (a) => lambdaLR({ lrLambda: functions[a.lrLambda]! }), steps: 100 },
  {
    type: 'MultiplicativeLR',
    required: { lrLambda: 'const95' },
    pytorch: {},
    build: (a) => multiplicativeLR({ lrLambda: functions[a.lrLambda]! }),
    steps: 100
  }
]

describe("a config with only the required keys is the constructor given PyTorch's defaults", () => {
  test.each(defaults.map((d) => [d.type, d] as const))('%s', (_type, d) => {
    const decoded = decodeOk({ type: d.type, ...d.required })
    expectSameTrace(decoded, d.build({ ...d.required, ...d.pytorch }), d.groups ?? sgd2, d.steps, d.metrics)
    // the defaults are written out when the schedule is encoded back
    const encoded = encodeSchedule(decoded, functions)
    expect(encoded).toEqual({ _tag: 'Right', right: { type: d.type, ...d.required, ...d.pytorch } })
  })

  test('the defaults matter: ReduceLROnPlateau with the slow metrics reduces differently in abs mode', () => {
    // (guards the test above: these metrics tell thresholdMode rel from abs, and patience 10 from others)
    const rel = decodeOk({ type: 'ReduceLROnPlateau' })
    const abs = decodeOk({ type: 'ReduceLROnPlateau', thresholdMode: 'abs' })
    const a = JSON.stringify(trace(rel, [1], 300, slowMetrics).lr)
    expect(JSON.stringify(trace(abs, [1], 300, slowMetrics).lr)).not.toBe(a)
    expect(JSON.stringify(trace(decodeOk({ type: 'ReduceLROnPlateau', patience: 9 }), [1], 300, slowMetrics).lr)).not.toBe(a)
  })

  test("CyclicLR's stepSizeDown defaults to stepSizeUp, whatever stepSizeUp is", () => {
    expectSameTrace(
      decodeOk({ type: 'CyclicLR', baseLr: 0.001, maxLr: 0.1, stepSizeUp: 7 }),
      cyclicLR({ baseLr: 0.001, maxLr: 0.1, stepSizeUp: 7, stepSizeDown: 7 }),
      sgd2,
      50
    )
  })
})

// -------------------------------------------------------------------------------------
// errors, one rendered line per problem
// -------------------------------------------------------------------------------------

const PYTORCH_TYPES =
  'StepLR, MultiStepLR, ConstantLR, LinearLR, ExponentialLR, PolynomialLR, CosineAnnealingLR, CosineAnnealingWarmRestarts, CyclicLR, OneCycleLR, ReduceLROnPlateau, LambdaLR, MultiplicativeLR, SWALR, SequentialLR, ChainedScheduler'
const PRESET_PREFIXES = [...new Set(schedulerTypes().flatMap((k) => (k.includes('.') ? [k.slice(0, k.indexOf('.'))] : [])))]
const TYPES = `a PyTorch class name (${PYTORCH_TYPES}), Every or a preset type (${PRESET_PREFIXES.map((p) => `${p}.<name>`).join(', ')})`
const REGISTERED = Object.keys(functions).join(', ')

interface Bad {
  readonly name: string
  readonly config: unknown
  readonly groups?: number
  readonly lines: ReadonlyArray<string>
}

const table = (cases: ReadonlyArray<Bad>) =>
  test.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(errorLines(c.config, c.groups === undefined ? {} : { groups: c.groups })).toEqual(c.lines)
  })

describe('unknown keys', () => {
  table([
    { name: 'a typo of an argument', config: { type: 'StepLR', stepSize: 2, gama: 0.5 }, lines: ['gama: unknown argument of StepLR (it takes stepSize, gamma)'] },
    {
      name: "PyTorch's snake_case name",
      config: { type: 'CosineAnnealingLR', T_max: 10 },
      lines: ['T_max: unknown argument of CosineAnnealingLR (it takes tMax, etaMin)', 'tMax: missing, expected a positive integer']
    },
    {
      name: 'PyTorch arguments that are not config arguments (last_epoch, verbose)',
      config: { type: 'ExponentialLR', gamma: 0.9, lastEpoch: 3, verbose: true },
      lines: ['lastEpoch: unknown argument of ExponentialLR (it takes gamma)', 'verbose: unknown argument of ExponentialLR (it takes gamma)']
    },
    {
      name: 'in a composite',
      config: { type: 'ChainedScheduler', schedulers: [{ type: 'ExponentialLR', gamma: 0.9 }], milestones: [] },
      lines: ['milestones: unknown argument of ChainedScheduler (it takes schedulers)']
    },
    {
      name: 'in a SequentialLR',
      config: { type: 'SequentialLR', schedulers: [{ type: 'ExponentialLR', gamma: 0.9 }], milestones: [], lastEpoch: -1 },
      lines: ['lastEpoch: unknown argument of SequentialLR (it takes schedulers, milestones)']
    },
    {
      name: 'an own "__proto__" key (as JSON.parse makes it)',
      config: JSON.parse('{"type":"StepLR","stepSize":2,"__proto__":{"gamma":0.5}}'),
      lines: ['__proto__: unknown argument of StepLR (it takes stepSize, gamma)']
    }
  ])
})

describe('wrong types', () => {
  table([
    { name: 'a number as a string', config: { type: 'StepLR', stepSize: '2' }, lines: ['stepSize: expected a positive integer, got "2"'] },
    { name: 'null for an optional argument (not the default)', config: { type: 'StepLR', stepSize: 2, gamma: null }, lines: ['gamma: expected a finite number > 0, got null'] },
    { name: '"NaN" as a string', config: { type: 'ExponentialLR', gamma: 'NaN' }, lines: ['gamma: expected a finite number > 0, got "NaN"'] },
    { name: 'a boolean as a string', config: { type: 'OneCycleLR', maxLr: 1, totalSteps: 10, threePhase: 'false' }, lines: ['threePhase: expected a boolean, got "false"'] },
    {
      name: 'an enum value misspelled or of another case',
      config: { type: 'CyclicLR', baseLr: 0.1, maxLr: 1, mode: 'Triangular2', scaleMode: 'cycles' },
      lines: ['mode: expected one of "triangular", "triangular2", "exp_range", got "Triangular2"', 'scaleMode: expected one of "cycle", "iterations", got "cycles"']
    },
    { name: 'milestones not an array', config: { type: 'MultiStepLR', milestones: 30 }, lines: ['milestones: expected an array, got 30'] },
    {
      name: 'a per-group argument as an object',
      config: { type: 'OneCycleLR', maxLr: { a: 1 }, totalSteps: 10 },
      lines: ['maxLr: expected a finite number >= 0, got {"a":1}']
    },
    {
      name: 'a per-group entry of the wrong type',
      config: { type: 'CyclicLR', baseLr: [0.1, '0.2'], maxLr: 1 },
      lines: ['baseLr[1]: expected a finite number >= 0, got "0.2"']
    },
    {
      name: 'a function name that is not a string',
      config: { type: 'LambdaLR', lrLambda: 0.95 },
      lines: ['lrLambda: expected a function name or a non-empty array of names (one per param group), got 0.95']
    },
    { name: 'a scaleFn that is not a name', config: { type: 'CyclicLR', baseLr: 0.1, maxLr: 1, scaleFn: ['decay99'] }, lines: ['scaleFn: expected a function name, got ["decay99"]'] },
    { name: 'schedulers not an array', config: { type: 'ChainedScheduler', schedulers: { type: 'StepLR', stepSize: 2 } }, lines: ['schedulers: expected a non-empty array, got {"type":"StepLR","stepSize":2}'] },
    {
      name: 'a child that is not an object',
      config: { type: 'SequentialLR', schedulers: ['StepLR', null], milestones: [5] },
      lines: [
        'schedulers[0]: expected a scheduler config (an object with a "type"), got "StepLR"',
        'schedulers[1]: expected a scheduler config (an object with a "type"), got null'
      ]
    }
  ])
})

describe('out of range', () => {
  table([
    { name: 'stepSize 0', config: { type: 'StepLR', stepSize: 0 }, lines: ['stepSize: expected a positive integer, got 0'] },
    { name: 'a fractional integer', config: { type: 'StepLR', stepSize: 2.5 }, lines: ['stepSize: expected a positive integer, got 2.5'] },
    { name: 'an integer beyond 2^53', config: { type: 'CosineAnnealingLR', tMax: 2 ** 53 }, lines: ['tMax: expected a positive integer, got 9007199254740992'] },
    { name: 'gamma 0 and negative', config: { type: 'MultiStepLR', milestones: [1], gamma: 0 }, lines: ['gamma: expected a finite number > 0, got 0'] },
    { name: 'a factor of 0 (PyTorch divides by it later)', config: { type: 'ConstantLR', factor: 0 }, lines: ['factor: expected a number in (0, 1], got 0'] },
    { name: 'a factor above 1', config: { type: 'LinearLR', startFactor: 1.5, endFactor: -0.1 }, lines: ['startFactor: expected a number in (0, 1], got 1.5', 'endFactor: expected a number in [0, 1], got -0.1'] },
    { name: "ReduceLROnPlateau's factor 1 (it must reduce)", config: { type: 'ReduceLROnPlateau', factor: 1 }, lines: ['factor: expected a number in [0, 1), got 1'] },
    { name: 'a negative count', config: { type: 'ReduceLROnPlateau', patience: -1, cooldown: 0.5 }, lines: ['patience: expected a non-negative integer, got -1', 'cooldown: expected a non-negative integer, got 0.5'] },
    { name: 'a negative power', config: { type: 'PolynomialLR', power: -1 }, lines: ['power: expected a finite number >= 0, got -1'] },
    { name: 'pctStart above 1', config: { type: 'OneCycleLR', maxLr: 1, totalSteps: 10, pctStart: 1.5 }, lines: ['pctStart: expected a number in [0, 1], got 1.5'] },
    {
      name: 'pctStart · totalSteps = 1 (a warm-up of no length)',
      config: { type: 'OneCycleLR', maxLr: 1, totalSteps: 10, pctStart: 0.1 },
      lines: ['pctStart: expected a fraction with pctStart · totalSteps ≠ 1 (the warm-up phase would have no length; PyTorch divides by zero) for totalSteps 10, got 0.1']
    },
    {
      name: 'totalSteps disagreeing with epochs · stepsPerEpoch',
      config: { type: 'OneCycleLR', maxLr: 1, totalSteps: 10, epochs: 2, stepsPerEpoch: 4 },
      lines: ['totalSteps: expected epochs · stepsPerEpoch = 8 when all three are given, got 10']
    },
    {
      name: 'negative per-group entries, every one listed',
      config: { type: 'CyclicLR', baseLr: [0.1, -0.1], maxLr: [-1, 1], baseMomentum: -0.5 },
      lines: [
        'baseLr[1]: expected a finite number >= 0, got -0.1',
        'maxLr[0]: expected a finite number >= 0, got -1',
        'baseMomentum: expected a finite number >= 0, got -0.5'
      ]
    },
    { name: 'stepSizeDown negative', config: { type: 'CyclicLR', baseLr: 0.1, maxLr: 1, stepSizeDown: -1 }, lines: ['stepSizeDown: expected a non-negative integer, got -1'] },
    { name: 'tMult 0', config: { type: 'CosineAnnealingWarmRestarts', t0: 10, tMult: 0 }, lines: ['tMult: expected a positive integer, got 0'] }
  ])
})

describe('missing required arguments', () => {
  table([
    { name: 'StepLR without stepSize', config: { type: 'StepLR', gamma: 0.5 }, lines: ['stepSize: missing, expected a positive integer'] },
    { name: 'MultiStepLR without milestones', config: { type: 'MultiStepLR' }, lines: ['milestones: missing, expected an array'] },
    { name: 'ExponentialLR without gamma', config: { type: 'ExponentialLR' }, lines: ['gamma: missing, expected a finite number > 0'] },
    { name: 'CosineAnnealingWarmRestarts without t0', config: { type: 'CosineAnnealingWarmRestarts' }, lines: ['t0: missing, expected a positive integer'] },
    { name: 'CyclicLR without its bounds', config: { type: 'CyclicLR' }, lines: ['baseLr: missing, expected a finite number >= 0', 'maxLr: missing, expected a finite number >= 0'] },
    {
      name: 'OneCycleLR without maxLr (and so not built further)',
      config: { type: 'OneCycleLR', totalSteps: 10 },
      lines: ['maxLr: missing, expected a finite number >= 0']
    },
    {
      name: 'OneCycleLR without totalSteps',
      config: { type: 'OneCycleLR', maxLr: 1 },
      lines: ['totalSteps: missing, expected a positive integer (or epochs and stepsPerEpoch)']
    },
    {
      name: 'OneCycleLR with epochs but no stepsPerEpoch',
      config: { type: 'OneCycleLR', maxLr: 1, epochs: 3 },
      lines: ['stepsPerEpoch: missing, expected a positive integer (epochs is given)']
    },
    {
      name: 'LambdaLR without lrLambda',
      config: { type: 'LambdaLR' },
      lines: ['lrLambda: missing, expected a function name or a non-empty array of names (one per param group)']
    },
    { name: 'ChainedScheduler without schedulers', config: { type: 'ChainedScheduler' }, lines: ['schedulers: missing, expected a non-empty array'] },
    {
      name: 'SequentialLR without milestones',
      config: { type: 'SequentialLR', schedulers: [{ type: 'ExponentialLR', gamma: 0.9 }] },
      lines: ['milestones: missing, expected an array']
    }
  ])
})

describe('unknown or missing type, non-object configs', () => {
  table([
    { name: 'an unknown type', config: { type: 'StepLr', stepSize: 2 }, lines: [`type: expected ${TYPES}, got "StepLr"`] },
    { name: 'no type', config: { stepSize: 2 }, lines: [`type: missing, expected ${TYPES}`] },
    { name: 'a type that is not a string', config: { type: 3 }, lines: [`type: expected ${TYPES}, got 3`] },
    { name: "the name of an Object.prototype property (not a scheduler)", config: { type: 'toString' }, lines: [`type: expected ${TYPES}, got "toString"`] },
    { name: 'a preset type that does not exist in its family', config: { type: 'hf.cosine_decay' }, lines: [`type: expected one of the hf presets (${schedulerTypes().filter((k) => k.startsWith('hf.')).join(', ')}), got "hf.cosine_decay"`] },
    { name: 'a number', config: 42, lines: ['config: expected a scheduler config (an object with a "type"), got 42'] },
    { name: 'null', config: null, lines: ['config: expected a scheduler config (an object with a "type"), got null'] },
    { name: 'an array', config: [{ type: 'StepLR', stepSize: 2 }], lines: ['config: expected a scheduler config (an object with a "type"), got [{"type":"StepLR","stepSize":2}]'] },
    { name: 'a string (JSON not parsed)', config: '{"type":"StepLR"}', lines: ['config: expected a scheduler config (an object with a "type"), got "{\\"type\\":\\"StepLR\\"}"'] },
    { name: 'undefined', config: undefined, lines: ['config: expected a scheduler config (an object with a "type"), got undefined'] }
  ])
})

describe('bad milestones', () => {
  const two = [{ type: 'ExponentialLR', gamma: 0.9 }, { type: 'StepLR', stepSize: 2 }]
  const three = [...two, { type: 'ConstantLR' }]
  table([
    {
      name: 'too few for the schedulers',
      config: { type: 'SequentialLR', schedulers: three, milestones: [5] },
      lines: ['milestones: expected 2 milestones (one fewer than the 3 schedulers), got [5]']
    },
    {
      name: 'too many for the schedulers',
      config: { type: 'SequentialLR', schedulers: two, milestones: [5, 10] },
      lines: ['milestones: expected 1 milestone (one fewer than the 2 schedulers), got [5,10]']
    },
    {
      name: 'not increasing',
      config: { type: 'SequentialLR', schedulers: three, milestones: [10, 5] },
      lines: ['milestones[1]: expected a milestone > 10 (milestones must increase strictly), got 5']
    },
    {
      name: 'repeated',
      config: { type: 'SequentialLR', schedulers: three, milestones: [5, 5] },
      lines: ['milestones[1]: expected a milestone > 5 (milestones must increase strictly), got 5']
    },
    { name: 'negative', config: { type: 'SequentialLR', schedulers: two, milestones: [-5] }, lines: ['milestones[0]: expected a non-negative integer, got -5'] },
    { name: 'fractional', config: { type: 'SequentialLR', schedulers: two, milestones: [2.5] }, lines: ['milestones[0]: expected a non-negative integer, got 2.5'] },
    {
      name: "MultiStepLR's, every bad entry listed",
      config: { type: 'MultiStepLR', milestones: [10, -1, 2.5, '30'] },
      lines: [
        'milestones[1]: expected a non-negative integer, got -1',
        'milestones[2]: expected a non-negative integer, got 2.5',
        'milestones[3]: expected a non-negative integer, got "30"'
      ]
    }
  ])

  test('a first milestone of 0 is allowed (the first scheduler is skipped, as in torch 2.13)', () => {
    expect(decodeSchedule({ type: 'SequentialLR', schedulers: two, milestones: [0] })._tag).toBe('Right')
  })
  test("MultiStepLR's milestones may be empty, unsorted and repeated (PyTorch counts them)", () => {
    expect(decodeSchedule({ type: 'MultiStepLR', milestones: [] })._tag).toBe('Right')
    expect(decodeSchedule({ type: 'MultiStepLR', milestones: [9, 3, 3] })._tag).toBe('Right')
  })
})

describe('empty composites', () => {
  table([
    { name: 'a ChainedScheduler of nothing', config: { type: 'ChainedScheduler', schedulers: [] }, lines: ['schedulers: expected a non-empty array, got []'] },
    { name: 'a SequentialLR of nothing', config: { type: 'SequentialLR', schedulers: [], milestones: [] }, lines: ['schedulers: expected a non-empty array, got []'] },
    {
      name: 'an empty composite nested',
      config: { type: 'SequentialLR', schedulers: [{ type: 'ExponentialLR', gamma: 0.9 }, { type: 'ChainedScheduler', schedulers: [] }], milestones: [3] },
      lines: ['schedulers[1].schedulers: expected a non-empty array, got []']
    }
  ])
})

describe('per-group lists', () => {
  table([
    {
      name: 'against the number of groups',
      config: { type: 'CyclicLR', baseLr: [0.01, 0.02], maxLr: 0.1 },
      groups: 3,
      lines: ['baseLr: expected 3 values (one per param group), got [0.01,0.02]']
    },
    {
      name: 'against the number of groups, momentum',
      config: { type: 'OneCycleLR', maxLr: 1, totalSteps: 10, baseMomentum: [0.8, 0.85], maxMomentum: [0.9, 0.95] },
      groups: 1,
      lines: ['baseMomentum: expected 1 value (one per param group), got [0.8,0.85]']
    },
    {
      name: "ReduceLROnPlateau's minLr against the groups",
      config: { type: 'ReduceLROnPlateau', minLr: [0, 0.001] },
      groups: 3,
      lines: ['minLr: expected 3 values (one per param group), got [0,0.001]']
    },
    {
      name: 'function names against the groups (the names are shown, not the functions)',
      config: { type: 'LambdaLR', lrLambda: ['warmup10', 'exp95'] },
      groups: 3,
      lines: ['lrLambda: expected 3 values (one per param group), got ["warmup10","exp95"]']
    },
    {
      name: 'against each other, without the number of groups',
      config: { type: 'CyclicLR', baseLr: [0.01, 0.02], maxLr: [0.1, 0.2, 0.3] },
      lines: ['maxLr: expected 2 values (one per param group), got [0.1,0.2,0.3]']
    },
    {
      name: 'against each other, momentum',
      config: { type: 'OneCycleLR', maxLr: [1, 0.5], totalSteps: 10, maxMomentum: [0.9, 0.95, 0.99] },
      lines: ['maxMomentum: expected 2 values (one per param group), got [0.9,0.95,0.99]']
    },
    {
      name: 'an empty list',
      config: { type: 'CyclicLR', baseLr: [], maxLr: 0.1 },
      lines: ['baseLr: expected a number or a non-empty array of numbers (one per param group), got []']
    },
    {
      name: 'in a composite, against the number of groups',
      config: {
        type: 'SequentialLR',
        schedulers: [
          { type: 'CyclicLR', baseLr: [0.01, 0.02], maxLr: 0.1, stepSizeUp: 5 },
          { type: 'OneCycleLR', maxLr: [1, 0.5, 0.1], totalSteps: 100 }
        ],
        milestones: [10]
      },
      groups: 2,
      lines: ['schedulers[1].maxLr: expected 2 values (one per param group), got [1,0.5,0.1]']
    }
  ])

  test('lists that agree with the groups decode', () => {
    expect(decodeSchedule({ type: 'CyclicLR', baseLr: [0.01, 0.02], maxLr: [0.1, 0.2], baseMomentum: [0.8, 0.85] }, { groups: 2 })._tag).toBe('Right')
  })
  test('momentum lists are not checked when momentum is not cycled (PyTorch ignores them then)', () => {
    expect(decodeSchedule({ type: 'CyclicLR', baseLr: 0.01, maxLr: 0.1, cycleMomentum: false, baseMomentum: [0.8, 0.85] }, { groups: 3 })._tag).toBe('Right')
  })
  test('the number of groups must be a positive integer', () => {
    const r = decodeSchedule({ type: 'StepLR', stepSize: 2 }, { groups: 0 })
    expect(r._tag === 'Left' && formatConfigErrors(r.left)).toEqual(['groups: expected a positive integer, got 0'])
  })

  // BUG (src/config/decode.ts): without `groups`, per-group lists are compared with each other only
  // within one scheduler (`impliedGroups` of the leaf), not across the children of a composite: this
  // config can never run (2 groups for CyclicLR, 3 for OneCycleLR) but decodes. See the report.
  test('in a composite, against each other, without the number of groups', () => {
    const config = {
      type: 'SequentialLR',
      schedulers: [
        { type: 'CyclicLR', baseLr: [0.01, 0.02], maxLr: 0.1, stepSizeUp: 5 },
        { type: 'OneCycleLR', maxLr: [1, 0.5, 0.1], totalSteps: 100 }
      ],
      milestones: [10]
    }
    const r = decodeSchedule(config)
    expect(r._tag === 'Left' ? formatConfigErrors(r.left) : ['(decoded)']).toEqual([
      'schedulers[1].maxLr: expected 2 values (one per param group), got [1,0.5,0.1]'
    ])
  })
})

describe('function names', () => {
  const ctx = { functions: { warmup: (t: number) => Math.min(1, (t + 1) / 10), decay: (t: number) => 0.95 ** t } }
  const lines = (config: unknown, c: object = ctx) => {
    const r = decodeSchedule(config, c)
    return r._tag === 'Left' ? formatConfigErrors(r.left) : ['(decoded)']
  }
  test('an unregistered lrLambda names the registered ones', () => {
    expect(lines({ type: 'LambdaLR', lrLambda: 'warmpu' })).toEqual(['lrLambda: expected a registered function name (registered: warmup, decay), got "warmpu"'])
  })
  test('one unregistered entry of a per-group list', () => {
    expect(lines({ type: 'MultiplicativeLR', lrLambda: ['decay', 'cosine', 'warmup', 'linear'] })).toEqual([
      'lrLambda[1]: expected a registered function name (registered: warmup, decay), got "cosine"',
      'lrLambda[3]: expected a registered function name (registered: warmup, decay), got "linear"'
    ])
  })
  test('nothing registered', () => {
    expect(lines({ type: 'CyclicLR', baseLr: 0.1, maxLr: 1, scaleFn: 'halving' }, {})).toEqual([
      'scaleFn: expected a registered function name (none are registered), got "halving"'
    ])
  })
  test('names of Object.prototype properties are not registered functions', () => {
    expect(lines({ type: 'LambdaLR', lrLambda: 'toString' }, { functions: {} })).toEqual([
      'lrLambda: expected a registered function name (none are registered), got "toString"'
    ])
    expect(lines({ type: 'LambdaLR', lrLambda: 'constructor' })).toEqual([
      'lrLambda: expected a registered function name (registered: warmup, decay), got "constructor"'
    ])
  })
  test('in a nested composite, with the full registry of the tests', () => {
    expect(
      errorLines({
        type: 'ChainedScheduler',
        schedulers: [{ type: 'ExponentialLR', gamma: 0.9 }, { type: 'SequentialLR', schedulers: [{ type: 'LambdaLR', lrLambda: 'nope' }], milestones: [] }]
      })
    ).toEqual([`schedulers[1].schedulers[0].lrLambda: expected a registered function name (registered: ${REGISTERED}), got "nope"`])
  })
  test('the registered functions are the ones used', () => {
    const s = decodeSchedule({ type: 'LambdaLR', lrLambda: 'decay' }, ctx)
    expect(s._tag === 'Right' && trace(s.right, [1], 2).lr).toEqual([[1], [0.95], [0.95 ** 2]])
  })
})

describe('nested paths', () => {
  table([
    {
      name: 'depth 2',
      config: {
        type: 'SequentialLR',
        schedulers: [{ type: 'LinearLR' }, { type: 'ChainedScheduler', schedulers: [{ type: 'CosineAnnealingLR', tMax: 0 }] }],
        milestones: [5]
      },
      lines: ['schedulers[1].schedulers[0].tMax: expected a positive integer, got 0']
    },
    {
      name: 'depth 3, and a milestone problem at depth 2',
      config: {
        type: 'ChainedScheduler',
        schedulers: [
          { type: 'ExponentialLR', gamma: 0.99 },
          {
            type: 'SequentialLR',
            schedulers: [
              { type: 'LinearLR' },
              { type: 'ChainedScheduler', schedulers: [{ type: 'StepLR', stepSize: 3 }, { type: 'CyclicLR', baseLr: 0.1, maxLr: [1, -1] }] }
            ],
            milestones: [5, 10]
          }
        ]
      },
      lines: [
        'schedulers[1].schedulers[1].schedulers[1].maxLr[1]: expected a finite number >= 0, got -1',
        'schedulers[1].milestones: expected 1 milestone (one fewer than the 2 schedulers), got [5,10]'
      ]
    },
    {
      name: 'an unknown key and a missing type deep down',
      config: {
        type: 'SequentialLR',
        schedulers: [
          { type: 'ExponentialLR', gamma: 0.9 },
          { type: 'SequentialLR', schedulers: [{ type: 'ChainedScheduler', schedulers: [{ tMax: 10 }, { type: 'StepLR', stepSize: 1, gamma: 0.5, lr: 0.1 }] }], milestones: [] }
        ],
        milestones: [4]
      },
      lines: [
        `schedulers[1].schedulers[0].schedulers[0].type: missing, expected ${TYPES}`,
        'schedulers[1].schedulers[0].schedulers[1].lr: unknown argument of StepLR (it takes stepSize, gamma)'
      ]
    },
    {
      name: 'per-group lists against the groups at depth 3',
      config: {
        type: 'ChainedScheduler',
        schedulers: [
          { type: 'SequentialLR', schedulers: [{ type: 'LinearLR' }, { type: 'ChainedScheduler', schedulers: [{ type: 'ReduceLROnPlateau', minLr: [0, 0] }] }], milestones: [3] }
        ]
      },
      groups: 3,
      lines: ['schedulers[0].schedulers[1].schedulers[0].minLr: expected 3 values (one per param group), got [0,0]']
    }
  ])

  test('a ConfigError carries its path, message and the value found', () => {
    expect(configErrors({ type: 'ChainedScheduler', schedulers: [{ type: 'StepLR', stepSize: '3' }] })).toEqual([
      { path: 'schedulers[0].stepSize', message: 'expected a positive integer, got "3"', value: '3' }
    ])
  })
})

describe('several problems: all of them, in order', () => {
  test('a leaf: unknown keys first, then the arguments in the order of the signature', () => {
    expect(errorLines({ type: 'CyclicLR', maxLr: -1, mode: 'cosine', stepSizeUp: 0, baseLr: 'x', scale_fn: 'halving' })).toEqual([
      'scale_fn: unknown argument of CyclicLR (it takes baseLr, maxLr, stepSizeUp, stepSizeDown, mode, gamma, scaleFn, scaleMode, cycleMomentum, baseMomentum, maxMomentum)',
      'baseLr: expected a finite number >= 0, got "x"',
      'maxLr: expected a finite number >= 0, got -1',
      'stepSizeUp: expected a positive integer, got 0',
      'mode: expected one of "triangular", "triangular2", "exp_range", got "cosine"'
    ])
  })

  test('a composite: its unknown keys, then every child in order (depth first), then its milestones', () => {
    const config = {
      type: 'SequentialLR',
      warmup: 5,
      schedulers: [
        { type: 'StepLR', stepSize: 0, gama: 0.5 },
        { type: 'ChainedScheduler', schedulers: [{ type: 'CosineAnnealingLR' }, { type: 'Exponential', gamma: 0.9 }] },
        7
      ],
      milestones: [5, 5, 5]
    }
    expect(errorLines(config)).toEqual([
      'warmup: unknown argument of SequentialLR (it takes schedulers, milestones)',
      'schedulers[0].gama: unknown argument of StepLR (it takes stepSize, gamma)',
      'schedulers[0].stepSize: expected a positive integer, got 0',
      'schedulers[1].schedulers[0].tMax: missing, expected a positive integer',
      `schedulers[1].schedulers[1].type: expected ${TYPES}, got "Exponential"`,
      'schedulers[2]: expected a scheduler config (an object with a "type"), got 7',
      'milestones: expected 2 milestones (one fewer than the 3 schedulers), got [5,5,5]',
      'milestones[1]: expected a milestone > 5 (milestones must increase strictly), got 5',
      'milestones[2]: expected a milestone > 5 (milestones must increase strictly), got 5'
    ])
  })

  test('scheduleFromConfig throws one ScheduleError listing every problem, one per line', () => {
    let caught: unknown
    try {
      scheduleFromConfig({ type: 'ChainedScheduler', schedulers: [{ type: 'StepLR', stepSize: 0 }, { type: 'ExponentialLR' }] })
    } catch (e) {
      caught = e
    }
    expect(caught).toBeInstanceOf(ScheduleError)
    expect((caught as ScheduleError).path).toBe('schedulers[0].stepSize')
    expect((caught as ScheduleError).message).toBe(
      ['schedulers[0].stepSize: expected a positive integer, got 0', 'schedulers[1].gamma: missing, expected a finite number > 0'].join('\n')
    )
  })
})
