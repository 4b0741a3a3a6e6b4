#!/usr/bin/env python3
"""Generate the reference fixtures of Keras's ReduceLROnPlateau callback,
test/fixtures/keras/callbacks/ReduceLROnPlateau.json.

Run from the repository root with the reference virtual environment:

    .venv-ref/bin/python scripts/gen_keras_callbacks_fixtures.py           # writes the file
    .venv-ref/bin/python scripts/gen_keras_callbacks_fixtures.py --check   # regenerates in memory, compares, exit 1 on a difference

The script sets KERAS_BACKEND=jax (Keras 3.15.1, keras/src/callbacks/reduce_lr_on_plateau.py). Unlike
gen_keras_fixtures.py (the schedules, in float64), this runs Keras as it trains: default floatx
float32, jax in 32-bit mode. Every trace is the real callback against real optimizers: a stub model
(`callback.set_model`) whose `optimizer` is a `keras.optimizers.SGD(learning_rate=lr)` for one param
group, or, for two, an object whose `optimizers` are one SGD per group (the callback's
multi-optimizer branch). Row 0 is `float(optimizer.learning_rate)` after `on_train_begin()` (the
float32 variable), row k after `on_epoch_end(k - 1, {"val_loss": metrics[k - 1]})`. Stubbed: the
model (only `.optimizer` is read; it has no `.metrics`, so `mode="auto"` decides from the monitor
name, `val_loss`: min).

The format is scripts/FIXTURE-FORMAT.md's (with `library`, `version`, `repo`, `tag`, `commit`,
`files`, `stubbed`); `metrics` has `steps` numbers. Deterministic: random.Random seeded with SEED.
"""

from __future__ import annotations

import os
import random
import sys

os.environ["KERAS_BACKEND"] = "jax"

import fixturelib  # noqa: E402  (scripts/fixturelib.py)
import keras  # noqa: E402

SEED = 20261207
GENERATOR = "scripts/gen_keras_callbacks_fixtures.py"
EXPECTED_KERAS = "3.15.1"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "test", "fixtures", "keras", "callbacks", "ReduceLROnPlateau.json")
N_RANDOM = 18
ARGS = {"factor": "factor", "patience": "patience", "mode": "mode", "minDelta": "min_delta", "cooldown": "cooldown", "minLr": "min_lr"}


class StubModel:
    """What the callback reads of a model: its optimizer."""

    def __init__(self, optimizer):
        self.optimizer = optimizer


class MultiOptimizer:
    """An optimizer holding optimizers (the callback reduces each: `hasattr(optimizer, "optimizers")`)."""

    def __init__(self, optimizers):
        self.optimizers = optimizers


def run(cfg, groups, metrics):
    kwargs = {ARGS[k]: v for k, v in cfg.items() if k != "type"}
    opts = [keras.optimizers.SGD(learning_rate=g["lr"]) for g in groups]
    cb = keras.callbacks.ReduceLROnPlateau(monitor="val_loss", **kwargs)
    cb.set_model(StubModel(opts[0] if len(opts) == 1 else MultiOptimizer(opts)))
    read = lambda: [float(keras.ops.convert_to_numpy(o.learning_rate)) for o in opts]
    cb.on_train_begin()
    rows = [read()]
    for k, m in enumerate(metrics):
        cb.on_epoch_end(k, {"val_loss": m})
        rows.append(read())
    assert all(str(o.learning_rate.dtype) == "float32" for o in opts)
    return rows


def case(name, cfg, groups, metrics):
    return {"name": name, "config": {"type": "keras.ReduceLROnPlateau", **cfg}, "groups": groups, "steps": len(metrics), "metrics": metrics, "lr": run(cfg, groups, metrics)}


def random_case(rng, i):
    for _ in range(50):
        n = rng.choice([1, 2])
        groups = [{"lr": fixturelib.sig(10 ** rng.uniform(-4, 0))} for _ in range(n)]
        mode = rng.choice(["auto", "min", "max"])
        cfg = {}
        if mode != "auto" or rng.random() < 0.3:
            cfg["mode"] = mode
        if rng.random() < 0.8:
            cfg["factor"] = rng.choice([0.1, 0.5, fixturelib.sig(rng.uniform(0, 0.99), 4)])
        if rng.random() < 0.9:
            cfg["patience"] = rng.randint(0, 6)
        if rng.random() < 0.6:
            cfg["minDelta"] = rng.choice([0.0, 1e-4, -0.01, fixturelib.sig(rng.uniform(0, 0.1), 3)])
        if rng.random() < 0.5:
            cfg["cooldown"] = rng.randint(0, 4)
        if rng.random() < 0.5:
            cfg["minLr"] = fixturelib.sig(min(g["lr"] for g in groups) * rng.uniform(0, 0.05))
        steps = rng.randint(30, 200)
        metrics = fixturelib.metric_series(rng, steps, "max" if mode == "max" else "min")
        c = case(f"keras.ReduceLROnPlateau/random-{i}", cfg, groups, metrics)
        if fixturelib.changes(c["lr"]):
            return c
    raise RuntimeError(f"no reducing case {i}")


def edge_cases():
    G1 = [{"lr": 0.1}]
    G2 = [{"lr": 0.01}, {"lr": 0.3}]
    flat = [1.0] * 40
    E = []
    add = lambda label, cfg, groups, metrics: E.append(case(f"keras.ReduceLROnPlateau/{label}", cfg, groups, metrics))
    add("defaults-flat-metric", {}, G1, flat)
    add("patience-0", {"patience": 0, "factor": 0.5}, G2, flat[:20])
    add("patience-1-cooldown-1-is-cooldown-0", {"patience": 1, "factor": 0.5, "cooldown": 1}, G1, flat[:20])
    add("patience-2-cooldown-3", {"patience": 2, "factor": 0.5, "cooldown": 3}, G1, flat[:30])
    add("min-lr-floor-then-wait-grows", {"patience": 1, "factor": 0.1, "minLr": 0.001}, G2, flat[:20])
    add("min-lr-not-float32", {"patience": 0, "factor": 0.5, "minLr": 0.0123456789}, G1, flat[:20])
    add("max-mode", {"mode": "max", "patience": 2, "factor": 0.5}, G2, [0.1 * k for k in range(10)] + [0.9] * 20)
    add("negative-min-delta-is-its-absolute-value", {"patience": 1, "minDelta": -0.05}, G1, [1.0 - 0.01 * k for k in range(20)])
    # improvements that float64 sees and float32 does not: 1 - 1e-9 rounds to 1 in float32
    add("float32-comparison", {"patience": 2, "minDelta": 0.0, "factor": 0.5}, G1, [1.0 - 1e-9 * k for k in range(20)])
    add("factor-0", {"patience": 1, "factor": 0.0, "minLr": 1e-5}, G1, flat[:10])
    return E


def generate():
    rng = random.Random(SEED)
    return edge_cases() + [random_case(rng, i) for i in range(N_RANDOM)]


def render(cases):
    header = {
        "generator": GENERATOR,
        "library": "keras",
        "version": keras.__version__,
        "repo": "keras-team/keras",
        "tag": "v3.15.1 (the installed wheel)",
        "commit": None,
        "files": ["keras/src/callbacks/reduce_lr_on_plateau.py", "keras/src/callbacks/monitor_callback.py"],
        "stubbed": ["the model (StubModel: only .optimizer), the multi-optimizer (MultiOptimizer: only .optimizers)"],
        "backend": "jax, float32",
        "seed": SEED,
    }
    return fixturelib.render(header, cases)


def main():
    if keras.__version__ != EXPECTED_KERAS:
        sys.exit(f"expected keras {EXPECTED_KERAS}, found {keras.__version__}")
    fixturelib.write_or_check(OUT, render(generate()), ROOT)


if __name__ == "__main__":
    main()
