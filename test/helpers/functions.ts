// Every named function of test/helpers/registry.ts in one registry, as a caller of the declarative
// API registers them (`decodeSchedule(json, { functions })`). `invsqrt` is both an lr lambda and a
// scale function; the two are the same expression (`1 / Math.sqrt(x + 1)`), so one entry serves both.
import { lrLambdas, multiplicativeLambdas, scaleFns } from './registry.js'

export const functions: Readonly<Record<string, (x: number) => number>> = { ...lrLambdas, ...multiplicativeLambdas, ...scaleFns }
