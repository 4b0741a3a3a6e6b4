/**
 * The definitions of the timm presets, for the registry (not part of the `timm` namespace).
 *
 * @internal
 */
import type { AnyDefinition } from '../../internal/define.js'
import { Cosine } from './cosine.js'
import { Multistep } from './multistep.js'
import { Plateau } from './plateau.js'
import { Poly } from './poly.js'
import { Step } from './step.js'
import { Tanh } from './tanh.js'

/** Every timm preset's definition, in the order of the registry (the cast: a definition's `make` takes its own options, which `AnyDefinition`'s parameter type does not narrow to). */
export const definitions: ReadonlyArray<AnyDefinition> = [Cosine, Tanh, Poly, Step, Multistep, Plateau] as ReadonlyArray<AnyDefinition>
