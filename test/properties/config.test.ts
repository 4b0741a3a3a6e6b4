// Properties of the declarative format and of checkpoints, over generated configs (composites to
// three deep, per-group lists, every scheduler and function name):
// - decode(encode(s)) traces exactly as s, and encoding is stable;
// - every invalid mutation of a valid config is rejected, with an error naming the mutated field
//   (never accepted with a default);
// - a checkpoint saved at any step, loaded into a freshly decoded schedule, continues the exact trace;
//   loaded into a schedule that differs in one argument, it is rejected naming that argument.
import { test } from '@fast-check/vitest'
import fc from 'fast-check'
import { expect } from 'vitest'
import { type Groups, decodeSchedule, encodeSchedule, formatConfigErrors, loadCheckpoint, resume, saveCheckpoint, trace } from '../../src/index.js'
import { metricSeed } from '../helpers/arbitraries.js'
import { expectClose } from '../helpers/close.js'
import { type Mutation, fieldPath, mutated, sitesOf, sizedConfig, specs } from '../helpers/configArbitraries.js'
import { decodeOk, expectSameTrace } from '../helpers/decode.js'
import { functions } from '../helpers/functions.js'

/** SGD-like groups with momentum, as many as the config is sized for. */
const withGroups = sizedConfig.chain(({ groups, config }) =>
  fc
    .array(fc.record({ lr: fc.double({ min: 1e-4, max: 1, noNaN: true }), momentum: fc.double({ min: 0, max: 0.99, noNaN: true }) }), {
      minLength: groups,
      maxLength: groups
    })
    .map((gs) => ({ config, groups: gs as Groups }))
)

test.prop([withGroups, fc.integer({ min: 0, max: 300 }), metricSeed, fc.boolean()], { numRuns: 200 })(
  'decode(encode(s)) traces exactly as s (through JSON), and encoding it again gives the same config',
  ({ config, groups }, steps, ms, giveGroups) => {
    const s = decodeOk(config, giveGroups ? { groups: groups.length } : {})
    const encoded = encodeSchedule(s, functions)
    if (encoded._tag === 'Left') throw new Error(formatConfigErrors(encoded.left).join('\n'))
    const back = decodeOk(JSON.parse(JSON.stringify(encoded.right)), { groups: groups.length })
    expect(encodeSchedule(back, functions)).toEqual(encoded)
    expectSameTrace(back, s, groups, steps, ms)
  }
)

test.prop([withGroups], { numRuns: 100 })('an encoded config only grows by the defaults: every key given is kept with its value', ({ config }) => {
  const encoded = encodeSchedule(decodeOk(config), functions)
  // OneCycleLR's epochs · stepsPerEpoch are written as totalSteps, and CyclicLR's mode is not written with a scaleFn
  const dropped = (type: string, key: string): boolean =>
    (type === 'OneCycleLR' && (key === 'epochs' || key === 'stepsPerEpoch')) || (type === 'CyclicLR' && key === 'mode' && 'scaleFn' in config)
  const check = (given: any, written: any): void => {
    for (const [k, v] of Object.entries(given)) {
      if (dropped(given.type, k)) continue
      if (k === 'schedulers') (v as any[]).forEach((c, i) => check(c, written.schedulers[i]))
      else expect(written[k]).toEqual(v)
    }
  }
  expect(encoded._tag).toBe('Right')
  if (encoded._tag === 'Right') check(config, encoded.right)
})

const namesThePath = (paths: ReadonlyArray<string>, path: string): boolean =>
  paths.some((p) => p === path || p.startsWith(`${path}[`) || p.startsWith(`${path}.`))

test.prop([mutated, fc.boolean()], { numRuns: 1000 })(
  'an invalid mutation of a valid config is always rejected, and an error names the mutated field',
  ({ groups, config, mutation }, giveGroups) => {
    // the original is valid
    decodeOk(config, { groups })
    const check = (m: Mutation, json: unknown): void => {
      const r = decodeSchedule(json, { functions, ...(m.groups !== undefined || giveGroups ? { groups } : {}) })
      expect(r._tag, `${m.kind} at ${m.path} was accepted`).toBe('Left')
      if (r._tag === 'Left') {
        const paths = r.left.map((e) => e.path)
        expect(namesThePath(paths, m.path), `${m.kind}: expected an error at ${m.path}, got\n${formatConfigErrors(r.left).join('\n')}`).toBe(true)
      }
    }
    check(mutation, mutation.config)
    // the same after a trip through a JSON file
    check(mutation, JSON.parse(JSON.stringify(mutation.config)))
  }
)

test.prop([withGroups, fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 }), metricSeed], { numRuns: 200 })(
  'a checkpoint saved at any step, loaded into the config decoded afresh, continues the exact trace',
  ({ config, groups }, k, more, ms) => {
    const s = decodeOk(config)
    const whole = trace(s, groups, k + more, ms)
    const first = trace(s, groups, k, ms)
    const json = saveCheckpoint(s, first.groups, first.state, functions)
    const fresh = decodeOk(JSON.parse(JSON.stringify(config)))
    const loaded = loadCheckpoint(fresh, json, functions)
    if (loaded._tag === 'Left') throw new Error(formatConfigErrors(loaded.left).join('\n'))
    expect(loaded.right.steps).toBe(k)
    const rest = resume(fresh, loaded.right.groups, loaded.right.state, more, ms.slice(k))
    // exactly the same numbers (tolerance 0), except that JSON writes -0 as 0: an lr that reached
    // -0 (0 times a negative factor) comes back as 0, equal to it but not the same bits
    expectClose(rest.lr, whole.lr.slice(k), 0, 0)
    if (whole.momentum !== undefined) expectClose(rest.momentum ?? [], whole.momentum.slice(k), 0, 0)
    expect(rest.state).toEqual(whole.state)
  }
)

/** The integer arguments present in a config's leaves, with their paths. */
const integerFields = (config: any): ReadonlyArray<{ readonly site: string; readonly key: string }> =>
  sitesOf(config).flatMap(({ path, node }) =>
    Object.entries(specs[node.type]!.fields)
      .filter(([k, kind]) => (kind === 'positiveInteger' || kind === 'nonNegativeInteger') && typeof node[k] === 'number')
      .filter(([k]) => !(node.type === 'OneCycleLR' && (k === 'epochs' || k === 'stepsPerEpoch')))
      .map(([key]) => ({ site: path, key }))
  )

test.prop([withGroups, fc.integer({ min: 0, max: 100 }), metricSeed, fc.nat()], { numRuns: 200 })(
  'a checkpoint loaded into a schedule that differs in one argument is rejected, naming it',
  ({ config, groups }, k, ms, pick) => {
    const fields = integerFields(config)
    fc.pre(fields.length > 0)
    const { site, key } = fields[pick % fields.length]!
    const other = JSON.parse(JSON.stringify(config))
    const keys = site.split(/\.|\[|\]/).filter((x) => x !== '')
    let node = other
    for (const x of keys) node = node[x]
    node[key] += 1
    const s = decodeOk(config)
    const first = trace(s, groups, k, ms)
    const json = saveCheckpoint(s, first.groups, first.state, functions)
    const r = loadCheckpoint(decodeOk(other), json, functions)
    expect(r._tag).toBe('Left')
    if (r._tag === 'Left') expect(formatConfigErrors(r.left)).toEqual([
      `checkpoint.schedule.${fieldPath(site, key)}: the checkpoint is of another schedule: expected ${node[key]}, got ${node[key] - 1}`
    ])
  }
)
