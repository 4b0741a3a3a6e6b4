/**
 * The Keras presets: the schedules of `keras.optimizers.schedules` (Keras 3), with Keras's
 * arguments (camelCase), defaults, horizons and boundary conventions, as config types
 * `keras.<Class>`; and `fromKerasConfig`, which reads Keras's own serialization of a schedule.
 * Keras schedules are absolute: every param group gets the schedule's value.
 *
 * @since 0.1.0
 */
import type { Family } from '../../core/codec.js'
import { CosineDecayConfig, cosineDecay } from './CosineDecay.js'
import { CosineDecayRestartsConfig, cosineDecayRestarts } from './CosineDecayRestarts.js'
import { ExponentialDecayConfig, exponentialDecay } from './ExponentialDecay.js'
import { InverseTimeDecayConfig, inverseTimeDecay } from './InverseTimeDecay.js'
import { PiecewiseConstantDecayConfig, piecewiseConstantDecay } from './PiecewiseConstantDecay.js'
import { PolynomialDecayConfig, polynomialDecay } from './PolynomialDecay.js'

export * from './ExponentialDecay.js'
export * from './PiecewiseConstantDecay.js'
export * from './PolynomialDecay.js'
export * from './InverseTimeDecay.js'
export * from './CosineDecay.js'
export * from './CosineDecayRestarts.js'
export { fromKerasConfig } from './getConfig.js'

const args = ({ type: _type, ...rest }: { readonly type: string }): any => rest

/**
 * The Keras family of the declarative format, by `type` (`keras.<Class>`): codec and constructor.
 *
 * @example
 * import { keras } from 'lr-schedule'
 * Object.keys(keras.kerasFamilies).includes('keras.CosineDecay') // true
 *
 * @category families
 * @since 0.1.0
 */
export const kerasFamilies: Readonly<Record<string, Family>> = {
  'keras.ExponentialDecay': { codec: ExponentialDecayConfig, build: (c) => exponentialDecay(args(c)) },
  'keras.PiecewiseConstantDecay': { codec: PiecewiseConstantDecayConfig, build: (c) => piecewiseConstantDecay(args(c)) },
  'keras.PolynomialDecay': { codec: PolynomialDecayConfig, build: (c) => polynomialDecay(args(c)) },
  'keras.InverseTimeDecay': { codec: InverseTimeDecayConfig, build: (c) => inverseTimeDecay(args(c)) },
  'keras.CosineDecay': { codec: CosineDecayConfig, build: (c) => cosineDecay(args(c)) },
  'keras.CosineDecayRestarts': { codec: CosineDecayRestartsConfig, build: (c) => cosineDecayRestarts(args(c)) }
}
