#!/usr/bin/env python3
"""Generate the optax reference fixtures in test/fixtures/optax/*.json.

Run from the repository root with the reference virtual environment:

    .venv-ref/bin/python scripts/gen_optax_fixtures.py          # writes test/fixtures/optax/*.json
    .venv-ref/bin/python scripts/gen_optax_fixtures.py --check  # recomputes every committed case

Every trace is computed by optax 0.2.8's own schedule functions, built from a declarative config (the
JSON form of ../shared/contract.md: `type` = `optax.<function>`, optax's arguments in camelCase).
Row k of a trace is the schedule's value at `count = k`, the same in every param group (optax's
schedules are absolute values). jax runs in 64-bit mode and the count is an int64 array (optax's
optimizers keep an int32 count, with which jax computes `count / transition_steps` in float32: the
fixtures record the float64 values). Each op runs eagerly, as when calling `schedule(count)` outside
`jit`, so no fusion (FMA) changes the rounding. The file format is scripts/FIXTURE-FORMAT.md's
(`generator`, `library`, `version`, `seed`, `cases: [{name, config, groups, steps, lr}]`).

Deterministic: every random choice comes from random.Random(f"{SEED}:{function}").
"""

from __future__ import annotations

import json
import fixturelib  # noqa: E402  (scripts/fixturelib.py: the layout of the committed files)
import math
import os
import random
import re
import sys

import jax

jax.config.update("jax_enable_x64", True)

import jax.numpy as jnp  # noqa: E402
import optax  # noqa: E402

SEED = 20261125
GENERATOR = "scripts/gen_optax_fixtures.py"
EXPECTED_OPTAX = "0.2.8"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_DIR = os.path.join(ROOT, "test", "fixtures", "optax")
N_RANDOM = 16  # random configs per schedule (edge cases come on top)

INT_ARGS = {"transitionSteps", "transitionBegin", "warmupSteps", "decaySteps"}
KEEP_ARGS = {"staircase", "interpolateType"}


def snake(name: str) -> str:
    return re.sub(r"([A-Z])", r"_\1", name).lower()


def convert(key, value):
    if key in INT_ARGS:
        assert isinstance(value, int) and not isinstance(value, bool), (key, value)
        return int(value)
    if key in KEEP_ARGS:
        return value
    assert isinstance(value, (int, float)) and not isinstance(value, bool), (key, value)
    return float(value)


def build(config):
    """A declarative optax config -> optax's own schedule function."""
    kind = config["type"]
    assert kind.startswith("optax."), kind
    fn = getattr(optax.schedules, kind[len("optax."):])
    kwargs = {}
    for key, value in config.items():
        if key == "type":
            continue
        if key == "boundariesAndScales":
            value = {int(b): float(s) for b, s in value.items()}
        elif key == "cosineKwargs":
            value = [{snake(k): convert(k, v) for k, v in d.items()} for d in value]
        elif key == "schedules":
            value = [build(c) for c in value]
        elif key == "boundaries":
            value = [int(b) for b in value]
        else:
            value = convert(key, value)
        kwargs[snake(key)] = value
    return fn(**kwargs)


def values_of(config, steps):
    """optax's value at count = 0..steps (int64 counts, eager)."""
    sched = build(config)
    return [float(sched(jnp.asarray(k, dtype=jnp.int64))) for k in range(steps + 1)]


# ---------------------------------------------------------------------------------------------
# Random configs
# ---------------------------------------------------------------------------------------------


def r6(x: float) -> float:
    """x rounded to 6 significant digits (readable configs)."""
    return float(f"{x:.6g}")


def value(rng, lo=-4, hi=0):
    return r6(10 ** rng.uniform(lo, hi))


def maybe(rng, p=0.5):
    return rng.random() < p


def gen_constant(rng, i):
    v = rng.choice([value(rng), value(rng), 0.0, -value(rng), value(rng, 0, 2)])
    return {"type": "optax.constant_schedule", "value": v}, rng.randint(50, 150)


def gen_poly(rng, i, linear=False):
    init = value(rng)
    end = rng.choice([value(rng, -6, -3), 0.0, value(rng), r6(init * 10)])
    T = rng.randint(1, 250)
    c = {"type": "optax.linear_schedule" if linear else "optax.polynomial_schedule", "initValue": init, "endValue": end}
    if not linear:
        c["power"] = rng.choice([1.0, 2.0, 0.5, 3.0, r6(rng.uniform(0, 4)), 0.0])
    c["transitionSteps"] = T
    begin = 0
    if maybe(rng, 0.6):
        begin = rng.randint(0, 100)
        c["transitionBegin"] = begin
    steps = min(400, begin + T + rng.randint(5, 80))
    return c, max(steps, 50)


def boundaries_and_scales(rng, n, max_step, scale_lo=0.05, scale_hi=2.0):
    steps = sorted(rng.sample(range(0, max_step), n))
    return {str(b): r6(rng.uniform(scale_lo, scale_hi)) if maybe(rng, 0.8) else rng.choice([0.1, 0.5, 1.0, 0.0])
            for b in steps}


def gen_pw_constant(rng, i):
    n = rng.randint(1, 8)
    c = {"type": "optax.piecewise_constant_schedule", "initValue": value(rng),
         "boundariesAndScales": boundaries_and_scales(rng, n, 300)}
    return c, rng.randint(100, 350)


def gen_pw_interp(rng, i):
    n = rng.randint(1, 8)
    kind = "linear" if i % 2 == 0 else "cosine"
    c = {"type": "optax.piecewise_interpolate_schedule", "interpolateType": kind, "initValue": value(rng),
         "boundariesAndScales": boundaries_and_scales(rng, n, 300)}
    return c, rng.randint(100, 350)


def gen_exp(rng, i):
    init = value(rng)
    rate = rng.choice([r6(rng.uniform(0.05, 0.99)), 0.5, 0.1, r6(rng.uniform(1.01, 1.5)), 0.9])
    T = rng.randint(1, 100)
    c = {"type": "optax.exponential_decay", "initValue": init, "transitionSteps": T, "decayRate": rate}
    if maybe(rng, 0.5):
        c["transitionBegin"] = rng.randint(0, 80)
    if maybe(rng, 0.5):
        c["staircase"] = rng.random() < 0.6
    if maybe(rng, 0.5):
        c["endValue"] = r6(init * (rng.uniform(0.01, 0.5) if rate < 1 else rng.uniform(1.5, 20)))
    return c, rng.randint(80, 400)


def gen_cosine(rng, i):
    c = {"type": "optax.cosine_decay_schedule", "initValue": value(rng), "decaySteps": rng.randint(1, 300)}
    if maybe(rng, 0.6):
        c["alpha"] = rng.choice([0.0, r6(rng.uniform(0, 0.2)), 0.01, r6(rng.uniform(0, 1))])
    if maybe(rng, 0.4):
        c["exponent"] = rng.choice([1.0, 2.0, 0.5, r6(rng.uniform(0.1, 4))])
    return c, min(400, max(50, c["decaySteps"] + rng.randint(5, 80)))


def gen_warmup_constant(rng, i):
    w = rng.randint(1, 200)
    c = {"type": "optax.warmup_constant_schedule", "initValue": rng.choice([0.0, value(rng, -6, -3)]),
         "peakValue": value(rng), "warmupSteps": w}
    return c, min(400, max(50, w + rng.randint(5, 100)))


def gen_warmup_cosine(rng, i):
    w = rng.randint(1, 100)
    d = w + rng.randint(1, 300)
    peak = value(rng)
    c = {"type": "optax.warmup_cosine_decay_schedule", "initValue": rng.choice([0.0, value(rng, -6, -3)]),
         "peakValue": peak, "warmupSteps": w, "decaySteps": d}
    if maybe(rng, 0.6):
        c["endValue"] = rng.choice([0.0, r6(peak * rng.uniform(0.001, 0.3))])
    if maybe(rng, 0.3):
        c["exponent"] = rng.choice([2.0, 0.5, r6(rng.uniform(0.1, 3))])
    return c, min(400, max(50, d + rng.randint(5, 60)))


def gen_warmup_exp(rng, i):
    w = rng.randint(1, 100)
    peak = value(rng)
    rate = rng.choice([r6(rng.uniform(0.05, 0.99)), 0.5, 0.9, r6(rng.uniform(1.01, 1.3))])
    c = {"type": "optax.warmup_exponential_decay_schedule", "initValue": rng.choice([0.0, value(rng, -6, -3)]),
         "peakValue": peak, "warmupSteps": w, "transitionSteps": rng.randint(1, 80), "decayRate": rate}
    if maybe(rng, 0.4):
        c["transitionBegin"] = rng.randint(0, 60)
    if maybe(rng, 0.5):
        c["staircase"] = rng.random() < 0.6
    if maybe(rng, 0.5):
        c["endValue"] = r6(peak * (rng.uniform(0.01, 0.5) if rate < 1 else rng.uniform(1.5, 20)))
    return c, rng.randint(80, 400)


def gen_cos_onecycle(rng, i):
    T = rng.randint(2, 300)
    c = {"type": "optax.cosine_onecycle_schedule", "transitionSteps": T, "peakValue": value(rng)}
    if maybe(rng, 0.7):
        c["pctStart"] = r6(rng.uniform(0.05, 0.7))
    if maybe(rng, 0.5):
        c["divFactor"] = r6(rng.uniform(2, 50))
    if maybe(rng, 0.5):
        c["finalDivFactor"] = rng.choice([1e4, 100.0, r6(10 ** rng.uniform(0, 5))])
    return c, min(400, max(50, T + rng.randint(5, 60)))


def gen_lin_onecycle(rng, i):
    T = rng.randint(2, 300)
    c = {"type": "optax.linear_onecycle_schedule", "transitionSteps": T, "peakValue": value(rng)}
    if maybe(rng, 0.7):
        ps = r6(rng.uniform(0.05, 0.5))
        c["pctStart"] = ps
        if maybe(rng, 0.7):
            c["pctFinal"] = r6(rng.uniform(ps, 1.0))
    if maybe(rng, 0.5):
        c["divFactor"] = r6(rng.uniform(2, 50))
    if maybe(rng, 0.5):
        c["finalDivFactor"] = rng.choice([1e4, 100.0, r6(10 ** rng.uniform(0, 5))])
    return c, min(400, max(50, T + rng.randint(5, 60)))


def cosine_kwargs(rng):
    w = rng.choice([0, rng.randint(1, 30)])
    d = w + rng.randint(1, 120)
    peak = value(rng)
    k = {"initValue": rng.choice([0.0, value(rng, -6, -3)]), "peakValue": peak, "warmupSteps": w, "decaySteps": d}
    if maybe(rng, 0.5):
        k["endValue"] = rng.choice([0.0, r6(peak * rng.uniform(0.001, 0.3))])
    if maybe(rng, 0.25):
        k["exponent"] = rng.choice([2.0, 0.5, r6(rng.uniform(0.1, 3))])
    return k


def gen_sgdr(rng, i):
    ks = [cosine_kwargs(rng) for _ in range(rng.randint(1, 4))]
    total = sum(k["decaySteps"] for k in ks)
    return {"type": "optax.sgdr_schedule", "cosineKwargs": ks}, min(400, max(50, total + rng.randint(0, 60)))


CHILD_GENS = [gen_constant, lambda r, i: gen_poly(r, i, linear=True), gen_poly, gen_pw_constant, gen_pw_interp,
              gen_exp, gen_cosine, gen_warmup_constant, gen_warmup_cosine, gen_warmup_exp, gen_cos_onecycle,
              gen_lin_onecycle, gen_sgdr]


def gen_join(rng, i):
    n = rng.randint(2, 4)
    children = [rng.choice(CHILD_GENS)(rng, i)[0] for _ in range(n)]
    if i % 5 == 4:  # a join inside a join
        children[rng.randrange(n)] = gen_join(rng, 0)[0]
    bounds = sorted(rng.sample(range(1, 300), n - 1))
    return {"type": "optax.join_schedules", "schedules": children, "boundaries": bounds}, rng.randint(100, 400)


# ---------------------------------------------------------------------------------------------
# Edge cases, per schedule: (name, config, steps)
# ---------------------------------------------------------------------------------------------

LIN = {"type": "optax.linear_schedule", "initValue": 0.0, "endValue": 0.1, "transitionSteps": 10}
COS = {"type": "optax.cosine_decay_schedule", "initValue": 0.1, "decaySteps": 40, "alpha": 0.1}

EDGES = {
    "constant_schedule": [
        ("zero", {"type": "optax.constant_schedule", "value": 0.0}, 50),
        ("negative", {"type": "optax.constant_schedule", "value": -0.25}, 50),
    ],
    "linear_schedule": [
        ("transition-0-holds-init", {"type": "optax.linear_schedule", "initValue": 0.3, "endValue": 0.01, "transitionSteps": 0}, 50),
        ("transition-negative-holds-init", {"type": "optax.linear_schedule", "initValue": 0.3, "endValue": 0.01, "transitionSteps": -5}, 50),
        ("begin-negative-is-0", {"type": "optax.linear_schedule", "initValue": 0.3, "endValue": 0.01, "transitionSteps": 30, "transitionBegin": -7}, 60),
        ("begin-past-horizon", {"type": "optax.linear_schedule", "initValue": 0.3, "endValue": 0.01, "transitionSteps": 30, "transitionBegin": 80}, 60),
        ("increasing", {"type": "optax.linear_schedule", "initValue": 1e-5, "endValue": 0.1, "transitionSteps": 37, "transitionBegin": 3}, 60),
        ("transition-1", {"type": "optax.linear_schedule", "initValue": 0.1, "endValue": 0.05, "transitionSteps": 1}, 50),
    ],
    "polynomial_schedule": [
        ("transition-0-holds-init", {"type": "optax.polynomial_schedule", "initValue": 0.3, "endValue": 0.01, "power": 2.0, "transitionSteps": 0}, 50),
        ("transition-negative-holds-init", {"type": "optax.polynomial_schedule", "initValue": 0.3, "endValue": 0.01, "power": 2.0, "transitionSteps": -3, "transitionBegin": 5}, 50),
        ("begin-negative-is-0", {"type": "optax.polynomial_schedule", "initValue": 0.3, "endValue": 0.01, "power": 1.5, "transitionSteps": 40, "transitionBegin": -10}, 60),
        ("power-0-holds-init", {"type": "optax.polynomial_schedule", "initValue": 0.3, "endValue": 0.01, "power": 0.0, "transitionSteps": 20}, 50),
        ("power-fraction", {"type": "optax.polynomial_schedule", "initValue": 0.3, "endValue": 0.0, "power": 0.37, "transitionSteps": 45, "transitionBegin": 5}, 70),
        ("doc-example", {"type": "optax.polynomial_schedule", "initValue": 1.0, "endValue": 0.01, "power": 2.0, "transitionSteps": 100, "transitionBegin": 5}, 120),
    ],
    "piecewise_constant_schedule": [
        ("no-boundaries", {"type": "optax.piecewise_constant_schedule", "initValue": 0.1}, 50),
        ("empty-boundaries", {"type": "optax.piecewise_constant_schedule", "initValue": 0.1, "boundariesAndScales": {}}, 50),
        ("boundary-0", {"type": "optax.piecewise_constant_schedule", "initValue": 0.1, "boundariesAndScales": {"0": 0.5, "10": 0.1}}, 50),
        ("negative-boundary", {"type": "optax.piecewise_constant_schedule", "initValue": 0.1, "boundariesAndScales": {"-5": 0.5, "20": 3.0}}, 50),
        ("scale-0", {"type": "optax.piecewise_constant_schedule", "initValue": 0.1, "boundariesAndScales": {"10": 0.0, "20": 5.0}}, 50),
        ("doc-example", {"type": "optax.piecewise_constant_schedule", "initValue": 1.0, "boundariesAndScales": {"100": 0.1, "200": 0.01}}, 260),
        ("many-boundaries", {"type": "optax.piecewise_constant_schedule", "initValue": 0.1,
                             "boundariesAndScales": {str(5 * k + 3): (0.93 if k % 3 else 1.07) for k in range(30)}}, 170),
    ],
    "piecewise_interpolate_schedule": [
        ("no-boundaries", {"type": "optax.piecewise_interpolate_schedule", "interpolateType": "cosine", "initValue": 0.1}, 50),
        ("boundary-0-linear", {"type": "optax.piecewise_interpolate_schedule", "interpolateType": "linear", "initValue": 0.1, "boundariesAndScales": {"0": 0.5, "10": 0.1}}, 50),
        ("boundary-0-cosine", {"type": "optax.piecewise_interpolate_schedule", "interpolateType": "cosine", "initValue": 0.1, "boundariesAndScales": {"0": 4.0, "30": 0.01}}, 50),
        ("adjacent-boundaries", {"type": "optax.piecewise_interpolate_schedule", "interpolateType": "linear", "initValue": 0.1, "boundariesAndScales": {"5": 2.0, "6": 0.1, "7": 10.0}}, 50),
        ("negative-boundary", {"type": "optax.piecewise_interpolate_schedule", "interpolateType": "linear", "initValue": 0.1, "boundariesAndScales": {"-5": 2.0, "20": 0.1}}, 50),
        ("scale-0", {"type": "optax.piecewise_interpolate_schedule", "interpolateType": "cosine", "initValue": 0.1, "boundariesAndScales": {"10": 0.0, "20": 5.0}}, 50),
        ("doc-example", {"type": "optax.piecewise_interpolate_schedule", "interpolateType": "linear", "initValue": 1.0, "boundariesAndScales": {"4": 0.1, "8": 0.01}}, 50),
        ("many-boundaries-linear", {"type": "optax.piecewise_interpolate_schedule", "interpolateType": "linear", "initValue": 0.1,
                                    "boundariesAndScales": {str(6 * k + 2): r6(0.8 + 0.013 * k) for k in range(30)}}, 200),
        ("many-boundaries-cosine", {"type": "optax.piecewise_interpolate_schedule", "interpolateType": "cosine", "initValue": 0.3,
                                    "boundariesAndScales": {str(7 * k + 1): r6(1.21 - 0.017 * k) for k in range(25)}}, 200),
    ],
    "exponential_decay": [
        ("rate-0-holds-init", {"type": "optax.exponential_decay", "initValue": 0.1, "transitionSteps": 10, "decayRate": 0.0, "endValue": 0.01}, 50),
        ("transition-0-holds-init", {"type": "optax.exponential_decay", "initValue": 0.1, "transitionSteps": 0, "decayRate": 0.5}, 50),
        ("transition-negative-holds-init", {"type": "optax.exponential_decay", "initValue": 0.1, "transitionSteps": -4, "decayRate": 0.5}, 50),
        ("begin-negative-is-0", {"type": "optax.exponential_decay", "initValue": 0.1, "transitionSteps": 7, "decayRate": 0.5, "transitionBegin": -20}, 60),
        ("staircase", {"type": "optax.exponential_decay", "initValue": 0.1, "transitionSteps": 25, "decayRate": 0.5, "staircase": True, "transitionBegin": 10}, 200),
        ("end-value-floor", {"type": "optax.exponential_decay", "initValue": 0.1, "transitionSteps": 10, "decayRate": 0.5, "endValue": 0.003}, 120),
        ("end-value-ceiling", {"type": "optax.exponential_decay", "initValue": 0.01, "transitionSteps": 10, "decayRate": 1.5, "endValue": 0.3}, 120),
        ("end-value-above-init-clips-from-start", {"type": "optax.exponential_decay", "initValue": 0.01, "transitionSteps": 10, "decayRate": 0.5, "endValue": 0.05}, 50),
        ("rate-1", {"type": "optax.exponential_decay", "initValue": 0.01, "transitionSteps": 3, "decayRate": 1.0}, 50),
    ],
    "cosine_decay_schedule": [
        ("decay-1", {"type": "optax.cosine_decay_schedule", "initValue": 0.1, "decaySteps": 1}, 50),
        ("exponent-0", {"type": "optax.cosine_decay_schedule", "initValue": 0.1, "decaySteps": 20, "exponent": 0.0, "alpha": 0.2}, 50),
        ("alpha-1", {"type": "optax.cosine_decay_schedule", "initValue": 0.1, "decaySteps": 20, "alpha": 1.0}, 50),
        ("alpha-above-1", {"type": "optax.cosine_decay_schedule", "initValue": 0.1, "decaySteps": 30, "alpha": 2.5}, 50),
        ("alpha-negative", {"type": "optax.cosine_decay_schedule", "initValue": 0.1, "decaySteps": 30, "alpha": -0.5, "exponent": 2.0}, 50),
        ("long", {"type": "optax.cosine_decay_schedule", "initValue": 0.001, "decaySteps": 390}, 400),
    ],
    "warmup_constant_schedule": [
        ("warmup-0-holds-init", {"type": "optax.warmup_constant_schedule", "initValue": 0.0, "peakValue": 0.1, "warmupSteps": 0}, 50),
        ("warmup-negative-holds-init", {"type": "optax.warmup_constant_schedule", "initValue": 0.01, "peakValue": 0.1, "warmupSteps": -3}, 50),
        ("warmup-past-horizon", {"type": "optax.warmup_constant_schedule", "initValue": 0.0, "peakValue": 0.1, "warmupSteps": 500}, 100),
    ],
    "warmup_cosine_decay_schedule": [
        ("warmup-0", {"type": "optax.warmup_cosine_decay_schedule", "initValue": 0.0, "peakValue": 0.1, "warmupSteps": 0, "decaySteps": 60, "endValue": 1e-4}, 80),
        ("warmup-negative", {"type": "optax.warmup_cosine_decay_schedule", "initValue": 0.0, "peakValue": 0.1, "warmupSteps": -10, "decaySteps": 50}, 80),
        ("warmup-past-horizon", {"type": "optax.warmup_cosine_decay_schedule", "initValue": 0.0, "peakValue": 0.1, "warmupSteps": 300, "decaySteps": 1000}, 100),
        ("peak-0", {"type": "optax.warmup_cosine_decay_schedule", "initValue": 0.01, "peakValue": 0.0, "warmupSteps": 10, "decaySteps": 30, "endValue": 0.005}, 50),
        ("decay-1-after-warmup", {"type": "optax.warmup_cosine_decay_schedule", "initValue": 0.0, "peakValue": 0.1, "warmupSteps": 10, "decaySteps": 11, "endValue": 0.01}, 50),
        ("end-above-peak", {"type": "optax.warmup_cosine_decay_schedule", "initValue": 0.0, "peakValue": 0.1, "warmupSteps": 10, "decaySteps": 40, "endValue": 0.3}, 50),
    ],
    "warmup_exponential_decay_schedule": [
        ("warmup-0", {"type": "optax.warmup_exponential_decay_schedule", "initValue": 0.0, "peakValue": 0.1, "warmupSteps": 0, "transitionSteps": 10, "decayRate": 0.5}, 80),
        ("warmup-past-horizon", {"type": "optax.warmup_exponential_decay_schedule", "initValue": 0.0, "peakValue": 0.1, "warmupSteps": 200, "transitionSteps": 10, "decayRate": 0.5}, 100),
        ("rate-0", {"type": "optax.warmup_exponential_decay_schedule", "initValue": 0.0, "peakValue": 0.1, "warmupSteps": 10, "transitionSteps": 10, "decayRate": 0.0}, 50),
        ("transition-0", {"type": "optax.warmup_exponential_decay_schedule", "initValue": 0.0, "peakValue": 0.1, "warmupSteps": 10, "transitionSteps": 0, "decayRate": 0.5}, 50),
        ("staircase-begin-floor", {"type": "optax.warmup_exponential_decay_schedule", "initValue": 0.0, "peakValue": 0.1, "warmupSteps": 10, "transitionSteps": 15, "decayRate": 0.3, "transitionBegin": 12, "staircase": True, "endValue": 0.002}, 200),
    ],
    "cosine_onecycle_schedule": [
        ("transition-1", {"type": "optax.cosine_onecycle_schedule", "transitionSteps": 1, "peakValue": 0.1}, 50),
        ("pct-start-0", {"type": "optax.cosine_onecycle_schedule", "transitionSteps": 40, "peakValue": 0.1, "pctStart": 0.0}, 60),
        ("pct-start-1-replaces-peak", {"type": "optax.cosine_onecycle_schedule", "transitionSteps": 40, "peakValue": 0.1, "pctStart": 1.0}, 60),
        ("pct-start-truncates", {"type": "optax.cosine_onecycle_schedule", "transitionSteps": 100, "peakValue": 0.1, "pctStart": 0.29}, 130),
        ("pct-start-above-1", {"type": "optax.cosine_onecycle_schedule", "transitionSteps": 40, "peakValue": 0.1, "pctStart": 1.5}, 80),
        ("defaults-long", {"type": "optax.cosine_onecycle_schedule", "transitionSteps": 350, "peakValue": 0.01}, 400),
    ],
    "linear_onecycle_schedule": [
        ("transition-1", {"type": "optax.linear_onecycle_schedule", "transitionSteps": 1, "peakValue": 0.1}, 50),
        ("pct-start-equals-final", {"type": "optax.linear_onecycle_schedule", "transitionSteps": 40, "peakValue": 0.1, "pctStart": 0.5, "pctFinal": 0.5}, 60),
        ("pct-final-1", {"type": "optax.linear_onecycle_schedule", "transitionSteps": 40, "peakValue": 0.1, "pctStart": 0.25, "pctFinal": 1.0}, 60),
        ("pct-start-0", {"type": "optax.linear_onecycle_schedule", "transitionSteps": 40, "peakValue": 0.1, "pctStart": 0.0}, 60),
        ("pct-final-before-start", {"type": "optax.linear_onecycle_schedule", "transitionSteps": 40, "peakValue": 0.1, "pctStart": 0.6, "pctFinal": 0.3}, 60),
        ("defaults-long", {"type": "optax.linear_onecycle_schedule", "transitionSteps": 350, "peakValue": 0.01}, 400),
    ],
    "sgdr_schedule": [
        ("one-cycle", {"type": "optax.sgdr_schedule", "cosineKwargs": [{"initValue": 0.0, "peakValue": 0.1, "warmupSteps": 5, "decaySteps": 30}]}, 50),
        ("no-warmups", {"type": "optax.sgdr_schedule", "cosineKwargs": [
            {"initValue": 0.1, "peakValue": 0.1, "warmupSteps": 0, "decaySteps": 20},
            {"initValue": 0.05, "peakValue": 0.05, "warmupSteps": 0, "decaySteps": 40, "endValue": 0.001},
            {"initValue": 0.02, "peakValue": 0.02, "warmupSteps": 0, "decaySteps": 80, "exponent": 2.0}]}, 160),
        ("past-last-cycle", {"type": "optax.sgdr_schedule", "cosineKwargs": [
            {"initValue": 0.0, "peakValue": 0.1, "warmupSteps": 3, "decaySteps": 10},
            {"initValue": 0.0, "peakValue": 0.05, "warmupSteps": 3, "decaySteps": 10}]}, 60),
    ],
    "join_schedules": [
        ("boundary-0", {"type": "optax.join_schedules", "schedules": [LIN, COS], "boundaries": [0]}, 60),
        ("warmup-cosine-by-hand", {"type": "optax.join_schedules", "schedules": [LIN, COS], "boundaries": [10]}, 60),
        ("boundaries-not-increasing", {"type": "optax.join_schedules", "schedules": [LIN, COS, {"type": "optax.constant_schedule", "value": 0.5}], "boundaries": [30, 10]}, 60),
        ("negative-boundary", {"type": "optax.join_schedules", "schedules": [LIN, COS], "boundaries": [-10]}, 60),
        ("equal-boundaries", {"type": "optax.join_schedules", "schedules": [LIN, {"type": "optax.constant_schedule", "value": 0.5}, COS], "boundaries": [10, 10]}, 60),
        ("single", {"type": "optax.join_schedules", "schedules": [COS], "boundaries": []}, 60),
        ("nested", {"type": "optax.join_schedules", "schedules": [
            {"type": "optax.join_schedules", "schedules": [LIN, COS], "boundaries": [10]},
            {"type": "optax.sgdr_schedule", "cosineKwargs": [{"initValue": 0.0, "peakValue": 0.05, "warmupSteps": 2, "decaySteps": 12}]}],
            "boundaries": [30]}, 80),
    ],
}

GENS = {
    "constant_schedule": gen_constant,
    "linear_schedule": lambda r, i: gen_poly(r, i, linear=True),
    "polynomial_schedule": gen_poly,
    "piecewise_constant_schedule": gen_pw_constant,
    "piecewise_interpolate_schedule": gen_pw_interp,
    "exponential_decay": gen_exp,
    "cosine_decay_schedule": gen_cosine,
    "warmup_constant_schedule": gen_warmup_constant,
    "warmup_cosine_decay_schedule": gen_warmup_cosine,
    "warmup_exponential_decay_schedule": gen_warmup_exp,
    "cosine_onecycle_schedule": gen_cos_onecycle,
    "linear_onecycle_schedule": gen_lin_onecycle,
    "sgdr_schedule": gen_sgdr,
    "join_schedules": gen_join,
}


def groups_of(rng):
    return [{"lr": value(rng)} for _ in range(1 if maybe(rng, 0.6) else 2)]


def make_case(name, config, steps, groups):
    vals = values_of(config, steps)
    if not all(math.isfinite(v) and abs(v) < 1e6 for v in vals):
        return None
    return {"name": name, "config": config, "groups": groups, "steps": steps, "lr": [[v] * len(groups) for v in vals]}


def cases_for(fn_name):
    rng = random.Random(f"{SEED}:{fn_name}")
    cases = []
    for label, config, steps in EDGES[fn_name]:
        case = make_case(f"{fn_name}/{label}", config, steps, groups_of(rng))
        assert case is not None, label
        cases.append(case)
    i = 0
    while i < N_RANDOM:
        config, steps = GENS[fn_name](rng, i)
        case = make_case(f"{fn_name}/random-{i}", config, steps, groups_of(rng))
        if case is None:
            continue
        cases.append(case)
        i += 1
    return cases


# ---------------------------------------------------------------------------------------------
# Self-checks
# ---------------------------------------------------------------------------------------------


def python_int_counts_agree(case):
    """The same values with Python int counts (schedule(k), as users call it), bit for bit."""
    sched = build(case["config"])
    return all(float(sched(k)) == row[0] for k, row in enumerate(case["lr"]))


# ---------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------


def render(cases):
    return fixturelib.render({"generator": GENERATOR, "library": "optax", "version": optax.__version__, "seed": SEED}, cases)


def main():
    if optax.__version__ != EXPECTED_OPTAX:
        print(f"warning: optax {optax.__version__}, the fixtures are for {EXPECTED_OPTAX}", file=sys.stderr)
    check = "--check" in sys.argv[1:]
    os.makedirs(OUT_DIR, exist_ok=True)
    total_bytes = 0
    bad = 0
    print(f"{'file':44} {'cases':>5} {'bytes':>9}")
    for fn_name in GENS:
        cases = cases_for(fn_name)
        names = [c["name"] for c in cases]
        assert len(names) == len(set(names)), fn_name
        text = render(cases)
        path = os.path.join(OUT_DIR, f"{fn_name}.json")
        if check:
            with open(path, encoding="utf-8") as f:
                if f.read() != text:
                    print(f"MISMATCH {path}")
                    bad += 1
        else:
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
        mismatched = [c["name"] for c in cases if not python_int_counts_agree(c)]
        if mismatched:
            print(f"  note: Python int counts differ from int64 counts in {mismatched}")
        total_bytes += len(text.encode("utf-8"))
        print(f"{fn_name + '.json':44} {len(cases):5} {len(text.encode('utf-8')):9}")
    print(f"total {total_bytes} bytes")
    if check and bad:
        sys.exit(1)


if __name__ == "__main__":
    main()
