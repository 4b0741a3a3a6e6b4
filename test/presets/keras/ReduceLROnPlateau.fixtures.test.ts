// Replays every trace that scripts/gen_keras_callbacks_fixtures.py recorded from Keras 3.15's
// ReduceLROnPlateau callback (jax backend, float32: real SGD optimizers' learning_rate variables).
//
// Bar: |ours - keras| <= 1e-12 · |keras|. Keras keeps the lr in float32; a float64 reimplementation
// would differ from it by up to half a float32 ulp (2^-24 ≈ 6e-8 relative) at every rounding, and
// compare improvements differently where a metric differs from the best by less than a float32 ulp.
// lr-schedule rounds where Keras rounds (Math.fround: the optimizer's variable at the start and
// after each reduction, both sides of a comparison, `np.float32(min_lr)`), and computes in float64
// where Keras computes with Python floats (`old_lr * factor`, `max(new_lr, min_lr)`,
// `value - min_delta`): every step is then the same correctly rounded operation on the same
// numbers, so the traces agree bit for bit, and 1e-12 (no absolute floor) holds with room to spare
// (measured: 0). The float32 bound is what the rounding would cost without it; the case
// `float32-comparison` (metrics 1 − k·1e-9, improvements in float64 only) shows the comparisons too.
import { join } from 'node:path'
import { replayMetricFixture } from '../../helpers/replayMetrics.js'

replayMetricFixture(join(import.meta.dirname, '..', '..', 'fixtures', 'keras', 'callbacks', 'ReduceLROnPlateau.json'), 'keras', { rel: 1e-12, abs: 0 })
