/**
 * The definitions of the Composer presets, for the registry (not re-exported by the family's namespace).
 *
 * @internal
 */
import type { AnyDefinition, Definition } from '../../internal/define.js'
import { StepSchedulerDef } from './StepScheduler.js'
import { MultiStepSchedulerDef } from './MultiStepScheduler.js'
import { ConstantSchedulerDef } from './ConstantScheduler.js'
import { LinearSchedulerDef } from './LinearScheduler.js'
import { ExponentialSchedulerDef } from './ExponentialScheduler.js'
import { CosineAnnealingSchedulerDef } from './CosineAnnealingScheduler.js'
import { CosineAnnealingWarmRestartsSchedulerDef } from './CosineAnnealingWarmRestartsScheduler.js'
import { PolynomialSchedulerDef } from './PolynomialScheduler.js'
import { MultiStepWithWarmupSchedulerDef } from './MultiStepWithWarmupScheduler.js'
import { ConstantWithWarmupSchedulerDef } from './ConstantWithWarmupScheduler.js'
import { LinearWithWarmupSchedulerDef } from './LinearWithWarmupScheduler.js'
import { CosineAnnealingWithWarmupSchedulerDef } from './CosineAnnealingWithWarmupScheduler.js'
import { PolynomialWithWarmupSchedulerDef } from './PolynomialWithWarmupScheduler.js'
import { InverseSquareRootWithWarmupSchedulerDef } from './InverseSquareRootWithWarmupScheduler.js'

const all: ReadonlyArray<Definition<string, any, any>> = [
  StepSchedulerDef,
  MultiStepSchedulerDef,
  ConstantSchedulerDef,
  LinearSchedulerDef,
  ExponentialSchedulerDef,
  CosineAnnealingSchedulerDef,
  CosineAnnealingWarmRestartsSchedulerDef,
  PolynomialSchedulerDef,
  MultiStepWithWarmupSchedulerDef,
  ConstantWithWarmupSchedulerDef,
  LinearWithWarmupSchedulerDef,
  CosineAnnealingWithWarmupSchedulerDef,
  PolynomialWithWarmupSchedulerDef,
  InverseSquareRootWithWarmupSchedulerDef
]

/** Every composer definition. */
export const definitions: ReadonlyArray<AnyDefinition> = all
