/**
 * The Keras family's definitions: the schedules, in the order of `keras.optimizers.schedules`
 * (`fromKerasConfig` reads them), and the callback `keras.ReduceLROnPlateau` (not a schedule Keras
 * serializes) after them, for the registry.
 *
 * @internal
 */
import type { AnyDefinition, Args, Definition } from '../../internal/define.js'
import { CosineDecay } from './CosineDecay.js'
import { CosineDecayRestarts } from './CosineDecayRestarts.js'
import { ExponentialDecay } from './ExponentialDecay.js'
import { InverseTimeDecay } from './InverseTimeDecay.js'
import { PiecewiseConstantDecay } from './PiecewiseConstantDecay.js'
import { PolynomialDecay } from './PolynomialDecay.js'
import { ReduceLROnPlateau } from './ReduceLROnPlateau.js'

// A definition as any definition: its `make` takes its own options, which `AnyDefinition`'s
// (`OptionsOf<Args>`) are not under strictFunctionTypes; nothing here calls `make`
const anyDefinition = <T extends string, A extends Args, S>(d: Definition<T, A, S>): AnyDefinition => d as unknown as AnyDefinition

/** Every keras.<Class> schedule of `keras.optimizers.schedules`. */
export const schedules: ReadonlyArray<AnyDefinition> = [
  anyDefinition(ExponentialDecay),
  anyDefinition(PiecewiseConstantDecay),
  anyDefinition(PolynomialDecay),
  anyDefinition(InverseTimeDecay),
  anyDefinition(CosineDecay),
  anyDefinition(CosineDecayRestarts)
]

/** Every keras.<Class> definition: the schedules, then the callback. */
export const definitions: ReadonlyArray<AnyDefinition> = [...schedules, anyDefinition(ReduceLROnPlateau)]
