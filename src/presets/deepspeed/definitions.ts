/**
 * The definitions of the DeepSpeed presets, for the registry (not re-exported by the family's
 * namespace).
 *
 * @internal
 */
import type { AnyDefinition, Definition } from '../../internal/define.js'
import { LRRangeTest } from './LRRangeTest.js'
import { OneCycle } from './OneCycle.js'
import { WarmupCosineLR } from './WarmupCosineLR.js'
import { WarmupDecayLR } from './WarmupDecayLR.js'
import { WarmupLR } from './WarmupLR.js'

// (a definition with a required argument is a `Definition<string, any, any>`, see hf/definitions.ts)
const all: ReadonlyArray<Definition<string, any, any>> = [WarmupLR, WarmupDecayLR, WarmupCosineLR, OneCycle, LRRangeTest]

/** Every DeepSpeed definition. */
export const definitions: ReadonlyArray<AnyDefinition> = all
