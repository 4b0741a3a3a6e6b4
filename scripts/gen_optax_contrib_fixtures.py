#!/usr/bin/env python3
"""Generate the reference fixtures of optax.contrib.reduce_on_plateau,
test/fixtures/optax/contrib/reduce_on_plateau.json.

Run from the repository root with the reference virtual environment:

    .venv-ref/bin/python scripts/gen_optax_contrib_fixtures.py           # writes the file
    .venv-ref/bin/python scripts/gen_optax_contrib_fixtures.py --check   # regenerates in memory, compares, exit 1 on a difference

optax 0.2.8 (optax/contrib/_reduce_on_plateau.py), jax in 64-bit mode (`jax_enable_x64`): the params
are float64, so optax's scale and best value are float64, its counters int32. Every trace is the real
transformation, run eagerly: `state = tx.init(params)`, then per step `updates, state =
tx.update(lrs, state, value=metrics[k])`, where the updates fed in are the groups' lrs (a pytree of
float64 scalars, one per group), so that what comes out is each group's `scale · lr` as optax
computes it. Row 0 is the groups' lrs (the scale after `init`, 1, which no update applies); row k
(k >= 1) is what the k-th update returned. Nothing is stubbed.

The format is scripts/FIXTURE-FORMAT.md's (with `library`, `version`, `repo`, `tag`, `commit`,
`files`, `stubbed`); `metrics` has `steps` numbers. Deterministic: random.Random seeded with SEED.
"""

from __future__ import annotations

import os
import random
import sys

import jax

jax.config.update("jax_enable_x64", True)

import jax.numpy as jnp  # noqa: E402
import optax  # noqa: E402
from optax import contrib  # noqa: E402

import fixturelib  # noqa: E402  (scripts/fixturelib.py)

SEED = 20261208
GENERATOR = "scripts/gen_optax_contrib_fixtures.py"
EXPECTED_OPTAX = "0.2.8"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "test", "fixtures", "optax", "contrib", "reduce_on_plateau.json")
N_RANDOM = 18
ARGS = {"factor": "factor", "patience": "patience", "rtol": "rtol", "atol": "atol", "cooldown": "cooldown", "accumulationSize": "accumulation_size", "minScale": "min_scale"}


def run(cfg, groups, metrics):
    tx = contrib.reduce_on_plateau(**{ARGS[k]: v for k, v in cfg.items() if k != "type"})
    lrs = [jnp.asarray(g["lr"], dtype=jnp.float64) for g in groups]
    state = tx.init(lrs)
    assert state.scale.dtype == jnp.float64 and state.best_value.dtype == jnp.float64
    rows = [[g["lr"] for g in groups]]
    for m in metrics:
        out, state = tx.update(lrs, state, value=m)
        rows.append([float(x) for x in out])
    return rows


def case(name, cfg, groups, metrics):
    return {"name": name, "config": {"type": "optax.reduce_on_plateau", **cfg}, "groups": groups, "steps": len(metrics), "metrics": metrics, "lr": run(cfg, groups, metrics)}


def random_case(rng, i):
    for _ in range(50):
        groups = [{"lr": fixturelib.sig(10 ** rng.uniform(-4, 0))} for _ in range(rng.choice([1, 2]))]
        cfg = {}
        if rng.random() < 0.8:
            cfg["factor"] = rng.choice([0.1, 0.5, fixturelib.sig(rng.uniform(0.01, 0.99), 4)])
        if rng.random() < 0.9:
            cfg["patience"] = rng.randint(1, 6)
        if rng.random() < 0.5:
            cfg["rtol"] = rng.choice([1e-4, 0.0, fixturelib.sig(rng.uniform(0, 0.1), 3)])
        if rng.random() < 0.5 or cfg.get("rtol") == 0.0:
            cfg["atol"] = rng.choice([1e-3, fixturelib.sig(rng.uniform(0, 0.1), 3)])
        if rng.random() < 0.5:
            cfg["cooldown"] = rng.randint(0, 4)
        if rng.random() < 0.4:
            cfg["accumulationSize"] = rng.randint(1, 5)
        if rng.random() < 0.4:
            cfg["minScale"] = rng.choice([0.01, fixturelib.sig(rng.uniform(0, 0.5), 3)])
        steps = rng.randint(30, 250)
        # positive values (optax#1767: a negative best makes a flat metric an improvement)
        metrics = [abs(v) + 0.5 for v in fixturelib.metric_series(rng, steps, "min")]
        c = case(f"optax.reduce_on_plateau/random-{i}", cfg, groups, metrics)
        if fixturelib.changes(c["lr"]):
            return c
    raise RuntimeError(f"no reducing case {i}")


def edge_cases():
    G1 = [{"lr": 0.1}]
    G2 = [{"lr": 0.01}, {"lr": 0.3}]
    flat = [1.0] * 60
    E = []
    add = lambda label, cfg, groups, metrics: E.append(case(f"optax.reduce_on_plateau/{label}", cfg, groups, metrics))
    add("defaults-flat", {}, G1, flat)
    add("patience-1", {"patience": 1, "factor": 0.5}, G2, flat[:20])
    add("patience-0-only-improvements-reduce", {"patience": 0, "factor": 0.5}, G1, [1.0, 1.0, 0.9, 0.9, 0.8, 0.8, 0.8, 0.5])
    add("cooldown-2", {"patience": 2, "factor": 0.5, "cooldown": 2}, G1, flat[:30])
    add("accumulation-3", {"patience": 2, "factor": 0.5, "accumulationSize": 3}, G2, [1.0, 2.0, 0.5] * 15)
    add("accumulation-4-cooldown-1", {"patience": 1, "factor": 0.3, "accumulationSize": 4, "cooldown": 1}, G1, flat[:40])
    add("min-scale", {"patience": 1, "factor": 0.1, "minScale": 0.005}, G2, flat[:20])
    add("min-scale-above-1", {"patience": 3, "factor": 0.5, "minScale": 1.5}, G1, flat[:12])
    add("atol-only", {"rtol": 0.0, "atol": 0.05, "patience": 2, "factor": 0.5}, G1, [1.0 - 0.01 * k for k in range(40)])
    add("rtol-1-never-improves", {"rtol": 1.0, "patience": 3, "factor": 0.5}, G1, [1.0 - 0.1 * k for k in range(10)])
    # optax#1767: a flat negative metric counts as an improvement at every step: never reduces
    add("negative-metric-never-reduces", {"patience": 2, "factor": 0.5}, G1, [-1.0] * 30)
    add("negative-then-positive", {"patience": 2, "factor": 0.5}, G2, [-1.0] * 10 + [1.0] * 10)
    return E


def generate():
    rng = random.Random(SEED)
    return edge_cases() + [random_case(rng, i) for i in range(N_RANDOM)]


def render(cases):
    header = {
        "generator": GENERATOR,
        "library": "optax",
        "version": optax.__version__,
        "jax": jax.__version__,
        "repo": "google-deepmind/optax",
        "tag": "v0.2.8 (the installed wheel)",
        "commit": None,
        "files": ["optax/contrib/_reduce_on_plateau.py"],
        "stubbed": [],
        "seed": SEED,
    }
    return fixturelib.render(header, cases)


def main():
    if optax.__version__ != EXPECTED_OPTAX:
        sys.exit(f"expected optax {EXPECTED_OPTAX}, found {optax.__version__}")
    fixturelib.write_or_check(OUT, render(generate()), ROOT)


if __name__ == "__main__":
    main()
