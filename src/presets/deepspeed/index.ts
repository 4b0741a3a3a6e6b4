/**
 * The DeepSpeed presets (`deepspeed.<class name>`): the lr schedules of DeepSpeed v0.19.5
 * (deepspeed/runtime/lr_schedules.py), with its numbers, rows following DeepSpeed's engine (row k:
 * the lr update k trains at; the constructor's lr trains update 0 and the first `step()` comes
 * after it, so the warmups' first two updates both run at the minimum). WarmupLR, WarmupDecayLR,
 * OneCycle and LRRangeTest are absolute (their lrs are arguments, per group where DeepSpeed takes
 * lists); WarmupCosineLR multiplies each group's initial lr.
 *
 * @since 0.2.0
 */
export { warmupLR, type WarmupLROptions } from './WarmupLR.js'
export { warmupDecayLR, type WarmupDecayLROptions } from './WarmupDecayLR.js'
export { warmupCosineLR, type WarmupCosineLROptions } from './WarmupCosineLR.js'
export { oneCycle, type OneCycleOptions } from './OneCycle.js'
export { lrRangeTest, type LRRangeTestOptions } from './LRRangeTest.js'
