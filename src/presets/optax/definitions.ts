/**
 * The optax family's definitions, for the registry (not part of the public namespace): the
 * schedules, `optax.join_schedules`, then `optax.reduce_on_plateau` (optax.contrib's transformation,
 * which a join does not take).
 *
 * @internal
 */
import type { AnyDefinition } from '../../internal/define.js'
import { JoinSchedules, type OptaxDefinition, joinable } from './join_schedules.js'
import { ReduceOnPlateau } from './reduce_on_plateau.js'

const all: ReadonlyArray<OptaxDefinition> = [...joinable, JoinSchedules, ReduceOnPlateau]

/** Every optax schedule, `optax.join_schedules` and `optax.reduce_on_plateau` last. */
export const definitions: ReadonlyArray<AnyDefinition> = all
