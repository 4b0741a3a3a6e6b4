/**
 * The Keras family's definitions, in the order of `keras.optimizers.schedules` (the registry and
 * `fromKerasConfig` read them).
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

// A definition as any definition: its `make` takes its own options, which `AnyDefinition`'s
// (`OptionsOf<Args>`) are not under strictFunctionTypes; nothing here calls `make`
const anyDefinition = <T extends string, A extends Args, S>(d: Definition<T, A, S>): AnyDefinition => d as unknown as AnyDefinition

/** Every keras.<Class> definition. */
export const definitions: ReadonlyArray<AnyDefinition> = [
  anyDefinition(ExponentialDecay),
  anyDefinition(PiecewiseConstantDecay),
  anyDefinition(PolynomialDecay),
  anyDefinition(InverseTimeDecay),
  anyDefinition(CosineDecay),
  anyDefinition(CosineDecayRestarts)
]
