/**
 * CosineAnnealingWarmRestarts (SGDR): a cosine from the initial lr to `etaMin` over `t0` steps,
 * then a restart, with each period `tMult` times the previous one.
 *
 * Follows `torch.optim.lr_scheduler.CosineAnnealingWarmRestarts` (torch/optim/lr_scheduler.py).
 * PyTorch keeps `T_cur` and `T_i` in its state; for whole steps they are functions of the step
 * count, so here they are computed (exactly, in integers) from it: the lr is a function of the
 * step, and the reducer, the closed form and the fast path share one expression. The closed form
 * also takes a fractional epoch, as PyTorch's `step(epoch)`. Where PyTorch finds the cycle of an
 * epoch with a floating-point logarithm, it can misplace an exact restart epoch (`tMult` 3, `t0`
 * 10, epoch 1210: PyTorch gives `etaMin`, the end of the previous cycle); this library restarts
 * there, as the fold does.
 *
 * @since 0.1.0
 */
import { Finite, PositiveInteger } from '../core/codec.js'
import { nonNegative } from '../core/validate.js'
import { fromStep } from '../internal/builders.js'
import { type ArgsOf, type OptionsOf, define, required, withDefault } from '../internal/define.js'
import type { Buffers } from '../internal/kernel.js'
import { type Clock, heldMomentumRows, keepMomentum } from '../internal/leaf.js'

const args = {
  t0: required(PositiveInteger, 'Steps in the first period: an integer ≥ 1.'),
  tMult: withDefault(PositiveInteger, 'Growth of the period after each restart (an integer ≥ 1).', 1),
  etaMin: withDefault(Finite, 'Minimum lr, reached at the end of each period: a finite number.', 0)
}

/**
 * The definition of CosineAnnealingWarmRestarts: its arguments (PyTorch's, in camelCase, with PyTorch's defaults).
 *
 * @category definitions
 * @since 0.2.0
 */
export const CosineAnnealingWarmRestarts = define({
  type: 'CosineAnnealingWarmRestarts',
  summary: 'Cosine annealing from the initial lr to `etaMin`, restarting after `t0`, `t0 · tMult`, ... steps.',
  args,
  make: (p) =>
    fromStep({
      lr: (e, base) => lrWith(p, weightAt(p, e), base),
      fast: (_n, clock, bases) => {
        const k: Fold = { p, clock, bases }
        return (b, count) => fastSteps(k, b, count)
      }
    })
})

/**
 * CosineAnnealingWarmRestarts's arguments.
 *
 * @category model
 * @since 0.1.0
 */
export type CosineAnnealingWarmRestartsOptions = OptionsOf<typeof args>

/**
 * Cosine annealing with warm restarts.
 *
 * @example
 * import { cosineAnnealingWarmRestarts, trace } from 'lr-schedule'
 * trace(cosineAnnealingWarmRestarts({ t0: 2 }), [1], 4).lr // [[1], [0.5], [1], [0.5], [1]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const cosineAnnealingWarmRestarts = CosineAnnealingWarmRestarts.make

/**
 * Where epoch `t` (whole or fractional, >= 0) falls: steps since the last restart, and the period.
 *
 * @example
 * import { warmRestartPosition } from 'lr-schedule'
 * warmRestartPosition(25, 10, 2) // { tCur: 15, tI: 20 }
 *
 * @category utils
 * @since 0.1.0
 */
export const warmRestartPosition = (t: number, t0: number, tMult: number): { readonly tCur: number; readonly tI: number } => {
  if (tMult === 1) return { tCur: t % t0, tI: t0 }
  let start = 0
  let tI = t0
  while (t >= start + tI) {
    start += tI
    tI *= tMult
  }
  return { tCur: t - start, tI }
}

// A CosineAnnealingWarmRestarts' numbers as data, and module-level functions of them: V8 compiles
// (and inlines) each once for every CosineAnnealingWarmRestarts (see Fast in internal/leaf.ts)
type Plan = ArgsOf<typeof args>

// PyTorch's get_lr: eta_min + (base_lr - eta_min) * (1 + cos(pi * T_cur / T_i)) / 2, where
// 1 + cos(pi * T_cur / T_i) belongs to the step, the same for every group: the fast path computes
// it once per step
const weightAt = (p: Plan, t: number): number => {
  const { tCur, tI } = warmRestartPosition(nonNegative('epoch', t), p.t0, p.tMult)
  return 1 + Math.cos((Math.PI * tCur) / tI)
}
const lrWith = (p: Plan, w: number, base: number): number => p.etaMin + ((base - p.etaMin) * w) / 2

/** A fold's state (see Fast in internal/leaf.ts). */
interface Fold {
  readonly p: Plan
  readonly clock: Clock
  readonly bases: Float64Array
}

const fastSteps = (k: Fold, b: Buffers, count: number): void => {
  const { p, clock, bases } = k
  const { lr, momentum } = b
  const out = b.rows.lr
  const held = heldMomentumRows(b)
  let e = clock.e
  let row = b.row
  for (let j = 0; j < count; j++, row += lr.length) {
    const w = weightAt(p, ++e)
    for (let i = 0; i < lr.length; i++) {
      const x = lrWith(p, w, bases[i] as number)
      lr[i] = x
      out[row + i] = x
    }
    if (held !== undefined) keepMomentum(momentum, held, row)
  }
  clock.e = e
  b.row = row
}
