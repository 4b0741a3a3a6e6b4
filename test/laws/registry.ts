// One arbitrary for every schedule of the registry, derived from its definition's argument table:
// each argument's value drawn from its codec (the codec's name, and the bounds or values its own
// error message states), starting from the schedule's gallery config (so that arguments whose
// codec is not one of the primitives keep a valid value). Whatever the draw, the config decodes:
// a draw the definition rejects (a cross-argument check) falls back to the gallery config.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { type AnyScheduler, decodeSchedule } from '../../src/index.js'
import type { AnyArg, AnyDefinition } from '../../src/internal/define.js'
import { entries } from '../../src/registry.js'

const root = join(import.meta.dirname, '..', '..')
type Json = Record<string, unknown> & { readonly type: string }

/** The gallery's entries (scripts/gallery-*.json: one per schedule of every family), with their lrs and steps. */
export const galleryItems: ReadonlyArray<{ readonly title: string; readonly config: Json; readonly lr: ReadonlyArray<number>; readonly steps: number }> = readdirSync(
  join(root, 'scripts')
)
  .filter((f) => /^gallery-.*\.json$/.test(f))
  .sort()
  .flatMap((f) => JSON.parse(readFileSync(join(root, 'scripts', f), 'utf8')))

/** The gallery's config of every type (one per schedule of every family). */
export const galleryConfigs: ReadonlyArray<Json> = galleryItems.map((g) => g.config)

/** The functions configs may name (LambdaLR's lrLambda, CyclicLR's scaleFn). */
export const functions: Readonly<Record<string, (x: number) => number>> = {
  warmup: (e) => Math.min(1, (e + 1) / 10),
  halving: (e) => 0.5 ** Math.floor(e / 10),
  decay: () => 0.97
}

/** What a codec's message says it expects, for a value it must reject. */
const expected = (a: AnyArg): string => {
  const r = a.codec.decode(Symbol('x'))
  return r._tag === 'Left' ? (r.left[0]?.message ?? '') : ''
}

const smallInt = (min: number) => fc.integer({ min, max: 40 })
const number = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true })

/** An arbitrary for one value of a primitive codec (by its name), or undefined. */
const primitive = (name: string, message: string): fc.Arbitrary<unknown> | undefined => {
  switch (name) {
    case 'PositiveInteger':
      return smallInt(1)
    case 'NonNegativeInteger':
      return smallInt(0)
    case 'Integer':
      return fc.integer({ min: -3, max: 40 })
    case 'Finite':
      return number(-0.5, 1)
    case 'Positive':
      return number(0.01, 1.5)
    case 'NonNegative':
      return number(0, 1.5)
    case 'Boolean':
      return fc.boolean()
    case 'InRange': {
      const m = /in ([[(])(-?[\d.e+-]+), (-?[\d.e+-]+)([\])])/.exec(message)
      if (m === null) return undefined
      const [lo, hi] = [Number(m[2]), Number(m[3])]
      return number(lo, Math.min(hi, lo + 10)).filter((x) => (m[1] === '(' ? x > lo : true) && (m[4] === ')' ? x < hi : true))
    }
    case 'OneOf': {
      const values = [...message.matchAll(/"([^"]+)"/g)].map((x) => x[1] as string)
      return values.length === 0 ? undefined : fc.constantFrom(...values)
    }
    default:
      return undefined
  }
}

/** An arbitrary for an argument's value, or undefined when its codec is not one of the primitives. */
const argument = (a: AnyArg, groups: number): fc.Arbitrary<unknown> | undefined => {
  if (a.fn === true) return fc.constantFrom(...Object.keys(functions))
  const name = a.codec.name as string
  const message = expected(a)
  const per = /^PerGroup<(\w+)>$/.exec(name)
  if (per !== null) {
    const inner = primitive(per[1] as string, message)
    return inner === undefined ? undefined : fc.oneof(inner, fc.array(inner, { minLength: groups, maxLength: groups }))
  }
  const list = /^Array<(\w+)>$/.exec(name)
  if (list !== null) {
    const inner = primitive(list[1] as string, message)
    return inner === undefined ? undefined : fc.array(inner, { maxLength: 4 })
  }
  return primitive(name, message)
}

const isDefinition = (e: unknown): e is AnyDefinition => typeof e === 'object' && e !== null && 'args' in e && 'make' in e

/** The registry's definitions that have a gallery config. */
export const definitions: ReadonlyArray<readonly [AnyDefinition, Json]> = Object.values(entries).flatMap((e) => {
  if (!isDefinition(e)) return []
  const gallery = galleryConfigs.find((c) => c.type === e.type)
  return gallery === undefined ? [] : [[e, gallery] as const]
})

export interface Drawn {
  readonly config: Json
  readonly schedule: AnyScheduler
  readonly groups: number
}

const decodes = (config: Json, groups: number): AnyScheduler | undefined => {
  const r = decodeSchedule(config, { functions, groups })
  return r._tag === 'Right' ? r.right : undefined
}

/** A schedule of one definition: its gallery config, each argument drawn (or left out when optional) in turn. */
const ofDefinition = (def: AnyDefinition, gallery: Json, groups: number): fc.Arbitrary<Drawn> => {
  const drawn = Object.entries(def.args as Readonly<Record<string, AnyArg>>).flatMap(([k, a]) => {
    const arb = argument(a, groups)
    if (arb === undefined) return []
    const value = a.kind === 'required' ? arb : fc.option(arb, { nil: undefined, freq: 3 })
    return [[k, value] as const]
  })
  return fc.record(Object.fromEntries(drawn)).map((values): Drawn => {
    const config: Json = { ...gallery }
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined && (def.args as Readonly<Record<string, AnyArg>>)[k]?.kind !== 'required') delete config[k]
      else config[k] = v
    }
    const schedule = decodes(config, groups)
    if (schedule !== undefined) return { config, schedule, groups }
    const fallback = decodes(gallery, groups) ?? decodes(gallery, 1)
    if (fallback === undefined) throw new Error(`the gallery config of ${def.type} does not decode`)
    return { config: gallery, schedule: fallback, groups: decodes(gallery, groups) === undefined ? 1 : groups }
  })
}

/** One schedule of any definition of the registry, on 1–3 groups. */
export const anySchedule: fc.Arbitrary<Drawn> = fc
  .integer({ min: 1, max: 3 })
  .chain((groups) => fc.oneof(...definitions.map(([def, gallery]) => ofDefinition(def, gallery, groups))))
