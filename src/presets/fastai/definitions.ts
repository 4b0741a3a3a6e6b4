/**
 * The definitions of the fastai presets, for the registry (not re-exported by the family's
 * namespace).
 *
 * @internal
 */
import type { AnyDefinition, Definition } from '../../internal/define.js'
import { CombineScheds } from './combine_scheds.js'
import { FitFlatCos } from './fit_flat_cos.js'
import { FitOneCycle } from './fit_one_cycle.js'
import { FitSgdr } from './fit_sgdr.js'
import { SchedCos } from './SchedCos.js'
import { SchedExp } from './SchedExp.js'
import { SchedLin } from './SchedLin.js'
import { SchedNo } from './SchedNo.js'
import { SchedPoly } from './SchedPoly.js'

// (a definition with a required argument is a `Definition<string, any, any>`: see hf/definitions.ts)
const all: ReadonlyArray<Definition<string, any, any>> = [SchedLin, SchedCos, SchedNo, SchedExp, SchedPoly, CombineScheds, FitOneCycle, FitFlatCos, FitSgdr]

/** Every fastai definition. */
export const definitions: ReadonlyArray<AnyDefinition> = all
