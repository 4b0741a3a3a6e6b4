#!/usr/bin/env python3
"""Generate the Hugging Face transformers reference fixtures in test/fixtures/hf/*.json.

Run from the repository root with the reference virtual environment:

    .venv-ref/bin/python scripts/gen_hf_fixtures.py           # writes the files
    .venv-ref/bin/python scripts/gen_hf_fixtures.py --check   # regenerates in memory, compares, exit 1 on a difference

Every trace is computed by transformers' own `get_scheduler(name, optimizer, num_warmup_steps=...,
num_training_steps=..., scheduler_specific_kwargs=...)` on a torch SGD optimizer with 1 or 2 param
groups, recording the groups' lrs: row 0 right after `get_scheduler` (the constructor), row k after
k `scheduler.step()` calls (`scheduler.step(metric)` for reduce_lr_on_plateau and greedy, metrics[k - 1]:
the Trainer steps both once per evaluation, with its metric, trainer.py lines 1905-1906 and 3217-3226).

Configs are the declarative JSON form (`{"type": "hf.<name>", ...}`, transformers' argument names in
camelCase). `numWarmupSteps` and `numTrainingSteps` go to get_scheduler's own arguments, every other
argument to `scheduler_specific_kwargs` under its snake_case name, except `lrInit`: transformers'
`lr_init` is the optimizer's default lr (`optimizer.defaults["lr"]`), so it is the SGD's `lr=`.
Without `lrInit` the SGD's default lr is the first group's lr: lr-schedule's convention for the
optimizer's default lr, which `polynomial` divides by and `cosine_with_min_lr` /
`cosine_warmup_with_min_lr` divide `min_lr` by. The groups' own lrs are set per group.

The file format is scripts/FIXTURE-FORMAT.md's, with `library` and `version` in place of `torch`.
Deterministic: every random choice comes from random.Random seeded with SEED and the schedule name.
"""

from __future__ import annotations

import json
import fixturelib  # noqa: E402  (scripts/fixturelib.py: the layout of the committed files)
import math
import os
import random
import sys
import warnings

import torch
import transformers
from transformers import get_scheduler

SEED = 20261126
GENERATOR = "scripts/gen_hf_fixtures.py"
EXPECTED_VERSION = "5.18.0"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_DIR = os.path.join(ROOT, "test", "fixtures", "hf")
N_RANDOM = 18  # random configs per schedule (>= 15 required), besides the edge cases

GET_SCHEDULER_ARGS = {"numWarmupSteps": "num_warmup_steps", "numTrainingSteps": "num_training_steps"}
KWARGS = {
    "numCycles": "num_cycles",
    "lrEnd": "lr_end",
    "power": "power",
    "timescale": "timescale",
    "minLr": "min_lr",
    "minLrRate": "min_lr_rate",
    "warmupLrRate": "warmup_lr_rate",
    "numStableSteps": "num_stable_steps",
    "numDecaySteps": "num_decay_steps",
    "warmupType": "warmup_type",
    "decayType": "decay_type",
    "minLrRatio": "min_lr_ratio",
    "mode": "mode",
    "factor": "factor",
    "patience": "patience",
    "threshold": "threshold",
    "thresholdMode": "threshold_mode",
    "cooldown": "cooldown",
    "eps": "eps",
    "warmup": "warmup",
    "maxLr": "max_lr",
    "smooth": "smooth",
    "windowSize": "window_size",
    "resetStart": "reset_start",
}
PLATEAU_KWARGS = {"minLr": "min_lr"}


def sig(x, digits=6):
    """Round to a few significant digits, so configs stay readable."""
    return float(f"{x:.{digits}g}")


# ---------------------------------------------------------------------------------------------
# Config -> transformers scheduler -> trace
# ---------------------------------------------------------------------------------------------


def build(cfg, groups):
    """The torch optimizer and transformers' scheduler for a config and param groups."""
    name = cfg["type"].removeprefix("hf.")
    params = [torch.nn.Parameter(torch.zeros(1)) for _ in groups]
    default_lr = cfg.get("lrInit", groups[0]["lr"])
    opt = torch.optim.SGD(
        [{"params": [p], "lr": g["lr"], "momentum": g.get("momentum", 0.0)} for p, g in zip(params, groups)],
        lr=default_lr,
    )
    top = {}
    kwargs = {}
    for key, value in cfg.items():
        if key in ("type", "lrInit"):
            continue
        if key in GET_SCHEDULER_ARGS:
            top[GET_SCHEDULER_ARGS[key]] = value
        elif name in ("reduce_lr_on_plateau", "greedy") and key in PLATEAU_KWARGS:
            kwargs[PLATEAU_KWARGS[key]] = value
        else:
            kwargs[KWARGS[key]] = value
    with warnings.catch_warnings():
        # warmup_stable_decay warns when both num_training_steps and num_stable_steps are given
        warnings.simplefilter("ignore")
        sched = get_scheduler(name, opt, scheduler_specific_kwargs=kwargs, **top)
    return opt, sched


def run(cfg, groups, steps, metrics=None):
    opt, sched = build(cfg, groups)
    rows = [[g["lr"] for g in opt.param_groups]]
    for k in range(steps):
        opt.step()
        if metrics is None:
            sched.step()
        else:
            sched.step(metrics[k])
        rows.append([float(g["lr"]) for g in opt.param_groups])
    for row in rows:
        for x in row:
            assert isinstance(x, float) and math.isfinite(x), (cfg, row)
    return rows


def make_case(name, cfg, groups, steps, metrics=None):
    case = {"name": name, "config": cfg, "groups": groups, "steps": steps}
    if metrics is not None:
        case["metrics"] = list(metrics)
    case["lr"] = run(cfg, groups, steps, metrics)
    return case


# ---------------------------------------------------------------------------------------------
# Random draws
# ---------------------------------------------------------------------------------------------


def rand_groups(rng, n=None):
    n = n if n is not None else rng.choice([1, 2])
    return [{"lr": sig(10 ** rng.uniform(-5, 0)), "momentum": rng.choice([0.0, 0.9])} for _ in range(n)]


def rand_horizon(rng):
    """numWarmupSteps, numTrainingSteps and the steps to trace (usually past the horizon)."""
    total = rng.randint(1, 300)
    kind = rng.random()
    if kind < 0.15:
        warmup = 0
    elif kind < 0.25:
        warmup = rng.randint(total, total + 60)  # warmup as long as or longer than the training
    else:
        warmup = rng.randint(0, total // 2)
    steps = max(50, min(400, max(total, warmup) + rng.randint(0, 100)))
    return warmup, total, steps


def gen_random(rng, name, i):
    groups = rand_groups(rng)
    warmup, total, steps = rand_horizon(rng)
    cfg = {"type": f"hf.{name}"}
    if name == "constant":
        steps = rng.randint(50, 120)
    elif name == "constant_with_warmup":
        cfg["numWarmupSteps"] = warmup
    elif name == "linear":
        cfg.update(numWarmupSteps=warmup, numTrainingSteps=total)
    elif name == "cosine":
        cfg.update(numWarmupSteps=warmup, numTrainingSteps=total)
        if rng.random() < 0.6:
            cfg["numCycles"] = rng.choice([0.5, 1.0, 2.0, 0.25, sig(rng.uniform(0, 4), 4), -0.5])
    elif name == "cosine_with_restarts":
        cfg.update(numWarmupSteps=warmup, numTrainingSteps=total)
        if rng.random() < 0.8:
            cfg["numCycles"] = rng.randint(0, 6)
    elif name == "polynomial":
        if total == warmup:
            total += 1
        cfg.update(numWarmupSteps=warmup, numTrainingSteps=total)
        init = groups[0]["lr"]
        if rng.random() < 0.3:
            init = sig(10 ** rng.uniform(-5, 0))
            cfg["lrInit"] = init
        if rng.random() < 0.85:
            cfg["lrEnd"] = rng.choice([0.0, sig(init * rng.uniform(0, 0.9)), -sig(init * rng.uniform(0, 0.5))])
        if rng.random() < 0.7:
            cfg["power"] = rng.choice([1.0, 2.0, 0.5, 3.0, sig(rng.uniform(0, 5), 4)])
    elif name == "inverse_sqrt":
        cfg["numWarmupSteps"] = warmup
        if rng.random() < 0.6:
            cfg["timescale"] = rng.randint(1, 500)
    elif name in ("cosine_with_min_lr", "cosine_warmup_with_min_lr"):
        cfg.update(numWarmupSteps=warmup, numTrainingSteps=total)
        if rng.random() < 0.4:
            cfg["numCycles"] = rng.choice([0.5, 1.0, 1.5, sig(rng.uniform(0, 3), 4)])
        if rng.random() < 0.5:
            cfg["minLrRate"] = rng.choice([0.0, 0.1, sig(rng.uniform(0, 1), 4)])
        else:
            cfg["minLr"] = sig(groups[0]["lr"] * rng.uniform(0, 0.5))
        if name == "cosine_warmup_with_min_lr" and rng.random() < 0.4:
            cfg["warmupLrRate"] = rng.choice([0.0, 0.01, sig(rng.uniform(0, 1), 4)])
    elif name == "warmup_stable_decay":
        warmup = rng.randint(0, 100)
        decay = rng.randint(0, 150)
        cfg.update(numWarmupSteps=warmup, numDecaySteps=decay)
        if rng.random() < 0.5:
            stable = rng.randint(0, 150)
            cfg["numStableSteps"] = stable
            total = warmup + stable + decay
        else:
            total = warmup + decay + rng.randint(-20, 150)
            total = max(total, 0)
            cfg["numTrainingSteps"] = total
        cfg["warmupType"] = rng.choice(["linear", "cosine", "1-sqrt"])
        cfg["decayType"] = rng.choice(["linear", "cosine", "1-sqrt"])
        if rng.random() < 0.6:
            cfg["minLrRatio"] = rng.choice([0.0, 0.1, sig(rng.uniform(0, 1), 4)])
        if cfg["decayType"] == "cosine" and rng.random() < 0.3:
            cfg["numCycles"] = rng.choice([0.25, 1.0, sig(rng.uniform(0, 2), 4)])
        steps = max(50, min(400, total + rng.randint(0, 60)))
    else:
        raise ValueError(name)
    return make_case(f"{cfg['type']}/random-{i}", cfg, groups, steps)


def gen_metrics(rng, n, mode):
    """A metric per evaluation (fixturelib.metric_series: improving stretches, plateaus, noise and
    setbacks, so that the scheduler both waits and reduces)."""
    return fixturelib.metric_series(rng, n, mode)


def gen_plateau(rng, i):
    """A random reduce_lr_on_plateau case, redrawn until transformers reduces the lr at least once."""
    for _ in range(50):
        case = draw_plateau(rng, i)
        if fixturelib.changes(case["lr"]):
            return case
    raise RuntimeError(f"could not draw a reducing reduce_lr_on_plateau case {i}")


def draw_plateau(rng, i):
    groups = rand_groups(rng)
    cfg = {"type": "hf.reduce_lr_on_plateau"}
    mode = rng.choice(["min", "max"])
    if mode == "max" or rng.random() < 0.3:
        cfg["mode"] = mode
    if rng.random() < 0.8:
        cfg["factor"] = rng.choice([0.1, 0.5, sig(rng.uniform(0, 0.99), 4)])
    if rng.random() < 0.9:
        cfg["patience"] = rng.randint(0, 6)
    if rng.random() < 0.5:
        cfg["threshold"] = rng.choice([0.0, 1e-4, sig(rng.uniform(0, 0.1), 3)])
    if rng.random() < 0.5:
        cfg["thresholdMode"] = rng.choice(["rel", "abs"])
    if rng.random() < 0.5:
        cfg["cooldown"] = rng.randint(0, 4)
    if rng.random() < 0.5:
        if len(groups) == 2 and rng.random() < 0.5:
            cfg["minLr"] = [sig(g["lr"] * rng.uniform(0, 0.05)) for g in groups]
        else:
            cfg["minLr"] = sig(min(g["lr"] for g in groups) * rng.uniform(0, 0.05))
    if rng.random() < 0.2:
        cfg["eps"] = rng.choice([0.0, 1e-3])
    steps = rng.randint(50, 250)
    return make_case(f"hf.reduce_lr_on_plateau/random-{i}", cfg, groups, steps, gen_metrics(rng, steps, mode))


def gen_greedy(rng, i):
    """A random greedy (GreedyLR) case, redrawn until transformers changes the lr at least once."""
    for _ in range(50):
        groups = rand_groups(rng)
        cfg = {"type": "hf.greedy"}
        mode = rng.choice(["min", "max"])
        if mode == "max" or rng.random() < 0.3:
            cfg["mode"] = mode
        if rng.random() < 0.8:
            cfg["factor"] = rng.choice([0.5, 0.95, sig(rng.uniform(0.05, 0.99), 4)])
        if rng.random() < 0.9:
            cfg["patience"] = rng.randint(0, 6)
        if rng.random() < 0.5:
            cfg["threshold"] = rng.choice([0.0, 1e-6, sig(rng.uniform(0, 0.1), 3)])
        if rng.random() < 0.5:
            cfg["thresholdMode"] = rng.choice(["rel", "abs"])
        for key in ("cooldown", "warmup"):
            if rng.random() < 0.5:
                cfg[key] = rng.randint(0, 4)
        lo, hi = min(g["lr"] for g in groups), max(g["lr"] for g in groups)
        if rng.random() < 0.8:
            if len(groups) == 2 and rng.random() < 0.5:
                cfg["minLr"] = [sig(g["lr"] * rng.uniform(0, 0.5)) for g in groups]
            else:
                cfg["minLr"] = sig(lo * rng.uniform(0, 0.5))
        if rng.random() < 0.6:
            if len(groups) == 2 and rng.random() < 0.5:
                cfg["maxLr"] = [sig(g["lr"] * rng.uniform(1, 5)) for g in groups]
            else:
                cfg["maxLr"] = sig(hi * rng.uniform(1, 5))
        if rng.random() < 0.2:
            cfg["eps"] = rng.choice([0.0, 1e-4])
        if rng.random() < 0.35:
            cfg["smooth"] = True
            cfg["windowSize"] = rng.randint(1, 12)
        if rng.random() < 0.4:
            cfg["resetStart"] = rng.randint(0, 6)
        steps = rng.randint(50, 250)
        case = make_case(f"hf.greedy/random-{i}", cfg, groups, steps, gen_metrics(rng, steps, mode))
        if fixturelib.changes(case["lr"]):
            return case
    raise RuntimeError(f"could not draw a greedy case {i} that changes the lr")


# ---------------------------------------------------------------------------------------------
# Edge cases
# ---------------------------------------------------------------------------------------------

G1 = [{"lr": 0.001, "momentum": 0.9}]
G2 = [{"lr": 0.1, "momentum": 0.0}, {"lr": 0.003, "momentum": 0.9}]


def edge_cases(name):
    t = f"hf.{name}"
    E = []

    def add(label, cfg, groups, steps, metrics=None):
        E.append(make_case(f"{t}/{label}", {"type": t, **cfg}, groups, steps, metrics))

    if name == "constant":
        add("one-group", {}, G1, 50)
        add("two-groups", {}, G2, 50)
    elif name == "constant_with_warmup":
        add("zero-warmup", {"numWarmupSteps": 0}, G2, 50)
        add("one-step-warmup", {"numWarmupSteps": 1}, G1, 50)
        add("warmup-longer-than-trace", {"numWarmupSteps": 500}, G2, 120)
    elif name == "linear":
        add("zero-warmup", {"numWarmupSteps": 0, "numTrainingSteps": 100}, G2, 150)
        add("warmup-longer-than-training", {"numWarmupSteps": 80, "numTrainingSteps": 50}, G2, 120)
        add("warmup-equals-training", {"numWarmupSteps": 50, "numTrainingSteps": 50}, G1, 80)
        add("zero-training", {"numWarmupSteps": 0, "numTrainingSteps": 0}, G1, 50)
        add("one-step-training", {"numWarmupSteps": 0, "numTrainingSteps": 1}, G1, 50)
    elif name == "cosine":
        add("zero-warmup-past-horizon", {"numWarmupSteps": 0, "numTrainingSteps": 100}, G2, 400)
        add("warmup-longer-than-training", {"numWarmupSteps": 120, "numTrainingSteps": 100}, G2, 300)
        add("one-cycle-past-horizon", {"numWarmupSteps": 10, "numTrainingSteps": 110, "numCycles": 1}, G1, 300)
        add("zero-cycles", {"numWarmupSteps": 10, "numTrainingSteps": 60, "numCycles": 0}, G1, 80)
        add("negative-cycles", {"numWarmupSteps": 5, "numTrainingSteps": 60, "numCycles": -0.5}, G1, 150)
        add("zero-training", {"numWarmupSteps": 0, "numTrainingSteps": 0}, G1, 60)
    elif name == "cosine_with_restarts":
        add("one-cycle", {"numWarmupSteps": 10, "numTrainingSteps": 110}, G2, 150)
        add("three-restarts-past-horizon", {"numWarmupSteps": 0, "numTrainingSteps": 90, "numCycles": 3}, G2, 200)
        add("zero-cycles", {"numWarmupSteps": 5, "numTrainingSteps": 60, "numCycles": 0}, G1, 80)
        add("negative-cycles", {"numWarmupSteps": 5, "numTrainingSteps": 65, "numCycles": -2}, G1, 100)
        add("cycles-not-dividing-the-decay", {"numWarmupSteps": 3, "numTrainingSteps": 100, "numCycles": 7}, G1, 120)
        add("warmup-longer-than-training", {"numWarmupSteps": 70, "numTrainingSteps": 50}, G1, 100)
    elif name == "polynomial":
        add("two-groups-default-lr-init", {"numWarmupSteps": 10, "numTrainingSteps": 100, "lrEnd": 0.001, "power": 2.0}, G2, 150)
        add(
            "two-groups-lr-init-of-neither",
            {"numWarmupSteps": 10, "numTrainingSteps": 100, "lrEnd": 0.002, "power": 1.5, "lrInit": 0.05},
            G2,
            150,
        )
        add("defaults", {"numWarmupSteps": 20, "numTrainingSteps": 200}, G1, 260)
        add("zero-warmup", {"numWarmupSteps": 0, "numTrainingSteps": 80, "lrEnd": 0.0}, G1, 120)
        add("power-zero", {"numWarmupSteps": 5, "numTrainingSteps": 60, "lrEnd": 1e-5, "power": 0.0}, G1, 100)
        add("negative-lr-end", {"numWarmupSteps": 5, "numTrainingSteps": 60, "lrEnd": -0.0005}, G1, 100)
        add("warmup-longer-than-training", {"numWarmupSteps": 80, "numTrainingSteps": 50, "lrEnd": 1e-4}, G2, 150)
        add("training-one-step-after-warmup", {"numWarmupSteps": 30, "numTrainingSteps": 31, "lrEnd": 1e-4}, G1, 60)
    elif name == "inverse_sqrt":
        add("zero-warmup-default-timescale", {"numWarmupSteps": 0}, G2, 300)
        add("default-timescale", {"numWarmupSteps": 40}, G1, 300)
        add("timescale-below-warmup", {"numWarmupSteps": 50, "timescale": 10}, G2, 300)
        add("timescale-above-warmup", {"numWarmupSteps": 10, "timescale": 1000}, G1, 300)
        add("zero-warmup-timescale-1", {"numWarmupSteps": 0, "timescale": 1}, G1, 200)
    elif name == "cosine_with_min_lr":
        add("min-lr-two-groups", {"numWarmupSteps": 10, "numTrainingSteps": 100, "minLr": 0.01}, G2, 250)
        add("min-lr-rate-two-groups", {"numWarmupSteps": 10, "numTrainingSteps": 100, "minLrRate": 0.1}, G2, 250)
        add("zero-warmup-past-horizon", {"numWarmupSteps": 0, "numTrainingSteps": 100, "minLrRate": 0.05}, G1, 400)
        add("warmup-longer-than-training", {"numWarmupSteps": 90, "numTrainingSteps": 60, "minLr": 1e-4}, G1, 150)
        add("one-cycle", {"numWarmupSteps": 5, "numTrainingSteps": 105, "numCycles": 1, "minLrRate": 0.2}, G1, 150)
        add("rate-above-one", {"numWarmupSteps": 5, "numTrainingSteps": 55, "minLrRate": 1.5}, G1, 80)
        add("negative-rate-clipped", {"numWarmupSteps": 5, "numTrainingSteps": 55, "minLrRate": -0.2}, G1, 80)
        add("min-lr-zero", {"numWarmupSteps": 5, "numTrainingSteps": 55, "minLr": 0.0}, G1, 80)
    elif name == "cosine_warmup_with_min_lr":
        add("min-lr-two-groups", {"numWarmupSteps": 10, "numTrainingSteps": 100, "minLr": 0.01}, G2, 250)
        add("min-lr-rate-warmup-lr-rate", {"numWarmupSteps": 10, "numTrainingSteps": 100, "minLrRate": 0.1, "warmupLrRate": 0.05}, G2, 150)
        add("zero-warmup", {"numWarmupSteps": 0, "numTrainingSteps": 100, "minLrRate": 0.05}, G1, 300)
        add("one-step-warmup", {"numWarmupSteps": 1, "numTrainingSteps": 50, "minLrRate": 0.0}, G1, 80)
        add("one-step-warmup-lr-rate", {"numWarmupSteps": 1, "numTrainingSteps": 50, "minLrRate": 0.0, "warmupLrRate": 0.3}, G1, 80)
        add("two-step-warmup-lr-rate", {"numWarmupSteps": 2, "numTrainingSteps": 50, "minLrRate": 0.0, "warmupLrRate": 0.3}, G1, 80)
        add("warmup-longer-than-training", {"numWarmupSteps": 90, "numTrainingSteps": 60, "minLr": 1e-4}, G1, 150)
        add("one-cycle", {"numWarmupSteps": 5, "numTrainingSteps": 105, "numCycles": 1, "minLrRate": 0.2}, G1, 150)
    elif name == "warmup_stable_decay":
        for w in ("linear", "cosine", "1-sqrt"):
            for d in ("linear", "cosine", "1-sqrt"):
                add(
                    f"warmup-{w}-decay-{d}",
                    {"numWarmupSteps": 20, "numDecaySteps": 40, "numStableSteps": 30, "warmupType": w, "decayType": d, "minLrRatio": 0.1},
                    G2,
                    120,
                )
        add("defaults-with-training-steps", {"numWarmupSteps": 10, "numDecaySteps": 50, "numTrainingSteps": 150}, G1, 200)
        add("training-and-stable-steps", {"numWarmupSteps": 10, "numDecaySteps": 30, "numTrainingSteps": 500, "numStableSteps": 20}, G1, 100)
        add("negative-derived-stable", {"numWarmupSteps": 30, "numDecaySteps": 40, "numTrainingSteps": 50}, G1, 80)
        add("training-shorter-than-warmup", {"numWarmupSteps": 60, "numDecaySteps": 40, "numTrainingSteps": 30}, G1, 80)
        add("zero-decay", {"numWarmupSteps": 10, "numDecaySteps": 0, "numStableSteps": 20, "minLrRatio": 0.25}, G1, 60)
        add("zero-warmup", {"numWarmupSteps": 0, "numDecaySteps": 30, "numStableSteps": 10, "warmupType": "cosine"}, G1, 60)
        add("cosine-decay-one-cycle", {"numWarmupSteps": 5, "numDecaySteps": 40, "numStableSteps": 5, "numCycles": 1.0}, G1, 70)
        add("negative-min-lr-ratio", {"numWarmupSteps": 5, "numDecaySteps": 20, "numStableSteps": 5, "minLrRatio": -0.1, "decayType": "linear"}, G1, 50)
    elif name == "reduce_lr_on_plateau":
        flat = [1.0] * 60
        add("defaults-flat-metric", {}, G2, 60, flat)
        add("patience-0-factor-half", {"patience": 0, "factor": 0.5}, G1, 60, flat)
        add("max-mode-abs-cooldown", {"mode": "max", "thresholdMode": "abs", "threshold": 0.01, "patience": 2, "cooldown": 3, "factor": 0.5}, G2, 60, flat)
        add("min-lr-per-group", {"patience": 1, "factor": 0.3, "minLr": [0.01, 0.0005]}, G2, 60, flat)
        add("eps-stops-reductions", {"patience": 0, "factor": 0.5, "eps": 1e-4}, G1, 60, flat)
    elif name == "greedy":
        flat = [1.0] * 80
        falling = [10.0 - 0.1 * k for k in range(80)]
        add("defaults-flat-metric", {}, G2, 80, flat)
        add("defaults-falling-metric", {}, G2, 80, falling)
        add("patience-0-raises-to-max-lr", {"patience": 0, "factor": 0.5, "maxLr": [0.5, 0.01]}, G2, 30, falling[:30])
        add("patience-0-reduces-to-min-lr-then-resets", {"patience": 0, "factor": 0.5, "minLr": 0.01, "resetStart": 3}, G2, 40, flat[:40])
        add("reset-start-0", {"patience": 1, "factor": 0.5, "minLr": [0.05, 0.003], "resetStart": 0, "cooldown": 1}, G2, 40, flat[:40])
        add("cooldown-and-warmup", {"patience": 1, "factor": 0.8, "cooldown": 3, "warmup": 2, "minLr": 0.0}, G2, 80, falling[:20] + flat[:20] + falling[:20] + flat[:20])
        add("max-mode-rel", {"mode": "max", "thresholdMode": "rel", "threshold": 0.01, "patience": 2, "minLr": 0.0}, G2, 80, [-x for x in falling[:40]] + flat[:40])
        add("smooth-window-1", {"smooth": True, "windowSize": 1, "patience": 1, "factor": 0.5, "minLr": 0.0}, G1, 60, gen_metrics(random.Random(1), 60, "min"))
        add("smooth-window-5", {"smooth": True, "windowSize": 5, "patience": 2, "factor": 0.7, "minLr": 0.0, "resetStart": 2}, G2, 120, gen_metrics(random.Random(2), 120, "min"))
        add("eps-stops-changes", {"patience": 0, "factor": 0.9, "eps": 0.01, "minLr": 0.0}, G2, 40, falling[:20] + flat[:20])
    return E


# ---------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------

SCHEDULES = [
    "constant",
    "constant_with_warmup",
    "linear",
    "cosine",
    "cosine_with_restarts",
    "polynomial",
    "inverse_sqrt",
    "cosine_with_min_lr",
    "cosine_warmup_with_min_lr",
    "warmup_stable_decay",
    "reduce_lr_on_plateau",
    "greedy",
]


def render(cases):
    return fixturelib.render(
        {"generator": GENERATOR, "library": "transformers", "version": transformers.__version__, "torch": torch.__version__, "seed": SEED},
        cases,
    )


def generate(name):
    rng = random.Random(f"{SEED}/{name}")
    cases = edge_cases(name)
    for i in range(N_RANDOM):
        cases.append(gen_plateau(rng, i) if name == "reduce_lr_on_plateau" else gen_greedy(rng, i) if name == "greedy" else gen_random(rng, name, i))
    return cases


def main():
    if transformers.__version__ != EXPECTED_VERSION:
        sys.exit(f"expected transformers {EXPECTED_VERSION}, found {transformers.__version__}")
    check = "--check" in sys.argv[1:]
    os.makedirs(OUT_DIR, exist_ok=True)
    total = 0
    differ = 0
    for name in SCHEDULES:
        cases = generate(name)
        text = render(cases)
        path = os.path.join(OUT_DIR, f"{name}.json")
        total += len(text.encode("utf-8"))
        if check:
            with open(path, encoding="utf-8") as f:
                same = f.read() == text
            differ += not same
            print(f"{name}.json: {'ok' if same else 'DIFFERS'}")
        else:
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            print(f"{name}.json: {len(cases)} cases, {len(text.encode('utf-8')) / 1024:.0f} KiB")
    print(f"total {total / 1024 / 1024:.2f} MiB")
    if differ:
        sys.exit(1)


if __name__ == "__main__":
    main()
