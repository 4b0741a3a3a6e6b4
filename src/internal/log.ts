/**
 * The natural logarithm rounded correctly to the nearest double, as glibc's `log` (which timm's
 * `math.log` calls) gives it: V8's `Math.log` is off by one unit in the last place on some inputs
 * (`Math.log(3)`), and timm's cycle index `floor(log(x) / log(cycleMul))` turns one unit into a
 * whole cycle at an exact restart (`log(243) / log(3)` is 4.999999999999999 with glibc, 5 with V8).
 *
 * Double-double arithmetic (about 104 bits): `x = m · 2^e` with `m` in [√½, √2), then
 * `log m = 2 atanh(s)`, `s = (m − 1) / (m + 1)`, summed as an odd series in `s`.
 *
 * @internal
 */

// -------------------------------------------------------------------------------------
// double-double primitives (Dekker / Knuth, no fused multiply-add)
// -------------------------------------------------------------------------------------

type DD = readonly [number, number]

const SPLIT = 134217729 // 2^27 + 1

const twoSum = (a: number, b: number): DD => {
  const s = a + b
  const bb = s - a
  return [s, a - (s - bb) + (b - bb)]
}

const quickTwoSum = (a: number, b: number): DD => {
  const s = a + b
  return [s, b - (s - a)]
}

const twoProd = (a: number, b: number): DD => {
  const p = a * b
  let t = SPLIT * a
  const ah = t - (t - a)
  const al = a - ah
  t = SPLIT * b
  const bh = t - (t - b)
  const bl = b - bh
  return [p, ah * bh - p + ah * bl + al * bh + al * bl]
}

const add = (a: DD, b: DD): DD => {
  const [s, e] = twoSum(a[0], b[0])
  const [t, f] = twoSum(a[1], b[1])
  const [s2, e2] = quickTwoSum(s, e + t)
  return quickTwoSum(s2, e2 + f)
}

const mul = (a: DD, b: DD): DD => {
  const [p, e] = twoProd(a[0], b[0])
  return quickTwoSum(p, e + (a[0] * b[1] + a[1] * b[0]))
}

const div = (a: DD, b: DD): DD => {
  const q1 = a[0] / b[0]
  let r = add(a, neg(mul(b, [q1, 0])))
  const q2 = r[0] / b[0]
  r = add(r, neg(mul(b, [q2, 0])))
  const q3 = r[0] / b[0]
  return add(quickTwoSum(q1, q2), [q3, 0])
}

const neg = (a: DD): DD => [-a[0], -a[1]]

// ln 2 to 106 bits
const LN2: DD = [0.6931471805599453, 2.3190468138462996e-17]

// 2 / (2k + 1), k = 0..TERMS-1, as double-doubles: the series is log m = s · Σ c_k s^(2k)
const TERMS = 24
const COEFFICIENTS: ReadonlyArray<DD> = Array.from({ length: TERMS }, (_, k) => div([2, 0], [2 * k + 1, 0]))

const view = new DataView(new ArrayBuffer(8))

/** `[m, e]` with `x = m · 2^e`, `m` in [1, 2) (x positive, finite, normal or subnormal). */
const frexp = (x: number): readonly [number, number] => {
  let scale = 0
  if (x < 2.2250738585072014e-308) {
    x *= 18014398509481984 // 2^54
    scale = -54
  }
  view.setFloat64(0, x)
  const hi = view.getUint32(0)
  const e = ((hi >>> 20) & 0x7ff) - 1023
  view.setUint32(0, (hi & 0x800fffff) | 0x3ff00000)
  return [view.getFloat64(0), e + scale]
}

/**
 * The natural logarithm of `x`, correctly rounded (to about 2^-104 before the final rounding);
 * NaN for negative or NaN inputs, -Infinity at 0, Infinity at Infinity (as `Math.log`).
 */
export const log = (x: number): number => {
  if (!(x > 0) || x === Infinity) return Math.log(x)
  let [m, e] = frexp(x)
  if (m > Math.SQRT2) {
    m /= 2 // exact
    e += 1
  }
  if (m === 1) return e === 0 ? 0 : add(mul(LN2, [e, 0]), [0, 0])[0]
  // s = (m - 1) / (m + 1): m - 1 is exact (Sterbenz), m + 1 is kept exactly as two doubles
  const s = div([m - 1, 0], twoSum(m, 1))
  const z = mul(s, s)
  let p: DD = COEFFICIENTS[TERMS - 1] as DD
  for (let k = TERMS - 2; k >= 0; k--) p = add(mul(p, z), COEFFICIENTS[k] as DD)
  const r = add(mul(LN2, [e, 0]), mul(s, p))
  return r[0] + r[1]
}
