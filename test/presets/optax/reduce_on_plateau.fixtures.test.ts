// Replays every trace that scripts/gen_optax_contrib_fixtures.py recorded from optax 0.2.8's
// optax.contrib.reduce_on_plateau (jax in 64-bit mode: float64 scale and best value, int32 counters).
//
// Bar: |ours - optax| <= 1e-12 · |optax|, no absolute floor. The transformation has no
// transcendental function: every value is `lr · scale`, the scale a product of `factor`s (or
// `minScale`), the decisions comparisons of float64 averages computed in optax's operation order
// (`(count · avg + value) / (count + 1)`, `(1 − rtol) · best − atol`). XLA's float64 +, ·, / and
// comparisons are IEEE operations like V8's, so the traces agree bit for bit (measured: 0); 1e-12
// is the suite's bar, kept for a reordering XLA might do in a later version.
import { join } from 'node:path'
import { replayMetricFixture } from '../../helpers/replayMetrics.js'

replayMetricFixture(join(import.meta.dirname, '..', '..', 'fixtures', 'optax', 'contrib', 'reduce_on_plateau.json'), 'optax', { rel: 1e-12, abs: 0 })
