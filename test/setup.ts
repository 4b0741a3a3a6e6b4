// fast-check's seed comes from FC_SEED when set (CI pins it so a failure can be replayed:
// `FC_SEED=<seed> npm test`); fast-check prints the seed and the counterexample path on failure.
import fc from 'fast-check'

const raw = process.env['FC_SEED']
if (raw !== undefined && raw !== '') {
  const seed = Number(raw)
  if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer, got ${raw}`)
  fc.configureGlobal({ seed })
}
