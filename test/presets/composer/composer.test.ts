// The Composer presets: values worked out by hand from composer/optim/scheduler.py (v0.32.1) and
// the Trainer's loop (row 0 = λ(batch 0) before max_duration is scaled, row k = λ(batch k − 1)),
// and every decode-time refusal with its message.
import { describe, expect, test } from 'vitest'
import { type AnyScheduler, composer, scheduleFromConfig, trace } from '../../../src/index.js'

const lrs = (s: AnyScheduler, n: number): ReadonlyArray<number> => trace(s, [1], n).lr.map((r) => r[0] as number)
const refuses = (config: Record<string, unknown>, message: string) => expect(() => scheduleFromConfig(config)).toThrow(message)

describe('the trainer loop', () => {
  test('update 0 and update 1 both train at λ(batch 0); update k at λ(batch k − 1)', () => {
    // warmup 2 batches: λ(0) = 0, λ(1) = 1/2; then 1 → 0 over batches 2..4
    expect(lrs(composer.linearWithWarmupScheduler({ tWarmup: '2ba', maxDuration: '4ba' }), 6)).toEqual([0, 0, 0.5, 1, 0.5, 0, 0])
  })
  test('row 0 sees the unscaled max_duration (the LambdaLR is built before the Trainer scales it)', () => {
    // construction: tMax = int(0.25 · 2) = 0, so λ₀(0) = 1; loop: max 4ba, tMax = int(0.25 · 4) = 1, λ(0) = 0.5
    expect(lrs(composer.constantScheduler({ alpha: 0.5, tMax: '0.25dur', maxDuration: '2ba', scaleScheduleRatio: 2 }), 3)).toEqual([1, 0.5, 1, 1])
  })
  test('epochs become batches: stepSize 1ep with 3 batches per epoch', () => {
    expect(lrs(composer.stepScheduler({ stepSize: '1ep', gamma: 0.5, maxDuration: '2ep', batchesPerEpoch: 3 }), 7)).toEqual([1, 1, 1, 1, 0.5, 0.5, 0.5, 0.25])
  })
  test('multipliers of each group’s initial lr', () => {
    expect(trace(composer.linearScheduler({ maxDuration: '2ba' }), [2, 0.5], 3).lr).toEqual([[2, 0.5], [2, 0.5], [1, 0.25], [0, 0]])
  })
})

describe('scale_schedule_ratio (composer#3941: dur and ba warmups scale unevenly)', () => {
  const at = (s: AnyScheduler, t: number) => lrs(s, t + 1)[t + 1]
  test('a ba warmup keeps its length, the decay after it stretches', () => {
    const s = composer.linearWithWarmupScheduler({ tWarmup: '10ba', maxDuration: '20ba', scaleScheduleRatio: 2 })
    // warmup 10 batches; tMax = 1dur of the scaled 40ba: 1 − (25 − 10)/(40 − 10) = 0.5
    expect([at(s, 5), at(s, 10), at(s, 25)]).toEqual([0.5, 1, 0.5])
  })
  test('a dur warmup stretches with max_duration', () => {
    const s = composer.linearWithWarmupScheduler({ tWarmup: '0.5dur', maxDuration: '20ba', scaleScheduleRatio: 2 })
    expect([at(s, 10), at(s, 20), at(s, 30)]).toEqual([0.5, 1, 0.5])
  })
  test('scaleWarmup scales the slope, not the phase: 10 batches of t/20, then a jump to 1', () => {
    const s = composer.linearWithWarmupScheduler({ tWarmup: '10ba', scaleWarmup: true, maxDuration: '20ba', scaleScheduleRatio: 2 })
    expect([at(s, 5), at(s, 8), at(s, 10)]).toEqual([0.25, 0.4, 1])
  })
})

describe('shapes', () => {
  test('warm restarts: cycles of 2, 4, 8 batches', () => {
    const s = composer.cosineAnnealingWarmRestartsScheduler({ t0: '2ba', tMult: 2, maxDuration: '14ba' })
    // row k = λ(k − 1): λ(2) = 1 (restart), λ(4) = cos at half the cycle = 0.5, λ(6) = 1
    const r = lrs(s, 8)
    expect([r[3], r[5], r[7]]).toEqual([1, 0.5, 1])
  })
  test('past the horizon the polynomial stays at alphaF', () => {
    expect(lrs(composer.polynomialScheduler({ power: 2, alphaF: 0.25, maxDuration: '2ba' }), 10).slice(3)).toEqual([0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25])
  })
  test('ConstantWithWarmupScheduler keeps alpha past tMax (a LinearWithWarmupScheduler from alpha to alpha)', () => {
    expect(lrs(composer.constantWithWarmupScheduler({ tWarmup: '2ba', alpha: 3, tMax: '4ba', maxDuration: '4ba' }), 8)).toEqual([0, 0, 1.5, 3, 3, 3, 3, 3, 3])
  })
  test('zero warmup: the decay starts at batch 0', () => {
    expect(lrs(composer.cosineAnnealingWithWarmupScheduler({ tWarmup: '0ba', maxDuration: '2ba' }), 3)).toEqual([1, 1, 0.5, 0])
  })
  test('multi-step with warmup: t/tWarmup, then gamma per milestone', () => {
    expect(lrs(composer.multiStepWithWarmupScheduler({ tWarmup: '2ba', milestones: ['3ba'], gamma: 0.5, maxDuration: '5ba' }), 5)).toEqual([0, 0, 0.5, 1, 0.5, 0.5])
  })
  test('exponential: gamma^(t / decayPeriod)', () => {
    expect(lrs(composer.exponentialScheduler({ gamma: 0.25, decayPeriod: '2ba', maxDuration: '4ba' }), 4)).toEqual([1, 1, 0.5, 0.25, 0.125])
  })
})

describe('refusals, at decode, with the field named', () => {
  const T = 'composer.StepScheduler'
  test('time strings', () => {
    refuses({ type: T, stepSize: '10 batches', maxDuration: '10ba' }, 'stepSize: expected a Composer time string in ep, ba or dur (e.g. "10ep", "500ba", "0.1dur"; ep and ba integers ≥ 0), got "10 batches"')
    refuses({ type: T, stepSize: '100tok', maxDuration: '10ba' }, 'stepSize: expected a Composer time string in ep, ba or dur (e.g. "10ep", "500ba", "0.1dur"; ep and ba integers ≥ 0): tok is not supported (sp and tok need samples/tokens per batch, sec Composer rejects), got "100tok"')
    refuses({ type: T, stepSize: '1.5ba', maxDuration: '10ba' }, 'stepSize: expected a Composer time string in ep, ba or dur (e.g. "10ep", "500ba", "0.1dur"; ep and ba integers ≥ 0) (Composer: units ba require integer values), got "1.5ba"')
    refuses({ type: T, stepSize: '1ba', maxDuration: '0.5dur' }, 'maxDuration: expected the trainer\'s max_duration: a time string in ep or ba, at least 1 (e.g. "10ep", "1000ba"), got "0.5dur"')
  })
  test('a fact a time string needs', () => {
    refuses({ type: T, stepSize: '1ep', maxDuration: '10ba' }, 'batchesPerEpoch: ')
    refuses({ type: 'composer.LinearScheduler', maxDuration: '2ep' }, 'tMax = "1dur" needs it with maxDuration 2ep')
  })
  test('what Composer divides by zero, or raises on', () => {
    refuses({ type: T, stepSize: '0ba', maxDuration: '10ba' }, 'stepSize: expected a time that is at least 1 batch once converted ("0ba" is 0 batches at construction (update 0, max_duration not yet scaled); Composer divides by it), got "0ba"')
    refuses({ type: 'composer.CosineAnnealingScheduler', tMax: '0.01dur', maxDuration: '50ba' }, 'tMax: expected a time that is at least 1 batch once converted')
    refuses({ type: T, stepSize: '1ba', maxDuration: '2ba', scaleScheduleRatio: 0.4 }, 'scaleScheduleRatio: expected a ratio that keeps max_duration at least 1 (2ba × 0.4 truncates to 0; Composer: "Scale schedule has reduced the max_duration to 0"), got 0.4')
    refuses({ type: 'composer.CosineAnnealingWarmRestartsScheduler', t0: '2ba', tMult: 0.5, maxDuration: '2ba' }, 'tMult: expected a number in [1, Infinity]')
    refuses({ type: 'composer.ExponentialScheduler', gamma: 2, maxDuration: '2ba' }, 'gamma: expected a number in [0, 1], got 2')
    refuses({ type: 'composer.PolynomialScheduler', power: -1, maxDuration: '2ba' }, 'power: expected a finite number >= 0, got -1')
    refuses({ type: 'composer.MultiStepScheduler', milestones: ['1ba', '2ba'], gamma: 1e200, maxDuration: '2ba' }, 'gamma: expected a value for which the multiplier stays finite, got 1e+200')
  })
  test('tMax shorter than max_duration, in the loop or at construction (before the Trainer scales max_duration)', () => {
    refuses({ type: 'composer.LinearWithWarmupScheduler', tWarmup: '1ba', tMax: '10ba', maxDuration: '20ba' }, 'tMax: expected a duration at least max_duration ("10ba" is 10 batches, max_duration 20ba at construction')
    // fine in the loop (tMax 10ba, max_duration 10ba), but the Trainer builds the LambdaLR with max_duration 20ba
    refuses({ type: 'composer.LinearWithWarmupScheduler', tWarmup: '1ba', tMax: '20ba', maxDuration: '20ba', scaleScheduleRatio: 0.5 }, '"20ba" is 10 batches, max_duration 20ba at construction')
  })
})

describe("LLM Foundry's InverseSquareRootWithWarmupScheduler (llmfoundry/optim/scheduler.py at 8c8dd48f)", () => {
  const at = (s: AnyScheduler, t: number) => lrs(s, t + 1)[t + 1]
  test('warmup t/tw, then 1/√((t − tw + ts)/ts), then a line to alphaFCooldown over tCooldown', () => {
    // tw 4, ts 4, max 20, tc 8: cooldown from batch 12, where the decay is 1/√(12/4) = 1/√3
    const s = composer.inverseSquareRootWithWarmupScheduler({ tWarmup: '4ba', tScale: '4ba', tCooldown: '8ba', maxDuration: '20ba' })
    const a = 1 / 3 ** 0.5
    expect([at(s, 2), at(s, 4), at(s, 8), at(s, 12), at(s, 16), at(s, 20), at(s, 30)]).toEqual([0.5, 1, 1 / 2 ** 0.5, a, a + 0.5 * (0 - a), 0, 0])
  })
  test('alphaFDecay: the decay tends to it; a zero cooldown holds the value at tMax', () => {
    const s = composer.inverseSquareRootWithWarmupScheduler({ tWarmup: '0ba', tScale: '1ba', tCooldown: '0ba', alphaFDecay: 0.5, maxDuration: '10ba' })
    expect([at(s, 0), at(s, 3), at(s, 10), at(s, 15)]).toEqual([1, 0.5 + 0.5 / 2, 0.5 + 0.5 / 11 ** 0.5, 0.5 + 0.5 / 11 ** 0.5])
  })
  test('refusals: the alphas out of order, dur times, a unit other than max_duration’s, a zero tScale', () => {
    const base = { type: 'composer.InverseSquareRootWithWarmupScheduler', tWarmup: '1ba', tScale: '1ba', tCooldown: '0ba', maxDuration: '10ba' }
    refuses({ ...base, alphaFDecay: 0.1, alphaFCooldown: 0.2 }, 'alpha_f_decay >= alpha_f_cooldown')
    refuses({ ...base, tCooldown: '0.1dur' }, 'cannot be in units of dur')
    refuses({ ...base, tWarmup: '1ep', batchesPerEpoch: 2 }, 'must match max_duration unit')
    refuses({ ...base, tScale: '0ba' }, 'LLM Foundry divides by it')
  })
})
