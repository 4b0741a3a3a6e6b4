// fast-check arbitraries for the declarative format: valid configs sized for a number of param
// groups (per-group lists, one function name per group, every optional argument of every scheduler
// sometimes given), composites nested up to three deep, and invalid mutations of valid configs,
// each with the path of the field it breaks.
import fc from 'fast-check'
import { type Config, milestones, oneCycleConfig, plateauConfig } from './arbitraries.js'
import { lrLambdas, multiplicativeLambdas, scaleFns } from './registry.js'

const int = (min: number, max: number) => fc.integer({ min, max })
const dbl = (min: number, max: number) => fc.double({ min, max, noNaN: true })

/** A number, or a list of one per group. */
const perGroup = (n: number, x: fc.Arbitrary<number>): fc.Arbitrary<number | number[]> =>
  fc.oneof(x, fc.array(x, { minLength: n, maxLength: n }))

/** A function name, or one per group. */
const names = (n: number, registry: Readonly<Record<string, unknown>>): fc.Arbitrary<string | string[]> => {
  const one = fc.constantFrom(...Object.keys(registry))
  return fc.oneof(one, fc.array(one, { minLength: n, maxLength: n }))
}

/** Every optional argument sometimes given, sometimes left to its default. */
const partial = <R extends Record<string, fc.Arbitrary<unknown>>>(type: string, required: ReadonlyArray<string>, fields: R): fc.Arbitrary<Config> =>
  fc.record({ type: fc.constant(type), ...fields }, { requiredKeys: ['type', ...required] as any }) as unknown as fc.Arbitrary<Config>

/** Plain schedulers with per-group arguments for `n` groups, every type as likely. */
const sizedLeaf = (n: number): fc.Arbitrary<Config> =>
  fc.oneof(
    partial('StepLR', ['stepSize'], { stepSize: int(1, 50), gamma: dbl(0.5, 1.2) }),
    partial('MultiStepLR', ['milestones'], { milestones: fc.array(int(0, 300), { maxLength: 5 }), gamma: dbl(0.5, 1.2) }),
    partial('ConstantLR', [], { factor: dbl(0.01, 1), totalIters: int(1, 100) }),
    partial('LinearLR', [], { startFactor: dbl(0.01, 1), endFactor: dbl(0, 1), totalIters: int(1, 300) }),
    partial('ExponentialLR', ['gamma'], { gamma: dbl(0.9, 1.001) }),
    partial('PolynomialLR', [], { totalIters: int(1, 300), power: dbl(0, 3) }),
    partial('CosineAnnealingLR', ['tMax'], { tMax: int(1, 500), etaMin: fc.oneof(fc.constant(0), dbl(0, 1e-3)) }),
    partial('CosineAnnealingWarmRestarts', ['t0'], { t0: int(1, 200), tMult: int(1, 3), etaMin: fc.oneof(fc.constant(0), dbl(0, 1e-3)) }),
    fc.record({ type: fc.constant('LambdaLR'), lrLambda: names(n, lrLambdas) }),
    fc.record({ type: fc.constant('MultiplicativeLR'), lrLambda: names(n, multiplicativeLambdas) }),
    fc.record(
      {
        type: fc.constant('CyclicLR'),
        baseLr: perGroup(n, dbl(1e-4, 1e-2)),
        maxLr: perGroup(n, dbl(1e-2, 1)),
        stepSizeUp: int(1, 60),
        stepSizeDown: int(0, 60),
        cycleMomentum: fc.boolean(),
        baseMomentum: perGroup(n, dbl(0.5, 0.85)),
        maxMomentum: perGroup(n, dbl(0.85, 0.99))
      },
      { requiredKeys: ['type', 'baseLr', 'maxLr'] }
    ).chain((c) =>
      fc.oneof(
        fc.record({ mode: fc.constantFrom('triangular', 'triangular2', 'exp_range'), gamma: dbl(0.99, 1) }, { requiredKeys: [] }),
        fc.record({ scaleFn: fc.constantFrom(...Object.keys(scaleFns)), scaleMode: fc.constantFrom('cycle', 'iterations') }, { requiredKeys: ['scaleFn'] })
      ).map((more): Config => ({ ...c, ...more }))
    ),
    oneCycleConfig(1000, 3000).chain((c) =>
      fc
        .record(
          {
            maxLr: perGroup(n, dbl(1e-3, 1)),
            cycleMomentum: fc.boolean(),
            baseMomentum: perGroup(n, dbl(0.5, 0.85)),
            maxMomentum: perGroup(n, dbl(0.85, 0.99)),
            byEpochs: fc.boolean()
          },
          { requiredKeys: ['maxLr', 'byEpochs'] }
        )
        .map(({ byEpochs, ...more }): Config => {
          const total = c['totalSteps'] as number
          // epochs · stepsPerEpoch instead of totalSteps (1000 = 10 · 100 and up)
          if (!byEpochs) return { ...c, ...more }
          const { totalSteps: _t, ...rest } = c
          return { ...rest, ...more, epochs: 10, stepsPerEpoch: Math.ceil(total / 10) }
        })
        .filter((c) => (c['pctStart'] as number) * ((c['totalSteps'] as number | undefined) ?? 10 * (c['stepsPerEpoch'] as number)) !== 1)
    ),
    fc
      .tuple(plateauConfig, fc.record({ minLr: perGroup(n, dbl(0, 1e-3)), eps: dbl(0, 1e-6) }, { requiredKeys: [] }), fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }))
      .map(([c, more, keep]): Config => {
        // some arguments left to their defaults
        const all = { ...c, ...more } as Record<string, unknown>
        const kept = Object.entries(all).filter(([k], i) => k === 'type' || keep[i % 8] === true)
        return Object.fromEntries(kept) as Config
      })
  )

const composite = (child: fc.Arbitrary<Config>): fc.Arbitrary<Config> =>
  fc.oneof(
    fc.array(child, { minLength: 1, maxLength: 3 }).map((schedulers): Config => ({ type: 'ChainedScheduler', schedulers })),
    fc
      .array(child, { minLength: 1, maxLength: 3 })
      .chain((schedulers) => milestones(schedulers.length).map((ms): Config => ({ type: 'SequentialLR', schedulers, milestones: ms })))
  )

/** Any schedule for `n` groups: plain, or composites nested up to three deep. */
export const configFor = (n: number): fc.Arbitrary<Config> => {
  const leaf = sizedLeaf(n)
  const one = composite(leaf)
  const two = composite(fc.oneof(leaf, one))
  return fc.oneof({ weight: 3, arbitrary: leaf }, { weight: 3, arbitrary: one }, { weight: 2, arbitrary: two }, { weight: 1, arbitrary: composite(fc.oneof(leaf, two)) })
}

/** A number of groups and a schedule for them. */
export const sizedConfig: fc.Arbitrary<{ readonly groups: number; readonly config: Config }> = int(1, 3).chain((groups) =>
  configFor(groups).map((config) => ({ groups, config }))
)

// -------------------------------------------------------------------------------------
// what every argument accepts (from the contract and PyTorch's documentation)
// -------------------------------------------------------------------------------------

type Kind =
  | 'positiveInteger'
  | 'nonNegativeInteger'
  | 'positive'
  | 'nonNegative'
  | 'finite'
  | 'boolean'
  | 'perGroup'
  | 'names'
  | 'name'
  | 'milestones'
  | { readonly range: readonly [number, number, 'open' | 'closed', 'open' | 'closed'] }
  | { readonly oneOf: ReadonlyArray<string> }

interface Spec {
  readonly required: ReadonlyArray<string>
  readonly fields: Readonly<Record<string, Kind>>
}

export const specs: Readonly<Record<string, Spec>> = {
  StepLR: { required: ['stepSize'], fields: { stepSize: 'positiveInteger', gamma: 'positive' } },
  MultiStepLR: { required: ['milestones'], fields: { milestones: 'milestones', gamma: 'positive' } },
  ConstantLR: { required: [], fields: { factor: { range: [0, 1, 'open', 'closed'] }, totalIters: 'positiveInteger' } },
  LinearLR: {
    required: [],
    fields: { startFactor: { range: [0, 1, 'open', 'closed'] }, endFactor: { range: [0, 1, 'closed', 'closed'] }, totalIters: 'positiveInteger' }
  },
  ExponentialLR: { required: ['gamma'], fields: { gamma: 'positive' } },
  PolynomialLR: { required: [], fields: { totalIters: 'positiveInteger', power: 'nonNegative' } },
  CosineAnnealingLR: { required: ['tMax'], fields: { tMax: 'positiveInteger', etaMin: 'finite' } },
  CosineAnnealingWarmRestarts: { required: ['t0'], fields: { t0: 'positiveInteger', tMult: 'positiveInteger', etaMin: 'finite' } },
  CyclicLR: {
    required: ['baseLr', 'maxLr'],
    fields: {
      baseLr: 'perGroup',
      maxLr: 'perGroup',
      stepSizeUp: 'positiveInteger',
      stepSizeDown: 'nonNegativeInteger',
      mode: { oneOf: ['triangular', 'triangular2', 'exp_range'] },
      gamma: 'positive',
      scaleFn: 'name',
      scaleMode: { oneOf: ['cycle', 'iterations'] },
      cycleMomentum: 'boolean',
      baseMomentum: 'perGroup',
      maxMomentum: 'perGroup'
    }
  },
  OneCycleLR: {
    required: ['maxLr'],
    fields: {
      maxLr: 'perGroup',
      totalSteps: 'positiveInteger',
      epochs: 'positiveInteger',
      stepsPerEpoch: 'positiveInteger',
      pctStart: { range: [0, 1, 'closed', 'closed'] },
      annealStrategy: { oneOf: ['cos', 'linear'] },
      cycleMomentum: 'boolean',
      baseMomentum: 'perGroup',
      maxMomentum: 'perGroup',
      divFactor: 'positive',
      finalDivFactor: 'positive',
      threePhase: 'boolean'
    }
  },
  ReduceLROnPlateau: {
    required: [],
    fields: {
      mode: { oneOf: ['min', 'max'] },
      factor: { range: [0, 1, 'closed', 'open'] },
      patience: 'nonNegativeInteger',
      threshold: 'nonNegative',
      thresholdMode: { oneOf: ['rel', 'abs'] },
      cooldown: 'nonNegativeInteger',
      minLr: 'perGroup',
      eps: 'nonNegative'
    }
  },
  LambdaLR: { required: ['lrLambda'], fields: { lrLambda: 'names' } },
  MultiplicativeLR: { required: ['lrLambda'], fields: { lrLambda: 'names' } },
  SequentialLR: { required: ['schedulers', 'milestones'], fields: {} },
  ChainedScheduler: { required: ['schedulers'], fields: {} }
}

/** Values that `kind` must reject (JSON values: "NaN" is a string, as a hand-edited file would have it). */
export const invalidValues = (kind: Kind): ReadonlyArray<unknown> => {
  if (typeof kind === 'object' && 'range' in kind) {
    const [lo, hi, loOpen, hiOpen] = kind.range
    return [lo - 0.5, hi + 0.5, -1e9, 1e300, 'NaN', '0.5', null, ...(loOpen === 'open' ? [lo] : []), ...(hiOpen === 'open' ? [hi] : [])]
  }
  if (typeof kind === 'object') return ['bogus', kind.oneOf[0]!.toUpperCase(), '', 3, null, [kind.oneOf[0]]]
  switch (kind) {
    case 'positiveInteger':
      return [-1, 0, 0.5, 2.5, 2 ** 53, 1e300, 'NaN', '3', true, null, [], {}]
    case 'nonNegativeInteger':
      return [-1, 0.5, 2 ** 53, 'NaN', '0', false, null, [1]]
    case 'positive':
      return [-1, 0, -1e-300, 'NaN', '0.5', true, null, []]
    case 'nonNegative':
      return [-1, -1e-9, 'NaN', '1', null, {}]
    case 'finite':
      return ['NaN', 'Infinity', null, true, [], {}]
    case 'boolean':
      return ['true', 1, 0, null]
    case 'perGroup':
      return [-1, [], [0.1, -1], ['0.1'], 'NaN', null, {}]
    case 'names':
      return [3, [], ['not-registered'], 'not-registered', null, [3], 'toString']
    case 'name':
      return [3, 'not-registered', null, ['decay99'], 'constructor']
    case 'milestones':
      return [-1, [-1], [1.5], ['3'], null, '1,2', {}]
  }
}

// -------------------------------------------------------------------------------------
// mutations
// -------------------------------------------------------------------------------------

/** A node of a config tree and its path (`schedulers[1].schedulers[0]`, '' for the root). */
interface Site {
  readonly path: string
  readonly node: Config
}

export const sitesOf = (config: Config, path = ''): ReadonlyArray<Site> => {
  const here: Site = { path, node: config }
  const children = config.type === 'SequentialLR' || config.type === 'ChainedScheduler' ? (config['schedulers'] as ReadonlyArray<Config>) : []
  return [here, ...children.flatMap((c, i) => sitesOf(c, `${path === '' ? '' : path + '.'}schedulers[${i}]`))]
}

export const fieldPath = (site: string, key: string): string => (site === '' ? key : `${site}.${key}`)

/** An invalid config made from a valid one, with the path of the field it breaks. */
export interface Mutation {
  readonly kind: string
  readonly config: Config
  /** The error must name this path (or a path below it: `milestones[1]`, `baseLr[0]`). */
  readonly path: string
  /** The number of groups to decode with, when the mutation needs it. */
  readonly groups?: number
}

/** Replaces the node at `path` of a deep copy of `config` (own keys only, so `__proto__` is a plain key). */
const at = (config: Config, path: string, f: (node: Record<string, unknown>) => void): Config => {
  const copy = JSON.parse(JSON.stringify(config)) as Config
  const keys = path.split(/\.|\[|\]/).filter((k) => k !== '')
  let node: any = copy
  for (const k of keys) node = node[k]
  f(node)
  return copy
}

const setOwn = (node: Record<string, unknown>, key: string, value: unknown): void => {
  Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true })
}

const unknownKey = fc.oneof(
  fc.constantFrom('gama', 'step_size', 'T_max', 'lr', 'lastEpoch', 'last_epoch', 'verbose', 'warmup', '__proto__', 'constructor', 'Type'),
  fc.stringMatching(/^[a-z][a-zA-Z_]{0,12}$/)
)

const isComposite = (c: Config): boolean => c.type === 'SequentialLR' || c.type === 'ChainedScheduler'
const momentumKeys = ['baseMomentum', 'maxMomentum']

/** Every kind of invalid mutation that applies at a site. */
const mutationsAt = (config: Config, groups: number, { path, node }: Site): ReadonlyArray<fc.Arbitrary<Mutation>> => {
  const spec = specs[node.type]!
  const out: Array<fc.Arbitrary<Mutation>> = []
  // an argument set to a value its kind rejects
  const fields = Object.entries(spec.fields).filter(([k]) => {
    // OneCycleLR: totalSteps and epochs/stepsPerEpoch are alternatives
    if (node.type === 'OneCycleLR' && ['totalSteps', 'epochs', 'stepsPerEpoch'].includes(k)) return k in node
    return true
  })
  if (fields.length > 0)
    out.push(
      fc.constantFrom(...fields).chain(([key, kind]) =>
        fc.constantFrom(...invalidValues(kind)).map(
          (value): Mutation => ({ kind: `set ${key} to ${JSON.stringify(value)}`, config: at(config, path, (n) => setOwn(n, key, value)), path: fieldPath(path, key) })
        )
      )
    )
  // an unknown key
  const known = ['type', ...Object.keys(spec.fields), ...spec.required]
  out.push(
    unknownKey
      .filter((k) => !known.includes(k) && !/^\d+$/.test(k))
      .map((key): Mutation => ({ kind: `add ${key}`, config: at(config, path, (n) => setOwn(n, key, 1)), path: fieldPath(path, key) }))
  )
  // a required key dropped (type included)
  const required = node.type === 'OneCycleLR' ? ['maxLr', ...('epochs' in node ? ['epochs', 'stepsPerEpoch'] : ['totalSteps'])] : spec.required
  out.push(
    fc.constantFrom('type', ...required).map(
      (key): Mutation => ({ kind: `drop ${key}`, config: at(config, path, (n) => delete n[key]), path: fieldPath(path, key) })
    )
  )
  // type corrupted
  out.push(
    fc.constantFrom<unknown>('steplr', 'Step', '', 'lr_scheduler.StepLR', 'toString', 3, null, [node.type], `${node.type} `).map(
      (value): Mutation => ({ kind: `type ${JSON.stringify(value)}`, config: at(config, path, (n) => (n['type'] = value)), path: fieldPath(path, 'type') })
    )
  )
  // composites: no children, or broken milestones
  if (isComposite(node))
    out.push(
      fc.constantFrom<unknown>([], {}, null, 'StepLR').map(
        (value): Mutation => ({ kind: `schedulers ${JSON.stringify(value)}`, config: at(config, path, (n) => (n['schedulers'] = value)), path: fieldPath(path, 'schedulers') })
      )
    )
  if (node.type === 'SequentialLR') {
    const ms = node['milestones'] as ReadonlyArray<number>
    const broken: Array<unknown> = [[...ms, (ms[ms.length - 1] ?? 0) + 10], 3, null, {}]
    if (ms.length >= 1) broken.push(ms.slice(1), [-1, ...ms.slice(1)], [ms[0]! + 0.5, ...ms.slice(1)], ms.map(String))
    if (ms.length >= 2) broken.push([...ms].reverse(), [ms[0], ms[0], ...ms.slice(2)])
    out.push(
      fc.constantFrom(...broken).map(
        (value): Mutation => ({ kind: `milestones ${JSON.stringify(value)}`, config: at(config, path, (n) => (n['milestones'] = value)), path: fieldPath(path, 'milestones') })
      )
    )
  }
  // a per-group list one entry short (or long) for the number of groups given
  const lists = Object.entries(node).filter(
    ([k, v]) => Array.isArray(v) && v.length === groups && ['perGroup', 'names'].includes(spec.fields[k] as string) && !(node['cycleMomentum'] === false && momentumKeys.includes(k))
  )
  if (lists.length > 0)
    out.push(
      fc.constantFrom(...lists).map(([key, v]): Mutation => {
        const list = v as ReadonlyArray<unknown>
        const value = groups >= 2 ? list.slice(1) : [...list, list[0]]
        return { kind: `${key} of ${value.length} for ${groups} groups`, config: at(config, path, (n) => (n[key] = value)), path: fieldPath(path, key), groups }
      })
    )
  return out
}

/** A valid config for `groups` groups, and an invalid mutation of it at one of its nodes. */
export const mutated: fc.Arbitrary<{ readonly groups: number; readonly config: Config; readonly mutation: Mutation }> = sizedConfig.chain(({ groups, config }) =>
  fc
    .constantFrom(...sitesOf(config))
    .chain((site) => fc.oneof(...mutationsAt(config, groups, site)))
    .map((mutation) => ({ groups, config, mutation }))
)
