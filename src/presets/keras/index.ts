/**
 * The Keras presets: the schedules of `keras.optimizers.schedules` (Keras 3), with Keras's
 * arguments (camelCase), defaults, horizons and boundary conventions, as config types
 * `keras.<Class>`; and `fromKerasConfig`, which reads Keras's own serialization of a schedule.
 * Keras schedules are absolute: every param group gets the schedule's value. And the callback
 * `keras.ReduceLROnPlateau` (keras.callbacks), a schedule stepped once per epoch with its metric.
 *
 * @since 0.1.0
 */
export { exponentialDecay, type ExponentialDecayOptions } from './ExponentialDecay.js'
export { piecewiseConstantDecay, type PiecewiseConstantDecayOptions } from './PiecewiseConstantDecay.js'
export { polynomialDecay, type PolynomialDecayOptions } from './PolynomialDecay.js'
export { inverseTimeDecay, type InverseTimeDecayOptions } from './InverseTimeDecay.js'
export { cosineDecay, type CosineDecayOptions } from './CosineDecay.js'
export { cosineDecayRestarts, type CosineDecayRestartsOptions } from './CosineDecayRestarts.js'
export { reduceLROnPlateau, type ReduceLROnPlateauOptions, type ReduceLROnPlateauState } from './ReduceLROnPlateau.js'
export { fromKerasConfig } from './getConfig.js'
