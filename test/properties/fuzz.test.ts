// Fuzzing (issue 12, "Fuzzing in the suite"): valid configs of every family — the generated
// PyTorch configs (per-group lists, composites to three deep), the gallery's configs of every
// preset family, and composites mixing them — are mutated (keys dropped, renamed, added, `__proto__`
// own keys, values retyped, numbers made NaN, ±Infinity, 1e308, -1, -0, 5e-324, 2^53..., values
// wrapped, composites nested wrongly, `type` removed or unknown), and:
// - `decodeSchedule` never throws; a rejected config's every error names where it is (a non-empty
//   path, or a message about the whole config), never an exception turned into a message;
// - an accepted schedule's trace (`trace`, the reducer) is finite, or the fold refuses with a
//   ScheduleError; `traceArray` and `traceBlocks` (the fast path and the CLI's streaming fold) give
//   the same rows bit for bit, or the same error; its config encodes back to JSON that decodes to
//   a schedule with the same trace;
// - a checkpoint of a valid run, truncated, with one character changed, swapped with another
//   schedule's, or mutated as JSON, is rejected with errors naming their path, or accepted only when
//   it resumes to exactly the lrs of the checkpoint it came from; `loadCheckpoint` never throws.
// Seeded from FC_SEED like every property (test/setup.ts). FUZZ_RUNS=<n> runs each property n times
// and prints the figures (tried, rejected with a path, accepted).
import { test } from '@fast-check/vitest'
import fc from 'fast-check'
import { afterAll, describe, expect, test as plain } from 'vitest'
import {
  type AnyScheduler,
  type ConfigError,
  type DecodeContext,
  ScheduleError,
  decodeSchedule,
  encodeSchedule,
  formatConfigErrors,
  loadCheckpoint,
  paramGroups,
  resume,
  saveCheckpoint,
  setsMomentum,
  takesMetric,
  trace,
  traceArray
} from '../../src/index.js'
import { formatValue } from '../../src/core/errors.js'
import { galleryItems } from '../laws/registry.js'
import { traceBlocks } from '../../src/stream.js'
import { type Config, metricSeq, milestones } from '../helpers/arbitraries.js'
import { configFor } from '../helpers/configArbitraries.js'
import { functions as testFunctions } from '../helpers/functions.js'
import { type Mutated, flipped, mutate, truncated } from '../helpers/mutate.js'

const LONG = process.env['FUZZ_RUNS'] !== undefined && process.env['FUZZ_RUNS'] !== ''
const RUNS = LONG ? Number(process.env['FUZZ_RUNS']) : 300
if (!Number.isSafeInteger(RUNS) || RUNS < 1) throw new Error(`FUZZ_RUNS must be a positive integer, got ${process.env['FUZZ_RUNS']}`)
const MAX_STEPS = 200
// a long run takes minutes (vitest.config.ts gives a test 60 s)
const TIMEOUT = LONG ? 3_600_000 : undefined

// the test registry's functions, the gallery's MultiplicativeLR factor (scripts/gallery.mjs), and
// functions a user may register that give what no lr may be (the folds must refuse their values)
const functions: Readonly<Record<string, (x: number) => number>> = {
  ...testFunctions,
  decay97: () => 0.97,
  nan: () => NaN,
  huge: () => 1e308,
  negative: () => -1,
  tiny: () => 5e-324,
  grows: (x) => 10 ** x
}

// -------------------------------------------------------------------------------------
// valid configs
// -------------------------------------------------------------------------------------

/** A valid config, initial lrs for it, and how many steps it may take (OneCycleLR stops at its total). */
interface Base {
  readonly config: Config
  readonly lrs: ReadonlyArray<number>
  readonly maxSteps: number
}

interface GalleryItem {
  readonly title: string
  readonly lr: ReadonlyArray<number>
  readonly steps: number
  readonly config: Config
}

const gallery: ReadonlyArray<GalleryItem> = galleryItems as ReadonlyArray<GalleryItem>

const lrs = (n: number): fc.Arbitrary<ReadonlyArray<number>> => fc.array(fc.double({ min: 1e-4, max: 1, noNaN: true }), { minLength: n, maxLength: n })

/** The gallery's configs (every family), with their lrs. */
const galleryBase: fc.Arbitrary<Base> = fc.constantFrom(...gallery).map((g) => ({ config: g.config, lrs: g.lr, maxSteps: Math.min(MAX_STEPS, g.steps) }))

/** The generated PyTorch configs (test/helpers/configArbitraries.ts), for 1 to 3 groups. */
const generatedBase: fc.Arbitrary<Base> = fc
  .integer({ min: 1, max: 3 })
  .chain((n) => fc.tuple(configFor(n), lrs(n)))
  .map(([config, l]) => ({ config, lrs: l, maxSteps: MAX_STEPS }))

/** One-group leaves of both kinds. */
const oneGroupLeaf: fc.Arbitrary<Base> = fc.oneof(
  fc.constantFrom(...gallery.filter((g) => g.lr.length === 1)).map((g) => ({ config: g.config, lrs: g.lr, maxSteps: Math.min(MAX_STEPS, g.steps) })),
  configFor(1).map((config) => ({ config, lrs: [0.1], maxSteps: MAX_STEPS }))
)

/** Composites (to two deep) of the gallery's configs and generated ones: every family inside a chain or a sequential. */
const mixedComposite: fc.Arbitrary<Base> = fc.letrec<{ node: Base }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    oneGroupLeaf,
    fc.array(tie('node'), { minLength: 1, maxLength: 3 }).chain((children) =>
      fc.oneof(
        fc.constant<Base>({
          config: { type: 'ChainedScheduler', schedulers: children.map((c) => c.config) },
          lrs: [0.1],
          maxSteps: Math.min(...children.map((c) => c.maxSteps))
        }),
        milestones(children.length).map(
          (ms): Base => ({
            config: { type: 'SequentialLR', schedulers: children.map((c) => c.config), milestones: ms },
            lrs: [0.1],
            maxSteps: Math.min(...children.map((c) => c.maxSteps))
          })
        )
      )
    )
  )
})).node

const validBase: fc.Arbitrary<Base> = fc.oneof(generatedBase, galleryBase, mixedComposite)

// -------------------------------------------------------------------------------------
// what every answer must be
// -------------------------------------------------------------------------------------

/** Messages about a whole config (path ''), which `formatConfigErrors` writes `config: ...`. */
const WHOLE_CONFIG = [
  /^expected a scheduler config \(an object with a "type"\), got /,
  /^expected a [\w.]+ config object, got /,
  /^expected a Keras schedule /
]

/** Why an error does not say where it is, or undefined when it does. */
const pathless = (e: ConfigError, i: number, all: ReadonlyArray<ConfigError>): string | undefined => {
  if (typeof e.path !== 'string') return `a path that is not a string: ${String(e.path)}`
  if (typeof e.message !== 'string' || e.message.trim() === '') return 'an empty message'
  if (/could not be decoded|internal error|is not a function|Cannot read prop|Maximum call stack/.test(e.message)) return 'an exception turned into a message'
  if (e.path !== '') return undefined
  // the last line of a capped list says how many more there are
  if (i === all.length - 1 && /^… and [\d,]+ more$/.test(e.message)) return undefined
  return WHOLE_CONFIG.some((r) => r.test(e.message)) ? undefined : 'no path, and a message that does not say it is about the whole config'
}

/**
 * Why an error's path does not lead into the config, or undefined when it does: every key of the
 * path but the last must be there (the last may name what is missing: `schedulers[1].tMax`).
 */
const strayPath = (json: unknown, path: string): string | undefined => {
  if (path === '') return undefined
  const keys = path.split(/\.|\[|\]/).filter((k) => k !== '')
  let v = json
  for (const k of keys.slice(0, -1)) {
    if (typeof v !== 'object' || v === null || !Object.prototype.hasOwnProperty.call(v, k)) return `${path}: the config has no ${k} there`
    v = (v as Record<string, unknown>)[k]
  }
  return undefined
}

/** A call's result or what it threw. */
type Outcome<A> = { readonly ok: A } | { readonly thrown: unknown }
const outcome = <A>(f: () => A): Outcome<A> => {
  try {
    return { ok: f() }
  } catch (e) {
    return { thrown: e }
  }
}
const describeThrown = (e: unknown): string => (e instanceof Error ? `${e.name}: ${e.message}\n${e.stack ?? ''}` : String(e))

/**
 * KNOWN BUG (src/schedulers, src/combinators: reported, not fixed here): a sequential whose first
 * child's initial lr overflows (OneCycleLR with divFactor 5e-324: maxLr / divFactor is Infinity)
 * refuses in `trace` from inside its init, when it re-runs that child's initial step on a state
 * whose base lrs are not finite (`OneCycleLR state.baseLrs: expected 3 finite numbers (one per
 * param group), got [Infinity,Infinity,Infinity]`), while the fast path refuses the lr of row 0
 * (`SequentialLR: step 0 gives group 0 an lr of Infinity ...`). Both refuse; only the messages
 * differ. Returns the name of the known mismatch, or undefined.
 */
const knownMismatch = (traced: string, fast: string | undefined): string | undefined =>
  /^\w+ state\.baseLrs: expected \d+ finite numbers? \(one per param group\), got \[(-?Infinity|NaN)/.test(traced) &&
  fast !== undefined &&
  /^SequentialLR: step 0 gives group \d+ an lr of (-?Infinity|NaN) /.test(fast)
    ? 'a sequential whose first child starts at a non-finite lr: trace refuses its state, the fast path its row 0'
    : undefined

/** Every value finite (a fold never emits NaN or ±Infinity). */
const allFinite = (xs: ArrayLike<number>): boolean => {
  for (let i = 0; i < xs.length; i++) if (!Number.isFinite(xs[i] as number)) return false
  return true
}

/** Where two lists of numbers first differ, bit for bit (Object.is: -0 is not 0). */
const firstMismatch = (a: ArrayLike<number>, b: ArrayLike<number>): string | undefined => {
  if (a.length !== b.length) return `lengths ${a.length} and ${b.length}`
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return `entry ${i}: ${a[i]} vs ${b[i]}`
  return undefined
}

/** Where two lists of numbers first differ, as JSON sees them (-0 and 0 are the same: a checkpoint is JSON). */
const firstJsonMismatch = (a: ArrayLike<number>, b: ArrayLike<number>): string | undefined => {
  if (a.length !== b.length) return `lengths ${a.length} and ${b.length}`
  for (let i = 0; i < a.length; i++) if (!(a[i] === b[i] || Object.is(a[i], b[i]))) return `entry ${i}: ${a[i]} vs ${b[i]}`
  return undefined
}

const blocksOf = (s: AnyScheduler, groups: Parameters<typeof trace>[1], steps: number, metrics: ReadonlyArray<number> | undefined, blockRows: number) => {
  const lr: number[] = []
  const momentum: number[] = []
  for (const b of traceBlocks(s, groups, steps, metrics, { blockRows })) {
    lr.push(...b.lr)
    if (b.momentum !== undefined) momentum.push(...b.momentum)
  }
  return { lr, momentum }
}

const groupsFor = (s: AnyScheduler, l: ReadonlyArray<number>) => (setsMomentum(s) ? paramGroups(l, 0.9) : l)

/**
 * The folds of an accepted schedule agree: `trace` finite and `traceArray`/`traceBlocks` equal to
 * it bit for bit, or all three refusing with the same ScheduleError. Returns the refusal's message.
 */
const checkFolds = (s: AnyScheduler, l: ReadonlyArray<number>, steps: number, seed: number, blockRows: number, label: string): string | undefined => {
  const gs = groupsFor(s, l)
  const metrics = takesMetric(s) ? metricSeq(seed, steps) : undefined
  const t = outcome(() => trace(s, gs, steps, metrics))
  const a = outcome(() => traceArray(s, gs, steps, metrics))
  const b = outcome(() => blocksOf(s, gs, steps, metrics, blockRows))
  if ('thrown' in t) {
    if (!(t.thrown instanceof ScheduleError)) expect.fail(`${label}: trace threw something else than a ScheduleError: ${describeThrown(t.thrown)}`)
    const message = t.thrown.message
    const known = knownMismatch(message, 'thrown' in a ? (a.thrown as Error).message : undefined)
    if (known !== undefined) {
      figures.known[known] = (figures.known[known] ?? 0) + 1
      expect('thrown' in b && (b.thrown as Error).message, `${label}: traceBlocks, where traceArray threw`).toBe((a as { thrown: Error }).thrown.message)
      return message
    }
    expect('thrown' in a ? (a.thrown as Error).message : 'traceArray gave a trace', `${label}: traceArray, where trace threw`).toBe(message)
    expect('thrown' in b ? (b.thrown as Error).message : 'traceBlocks gave a trace', `${label}: traceBlocks, where trace threw`).toBe(message)
    expect('thrown' in a && a.thrown instanceof ScheduleError).toBe(true)
    return message
  }
  if ('thrown' in a) expect.fail(`${label}: traceArray threw where trace gave a trace: ${describeThrown(a.thrown)}`)
  if ('thrown' in b) expect.fail(`${label}: traceBlocks threw where trace gave a trace: ${describeThrown(b.thrown)}`)
  const lr = t.ok.lr.flat()
  expect(allFinite(lr), `${label}: a non-finite lr was emitted`).toBe(true)
  expect(firstMismatch(a.ok.lr, lr), `${label}: traceArray's lr vs trace's`).toBeUndefined()
  expect(firstMismatch(b.ok.lr, lr), `${label}: traceBlocks's lr vs trace's`).toBeUndefined()
  if (setsMomentum(s)) {
    const m = (t.ok.momentum ?? []).flat()
    expect(m.length, `${label}: trace's momentum rows`).toBe(lr.length)
    expect(allFinite(m), `${label}: a non-finite momentum was emitted`).toBe(true)
    expect(firstMismatch(a.ok.momentum ?? [], m), `${label}: traceArray's momentum vs trace's`).toBeUndefined()
    expect(firstMismatch(b.ok.momentum, m), `${label}: traceBlocks's momentum vs trace's`).toBeUndefined()
  } else {
    expect(t.ok.momentum, `${label}: trace has momentum rows for a schedule that sets no momentum`).toBeUndefined()
    expect(a.ok.momentum).toBeUndefined()
  }
  return undefined
}

const show = (u: unknown): string => {
  const s = JSON.stringify(u, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : Object.is(v, -0) ? '-0' : v))
  return s === undefined ? String(u) : s.length > 2000 ? `${s.slice(0, 2000)}…` : s
}

// -------------------------------------------------------------------------------------
// figures
// -------------------------------------------------------------------------------------

const figures = {
  configs: { tried: 0, rejected: 0, accepted: 0, acceptedFinite: 0, acceptedRefused: 0 },
  checkpoints: { tried: 0, rejected: 0, acceptedSame: 0, acceptedAltered: 0, byKind: {} as Record<string, { tried: number; rejected: number; accepted: number; altered: number }> },
  refusals: {} as Record<string, number>,
  known: {} as Record<string, number>,
  altered: {} as Record<string, number>
}
const kindOf = (message: string): string => message.replace(/\d+(\.\d+)?(e[-+]?\d+)?/g, 'N').replace(/"[^"]*"/g, '"…"').slice(0, 120)

afterAll(() => {
  if (!LONG) return
  const top = Object.entries(figures.refusals).sort((a, b) => b[1] - a[1]).slice(0, 15)
  console.log(
    [
      `fuzz figures (FUZZ_RUNS=${RUNS}, FC_SEED=${process.env['FC_SEED'] ?? 'random'}):`,
      `  mutated configs: ${figures.configs.tried} tried, ${figures.configs.rejected} rejected with a path, ${figures.configs.accepted} accepted`,
      `    accepted: ${figures.configs.acceptedFinite} traced finite (fast path identical), ${figures.configs.acceptedRefused} refused by the folds with a ScheduleError (same in all three)`,
      `  corrupted checkpoints: ${figures.checkpoints.tried} tried, ${figures.checkpoints.rejected} rejected with a path, ${figures.checkpoints.acceptedSame + figures.checkpoints.acceptedAltered} accepted`,
      `    accepted: ${figures.checkpoints.acceptedSame} resuming to the same lrs, ${figures.checkpoints.acceptedAltered} to other lrs (only numbers of groups/state changed, in range: the known limitation)`,
      ...Object.entries(figures.checkpoints.byKind).map(([k, v]) => `    ${k}: ${v.tried} tried, ${v.rejected} rejected, ${v.accepted} accepted (${v.altered} of them with other numbers)`),
      '  the folds\' refusals, by message:',
      ...top.map(([m, n]) => `    ${n}× ${m}`),
      '  checkpoints accepted with other numbers, by the number changed:',
      ...Object.entries(figures.altered).sort((a, b) => b[1] - a[1]).map(([m, n]) => `    ${n}× ${m}`),
      '  known mismatches (reported):',
      ...Object.entries(figures.known).map(([m, n]) => `    ${n}× ${m}`)
    ].join('\n')
  )
})

// -------------------------------------------------------------------------------------
// configs
// -------------------------------------------------------------------------------------

const mutatedConfig: fc.Arbitrary<{ readonly base: Base; readonly mutated: Mutated }> = validBase.chain((base) => mutate(base.config).map((mutated) => ({ base, mutated })))

describe('fuzzing the decoder and the folds', () => {
  test.prop([mutatedConfig, fc.boolean(), fc.integer({ min: 0, max: MAX_STEPS }), fc.integer(), fc.integer({ min: 1, max: 300 })], { numRuns: RUNS })(
    'a mutated config decodes to a schedule whose folds are finite and agree, or to errors that each name their path; nothing throws',
    ({ base, mutated }, giveGroups, steps, seed, blockRows) => {
      const label = `after ${mutated.steps.join('; ')}\n  config ${show(mutated.value)}`
      figures.configs.tried++
      const ctx = giveGroups ? { functions, groups: base.lrs.length } : { functions }
      const r = outcome(() => decodeSchedule(mutated.value, ctx))
      if ('thrown' in r) return expect.fail(`decodeSchedule threw, ${label}\n${describeThrown(r.thrown)}`)
      const decoded = r.ok
      if (decoded._tag === 'Left') {
        figures.configs.rejected++
        expect(decoded.left.length, `${label}: rejected with no error`).toBeGreaterThan(0)
        decoded.left.forEach((e, i, all) => {
          const why = pathless(e, i, all) ?? strayPath(mutated.value, e.path)
          expect(why, `${label}\n  error ${i}: ${formatConfigErrors([e])[0]}`).toBeUndefined()
        })
        return
      }
      figures.configs.accepted++
      const s = decoded.right
      const refused = checkFolds(s, base.lrs, steps, seed, blockRows, label)
      if (refused === undefined) figures.configs.acceptedFinite++
      else {
        figures.configs.acceptedRefused++
        const k = kindOf(refused)
        figures.refusals[k] = (figures.refusals[k] ?? 0) + 1
      }
      // the schedule's config is JSON that decodes to the same schedule
      const encoded = encodeSchedule(s, functions)
      if (encoded._tag === 'Left') return expect.fail(`${label}: an accepted schedule does not encode: ${formatConfigErrors(encoded.left).join('; ')}`)
      const again = decodeSchedule(JSON.parse(JSON.stringify(encoded.right)), ctx)
      if (again._tag === 'Left') return expect.fail(`${label}: its encoded config ${show(encoded.right)} is rejected: ${formatConfigErrors(again.left).join('; ')}`)
      const gs = groupsFor(s, base.lrs)
      const metrics = takesMetric(s) ? metricSeq(seed, steps) : undefined
      const first = outcome(() => trace(s, gs, steps, metrics))
      const second = outcome(() => trace(again.right, gs, steps, metrics))
      if ('ok' in first && 'ok' in second) expect(firstJsonMismatch(second.ok.lr.flat(), first.ok.lr.flat()), `${label}: decode(encode(s)) traces differently`).toBeUndefined()
      else expect('thrown' in second ? (second.thrown as Error).message : 'a trace', `${label}: decode(encode(s))`).toBe('thrown' in first ? (first.thrown as Error).message : 'a trace')
    },
    TIMEOUT
  )

  // a JavaScript caller may pass any decoding context
  const badContexts: ReadonlyArray<unknown> = [
    null,
    3,
    'functions',
    [],
    [functions],
    { functions: null },
    { functions: 3 },
    { functions: 'warmup10' },
    { functions: [] },
    { functions: [() => 1] },
    { functions: { ...functions, warmup10: 0.5 } },
    { functions: { exp95: null } },
    { functions, groups: 0 },
    { functions, groups: -1 },
    { functions, groups: 1.5 },
    { functions, groups: NaN },
    { functions, groups: Infinity },
    { functions, groups: 2 ** 53 },
    { functions, groups: '2' },
    { functions, groups: null },
    { functions, groups: [2] }
  ]
  test.prop([mutatedConfig, fc.constantFrom(...badContexts)], { numRuns: Math.min(RUNS, 300) })(
    'a bad decoding context is an error naming it (context, functions, groups), whatever the config; nothing throws',
    ({ mutated }, ctx) => {
      const r = outcome(() => decodeSchedule(mutated.value, ctx as DecodeContext))
      if ('thrown' in r) return expect.fail(`decodeSchedule threw with the context ${show(ctx)}\n${describeThrown(r.thrown)}`)
      expect(r.ok._tag, `the context ${show(ctx)} was accepted`).toBe('Left')
      if (r.ok._tag === 'Left')
        for (const e of r.ok.left) expect(e.path, `${show(ctx)}: ${formatConfigErrors([e])[0]}`).toMatch(/^(context|groups|functions(\.\w+)?)$/)
    }
  )

  // the valid configs the mutations start from: every gallery config decodes and traces
  plain.each(gallery.map((g) => [g.title, g] as const))('the gallery\'s %s, as given, decodes and traces finite and identical in every fold', (_title, g) => {
    const r = decodeSchedule(g.config, { functions, groups: g.lr.length })
    if (r._tag === 'Left') return expect.fail(`${g.title}: ${formatConfigErrors(r.left).join('; ')}`)
    expect(checkFolds(r.right, g.lr, Math.min(MAX_STEPS, g.steps), 7, 64, g.title)).toBeUndefined()
  })
})

// -------------------------------------------------------------------------------------
// checkpoints
// -------------------------------------------------------------------------------------

/** A valid base with a step to save it at and a number of steps to resume for. */
const run = validBase.chain((base) =>
  fc.record({
    base: fc.constant(base),
    at: fc.integer({ min: 0, max: base.maxSteps }),
    more: fc.integer({ min: 0, max: 100 }),
    seed: fc.integer()
  })
)

interface Saved {
  readonly s: AnyScheduler
  readonly json: string
  readonly at: number
}

/** Decodes a valid base and saves its checkpoint after `at` steps (undefined if the valid run itself refuses, e.g. non-finite). */
const saved = (base: Base, at: number, seed: number): Saved | undefined => {
  const r = decodeSchedule(base.config, { functions })
  if (r._tag === 'Left') throw new Error(`a valid base was rejected: ${formatConfigErrors(r.left).join('; ')}\n${show(base.config)}`)
  const s = r.right
  const metrics = takesMetric(s) ? metricSeq(seed) : undefined
  const t = outcome(() => trace(s, groupsFor(s, base.lrs), at, metrics?.slice(0, at)))
  if ('thrown' in t) {
    if (t.thrown instanceof ScheduleError) return undefined
    throw t.thrown
  }
  return { s, json: saveCheckpoint(s, t.ok.groups, t.ok.state, functions), at }
}

/** The lrs (and momenta) of resuming a checkpoint's groups and state for `more` steps, or the message of the error. */
const resumed = (s: AnyScheduler, checkpoint: { readonly steps: number; readonly groups: any; readonly state: unknown }, more: number, seed: number) => {
  const metrics = takesMetric(s) ? metricSeq(seed).slice(checkpoint.steps) : undefined
  const r = outcome(() => resume(s, checkpoint.groups, checkpoint.state, more, metrics?.slice(0, more)))
  if ('thrown' in r) {
    if (!(r.thrown instanceof ScheduleError)) throw r.thrown
    return { error: r.thrown.message }
  }
  return { lr: r.ok.lr.flat(), momentum: (r.ok.momentum ?? []).flat() }
}

/**
 * Why a loaded checkpoint differs from its source by more than numbers of its groups and state
 * (undefined when those numbers are its only differences): the two as JSON sees them.
 */
const numbersOnlyDifference = (
  s: AnyScheduler,
  loaded: { readonly steps: number; readonly groups: unknown; readonly state: unknown },
  source: { readonly steps: number; readonly groups: unknown; readonly state: unknown }
): string | undefined => {
  // a schedule that sets no momentum carries the groups' momentum (or betas) through, if any
  const groupsOf = (gs: unknown): unknown =>
    setsMomentum(s) || !Array.isArray(gs)
      ? gs
      : gs.map((g: unknown) => {
          if (typeof g !== 'object' || g === null) return g
          const { momentum: _m, betas: _b, ...rest } = g as Record<string, unknown>
          return rest
        })
  const walk = (a: unknown, b: unknown, path: string): string | undefined => {
    if (typeof a === 'number' && typeof b === 'number') return undefined
    if (Array.isArray(a) || Array.isArray(b)) {
      if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return `${path}: ${show(a)} vs ${show(b)}`
      for (let i = 0; i < a.length; i++) {
        const d = walk(a[i], b[i], `${path}[${i}]`)
        if (d !== undefined) return d
      }
      return undefined
    }
    if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
      const ka = Object.keys(a).sort()
      const kb = Object.keys(b).sort()
      if (ka.join() !== kb.join()) return `${path}: keys ${ka.join(', ')} vs ${kb.join(', ')}`
      for (const k of ka) {
        const d = walk((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`)
        if (d !== undefined) return d
      }
      return undefined
    }
    return Object.is(a, b) ? undefined : `${path}: ${show(a)} vs ${show(b)}`
  }
  if (loaded.steps !== source.steps) return `steps: ${loaded.steps} vs ${source.steps}`
  return walk(groupsOf(JSON.parse(JSON.stringify(loaded.groups))), groupsOf(JSON.parse(JSON.stringify(source.groups))), 'groups') ?? walk(JSON.parse(JSON.stringify(loaded.state)), JSON.parse(JSON.stringify(source.state)), 'state')
}

/** The first number that differs between two checkpoints' groups and states, its indices written [i] (for the figures). */
const changedNumber = (loaded: { readonly groups: unknown; readonly state: unknown }, source: { readonly groups: unknown; readonly state: unknown }): string => {
  const walk = (a: unknown, b: unknown, path: string): string | undefined => {
    if (typeof a === 'number' && typeof b === 'number') return a === b ? undefined : path
    if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return undefined
    for (const k of Object.keys(a)) {
      const d = walk((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], Array.isArray(a) ? `${path}[i]` : `${path}.${k}`)
      if (d !== undefined) return d
    }
    return undefined
  }
  const json = (u: unknown): unknown => JSON.parse(JSON.stringify(u))
  return walk(json(loaded.groups), json(source.groups), 'groups') ?? walk(json(loaded.state), json(source.state), 'state') ?? '(none found)'
}

type Corruption =
  | { readonly kind: 'truncated' | 'flipped'; readonly text: string; readonly what: string; readonly source: 'self' }
  | { readonly kind: 'swapped'; readonly text: string; readonly what: string; readonly source: 'other' }
  | { readonly kind: 'mutated'; readonly text: string; readonly what: string; readonly source: 'self' }

describe('fuzzing checkpoints', () => {
  test.prop([run, run, fc.constantFrom('truncated', 'flipped', 'swapped', 'mutated'), fc.gen()], { numRuns: RUNS })(
    'a corrupted checkpoint (truncated, a character changed, swapped with another schedule\'s, mutated) is rejected with paths, or resumes exactly as the checkpoint it came from',
    (mine, theirs, kind, g) => {
      const self = saved(mine.base, mine.at, mine.seed)
      fc.pre(self !== undefined)
      if (self === undefined) return
      const corruption = ((): Corruption | undefined => {
        if (kind === 'truncated') return { ...g(truncated, self.json), kind, source: 'self' }
        if (kind === 'flipped') return { ...g(flipped, self.json), kind, source: 'self' }
        if (kind === 'swapped') {
          const other = saved(theirs.base, theirs.at, mine.seed)
          return other === undefined ? undefined : { kind, text: other.json, what: `the checkpoint of ${show(theirs.base.config)} at step ${theirs.at}`, source: 'other' }
        }
        const m = g(mutate, JSON.parse(self.json) as unknown, 2)
        const text = JSON.stringify(m.value)
        return text === undefined ? undefined : { kind, text, what: m.steps.join('; '), source: 'self' }
      })()
      fc.pre(corruption !== undefined)
      if (corruption === undefined) return
      const label = `${corruption.kind} (${corruption.what})\n  schedule ${show(mine.base.config)} saved at step ${mine.at}\n  text ${corruption.text.slice(0, 1500)}`
      figures.checkpoints.tried++
      const byKind = (figures.checkpoints.byKind[kind] ??= { tried: 0, rejected: 0, accepted: 0, altered: 0 })
      byKind.tried++
      const r = outcome(() => loadCheckpoint(self.s, corruption.text, functions))
      if ('thrown' in r) return expect.fail(`loadCheckpoint threw, ${label}\n${describeThrown(r.thrown)}`)
      const loaded = r.ok
      if (loaded._tag === 'Left') {
        figures.checkpoints.rejected++
        byKind.rejected++
        expect(loaded.left.length).toBeGreaterThan(0)
        loaded.left.forEach((e) => {
          expect(typeof e.path === 'string' && /^checkpoint(\.|\[|$)/.test(e.path), `${label}\n  an error without a checkpoint path: ${show(e)}`).toBe(true)
          expect(typeof e.message === 'string' && e.message.trim() !== '' && !/is not a function|Cannot read prop/.test(e.message), `${label}\n  ${show(e)}`).toBe(true)
        })
        return
      }
      byKind.accepted++
      // accepted: it resumes (what loadCheckpoint accepts, resume accepts) exactly as the checkpoint
      // it came from (the one saved, or the other schedule's)
      const source = JSON.parse(corruption.source === 'self' ? self.json : corruption.text) as { steps: number; groups: unknown; state: unknown }
      const expected = resumed(self.s, source, mine.more, mine.seed)
      const actual = resumed(self.s, loaded.right, mine.more, mine.seed)
      if ('error' in actual && !('error' in expected && expected.error === actual.error))
        return expect.fail(`${label}\n  accepted by loadCheckpoint, then refused by resume: ${actual.error}`)
      if ('error' in expected || 'error' in actual) {
        expect(actual, `${label}\n  accepted, resuming`).toEqual(expected)
        figures.checkpoints.acceptedSame++
        return
      }
      const same =
        firstJsonMismatch(actual.lr, expected.lr) === undefined && (!setsMomentum(self.s) || firstJsonMismatch(actual.momentum, expected.momentum) === undefined)
      if (same) {
        figures.checkpoints.acceptedSame++
        return
      }
      // KNOWN LIMITATION (reported, not fixed here: it needs a checksum in the checkpoint format):
      // a checkpoint holds no redundancy for the numbers of its groups and state, so one that
      // differs from the saved one only in such numbers (a digit changed in an lr, a base lr, a
      // plateau's best metric), every one of them still in range, is a valid checkpoint, and loads.
      // Any other difference (structure, keys, types, the schedule, the step) must not load.
      // likewise, the state of a schedule that reads a metric (a plateau's best, its counters)
      // holds nothing per group: a checkpoint with a group repeated is the checkpoint of the same
      // run on one more group of that lr, valid, and loads (found by a 20,000-run fuzz)
      const sourceGroups = (source.groups as ReadonlyArray<unknown>).map((g) => JSON.stringify(g))
      if (
        takesMetric(self.s) &&
        loaded.right.groups.length !== sourceGroups.length &&
        loaded.right.groups.every((g) => sourceGroups.includes(JSON.stringify(g))) &&
        JSON.stringify(loaded.right.state) === JSON.stringify(source.state)
      ) {
        figures.checkpoints.acceptedAltered++
        byKind.altered++
        figures.altered['groups (a group repeated)'] = (figures.altered['groups (a group repeated)'] ?? 0) + 1
        return
      }
      const why = numbersOnlyDifference(self.s, loaded.right, source)
      if (why !== undefined) return expect.fail(`${label}\n  accepted, and resumes to other lrs than the checkpoint it came from (${firstJsonMismatch(actual.lr, expected.lr) ?? 'momentum'}); it differs by ${why}`)
      figures.checkpoints.acceptedAltered++
      byKind.altered++
      const where = changedNumber(loaded.right, source)
      figures.altered[where] = (figures.altered[where] ?? 0) + 1
    },
    TIMEOUT
  )
})

// -------------------------------------------------------------------------------------
// what the fuzzer found
// -------------------------------------------------------------------------------------

describe('regressions found by fuzzing', () => {
  const s = decodeSchedule({ type: 'StepLR', stepSize: 3 })
  if (s._tag === 'Left') throw new Error('StepLR does not decode')
  const run = trace(s.right, [0.1], 4)
  const json = saveCheckpoint(s.right, run.groups, run.state)

  // was: TypeError "json.slice is not a function" (the parsed object) and "Cannot read properties of undefined"
  plain.each([
    ['the parsed checkpoint', JSON.parse(json), `checkpoint: expected the checkpoint's JSON text (the string saveCheckpoint returns), got ${json.slice(0, 77)}...`],
    ['undefined', undefined, "checkpoint: expected the checkpoint's JSON text (the string saveCheckpoint returns), got undefined"],
    ['a number', 3, "checkpoint: expected the checkpoint's JSON text (the string saveCheckpoint returns), got 3"]
  ])('loadCheckpoint given %s (not a string) returns an error naming the checkpoint, and does not throw', (_name, given, line) => {
    const r = loadCheckpoint(s.right, given as string)
    expect(r._tag === 'Left' && formatConfigErrors(r.left)).toEqual([line])
  })

  // was: `OneCycleLR state.baseLrs: expected 3 finite numbers (one per param group), got [null,null,null]`
  plain('an error shows NaN and ±Infinity inside an array or an object as they are, not as JSON\'s null', () => {
    expect(formatValue([Infinity, NaN, -Infinity, 0.5])).toBe('[Infinity,NaN,-Infinity,0.5]')
    expect(formatValue({ baseLrs: [NaN], lastEpoch: 3 })).toBe('{"baseLrs":[NaN],"lastEpoch":3}')
    expect(new ScheduleError('state.baseLrs', '1 finite number (one per param group)', [Infinity]).message).toBe(
      'state.baseLrs: expected 1 finite number (one per param group), got [Infinity]'
    )
    // strings that spell them stay strings
    expect(formatValue(['NaN', 'Infinity'])).toBe('["NaN","Infinity"]')
  })

  // was: a TypeError thrown (context null), `config: could not be decoded (Cannot convert undefined or
  // null to object)` (functions null), `lrLambda: expected a registered function name (registered:
  // 0, 1, 2, 3, 4, 5), got "warmup"` (functions a string), `... (registered: warmup), got "warmup"` (not a function)
  plain.each([
    [null, 'context: expected the decoding context (an object with functions, groups), got null'],
    [{ functions: null }, 'functions: expected an object of named functions ({ name: (x) => number }), got null'],
    [{ functions: 'warmup' }, 'functions: expected an object of named functions ({ name: (x) => number }), got "warmup"'],
    [{ functions: { warmup: 3 } }, 'functions.warmup: expected a function, got 3'],
    [{ groups: '2' }, 'groups: expected a positive integer, got "2"']
  ])('decodeSchedule with the context %j returns an error naming it', (ctx, line) => {
    const r = decodeSchedule({ type: 'LambdaLR', lrLambda: 'warmup' }, ctx as unknown as DecodeContext)
    expect(r._tag === 'Left' && formatConfigErrors(r.left)).toEqual([line])
  })

  // was: Right, and then resume refused the groups (`groups[0].initialLr: expected a finite number >= 0, got -0.1`)
  plain('a checkpoint with a negative initial lr is rejected by loadCheckpoint, as resume rejects those groups', () => {
    const edited = JSON.parse(json)
    edited.groups[0].initialLr = -0.1
    const r = loadCheckpoint(s.right, JSON.stringify(edited))
    expect(r._tag === 'Left' && formatConfigErrors(r.left)).toEqual(['checkpoint.groups[0].initialLr: expected a finite number >= 0, got -0.1'])
    expect(() => resume(s.right, edited.groups, edited.state, 1)).toThrow('groups[0].initialLr: expected a finite number >= 0, got -0.1')
    // 0 (and -0, which JSON writes as 0) is a valid initial lr for both: a run from lr 0
    const zero = trace(s.right, [0], 3)
    expect(loadCheckpoint(s.right, saveCheckpoint(s.right, zero.groups, zero.state))._tag).toBe('Right')
    expect(resume(s.right, zero.groups, zero.state, 1).lr).toEqual([[0], [0]])
  })
})
