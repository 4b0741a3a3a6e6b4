// Our seeded noise (not timm's torch-generator draws): a pure function of the seed and the step,
// with timm's distributions — a standard normal truncated to (−pct, pct), or a uniform on
// [−pct, pct). The statistical checks run on fixed seeds and steps, so they are deterministic:
// the thresholds are set where a correct generator fails with probability < 1e-3 (and a biased
// or correlated one fails for sure), and they cannot flake.
import { describe, expect, test } from 'vitest'
import { trace } from '../../../src/index.js'
import { uniform } from '../../../src/presets/timm/noise.js'
import { range } from '../../helpers/lists.js'
import { expectScheduleError } from '../../helpers/throws.js'
import { timm } from './common.js'

const N = 40000

/** The standard normal density and its integral over [a, b] (composite Simpson, 200 panels). */
const phi = (x: number): number => Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI)
const integral = (a: number, b: number): number => {
  const n = 200
  const h = (b - a) / n
  let s = phi(a) + phi(b)
  for (let i = 1; i < n; i++) s += (i % 2 === 1 ? 4 : 2) * phi(a + i * h)
  return (s * h) / 3
}

const mean = (xs: ReadonlyArray<number>): number => xs.reduce((a, b) => a + b, 0) / xs.length
const variance = (xs: ReadonlyArray<number>): number => {
  const m = mean(xs)
  return xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1)
}

/** Pearson's χ² of samples in `bins` equal bins of [lo, hi) against the bins' probabilities. */
const chiSquare = (xs: ReadonlyArray<number>, lo: number, hi: number, probabilities: ReadonlyArray<number>): number => {
  const bins = probabilities.length
  const counts = new Array<number>(bins).fill(0)
  for (const x of xs) counts[Math.min(bins - 1, Math.floor(((x - lo) / (hi - lo)) * bins))]! += 1
  return counts.reduce((acc, c, i) => acc + (c - xs.length * probabilities[i]!) ** 2 / (xs.length * probabilities[i]!), 0)
}

// χ² with 19 degrees of freedom exceeds 43.8 with probability 1e-3
const CHI2_19 = 43.8

const truncatedNormalBins = (p: number, bins: number): number[] => {
  const total = integral(-p, p)
  return range(bins, (i) => integral(-p + (2 * p * i) / bins, -p + (2 * p * (i + 1)) / bins) / total)
}

describe('timm noise', () => {
  test('a pure function of seed and step: the same value on every call, whatever was drawn before', () => {
    const a = range(50, (t) => timm.noise(t, { noiseSeed: 3 }))
    const b = range(50, (t) => timm.noise(49 - t, { noiseSeed: 3 })).reverse()
    expect(b).toEqual(a)
    expect(new Set(a).size).toBe(50)
    expect(timm.noise(7, { noiseSeed: 3 })).not.toBe(timm.noise(7, { noiseSeed: 4 }))
  })

  test('pinned values: a config\'s noise must not change between releases', () => {
    // regression pins of the generator's output (MurmurHash3 of seed, step and draw index), not
    // values derived by hand: a change here changes every noisy schedule
    expect([timm.noise(0), timm.noise(1), timm.noise(1000, { noiseSeed: -7, noisePct: 2 }), timm.noise(5, { noiseType: 'uniform' })]).toEqual([
      -0.6587563823982912, 0.09958356379471302, -1.0151038919735138, -0.3575613873361117
    ])
  })

  test('normal (pct 0.67, timm\'s default): always inside (−0.67, 0.67), mean 0, the truncated normal\'s variance and histogram', () => {
    const p = 0.67
    const xs = range(N, (t) => timm.noise(t))
    expect(xs.every((x) => Math.abs(x) < p)).toBe(true)
    // truncated to (−p, p): variance 1 − 2 p φ(p) / (2 Φ(p) − 1) ≈ 0.1358
    const v = 1 - (2 * p * phi(p)) / integral(-p, p)
    expect(Math.abs(mean(xs))).toBeLessThan(4 * Math.sqrt(v / N))
    expect(Math.abs(variance(xs) - v)).toBeLessThan(0.02 * v)
    expect(chiSquare(xs, -p, p, truncatedNormalBins(p, 20))).toBeLessThan(CHI2_19)
  })

  test('normal with pct 2.5 (the Box–Muller branch): inside (−2.5, 2.5), the truncated normal\'s variance and histogram', () => {
    const p = 2.5
    const xs = range(N, (t) => timm.noise(t, { noiseSeed: 11, noisePct: p }))
    expect(xs.every((x) => Math.abs(x) < p)).toBe(true)
    const v = 1 - (2 * p * phi(p)) / integral(-p, p)
    expect(Math.abs(mean(xs))).toBeLessThan(4 * Math.sqrt(v / N))
    expect(Math.abs(variance(xs) - v)).toBeLessThan(0.03 * v)
    expect(chiSquare(xs, -p, p, truncatedNormalBins(p, 20))).toBeLessThan(CHI2_19)
  })

  test('uniform: inside [−pct, pct), mean 0, variance pct² / 3, a flat histogram', () => {
    const p = 0.3
    const xs = range(N, (t) => timm.noise(t, { noiseType: 'uniform', noisePct: p, noiseSeed: 123 }))
    expect(xs.every((x) => x >= -p && x < p)).toBe(true)
    expect(Math.abs(mean(xs))).toBeLessThan(4 * Math.sqrt((p * p) / 3 / N))
    expect(Math.abs(variance(xs) - (p * p) / 3)).toBeLessThan(0.02 * ((p * p) / 3))
    expect(chiSquare(xs, -p, p, range(20, () => 1 / 20))).toBeLessThan(CHI2_19)
  })

  test('no correlation between neighbouring steps, nor between neighbouring seeds at one step', () => {
    const corr = (xs: ReadonlyArray<number>, ys: ReadonlyArray<number>): number => {
      const mx = mean(xs)
      const my = mean(ys)
      let sxy = 0
      let sxx = 0
      let syy = 0
      xs.forEach((x, i) => {
        const y = ys[i] as number
        sxy += (x - mx) * (y - my)
        sxx += (x - mx) ** 2
        syy += (y - my) ** 2
      })
      return sxy / Math.sqrt(sxx * syy)
    }
    const xs = range(N + 1, (t) => timm.noise(t, { noiseSeed: 9 }))
    expect(Math.abs(corr(xs.slice(0, N), xs.slice(1)))).toBeLessThan(4 / Math.sqrt(N))
    const bySeed = range(N + 1, (seed) => timm.noise(17, { noiseSeed: seed }))
    expect(Math.abs(corr(bySeed.slice(0, N), bySeed.slice(1)))).toBeLessThan(4 / Math.sqrt(N))
    expect(chiSquare(bySeed, -0.67, 0.67, truncatedNormalBins(0.67, 20))).toBeLessThan(CHI2_19)
  })

  test('the underlying uniforms are in [0, 1) and use their 53 bits (no two equal among 100000)', () => {
    const us = range(100000, (j) => uniform(42, 0, j))
    expect(us.every((u) => u >= 0 && u < 1)).toBe(true)
    expect(new Set(us).size).toBe(100000)
    expect(us.some((u) => u * 2 ** 53 !== Math.round(u * 2 ** 32) * 2 ** 21)).toBe(true)
  })

  test('seeds: any safe integer, negative ones and those past 2^32 included, and distinct seeds give distinct noise', () => {
    const seeds = [0, 1, -1, 2 ** 32, 2 ** 32 + 1, -(2 ** 40), Number.MAX_SAFE_INTEGER]
    const values = seeds.map((noiseSeed) => timm.noise(3, { noiseSeed }))
    expect(new Set(values).size).toBe(seeds.length)
  })

  test('in a schedule: every group of a step gets the same relative noise, lr + lr · noise(t)', () => {
    const t = trace(timm.step({ decayT: 100, noiseRangeT: 0, noisePct: 0.5, noiseSeed: 1 }), [1, 0.001], 20)
    // row 0 is what timm's constructor leaves: the base lrs, without noise (only step() adds it)
    expect(t.lr[0]).toEqual([1, 0.001])
    t.lr.slice(1).forEach((row, j) => {
      const n = timm.noise(j + 1, { noiseSeed: 1, noisePct: 0.5 })
      expect(row).toEqual([1 + n, 0.001 + 0.001 * n])
    })
  })

  test('noiseRangeT: a number is "from that step on", [from, to) a window; fractional bounds as timm compares them', () => {
    const noisy = (noiseRangeT: number | readonly [number, number]) =>
      trace(timm.step({ decayT: 100, noiseRangeT }), [1], 8).lr.map((r) => r[0] !== 1)
    expect(noisy(5)).toEqual([false, false, false, false, false, true, true, true, true])
    expect(noisy([2, 4])).toEqual([false, false, true, true, false, false, false, false, false])
    expect(noisy([2.5, 4.5])).toEqual([false, false, false, true, true, false, false, false, false])
    expect(noisy([6, 2])).toEqual(range(9, () => false))
  })

  test('validation', () => {
    expectScheduleError(() => timm.noise(-1), 't: expected a non-negative integer, got -1')
    expectScheduleError(() => timm.noise(0.5), 't: expected a non-negative integer, got 0.5')
    expectScheduleError(() => timm.noise(0, { noisePct: 0 }), 'noisePct: expected a finite number > 0, got 0')
    expectScheduleError(() => timm.noise(0, { noiseSeed: 0.5 }), 'noiseSeed: expected an integer (|n| < 2^53), got 0.5')
    expectScheduleError(() => timm.noise(0, { noiseType: 'cauchy' as 'normal' }), 'noiseType: expected one of "normal", "uniform", got "cauchy"')
  })
})
