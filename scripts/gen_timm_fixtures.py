#!/usr/bin/env python3
"""Generate the timm reference fixtures in test/fixtures/timm/*.json.

Run from the repository root with the reference virtual environment:

    .venv-ref/bin/python scripts/gen_timm_fixtures.py           # writes the files
    .venv-ref/bin/python scripts/gen_timm_fixtures.py --check   # regenerates in memory, compares, exit 1 on a difference

Every trace is computed by timm 1.0.29's own scheduler classes (`timm.scheduler.CosineLRScheduler`,
`TanhLRScheduler`, `PolyLRScheduler`, `StepLRScheduler`, `MultiStepLRScheduler`,
`PlateauLRScheduler`) on a torch SGD optimizer with 1 or 2 param groups, recording the groups' lrs:

- every schedule: row 0 = the groups' lrs right after the constructor, read from
  `optimizer.param_groups` (what timm's train.py trains epoch 0, or update 0, with: it never calls
  `step(0)`). `Scheduler.__init__` sets every group to its base value (`initial_lr`,
  scheduler.py:46, 51, 59) and a scheduler with `warmup_t > 0` then sets `warmup_lr_init`
  (cosine_lr.py:75-77, tanh_lr.py:72-75, poly_lr.py:71-73, step_lr.py:50-52,
  multistep_lr.py:45-47, plateau_lr.py:57-59); no noise (only `step` / `step_update` add it,
  scheduler.py:81, 88). That is the base lr without a warmup even where `_get_lr(0)` is not
  (tanh's curve at 0, `cycle_limit` 0, a multistep milestone of 0 or 1, `lr_min` rounding, noise
  at t = 0).
- cosine, tanh, poly, step, multistep: row k >= 1 = the lrs after `scheduler.step(k)` (t = k),
  i.e. timm's `_get_lr(k)` (a few cases drive `step_update(k)` with `t_in_epochs=False` instead:
  the same numbers). These schedulers are stateless (`_get_lr` reads only what the constructor
  set), so row k does not depend on the steps before it.
- plateau: row k >= 1 = after `scheduler.step(k, metrics[k - 1])` (timm's training loop steps it
  with epoch + 1 and the epoch's metric).

timm's package `__init__` imports torchvision, which does not load against torch 2.13 here, so the
scheduler modules are imported without it: bare `timm` and `timm.scheduler` package modules (with
`__path__` and `__spec__`) are registered in sys.modules first.

Configs are the declarative JSON form (`{"type": "timm.<scheduler>", ...}`, timm's constructor
arguments in camelCase). Noise is set only as `noiseRangeT: [0, 1]` (noise at t = 0 alone, which no
row evaluates: row 0 is the constructor's, noise-free); timm's noise comes from torch's generator and
lr-schedule has its own seeded noise, tested separately. The file format is
scripts/FIXTURE-FORMAT.md's, with `library` and `version` in place of `torch`. Deterministic: every random choice comes from
random.Random seeded with SEED and the schedule name.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import fixturelib  # noqa: E402  (scripts/fixturelib.py: the layout of the committed files)
import math
import os
import random
import sys
import types

import logging

import torch

SEED = 20261127
GENERATOR = "scripts/gen_timm_fixtures.py"
EXPECTED_VERSION = "1.0.29"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_DIR = os.path.join(ROOT, "test", "fixtures", "timm")
N_RANDOM = 18  # random configs per schedule (>= 15 required), besides the edge cases


# ---------------------------------------------------------------------------------------------
# timm without its package __init__
# ---------------------------------------------------------------------------------------------


def load_timm():
    spec = importlib.util.find_spec("timm")
    assert spec is not None and spec.submodule_search_locations, "timm is not installed"
    root = list(spec.submodule_search_locations)[0]
    for name, path in [("timm", root), ("timm.scheduler", os.path.join(root, "scheduler"))]:
        if name in sys.modules:
            continue
        module = types.ModuleType(name)
        module.__path__ = [path]
        module.__spec__ = importlib.util.spec_from_loader(name, loader=None, is_package=True)
        module.__spec__.submodule_search_locations = [path]
        sys.modules[name] = module
    version_ns = {}
    with open(os.path.join(root, "version.py"), encoding="utf-8") as f:
        exec(f.read(), version_ns)
    mods = {
        n: importlib.import_module(f"timm.scheduler.{n}")
        for n in ["scheduler", "cosine_lr", "tanh_lr", "poly_lr", "step_lr", "multistep_lr", "plateau_lr"]
    }
    return version_ns["__version__"], mods


TIMM_VERSION, M = load_timm()
logging.getLogger("timm").setLevel(logging.ERROR)  # "will have no effect" warnings of t_initial = 1
CLASSES = {
    "timm.cosine": M["cosine_lr"].CosineLRScheduler,
    "timm.tanh": M["tanh_lr"].TanhLRScheduler,
    "timm.poly": M["poly_lr"].PolyLRScheduler,
    "timm.step": M["step_lr"].StepLRScheduler,
    "timm.multistep": M["multistep_lr"].MultiStepLRScheduler,
    "timm.plateau": M["plateau_lr"].PlateauLRScheduler,
}

# camelCase config key -> timm keyword argument
ARGS = {
    "tInitial": "t_initial",
    "lrMin": "lr_min",
    "cycleMul": "cycle_mul",
    "cycleDecay": "cycle_decay",
    "cycleLimit": "cycle_limit",
    "warmupT": "warmup_t",
    "warmupLrInit": "warmup_lr_init",
    "warmupPrefix": "warmup_prefix",
    "kDecay": "k_decay",
    "lb": "lb",
    "ub": "ub",
    "power": "power",
    "decayT": "decay_t",
    "decayRate": "decay_rate",
    "patienceT": "patience_t",
    "cooldownT": "cooldown_t",
    "threshold": "threshold",
    "mode": "mode",
    "noiseRangeT": "noise_range_t",
}


# ---------------------------------------------------------------------------------------------
# Running timm
# ---------------------------------------------------------------------------------------------


def optimizer_for(groups):
    params = [{"params": [torch.nn.Parameter(torch.zeros(1))], "lr": g["lr"], "momentum": g["momentum"]} for g in groups]
    return torch.optim.SGD(params, lr=groups[0]["lr"])


def build(cfg, opt, t_in_epochs=True):
    kwargs = {ARGS[k]: v for k, v in cfg.items() if k != "type"}
    if cfg["type"] != "timm.plateau" and not t_in_epochs:
        kwargs["t_in_epochs"] = False
    return CLASSES[cfg["type"]](opt, **kwargs)


def lrs_of(opt):
    out = []
    for g in opt.param_groups:
        v = g["lr"]
        assert isinstance(v, float) and math.isfinite(v), f"timm set a non-finite or non-float lr: {v!r}"
        out.append(v)
    return out


def run_trace(cfg, groups, steps, metrics=None, driver="step"):
    opt = optimizer_for(groups)
    sched = build(cfg, opt, t_in_epochs=(driver == "step"))
    rows = [lrs_of(opt)]  # row 0: what the constructor leaves (train.py trains epoch / update 0 with it)
    if cfg["type"] == "timm.plateau":
        assert metrics is not None and len(metrics) == steps
        for k in range(1, steps + 1):
            sched.step(k, metrics[k - 1])
            rows.append(lrs_of(opt))
        return rows
    assert metrics is None
    for k in range(1, steps + 1):
        if driver == "step":
            sched.step(k)
        else:
            sched.step_update(k)
        rows.append(lrs_of(opt))
    return rows


def make_case(name, cfg, groups, steps, metrics=None, driver="step"):
    case = {"name": name, "config": cfg, "groups": groups, "steps": steps}
    if metrics is not None:
        case["metrics"] = list(metrics)
    case["lr"] = run_trace(cfg, groups, steps, metrics, driver)
    return case


def last_step(cfg):
    """The last t at which timm's cycle logarithm is defined (cycleMul < 1), counting the warmup; None if all are."""
    mul = cfg.get("cycleMul", 1.0)
    if mul >= 1:
        return None
    T = cfg["tInitial"]
    t = math.floor(T / (1 - mul)) + 2
    while not (1 - t / T * (1 - mul) > 0):
        t -= 1
    w = cfg.get("warmupT", 0)
    return t + w if cfg.get("warmupPrefix", False) else max(t, w - 1)


# ---------------------------------------------------------------------------------------------
# Random choices
# ---------------------------------------------------------------------------------------------


def sig(x, digits=6):
    return float(f"{x:.{digits}g}")


def random_groups(rng):
    n = rng.choice([1, 2, 2])
    lr0 = sig(10 ** rng.uniform(-4.5, -0.5))
    lrs = [lr0] if n == 1 else [lr0, sig(lr0 * 10 ** rng.uniform(-1.5, 1))]
    return [{"lr": lr, "momentum": rng.choice([0.0, 0.9])} for lr in lrs]


G1 = [{"lr": 0.1, "momentum": 0.9}]
G2 = [{"lr": 0.1, "momentum": 0.0}, {"lr": 0.003, "momentum": 0.9}]
G3 = [{"lr": 0.1, "momentum": 0.0}, {"lr": 0.01, "momentum": 0.9}]


def random_warmup(rng, cfg, groups, horizon, prefix_default):
    if rng.random() < 0.35:
        return
    cfg["warmupT"] = rng.choice([1, 2, rng.randint(3, 10), rng.randint(5, 30), rng.randint(20, max(21, horizon))])
    if rng.random() < 0.7:
        cfg["warmupLrInit"] = rng.choice([0.0, sig(groups[0]["lr"] * 10 ** rng.uniform(-4, -1)), 1e-6])
    if rng.random() < 0.8:
        cfg["warmupPrefix"] = rng.choice([True, False]) if rng.random() < 0.8 else prefix_default


def gen_cycling(rng, kind, i):
    groups = random_groups(rng)
    T = rng.choice([rng.randint(1, 10), rng.randint(10, 60), rng.randint(50, 200)])
    cfg = {"type": kind, "tInitial": T}
    if kind == "timm.tanh":
        if rng.random() < 0.5:
            lb = sig(rng.uniform(-9, 0), 4)
            cfg["lb"] = lb
            cfg["ub"] = sig(lb + rng.uniform(0.5, 12), 4)
    if kind == "timm.poly" and rng.random() < 0.8:
        cfg["power"] = rng.choice([0.5, 1.0, 2.0, 0.0, sig(rng.uniform(0.1, 4), 3)])
    if rng.random() < 0.5:
        cfg["lrMin"] = rng.choice([0.0, sig(groups[-1]["lr"] * 10 ** rng.uniform(-3, -0.5))])
    r = rng.random()
    if r < 0.55:
        cfg["cycleMul"] = rng.choice([1.0, 2.0, 1.5, 3.0, sig(rng.uniform(1.05, 2.5), 3)])
        cfg["cycleLimit"] = rng.choice([1, 2, rng.randint(3, 8), 100])
    elif r < 0.65:
        cfg["cycleMul"] = rng.choice([0.5, 0.8, sig(rng.uniform(0.3, 0.95), 2)])
        cfg["cycleLimit"] = rng.choice([2, 5, 1000])
    if rng.random() < 0.4:
        cfg["cycleDecay"] = rng.choice([0.5, 0.9, sig(rng.uniform(0.1, 1.2), 3)])
    if kind != "timm.tanh" and rng.random() < 0.35:
        cfg["kDecay"] = rng.choice([0.5, 2.0, sig(rng.uniform(0.2, 3), 3)])
    random_warmup(rng, cfg, groups, T, False)
    steps = rng.choice([rng.randint(50, 150), rng.randint(150, 400)])
    end = last_step(cfg)
    if end is not None:
        steps = min(steps, end)
    if kind == "timm.tanh" and end is not None and cfg.get("warmupT", 0) and not cfg.get("warmupPrefix", False):
        cfg["warmupPrefix"] = True  # the constructor evaluates the cycles at warmup_t
        steps = min(steps, last_step(cfg))
    return make_case(f"{kind}/random-{i}", cfg, groups, steps)


def gen_step(rng, i):
    groups = random_groups(rng)
    decay_t = rng.choice([rng.randint(1, 10), rng.randint(10, 100), sig(rng.uniform(0.5, 30), 3), 2.5])
    cfg = {"type": "timm.step", "decayT": decay_t}
    if rng.random() < 0.85:
        cfg["decayRate"] = rng.choice([0.1, 0.5, 0.97, sig(rng.uniform(0.05, 1), 3)])
    random_warmup(rng, cfg, groups, 50, True)
    steps = rng.randint(50, 400)
    return make_case(f"timm.step/random-{i}", cfg, groups, steps)


def gen_multistep(rng, i):
    groups = random_groups(rng)
    steps = rng.randint(50, 400)
    n = rng.choice([0, 1, 2, 3, rng.randint(4, 8)])
    ms = sorted(rng.randint(0, steps + 10) for _ in range(n))
    if n >= 2 and rng.random() < 0.3:
        ms[1] = ms[0]  # a milestone listed twice
        ms.sort()
    cfg = {"type": "timm.multistep", "decayT": ms}
    if rng.random() < 0.85:
        cfg["decayRate"] = rng.choice([0.1, 0.5, sig(rng.uniform(0.05, 1), 3)])
    random_warmup(rng, cfg, groups, 40, True)
    return make_case(f"timm.multistep/random-{i}", cfg, groups, steps)


def gen_metrics(rng, n, mode):
    """Noisy improving trends that flatten, flat stretches, jumps, worse stretches and repeats of
    the best so far: plateaus and improvements alternate. `mode` says which way is better."""
    d = -1.0 if mode == "min" else 1.0
    scale = 10 ** rng.uniform(-2, 2)
    base = rng.choice([0.0, scale * rng.uniform(0.5, 20), -scale * rng.uniform(0.5, 20)])
    digits = rng.choice([3, 4, 6, 8])
    progress = 0.0
    vals = []
    while len(vals) < n:
        seg = rng.randint(3, 30)
        kind = rng.choice(["trend", "trend", "flat", "noise", "jump", "equal-best", "worse"])
        if kind == "trend":
            amp = rng.uniform(0.2, 3)
            tau = rng.uniform(2, 15)
            noise = rng.choice([0.0, 0.01, 0.05, 0.2])
            start = progress
            for k in range(seg):
                progress = start + amp * (1 - math.exp(-(k + 1) / tau))
                vals.append(progress + noise * rng.gauss(0, 1) * amp)
        elif kind == "flat":
            vals.extend([progress - rng.choice([0.0, 0.0, rng.uniform(0, 0.5)])] * seg)
        elif kind == "noise":
            sd = rng.uniform(0.01, 0.5)
            vals.extend(progress - abs(rng.gauss(0, sd)) for _ in range(seg))
        elif kind == "jump":
            progress += rng.uniform(0.1, 2)
            vals.extend([progress] * rng.randint(1, 5))
        elif kind == "worse":
            vals.extend(progress - rng.uniform(0.5, 3) for _ in range(seg))
        else:
            vals.extend([None] * rng.randint(1, 7))
    out = []
    best = None
    for v in vals[:n]:
        m = (best if best is not None else sig(base, digits)) if v is None else sig(base + d * scale * v, digits)
        m = 0.0 if m == 0 else float(m)
        out.append(m)
        if best is None or (m < best if mode == "min" else m > best):
            best = m
    return out


def gen_plateau(rng, i):
    groups = random_groups(rng)
    mode = rng.choice(["min", "max"])
    cfg = {"type": "timm.plateau"}
    if mode == "min" or rng.random() < 0.6:
        cfg["mode"] = mode
    if rng.random() < 0.8:
        cfg["decayRate"] = rng.choice([0.1, 0.5, sig(rng.uniform(0.05, 0.9), 4)])
    cfg["patienceT"] = rng.choice([0, 1, 2, rng.randint(3, 6), rng.randint(5, 12)])
    if rng.random() < 0.6:
        cfg["threshold"] = rng.choice([1e-4, 0.0, 0.01, sig(10 ** rng.uniform(-4, -1.3), 4)])
    if rng.random() < 0.6:
        cfg["cooldownT"] = rng.choice([0, 1, rng.randint(2, 5), rng.randint(5, 15)])
    r = rng.random()
    if r < 0.3:
        cfg["lrMin"] = sig(groups[-1]["lr"] * 10 ** rng.uniform(-4, -1))
    elif r < 0.5:
        cfg["lrMin"] = [sig(g["lr"] * 10 ** rng.uniform(-4, -0.5)) for g in groups]
    if rng.random() < 0.6:
        cfg["warmupT"] = rng.choice([1, 2, rng.randint(3, 10), rng.randint(10, 40)])
        if rng.random() < 0.7:
            cfg["warmupLrInit"] = rng.choice([0.0, 1e-6, sig(groups[0]["lr"] * 10 ** rng.uniform(-4, -1))])
    steps = rng.randint(60, 300)
    metrics = gen_metrics(rng, steps, mode)
    return make_case(f"timm.plateau/random-{i}", cfg, groups, steps, metrics=metrics)


# ---------------------------------------------------------------------------------------------
# Edge cases
# ---------------------------------------------------------------------------------------------


def edge_cases(kind):
    E = []

    def add(name, cfg, groups, steps, metrics=None, driver="step"):
        E.append(make_case(f"{kind}/{name}", {"type": kind, **cfg}, groups, steps, metrics, driver))

    if kind in ("timm.cosine", "timm.tanh", "timm.poly"):
        k_decay = kind != "timm.tanh"
        add("defaults-past-horizon", {"tInitial": 100}, G2, 300)
        add("zero-warmup-lr-min", {"tInitial": 60, "lrMin": 1e-4, "warmupT": 0}, G2, 150)
        add("warmup-no-prefix", {"tInitial": 100, "warmupT": 10, "warmupLrInit": 1e-6}, G2, 150)
        add("warmup-prefix", {"tInitial": 100, "warmupT": 10, "warmupLrInit": 1e-6, "warmupPrefix": True}, G2, 150)
        add("warmup-longer-than-horizon", {"tInitial": 50, "warmupT": 80, "warmupLrInit": 0.0}, G1, 200)
        add("warmup-longer-than-horizon-prefix", {"tInitial": 50, "warmupT": 80, "warmupPrefix": True, "lrMin": 1e-5}, G2, 200)
        add("cycle-mul-1-restarts-decay", {"tInitial": 30, "cycleMul": 1.0, "cycleDecay": 0.5, "cycleLimit": 4, "lrMin": 1e-5}, G2, 150)
        add("cycle-mul-2-limit-reached", {"tInitial": 10, "cycleMul": 2.0, "cycleLimit": 4, "cycleDecay": 0.8}, G2, 200)
        add("cycle-mul-2-warmup-prefix", {"tInitial": 10, "cycleMul": 2.0, "cycleLimit": 3, "warmupT": 5, "warmupLrInit": 1e-5, "warmupPrefix": True}, G2, 120)
        # 1 + 121 * 2 = 243 = 3^5: glibc's log(243) / log(3) is 4.999999999999999, so timm puts t = 121 at
        # the end of cycle 4 (its floor value), not at the start of cycle 5 (V8's Math.log gives 5)
        add("cycle-mul-3-exact-restart-floor", {"tInitial": 1, "cycleMul": 3.0, "cycleLimit": 10, "cycleDecay": 0.9}, G2, 400)
        add("cycle-mul-1.5-exact-restarts", {"tInitial": 16, "cycleMul": 1.5, "cycleLimit": 8, "lrMin": 1e-5}, G2, 400)
        add("cycle-mul-1.7", {"tInitial": 7, "cycleMul": 1.7, "cycleLimit": 20}, G1, 400)
        add("cycle-mul-0.5-shrinking-to-the-end", {"tInitial": 64, "cycleMul": 0.5, "cycleLimit": 1000}, G2, 127)
        add("cycle-limit-0", {"tInitial": 20, "cycleLimit": 0, "lrMin": 1e-4, "warmupT": 5}, G2, 60)
        add("cycle-limit-reached-lr-min", {"tInitial": 25, "cycleLimit": 2, "lrMin": 2e-4}, G2, 100)
        add("step-update-driver", {"tInitial": 40, "warmupT": 4, "warmupLrInit": 1e-5, "cycleLimit": 2}, G2, 100, driver="step_update")
        if k_decay:
            add("k-decay-2", {"tInitial": 50, "kDecay": 2.0, "lrMin": 1e-5}, G2, 120)
            add("k-decay-0.5-cycles", {"tInitial": 20, "kDecay": 0.5, "cycleLimit": 3, "cycleMul": 1.5}, G2, 150)
        if kind == "timm.tanh":
            add("lb-ub", {"tInitial": 80, "lb": -3.0, "ub": 5.0, "lrMin": 1e-5}, G2, 120)
            add("warmup-no-prefix-target-is-the-curve", {"tInitial": 40, "lb": -1.0, "ub": 1.0, "warmupT": 20, "warmupLrInit": 0.0}, G2, 80)
        if kind == "timm.poly":
            add("power-1", {"tInitial": 100, "power": 1.0}, G2, 150)
            add("power-2-lr-min", {"tInitial": 100, "power": 2.0, "lrMin": 1e-4}, G2, 150)
            add("power-0", {"tInitial": 30, "power": 0.0, "cycleLimit": 2}, G1, 80)
        # row 0 is what the constructor leaves (the base lr without a warmup), not _get_lr(0):
        add("no-warmup-cycle-limit-0", {"tInitial": 20, "cycleLimit": 0, "lrMin": 1e-4}, G2, 40)  # _get_lr(0) is lr_min
        # cosine, poly: _get_lr(0) is lr_min + (0.01 - lr_min) = 0.010000000000000002 for the second group
        add("no-warmup-lr-min-last-bit", {"tInitial": 50, "lrMin": 0.001}, G3, 80)
        add("noise-only-at-step-0", {"tInitial": 30, "noiseRangeT": [0, 1]}, G2, 60)  # step(0) would add noise
        add("warmup-noise-only-at-step-0", {"tInitial": 30, "warmupT": 3, "warmupLrInit": 1e-5, "noiseRangeT": [0, 1]}, G2, 60)
        if kind == "timm.tanh":
            add("no-warmup-lb--0.5", {"tInitial": 40, "lb": -0.5, "ub": 2.0}, G2, 60)  # _get_lr(0) is 0.731 of the base lr
    elif kind == "timm.step":
        add("no-decay-defaults", {"decayT": 10}, G2, 60)
        add("decay-half", {"decayT": 10, "decayRate": 0.5}, G2, 100)
        add("fractional-decay-t", {"decayT": 2.5, "decayRate": 0.9}, G2, 100)
        add("decay-t-0.1-python-floor-division", {"decayT": 0.1, "decayRate": 0.99}, G1, 100)
        add("warmup-prefix-default", {"decayT": 7, "decayRate": 0.5, "warmupT": 5, "warmupLrInit": 1e-5}, G2, 80)
        add("warmup-no-prefix", {"decayT": 7, "decayRate": 0.5, "warmupT": 5, "warmupLrInit": 1e-5, "warmupPrefix": False}, G2, 80)
        add("warmup-longer-than-decay", {"decayT": 3, "decayRate": 0.5, "warmupT": 10, "warmupPrefix": False}, G2, 60)
        add("decay-rate-0", {"decayT": 5, "decayRate": 0.0}, G1, 30)
        add("step-update-driver", {"decayT": 4, "decayRate": 0.7, "warmupT": 3}, G2, 60, driver="step_update")
        add("noise-only-at-step-0", {"decayT": 10, "decayRate": 0.5, "noiseRangeT": [0, 1]}, G2, 40)  # row 0 = the base lr, noise-free
    elif kind == "timm.multistep":
        add("boundaries-apply-at-b-minus-1", {"decayT": [3, 5, 10], "decayRate": 0.5}, G2, 60)
        add("boundary-1-applies-at-t-0", {"decayT": [1, 4], "decayRate": 0.5}, G2, 30)
        add("boundary-0", {"decayT": [0, 6], "decayRate": 0.5}, G1, 30)
        add("repeated-boundary", {"decayT": [4, 4, 9], "decayRate": 0.5}, G2, 30)
        add("no-boundaries", {"decayT": [], "decayRate": 0.5}, G1, 20)
        add("past-the-last-boundary", {"decayT": [10, 20], "decayRate": 0.1}, G2, 100)
        add("warmup-prefix-default", {"decayT": [5, 15], "decayRate": 0.5, "warmupT": 6, "warmupLrInit": 1e-5}, G2, 60)
        add("warmup-no-prefix", {"decayT": [5, 15], "decayRate": 0.5, "warmupT": 6, "warmupLrInit": 1e-5, "warmupPrefix": False}, G2, 60)
        add("step-update-driver", {"decayT": [4, 8], "decayRate": 0.5, "warmupT": 2}, G2, 30, driver="step_update")
        # row 0 = the base lr (the constructor's), though milestones 0 and 1 already apply at t = 0
        add("boundaries-0-1-1-no-warmup", {"decayT": [0, 1, 1, 5], "decayRate": 0.5}, G2, 20)
        add("boundary-1-step-update-driver", {"decayT": [1, 3], "decayRate": 0.5}, G2, 20, driver="step_update")
        add("noise-only-at-step-0", {"decayT": [1, 8], "decayRate": 0.5, "noiseRangeT": [0, 1]}, G2, 30)
    elif kind == "timm.plateau":
        flat = [1.0] * 80
        better = [10.0 - 0.1 * k for k in range(80)]
        add("defaults-max-flat", {}, G2, 80, flat)
        add("min-patience-0-half", {"mode": "min", "patienceT": 0, "decayRate": 0.5}, G1, 60, flat[:60])
        add("warmup-then-plateau", {"mode": "min", "patienceT": 2, "decayRate": 0.5, "warmupT": 10, "warmupLrInit": 1e-5}, G2, 80, flat)
        add("warmup-1", {"mode": "min", "patienceT": 1, "warmupT": 1}, G2, 40, flat[:40])
        add("warmup-improving-min", {"mode": "min", "patienceT": 1, "warmupT": 5, "decayRate": 0.5}, G2, 80, better)
        add("improving-in-max-mode-is-bad", {"patienceT": 3, "decayRate": 0.5}, G2, 80, better)
        add("cooldown-lr-min-per-group", {"mode": "min", "patienceT": 1, "cooldownT": 3, "decayRate": 0.3, "lrMin": [0.01, 0.0005]}, G2, 80, flat)
        add("lr-min-scalar", {"mode": "min", "patienceT": 0, "decayRate": 0.5, "lrMin": 0.001, "warmupT": 3}, G2, 60, flat[:60])
        add("threshold-rel", {"mode": "min", "patienceT": 2, "threshold": 0.05}, G2, 80, [10.0 * 0.97**k for k in range(80)])
        add("noise-only-at-step-0", {"mode": "min", "patienceT": 2, "decayRate": 0.5, "noiseRangeT": [0, 1]}, G2, 40, flat[:40])
    return E


# ---------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------

SCHEDULES = ["cosine", "tanh", "poly", "step", "multistep", "plateau"]


def generate(name):
    kind = f"timm.{name}"
    rng = random.Random(f"{SEED}/{name}")
    cases = edge_cases(kind)
    for i in range(N_RANDOM):
        if name in ("cosine", "tanh", "poly"):
            cases.append(gen_cycling(rng, kind, i))
        elif name == "step":
            cases.append(gen_step(rng, i))
        elif name == "multistep":
            cases.append(gen_multistep(rng, i))
        else:
            cases.append(gen_plateau(rng, i))
    return cases


def render(cases):
    return fixturelib.render(
        {"generator": GENERATOR, "library": "timm", "version": TIMM_VERSION, "torch": torch.__version__, "seed": SEED}, cases
    )


def main():
    if TIMM_VERSION != EXPECTED_VERSION:
        sys.exit(f"expected timm {EXPECTED_VERSION}, found {TIMM_VERSION}")
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
