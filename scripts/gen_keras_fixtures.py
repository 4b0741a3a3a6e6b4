#!/usr/bin/env python3
"""Generate the Keras reference fixtures in test/fixtures/keras/*.json.

Run from the repository root with the reference virtual environment:

    KERAS_BACKEND=jax .venv-ref/bin/python scripts/gen_keras_fixtures.py

(the script sets KERAS_BACKEND=jax itself when it is unset). One file per schedule of
`keras.optimizers.schedules` (Keras 3.15): ExponentialDecay, PiecewiseConstantDecay,
PolynomialDecay, InverseTimeDecay, CosineDecay, CosineDecayRestarts. The format is the PyTorch
fixtures' (scripts/FIXTURE-FORMAT.md) with `library`/`version` instead of `torch`, and per case:

- `config`: our declarative config (`{"type": "keras.<Class>", ...}`, Keras's arguments in
  camelCase; arguments with a Keras default are sometimes left out, so the TypeScript side must
  apply Keras's defaults);
- `kerasConfig`: the raw Keras dict of the same schedule, captured from Keras itself: either
  `keras.optimizers.schedules.serialize(schedule)` (Keras 3's
  `{"module", "class_name", "config", "registered_name"}`) or `{"class_name", "config":
  schedule.get_config()}` (the Keras 2 / tf.keras form), alternating; `fromKerasConfig` must turn it
  into a config that builds the same schedule;
- `groups`: 1 or 2 param groups; their lrs are ignored (Keras schedules are absolute values);
- `lr`: `steps + 1` rows, row k = the schedule's value at optimizer step k, for every group;
- `floatLogRows` (CosineDecayRestarts only, when non-empty): rows where Keras's period index
  `floor(log(1 - f·(1 - t_mul)) / log(t_mul))` lands on the wrong side of an integer because of the
  float logarithm (e.g. glibc's log(243) / log(3) = 4.999999999999999), so Keras places an exact
  restart step at the end of the previous period (lr = the floor). lr-schedule restarts there
  (docs/presets/keras.md); the test checks those rows separately.

Numerics. Keras computes in the dtype of `initial_learning_rate`, float32 by default. The fixtures
need float64: jax runs in 64-bit mode (`jax_enable_x64`), `keras.config.set_floatx("float64")`
makes Python floats float64 tensors, and one Keras type-promotion rule is switched off:
`keras.src.backend.common.dtypes.BIT64_TO_BIT32_DTYPE` maps float64 to float32 on every backend but
TensorFlow ("to be aligned with JAX's default behavior"), so `ops.cos`, `ops.floor` and `ops.ceil`
of a float64 tensor would compute in float32 even with x64 enabled (CosineDecay's cosine would
carry 7 digits). With the mapping set to float64, every operation of the schedules runs in
float64, which is what Keras computes on the TensorFlow backend in float64. The schedules' own
code (formulas and operation order) is untouched. The script asserts that every value is float64.

Steps. The value at step k is `schedule(k)` called eagerly with k in the dtype of a Keras
optimizer's `iterations` variable (int32 here), exactly what `optimizer.learning_rate` computes
(checked on a few steps per case through a real `keras.optimizers.SGD`). Eager scalar calls are the
reference: `jax.vmap` over the steps would use XLA's vectorised cos/pow, which differ from the scalar
ones in the last bits. Scalar calls of the schedules with `ops.cond` are slow (~0.1 s), so the six
files are computed in parallel processes.

Deterministic: every random choice comes from random.Random seeded with SEED and the schedule name.
"""

from __future__ import annotations

import json
import fixturelib  # noqa: E402  (scripts/fixturelib.py: the layout of the committed files)
import math
import os
import random
import sys
from concurrent.futures import ProcessPoolExecutor
import multiprocessing

os.environ.setdefault("KERAS_BACKEND", "jax")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import jax  # noqa: E402

jax.config.update("jax_enable_x64", True)

import keras  # noqa: E402
import numpy as np  # noqa: E402
from keras.optimizers import schedules as S  # noqa: E402
from keras.src.backend.common import dtypes as keras_dtypes  # noqa: E402

keras.config.set_floatx("float64")
keras_dtypes.BIT64_TO_BIT32_DTYPE["float64"] = "float64"

SEED = 20261125
GENERATOR = "scripts/gen_keras_fixtures.py"
EXPECTED_KERAS = "3.15.1"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_DIR = os.path.join(ROOT, "test", "fixtures", "keras")

N_RANDOM = 18  # random configs per schedule (>= 15 required), besides the edge cases
P_OMIT = 0.12  # probability of leaving out an argument that has a Keras default

# camelCase config key -> Keras keyword argument, per class (the order of Keras's signature).
ARG_NAMES = {
    "ExponentialDecay": {
        "initialLearningRate": "initial_learning_rate",
        "decaySteps": "decay_steps",
        "decayRate": "decay_rate",
        "staircase": "staircase",
    },
    "PiecewiseConstantDecay": {"boundaries": "boundaries", "values": "values"},
    "PolynomialDecay": {
        "initialLearningRate": "initial_learning_rate",
        "decaySteps": "decay_steps",
        "endLearningRate": "end_learning_rate",
        "power": "power",
        "cycle": "cycle",
    },
    "InverseTimeDecay": {
        "initialLearningRate": "initial_learning_rate",
        "decaySteps": "decay_steps",
        "decayRate": "decay_rate",
        "staircase": "staircase",
    },
    "CosineDecay": {
        "initialLearningRate": "initial_learning_rate",
        "decaySteps": "decay_steps",
        "alpha": "alpha",
        "warmupTarget": "warmup_target",
        "warmupSteps": "warmup_steps",
    },
    "CosineDecayRestarts": {
        "initialLearningRate": "initial_learning_rate",
        "firstDecaySteps": "first_decay_steps",
        "tMul": "t_mul",
        "mMul": "m_mul",
        "alpha": "alpha",
    },
}

# Arguments with a Keras default (they may be left out of `config`).
OPTIONAL = {
    "ExponentialDecay": {"staircase"},
    "PiecewiseConstantDecay": set(),
    "PolynomialDecay": {"endLearningRate", "power", "cycle"},
    "InverseTimeDecay": {"staircase"},
    "CosineDecay": {"alpha", "warmupTarget", "warmupSteps"},
    "CosineDecayRestarts": {"tMul", "mMul", "alpha"},
}


def sig(x, digits=6):
    """Rounds to `digits` significant digits (readable configs)."""
    return float(f"{x:.{digits}g}")


def log_uniform(rng, lo, hi):
    return sig(10 ** rng.uniform(math.log10(lo), math.log10(hi)))


# ---------------------------------------------------------------------------------------------
# Running Keras
# ---------------------------------------------------------------------------------------------

STEP_DTYPE = None
DEFAULT_NAME = object()  # leave `name` to Keras's default


def step_dtype():
    """The dtype of a Keras optimizer's step counter (what optimizer.learning_rate passes)."""
    global STEP_DTYPE
    if STEP_DTYPE is None:
        STEP_DTYPE = np.dtype(keras.optimizers.SGD(learning_rate=0.1).iterations.dtype)
    return STEP_DTYPE


def build(cls, config, name=DEFAULT_NAME):
    kwargs = {ARG_NAMES[cls][k]: v for k, v in config.items()}
    if name is not DEFAULT_NAME:
        kwargs["name"] = name
    return getattr(S, cls)(**kwargs)


def value(schedule, k):
    v = schedule(np.asarray(k, dtype=step_dtype()))
    assert str(v.dtype) == "float64", f"{type(schedule).__name__}({k}) has dtype {v.dtype}"
    return float(v)


def check_optimizer(schedule, lrs, steps):
    """optimizer.learning_rate at iterations = k is the recorded row k (a few steps)."""
    opt = keras.optimizers.SGD(learning_rate=schedule)
    for k in sorted({0, 1, steps // 3, steps // 2, steps}):
        opt.iterations.assign(k)
        got = float(opt.learning_rate)
        assert got == lrs[k], f"optimizer.learning_rate at step {k}: {got} != {lrs[k]}"


def keras_dict(schedule, form):
    """The raw Keras serialization of a schedule, as a JSON-compatible dict."""
    if form == "serialize":
        d = S.serialize(schedule)
        assert set(d) == {"module", "class_name", "config", "registered_name"}, d
    else:
        d = {"class_name": type(schedule).__name__, "config": schedule.get_config()}
    d = json.loads(json.dumps(d))
    # it is what Keras reads back: deserialize gives the same schedule
    again = S.deserialize(json.loads(json.dumps(d)))
    assert again.get_config() == schedule.get_config(), (again.get_config(), schedule.get_config())
    return d


def float_log_rows(config, steps):
    """CosineDecayRestarts: rows where floor(log(x) / log(t_mul)) (the float log Keras computes, the
    same libm log as CPython's math.log) disagrees with the period the period sums put the step in."""
    t = config.get("tMul", 2.0)
    if t == 1.0:
        return []
    d = float(config["firstDecaySteps"])

    def start(n):  # Keras's sum_r: where period n starts, in units of first_decay_steps
        return (1.0 - t**n) / (1.0 - t)

    rows = []
    for k in range(steps + 1):
        f = float(k) / d
        i = math.floor(math.log(1.0 - f * (1.0 - t)) / math.log(t))
        j = i
        while f >= start(j + 1):
            j += 1
        while j > 0 and f < start(j):
            j -= 1
        if j != i:
            rows.append(k)
    return rows


def make_case(cls, name, config, groups, steps, form, keras_name):
    full = {"type": f"keras.{cls}", **config}
    schedule = build(cls, config, keras_name)
    lrs = [value(schedule, k) for k in range(steps + 1)]
    check_optimizer(schedule, lrs, steps)
    case = {
        "name": f"{cls}/{name}",
        "config": full,
        "kerasConfig": keras_dict(schedule, form),
        "groups": groups,
        "steps": steps,
    }
    if cls == "CosineDecayRestarts":
        rows = float_log_rows(config, steps)
        if rows:
            case["floatLogRows"] = rows
    case["lr"] = [[v] * len(groups) for v in lrs]
    return case


# ---------------------------------------------------------------------------------------------
# Configs
# ---------------------------------------------------------------------------------------------


def random_groups(rng):
    return [{"lr": log_uniform(rng, 1e-4, 1.0)} for _ in range(rng.choice([1, 1, 2]))]


def omit_some(rng, cls, config, keep=()):
    """Leaves out arguments that have a Keras default, with probability P_OMIT each."""
    return {k: v for k, v in config.items() if k in keep or k not in OPTIONAL[cls] or rng.random() >= P_OMIT}


def decay_steps(rng, steps):
    """Mostly an integer within or around the horizon, sometimes a non-integer (Keras only checks > 0)."""
    r = rng.random()
    if r < 0.1:
        return sig(rng.uniform(0.5, steps), 4)
    if r < 0.2:
        return rng.randint(steps + 1, 3 * steps)
    return rng.randint(1, steps)


def exponential(rng, i, steps):
    rate = rng.choice([sig(rng.uniform(0.05, 1.0)), sig(rng.uniform(0.05, 1.0)), sig(rng.uniform(1.0, 1.3))])
    ds = decay_steps(rng, steps)
    # keep the total decay within [1e-60, 1e6]
    if rate < 1:
        ds = max(ds, math.ceil(steps * math.log(rate) / math.log(1e-60)))
    else:
        ds = max(ds, math.ceil(steps * math.log(rate) / math.log(1e6)))
    return {
        "initialLearningRate": log_uniform(rng, 1e-5, 1.0),
        "decaySteps": ds,
        "decayRate": rate,
        "staircase": rng.random() < 0.5,
    }


def piecewise(rng, i, steps):
    n = rng.randint(1, 6)
    bs = sorted(rng.sample(range(0, steps + 50), n))
    return {"boundaries": bs, "values": [log_uniform(rng, 1e-5, 1.0) for _ in range(n + 1)]}


def polynomial(rng, i, steps):
    init = log_uniform(rng, 1e-4, 1.0)
    end = rng.choice([sig(init * rng.uniform(0, 0.5)), 0.0, sig(init * rng.uniform(0, 1e-2)), sig(init * rng.uniform(1.0, 3.0))])
    power = rng.choice([1.0, 0.5, 2.0, 0.0, sig(rng.uniform(0, 3))])
    return {
        "initialLearningRate": init,
        "decaySteps": decay_steps(rng, steps),
        "endLearningRate": end,
        "power": power,
        "cycle": i % 2 == 1,
    }


def inverse_time(rng, i, steps):
    return {
        "initialLearningRate": log_uniform(rng, 1e-5, 1.0),
        "decaySteps": decay_steps(rng, steps),
        "decayRate": rng.choice([sig(rng.uniform(0, 1)), sig(rng.uniform(0, 5)), sig(rng.uniform(0, 20))]),
        "staircase": rng.random() < 0.5,
    }


def cosine(rng, i, steps):
    init = log_uniform(rng, 1e-5, 1.0)
    config = {
        "initialLearningRate": init,
        "decaySteps": decay_steps(rng, steps),
        "alpha": rng.choice([0.0, sig(rng.uniform(0, 0.5)), sig(rng.uniform(0, 0.01))]),
    }
    kind = i % 3  # no warmup, warmup up from a small lr, warmup to a target below the initial lr
    if kind == 1:
        config["initialLearningRate"] = rng.choice([0.0, sig(init * rng.uniform(0, 0.1))])
        config["warmupTarget"] = init
        config["warmupSteps"] = rng.randint(0, steps // 2)
    elif kind == 2:
        config["warmupTarget"] = sig(init * rng.uniform(0.1, 1.0))
        config["warmupSteps"] = rng.randint(1, steps)
    return config


def restarts(rng, i, steps):
    t = [1.0, 2.0, 3.0, 1.5, sig(rng.uniform(1.0, 3.0), 4)][i % 5]
    return {
        "initialLearningRate": log_uniform(rng, 1e-5, 1.0),
        "firstDecaySteps": rng.choice([rng.randint(1, 20), rng.randint(1, steps // 2), sig(rng.uniform(1, 30), 4)]),
        "tMul": t,
        "mMul": rng.choice([1.0, sig(rng.uniform(0.3, 1.0)), sig(rng.uniform(0.3, 1.0))]),
        "alpha": rng.choice([0.0, sig(rng.uniform(0, 0.3))]),
    }


RANDOM = {
    "ExponentialDecay": exponential,
    "PiecewiseConstantDecay": piecewise,
    "PolynomialDecay": polynomial,
    "InverseTimeDecay": inverse_time,
    "CosineDecay": cosine,
    "CosineDecayRestarts": restarts,
}

# Edge cases: (name, config, steps). Forced coverage, on top of the random configs.
EDGES = {
    "ExponentialDecay": [
        ("staircase-every-step", {"initialLearningRate": 0.1, "decaySteps": 1, "decayRate": 0.9, "staircase": True}, 60),
        ("staircase", {"initialLearningRate": 0.5, "decaySteps": 10, "decayRate": 0.5, "staircase": True}, 100),
        ("continuous", {"initialLearningRate": 0.5, "decaySteps": 10, "decayRate": 0.5}, 100),
        ("rate-1", {"initialLearningRate": 0.01, "decaySteps": 7, "decayRate": 1.0}, 50),
        ("rate-0", {"initialLearningRate": 0.01, "decaySteps": 7, "decayRate": 0.0, "staircase": True}, 50),
        ("rate-0-continuous", {"initialLearningRate": 0.01, "decaySteps": 7, "decayRate": 0.0}, 50),
        ("growth", {"initialLearningRate": 1e-4, "decaySteps": 25, "decayRate": 1.5}, 200),
        ("fractional-decay-steps", {"initialLearningRate": 0.3, "decaySteps": 2.5, "decayRate": 0.8, "staircase": True}, 120),
        ("docstring", {"initialLearningRate": 0.1, "decaySteps": 100000, "decayRate": 0.96, "staircase": True}, 50),
    ],
    "PiecewiseConstantDecay": [
        ("docstring-like", {"boundaries": [100, 110], "values": [1.0, 0.5, 0.1]}, 150),
        ("boundary-0", {"boundaries": [0], "values": [0.1, 0.01]}, 50),
        ("single", {"boundaries": [10], "values": [0.1, 0.01]}, 50),
        ("consecutive", {"boundaries": [5, 6, 7], "values": [0.4, 0.3, 0.2, 0.1]}, 50),
        ("past-horizon", {"boundaries": [20, 500], "values": [0.1, 0.05, 0.01]}, 100),
        ("negative-boundary", {"boundaries": [-1, 3], "values": [1.0, 0.5, 0.25]}, 50),
        ("fractional-boundaries", {"boundaries": [-0.5, 10.2, 10.7, 20.9], "values": [1.0, 0.5, 0.25, 0.125, 0.0625]}, 50),
        ("rising", {"boundaries": [10, 20], "values": [0.001, 0.01, 0.1]}, 60),
    ],
    "PolynomialDecay": [
        ("defaults", {"initialLearningRate": 0.1, "decaySteps": 50}, 100),
        ("cycle-step-0", {"initialLearningRate": 0.1, "decaySteps": 10, "endLearningRate": 0.01, "power": 2.0, "cycle": True}, 60),
        ("cycle-every-step", {"initialLearningRate": 0.1, "decaySteps": 1, "endLearningRate": 0.01, "cycle": True}, 50),
        ("no-cycle-past-horizon", {"initialLearningRate": 0.1, "decaySteps": 30, "endLearningRate": 0.01, "power": 0.5}, 100),
        ("power-0", {"initialLearningRate": 0.1, "decaySteps": 20, "endLearningRate": 0.01, "power": 0.0}, 50),
        ("power-0-cycle", {"initialLearningRate": 0.1, "decaySteps": 20, "endLearningRate": 0.01, "power": 0.0, "cycle": True}, 50),
        ("rising", {"initialLearningRate": 0.001, "decaySteps": 40, "endLearningRate": 0.1, "power": 1.0}, 80),
        ("fractional-decay-steps-cycle", {"initialLearningRate": 0.1, "decaySteps": 7.5, "endLearningRate": 0.0, "power": 1.5, "cycle": True}, 80),
        ("docstring", {"initialLearningRate": 0.1, "decaySteps": 10000, "endLearningRate": 0.01, "power": 0.5}, 50),
    ],
    "InverseTimeDecay": [
        ("docstring", {"initialLearningRate": 0.1, "decaySteps": 1.0, "decayRate": 0.5}, 100),
        ("staircase", {"initialLearningRate": 0.1, "decaySteps": 10, "decayRate": 0.5, "staircase": True}, 100),
        ("rate-0", {"initialLearningRate": 0.1, "decaySteps": 10, "decayRate": 0.0}, 50),
        ("fractional-decay-steps-staircase", {"initialLearningRate": 0.2, "decaySteps": 3.5, "decayRate": 2.0, "staircase": True}, 80),
        ("long-horizon", {"initialLearningRate": 1.0, "decaySteps": 1000, "decayRate": 1.0}, 400),
    ],
    "CosineDecay": [
        ("no-warmup-past-horizon", {"initialLearningRate": 0.1, "decaySteps": 50}, 120),
        ("alpha-past-horizon", {"initialLearningRate": 0.1, "decaySteps": 50, "alpha": 0.1}, 120),
        ("decay-steps-1", {"initialLearningRate": 0.1, "decaySteps": 1, "alpha": 0.05}, 50),
        ("warmup", {"initialLearningRate": 0.0, "decaySteps": 100, "warmupTarget": 0.1, "warmupSteps": 20}, 150),
        ("warmup-past-horizon", {"initialLearningRate": 0.001, "decaySteps": 40, "alpha": 0.01, "warmupTarget": 0.1, "warmupSteps": 30}, 120),
        ("zero-warmup-with-target", {"initialLearningRate": 0.5, "decaySteps": 60, "warmupTarget": 0.1, "warmupSteps": 0}, 80),
        ("warmup-longer-than-horizon", {"initialLearningRate": 0.0, "decaySteps": 100, "warmupTarget": 0.1, "warmupSteps": 300}, 200),
        ("warmup-down", {"initialLearningRate": 0.5, "decaySteps": 50, "warmupTarget": 0.05, "warmupSteps": 10}, 80),
        ("warmup-steps-without-target", {"initialLearningRate": 0.1, "decaySteps": 50, "warmupSteps": 20}, 80),
        ("warmup-target-0", {"initialLearningRate": 0.1, "decaySteps": 30, "warmupTarget": 0.0, "warmupSteps": 10}, 60),
        ("fractional-steps", {"initialLearningRate": 0.1, "decaySteps": 33.3, "alpha": 0.2, "warmupTarget": 0.2, "warmupSteps": 7.5}, 60),
    ],
    "CosineDecayRestarts": [
        ("defaults", {"initialLearningRate": 0.1, "firstDecaySteps": 10}, 200),
        ("t-mul-1", {"initialLearningRate": 0.1, "firstDecaySteps": 10, "tMul": 1.0, "mMul": 0.9, "alpha": 0.1}, 100),
        ("t-mul-3-exact-restarts", {"initialLearningRate": 1.0, "firstDecaySteps": 1, "tMul": 3.0, "mMul": 0.5, "alpha": 0.1}, 400),
        ("t-mul-3-d2", {"initialLearningRate": 1.0, "firstDecaySteps": 2, "tMul": 3.0, "alpha": 0.0}, 300),
        ("t-mul-1.5", {"initialLearningRate": 0.1, "firstDecaySteps": 8, "tMul": 1.5, "mMul": 0.8}, 300),
        ("every-step", {"initialLearningRate": 0.1, "firstDecaySteps": 1, "tMul": 1.0, "alpha": 0.2}, 50),
        ("m-mul-0", {"initialLearningRate": 0.1, "firstDecaySteps": 5, "tMul": 2.0, "mMul": 0.0, "alpha": 0.1}, 60),
        ("beyond-horizon", {"initialLearningRate": 0.1, "firstDecaySteps": 500, "alpha": 0.01}, 200),
    ],
}


def names_for(rng):
    """Keras's default name or a custom one (fromKerasConfig accepts and ignores them; Keras 3 cannot
    call a schedule named None, so None only appears in the unit tests)."""
    r = rng.random()
    return DEFAULT_NAME if r < 0.6 else ("my_schedule" if r < 0.8 else "lr_schedule")


def family_cases(cls):
    rng = random.Random(f"{SEED}/{cls}")
    cases = []
    form_i = 0

    def next_form():
        nonlocal form_i
        form_i += 1
        return "serialize" if form_i % 2 == 1 else "get_config"

    for name, config, steps in EDGES[cls]:
        groups = [{"lr": 0.05}] if len(cases) % 3 else [{"lr": 0.05}, {"lr": 0.5}]
        cases.append(make_case(cls, f"edge-{name}", config, groups, steps, next_form(), names_for(rng)))
    for i in range(N_RANDOM):
        steps = rng.randint(50, 400)
        config = omit_some(rng, cls, RANDOM[cls](rng, i, steps))
        cases.append(make_case(cls, f"random-{i}", config, random_groups(rng), steps, next_form(), names_for(rng)))
    return cases


# ---------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------


def write_file(cls, cases):
    text = fixturelib.render(
        {
            "generator": GENERATOR,
            "library": "keras",
            "version": keras.__version__,
            "backend": f"jax {jax.__version__}, x64, floatx float64, float64 type promotion",
            "seed": SEED,
        },
        cases,
    )
    path = os.path.join(OUT_DIR, f"{cls}.json")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path, len(text.encode("utf-8"))


def run_family(cls):
    cases = family_cases(cls)
    path, size = write_file(cls, cases)
    flagged = sum(len(c.get("floatLogRows", [])) for c in cases)
    return cls, len(cases), size, flagged


def main():
    if keras.__version__ != EXPECTED_KERAS:
        print(f"warning: expected keras {EXPECTED_KERAS}, found {keras.__version__}", file=sys.stderr)
    assert keras.backend.backend() == "jax", keras.backend.backend()
    os.makedirs(OUT_DIR, exist_ok=True)
    only = sys.argv[1:] or list(ARG_NAMES)
    ctx = multiprocessing.get_context("spawn")
    total = 0
    with ProcessPoolExecutor(max_workers=len(only), mp_context=ctx) as pool:
        for cls, n, size, flagged in pool.map(run_family, only):
            total += size
            extra = f", {flagged} float-log rows" if flagged else ""
            print(f"{cls}.json: {n} cases, {size / 1e3:.0f} kB{extra}")
    print(f"total {total / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
