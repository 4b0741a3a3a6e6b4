/**
 * Seeded lr noise for the timm presets: a pure function of the seed and the step.
 *
 * timm draws its noise from torch's generator (`torch.Generator().manual_seed(noise_seed + t)`,
 * then `randn` until `|n| < noise_pct`, or `rand` for uniform noise). This module draws from the
 * same distributions — a standard normal truncated to (−pct, pct), or a uniform on [−pct, pct) —
 * with its own counter-based generator (MurmurHash3 of seed, step and draw index), so the numbers
 * are not bit-compatible with timm's, but they are reproducible from the config alone: the noise
 * at step t does not depend on the steps before it, on the platform, or on how the run was
 * resumed.
 *
 * @since 0.1.0
 */
import { ScheduleError } from '../../core/errors.js'
import { nonNegativeInteger, oneOf, positive, withDefault } from '../../core/validate.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The noise of a step: its seed, its bound and its distribution (timm's `noise_seed`,
 * `noise_pct`, `noise_type`; defaults 42, 0.67, `normal`).
 *
 * @example
 * import { timm } from 'lr-schedule'
 * const o: timm.NoiseOptions = { noiseSeed: 7, noisePct: 0.1, noiseType: 'uniform' }
 *
 * @category model
 * @since 0.1.0
 */
export interface NoiseOptions {
  readonly noiseSeed?: number
  readonly noisePct?: number
  readonly noiseType?: 'normal' | 'uniform'
}

// -------------------------------------------------------------------------------------
// generator
// -------------------------------------------------------------------------------------

const rotl = (x: number, r: number): number => (x << r) | (x >>> (32 - r))

/** MurmurHash3 (x86, 32 bits) of 32-bit words. */
const murmur3 = (w0: number, w1: number, w2: number, w3: number, w4: number, seed: number): number => {
  let h = seed | 0
  const mixIn = (w: number): void => {
    let k = Math.imul(w | 0, 0xcc9e2d51)
    k = rotl(k, 15)
    k = Math.imul(k, 0x1b873593)
    h ^= k
    h = rotl(h, 13)
    h = (Math.imul(h, 5) + 0xe6546b64) | 0
  }
  mixIn(w0)
  mixIn(w1)
  mixIn(w2)
  mixIn(w3)
  mixIn(w4)
  h ^= 20 // length in bytes
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

const TWO_32 = 4294967296

/** The low and high 32-bit words of a safe integer (two's complement for negative ones). */
const low = (x: number): number => x >>> 0
const high = (x: number): number => Math.floor(x / TWO_32) >>> 0

/**
 * A uniform number in [0, 1) with 53 random bits: a pure function of the seed (any safe
 * integer), the step `t` (a non-negative safe integer) and the index `j` of the draw within the step.
 *
 * @internal
 */
export const uniform = (seed: number, t: number, j: number): number => {
  const a = murmur3(low(seed), high(seed), low(t), high(t), j, 0x2545f491) >>> 5 // 27 bits
  const b = murmur3(low(seed), high(seed), low(t), high(t), j, 0x9e3779b9) >>> 6 // 26 bits
  return (a * 67108864 + b) / 9007199254740992
}

/**
 * A standard normal truncated to (−pct, pct), by rejection with a bounded expected cost: a
 * uniform proposal on the interval accepted with probability `exp(−z²/2)` when `pct <= 1`
 * (acceptance >= 0.85), a Box–Muller normal accepted inside the interval otherwise (acceptance
 * >= 0.68). Both give exactly the truncated normal's distribution.
 */
const truncatedNormal = (seed: number, t: number, pct: number): number => {
  for (let j = 0; ; j += 2) {
    const u = uniform(seed, t, j)
    const v = uniform(seed, t, j + 1)
    if (pct <= 1) {
      const z = (2 * u - 1) * pct
      if (z > -pct && v < Math.exp((-z * z) / 2)) return z
    } else {
      const z = Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v)
      if (Math.abs(z) < pct) return z
    }
  }
}

/**
 * The noise at step `t` with checked arguments (the schedules' fast path).
 *
 * @internal
 */
export const noiseAt = (seed: number, t: number, pct: number, type: 'normal' | 'uniform'): number =>
  type === 'uniform' ? 2 * (uniform(seed, t, 0) - 0.5) * pct : truncatedNormal(seed, t, pct)

/**
 * An integer (a seed): any safe integer.
 *
 * @internal
 */
export const integer = (path: string, v: unknown): number => {
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw new ScheduleError(path, 'an integer (|n| < 2^53)', v)
  return v
}

// -------------------------------------------------------------------------------------
// utils
// -------------------------------------------------------------------------------------

/**
 * The relative lr noise of step `t` (timm applies `lr + lr · noise`): a standard normal truncated
 * to (−noisePct, noisePct), or a uniform on [−noisePct, noisePct); a pure function of the seed and
 * the step. Not bit-compatible with timm's torch-generator draws (same distributions).
 *
 * @example
 * import { timm } from 'lr-schedule'
 * const n = timm.noise(10, { noiseSeed: 42, noisePct: 0.1 }) // the same number on every call, |n| < 0.1
 *
 * @category utils
 * @since 0.1.0
 */
export const noise = (t: number, options: NoiseOptions = {}): number => {
  nonNegativeInteger('t', t)
  const seed = integer('noiseSeed', withDefault(options.noiseSeed, 42))
  const pct = positive('noisePct', withDefault(options.noisePct, 0.67))
  const type = oneOf('noiseType', withDefault(options.noiseType, 'normal'), ['normal', 'uniform'] as const)
  return noiseAt(seed, t, pct, type)
}
