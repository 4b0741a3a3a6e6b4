// hf.greedy (transformers' GreedyLR) by hand: every expected row worked out in the comments from
// GreedyLR.step's rules (good/bad counts, raise/reduce, cooldown/warmup, reset, smoothing).
import { describe, expect, test } from 'vitest'
import { chain, exponentialLR, resume, trace, traceArray } from '../../../src/index.js'
import { hf } from './hf.js'
import { expectClose } from '../../helpers/close.js'
import { rep, rows } from '../../helpers/lists.js'
import { expectScheduleError } from '../../helpers/throws.js'
import { protocolOf } from '../../../src/internal/protocol.js'

describe('hf.greedy', () => {
  test("transformers' defaults: a falling metric raises the lr by 1/0.95 after 11 good evaluations, a flat one lowers it after 11 bad", () => {
    // falling: evaluation k improves by 1 > threshold 1e-6: good k; at 11 (> patience 10) lr / 0.95
    const falling = trace(hf.greedy(), [0.1], 12, Array.from({ length: 12 }, (_, k) => 100 - k)).lr
    expectClose(falling, rows([...rep(0.1, 11), 0.1 / 0.95, 0.1 / 0.95]), 1e-15)
    // flat: evaluation 1 improves on +inf (good 1), 2..12 are 11 bad ones: at 12, lr · 0.95
    const flat = trace(hf.greedy(), [0.1], 13, rep(5, 13)).lr
    expectClose(flat, rows([...rep(0.1, 12), 0.095, 0.095]), 1e-15)
  })

  test('raises stop at maxLr and reductions at minLr, per group', () => {
    // patience 0: every improvement doubles (factor 0.5), capped at maxLr [0.4, 0.03]
    const up = trace(hf.greedy({ patience: 0, factor: 0.5, maxLr: [0.4, 0.03] }), [0.1, 0.01], 3, [3, 2, 1]).lr
    expectClose(up, [[0.1, 0.01], [0.2, 0.02], [0.4, 0.03], [0.4, 0.03]], 1e-15)
    // patience 0: evaluation 1 improves (good 1 > 0: a raise to 0.2), then every flat one halves, floored at 0.04
    const down = trace(hf.greedy({ patience: 0, factor: 0.5, minLr: 0.04 }), [0.1], 5, rep(1, 5)).lr
    expectClose(down, rows([0.1, 0.2, 0.1, 0.05, 0.04, 0.04]), 1e-15)
  })

  test('cooldown after a reduction, warmup after a raise: nothing is counted, and best is not updated', () => {
    // patience 0, warmup 2: ev 1 improves → raise ×2 (0.2), warmup 2; ev 2, 3 in warmup (even if better);
    // ev 4 = 0 is better than best 5 → raise (0.4)
    const s = hf.greedy({ patience: 0, factor: 0.5, warmup: 2, minLr: 0, maxLr: 10 })
    expectClose(trace(s, [0.1], 4, [5, 1, 1, 0]).lr, rows([0.1, 0.2, 0.2, 0.2, 0.4]), 1e-15)
    // patience 1, cooldown 2: ev 1 good; ev 2, 3 bad → at 3 reduce to 0.05, cooldown 2; ev 4, 5 in cooldown;
    // ev 6 bad (1), ev 7 bad (2 > 1) → 0.025
    const c = hf.greedy({ patience: 1, factor: 0.5, cooldown: 2, minLr: 0 })
    expectClose(trace(c, [0.1], 7, rep(1, 7)).lr, rows([0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.05, 0.025]), 1e-15)
  })

  test('resetStart: reductions with every lr at its floor count down, then the lrs start over', () => {
    // patience 0, factor 0.5, minLr 0.025, resetStart 2, a flat metric
    const s = hf.greedy({ patience: 0, factor: 0.5, minLr: 0.025, resetStart: 2 })
    const t = trace(s, [0.1], 7, rep(1, 7))
    // ev 1: good → 0.2; ev 2: bad → 0.1; ev 3 → 0.05; ev 4 → 0.025, all at min: resetStart 2 → 1;
    // ev 5: 0.025 stays, all at min: 1 → 0: reset to 0.1; ev 6: best is +inf again: good → 0.2; ev 7: bad → 0.1
    expectClose(t.lr, rows([0.1, 0.2, 0.1, 0.05, 0.025, 0.1, 0.2, 0.1]), 1e-15)
    expect(t.state.resetStart).toBe(2)
  })

  test('smooth: the average of the last windowSize metrics is what is judged', () => {
    // window 2, patience 0: metrics 4, 0, 4, 4 → averages 4, 2, 2, 4: good (raise), good (raise), bad (halve), bad (halve)
    const s = hf.greedy({ smooth: true, windowSize: 2, patience: 0, factor: 0.5, minLr: 0 })
    const t = trace(s, [0.1], 4, [4, 0, 4, 4])
    expectClose(t.lr, rows([0.1, 0.2, 0.4, 0.2, 0.1]), 1e-15)
    expect(t.state.window).toEqual([4, 4])
    expect(t.state.sum).toBe(8)
  })

  test('absolute lrs: in a chain it lowers the lr the decay left; resuming from the JSON state continues identically', () => {
    // step 1: 1 → 0.5 (decay), greedy good (patience 0) → 0.5 / 0.5 = 1; step 2: → 0.5, bad → 0.25
    const c = chain([exponentialLR({ gamma: 0.5 }), hf.greedy({ patience: 0, factor: 0.5, minLr: 0, maxLr: 2 })])
    expectClose(trace(c, [1], 2, [1, 1]).lr, rows([1, 1, 0.25]), 1e-15)
    const s = hf.greedy({ patience: 1, factor: 0.7, cooldown: 1, smooth: true, windowSize: 3 })
    const metrics = [5, 4, 4, 4, 3, 2, 2, 2, 2, 1, 1, 1]
    const all = trace(s, [0.1, 0.2], 12, metrics)
    const first = trace(s, [0.1, 0.2], 5, metrics)
    expect(resume(s, first.groups, JSON.parse(JSON.stringify(first.state)), 7, metrics.slice(5)).lr).toEqual(all.lr.slice(5))
    expect(Array.from(traceArray(s, [0.1, 0.2], 12, metrics).lr)).toEqual(all.lr.flat())
    expect(protocolOf(s).takesMetric).toBe(true)
  })

  test("transformers' defaults in the config", () => {
    expect(hf.greedy().config).toEqual({
      type: 'hf.greedy', mode: 'min', factor: 0.95, patience: 10, threshold: 1e-6, thresholdMode: 'abs', cooldown: 0, warmup: 0,
      minLr: 1e-3, maxLr: 1, eps: 1e-8, smooth: false, windowSize: 50, resetStart: 500
    })
  })

  test('every evaluation needs its metric; a state from elsewhere is rejected', () => {
    expectScheduleError(() => trace(hf.greedy(), [1], 2), 'metrics: expected 2 metrics (one per step: hf.greedy reacts to a metric), got undefined')
    const s = hf.greedy({ patience: 2 })
    const [g, st] = s.init([{ lr: 0.1 }])
    expectScheduleError(() => s.step({ ...st, numBadEpochs: 3 }, g, { metric: 1 }), 'hf.greedy state.numBadEpochs: expected at most patience = 2, got 3')
    expectScheduleError(() => s.step({ ...st, window: [1] }, g, { metric: 1 }), 'hf.greedy state.window: expected an empty array (smooth is false), got [1]')
  })

  for (const { options, message } of [
    { options: { factor: 1 }, message: 'factor: expected a number in (0, 1), got 1' },
    { options: { factor: 0 }, message: 'factor: expected a number in (0, 1), got 0' },
    { options: { mode: 'up' }, message: 'mode: expected one of "min", "max", got "up"' },
    { options: { patience: -1 }, message: 'patience: expected a non-negative integer, got -1' },
    { options: { threshold: -0.1 }, message: 'threshold: expected a finite number >= 0, got -0.1' },
    { options: { thresholdMode: 'pct' }, message: 'thresholdMode: expected one of "rel", "abs", got "pct"' },
    { options: { warmup: 1.5 }, message: 'warmup: expected a non-negative integer, got 1.5' },
    { options: { maxLr: -1 }, message: 'maxLr: expected a finite number >= 0, got -1' },
    { options: { windowSize: 0 }, message: 'windowSize: expected a positive integer, got 0' },
    { options: { smooth: 1 }, message: 'smooth: expected a boolean, got 1' },
    { options: { resetStart: -1 }, message: 'resetStart: expected a non-negative integer, got -1' },
    { options: { verbose: true }, message: 'verbose: unknown argument of hf.greedy (it takes mode, factor, patience, threshold, thresholdMode, cooldown, warmup, minLr, maxLr, eps, smooth, windowSize, resetStart)' }
  ]) test(`rejects ${message}`, () => {
    expectScheduleError(() => hf.greedy(options as hf.GreedyOptions), message)
  })
})
