// What the gallery's configs need besides their JSON, shared by scripts/gallery.mjs and the
// playground (playground/src/): the functions that the LambdaLR/MultiplicativeLR examples name, and
// the metric series the plateau examples run on.

/** The functions the gallery's LambdaLR/MultiplicativeLR configs name (`lrLambda`, `lrMultiplier`). */
export const functions = { invsqrt: (t) => 1 / Math.sqrt(t + 1), decay97: () => 0.97 }

/**
 * A noisy loss that falls, then flattens (plateaus for the ReduceLROnPlateau examples): n values,
 * max(0.3, 2·e^(−k/15)) plus noise in [0, 0.02) from a linear congruential generator (Numerical
 * Recipes' constants 1664525, 1013904223), the same series on every machine.
 */
export const plateauMetrics = (n) => {
  let x = 12345
  return Array.from({ length: n }, (_, k) => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0
    return Math.max(0.3, 2 * Math.exp(-k / 15)) + 0.02 * (x / 2 ** 32)
  })
}
