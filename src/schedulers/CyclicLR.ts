/**
 * CyclicLR: cycles the lr between `baseLr` and `maxLr` (triangular, triangular2, exp_range, or a
 * custom scale function), and momentum inversely between `maxMomentum` and `baseMomentum`.
 *
 * Follows `torch.optim.lr_scheduler.CyclicLR` (torch/optim/lr_scheduler.py). The lr is a function
 * of the step index, so the reducer and the closed form are the same expression (PyTorch's
 * `get_lr`); the closed form also gives the momentum.
 *
 * Row 0 (the constructor's step) follows a quirk of PyTorch: the constructor sets every lr to
 * `baseLr`, but its step runs before it assigns its own `base_lrs` and so reads the groups'
 * `initial_lr`: alone or first, that is `baseLr`; after another scheduler on the same groups (in a
 * chain), it is that scheduler's recorded initial lr.
 *
 * @since 0.1.0
 */
import { Bool, FunctionName, NonNegative, NonNegativeInteger, OneOf, PerGroup, Positive, PositiveInteger } from '../core/codec.js'
import { ScheduleError } from '../core/errors.js'
import { at, column, groupCount, uniform } from '../core/validate.js'
import { fromRecurrence } from '../internal/builders.js'
import { type Arg, type OptionsOf, define, required, optional, withDefault } from '../internal/define.js'
import type { Buffers } from '../internal/kernel.js'
import { type Clock, heldMomentumRows, keepMomentum, setAll } from '../internal/leaf.js'

/**
 * CyclicLR's policies.
 *
 * @example
 * import type { CyclicMode } from 'lr-schedule'
 * const m: CyclicMode = 'triangular2'
 *
 * @category model
 * @since 0.1.0
 */
export type CyclicMode = 'triangular' | 'triangular2' | 'exp_range'

type ScaleFn = (x: number) => number

const args = {
  baseLr: required(PerGroup(NonNegative), 'Lower lr bound of the cycle, ≥ 0 (per group); also the lr the constructor sets.'),
  maxLr: required(PerGroup(NonNegative), 'Upper lr bound of the cycle, ≥ 0 (per group).'),
  stepSizeUp: withDefault(PositiveInteger, 'Steps in the increasing half of a cycle: an integer ≥ 1.', 2000),
  stepSizeDown: optional(NonNegativeInteger, 'Steps in the decreasing half of a cycle: an integer ≥ 0 (default `stepSizeUp`).'),
  mode: withDefault(OneOf<CyclicMode>(['triangular', 'triangular2', 'exp_range']), 'The policy: `triangular`, `triangular2` or `exp_range`; ignored (but still checked) when `scaleFn` is given.', 'triangular'),
  gamma: withDefault(Positive, "`exp_range`'s factor, > 0: the amplitude is scaled by `gamma^iterations`.", 1),
  // one function for every group (JSON: its registered name, never one per group)
  scaleFn: {
    kind: 'optional',
    codec: FunctionName,
    doc: 'A custom amplitude scale, replacing `mode`: a function of the cycle number (from 1) or of the step index (`scaleMode`).',
    fn: true
  } as Arg<ScaleFn, 'optional'>,
  scaleMode: withDefault(OneOf(['cycle', 'iterations'] as const), 'What `scaleFn` takes: the cycle number (`cycle`) or the step index (`iterations`).', 'cycle'),
  cycleMomentum: withDefault(Bool, 'Cycle momentum (or betas[0]) inversely to the lr.', true),
  baseMomentum: withDefault(PerGroup(NonNegative), 'Lower momentum bound (per group): the momentum falls towards it as the lr rises.', 0.8),
  maxMomentum: withDefault(PerGroup(NonNegative), 'Upper momentum bound (per group): the momentum at `baseLr`.', 0.9)
}

/**
 * The definition of CyclicLR: its arguments (PyTorch's, in camelCase, with PyTorch's defaults).
 *
 * @category definitions
 * @since 0.2.0
 */
export const CyclicLR = define({
  type: 'CyclicLR',
  summary: 'Cycles the lr between `baseLr` and `maxLr`, and momentum inversely.',
  args,
  make: (a) => {
    const { baseLr, maxLr, stepSizeUp: up, gamma, scaleFn: custom, scaleMode, cycleMomentum, baseMomentum, maxMomentum } = a
    if (Array.isArray(custom)) throw new ScheduleError('scaleFn', 'a function', custom)
    const down = a.stepSizeDown ?? up
    // PyTorch reads `mode` only when there is no scale_fn; the built-in modes fix the scale
    // function and its argument (PyTorch's _init_scale_fn)
    const mode = custom === undefined ? a.mode : undefined
    const total = up + down
    const p: Plan = {
      total,
      stepRatio: up / total,
      byCycle: (custom !== undefined ? scaleMode : mode === 'exp_range' ? 'iterations' : 'cycle') === 'cycle',
      custom,
      mode,
      gamma
    }
    const lrAt = (t: number, i: number): number => lrFrom(at(baseLr, i), at(maxLr, i), factorAt(p, t), scaleAt(p, t))
    const body = fromRecurrence({
      checkGroups: (n) => {
        groupCount('baseLr', baseLr, n)
        groupCount('maxLr', maxLr, n)
        if (cycleMomentum) {
          groupCount('baseMomentum', baseMomentum, n)
          groupCount('maxMomentum', maxMomentum, n)
        }
      },
      startLr: (i) => at(baseLr, i),
      lr: (e, _lr, _base, i) => lrAt(e, i),
      // PyTorch assigns base_lrs after its constructor's step, which therefore uses initial_lr: row 0
      // is the group's initial lr (baseLr, unless an earlier scheduler on the groups recorded another)
      ctorLr: (_lr, base) => base,
      closedForm: (e, _base, i) => lrAt(e, i),
      fast: (n, clock) => {
        const [lo, hi, momentumLo, momentumHi] = [column(baseLr, n), column(maxLr, n), column(baseMomentum, n), column(maxMomentum, n)]
        const same = uniform(lo) && uniform(hi) && (!cycleMomentum || (uniform(momentumLo) && uniform(momentumHi)))
        const k: Fold = { p, cycleMomentum, clock, lo, hi, momentumLo, momentumHi, same }
        return (b, count) => fastSteps(k, b, count)
      },
      ...(cycleMomentum
        ? { momentum: (e: number, i: number) => momentumFrom(at(baseMomentum, i), at(maxMomentum, i), factorAt(p, e), scaleAt(p, e)) }
        : {})
    })
    // the config as PyTorch reads it: stepSizeDown resolved, mode and gamma or scaleFn and scaleMode
    const config = {
      baseLr,
      maxLr,
      stepSizeUp: up,
      stepSizeDown: down,
      ...(custom === undefined ? { mode, gamma } : { scaleFn: custom, scaleMode }),
      cycleMomentum,
      baseMomentum,
      maxMomentum
    }
    return ({ type }) => body({ type, config: { type, ...config } })
  }
})

/**
 * CyclicLR's arguments.
 *
 * @category model
 * @since 0.1.0
 */
export type CyclicLROptions = OptionsOf<typeof args>

/**
 * Cycles the lr between `baseLr` and `maxLr`, and momentum inversely.
 *
 * @example
 * import { cyclicLR, trace } from 'lr-schedule'
 * trace(cyclicLR({ baseLr: 1, maxLr: 3, stepSizeUp: 2 }), [1], 4).lr // [[1], [2], [3], [2], [1]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const cyclicLR = CyclicLR.make

/**
 * Where step `t` falls in its cycle: the cycle number (from 1) and the amplitude factor in [0, 1].
 *
 * @example
 * import { cyclePosition } from 'lr-schedule'
 * cyclePosition(3, 2, 2) // { cycle: 1, scaleFactor: 0.5 }
 *
 * @category utils
 * @since 0.1.0
 */
export const cyclePosition = (
  t: number,
  stepSizeUp: number,
  stepSizeDown: number
): { readonly cycle: number; readonly scaleFactor: number } => {
  const total = stepSizeUp + stepSizeDown
  const q = qOf(t, total)
  const cycle = cycleOf(q)
  return { cycle, scaleFactor: scaleFactorOf(q, cycle, stepSizeUp / total) }
}

// PyTorch's arithmetic, as functions of numbers (the fast path allocates nothing), of
// q = last_epoch / total_size: cycle = floor(1 + q), x = 1 + q - cycle in [0, 1), and the scale
// factor x / step_ratio on the way up, (x - 1) / (step_ratio - 1) on the way down, where
// step_ratio = step_size_up / total_size (computed once, in PyTorch's constructor)
const qOf = (t: number, total: number): number => t / total
const cycleOf = (q: number): number => Math.floor(1 + q)
const scaleFactorOf = (q: number, cycle: number, stepRatio: number): number => {
  const x = 1.0 + q - cycle
  return x <= stepRatio ? x / stepRatio : (x - 1) / (stepRatio - 1)
}

// A CyclicLR's numbers as data, and module-level functions of them: V8 compiles (and inlines)
// each of these once for every CyclicLR, where closures made by every call of cyclicLR would be
// compiled without the numbers and not inlined (see Fast in internal/leaf.ts)
interface Plan {
  readonly total: number
  readonly stepRatio: number
  /** The scale function takes the cycle number (else the step). */
  readonly byCycle: boolean
  /** The scale function: the user's, else the mode's. */
  readonly custom: ScaleFn | undefined
  readonly mode: CyclicMode | undefined
  readonly gamma: number
}

// what a step shares between groups: its scale factor and its scale (through the scale function,
// of its cycle or of t itself); the fast path makes the same calls with the plan's numbers read
// once, before its loop
const factorAt = (p: Plan, t: number): number => {
  const q = qOf(t, p.total)
  return scaleFactorOf(q, cycleOf(q), p.stepRatio)
}
const scaleAt = (p: Plan, t: number): number => scaleOf(p.custom, p.mode, p.gamma, p.byCycle ? cycleOf(qOf(t, p.total)) : t)
// PyTorch's _triangular_scale_fn (1.0), _triangular2_scale_fn (1 / 2.0 ** (x - 1)), _exp_range_scale_fn (gamma ** x)
const scaleOf = (custom: Plan['custom'], mode: Plan['mode'], gamma: number, x: number): number =>
  custom !== undefined ? custom(x) : mode === 'triangular2' ? 1 / 2.0 ** (x - 1) : mode === 'exp_range' ? gamma ** x : 1.0

// PyTorch's get_lr, for a group: base_height = (max_lr - base_lr) * scale_factor, then
// lr = base_lr + base_height * scale (and the momentum alike, down from max_momentum): the fast
// path computes the step's factor and scale once per step (and the whole lr once when the groups'
// arguments are the same)
const lrFrom = (lo: number, hi: number, factor: number, scale: number): number => lo + (hi - lo) * factor * scale
const momentumFrom = (lo: number, hi: number, factor: number, scale: number): number => hi - (hi - lo) * factor * scale

/** A fold's state (see Fast in internal/leaf.ts): the per-group arguments, and whether they are the same for every group. */
interface Fold {
  readonly p: Plan
  readonly cycleMomentum: boolean
  readonly clock: Clock
  readonly lo: Float64Array
  readonly hi: Float64Array
  readonly momentumLo: Float64Array
  readonly momentumHi: Float64Array
  readonly same: boolean
}

const fastSteps = (g: Fold, b: Buffers, count: number): void => {
  const { p, cycleMomentum, clock, lo, hi, momentumLo, momentumHi, same } = g
  const { total, stepRatio, byCycle, custom, mode, gamma } = p
  const { lr, momentum } = b
  const out = b.rows.lr
  // a momentum-cycling schedule's fold records momentum
  const outMomentum = b.rows.momentum as Float64Array
  const held = heldMomentumRows(b)
  // (group 0's arguments: every group's when they are the same)
  const lo0 = lo[0] as number
  const hi0 = hi[0] as number
  const momentumLo0 = momentumLo[0] as number
  const momentumHi0 = momentumHi[0] as number
  let e = clock.e
  let row = b.row
  for (let j = 0; j < count; j++, row += lr.length) {
    e += 1
    const q = qOf(e, total)
    const cycle = cycleOf(q)
    const factor = scaleFactorOf(q, cycle, stepRatio)
    const scale = scaleOf(custom, mode, gamma, byCycle ? cycle : e)
    if (same) {
      setAll(lr, out, row, lrFrom(lo0, hi0, factor, scale))
      if (cycleMomentum) setAll(momentum, outMomentum, row, momentumFrom(momentumLo0, momentumHi0, factor, scale))
    } else {
      for (let i = 0; i < lr.length; i++) {
        const x = lrFrom(lo[i] as number, hi[i] as number, factor, scale)
        lr[i] = x
        out[row + i] = x
      }
      if (cycleMomentum)
        for (let i = 0; i < lr.length; i++) {
          const m = momentumFrom(momentumLo[i] as number, momentumHi[i] as number, factor, scale)
          momentum[i] = m
          outMomentum[row + i] = m
        }
    }
    if (!cycleMomentum && held !== undefined) keepMomentum(momentum, held, row)
  }
  clock.e = e
  b.row = row
}
