/**
 * `deepspeed.OneCycle`: DeepSpeed's `OneCycle` (deepspeedai/DeepSpeed v0.19.5,
 * deepspeed/runtime/lr_schedules.py:379-662) — one triangular cycle of the lr from `cycleMinLr` up to
 * `cycleMaxLr` and back (optionally in stairs), the momentum (Adam's beta1) inversely, then an
 * optional decay of both every `decayStepSize` steps.
 *
 * @since 0.2.0
 */
import { Bool, NonNegative, NonNegativeInteger, Positive } from '../../core/codec.js'
import { fromStep } from '../../internal/builders.js'
import { type OptionsOf, define, optional, required, withDefault } from '../../internal/define.js'

const args = {
  cycleMinLr: required(NonNegative, 'The lr at the start and the end of the cycle, ≥ 0 (no default, as in DeepSpeed).'),
  cycleMaxLr: required(NonNegative, 'The lr at the top of the cycle, ≥ 0 (no default, as in DeepSpeed).'),
  decayLrRate: withDefault(NonNegative, 'After the cycle, the lr is cycleMinLr / (1 + decayLrRate · steps / decayStepSize): ≥ 0 (0: none).', 0),
  cycleFirstStepSize: withDefault(Positive, 'Steps of the rising half of the cycle: a number > 0.', 2000),
  cycleSecondStepSize: optional(NonNegative, 'Steps of the falling half: a number ≥ 0. Default: cycleFirstStepSize.'),
  cycleFirstStairCount: withDefault(NonNegativeInteger, 'Stairs of the rising half (the lr held flat on each): an integer ≥ 0 (0: continuous).', 0),
  cycleSecondStairCount: optional(NonNegativeInteger, 'Stairs of the falling half: an integer ≥ 0. Default: cycleFirstStairCount.'),
  decayStepSize: withDefault(NonNegative, 'The decay interval after the cycle, in steps: ≥ 0 (0: no decay).', 0),
  cycleMomentum: withDefault(
    Bool,
    "Cycle the momentum (betas[0]) inversely to the lr. DeepSpeed does it only for an optimizer with `betas` (Adam's family) and turns it off for SGD: set false there.",
    true
  ),
  cycleMinMom: withDefault(NonNegative, 'The momentum at the top of the cycle (and of update 0, where the constructor puts it), ≥ 0.', 0.8),
  cycleMaxMom: withDefault(NonNegative, 'The momentum at the start and the end of the cycle, ≥ 0.', 0.9),
  decayMomRate: withDefault(NonNegative, 'After the cycle, the momentum is cycleMaxMom · (1 + decayMomRate · steps / decayStepSize): ≥ 0 (0: none).', 0)
}

/**
 * The definition of `deepspeed.OneCycle`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const OneCycle = define({
  type: 'deepspeed.OneCycle',
  summary: "DeepSpeed's 1cycle: the lr up from cycleMinLr to cycleMaxLr and back, the momentum inversely, then an optional decay.",
  args,
  make: (a) => {
    const { cycleMinLr: minLr, cycleMaxLr: maxLr, decayLrRate, cycleMinMom: minMom, cycleMaxMom: maxMom, decayMomRate } = a
    // _initialize_cycle (lr_schedules.py:480-507)
    const first = a.cycleFirstStepSize
    const second = a.cycleSecondStepSize ?? first
    const totalSize = first + second
    const stepRatio = first / totalSize
    const firstStairs = a.cycleFirstStairCount
    const secondStairs = a.cycleSecondStairCount ?? firstStairs
    const decayStepSize = a.decayStepSize
    // math.isclose(x, 0) is x == 0; the decay of the lr (and the momentum) is skipped when there
    // is no interval or no rate (lr_schedules.py:502-507, 516-517, 532-533)
    const skipLrDecay = decayStepSize === 0 || decayLrRate === 0
    const skipMomDecay = decayStepSize === 0 || decayMomRate === 0
    // _get_scale_factor (lr_schedules.py:535-558), for last_batch_iteration b
    const scaleFactor = (b: number): number => {
      const batchIteration = b + 1
      const cycle = Math.floor(1 + batchIteration / totalSize)
      const x = 1 + batchIteration / totalSize - cycle
      let scale: number
      let stairCount: number
      if (x <= stepRatio) {
        scale = x / stepRatio
        stairCount = firstStairs
      } else {
        scale = (x - 1) / (stepRatio - 1)
        stairCount = secondStairs
      }
      if (stairCount > 0) {
        const cycleIteration = batchIteration % totalSize
        const stairPosition =
          cycleIteration <= first ? (cycleIteration * stairCount) / first : ((totalSize - cycleIteration) * stairCount) / second
        scale = Math.floor(stairPosition) / stairCount
      }
      return scale
    }
    // get_lr (lr_schedules.py:606-613): the cycle while b < total_size, then the decay from
    // b − total_size + 1; the constructor puts cycleMinLr (b = −1: the cycle's start)
    const lrAt = (b: number): number => {
      if (b < totalSize) return minLr + (maxLr - minLr) * scaleFactor(b)
      return skipLrDecay ? minLr : minLr / (1 + decayLrRate * ((b - totalSize + 1) / decayStepSize))
    }
    // get_mom (lr_schedules.py:615-624); the constructor puts cycleMinMom (lr_schedules.py:527-529)
    const momentumAt = (b: number): number => {
      if (b < 0) return minMom
      if (b < totalSize) return maxMom - (maxMom - minMom) * scaleFactor(b)
      return skipMomDecay ? maxMom : maxMom * (1 + decayMomRate * ((b - totalSize + 1) / decayStepSize))
    }
    // row k: last_batch_iteration k − 1 (internal.ts)
    return fromStep({
      lr: (k) => lrAt(k - 1),
      ...(a.cycleMomentum ? { momentum: (k: number) => momentumAt(k - 1) } : {})
    })
  }
})

/**
 * The arguments of `deepspeed.OneCycle` (DeepSpeed's in camelCase, with its defaults).
 *
 * @category model
 * @since 0.2.0
 */
export type OneCycleOptions = OptionsOf<typeof args>

/**
 * DeepSpeed's 1cycle: the lr up from cycleMinLr to cycleMaxLr and back, the momentum inversely, then an optional decay.
 *
 * @example
 * import { deepspeed, trace } from 'lr-schedule'
 * const t = trace(deepspeed.oneCycle({ cycleMinLr: 0, cycleMaxLr: 1, cycleFirstStepSize: 2 }), [{ lr: 1, momentum: 0.9 }], 5)
 * t.lr // [[0], [0.5], [1], [0.5], [0], [0]] (up over 2 steps, down over 2)
 * t.momentum // [[0.8], [0.8500000000000001], [0.8], [0.8500000000000001], [0.9], [0.9]]
 *
 * @category constructors
 * @since 0.2.0
 */
export const oneCycle = OneCycle.make
