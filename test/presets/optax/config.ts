// Builds an optax preset from its JSON config with the family's own definitions (their codec and
// builder), without the library's decoder.
import { PathReporter } from 'io-ts/lib/PathReporter.js'
import * as E from 'fp-ts/lib/Either.js'
import type { AnyScheduler } from '../../../src/index.js'
import { definitions } from '../../../src/presets/optax/definitions.js'

type Config = { readonly type: string } & Record<string, unknown>

const definitionOf = (type: string) => definitions.find((d) => d.type === type)

const noFunctions = (): never => {
  throw new Error('optax configs name no functions')
}

/** The optax scheduler of a config, or an Error listing the codec's problems. */
export const fromOptaxConfig = (config: Config): AnyScheduler => {
  const family = definitionOf(config.type)
  if (family === undefined) throw new Error(`not an optax type: ${config.type}`)
  const decoded = family.codec.decode(config)
  if (E.isLeft(decoded)) throw new Error(PathReporter.report(decoded).join('\n'))
  return family.build(decoded.right, noFunctions)
}

/** The codec's messages for a config it must reject, as `path: message` lines. */
export const optaxConfigErrors = (config: Config): ReadonlyArray<string> => {
  const family = definitionOf(config.type)
  if (family === undefined) throw new Error(`not an optax type: ${config.type}`)
  const decoded = family.codec.decode(config)
  if (E.isRight(decoded)) throw new Error(`expected ${JSON.stringify(config)} to be rejected by the codec`)
  return decoded.left.map((e) => {
    const path = e.context
      .map((c) => c.key)
      .filter((k) => k !== '')
      .reduce((acc, k) => (/^\d+$/.test(k) ? `${acc}[${k}]` : acc === '' ? k : `${acc}.${k}`), '')
    return `${path}: ${e.message ?? '?'}`
  })
}
