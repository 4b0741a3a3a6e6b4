/**
 * The definitions of the fairseq presets, for the registry (not re-exported by the family's
 * namespace).
 *
 * @internal
 */
import type { AnyDefinition, Definition } from '../../internal/define.js'
import { Cosine } from './cosine.js'
import { Fixed } from './fixed.js'
import { InverseSqrt } from './inverse_sqrt.js'
import { Manual } from './manual.js'
import { PolynomialDecay } from './polynomial_decay.js'
import { ReduceLrOnPlateau } from './reduce_lr_on_plateau.js'
import { Step } from './step.js'
import { TriStage } from './tri_stage.js'
import { Triangular } from './triangular.js'

// (a definition with a required argument is a `Definition<string, any, any>`, see hf/definitions.ts)
const all: ReadonlyArray<Definition<string, any, any>> = [Fixed, InverseSqrt, PolynomialDecay, Cosine, Triangular, TriStage, Step, ReduceLrOnPlateau, Manual]

/** Every fairseq definition. */
export const definitions: ReadonlyArray<AnyDefinition> = all
