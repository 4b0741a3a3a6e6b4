// keras.ReduceLROnPlateau (the callback) by hand: Keras's on_epoch_end rules worked out in the
// comments (wait >= patience, the cooldown decremented before it is checked, float32 lrs and
// comparisons). Values that are exact in float32 (powers of two) are compared exactly.
import { describe, expect, test } from 'vitest'
import { keras, reduceLROnPlateau as torchPlateau, trace, traceArray } from '../../../src/index.js'
import { rep, rows } from '../../helpers/lists.js'
import { expectScheduleError } from '../../helpers/throws.js'
import { protocolOf } from '../../../src/internal/protocol.js'

describe('keras.ReduceLROnPlateau', () => {
  test("Keras's defaults (patience 10, factor 0.1): a flat loss reduces at epoch 11's end (wait ≥ patience), PyTorch's at 12", () => {
    // epoch 1's metric is the first (best); epochs 2..11 are 10 without improvement: wait 10 ≥ 10
    const t = trace(keras.reduceLROnPlateau(), [1], 12, rep(2, 12)).lr
    expect(t).toEqual(rows([...rep(1, 11), Math.fround(0.1), Math.fround(0.1)]))
    const torch = trace(torchPlateau(), [1], 12, rep(2, 12)).lr
    expect(torch[11]).toEqual([1])
  })

  test('the lr is float32: row 0 is the optimizer variable, each reduction is rounded when assigned', () => {
    // 0.1 in float32 is 0.10000000149011612; × 0.5 in float64, rounded again: fround(0.05000000074505806)
    const t = trace(keras.reduceLROnPlateau({ patience: 0, factor: 0.5 }), [0.1], 2, [1, 1]).lr
    expect(t).toEqual(rows([0.10000000149011612, 0.10000000149011612, Math.fround(Math.fround(0.1) * 0.5)]))
    expect(t[0]![0]).not.toBe(0.1)
  })

  test('improvements are compared in float32: 1 − 1e-9 is no improvement on 1', () => {
    // float64 would see each metric improve; float32 rounds them all to 1: wait 1, 2 ≥ 2 → halve
    const t = trace(keras.reduceLROnPlateau({ patience: 2, factor: 0.5, minDelta: 0 }), [1], 3, [1, 1 - 1e-9, 1 - 2e-9]).lr
    expect(t).toEqual(rows([1, 1, 1, 0.5]))
  })

  test('minDelta counts by its absolute value; mode max mirrors it', () => {
    // min, |minDelta| 0.5: 2 → 1.6 is not enough (1.6 + 0.5 ≥ 2), patience 1: halve
    expect(trace(keras.reduceLROnPlateau({ patience: 1, factor: 0.5, minDelta: -0.5 }), [1], 2, [2, 1.6]).lr).toEqual(rows([1, 1, 0.5]))
    // max: 1 → 2 improves by more than 0.5; 2 → 2.25 does not
    expect(trace(keras.reduceLROnPlateau({ mode: 'max', patience: 1, factor: 0.5, minDelta: 0.5 }), [1], 3, [1, 2, 2.25]).lr).toEqual(rows([1, 1, 1, 0.5]))
  })

  test('cooldown is decremented before it is checked: cooldown 1 is cooldown 0, cooldown 2 rests one epoch', () => {
    // patience 1, flat: the first metric is the best, then every epoch without improvement halves
    const flat = rep(1, 5)
    const none = trace(keras.reduceLROnPlateau({ patience: 1, factor: 0.5 }), [1], 5, flat).lr
    expect(none).toEqual(rows([1, 1, 0.5, 0.25, 0.125, 0.0625]))
    expect(trace(keras.reduceLROnPlateau({ patience: 1, factor: 0.5, cooldown: 1 }), [1], 5, flat).lr).toEqual(none)
    // cooldown 2: after a reduction, one epoch with the counter at 1 (wait 0, not counted), then counting again
    expect(trace(keras.reduceLROnPlateau({ patience: 1, factor: 0.5, cooldown: 2 }), [1], 5, flat).lr).toEqual(rows([1, 1, 0.5, 0.5, 0.25, 0.25]))
  })

  test('at the floor nothing is reduced and wait keeps growing (every later bad epoch tries again)', () => {
    // patience 1, factor 0.1, minLr 0.25: 1 → max(0.1, 0.25) = 0.25; then 0.25 is not > fround(0.25): no reduction
    const t = trace(keras.reduceLROnPlateau({ patience: 1, factor: 0.1, minLr: 0.25 }), [1, 0.5], 4, rep(1, 4))
    expect(t.lr).toEqual(rows([1, 1, 0.25, 0.25, 0.25], [0.5, 0.5, 0.25, 0.25, 0.25]))
    expect(t.state).toEqual({ lastEpoch: 4, best: 1, wait: 2, cooldownCounter: 0 })
  })

  test('the fast path agrees; no closed form; the defaults in the config', () => {
    const s = keras.reduceLROnPlateau({ patience: 2, cooldown: 2, factor: 0.3 })
    const m = [3, 2, 2, 2, 2, 2, 1, 1, 1, 1]
    expect(Array.from(traceArray(s, [0.1, 0.01], 10, m).lr)).toEqual(trace(s, [0.1, 0.01], 10, m).lr.flat())
    expect(protocolOf(s).closedForm).toBeUndefined()
    expect(keras.reduceLROnPlateau().config).toEqual({ type: 'keras.ReduceLROnPlateau', factor: 0.1, patience: 10, mode: 'auto', minDelta: 1e-4, cooldown: 0, minLr: 0 })
  })

  test('every epoch needs its metric; a state from elsewhere is rejected', () => {
    expectScheduleError(() => trace(keras.reduceLROnPlateau(), [1], 2), 'metrics: expected 2 metrics (one per step: keras.ReduceLROnPlateau reacts to a metric), got undefined')
    const s = keras.reduceLROnPlateau({ cooldown: 1 })
    const [g, st] = s.init([{ lr: 0.1 }])
    expectScheduleError(() => s.step({ ...st, cooldownCounter: 2 }, g, { metric: 1 }), 'keras.ReduceLROnPlateau state.cooldownCounter: expected at most cooldown = 1, got 2')
    expectScheduleError(() => s.step(st, g, { metric: NaN }), 'metric: expected a finite number (keras.ReduceLROnPlateau takes the metric of every epoch), got NaN')
  })

  for (const { options, message } of [
    { options: { factor: 1 }, message: 'factor: expected a number in [0, 1), got 1' },
    { options: { factor: -0.5 }, message: 'factor: expected a number in [0, 1), got -0.5' },
    { options: { patience: -1 }, message: 'patience: expected a non-negative integer, got -1' },
    { options: { mode: 'up' }, message: 'mode: expected one of "auto", "min", "max", got "up"' },
    { options: { minDelta: Infinity }, message: 'minDelta: expected a finite number, got Infinity' },
    { options: { cooldown: 0.5 }, message: 'cooldown: expected a non-negative integer, got 0.5' },
    { options: { minLr: -1 }, message: 'minLr: expected a finite number >= 0, got -1' },
    { options: { monitor: 'val_loss' }, message: 'monitor: unknown argument of keras.ReduceLROnPlateau (it takes factor, patience, mode, minDelta, cooldown, minLr)' }
  ]) test(`rejects ${message}`, () => {
    expectScheduleError(() => keras.reduceLROnPlateau(options as keras.ReduceLROnPlateauOptions), message)
  })
})
