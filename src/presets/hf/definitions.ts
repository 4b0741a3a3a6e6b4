/**
 * The definitions of the Hugging Face presets, for the registry (not re-exported by the family's
 * namespace).
 *
 * @internal
 */
import type { AnyDefinition, Definition } from '../../internal/define.js'
import { Constant } from './constant.js'
import { ConstantWithWarmup } from './constant_with_warmup.js'
import { Cosine } from './cosine.js'
import { CosineWarmupWithMinLr } from './cosine_warmup_with_min_lr.js'
import { CosineWithMinLr } from './cosine_with_min_lr.js'
import { CosineWithRestarts } from './cosine_with_restarts.js'
import { Greedy } from './greedy.js'
import { InverseSqrt } from './inverse_sqrt.js'
import { Linear } from './linear.js'
import { Polynomial } from './polynomial.js'
import { ReduceLrOnPlateau } from './reduce_lr_on_plateau.js'
import { WarmupStableDecay } from './warmup_stable_decay.js'

// (a definition with a required argument is not an `AnyDefinition` as define.ts writes it — its
// `make` takes narrower options — but it is a `Definition<string, any, any>`, which is one)
const all: ReadonlyArray<Definition<string, any, any>> = [
  Constant,
  ConstantWithWarmup,
  Linear,
  Cosine,
  CosineWithRestarts,
  Polynomial,
  InverseSqrt,
  CosineWithMinLr,
  CosineWarmupWithMinLr,
  WarmupStableDecay,
  ReduceLrOnPlateau,
  Greedy
]

/** Every hf definition. */
export const definitions: ReadonlyArray<AnyDefinition> = all
