// The named functions that fixtures refer to (scripts/FIXTURE-FORMAT.md). Each is written with the
// same operations, in the same order, as the Python twin in scripts/gen_pytorch_fixtures.py.
export const lrLambdas: Readonly<Record<string, (e: number) => number>> = {
  exp95: (e) => 0.95 ** e,
  warmup10: (e) => Math.min(1.0, (e + 1) / 10),
  invsqrt: (e) => 1 / Math.sqrt(e + 1),
  step30: (e) => 0.5 ** Math.floor(e / 30),
  linear1000: (e) => Math.max(0.0, 1 - e / 1000)
}

export const multiplicativeLambdas: Readonly<Record<string, (e: number) => number>> = {
  const95: () => 0.95,
  const999: () => 0.999,
  alternate: (e) => (e % 2 === 1 ? 0.9 : 1.05),
  slowdecay: (e) => 1 / (1 + 0.001 * e)
}

export const scaleFns: Readonly<Record<string, (x: number) => number>> = {
  decay99: (x) => 0.99 ** x,
  halving: (x) => 1 / 2.0 ** (x - 1),
  invsqrt: (x) => 1 / Math.sqrt(x + 1)
}
