/**
 * SWALR: anneals each group's lr from the lr the optimizer holds to `swaLr` over `annealEpochs`
 * steps (along a half cosine, or a line), then keeps it at `swaLr` — the schedule of Stochastic
 * Weight Averaging.
 *
 * Follows `torch.optim.swa_utils.SWALR` (pytorch/pytorch, v2.13.0, torch/optim/swa_utils.py,
 * `SWALR.get_lr`): a recurrence on the current lr, with no closed form. At step `s` (torch's
 * `_step_count - 1`, which in every use equals the steps since the scheduler started: 0 in the
 * constructor's step, at a `sequential` milestone and after `_initial_step()` run again):
 *
 *     s' = annealEpochs == 0 ? max(1, s) : s
 *     α₋ = anneal(clip((s' − 1) / max(1, annealEpochs)))      α = anneal(clip(s' / max(1, annealEpochs)))
 *     lr₋ = α₋ == 1 ? swaLr : (lr − α₋ · swaLr) / (1 − α₋)   (the lr the annealing started from)
 *     lr  ← swaLr · α + lr₋ · (1 − α)
 *
 * with `clip(x) = max(0, min(1, x))` and `anneal(t) = (1 − cos(π t)) / 2` ("cos") or `t`
 * ("linear"). Step 0 keeps the lr (α = 0) but with `annealEpochs: 0`, where it is `swaLr` at once.
 * Because it reads the lr it is given, it composes as PyTorch's: in `chain` it anneals the lr the
 * children before it left, in `sequential` it starts at its milestone from the lr the scheduler
 * before it left (torch's `_update_lr(0)`; SWALR has no closed form to start over from).
 *
 * @since 0.2.0
 */
import { NonNegative, NonNegativeInteger, OneOf, PerGroup } from '../core/codec.js'
import { at, groupCount } from '../core/validate.js'
import { fromRecurrence } from '../internal/builders.js'
import { type OptionsOf, define, required, withDefault } from '../internal/define.js'

const args = {
  swaLr: required(PerGroup(NonNegative), 'The lr annealed to, ≥ 0: one for every group, or one per group (no default, as in PyTorch).'),
  annealEpochs: withDefault(NonNegativeInteger, 'Steps of the annealing: an integer ≥ 0 (0: `swaLr` from the start).', 10),
  annealStrategy: withDefault(OneOf(['cos', 'linear'] as const), 'The shape of the annealing: a half cosine (`"cos"`) or a line (`"linear"`).', 'cos')
}

/**
 * The definition of SWALR: its arguments (PyTorch's, in camelCase, with PyTorch's defaults).
 *
 * @category definitions
 * @since 0.2.0
 */
export const SWALR = define({
  type: 'SWALR',
  summary: 'Anneals the lr it is given to `swaLr` in `annealEpochs` steps (a half cosine or a line), then holds it.',
  args,
  make: ({ swaLr, annealEpochs, annealStrategy }) => {
    const anneal = annealStrategy === 'cos' ? cosineAnneal : linearAnneal
    return fromRecurrence({
      lr: (e, lr, _base, i) => swaStep(anneal, annealEpochs, e, lr, at(swaLr, i)),
      checkGroups: (n) => groupCount('swaLr', swaLr, n)
    })
  }
})

/**
 * SWALR's arguments.
 *
 * @category model
 * @since 0.2.0
 */
export type SWALROptions = OptionsOf<typeof args>

/**
 * Anneals the lr it is given to `swaLr` in `annealEpochs` steps (a half cosine or a line), then holds it.
 *
 * @example
 * import { swaLR, trace } from 'lr-schedule'
 * trace(swaLR({ swaLr: 0.5, annealEpochs: 2, annealStrategy: 'linear' }), [1], 3).lr // [[1], [0.75], [0.5], [0.5]]
 *
 * @category constructors
 * @since 0.2.0
 */
export const swaLR = SWALR.make

// torch's SWALR._cosine_anneal and _linear_anneal
const cosineAnneal = (t: number): number => (1 - Math.cos(Math.PI * t)) / 2
const linearAnneal = (t: number): number => t

// torch's SWALR.get_lr for one group at step s (_step_count - 1), in its operation order
const swaStep = (anneal: (t: number) => number, epochs: number, s: number, lr: number, swa: number): number => {
  const step = epochs === 0 ? Math.max(1, s) : s
  const prevAlpha = anneal(Math.max(0, Math.min(1, (step - 1) / Math.max(1, epochs))))
  // SWALR._get_initial_lr
  const prevLr = prevAlpha === 1 ? swa : (lr - prevAlpha * swa) / (1 - prevAlpha)
  const alpha = anneal(Math.max(0, Math.min(1, step / Math.max(1, epochs))))
  return swa * alpha + prevLr * (1 - alpha)
}
