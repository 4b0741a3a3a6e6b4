// Shared by the timm preset tests: the family as users import it, the declarative form through the
// family's definitions (codec, then build), and the laws every timm schedule of the step obeys.
import * as E from 'fp-ts/lib/Either.js'
import { expect } from 'vitest'
import { type AnyScheduler, closedFormTrace, formatConfigErrors, resume, toConfigErrors, trace } from '../../../src/index.js'
import { definitions } from '../../../src/presets/timm/definitions.js'
import { expectIdentical } from '../../helpers/close.js'
import { expectPure, expectTraceArrayMatches } from '../../helpers/laws.js'
import { protocolOf } from '../../../src/internal/protocol.js'

export * as timm from '../../../src/presets/timm/index.js'

type Config = { readonly type: string } & Record<string, unknown>

const noFunctions = (): never => {
  throw new Error('the timm family names no functions')
}

/** Decodes and builds a config as the decoder does (codec, then build), or the error lines. */
export const decodeTimm = (config: Config): E.Either<ReadonlyArray<string>, AnyScheduler> => {
  const family = definitions.find((d) => d.type === config.type)
  if (family === undefined) throw new Error(`no timm definition ${config.type}`)
  const decoded = family.codec.validate(config, [{ key: '', type: family.codec, actual: config }])
  if (E.isLeft(decoded)) return E.left(formatConfigErrors(toConfigErrors(decoded.left)))
  try {
    return E.right(family.build(decoded.right, noFunctions))
  } catch (e) {
    return E.left([(e as Error).message])
  }
}

/** Decodes and builds a config, or throws with the error lines. */
export const fromTimmConfig = (config: Config): AnyScheduler => {
  const r = decodeTimm(config)
  if (E.isLeft(r)) throw new Error(`${config.type}: ${r.left.join('; ')}`)
  return r.right
}

/** One group's lrs over steps 0..steps. */
export const column = (s: AnyScheduler, lr: number, steps: number, metrics?: ReadonlyArray<number>): ReadonlyArray<number> =>
  trace(s, [lr], steps, metrics).lr.map((r) => r[0] as number)

/**
 * The closed form equals the fold bit for bit; the fast path equals the reducer; nothing is
 * mutated; a JSON round trip of the state halfway continues to the same numbers.
 */
export const expectLaws = (s: AnyScheduler, initial: ReadonlyArray<number>, steps: number): void => {
  expect(protocolOf(s).closedForm).toBeDefined()
  const whole = trace(s, initial, steps)
  expectIdentical(closedFormTrace(s, initial, steps), whole.lr)
  expectTraceArrayMatches(s, initial, steps)
  expectPure(s, initial.map((lr) => ({ lr, momentum: 0.9 })), Math.min(steps, 30))
  const half = Math.floor(steps / 2)
  const first = trace(s, initial, half)
  const revived = JSON.parse(JSON.stringify(first.state)) as unknown
  expect(protocolOf(s).checkState(revived, 'state', initial.length)).toBe(half)
  expectIdentical(resume(s, first.groups, revived, steps - half).lr, whole.lr.slice(half))
}
