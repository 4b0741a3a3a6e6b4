// SWALR by hand: torch.optim.swa_utils.SWALR's get_lr worked out step by step in the comments
// (α = anneal(t), the lr rebuilt from the current one, then swaLr · α + lr₀ · (1 − α)).
import { describe, expect, test } from 'vitest'
import { chain, cosineAnnealingLR, exponentialLR, resume, sequential, swaLR, trace, traceArray } from '../../src/index.js'
import { expectClose } from '../helpers/close.js'
import { expectScheduleError } from '../helpers/throws.js'
import { protocolOf } from '../../src/internal/protocol.js'

describe('SWALR alone', () => {
  test('linear, 4 steps from 1 to 0.2: 1, 0.8, 0.6, 0.4, then 0.2 for good', () => {
    // step s: α = s/4; lr₀ = (lr − α₋·0.2)/(1 − α₋) = 1 every time; lr = 0.2·α + 1·(1 − α)
    const t = trace(swaLR({ swaLr: 0.2, annealEpochs: 4, annealStrategy: 'linear' }), [1], 7).lr
    expectClose(t, [[1], [0.8], [0.6], [0.4], [0.2], [0.2], [0.2], [0.2]], 1e-15)
  })

  test('cos, 2 steps from 1 to 0: α = (1 − cos(π s/2))/2 = 0, 1/2, 1: 1, 0.5, 0, 0', () => {
    expectClose(trace(swaLR({ swaLr: 0, annealEpochs: 2 }), [1], 3).lr, [[1], [0.5], [0], [0]], 1e-15)
  })

  test('the defaults: cos over 10 steps; row 5 is half-way, (1 + 0.1)/2', () => {
    const t = trace(swaLR({ swaLr: 0.1 }), [1], 12).lr
    expectClose([t[5]![0]!], [0.55], 1e-15)
    expectClose([t[10]![0]!, t[11]![0]!, t[12]![0]!], [0.1, 0.1, 0.1], 1e-15)
    expect(swaLR({ swaLr: 0.1 }).config).toEqual({ type: 'SWALR', swaLr: 0.1, annealEpochs: 10, annealStrategy: 'cos' })
  })

  test('annealEpochs 0: swaLr from row 0 (torch takes step = max(1, step))', () => {
    expectClose(trace(swaLR({ swaLr: [0.3, 0.02], annealEpochs: 0 }), [1, 0.5], 2).lr, [[0.3, 0.02], [0.3, 0.02], [0.3, 0.02]], 0)
  })

  test('one swaLr per group, each annealed from its own lr (linear, 2 steps): up for one, down for the other', () => {
    const t = trace(swaLR({ swaLr: [2, 0.1], annealEpochs: 2, annealStrategy: 'linear' }), [1, 0.5], 2).lr
    expectClose(t, [[1, 0.5], [1.5, 0.3], [2, 0.1]], 1e-15)
  })

  test('no closed form, no multiplier; resuming from the JSON state continues identically; the fast path agrees', () => {
    const s = swaLR({ swaLr: 0.05, annealEpochs: 7 })
    expect(protocolOf(s).closedForm).toBeUndefined()
    expect(protocolOf(s).multiplier).toBeUndefined()
    const all = trace(s, [0.3, 0.1], 12)
    const first = trace(s, [0.3, 0.1], 5)
    expect(resume(s, first.groups, JSON.parse(JSON.stringify(first.state)), 7).lr).toEqual(all.lr.slice(5))
    expect(Array.from(traceArray(s, [0.3, 0.1], 12).lr)).toEqual(all.lr.flat())
  })
})

describe('SWALR in composites (as torch: it reads the lr it is given)', () => {
  test('sequential([ExponentialLR(0.5), SWALR(0.1, 2, linear)], [2]): the milestone keeps 0.5, then 0.3, 0.1', () => {
    // rows 0-1: 1, 0.5 (the decay); row 2 (the milestone, torch's _update_lr(0)): SWALR's step 0
    // keeps the lr the decay left, 0.5; row 3: α = 1/2, lr₀ = 0.5: 0.05 + 0.25; row 4: α₋ = 1/2,
    // lr₀ = (0.3 − 0.05)/0.5 = 0.5, α = 1: 0.1
    const s = sequential([exponentialLR({ gamma: 0.5 }), swaLR({ swaLr: 0.1, annealEpochs: 2, annealStrategy: 'linear' })], [2])
    expectClose(trace(s, [1], 5).lr, [[1], [0.5], [0.5], [0.3], [0.1], [0.1]], 1e-15)
  })

  test('chain([ExponentialLR(0.5), SWALR(0, 2, linear)]): SWALR anneals what the decay left at every step', () => {
    // step 1: decay 1 → 0.5; SWALR s = 1: α₋ = 0, lr₀ = 0.5, α = 1/2: 0.25
    // step 2: decay → 0.125; SWALR s = 2: α₋ = 1/2, lr₀ = 0.125 / 0.5 = 0.25, α = 1: 0
    const s = chain([exponentialLR({ gamma: 0.5 }), swaLR({ swaLr: 0, annealEpochs: 2, annealStrategy: 'linear' })])
    expectClose(trace(s, [1], 3).lr, [[1], [0.25], [0], [0]], 1e-15)
  })

  test('the SWA recipe, sequential([CosineAnnealingLR, SWALR]): SWALR starts from the cosine\'s lr at the milestone', () => {
    const s = sequential([cosineAnnealingLR({ tMax: 10 }), swaLR({ swaLr: 0.01, annealEpochs: 3 })], [5])
    const t = trace(s, [0.1], 10).lr.map((r) => r[0] as number)
    const cosAt5 = trace(cosineAnnealingLR({ tMax: 10 }), [0.1], 4).lr[4]![0]! // the cosine's last row before the milestone
    expect(t[5]).toBe(cosAt5)
    expectClose([t[8]!, t[9]!, t[10]!], [0.01, 0.01, 0.01], 1e-15)
  })
})

describe('SWALR arguments', () => {
  for (const { options, message } of [
    { options: {}, message: 'swaLr: missing, expected a finite number >= 0' },
    { options: { swaLr: -0.1 }, message: 'swaLr: expected a finite number >= 0, got -0.1' },
    { options: { swaLr: [] }, message: 'swaLr: expected a number or a non-empty array of numbers (one per param group), got []' },
    { options: { swaLr: 0.1, annealEpochs: -1 }, message: 'annealEpochs: expected a non-negative integer, got -1' },
    { options: { swaLr: 0.1, annealEpochs: 2.5 }, message: 'annealEpochs: expected a non-negative integer, got 2.5' },
    { options: { swaLr: 0.1, annealStrategy: 'cosine' }, message: 'annealStrategy: expected one of "cos", "linear", got "cosine"' },
    { options: { swaLr: 0.1, swaLrs: 0.1 }, message: 'swaLrs: unknown argument of SWALR (it takes swaLr, annealEpochs, annealStrategy)' }
  ]) test(`rejects ${message}`, () => {
    expectScheduleError(() => swaLR(options as never), message)
  })

  test('one swaLr per group: the count is checked against the groups', () => {
    expectScheduleError(() => trace(swaLR({ swaLr: [0.1, 0.2] }), [1], 1), 'swaLr: expected 1 value (one per param group), got [0.1,0.2]')
  })
})
