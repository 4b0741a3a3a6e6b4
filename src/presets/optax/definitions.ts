/**
 * The optax family's definitions, for the registry (not part of the public namespace).
 *
 * @internal
 */
import type { AnyDefinition } from '../../internal/define.js'
import { JoinSchedules, type OptaxDefinition, joinable } from './join_schedules.js'

const all: ReadonlyArray<OptaxDefinition> = [...joinable, JoinSchedules]

/** Every optax schedule, `optax.join_schedules` last. */
export const definitions: ReadonlyArray<AnyDefinition> = all
