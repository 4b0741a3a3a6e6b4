/**
 * The definitions of the NeMo presets, for the registry (not re-exported by the family's
 * namespace).
 *
 * @internal
 */
import type { AnyDefinition, Definition } from '../../internal/define.js'
import { WarmupPolicy } from './WarmupPolicy.js'
import { WarmupHoldPolicy } from './WarmupHoldPolicy.js'
import { SquareAnnealing } from './SquareAnnealing.js'
import { SquareRootAnnealing } from './SquareRootAnnealing.js'
import { CosineAnnealing } from './CosineAnnealing.js'
import { NoamAnnealing } from './NoamAnnealing.js'
import { NoamHoldAnnealing } from './NoamHoldAnnealing.js'
import { WarmupAnnealing } from './WarmupAnnealing.js'
import { InverseSquareRootAnnealing } from './InverseSquareRootAnnealing.js'
import { T5InverseSquareRootAnnealing } from './T5InverseSquareRootAnnealing.js'
import { PolynomialDecayAnnealing } from './PolynomialDecayAnnealing.js'
import { PolynomialHoldDecayAnnealing } from './PolynomialHoldDecayAnnealing.js'

// (a definition with a required argument is a `Definition<string, any, any>`, see hf/definitions.ts)
const all: ReadonlyArray<Definition<string, any, any>> = [WarmupPolicy, WarmupHoldPolicy, SquareAnnealing, SquareRootAnnealing, CosineAnnealing, NoamAnnealing, NoamHoldAnnealing, WarmupAnnealing, InverseSquareRootAnnealing, T5InverseSquareRootAnnealing, PolynomialDecayAnnealing, PolynomialHoldDecayAnnealing]

/** Every NeMo definition. */
export const definitions: ReadonlyArray<AnyDefinition> = all
