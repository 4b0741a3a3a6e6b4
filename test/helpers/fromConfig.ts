// Builds a scheduler from the declarative JSON form of ../shared/contract.md (fixtures, properties):
// the library's own decoder, with the test registry's functions. A config it rejects throws a
// ScheduleError listing every problem.
import { type AnyScheduler, scheduleFromConfig } from '../../src/index.js'
import { functions } from './functions.js'

type Config = { readonly type: string } & Record<string, unknown>

export const fromConfig = (c: Config): AnyScheduler => scheduleFromConfig(c, { functions })
