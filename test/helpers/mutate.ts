// Mutations of JSON values for fuzzing: a valid config (or a checkpoint) goes in, a value that may
// or may not still be valid comes out, with a description of what was done. Every mutation works on
// a copy, on any node of the tree: keys dropped, renamed (typos) or added (`__proto__` as an own
// key, as JSON.parse makes it), values retyped, numbers replaced by NaN, ±Infinity, 1e308, -1, -0,
// 5e-324, 2^53..., values wrapped in an array or an object, composites nested wrongly, `type`
// removed or unknown. A few mutations are applied in a row. And corruptions of JSON text:
// truncated, one character changed.
import fc from 'fast-check'

export type Path = ReadonlyArray<string | number>

/** A mutated value and what was done to it (for counterexamples). */
export interface Mutated {
  readonly value: unknown
  readonly steps: ReadonlyArray<string>
}

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === 'object' && u !== null && !Array.isArray(u)

/** Sets an own, enumerable key (`__proto__` included: an assignment would set the prototype instead). */
export const setOwn = (o: Record<string, unknown>, key: string, value: unknown): void => {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true })
}

/** A deep copy that keeps own `__proto__` keys, NaN, ±Infinity and -0 (JSON would not). */
export const clone = (u: unknown): unknown => {
  if (Array.isArray(u)) return u.map(clone)
  if (isRecord(u)) {
    const o: Record<string, unknown> = {}
    for (const k of Object.keys(u)) setOwn(o, k, clone(u[k]))
    return o
  }
  return u
}

/** Every node of a tree, the root first, with its path. */
export const pathsOf = (u: unknown, path: Path = []): ReadonlyArray<Path> => {
  const here = [path]
  if (Array.isArray(u)) return [...here, ...u.flatMap((x, i) => pathsOf(x, [...path, i]))]
  if (isRecord(u)) return [...here, ...Object.keys(u).flatMap((k) => pathsOf(u[k], [...path, k]))]
  return here
}

export const getAt = (u: unknown, path: Path): unknown => {
  let v = u
  for (const k of path) v = (v as Record<string | number, unknown>)[k]
  return v
}

/** A copy of `root` with the node at `path` replaced by `f(node)` (the root itself when `path` is empty). */
export const replaceAt = (root: unknown, path: Path, f: (node: unknown) => unknown): unknown => {
  const copy = clone(root)
  if (path.length === 0) return f(copy)
  const parent = getAt(copy, path.slice(0, -1)) as Record<string | number, unknown>
  const key = path[path.length - 1] as string | number
  const next = f(parent[key])
  if (Array.isArray(parent)) parent[key as number] = next
  else setOwn(parent, String(key), next)
  return copy
}

/** A copy of `root` with key `key` of the object at `path` removed. */
const dropKey = (root: unknown, path: Path, key: string): unknown =>
  replaceAt(root, path, (node) => {
    const o = node as Record<string, unknown>
    delete o[key]
    return o
  })

/** A copy of `root` whose object at `path` has its key `from` renamed `to` (in the same place). */
const renameKey = (root: unknown, path: Path, from: string, to: string): unknown =>
  replaceAt(root, path, (node) => {
    const o = node as Record<string, unknown>
    const out: Record<string, unknown> = {}
    for (const k of Object.keys(o)) setOwn(out, k === from ? to : k, o[k])
    return out
  })

/** The numbers a numeric field must survive: non-finite, extreme, negative, signed zero, unsafe integers. */
export const specialNumbers: ReadonlyArray<number> = [
  NaN,
  Infinity,
  -Infinity,
  1e308,
  -1e308,
  Number.MAX_VALUE,
  -1,
  -0,
  0,
  5e-324,
  -5e-324,
  2.2250738585072014e-308,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 53),
  2 ** 31,
  2 ** 32,
  1e21,
  0.5,
  1.5,
  1 - 2 ** -53,
  1 + 2 ** -52,
  1e-300,
  100,
  1e6
]

/** Typos of a key: a letter dropped, doubled or swapped with the next, case changed, snake_case. */
const typos = (key: string): ReadonlyArray<string> => {
  const out = new Set<string>()
  for (let i = 0; i < key.length; i++) {
    out.add(key.slice(0, i) + key.slice(i + 1))
    out.add(key.slice(0, i) + key[i] + key.slice(i))
    if (i + 1 < key.length) out.add(key.slice(0, i) + key[i + 1] + key[i] + key.slice(i + 2))
  }
  out.add(key.toLowerCase())
  out.add(key.toUpperCase())
  out.add(key.charAt(0).toUpperCase() + key.slice(1))
  out.add(key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`))
  out.add(`${key} `)
  out.add(` ${key}`)
  out.delete(key)
  out.delete('')
  return [...out]
}

/** Values of every JSON type (and a few that JSON cannot write). */
const retypes: ReadonlyArray<unknown> = ['', 'x', '1', '0.1', 'NaN', 'true', true, false, null, [], [1], [null], {}, { type: 'StepLR' }, 0, 1, -1, NaN, undefined]

/** Types a schedule may be given instead of its own: the known ones of other families, near misses, junk. */
export const otherTypes: ReadonlyArray<unknown> = [
  'StepLR',
  'ExponentialLR',
  'CosineAnnealingLR',
  'OneCycleLR',
  'ReduceLROnPlateau',
  'SequentialLR',
  'ChainedScheduler',
  'LambdaLR',
  'CyclicLR',
  'optax.linear_schedule',
  'optax.join_schedules',
  'keras.CosineDecay',
  'hf.cosine',
  'hf.reduce_lr_on_plateau',
  'timm.plateau',
  'timm.cosine',
  'optax.',
  'optax.nope',
  'keras',
  'hf.Cosine',
  'steplr',
  'toString',
  'constructor',
  '__proto__',
  'hasOwnProperty',
  '',
  ' StepLR',
  3,
  null,
  true,
  ['StepLR'],
  { type: 'StepLR' }
]

/** Own `__proto__` keys, made as JSON.parse makes them (own properties, not the prototype). */
const protoValues: ReadonlyArray<string> = [
  '{"__proto__": {"type": "StepLR", "stepSize": 1}}',
  '{"__proto__": {"gamma": 100}}',
  '{"__proto__": null}',
  '{"__proto__": 1}',
  '{"__proto__": []}'
]

type Mutation = (root: unknown) => fc.Arbitrary<Mutated>

const done = (value: unknown, step: string): Mutated => ({ value, steps: [step] })
const show = (p: Path): string => (p.length === 0 ? '<root>' : p.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join(''))
const fmt = (v: unknown): string => {
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v)
  if (v === undefined) return 'undefined'
  const s = JSON.stringify(v)
  return s === undefined ? String(v) : s.length > 60 ? `${s.slice(0, 57)}...` : s
}

/** The mutations that apply at the node at `path` of `root`. */
const mutationsAt = (root: unknown, path: Path): ReadonlyArray<fc.Arbitrary<Mutated>> => {
  const node = getAt(root, path)
  const at = show(path)
  const out: Array<fc.Arbitrary<Mutated>> = []
  const replace = (label: string, values: ReadonlyArray<unknown>): void => {
    if (values.length > 0) out.push(fc.constantFrom(...values).map((v) => done(replaceAt(root, path, () => clone(v)), `${at} ${label} ${fmt(v)}`)))
  }
  // every node: retyped, wrapped in an array or an object
  replace('retyped to', retypes)
  out.push(fc.constant(done(replaceAt(root, path, (n) => [n]), `${at} wrapped in an array`)))
  out.push(
    fc.constantFrom('config', 'value', 'schedulers', 'type').map((k) => {
      const wrapped = replaceAt(root, path, (n) => {
        const o: Record<string, unknown> = {}
        setOwn(o, k, n)
        return o
      })
      return done(wrapped, `${at} wrapped in {${k}: ...}`)
    })
  )
  if (typeof node === 'number') {
    replace('set to', specialNumbers)
    out.push(
      fc.constantFrom<[string, (x: number) => unknown]>(
        ['negated', (x) => -x],
        ['+ 1', (x) => x + 1],
        ['- 1', (x) => x - 1],
        ['+ 0.5', (x) => x + 0.5],
        ['× 10', (x) => x * 10],
        ['× 1e300', (x) => x * 1e300],
        ['÷ 1e300', (x) => x / 1e300],
        ['as a string', (x) => String(x)],
        ['as a one-entry array', (x) => [x]]
      ).map(([label, f]) => done(replaceAt(root, path, (n) => f(n as number)), `${at} ${label}`))
    )
  }
  if (typeof node === 'string') {
    // typos, other types, and names of functions that give non-finite, huge, negative or tiny values
    replace('set to', [...typos(node).slice(0, 12), ...otherTypes, 'nan', 'huge', 'negative', 'tiny', 'grows', 'exp95', 'const95'])
  }
  if (typeof node === 'boolean') replace('set to', [!node, String(node), node ? 1 : 0])
  if (Array.isArray(node)) {
    if (node.length > 0) {
      out.push(fc.nat({ max: node.length - 1 }).map((i) => done(replaceAt(root, path, (n) => (n as unknown[]).filter((_, j) => j !== i)), `${at}[${i}] dropped`)))
      out.push(fc.nat({ max: node.length - 1 }).map((i) => done(replaceAt(root, path, (n) => [...(n as unknown[]), clone((n as unknown[])[i])]), `${at}[${i}] repeated`)))
      out.push(fc.constant(done(replaceAt(root, path, (n) => [...(n as unknown[])].reverse()), `${at} reversed`)))
      out.push(fc.constant(done(replaceAt(root, path, (n) => (n as unknown[])[0]), `${at} unwrapped to its first entry`)))
      out.push(fc.constant(done(replaceAt(root, path, (n) => Object.fromEntries((n as unknown[]).map((x, i) => [String(i), x]))), `${at} as an object`)))
    }
    replace('set to', [[], [[]], [null]])
    out.push(fc.constantFrom(...retypes).map((v) => done(replaceAt(root, path, (n) => [...(n as unknown[]), clone(v)]), `${at} given an extra ${fmt(v)}`)))
  }
  if (isRecord(node)) {
    const keys = Object.keys(node)
    if (keys.length > 0) {
      out.push(fc.constantFrom(...keys).map((k) => done(dropKey(root, path, k), `${at}.${k} dropped`)))
      out.push(
        fc.constantFrom(...keys).chain((k) => {
          const ts = typos(k)
          return fc.constantFrom(...(ts.length > 0 ? ts : [`${k}_`])).map((to) => done(renameKey(root, path, k, to), `${at}.${k} renamed ${JSON.stringify(to)}`))
        })
      )
    }
    out.push(
      fc.constantFrom(...protoValues).map((json) => {
        const extra = JSON.parse(json) as Record<string, unknown>
        return done(replaceAt(root, path, (n) => {
          const o = n as Record<string, unknown>
          setOwn(o, '__proto__', extra['__proto__'])
          return o
        }), `${at} given the own key ${json}`)
      })
    )
    out.push(
      fc.constantFrom('lastEpoch', 'last_epoch', 'verbose', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'name', 'lr', 'x').chain((k) =>
        fc.constantFrom<unknown>(1, 0, null, 'x', {}).map((v) =>
          done(replaceAt(root, path, (n) => {
            const o = n as Record<string, unknown>
            setOwn(o, k, v)
            return o
          }), `${at}.${k} added as ${fmt(v)}`)
        )
      )
    )
    if ('type' in node) {
      out.push(fc.constant(done(dropKey(root, path, 'type'), `${at}.type removed`)))
      out.push(
        fc.constantFrom(...otherTypes).map((t) =>
          done(replaceAt(root, path, (n) => {
            const o = n as Record<string, unknown>
            setOwn(o, 'type', clone(t))
            return o
          }), `${at}.type set to ${fmt(t)}`)
        )
      )
      // another library's dict (Keras's get_config()): the translator's paths
      out.push(
        fc.constantFrom('CosineDecay', 'ExponentialDecay', 'Nope', 3).map((cls) =>
          done(replaceAt(root, path, (n) => {
            const { type: _t, ...rest } = n as Record<string, unknown>
            return { class_name: cls, config: rest }
          }), `${at} as a Keras dict of class ${fmt(cls)}`)
        )
      )
    }
    // composites nested wrongly
    const children = node['schedulers']
    if (Array.isArray(children)) {
      out.push(fc.constant(done(replaceAt(root, path, (n) => ({ ...(n as object), schedulers: children[0] })), `${at}.schedulers: the first child, not an array`)))
      out.push(fc.constant(done(replaceAt(root, path, (n) => ({ ...(n as object), schedulers: [children] })), `${at}.schedulers nested in an array`)))
      out.push(fc.constant(done(replaceAt(root, path, () => children[0]), `${at} replaced by its first child's config, keeping nothing else`)))
      out.push(
        fc.constant(
          done(replaceAt(root, path, (n) => ({ ...(n as object), type: node['type'] === 'SequentialLR' ? 'ChainedScheduler' : 'SequentialLR' })), `${at} composite type swapped`)
        )
      )
      if (children.length > 0)
        out.push(
          fc.nat({ max: children.length - 1 }).map((i) =>
            done(
              replaceAt(root, [...path, 'schedulers', i], (c) => ({ type: 'ChainedScheduler', schedulers: c })),
              `${at}.schedulers[${i}] put in a chain whose schedulers is not an array`
            )
          )
        )
      if ('milestones' in node)
        out.push(
          fc.constant(
            done(replaceAt(root, path, (n) => ({ ...(n as object), schedulers: node['milestones'], milestones: children })), `${at}: schedulers and milestones swapped`)
          )
        )
    } else if ('type' in node) {
      // a leaf given children, or made the child of a composite without its milestones
      out.push(fc.constant(done(replaceAt(root, path, (n) => ({ ...(n as object), schedulers: [{ type: 'StepLR', stepSize: 2 }] })), `${at} given schedulers`)))
      out.push(fc.constant(done(replaceAt(root, path, (n) => ({ type: 'SequentialLR', schedulers: [n, n] })), `${at} in a SequentialLR without milestones`)))
      out.push(
        fc.constantFrom<unknown>([0], [1], [2 ** 53], [-0], [5e-324], [1, 1]).map((ms) =>
          done(replaceAt(root, path, (n) => ({ type: 'SequentialLR', schedulers: [n, n], milestones: ms })), `${at} twice in a SequentialLR, milestones ${fmt(ms)}`)
        )
      )
    }
  }
  return out
}

/** One mutation at a random node of `root`. */
export const mutateOnce: Mutation = (root) =>
  fc.constantFrom(...pathsOf(root)).chain((path) => {
    const ms = mutationsAt(root, path)
    return fc.oneof(...ms)
  })

/** One to `max` mutations in a row, each at a random node of the result of the one before. */
export const mutate = (root: unknown, max = 3): fc.Arbitrary<Mutated> => {
  const go = (value: unknown, steps: ReadonlyArray<string>, left: number): fc.Arbitrary<Mutated> =>
    mutateOnce(value).chain((m) => {
      const next = { value: m.value, steps: [...steps, ...m.steps] }
      return left <= 1 ? fc.constant(next) : fc.oneof(fc.constant(next), go(m.value, next.steps, left - 1))
    })
  return go(root, [], max)
}

// -------------------------------------------------------------------------------------
// JSON text
// -------------------------------------------------------------------------------------

/** A corrupted text and what was done to it. */
export interface Corrupted {
  readonly text: string
  readonly kind: 'truncated' | 'flipped'
  readonly what: string
}

const replacements = '0123456789-+.eE"{}[]:,ntfaxl \\'

/** `text` cut at a random length below its own. */
export const truncated = (text: string): fc.Arbitrary<Corrupted> =>
  fc.nat({ max: Math.max(0, text.length - 1) }).map((n) => ({ text: text.slice(0, n), kind: 'truncated', what: `cut to ${n} of ${text.length} characters` }))

/** `text` with one character replaced by another (a digit, a quote, a bracket, a letter...). */
export const flipped = (text: string): fc.Arbitrary<Corrupted> =>
  fc
    .tuple(fc.nat({ max: Math.max(0, text.length - 1) }), fc.constantFrom(...replacements))
    .filter(([i, c]) => text[i] !== c)
    .map(([i, c]) => ({
      text: text.slice(0, i) + c + text.slice(i + 1),
      kind: 'flipped',
      what: `character ${i} ${JSON.stringify(text[i])} → ${JSON.stringify(c)} (…${text.slice(Math.max(0, i - 20), i)}⟦${c}⟧${text.slice(i + 1, i + 21)}…)`
    }))
