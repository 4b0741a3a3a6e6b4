/**
 * `fairseq.inverse_sqrt`: fairseq's `InverseSquareRootSchedule` (facebookresearch/fairseq v0.12.3,
 * fairseq/optim/lr_scheduler/inverse_square_root_schedule.py) — a linear warmup from
 * `warmupInitLr` to `lr[0]` over `warmupUpdates`, then `lr[0] · sqrt(warmupUpdates) / sqrt(k)`.
 *
 * @since 0.2.0
 */
import { Finite, PositiveInteger } from '../../core/codec.js'
import { type OptionsOf, define, withDefault } from '../../internal/define.js'
import { absolute, lrArg, singleLr } from './internal.js'

const args = {
  warmupUpdates: withDefault(
    PositiveInteger,
    'Updates of the linear warmup: an integer ≥ 1 (0 divides by zero in fairseq, fairseq#1341).',
    4000
  ),
  warmupInitLr: withDefault(Finite, 'The lr of update 0: any finite number (negative: 0).', -1),
  lr: lrArg('The peak lr, reached at `warmupUpdates`: a one-entry list of numbers ≥ 0.')
}

/**
 * The definition of `fairseq.inverse_sqrt`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const InverseSqrt = define({
  type: 'fairseq.inverse_sqrt',
  summary: "fairseq's inverse square-root decay after a linear warmup.",
  args,
  make: ({ warmupUpdates, warmupInitLr, lr }) => {
    // InverseSquareRootSchedule.__init__ and step_update (inverse_square_root_schedule.py:56-88)
    const warmupEndLr = singleLr(lr, 'inverse_sqrt')
    const init = warmupInitLr < 0 ? 0 : warmupInitLr
    const lrStep = (warmupEndLr - init) / warmupUpdates
    const decayFactor = warmupEndLr * Math.pow(warmupUpdates, 0.5)
    return absolute((k) => (k < warmupUpdates ? init + k * lrStep : decayFactor * Math.pow(k, -0.5)))
  }
})

/**
 * The arguments of `fairseq.inverse_sqrt` (fairseq's in camelCase, with its defaults).
 *
 * @category model
 * @since 0.2.0
 */
export type InverseSqrtOptions = OptionsOf<typeof args>

/**
 * fairseq's inverse square-root decay after a linear warmup.
 *
 * @example
 * import { fairseq, trace } from 'lr-schedule'
 * trace(fairseq.inverseSqrt({ warmupUpdates: 4, lr: [1] }), [1], 5).lr // [[0], [0.25], [0.5], [0.75], [1], [0.8944271909999159]]
 *
 * @category constructors
 * @since 0.2.0
 */
export const inverseSqrt = InverseSqrt.make
