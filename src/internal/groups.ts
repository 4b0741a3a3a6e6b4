/**
 * Param-group helpers shared by the schedulers: momentum (or betas[0]), the initial lr.
 *
 * @internal
 */
import { ScheduleError } from '../core/errors.js'
import type { Groups, ParamGroup } from '../core/model.js'

/** The momentum a group carries (momentum, or betas[0] for Adam-like groups); `undefined` if none. */
export const momentumOf = (g: ParamGroup): number | undefined => (g.betas !== undefined ? g.betas[0] : g.momentum)

/** A group with its momentum set (betas[0] for Adam-like groups). */
export const withMomentum = (g: ParamGroup, m: number): ParamGroup =>
  g.betas !== undefined ? { ...g, betas: [m, g.betas[1]] } : { ...g, momentum: m }

/** Every group with its `initialLr` recorded where it is absent (PyTorch's `setdefault('initial_lr', lr)`). */
export const recordInitialLrs = (groups: Groups): Groups =>
  groups.every((g) => g.initialLr !== undefined) ? groups : groups.map((g) => (g.initialLr !== undefined ? g : { ...g, initialLr: g.lr }))

/** Every group's lr set back to its initial lr (what `sequential` does before a child starts). */
export const resetToInitialLrs = (groups: Groups): Groups =>
  recordInitialLrs(groups).map((g) => ({ ...g, lr: g.initialLr as number }))

/** The initial lr of group `i`, which must have been recorded by an init. */
export const initialLrOf = (g: ParamGroup, i: number): number => {
  if (g.initialLr === undefined)
    throw new ScheduleError(`groups[${i}].initialLr`, "an initial lr (call the scheduler's init before step)", undefined)
  return g.initialLr
}
