/**
 * What the fairseq presets share. fairseq's schedulers (facebookresearch/fairseq v0.12.3, fairseq/optim/lr_scheduler/*.py)
 * are absolute: every one sets the optimizer's lr with `FairseqOptimizer.set_lr`, which writes the
 * same value into every param group (fairseq/optim/fairseq_optimizer.py:69-72). The peak lr is the
 * config's `lr` list (`optimization.lr`, default `[0.25]`; fairseq builds the optimizer with
 * `lr[0]` and the scheduler then overwrites it). Here too: `lr` is an argument, every group gets
 * the same value and the groups' initial lrs are not read.
 *
 * Rows follow fairseq's trainer (fairseq/trainer.py, fairseq_cli/train.py at v0.12.3): the
 * scheduler is built and `step_update(0)` called (trainer.py:364-368); each epoch begins with
 * `step_begin_epoch(epoch)` then `step_update(num_updates)` (train.py:306, trainer.py:756,
 * 1164-1168); after each update `step_update(num_updates)` (trainer.py:1009, 1244-1247); at an
 * epoch's end `step(epoch, val_loss)` then `step_update(num_updates)` (train.py:195,
 * trainer.py:1170-1174). So update k trains at what `step_update(k)` set, after the epoch
 * boundary calls when k starts an epoch: row k is that lr.
 *
 * @internal
 */
import { ArrayOf, NonNegative, PositiveInteger } from '../../core/codec.js'
import { ScheduleError } from '../../core/errors.js'
import { fromStep } from '../../internal/builders.js'
import { type Body, optional, withDefault } from '../../internal/define.js'
import type { EpochState } from '../../internal/leaf.js'

/** fairseq's `lr` argument (`optimization.lr`, fairseq/dataclass/configs.py:615-616): a list, default `[0.25]`. */
export const lrArg = (doc: string) => withDefault(ArrayOf(NonNegative, { nonEmpty: true }), doc, [0.25])

/** The number of updates of an epoch (not a fairseq argument: its trainer counts them from the data). */
export const updatesPerEpochArg = optional(
  PositiveInteger,
  'Updates per epoch: an integer ≥ 1 (not a fairseq argument; required when the lr changes at epoch starts: several `lr` entries or `forceAnneal`).'
)

/** The peak lr of a schedule that takes one: fairseq raises "Cannot use a fixed learning rate schedule with …" for more than one. */
export const singleLr = (lr: ReadonlyArray<number>, name: string): number => {
  if (lr.length > 1) throw new ScheduleError('lr', `one lr (fairseq: "Cannot use a fixed learning rate schedule with ${name}")`, lr)
  return lr[0] as number
}

/** The epoch (from 1) of update k, or a ScheduleError when the schedule needs `updatesPerEpoch` and has none. */
export const epochOf = (updatesPerEpoch: number | undefined) => (k: number): number => Math.floor(k / (updatesPerEpoch ?? Infinity)) + 1

/** Requires `updatesPerEpoch` when the lr changes at epoch starts. */
export const needsEpochs = (updatesPerEpoch: number | undefined, lr: ReadonlyArray<number>, forceAnneal: number | undefined): void => {
  if (updatesPerEpoch === undefined && (lr.length > 1 || forceAnneal !== undefined))
    throw new ScheduleError(
      'updatesPerEpoch',
      `an integer ≥ 1 when lr has several entries or forceAnneal is given (the lr changes at epoch starts)`,
      updatesPerEpoch
    )
}

/** A fairseq schedule: every group's lr is `lr(k)` for update k, whatever its initial lr. */
export const absolute = (lr: (k: number) => number): Body<EpochState> => fromStep({ lr: (e) => lr(e) })
