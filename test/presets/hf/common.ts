// Shared by the hf preset tests: the declarative form through the definition's codec and build, and the
// law every hf preset obeys (its closed form is its fold, bit for bit).
import * as E from 'fp-ts/lib/Either.js'
import { expect } from 'vitest'
import { type AnyScheduler, closedFormTrace, formatConfigErrors, toConfigErrors, trace } from '../../../src/index.js'
import { definitions } from '../../../src/presets/hf/definitions.js'
import { expectIdentical } from '../../helpers/close.js'
import { expectPure, expectTraceArrayMatches } from '../../helpers/laws.js'
import { protocolOf } from '../../../src/internal/protocol.js'

const noFunctions = (): never => {
  throw new Error('the hf family names no functions')
}

/** Decodes and builds a config as the decoder does (codec, then build), or the error lines. */
export const fromHfConfig = (config: { readonly type: string } & Record<string, unknown>): E.Either<ReadonlyArray<string>, AnyScheduler> => {
  const family = definitions.find((d) => d.type === config.type)
  if (family === undefined) throw new Error(`no hf definition ${config.type}`)
  const decoded = family.codec.validate(config, [{ key: '', type: family.codec, actual: config }])
  if (E.isLeft(decoded)) return E.left(formatConfigErrors(toConfigErrors(decoded.left)))
  return E.right(family.build(decoded.right, noFunctions))
}

/** The trace's lrs as one column per group. */
export const lrs = (s: AnyScheduler, initial: ReadonlyArray<number>, steps: number): ReadonlyArray<ReadonlyArray<number>> =>
  trace(s, initial, steps).lr

/** The closed form equals the fold bit for bit; the fast path equals the reducer; nothing is mutated. */
export const expectLaws = (s: AnyScheduler, initial: ReadonlyArray<number>, steps: number): void => {
  expect(protocolOf(s).closedForm).toBeDefined()
  expectIdentical(closedFormTrace(s, initial, steps), trace(s, initial, steps).lr)
  expectTraceArrayMatches(s, initial, steps)
  expectPure(s, initial.map((lr) => ({ lr, momentum: 0.9 })), Math.min(steps, 30))
}
