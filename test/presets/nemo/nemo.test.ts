// Hand-computed values of the NeMo presets (each from the formula of NeMo v2.4.0's
// nemo/core/optim/lr_scheduler.py, written out here), the loop's special rows (row 0: the
// constructor's lr, last_epoch 0; row k: after k steps), the warmup and horizon boundaries,
// per-group behaviour, and every validation message.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { type AnyScheduler, nemo, scheduleFromConfig, sequential, stepLR, trace } from '../../../src/index.js'
import { expectClose } from '../../helpers/close.js'

/** Group 0's lr of rows 0..n. */
const col = (s: AnyScheduler, n: number, lr = 1): number[] => trace(s, [lr], n).lr.map((r) => r[0] as number)

describe('the loop: row 0 is the constructor (last_epoch 0), row k the lr after k steps', () => {
  test("NeMo's warmup (step + 1) / (warmup + 1): row 0 is already 1 / (warmup + 1), the peak is row `warmup`", () => {
    expect(col(nemo.warmupPolicy({ warmupSteps: 3 }), 5)).toEqual([0.25, 0.5, 0.75, 1, 1, 1])
  })
  test('maxSteps is the last row of the schedule: row maxSteps + 1 on is minLr', () => {
    expect(col(nemo.warmupPolicy({ maxSteps: 2, minLr: 0.5 }), 4, 2)).toEqual([2, 2, 2, 0.5, 0.5])
  })
  test('warmup past maxSteps: the warmup wins until its end, then minLr', () => {
    expect(col(nemo.warmupPolicy({ warmupSteps: 4, maxSteps: 2, minLr: 0.1 }), 6)).toEqual([0.2, 0.4, 0.6, 0.8, 1, 0.1, 0.1])
  })
  test('warmupRatio: int(ratio · maxSteps) steps (0.25 · 10 = 2.5 → 2)', () => {
    expect(col(nemo.warmupPolicy({ warmupRatio: 0.25, maxSteps: 10 }), 3)).toEqual([1 / 3, 2 / 3, 1, 1])
  })
  test('minLr is absolute and shared: every group gets the same lr past maxSteps', () => {
    expect(trace(nemo.warmupPolicy({ maxSteps: 0, minLr: 0.01 }), [1, 0.5], 1).lr).toEqual([[1, 0.5], [0.01, 0.01]])
  })
})

describe('nemo.WarmupHoldPolicy', () => {
  test('the hold counts after the warmup; the initial lr after it too', () => {
    expect(col(nemo.warmupHoldPolicy({ warmupSteps: 1, holdSteps: 2, maxSteps: 4, minLr: 0 }), 6)).toEqual([0.5, 1, 1, 1, 1, 0, 0])
  })
})

describe('nemo.SquareAnnealing', () => {
  test('((max − step) / (max − warmup))² from the warmup, floored at the default minLr 1e-5', () => {
    // warmup 1: 0.5, 1; then step 2..5: ((5 − s) / 4)²: 9/16, 4/16, 1/16, 0 → 1e-5; past 5: 1e-5
    expectClose(col(nemo.squareAnnealing({ warmupSteps: 1, maxSteps: 5 }), 6), [0.5, 1, 9 / 16, 4 / 16, 1 / 16, 1e-5, 1e-5], 1e-15)
  })
})

describe('nemo.SquareRootAnnealing', () => {
  test('((max − step) / max)^0.5 counted from step 0, not from the warmup: a drop at the warmup end', () => {
    // warmup 2: 1/3, 2/3, 1; step 3: √(1/4) = 0.5; step 4: 0
    expectClose(col(nemo.squareRootAnnealing({ warmupSteps: 2, maxSteps: 4 }), 5), [1 / 3, 2 / 3, 1, 0.5, 0, 0], 1e-15)
  })
})

describe('nemo.CosineAnnealing', () => {
  test('constantSteps 0: warmup (step + 1) / (w + 1), cosine from the warmup end to minLr at maxSteps, per group', () => {
    // w 1, max 5: rows 0, 1: 1/2, 1; step s ≥ 2: 0.5 · (1 + cos(π (s − 1) / 4))
    const t = trace(nemo.cosineAnnealing({ warmupSteps: 1, maxSteps: 5 }), [1, 2], 6).lr
    const c = [0.5, 1, (1 + Math.SQRT1_2) / 2, 0.5, (1 - Math.SQRT1_2) / 2, 0, 0]
    expectClose(t.map((r) => r[0] as number), c, 1e-15)
    expectClose(t.map((r) => r[1] as number), c.map((x) => 2 * x), 1e-15)
  })
  test("constantSteps > 0: Megatron's warmup step / w (row 0 at 0), a cosine over max − constant − w, minLr for the constant steps", () => {
    // w 2, constant 2, max 6: decay 2; rows 0..2: 0, 0.5, 1; step 3: 0.5 (cos π/2), step 4: 0 → minLr; 5, 6: minLr; 7: minLr
    expectClose(col(nemo.cosineAnnealing({ warmupSteps: 2, constantSteps: 2, maxSteps: 6, minLr: 0.1 }), 7), [0, 0.5, 1, 0.55, 0.1, 0.1, 0.1, 0.1], 1e-15)
  })
  test('constantSteps > 0: every group gets the first group\'s schedule (NeMo issues #10582, #11149)', () => {
    const t = trace(nemo.cosineAnnealing({ warmupSteps: 2, constantSteps: 2, maxSteps: 6 }), [1, 0.3], 2).lr
    expect(t).toEqual([[0, 0], [0.5, 0.5], [1, 1]])
  })
  test('constantSteps > 0: the first group\'s lr must be above minLr (NeMo asserts max_lr > min_lr)', () => {
    expect(() => trace(nemo.cosineAnnealing({ constantSteps: 2, maxSteps: 6, minLr: 1 }), [1], 1)).toThrow('minLr: expected below the first group\'s initial lr 1')
  })
})

describe('nemo.NoamAnnealing', () => {
  test('dModel^−0.5 · min(step^−0.5, step · w^−1.5) at step = max(1, k): rows 0 and 1 agree; no end', () => {
    // dModel 4: 0.5; w 4: 4^−1.5 = 1/8: rows 0, 1: 1/16, 2: 1/8, 3: 3/16, 4: 1/4, 9: 0.5 / 3
    const t = col(nemo.noamAnnealing({ dModel: 4, warmupSteps: 4 }), 9)
    expectClose(t.slice(0, 5), [1 / 16, 1 / 16, 1 / 8, 3 / 16, 1 / 4], 1e-15)
    expectClose([t[9]!], [0.5 / 3], 1e-15)
  })
  test('minLr floors only after the warmup', () => {
    expectClose(col(nemo.noamAnnealing({ dModel: 1, warmupSteps: 1, minLr: 0.6 }), 4), [1, 1, 0.7071067811865476, 0.6, 0.6], 1e-15)
    expectClose(col(nemo.noamAnnealing({ dModel: 1, warmupSteps: 2, minLr: 0.9 }), 1), [2 ** -1.5, 2 ** -1.5], 1e-15)
  })
})

describe('nemo.NoamHoldAnnealing', () => {
  test('decays from the peak by w^rate / (step − hold)^rate, the hold length (not its end) subtracted', () => {
    // w 2, hold 2, rate 1, max 8: rows 0..2 warmup 1/3, 2/3, 1; 3: hold; step s ≥ 4: 2 / (s − 2)
    expectClose(col(nemo.noamHoldAnnealing({ warmupSteps: 2, holdSteps: 2, decayRate: 1, maxSteps: 8 }), 9), [1 / 3, 2 / 3, 1, 1, 1, 2 / 3, 0.5, 0.4, 1 / 3, 0], 1e-15)
  })
  test('the default decayRate 0.5, floored at minLr', () => {
    // w 4, no hold: step s ≥ 5: √4 / √s
    expectClose(col(nemo.noamHoldAnnealing({ warmupSteps: 4, maxSteps: 100, minLr: 0.8 }), 7).slice(5), [2 / Math.sqrt(5), 2 / Math.sqrt(6), 0.8], 1e-15)
  })
})

describe('nemo.WarmupAnnealing', () => {
  test('linear from the first group\'s lr to minLr at maxSteps, the same lr in every group; the warmup per group', () => {
    // w 1, max 3: warmup rows 0, 1: base / 2, base; step 2: 1 − 1/2 of the first (1), step 3: 0
    expect(trace(nemo.warmupAnnealing({ warmupSteps: 1, maxSteps: 3 }), [1, 0.4], 4).lr).toEqual([[0.5, 0.2], [1, 0.4], [0.5, 0.5], [0, 0], [0, 0]])
  })
})

describe('nemo.InverseSquareRootAnnealing', () => {
  test('base / ((step + 1) / (w + 1))^0.5 after the warmup, minLr past maxSteps', () => {
    // w 1: 0.5, 1; step 2: 1 / √1.5; step 3: 1 / √2; past 3: 0.01
    expectClose(col(nemo.inverseSquareRootAnnealing({ warmupSteps: 1, maxSteps: 3, minLr: 0.01 }), 4), [0.5, 1, 1 / Math.sqrt(1.5), Math.SQRT1_2, 0.01], 1e-15)
  })
})

describe('nemo.T5InverseSquareRootAnnealing', () => {
  test('absolute: 1 / √constantSteps through row constantSteps, then 1 / √step, whatever the groups\' lrs', () => {
    expect(trace(nemo.t5InverseSquareRootAnnealing({ constantSteps: 4, maxSteps: 9, minLr: 0.01 }), [0.1, 7], 10).lr.map((r) => r[1])).toEqual([
      0.5, 0.5, 0.5, 0.5, 0.5, 1 / Math.sqrt(5), 1 / Math.sqrt(6), 1 / Math.sqrt(7), 1 / Math.sqrt(8), 1 / 3, 0.01
    ])
  })
})

describe('nemo.PolynomialDecayAnnealing', () => {
  test('(base − min) · (1 − (step − w) / (max − w))^power + min after the warmup', () => {
    // w 1, max 5, power 2, min 0.2: step s ≥ 2: 0.8 · ((5 − s) / 4)² + 0.2
    expectClose(col(nemo.polynomialDecayAnnealing({ warmupSteps: 1, maxSteps: 5, power: 2, minLr: 0.2 }), 6), [0.5, 1, 0.65, 0.4, 0.25, 0.2, 0.2], 1e-15)
  })
  test('cycle changes nothing before maxSteps', () => {
    expect(col(nemo.polynomialDecayAnnealing({ warmupSteps: 1, maxSteps: 5, cycle: true }), 7)).toEqual(col(nemo.polynomialDecayAnnealing({ warmupSteps: 1, maxSteps: 5 }), 7))
  })
})

describe('nemo.PolynomialHoldDecayAnnealing', () => {
  test('with a hold: decays from the hold end over max − (w + hold)', () => {
    // w 1, hold 1, max 6: 0.5, 1, hold 1; step s ≥ 2: 1 − (s − 2) / 4
    expectClose(col(nemo.polynomialHoldDecayAnnealing({ warmupSteps: 1, holdSteps: 1, maxSteps: 6 }), 7), [0.5, 1, 1, 0.75, 0.5, 0.25, 0, 0], 1e-15)
  })
  test('without a hold the decay counts from step 0 over max − w: it starts below the peak (as NeMo)', () => {
    // w 2, max 6, no hold: step 3: 1 − 3/4, step 4: 1 − min(4, 4)/4 = 0
    expectClose(col(nemo.polynomialHoldDecayAnnealing({ warmupSteps: 2, maxSteps: 6 }), 5), [1 / 3, 2 / 3, 1, 0.25, 0, 0], 1e-15)
  })
  test('without a hold and with cycle, the decay restarts at step max − w', () => {
    // w 2, max 6, cycle: step 5: p = 5 / (4 · 2); step 6: 6 / 8
    expectClose(col(nemo.polynomialHoldDecayAnnealing({ warmupSteps: 2, maxSteps: 6, cycle: true }), 7).slice(3), [0.25, 0, 3 / 8, 2 / 8, 0], 1e-15)
  })
})

describe('composes, and bad arguments are rejected at decode with the field named', () => {
  test('inside sequential', () => {
    expectClose(col(sequential([nemo.warmupPolicy({ warmupSteps: 1 }), stepLR({ stepSize: 1, gamma: 0.5 })], [2]), 4), [0.5, 1, 1, 0.5, 0.25], 1e-15)
  })
  test.each([
    [{ type: 'nemo.WarmupPolicy', warmupSteps: 2, warmupRatio: 0.1, maxSteps: 10 }, 'warmupRatio: expected to be left out when warmupSteps is given (NeMo: "Either use particular number of step or ratio"), got 0.1'],
    [{ type: 'nemo.WarmupPolicy', warmupRatio: 0.1 }, 'warmupRatio: expected to be left out without maxSteps (NeMo: "If there is a ratio, there should be a total steps"), got 0.1'],
    [{ type: 'nemo.WarmupHoldPolicy', maxSteps: 10, holdSteps: 1, holdRatio: 0.1 }, 'holdRatio: expected to be left out when holdSteps is given'],
    [{ type: 'nemo.WarmupHoldPolicy' }, 'maxSteps: missing'],
    [{ type: 'nemo.SquareAnnealing', maxSteps: 0 }, 'maxSteps: expected a positive integer, got 0'],
    [{ type: 'nemo.CosineAnnealing', maxSteps: 10, constantSteps: 10 }, 'constantSteps: expected below maxSteps − warmupSteps without a warmup (NeMo divides by decay_steps = 0 at step 0), got 10'],
    [{ type: 'nemo.CosineAnnealing', maxSteps: 10, constantSteps: 1, constantRatio: 0.1 }, 'constantRatio: expected to be left out when constantSteps is given'],
    [{ type: 'nemo.NoamAnnealing' }, 'dModel: missing'],
    [{ type: 'nemo.NoamAnnealing', dModel: 0 }, 'dModel: expected a finite number > 0, got 0'],
    [{ type: 'nemo.NoamHoldAnnealing', maxSteps: 10 }, 'warmupSteps: missing, expected a warmup of at least 1 step (NeMo: "Noam scheduler cannot be used without warmup steps")'],
    [{ type: 'nemo.NoamHoldAnnealing', maxSteps: 10, warmupRatio: 0.05 }, 'warmupRatio: expected a warmup of at least 1 step'],
    [{ type: 'nemo.NoamHoldAnnealing', maxSteps: 10, warmupSteps: 10, decayRate: 400 }, 'decayRate: expected small enough that warmupSteps^decayRate is finite (NeMo: OverflowError), got 400'],
    [{ type: 'nemo.T5InverseSquareRootAnnealing', maxSteps: 10 }, 'constantSteps: missing'],
    [{ type: 'nemo.T5InverseSquareRootAnnealing', maxSteps: 10, constantSteps: 0 }, 'constantSteps: expected a positive integer, got 0'],
    [{ type: 'nemo.T5InverseSquareRootAnnealing', maxSteps: 10, constantRatio: 0.1 }, 'constantRatio'],
    [{ type: 'nemo.PolynomialDecayAnnealing', maxSteps: 10, power: -1 }, 'power: expected a finite number >= 0, got -1'],
    [{ type: 'nemo.PolynomialHoldDecayAnnealing', maxSteps: 10, warmupSteps: 2, holdSteps: 8 }, 'holdSteps: expected a hold ending before maxSteps (NeMo divides by decay_steps = 0 at maxSteps), got 8'],
    [{ type: 'nemo.InverseSquareRootAnnealing', maxSteps: 10, minLr: -1 }, 'minLr: expected a finite number >= 0, got -1'],
    [{ type: 'nemo.WarmupAnnealing', max_steps: 10 }, 'max_steps']
  ])('%j', (config, message) => {
    expect(() => scheduleFromConfig(config)).toThrow(message)
  })
})

describe("the constructors' @examples give the values their comments show", () => {
  const dir = join(import.meta.dirname, '..', '..', '..', 'src', 'presets', 'nemo')
  const examples = readdirSync(dir)
    .filter((f) => /^[A-Z].*\.ts$/.test(f))
    .map((f) => {
      const m = / \* (trace\(nemo\..*\)\.lr) \/\/ (.*)$/m.exec(readFileSync(join(dir, f), 'utf8'))
      return [f, m?.[1] ?? '', m?.[2] ?? ''] as const
    })
  test('every schedule has one', () => {
    expect(examples).toHaveLength(12)
    for (const [f, code] of examples) expect(code, f).not.toBe('')
  })
  test.each(examples)('%s', (_f, code, shown) => {
    expect(new Function('nemo', 'trace', `return ${code}`)(nemo, trace)).toEqual(JSON.parse(shown))
  })
})
