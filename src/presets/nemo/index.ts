/**
 * The NeMo presets (`nemo.<class name>`): the lr schedulers of NVIDIA NeMo v2.4.0
 * (nemo/core/optim/lr_scheduler.py), with its numbers, rows following NeMo's training loop
 * (PyTorch Lightning steps them after every optimizer step: row k is the lr after k steps, row 0
 * the constructor's). The warmups and decays multiply each group's initial lr; `minLr` is
 * absolute and shared by the groups; `WarmupAnnealing`, and `CosineAnnealing` with
 * `constantSteps`, set the first group's schedule in every group; `T5InverseSquareRootAnnealing`
 * reads no initial lr.
 *
 * @since 0.2.0
 */
export { warmupPolicy, type WarmupPolicyOptions } from './WarmupPolicy.js'
export { warmupHoldPolicy, type WarmupHoldPolicyOptions } from './WarmupHoldPolicy.js'
export { squareAnnealing, type SquareAnnealingOptions } from './SquareAnnealing.js'
export { squareRootAnnealing, type SquareRootAnnealingOptions } from './SquareRootAnnealing.js'
export { cosineAnnealing, type CosineAnnealingOptions } from './CosineAnnealing.js'
export { noamAnnealing, type NoamAnnealingOptions } from './NoamAnnealing.js'
export { noamHoldAnnealing, type NoamHoldAnnealingOptions } from './NoamHoldAnnealing.js'
export { warmupAnnealing, type WarmupAnnealingOptions } from './WarmupAnnealing.js'
export { inverseSquareRootAnnealing, type InverseSquareRootAnnealingOptions } from './InverseSquareRootAnnealing.js'
export { t5InverseSquareRootAnnealing, type T5InverseSquareRootAnnealingOptions } from './T5InverseSquareRootAnnealing.js'
export { polynomialDecayAnnealing, type PolynomialDecayAnnealingOptions } from './PolynomialDecayAnnealing.js'
export { polynomialHoldDecayAnnealing, type PolynomialHoldDecayAnnealingOptions } from './PolynomialHoldDecayAnnealing.js'
