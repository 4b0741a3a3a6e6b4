#!/usr/bin/env python3
"""Generate the PyTorch reference fixtures in test/fixtures/pytorch/*.json.

Run from the repository root with the reference virtual environment:

    .venv-ref/bin/python scripts/gen_pytorch_fixtures.py [--check] [--only SWALR.json]

The output format and its semantics are specified in scripts/FIXTURE-FORMAT.md. Every trace is
computed by torch's own scheduler classes (torch.optim.lr_scheduler), driven from a declarative
config (the JSON form of ../shared/contract.md). The only exception is a SequentialLR that contains a
composite (SequentialLR / ChainedScheduler) which torch cannot compute correctly; those are driven by
`HarnessSequentialLR` below (reference "harness"), whose children are still real torch schedulers.

The script is deterministic: all random choices come from random.Random seeded with SEED and the
file name, so regenerating one family does not depend on another.
"""

from __future__ import annotations

import json
import fixturelib  # noqa: E402  (scripts/fixturelib.py: the layout of the committed files)
import math
import os
import random
import sys
import warnings
from bisect import bisect_right
from collections import Counter

import torch
from torch.optim import lr_scheduler as torch_lrs

SEED = 20261125
GENERATOR = "scripts/gen_pytorch_fixtures.py"
EXPECTED_TORCH = "2.13.0+cpu"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_DIR = os.path.join(ROOT, "test", "fixtures", "pytorch")

N_RANDOM = 32  # random cases per plain family (>= 30 required)
N_LONG = 3  # 3000-step cases per family
LONG_STEPS = 3000

# ---------------------------------------------------------------------------------------------
# Function registries (FIXTURE-FORMAT.md). Same formulas and operation order as the TypeScript side.
# ---------------------------------------------------------------------------------------------

LAMBDA_LR_FNS = {
    "exp95": lambda e: 0.95**e,
    "warmup10": lambda e: min(1.0, (e + 1) / 10),
    "invsqrt": lambda e: 1 / math.sqrt(e + 1),
    "step30": lambda e: 0.5 ** (e // 30),
    "linear1000": lambda e: max(0.0, 1 - e / 1000),
}

MULTIPLICATIVE_LR_FNS = {
    "const95": lambda e: 0.95,
    "const999": lambda e: 0.999,
    "alternate": lambda e: 0.9 if e % 2 == 1 else 1.05,
    "slowdecay": lambda e: 1 / (1 + 0.001 * e),
}

SCALE_FNS = {
    "decay99": lambda x: 0.99**x,
    "halving": lambda x: 1 / (2.0 ** (x - 1)),
    "invsqrt": lambda x: 1 / math.sqrt(x + 1),
}

# ---------------------------------------------------------------------------------------------
# Config -> torch scheduler
# ---------------------------------------------------------------------------------------------

# camelCase config key -> torch keyword argument, per plain scheduler class.
ARG_NAMES = {
    "StepLR": {"stepSize": "step_size", "gamma": "gamma"},
    "MultiStepLR": {"milestones": "milestones", "gamma": "gamma"},
    "ConstantLR": {"factor": "factor", "totalIters": "total_iters"},
    "LinearLR": {
        "startFactor": "start_factor",
        "endFactor": "end_factor",
        "totalIters": "total_iters",
    },
    "ExponentialLR": {"gamma": "gamma"},
    "PolynomialLR": {"totalIters": "total_iters", "power": "power"},
    "CosineAnnealingLR": {"tMax": "T_max", "etaMin": "eta_min"},
    "LambdaLR": {"lrLambda": "lr_lambda"},
    "MultiplicativeLR": {"lrLambda": "lr_lambda"},
    "CyclicLR": {
        "baseLr": "base_lr",
        "maxLr": "max_lr",
        "stepSizeUp": "step_size_up",
        "stepSizeDown": "step_size_down",
        "mode": "mode",
        "gamma": "gamma",
        "scaleFn": "scale_fn",
        "scaleMode": "scale_mode",
        "cycleMomentum": "cycle_momentum",
        "baseMomentum": "base_momentum",
        "maxMomentum": "max_momentum",
    },
    "OneCycleLR": {
        "maxLr": "max_lr",
        "totalSteps": "total_steps",
        "epochs": "epochs",
        "stepsPerEpoch": "steps_per_epoch",
        "pctStart": "pct_start",
        "annealStrategy": "anneal_strategy",
        "cycleMomentum": "cycle_momentum",
        "baseMomentum": "base_momentum",
        "maxMomentum": "max_momentum",
        "divFactor": "div_factor",
        "finalDivFactor": "final_div_factor",
        "threePhase": "three_phase",
    },
    "CosineAnnealingWarmRestarts": {"t0": "T_0", "tMult": "T_mult", "etaMin": "eta_min"},
    "ReduceLROnPlateau": {
        "mode": "mode",
        "factor": "factor",
        "patience": "patience",
        "threshold": "threshold",
        "thresholdMode": "threshold_mode",
        "cooldown": "cooldown",
        "minLr": "min_lr",
        "eps": "eps",
    },
    # torch.optim.swa_utils (torch/optim/swa_utils.py, SWALR), not lr_scheduler
    "SWALR": {"swaLr": "swa_lr", "annealEpochs": "anneal_epochs", "annealStrategy": "anneal_strategy"},
}
COMPOSITE_ARGS = {
    "SequentialLR": {"schedulers", "milestones"},
    "ChainedScheduler": {"schedulers"},
}
# The plain types of the first fixture families. The composite families (SequentialLR.json,
# ChainedScheduler.json, nested.json) draw their children from this list only; it is fixed so that
# adding scheduler types does not change those files. The newer types are below.
PLAIN_TYPES = [
    "StepLR",
    "MultiStepLR",
    "ConstantLR",
    "LinearLR",
    "ExponentialLR",
    "PolynomialLR",
    "CosineAnnealingLR",
    "LambdaLR",
    "MultiplicativeLR",
    "CyclicLR",
]
NEW_TYPES = ["OneCycleLR", "CosineAnnealingWarmRestarts", "ReduceLROnPlateau"]
SWA_TYPES = ["SWALR"]  # torch.optim.swa_utils.SWALR (SWALR.json, gen_swalr_family)
assert list(ARG_NAMES) == PLAIN_TYPES + NEW_TYPES + SWA_TYPES

# Children whose non-initial step at epoch 0 (what torch's SequentialLR does to a ChainedScheduler
# in first position: ChainedScheduler._initial_step() -> child.step()) equals their initial step
# run again (`last_epoch = -1; _initial_step()`), which is lr-schedule's semantics (rewind).
BENIGN_IN_FIRST_CHAIN = {"LinearLR", "ConstantLR", "StepLR", "MultiStepLR", "LambdaLR", "CyclicLR"}


def is_composite(cfg):
    return cfg["type"] in COMPOSITE_ARGS


def _resolve_fn(registry, name, path):
    if name not in registry:
        raise KeyError(f"{path}: unknown function name {name!r}")
    return registry[name]


def torch_kwargs(cfg, path="config"):
    """Map a plain scheduler config (camelCase) to torch keyword arguments."""
    typ = cfg["type"]
    names = ARG_NAMES[typ]
    kwargs = {}
    for key, value in cfg.items():
        if key == "type":
            continue
        if key not in names:
            raise KeyError(f"{path}.{key}: unknown argument for {typ}")
        if key == "lrLambda":
            registry = LAMBDA_LR_FNS if typ == "LambdaLR" else MULTIPLICATIVE_LR_FNS
            if isinstance(value, list):
                value = [
                    _resolve_fn(registry, v, f"{path}.lrLambda[{i}]") for i, v in enumerate(value)
                ]
            else:
                value = _resolve_fn(registry, value, f"{path}.lrLambda")
        elif key == "scaleFn":
            value = _resolve_fn(SCALE_FNS, value, f"{path}.scaleFn")
        elif key == "milestones":
            value = list(value)
        elif key == "pctStart":
            value = float(value)  # torch rejects an int pct_start (isinstance(pct_start, float))
        kwargs[names[key]] = value
    return kwargs


def build_torch(cfg, opt, path="config"):
    """Build a torch scheduler (recursively for composites) from a config dict, with torch's own
    classes only. Children are constructed in config order, as a user of torch would."""
    typ = cfg["type"]
    if typ in COMPOSITE_ARGS:
        unknown = set(cfg) - COMPOSITE_ARGS[typ] - {"type"}
        if unknown:
            raise KeyError(f"{path}: unknown arguments {sorted(unknown)} for {typ}")
        children = [
            build_torch(c, opt, f"{path}.schedulers[{i}]") for i, c in enumerate(cfg["schedulers"])
        ]
        if typ == "SequentialLR":
            return torch_lrs.SequentialLR(opt, children, milestones=list(cfg["milestones"]))
        return torch_lrs.ChainedScheduler(children, optimizer=opt)
    if typ not in ARG_NAMES:
        raise KeyError(f"{path}.type: unknown scheduler type {typ!r}")
    cls = torch.optim.swa_utils.SWALR if typ == "SWALR" else getattr(torch_lrs, typ)
    return cls(opt, **torch_kwargs(cfg, path))


def benign_first_chain(chain_cfg):
    """Whether torch's treatment of a ChainedScheduler in first position of a SequentialLR (reset the
    lrs, then step every child once in non-initial mode at epoch 0) equals lr-schedule's rewind of
    the chain (every child's initial step again, with the base lrs it recorded when built).

    CyclicLR is benign in any position: its non-initial epoch-0 step and its initial step run
    again both use its own base_lr (only its constructor's step reads `initial_lr`)."""
    return all(not is_composite(c) and c["type"] in BENIGN_IN_FIRST_CHAIN for c in chain_cfg["schedulers"])


def torch_ok(cfg):
    """True when torch 2.13 computes the config correctly with its own classes
    (FIXTURE-FORMAT.md, "reference")."""
    if not is_composite(cfg):
        return True
    children = cfg["schedulers"]
    if cfg["type"] == "ChainedScheduler":
        return all(torch_ok(c) for c in children)
    for i, child in enumerate(children):
        if not is_composite(child):
            continue
        if i > 0:
            return False  # NotImplementedError at the milestone
        if child["type"] != "ChainedScheduler":
            return False  # SequentialLR first: advanced one step (#196243)
        if not benign_first_chain(child):
            return False  # chain first: children stepped in non-initial mode
    return True


class HarnessSequentialLR:
    """A SequentialLR with lr-schedule's documented semantics for composite children
    (FIXTURE-FORMAT.md). Children are real torch schedulers (or, recursively, harnesses)."""

    def __init__(self, optimizer, cfg, path="config"):
        self.optimizer = optimizer
        self.cfg = cfg
        self.path = path
        self.milestones = list(cfg["milestones"])
        self.child_cfgs = cfg["schedulers"]
        assert len(self.milestones) == len(self.child_cfgs) - 1
        # 1. construct every child in order, with the real constructors.
        self.children = [
            build_reference(c, optimizer, f"{path}.schedulers[{i}]")
            for i, c in enumerate(self.child_cfgs)
        ]
        # ... then every group's lr := initial_lr ...
        self._reset_lrs()
        self.last_epoch = 0
        # ... then the first active child starts.
        self.rewind()

    def _reset_lrs(self):
        for group in self.optimizer.param_groups:
            group["lr"] = group["initial_lr"]

    def rewind(self):
        """Back to step 0: every lr := initial_lr, then the first active child's initial step
        again (recursively for a composite child)."""
        self._reset_lrs()
        self.last_epoch = 0
        rewind(self.children[bisect_right(self.milestones, 0)])

    def step(self):
        self.last_epoch += 1
        idx = bisect_right(self.milestones, self.last_epoch)
        if idx > 0 and self.milestones[idx - 1] == self.last_epoch:
            if is_composite(self.child_cfgs[idx]):
                self._reset_lrs()
                rewind(self.children[idx])
            else:
                self.children[idx]._update_lr(0)
        else:
            self.children[idx].step()


def rewind(sched):
    """lr-schedule's restart of a scheduler that was built but has not run: its initial step again,
    with what it recorded when built (torch's own `_initial_step()` after `last_epoch -= 1`, as
    SequentialLR does to its first child); a chain rewinds its children in turn, a harness
    sequential resets the lrs and rewinds its first active child."""
    if isinstance(sched, HarnessSequentialLR):
        sched.rewind()
    elif isinstance(sched, torch_lrs.ChainedScheduler):
        for child in sched._schedulers:
            rewind(child)
    elif isinstance(sched, torch_lrs.SequentialLR):
        # torch's SequentialLR of plain children: the same as a harness's rewind
        for group in sched.optimizer.param_groups:
            group["lr"] = group["initial_lr"]
        sched.last_epoch = 0
        rewind(sched._schedulers[bisect_right(sched._milestones, 0)])
    else:
        sched.last_epoch = -1
        sched._initial_step()


def build_reference(cfg, opt, path="config", force_harness=False):
    """Build the reference scheduler for a config: torch's own classes where torch is correct,
    otherwise HarnessSequentialLR for the SequentialLRs torch gets wrong."""
    if not force_harness and torch_ok(cfg):
        return build_torch(cfg, opt, path)
    if cfg["type"] == "SequentialLR":
        return HarnessSequentialLR(opt, cfg, path)
    assert cfg["type"] == "ChainedScheduler"
    children = [
        build_reference(c, opt, f"{path}.schedulers[{i}]") for i, c in enumerate(cfg["schedulers"])
    ]
    return torch_lrs.ChainedScheduler(children, optimizer=opt)


# ---------------------------------------------------------------------------------------------
# Optimizers and traces
# ---------------------------------------------------------------------------------------------


def group_kind(group):
    if "betas" in group:
        return "adam"
    if "momentum" in group:
        return "sgd"
    return "adagrad"


def make_optimizer(groups):
    kinds = {group_kind(g) for g in groups}
    assert len(kinds) == 1, groups
    kind = kinds.pop()
    param_groups = []
    for g in groups:
        pg = {"params": [torch.nn.Parameter(torch.zeros(1))], "lr": g["lr"]}
        if kind == "sgd":
            pg["momentum"] = g["momentum"]
        elif kind == "adam":
            pg["betas"] = tuple(g["betas"])
        param_groups.append(pg)
    if kind == "sgd":
        return torch.optim.SGD(param_groups)
    if kind == "adam":
        return torch.optim.Adam(param_groups)
    return torch.optim.Adagrad(param_groups)


def cycles_momentum(cfg):
    if cfg["type"] in ("CyclicLR", "OneCycleLR"):
        return cfg.get("cycleMomentum", True)
    if is_composite(cfg):
        return any(cycles_momentum(c) for c in cfg["schedulers"])
    return False


def _plain_float(v, what):
    if isinstance(v, bool) or not isinstance(v, (float, int)):
        raise TypeError(f"{what} is {type(v).__name__}, expected a float")
    return float(v)


def read_lrs(opt):
    return [_plain_float(g["lr"], "lr") for g in opt.param_groups]


def read_momenta(opt):
    out = []
    for g in opt.param_groups:
        if "betas" in g:
            out.append(_plain_float(g["betas"][0], "betas[0]"))
        elif "momentum" in g:
            out.append(_plain_float(g["momentum"], "momentum"))
        else:
            out.append(None)
    return out


WARNINGS = Counter()


def run_trace(cfg, groups, steps, mode="reference", metrics=None, epochs=None):
    """Trace a config: row 0 after construction, row k after k steps.
    mode: "reference" (torch where correct, else harness), "torch" (torch classes only),
    "harness" (force the top-level SequentialLR through HarnessSequentialLR).
    metrics (ReduceLROnPlateau): step k is `step(metrics[k - 1])`.
    epochs (CosineAnnealingWarmRestarts' `step(epoch)`): no constructor row; row k is the lrs after
    `step(epochs[k])`, so there are len(epochs) rows."""
    if cfg["type"] == "ReduceLROnPlateau":
        assert metrics is not None and len(metrics) == steps and epochs is None
    else:
        assert metrics is None
    if epochs is not None:
        assert cfg["type"] == "CosineAnnealingWarmRestarts" and len(epochs) == steps
    opt = make_optimizer(groups)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        if mode == "torch":
            sched = build_torch(cfg, opt)
        else:
            sched = build_reference(cfg, opt, force_harness=(mode == "harness"))
        if epochs is not None:
            lrs, moms = [], []
            for epoch in epochs:
                opt.step()
                sched.step(epoch)
                lrs.append(read_lrs(opt))
                moms.append(read_momenta(opt))
        else:
            lrs = [read_lrs(opt)]
            moms = [read_momenta(opt)]
            for k in range(steps):
                opt.step()  # params have no grad: a no-op that keeps the order warning quiet
                if metrics is None:
                    sched.step()
                else:
                    sched.step(metrics[k])
                lrs.append(read_lrs(opt))
                moms.append(read_momenta(opt))
    for w in caught:
        WARNINGS[(mode, str(w.message).split("\n")[0][:100])] += 1
    return lrs, moms


def sane(rows):
    for row in rows:
        for v in row:
            if v is None:
                continue
            if not math.isfinite(v) or abs(v) > 1e6 or (v != 0.0 and abs(v) < 1e-100):
                return False
    return True


def make_case(name, cfg, groups, steps, check_harness=False, metrics=None, epochs=None):
    """Compute a case. Returns None if the trace is not finite/sensible (caller re-draws)."""
    reference = "torch" if torch_ok(cfg) else "harness"
    try:
        lrs, moms = run_trace(cfg, groups, steps, metrics=metrics, epochs=epochs)
    except OverflowError:
        return None
    if not sane(lrs) or not sane(moms):
        return None
    if check_harness or (reference == "torch" and cfg["type"] == "SequentialLR"):
        h_lrs, h_moms = run_trace(cfg, groups, steps, mode="harness")
        if (h_lrs, h_moms) != (lrs, moms):
            raise AssertionError(f"{name}: HarnessSequentialLR disagrees with torch")
        STATS["harness self-checks (exact equality with torch)"] += 1
    if reference == "harness":
        classify_native(name, cfg, groups, steps, lrs, moms)
    case = {
        "name": name,
        "reference": reference,
        "config": cfg,
        "groups": groups,
        "steps": steps,
    }
    if metrics is not None:
        case["metrics"] = list(metrics)
    if epochs is not None:
        case["epochs"] = list(epochs)
    case["lr"] = lrs
    if cycles_momentum(cfg):
        case["momentum"] = moms
    return case


STATS = Counter()
NATIVE_NOTES = []
AGREE_NOTES = []


def classify_native(name, cfg, groups, steps, lrs, moms):
    """For harness cases: what does torch itself do with the same config?"""
    try:
        n_lrs, n_moms = run_trace(cfg, groups, steps, mode="torch")
    except NotImplementedError:
        STATS["harness cases where torch raises NotImplementedError"] += 1
        return
    if (n_lrs, n_moms) == (lrs, moms):
        STATS["harness cases where torch agrees anyway"] += 1
        AGREE_NOTES.append(name)
        return
    first = next(i for i, (a, b) in enumerate(zip(n_lrs, lrs)) if a != b) if n_lrs != lrs else None
    STATS["harness cases where torch differs"] += 1
    if len(NATIVE_NOTES) < 12:
        NATIVE_NOTES.append(f"{name}: first lr row differing from torch's native trace: {first}")


# ---------------------------------------------------------------------------------------------
# Random configs
# ---------------------------------------------------------------------------------------------


def sig(x, digits=6):
    """Round to a few significant digits, so configs stay readable."""
    return float(f"{x:.{digits}g}")


class Ctx:
    """What a random scheduler config may depend on: number of groups, optimizer kind, horizon."""

    def __init__(self, ngroups, kind, horizon, min_lr):
        self.ngroups = ngroups
        self.kind = kind  # "sgd" | "adam" | "adagrad"
        self.horizon = horizon  # steps the scheduler may see
        self.min_lr = min_lr  # smallest initial group lr (bounds etaMin)


def gen_groups(rng, n, kind):
    groups = []
    for _ in range(n):
        g = {"lr": sig(10 ** rng.uniform(-4, 0))}
        if kind == "sgd":
            g["momentum"] = rng.choice([0.0, 0.9, sig(rng.uniform(0.5, 0.99))])
        elif kind == "adam":
            g["betas"] = [sig(rng.uniform(0.8, 0.95)), 0.999]
        groups.append(g)
    return groups


def gen_gamma(rng, n_decays):
    """A gamma in (0, 1.5], mostly < 1, such that gamma ** n_decays stays in [1e-40, 1e4]."""
    n = max(1, n_decays)
    lo = max(0.05, math.exp(math.log(1e-40) / n))
    hi = min(1.5, math.exp(math.log(1e4) / n))
    r = rng.random()
    if r < 0.8:
        return sig(rng.uniform(lo, 0.999))
    if r < 0.9:
        return 1.0
    return sig(rng.uniform(1.0, hi))


def maybe_drop(rng, cfg, key, p=0.12):
    """Sometimes leave an argument out, so PyTorch's default applies."""
    if key in cfg and rng.random() < p:
        del cfg[key]


def gen_step(rng, ctx, variant=0):
    H = ctx.horizon
    step_size = rng.choice([rng.randint(1, 5), rng.randint(5, 40), rng.randint(40, max(41, H // 2))])
    cfg = {"type": "StepLR", "stepSize": step_size, "gamma": gen_gamma(rng, H // step_size)}
    maybe_drop(rng, cfg, "gamma")
    return cfg


def gen_multistep(rng, ctx, variant=None):
    H = ctx.horizon
    variant = rng.randrange(4) if variant is None else variant % 4
    k = rng.randint(1, 6)
    ms = sorted(rng.sample(range(1, int(H * 1.1) + 2), k))
    if variant in (1, 3):  # repeated milestones (they compound: gamma ** count)
        for _ in range(rng.randint(1, 2)):
            ms.insert(0, rng.choice(ms))
        ms.sort()
    if variant in (2, 3):  # unsorted
        rng.shuffle(ms)
        if ms == sorted(ms) and len(set(ms)) > 1:
            ms.reverse()
    cfg = {"type": "MultiStepLR", "milestones": ms, "gamma": gen_gamma(rng, len(ms))}
    maybe_drop(rng, cfg, "gamma")
    return cfg


def gen_total_iters(rng, H):
    return rng.choice([rng.randint(1, 10), rng.randint(1, int(H * 1.2))])


def gen_constant(rng, ctx, variant=0):
    factor = rng.choice([sig(rng.uniform(0.01, 1.0)), 0.5, 1.0, sig(rng.uniform(0.001, 0.1))])
    cfg = {"type": "ConstantLR", "factor": factor, "totalIters": gen_total_iters(rng, ctx.horizon)}
    maybe_drop(rng, cfg, "factor")
    maybe_drop(rng, cfg, "totalIters")
    return cfg


def gen_linear(rng, ctx, variant=0):
    start = rng.choice([sig(rng.uniform(0.01, 1.0)), 0.1, 1.0, sig(rng.uniform(0.01, 0.3))])
    end = rng.choice([1.0, sig(rng.uniform(0.0, 1.0)), 0.0, sig(rng.uniform(0.5, 1.0))])
    cfg = {
        "type": "LinearLR",
        "startFactor": start,
        "endFactor": end,
        "totalIters": gen_total_iters(rng, ctx.horizon),
    }
    for key in ("startFactor", "endFactor", "totalIters"):
        maybe_drop(rng, cfg, key)
    return cfg


def gen_exponential(rng, ctx, variant=0):
    return {"type": "ExponentialLR", "gamma": gen_gamma(rng, ctx.horizon)}


def gen_polynomial(rng, ctx, variant=0):
    power = rng.choice([0.0, 0.5, 1.0, 2.0, 0.9, sig(rng.uniform(0.0, 3.0)), sig(rng.uniform(0.1, 1.5))])
    cfg = {"type": "PolynomialLR", "totalIters": gen_total_iters(rng, ctx.horizon), "power": power}
    maybe_drop(rng, cfg, "totalIters")
    maybe_drop(rng, cfg, "power")
    return cfg


def gen_cosine(rng, ctx, variant=None):
    H = ctx.horizon
    variant = rng.randrange(4) if variant is None else variant % 4
    if variant in (0, 1):  # far past tMax: the recursive form rises again
        t_max = rng.choice([rng.randint(1, 4), rng.randint(5, max(6, H // 4))])
    else:
        t_max = rng.randint(max(1, H // 3), int(H * 1.5))
    cfg = {"type": "CosineAnnealingLR", "tMax": t_max}
    if variant in (1, 3):
        cfg["etaMin"] = sig(rng.choice([ctx.min_lr * rng.uniform(0.01, 0.5), 10 ** rng.uniform(-8, -5)]))
    elif rng.random() < 0.3:
        cfg["etaMin"] = 0.0
    return cfg


def gen_fn_names(rng, ctx, registry, variant):
    names = sorted(registry)
    if variant % 2 == 0:
        return rng.choice(names)
    return [rng.choice(names) for _ in range(ctx.ngroups)]


def gen_lambda(rng, ctx, variant=None):
    variant = rng.randrange(2) if variant is None else variant
    return {"type": "LambdaLR", "lrLambda": gen_fn_names(rng, ctx, LAMBDA_LR_FNS, variant)}


def gen_multiplicative(rng, ctx, variant=None):
    variant = rng.randrange(2) if variant is None else variant
    return {
        "type": "MultiplicativeLR",
        "lrLambda": gen_fn_names(rng, ctx, MULTIPLICATIVE_LR_FNS, variant),
    }


CYCLIC_MODES = ["triangular", "triangular2", "exp_range", "scaleFn-cycle", "scaleFn-iterations", "scaleFn"]


def gen_per_group(rng, values):
    """A per-group argument as a scalar (same for every group) or a list."""
    if len(set(values)) == 1 and rng.random() < 0.5:
        return values[0]
    return values


def gen_cyclic(rng, ctx, variant=None, cycle=None):
    """variant picks the mode; cycle: True/False for cycleMomentum, None = random where allowed."""
    H, n = ctx.horizon, ctx.ngroups
    mode = rng.choice(CYCLIC_MODES) if variant is None else CYCLIC_MODES[variant % len(CYCLIC_MODES)]
    cfg = {"type": "CyclicLR"}
    if rng.random() < 0.5:
        base = [sig(10 ** rng.uniform(-5, -2))] * n
    else:
        base = [sig(10 ** rng.uniform(-5, -2)) for _ in range(n)]
    if rng.random() < 0.5 and len(set(base)) == 1:
        maxs = [sig(base[0] * rng.uniform(2, 100))] * n
    else:
        maxs = [sig(b * rng.uniform(2, 100)) for b in base]
    cfg["baseLr"] = gen_per_group(rng, base)
    cfg["maxLr"] = gen_per_group(rng, maxs)
    up = rng.choice([rng.randint(1, 10), rng.randint(10, max(11, H // 4))])
    down = rng.choice([None, rng.randint(1, 10), rng.randint(10, max(11, H // 4))])
    total = up + (down if down is not None else up)
    cycles = H // total + 2
    halving_ok = cycles < 1000  # 2.0 ** (cycle - 1) raises OverflowError past 1024 cycles
    if mode == "triangular2" and not halving_ok:
        mode = "triangular"
    cfg["stepSizeUp"] = up
    if down is not None:
        cfg["stepSizeDown"] = down
    if mode in ("triangular", "triangular2"):
        if mode == "triangular2" or rng.random() < 0.7:
            cfg["mode"] = mode
    elif mode == "exp_range":
        cfg["mode"] = mode
        cfg["gamma"] = sig(rng.uniform(max(0.9, 0.001 ** (1 / H)), 1.0))
    else:
        names = sorted(SCALE_FNS)
        if mode == "scaleFn-iterations":
            if H >= 1000:
                names.remove("halving")  # 2.0 ** (last_epoch - 1) overflows
            cfg["scaleFn"] = rng.choice(names)
            cfg["scaleMode"] = "iterations"
        else:
            if not halving_ok:
                names.remove("halving")
            cfg["scaleFn"] = rng.choice(names)
            if mode == "scaleFn-cycle":
                cfg["scaleMode"] = "cycle"
    # momentum
    if ctx.kind == "adagrad":
        cycle = False
    elif cycle is None:
        cycle = rng.random() < 0.7
    if cycle:
        if rng.random() < 0.7:
            cfg["cycleMomentum"] = True
        if rng.random() < 0.75:
            bm = [sig(rng.uniform(0.5, 0.9)) for _ in range(n)]
            mm = [sig(min(0.99, b + rng.uniform(0.01, 0.1))) for b in bm]
            if rng.random() < 0.5:
                bm, mm = [bm[0]] * n, [mm[0]] * n
            choice = rng.randrange(3)
            if choice != 1:
                cfg["baseMomentum"] = gen_per_group(rng, bm)
            if choice != 2:
                cfg["maxMomentum"] = gen_per_group(rng, mm)
    else:
        cfg["cycleMomentum"] = False
    return cfg


GENERATORS = {
    "StepLR": gen_step,
    "MultiStepLR": gen_multistep,
    "ConstantLR": gen_constant,
    "LinearLR": gen_linear,
    "ExponentialLR": gen_exponential,
    "PolynomialLR": gen_polynomial,
    "CosineAnnealingLR": gen_cosine,
    "LambdaLR": gen_lambda,
    "MultiplicativeLR": gen_multiplicative,
    "CyclicLR": gen_cyclic,
}


def gen_plain(rng, typ, ctx, variant=None):
    if variant is None:
        return GENERATORS[typ](rng, ctx)
    return GENERATORS[typ](rng, ctx, variant)


def random_kind(rng):
    r = rng.random()
    return "sgd" if r < 0.7 else ("adam" if r < 0.85 else "adagrad")


def draw(rng, name, steps, ngroups, kind, make_cfg, check_harness=False, tries=200):
    """Draw groups and a config until the trace is finite and sensible."""
    for _ in range(tries):
        groups = gen_groups(rng, ngroups, kind)
        ctx = Ctx(ngroups, kind, steps, min(g["lr"] for g in groups))
        cfg = make_cfg(ctx)
        case = make_case(name, cfg, groups, steps, check_harness=check_harness)
        if case is not None:
            return case
        STATS["re-drawn configs (trace not finite/sensible)"] += 1
    raise RuntimeError(f"{name}: could not draw a sensible config")


# ---------------------------------------------------------------------------------------------
# Families
# ---------------------------------------------------------------------------------------------


def family_rng(fname):
    return random.Random(f"{SEED}:{fname}")


def gen_family(typ):
    rng = family_rng(typ)
    cases = []
    cyclic_kinds = [("sgd", True), ("adam", True), ("sgd", False), ("adagrad", False)]
    total = N_RANDOM + N_LONG
    for i in range(total):
        long = i >= N_RANDOM
        steps = LONG_STEPS if long else rng.randint(150, 300)
        ngroups = rng.randint(1, 2) if long else rng.randint(1, 3)
        name = f"{typ}/long-{i - N_RANDOM}" if long else f"{typ}/random-{i}"
        if typ == "CyclicLR":
            # every mode with every momentum setup among the random cases; the long ones vary too
            k = i % len(cyclic_kinds) if long else (i // len(CYCLIC_MODES)) % len(cyclic_kinds)
            kind, cycle = cyclic_kinds[k]
            variant = i % len(CYCLIC_MODES)
            make = lambda ctx, v=variant, c=cycle: gen_cyclic(rng, ctx, v, c)
        else:
            kind = random_kind(rng)
            make = lambda ctx, v=i: gen_plain(rng, typ, ctx, v)
        cases.append(draw(rng, name, steps, ngroups, kind, make))
    return cases


def milestones_for(rng, steps, n):
    return sorted(rng.sample(range(1, steps), n))


def any_plain(rng, ctx, types=None):
    return gen_plain(rng, rng.choice(types or PLAIN_TYPES), ctx)


class TypeBag:
    """Scheduler types drawn without replacement from reshuffled full sets, so every type shows up
    about equally often (and at every position) in the composite families."""

    def __init__(self, rng):
        self.rng = rng
        self.bag = []

    def __call__(self):
        if not self.bag:
            self.bag = list(PLAIN_TYPES)
            self.rng.shuffle(self.bag)
        return self.bag.pop()


def gen_sequential_family():
    rng = family_rng("SequentialLR")
    bag = TypeBag(rng)
    cases = []
    for i in range(N_RANDOM + N_LONG):
        long = i >= N_RANDOM
        steps = LONG_STEPS if long else rng.randint(150, 300)
        ngroups = rng.randint(1, 2) if long else rng.randint(1, 3)
        name = f"SequentialLR/long-{i - N_RANDOM}" if long else f"SequentialLR/random-{i}"
        n = rng.randint(2, 3)

        def make(ctx, n=n, steps=steps):
            children = [gen_plain(rng, bag(), ctx) for _ in range(n)]
            return {"type": "SequentialLR", "schedulers": children, "milestones": milestones_for(rng, steps, n - 1)}

        cases.append(draw(rng, name, steps, ngroups, random_kind(rng), make))
    return cases


def gen_chained_family():
    rng = family_rng("ChainedScheduler")
    bag = TypeBag(rng)
    cases = []
    for i in range(N_RANDOM + N_LONG):
        long = i >= N_RANDOM
        steps = LONG_STEPS if long else rng.randint(150, 300)
        ngroups = rng.randint(1, 2) if long else rng.randint(1, 3)
        name = f"ChainedScheduler/long-{i - N_RANDOM}" if long else f"ChainedScheduler/random-{i}"
        n = rng.randint(2, 3)

        def make(ctx, n=n):
            return {"type": "ChainedScheduler", "schedulers": [gen_plain(rng, bag(), ctx) for _ in range(n)]}

        cases.append(draw(rng, name, steps, ngroups, random_kind(rng), make))
    return cases


NON_BENIGN = ["ExponentialLR", "MultiplicativeLR", "PolynomialLR", "CosineAnnealingLR"]


def gen_nested_family():
    rng = family_rng("nested")

    def chain(ctx, types=None, must=None, at=None):
        n = rng.randint(2, 3)
        kids = [any_plain(rng, ctx, types) for _ in range(n)]
        if must:
            kids[rng.randrange(n) if at is None else at] = gen_plain(rng, rng.choice(must), ctx)
        return {"type": "ChainedScheduler", "schedulers": kids}

    def seq(ctx, steps):
        n = rng.randint(2, 3)
        return {
            "type": "SequentialLR",
            "schedulers": [any_plain(rng, ctx) for _ in range(n)],
            "milestones": milestones_for(rng, steps, n - 1),
        }

    def outer_chain(ctx, inner):
        kids = [any_plain(rng, ctx) for _ in range(rng.randint(1, 2))]
        kids.insert(rng.randint(0, len(kids)), inner)
        return {"type": "ChainedScheduler", "schedulers": kids}

    def outer_seq(ctx, steps, kids):
        return {"type": "SequentialLR", "schedulers": kids, "milestones": milestones_for(rng, steps, len(kids) - 1)}

    def plains(ctx, k):
        return [any_plain(rng, ctx) for _ in range(k)]

    benign = sorted(BENIGN_IN_FIRST_CHAIN)
    benign_no_cyclic = [t for t in benign if t != "CyclicLR"]
    categories = [
        ("chain-in-chain", lambda ctx, s: outer_chain(ctx, chain(ctx))),
        ("seq-in-chain", lambda ctx, s: outer_chain(ctx, seq(ctx, s))),
        ("benign-chain-first-in-seq", lambda ctx, s: outer_seq(ctx, s, [chain(ctx, benign)] + plains(ctx, rng.randint(1, 2)))),
        ("chain-first-in-seq", lambda ctx, s: outer_seq(ctx, s, [chain(ctx, must=NON_BENIGN)] + plains(ctx, rng.randint(1, 2)))),
        ("chain-later-in-seq", lambda ctx, s: outer_seq(ctx, s, _insert_later(rng, plains(ctx, rng.randint(1, 2)), chain(ctx)))),
        ("seq-first-in-seq", lambda ctx, s: outer_seq(ctx, s, [seq(ctx, s)] + plains(ctx, rng.randint(1, 2)))),
        ("seq-later-in-seq", lambda ctx, s: outer_seq(ctx, s, _insert_later(rng, plains(ctx, rng.randint(1, 2)), seq(ctx, s)))),
    ]
    mixed = [
        ("seq[chain,seq]", lambda ctx, s: outer_seq(ctx, s, [chain(ctx), seq(ctx, s)])),
        ("seq[seq,chain]", lambda ctx, s: outer_seq(ctx, s, [seq(ctx, s), chain(ctx)])),
        ("chain[seq,chain]", lambda ctx, s: {"type": "ChainedScheduler", "schedulers": [seq(ctx, s), chain(ctx)]}),
        ("benign-cyclic-first-chain-first-in-seq", lambda ctx, s: outer_seq(ctx, s, [chain(ctx, benign_no_cyclic, ["CyclicLR"], 0)] + plains(ctx, 1))),
        ("cyclic-later-chain-first-in-seq", lambda ctx, s: outer_seq(ctx, s, [chain(ctx, benign_no_cyclic, ["CyclicLR"], 1)] + plains(ctx, 1))),
        ("seq[benign-chain,plain,seq]", lambda ctx, s: outer_seq(ctx, s, [chain(ctx, benign)] + plains(ctx, 1) + [seq(ctx, s)])),
        ("seq[plain,chain,seq]", lambda ctx, s: outer_seq(ctx, s, plains(ctx, 1) + [chain(ctx), seq(ctx, s)])),
    ]
    plan = [(c, 6, False) for c in categories] + [(m, 2 if "cyclic" in m[0] else 1, False) for m in mixed]
    plan += [(categories[2], 1, True), (categories[3], 1, True), (categories[6], 1, True)]
    cases = []
    counter = Counter()
    for (label, make_cfg), count, long in plan:
        for _ in range(count):
            steps = LONG_STEPS if long else rng.randint(150, 300)
            ngroups = rng.randint(1, 2) if long else rng.randint(1, 3)
            idx = counter[label, long]
            counter[label, long] += 1
            name = f"nested/{label}/{'long' if long else 'random'}-{idx}"
            # chain first with benign children: torch and the harness must agree exactly
            check = "benign" in label
            cases.append(
                draw(rng, name, steps, ngroups, random_kind(rng), lambda ctx, m=make_cfg, s=steps: m(ctx, s), check_harness=check)
            )
    return cases


def _insert_later(rng, kids, inner):
    kids.insert(rng.randint(1, len(kids)), inner)
    return kids


# ---------------------------------------------------------------------------------------------
# OneCycleLR, CosineAnnealingWarmRestarts, ReduceLROnPlateau, and composites with them
# ---------------------------------------------------------------------------------------------

ONECYCLE_VARIANTS = [("cos", False), ("linear", False), ("cos", True), ("linear", True)]
MOMENTUM_KINDS = [("sgd", True), ("adam", True), ("sgd", False), ("adagrad", False)]


def onecycle_total(cfg):
    if "totalSteps" in cfg:
        return cfg["totalSteps"]
    return cfg["epochs"] * cfg["stepsPerEpoch"]


def onecycle_pct_ok(pct, total, three_phase):
    """Whether torch can step a OneCycleLR through last_epoch == total without dividing by zero.
    Phase lengths, as torch computes the phase ends: phase 1 (and the second phase of three)
    has length pct * total - 1, the last phase of two total * (1 - pct), the third phase of three
    (total - 1) - (2 * pct * total - 2)."""
    if not (0.0 <= pct < 1.0):
        return False
    if float(pct * total) - 1 == 0:
        return False
    if three_phase and (float(2 * pct * total) - 2 == total - 1 or pct > 0.5):
        return False
    return True


def _divisors(n):
    return [d for d in range(1, n + 1) if n % d == 0]


def gen_onecycle(rng, ctx, variant=None, total=None, cycle=None, by_epochs=None, pct=None):
    """A OneCycleLR whose cycle has `total` steps (default: ctx.horizon, the steps it will see).
    variant picks (annealStrategy, threePhase); cycle: cycleMomentum (None: random where allowed);
    by_epochs: give `epochs` + `stepsPerEpoch` (product = total) instead of `totalSteps`;
    pct: a fixed pctStart."""
    n = ctx.ngroups
    total = max(1, ctx.horizon) if total is None else total
    strategy, three = ONECYCLE_VARIANTS[rng.randrange(4) if variant is None else variant % 4]
    cfg = {"type": "OneCycleLR"}
    if rng.random() < 0.5:
        cfg["maxLr"] = sig(10 ** rng.uniform(-4, 0))
    else:
        cfg["maxLr"] = [sig(10 ** rng.uniform(-4, 0)) for _ in range(n)]
    if by_epochs is None:
        by_epochs = rng.random() < 0.2
    if by_epochs:
        epochs = rng.choice([d for d in _divisors(total) if 1 < d < total] or _divisors(total))
        cfg["epochs"] = epochs
        cfg["stepsPerEpoch"] = total // epochs
    else:
        cfg["totalSteps"] = total
    for _ in range(100):
        if pct is not None:
            assert onecycle_pct_ok(pct, total, three), (pct, total, three)
            break
        if three:
            pct = rng.choice([sig(rng.uniform(0.05, 0.5), 4), 0.25, 0.4, 0.3, sig(rng.uniform(0.1, 0.45), 4)])
        else:
            pct = rng.choice([0.3, sig(rng.uniform(0.05, 0.95), 4), 0.25, 0.5, sig(rng.uniform(0.1, 0.6), 4)])
            if rng.random() < 0.04:
                pct = 0.0
        if onecycle_pct_ok(pct, total, three):
            break
    else:
        raise RuntimeError(f"no valid pctStart for total {total}")
    cfg["pctStart"] = float(pct)
    if pct == 0.3 and rng.random() < 0.3:
        del cfg["pctStart"]  # torch's default
    if strategy == "linear" or rng.random() < 0.6:
        cfg["annealStrategy"] = strategy
    if three or rng.random() < 0.3:
        cfg["threePhase"] = three
    if ctx.kind == "adagrad":
        cycle = False
    elif cycle is None:
        cycle = rng.random() < 0.75
    if cycle:
        if rng.random() < 0.5:
            cfg["cycleMomentum"] = True
        if rng.random() < 0.75:
            bm = [sig(rng.uniform(0.5, 0.9)) for _ in range(n)]
            mm = [sig(min(0.99, b + rng.uniform(0.01, 0.15))) for b in bm]
            if rng.random() < 0.5:
                bm, mm = [bm[0]] * n, [mm[0]] * n
            choice = rng.randrange(3)
            if choice != 1:
                cfg["baseMomentum"] = gen_per_group(rng, bm)
            if choice != 2:
                cfg["maxMomentum"] = gen_per_group(rng, mm)
    else:
        cfg["cycleMomentum"] = False
    r = rng.random()
    if r < 0.4:
        cfg["divFactor"] = sig(rng.choice([rng.uniform(2, 100), 10 ** rng.uniform(0.3, 3)]))
    elif r < 0.5:
        cfg["divFactor"] = 25.0
    r = rng.random()
    if r < 0.5:
        cfg["finalDivFactor"] = sig(10 ** rng.uniform(0, 5))
    elif r < 0.6:
        cfg["finalDivFactor"] = 1e4
    return cfg


def restart_boundary(epoch, t0, t_mult):
    """Whether epoch is exactly a restart of CosineAnnealingWarmRestarts with t_mult > 1:
    epoch == t0 * (t_mult ** n - 1) / (t_mult - 1) for some n >= 1 (all integers)."""
    if t_mult == 1:
        return False
    n = 1
    while True:
        b = t0 * (t_mult**n - 1) // (t_mult - 1)
        if b == epoch:
            return True
        if b > epoch:
            return False
        n += 1


def gen_cawr(rng, ctx, variant=None):
    H = ctx.horizon
    t_mult = [1, 2, 3][rng.randrange(3) if variant is None else variant % 3]
    t0 = rng.choice([rng.randint(1, 5), rng.randint(5, 30), rng.randint(30, max(31, H // 2)),
                     rng.randint(max(1, H // 2), H + 50)])
    cfg = {"type": "CosineAnnealingWarmRestarts", "t0": t0, "tMult": t_mult}
    if t_mult == 1 and rng.random() < 0.3:
        del cfg["tMult"]  # torch's default
    r = rng.random()
    if r < 0.25:
        pass
    elif r < 0.4:
        cfg["etaMin"] = 0.0
    elif r < 0.7:
        cfg["etaMin"] = sig(ctx.min_lr * rng.uniform(0.01, 0.5))
    elif r < 0.92:
        cfg["etaMin"] = sig(10 ** rng.uniform(-8, -5))
    else:
        cfg["etaMin"] = sig(ctx.min_lr * rng.uniform(1.1, 3))  # above the lr: anneals upwards
    return cfg


CAWR_EPOCH_KINDS = ["grid", "batches", "jumps", "jumps"]


def gen_cawr_epochs(rng, kind, t0, t_mult):
    """Epoch lists for `step(epoch)`: PyTorch's 0, 0.1, 0.2, ... grid, the docstring's
    `epoch + i / iters`, and interleaved lists that jump forwards and backwards (like
    test_CosineAnnealingWarmRestarts_lr3). Exact restart epochs are dropped when t_mult > 1."""
    if kind == "grid":
        n = rng.randint(10, 30)
        epochs = [round(k * 0.1, 1) for k in range(n * 10)]
    elif kind == "batches":
        iters = rng.choice([3, 4, 5, 7, 8, 10])
        n = rng.randint(max(3, 60 // iters), max(4, 250 // iters))
        epochs = [e + i / iters for e in range(n) for i in range(iters)]
    else:
        epochs = [0]
        cur = 0
        length = rng.randint(80, 200)
        while len(epochs) < length:
            r = rng.random()
            if r < 0.35:
                cur = cur + 1
            elif r < 0.55:
                cur = round(cur + rng.uniform(0.05, 3), rng.choice([1, 2]))
            elif r < 0.65:
                cur = cur + rng.randint(t0, 20 * t0)
            elif r < 0.8:
                cur = rng.choice([rng.randint(0, max(0, int(cur))), round(rng.uniform(0, cur), 1)])
            elif r < 0.9:  # on or next to a restart epoch
                n = rng.randint(1, 6)
                b = t0 * (t_mult**n - 1) // (t_mult - 1) if t_mult > 1 else t0 * n
                cur = rng.choice([b, b + 0.5, b - 0.5, b + 1, b - 1, round(b + 0.1, 1), round(b - 0.1, 1)])
            else:
                cur = round(rng.uniform(0, 10 * t0 * t_mult**3), rng.choice([0, 1, 2]))
                if cur == int(cur):
                    cur = int(cur)
            if cur < 0:
                cur = 0
            epochs.append(cur)
    kept = [e for e in epochs if not restart_boundary(e, t0, t_mult)]
    STATS["CAWR epochs dropped (exact restart epochs with tMult > 1)"] += len(epochs) - len(kept)
    return kept


PLATEAU_COMBOS = [("min", "rel"), ("min", "abs"), ("max", "rel"), ("max", "abs")]


def gen_metrics(rng, n, mode):
    """A metric sequence of n values in which plateaus and improvements alternate: noisy trends
    that flatten, step changes, constant stretches, noise, and values equal to the best so far.
    `mode` says which direction is an improvement."""
    d = -1.0 if mode == "min" else 1.0
    scale = 10 ** rng.uniform(-2, 2)
    base = rng.choice([0.0, scale * rng.uniform(0.5, 20), -scale * rng.uniform(0.5, 20), scale * rng.uniform(-2, 2)])
    digits = rng.choice([3, 4, 6, 8])
    progress = 0.0
    vals = []
    while len(vals) < n:
        seg = rng.randint(3, 30)
        kind = rng.choice(["trend", "trend", "flat", "noise", "jump", "equal-best", "worse"])
        if kind == "trend":  # improving, flattening
            amp = rng.uniform(0.2, 3)
            tau = rng.uniform(2, 15)
            noise = rng.choice([0.0, 0.01, 0.05, 0.2])
            start = progress
            for k in range(seg):
                progress = start + amp * (1 - math.exp(-(k + 1) / tau))
                vals.append(progress + noise * rng.gauss(0, 1) * amp)
        elif kind == "flat":
            v = progress - rng.choice([0.0, 0.0, rng.uniform(0, 0.5)])
            vals.extend([v] * seg)
        elif kind == "noise":
            sd = rng.uniform(0.01, 0.5)
            vals.extend(progress - abs(rng.gauss(0, sd)) for _ in range(seg))
        elif kind == "jump":
            progress += rng.uniform(0.1, 2)
            vals.extend([progress] * rng.randint(1, 5))
        elif kind == "worse":
            vals.extend(progress - rng.uniform(0.5, 3) for _ in range(seg))
        else:
            vals.append(None)  # filled in with the best so far below
            vals.extend([None] * rng.randint(0, 6))
    out = []
    best = None
    for v in vals[:n]:
        if v is None:
            m = best if best is not None else float(sig(base, digits))
        else:
            m = float(sig(base + d * scale * v, digits))
            if m == 0.0:
                m = 0.0  # no -0.0
        out.append(m)
        if best is None or (m < best if mode == "min" else m > best):
            best = m
    return out


def gen_plateau(rng, ctx, combo, big_eps=False):
    mode, tmode = combo
    n = ctx.ngroups
    cfg = {"type": "ReduceLROnPlateau"}
    if mode != "min" or rng.random() < 0.7:
        cfg["mode"] = mode
    factor = rng.choice([0.1, 0.5, sig(rng.uniform(0.05, 0.9), 4), sig(rng.uniform(0.3, 0.8), 4)])
    if factor != 0.1 or rng.random() < 0.7:
        cfg["factor"] = factor
    cfg["patience"] = rng.choice([0, 1, 2, rng.randint(3, 6), rng.randint(5, 12), 10])
    if cfg["patience"] == 10 and rng.random() < 0.4:
        del cfg["patience"]
    if tmode == "rel":
        threshold = rng.choice([1e-4, sig(10 ** rng.uniform(-4, -1.3), 4), 0.0, 0.01])
    else:
        threshold = rng.choice([1e-4, 0.0, sig(10 ** rng.uniform(-3, 0), 4)])
    if threshold != 1e-4 or rng.random() < 0.6:
        cfg["threshold"] = threshold
    if tmode != "rel" or rng.random() < 0.7:
        cfg["thresholdMode"] = tmode
    cooldown = rng.choice([0, 0, 1, rng.randint(2, 5), rng.randint(5, 15)])
    if cooldown or rng.random() < 0.5:
        cfg["cooldown"] = cooldown
    r = rng.random()
    if r < 0.3:
        pass
    elif r < 0.4:
        cfg["minLr"] = 0.0
    elif r < 0.7:
        cfg["minLr"] = sig(ctx.min_lr * 10 ** rng.uniform(-4, -1))
    else:
        cfg["minLr"] = [sig(ctx.min_lr * 10 ** rng.uniform(-4, -0.5)) for _ in range(n)]
    if big_eps:
        # a reduction of an lr that the earlier reductions have brought down to about this size is skipped
        f = cfg.get("factor", 0.1)
        k = rng.randint(1, 3)
        cfg["eps"] = sig(ctx.max_lr * (1 - f) * f**k * rng.uniform(0.6, 1.4), 4)
    elif rng.random() < 0.3:
        cfg["eps"] = rng.choice([1e-8, 0.0, 1e-12])
    return cfg


def plateau_events(cfg, groups, metrics):
    """Generator-side statistics only (the fixture traces come from run_trace, unwrapped): how
    often torch's ReduceLROnPlateau decides to reduce (calls its own `_reduce_lr`), how many of
    those calls change an lr, and how many group reductions its `eps` suppresses."""
    opt = make_optimizer(groups)
    sched = build_torch(cfg, opt)
    ev = Counter()
    reduce_lr = sched._reduce_lr

    def counting_reduce_lr(epoch):
        before = read_lrs(opt)
        reduce_lr(epoch)
        after = read_lrs(opt)
        ev["reductions"] += 1
        if after != before:
            ev["effective"] += 1
            ev["last-effective"] = epoch
        for i, (old, new) in enumerate(zip(before, after)):
            target = max(old * sched.factor, sched.min_lrs[i])
            if new == old and 0 < old - target <= sched.eps:
                ev["eps-suppressed"] += 1

    sched._reduce_lr = counting_reduce_lr
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for m in metrics:
            opt.step()
            sched.step(m)
    return ev


def gen_onecycle_family():
    rng = family_rng("OneCycleLR")
    cases = []
    for i in range(N_RANDOM + N_LONG):
        long = i >= N_RANDOM
        if long:
            total = LONG_STEPS
        else:
            total = rng.choice([rng.randint(150, 300), rng.randint(150, 300), rng.randint(20, 150), rng.randint(1, 20)])
        ngroups = rng.randint(1, 2) if long else rng.randint(1, 3)
        name = f"OneCycleLR/long-{i - N_RANDOM}" if long else f"OneCycleLR/random-{i}"
        kind, cycle = MOMENTUM_KINDS[i % 4 if long else (i // 4) % 4]
        by_epochs = (i % 5 == 2)
        pct = None
        if i in (9, 14):  # pctStart 0: no warm-up phase (two phases), or no first phase (three)
            pct = 0.0
        if i in (12, 15):  # a cycle of 1 or 2 steps
            total = {12: 1, 15: 2}[i]
        make = lambda ctx, v=i % 4, c=cycle, b=by_epochs, t=total, p=pct: gen_onecycle(rng, ctx, v, t, c, b, p)
        case = draw(rng, name, total, ngroups, kind, make)
        assert onecycle_total(case["config"]) == case["steps"] == len(case["lr"]) - 1
        cases.append(case)
    return cases


def gen_cawr_family():
    rng = family_rng("CosineAnnealingWarmRestarts")
    cases = []
    for i in range(N_RANDOM + N_LONG):
        long = i >= N_RANDOM
        steps = LONG_STEPS if long else rng.randint(150, 300)
        ngroups = rng.randint(1, 2) if long else rng.randint(1, 3)
        name = f"CosineAnnealingWarmRestarts/long-{i - N_RANDOM}" if long else f"CosineAnnealingWarmRestarts/random-{i}"
        cases.append(draw(rng, name, steps, ngroups, random_kind(rng), lambda ctx, v=i: gen_cawr(rng, ctx, v)))
    # step(epoch) cases: every epoch-list kind with every tMult
    for i in range(3 * len(CAWR_EPOCH_KINDS)):
        t_mult = [1, 2, 3][i % 3]
        kind = CAWR_EPOCH_KINDS[i // 3]
        ngroups = rng.randint(1, 3)
        groups = gen_groups(rng, ngroups, random_kind(rng))
        t0 = rng.choice([rng.randint(1, 10), rng.randint(5, 20), rng.randint(10, 50)])
        ctx = Ctx(ngroups, "sgd", 100, min(g["lr"] for g in groups))
        cfg = gen_cawr(rng, ctx, t_mult - 1)
        cfg["t0"] = t0
        epochs = gen_cawr_epochs(rng, kind, t0, t_mult)
        case = make_case(f"CosineAnnealingWarmRestarts/epochs-{kind}-{i}", cfg, groups, len(epochs), epochs=epochs)
        assert case is not None
        cases.append(case)
    return cases


def gen_plateau_family():
    rng = family_rng("ReduceLROnPlateau")
    cases = []
    n_random, n_long = 44, 2
    for i in range(n_random + n_long):
        long = i >= n_random
        steps = LONG_STEPS if long else rng.randint(80, 300)
        ngroups = rng.randint(1, 2) if long else rng.randint(1, 3)
        name = f"ReduceLROnPlateau/long-{i - n_random}" if long else f"ReduceLROnPlateau/random-{i}"
        combo = PLATEAU_COMBOS[i % 4]
        big_eps = i % 5 == 3
        kind = random_kind(rng)
        for _ in range(500):
            groups = gen_groups(rng, ngroups, kind)
            ctx = Ctx(ngroups, kind, steps, min(g["lr"] for g in groups))
            ctx.max_lr = max(g["lr"] for g in groups)
            cfg = gen_plateau(rng, ctx, combo, big_eps)
            metrics = gen_metrics(rng, steps, combo[0])
            ev = plateau_events(cfg, groups, metrics)
            if (ev["reductions"] < 3 or ev["effective"] < 3 or ev["last-effective"] < 0.3 * steps
                    or (big_eps and ev["eps-suppressed"] < 1)):
                STATS["re-drawn ReduceLROnPlateau configs (too few reductions)"] += 1
                continue
            case = make_case(name, cfg, groups, steps, metrics=metrics)
            if case is None:
                continue
            STATS["ReduceLROnPlateau reductions (decisions)"] += ev["reductions"]
            STATS["ReduceLROnPlateau reductions that changed an lr"] += ev["effective"]
            STATS["ReduceLROnPlateau group reductions suppressed by eps"] += ev["eps-suppressed"]
            cases.append(case)
            break
        else:
            raise RuntimeError(f"{name}: could not draw a ReduceLROnPlateau case")
    combos = Counter((c["config"].get("mode", "min"), c["config"].get("thresholdMode", "rel")) for c in cases)
    assert all(combos[k] >= 8 for k in PLATEAU_COMBOS), combos
    return cases


def seq_child_horizons(milestones, steps):
    """The largest last_epoch each child of a SequentialLR reaches in `steps` steps: child 0 runs
    epochs 0..m0-1, child i restarts at milestone m(i-1) (last_epoch 0) and runs to m(i)-1."""
    starts = [0] + list(milestones)
    ends = [m - 1 for m in milestones] + [steps]
    return [max(0, min(e, steps) - s) for s, e in zip(starts, ends)]


def onecycle_horizons(cfg, horizon, out):
    """List (OneCycleLR config, largest last_epoch it reaches) over a composite."""
    if cfg["type"] == "OneCycleLR":
        out.append((cfg, horizon))
    elif cfg["type"] == "ChainedScheduler":
        for c in cfg["schedulers"]:
            onecycle_horizons(c, horizon, out)
    elif cfg["type"] == "SequentialLR":
        for c, h in zip(cfg["schedulers"], seq_child_horizons(cfg["milestones"], horizon)):
            onecycle_horizons(c, h, out)
    return out


def gen_swalr(rng, ctx):
    """A random SWALR config: swaLr above or below the groups' lrs (one for all, or one per group),
    annealing over 0-3, up to 40 or up to 200 steps, cos or linear."""
    swa = [sig(10 ** rng.uniform(-4, 0)) for _ in range(ctx.ngroups)]
    cfg = {"type": "SWALR", "swaLr": swa if ctx.ngroups > 1 and rng.random() < 0.6 else swa[0]}
    cfg["annealEpochs"] = rng.choice([rng.randint(0, 3), rng.randint(1, 40), rng.randint(40, 200)])
    cfg["annealStrategy"] = rng.choice(["cos", "linear"])
    maybe_drop(rng, cfg, "annealEpochs", p=0.15)
    maybe_drop(rng, cfg, "annealStrategy", p=0.15)
    return cfg


def gen_swalr_family():
    """SWALR.json: torch.optim.swa_utils.SWALR alone (random configs and edge cases), and inside
    SequentialLR and ChainedScheduler (torch's own composites, which call its get_lr on the lr
    the optimizer holds: SequentialLR's `_update_lr(0)` at its milestone, ChainedScheduler's step
    after the children before it)."""
    rng = family_rng("SWALR")
    cases = []
    for i in range(18):
        steps = rng.randint(60, 250)
        cases.append(draw(rng, f"SWALR/random-{i}", steps, rng.randint(1, 3), random_kind(rng), lambda ctx: gen_swalr(rng, ctx)))
    G1 = [{"lr": 0.1, "momentum": 0.9}]
    G2 = [{"lr": 0.05, "momentum": 0.9}, {"lr": 0.002, "momentum": 0.0}]

    def add(label, cfg, groups, steps):
        case = make_case(f"SWALR/{label}", cfg, groups, steps)
        assert case is not None, label
        cases.append(case)

    swa = lambda **kw: {"type": "SWALR", **kw}
    add("defaults", swa(swaLr=0.01), G1, 40)
    add("anneal-0-cos", swa(swaLr=0.01, annealEpochs=0), G2, 20)
    add("anneal-0-linear", swa(swaLr=[0.2, 0.001], annealEpochs=0, annealStrategy="linear"), G2, 20)
    add("anneal-1", swa(swaLr=0.03, annealEpochs=1), G1, 20)
    add("anneal-2-linear", swa(swaLr=0.5, annealEpochs=2, annealStrategy="linear"), G1, 20)
    add("past-the-annealing-cos", swa(swaLr=[0.001, 0.01], annealEpochs=30), G2, 150)
    add("past-the-annealing-linear", swa(swaLr=0.004, annealEpochs=37, annealStrategy="linear"), G2, 150)
    add("swa-lr-equals-lr", swa(swaLr=0.1, annealEpochs=7), G1, 30)
    add("swa-lr-zero", swa(swaLr=0.0, annealEpochs=12), G2, 40)
    add("swa-lr-above-lr", swa(swaLr=[0.3, 0.01], annealEpochs=15, annealStrategy="linear"), G2, 40)
    add("long-annealing", swa(swaLr=0.0001, annealEpochs=390), G1, 400)
    # the SWA recipe: a schedule, then SWALR from the lr it left (SequentialLR's _update_lr(0) at the
    # milestone keeps it, annealing starts at the step after)
    add("seq-cosine-then-swalr", {"type": "SequentialLR", "milestones": [60], "schedulers": [{"type": "CosineAnnealingLR", "tMax": 100}, swa(swaLr=0.02, annealEpochs=10)]}, G2, 120)
    add("seq-exponential-then-swalr-linear", {"type": "SequentialLR", "milestones": [25], "schedulers": [{"type": "ExponentialLR", "gamma": 0.95}, swa(swaLr=0.05, annealEpochs=5, annealStrategy="linear")]}, G1, 60)
    add("seq-linear-then-swalr-anneal-0", {"type": "SequentialLR", "milestones": [10], "schedulers": [{"type": "LinearLR", "startFactor": 0.1, "totalIters": 10}, swa(swaLr=[0.01, 0.0005], annealEpochs=0)]}, G2, 40)
    add("seq-swalr-first", {"type": "SequentialLR", "milestones": [30], "schedulers": [swa(swaLr=0.01, annealEpochs=20), {"type": "ExponentialLR", "gamma": 0.9}]}, G2, 60)
    add("seq-three-swalr-middle", {"type": "SequentialLR", "milestones": [20, 50], "schedulers": [{"type": "StepLR", "stepSize": 5, "gamma": 0.7}, swa(swaLr=0.06, annealEpochs=12), {"type": "ConstantLR", "factor": 0.5, "totalIters": 10}]}, G1, 80)
    # (no two SWALRs on one optimizer: torch keeps swa_lr in the param group, group["swa_lr"], so
    # the last one built sets it for both; lr-schedule keeps each SWALR's own, docs/schedulers.md)
    add("chain-exponential-swalr", {"type": "ChainedScheduler", "schedulers": [{"type": "ExponentialLR", "gamma": 0.97}, swa(swaLr=0.01, annealEpochs=25)]}, G2, 60)
    add("chain-swalr-steplr", {"type": "ChainedScheduler", "schedulers": [swa(swaLr=0.02, annealEpochs=10, annealStrategy="linear"), {"type": "StepLR", "stepSize": 4, "gamma": 0.5}]}, G2, 40)
    add("chain-swalr-anneal-0-multistep", {"type": "ChainedScheduler", "schedulers": [swa(swaLr=0.04, annealEpochs=0), {"type": "MultiStepLR", "milestones": [5, 9], "gamma": 0.5}]}, G1, 20)
    add("chain-in-seq", {"type": "SequentialLR", "milestones": [15], "schedulers": [{"type": "ChainedScheduler", "schedulers": [{"type": "LinearLR", "startFactor": 0.5, "totalIters": 10}, swa(swaLr=0.01, annealEpochs=8)]}, {"type": "ExponentialLR", "gamma": 0.9}]}, G1, 40)
    return cases


def gen_composites2_family():
    rng = family_rng("composites-2")
    OC, CW = "OneCycleLR", "CosineAnnealingWarmRestarts"

    def child(typ, ctx, horizon):
        c2 = Ctx(ctx.ngroups, ctx.kind, max(1, horizon), ctx.min_lr)
        if typ == OC:
            extra = rng.choice([0, 0, rng.randint(1, 20), rng.randint(1, max(1, horizon))])
            return gen_onecycle(rng, c2, total=max(1, horizon) + extra)
        if typ == CW:
            cfg = gen_cawr(rng, c2)
            cfg["t0"] = rng.choice([rng.randint(1, 10), rng.randint(5, max(6, horizon // 3))])  # restarts
            return cfg
        return gen_plain(rng, typ, c2)

    def seq(types, ctx, steps, horizon=None):
        H = steps if horizon is None else horizon
        ms = milestones_for(rng, H, len(types) - 1)
        hs = seq_child_horizons(ms, H)
        kids = [child(t, ctx, h) for t, h in zip(types, hs)]
        return {"type": "SequentialLR", "schedulers": kids, "milestones": ms}

    def chain(types, ctx, steps):
        return {"type": "ChainedScheduler", "schedulers": [child(t, ctx, steps) for t in types]}

    bag_types = [t for t in PLAIN_TYPES] + [OC, CW, OC, CW]

    def random_types(k):
        types = [rng.choice(bag_types) for _ in range(k)]
        if not any(t in (OC, CW) for t in types):
            types[rng.randrange(k)] = rng.choice([OC, CW])
        return types

    plan = [
        ("seq[LinearLR,CAWR]", 3, lambda ctx, s: seq(["LinearLR", CW], ctx, s)),
        ("seq[ConstantLR,CAWR]", 1, lambda ctx, s: seq(["ConstantLR", CW], ctx, s)),
        ("seq[CAWR,ExponentialLR]", 1, lambda ctx, s: seq([CW, "ExponentialLR"], ctx, s)),
        ("seq[CAWR,CosineAnnealingLR]", 1, lambda ctx, s: seq([CW, "CosineAnnealingLR"], ctx, s)),
        ("seq[OneCycleLR,ConstantLR]", 2, lambda ctx, s: seq([OC, "ConstantLR"], ctx, s)),
        ("seq[OneCycleLR,CAWR]", 2, lambda ctx, s: seq([OC, CW], ctx, s)),
        ("seq[LinearLR,OneCycleLR]", 2, lambda ctx, s: seq(["LinearLR", OC], ctx, s)),
        ("seq[CAWR,OneCycleLR]", 1, lambda ctx, s: seq([CW, OC], ctx, s)),
        ("seq[OneCycleLR,CyclicLR]", 1, lambda ctx, s: seq([OC, "CyclicLR"], ctx, s)),
        ("seq[ConstantLR,OneCycleLR,CAWR]", 1, lambda ctx, s: seq(["ConstantLR", OC, CW], ctx, s)),
        ("seq[CAWR,LinearLR,OneCycleLR]", 1, lambda ctx, s: seq([CW, "LinearLR", OC], ctx, s)),
        ("chain[CAWR,ExponentialLR]", 2, lambda ctx, s: chain([CW, "ExponentialLR"], ctx, s)),
        ("chain[ExponentialLR,CAWR]", 1, lambda ctx, s: chain(["ExponentialLR", CW], ctx, s)),
        ("chain[CAWR,MultiStepLR]", 1, lambda ctx, s: chain([CW, "MultiStepLR"], ctx, s)),
        ("chain[OneCycleLR,ConstantLR]", 2, lambda ctx, s: chain([OC, "ConstantLR"], ctx, s)),
        ("chain[LinearLR,OneCycleLR]", 1, lambda ctx, s: chain(["LinearLR", OC], ctx, s)),
        ("chain[OneCycleLR,CAWR]", 1, lambda ctx, s: chain([OC, CW], ctx, s)),
        ("chain[OneCycleLR,MultiplicativeLR]", 1, lambda ctx, s: chain([OC, "MultiplicativeLR"], ctx, s)),
        ("chain[OneCycleLR,CyclicLR]", 1, lambda ctx, s: chain([OC, "CyclicLR"], ctx, s)),
        ("chain[seq[LinearLR,CAWR],ExponentialLR]", 1,
         lambda ctx, s: {"type": "ChainedScheduler", "schedulers": [seq(["LinearLR", CW], ctx, s), child("ExponentialLR", ctx, s)]}),
        ("chain[ConstantLR,seq[OneCycleLR,CAWR]]", 1,
         lambda ctx, s: {"type": "ChainedScheduler", "schedulers": [child("ConstantLR", ctx, s), seq([OC, CW], ctx, s)]}),
        ("random-seq", 3, lambda ctx, s: seq(random_types(rng.randint(2, 3)), ctx, s)),
        ("random-chain", 3, lambda ctx, s: chain(random_types(rng.randint(2, 3)), ctx, s)),
    ]
    longs = [
        ("seq[LinearLR,CAWR]", lambda ctx, s: seq(["LinearLR", CW], ctx, s)),
        ("chain[OneCycleLR,ExponentialLR]", lambda ctx, s: chain([OC, "ExponentialLR"], ctx, s)),
    ]
    jobs = [(label, make, False) for label, count, make in plan for _ in range(count)]
    jobs += [(label, make, True) for label, make in longs]
    cases = []
    counter = Counter()
    for label, make_cfg, long in jobs:
        steps = LONG_STEPS if long else rng.randint(150, 300)
        ngroups = rng.randint(1, 2) if long else rng.randint(1, 3)
        idx = counter[label, long]
        counter[label, long] += 1
        name = f"composites-2/{label}/{'long' if long else 'random'}-{idx}"

        def make(ctx, m=make_cfg, s=steps):
            cfg = m(ctx, s)
            for oc, h in onecycle_horizons(cfg, s, []):
                assert onecycle_total(oc) >= h, (name, oc, h)  # never stepped past its cycle
            return cfg

        case = draw(rng, name, steps, ngroups, random_kind(rng), make)
        assert case["reference"] == "torch", name
        cases.append(case)
    return cases


# ---------------------------------------------------------------------------------------------
# PyTorch's own test cases (test/optim/test_lrscheduler.py), section 4 of pytorch-notes.md
# ---------------------------------------------------------------------------------------------


def suite_cases():
    sgd2 = [{"lr": 0.05, "momentum": 0.0}, {"lr": 0.5, "momentum": 0.0}]
    sgd_04 = [{"lr": 0.05, "momentum": 0.0}, {"lr": 0.4, "momentum": 0.0}]
    adam2 = [{"lr": 0.05, "betas": [0.9, 0.999]}, {"lr": 0.5, "betas": [0.9, 0.999]}]

    def step(gamma, size):
        return {"type": "StepLR", "stepSize": size, "gamma": gamma}

    def multistep(ms, gamma=0.1):
        return {"type": "MultiStepLR", "milestones": ms, "gamma": gamma}

    def const(factor, total=None):
        c = {"type": "ConstantLR", "factor": factor}
        if total is not None:
            c["totalIters"] = total
        return c

    def linear(start, total, end=None):
        c = {"type": "LinearLR", "startFactor": start, "totalIters": total}
        if end is not None:
            c["endFactor"] = end
        return c

    def exp(gamma):
        return {"type": "ExponentialLR", "gamma": gamma}

    def poly(power, total):
        return {"type": "PolynomialLR", "power": power, "totalIters": total}

    def cos(t_max, eta_min):
        return {"type": "CosineAnnealingLR", "tMax": t_max, "etaMin": eta_min}

    def seq(children, ms):
        return {"type": "SequentialLR", "schedulers": children, "milestones": ms}

    def chain(*children):
        return {"type": "ChainedScheduler", "schedulers": list(children)}

    def cyclic(**kw):
        return {"type": "CyclicLR", **kw}

    cos10 = [1e-10 + (0.05 - 1e-10) * (1 + math.cos(math.pi * x / 10)) / 2 for x in range(10)]
    ms_targets = [0.05] * 2 + [0.005] * 3 + [0.0005] * 4 + [0.00005] * 3
    lin_targets = [0.05 * (0.5 + i * 0.5 / 4) for i in range(4)] + [0.05] * 6
    i_up_down = [1.0, 3.0, 5.0, 13 / 3, 11 / 3, 3.0, 7 / 3, 5 / 3, 1.0, 2.0, 3.0, 8 / 3, 7 / 3, 2.0, 5 / 3, 4 / 3,
                 1.0, 1.5, 2.0, 11 / 6, 10 / 6, 9 / 6, 8 / 6, 7 / 6]

    def xs_exp(xs, base=1.0, diff=4.0):
        return [base + x * diff * 0.9**i for i, x in enumerate(xs)]

    xs13 = [0, 0.25, 0.5, 0.75, 1, 0.75, 0.5, 0.25, 0, 0.25, 0.5, 0.75, 1]
    xs_ud = [0.0, 0.5, 1.0, 5 / 6, 4 / 6, 3 / 6, 2 / 6, 1 / 6, 0.0, 0.5, 1.0, 5 / 6, 4 / 6]
    tri = [1, 2, 3, 4, 5, 4, 3, 2, 1, 2, 3]
    tri2 = [1, 2, 3, 4, 5, 4, 3, 2, 1, 1.5, 2, 2.5, 3, 2.5, 2, 1.5, 1, 1.25, 1.5, 1.75, 2, 1.75]
    cyc = dict(baseLr=1.0, maxLr=5.0, stepSizeUp=4, cycleMomentum=True, baseMomentum=1.0, maxMomentum=5.0)

    # (test name, config, groups, epochs, expected group-0 lrs for epochs 0..n-1 or None)
    T = [
        ("test_step_lr", step(0.1, 3), sgd2, 10, [0.05] * 3 + [0.005] * 3 + [0.0005] * 3 + [0.00005]),
        ("test_get_last_lr_step_lr", step(0.1, 3), [{"lr": 0.1, "momentum": 0.0}], 10,
         [0.1] * 3 + [0.01] * 3 + [0.001] * 3 + [0.0001]),
        ("test_multi_step_lr", multistep([2, 5, 9]), sgd2, 10, ms_targets),
        ("test_get_last_lr_multi_step_lr", multistep([2, 5, 9]), sgd2, 10, ms_targets),
        ("test_constantlr", const(0.5, 5), sgd2, 10, [0.025] * 5 + [0.05] * 5),
        ("test_get_last_lr_constantlr", const(0.5, 5), sgd2, 10, [0.025] * 5 + [0.05] * 5),
        ("test_linearlr", linear(0.5, 4), sgd2, 10, lin_targets),
        ("test_get_last_lr_linearlr", linear(0.25, 4, end=0.6), sgd2, 10,
         [0.05 * (0.25 + i * 0.35 / 4) for i in range(4)] + [0.05 * 0.6] * 6),
        ("test_exp_lr", exp(0.9), sgd2, 10, [0.05 * 0.9**x for x in range(10)]),
        ("test_poly_lr", poly(0.9, 5), sgd2, 10, [(1 - x / 5) ** 0.9 * 0.05 for x in range(5)] + [0.0] * 5),
        ("test_cos_anneal_lr", cos(10, 1e-10), sgd2, 10, cos10),
        # The registry has no 0.9**e / 0.8**e; registry functions stand in (same shape: one per group).
        ("test_lambda_lr", {"type": "LambdaLR", "lrLambda": ["exp95", "invsqrt"]}, sgd_04, 10,
         [0.05 * 0.95**x for x in range(10)]),
        ("test_multiplicative_lr", {"type": "MultiplicativeLR", "lrLambda": ["const95", "const999"]}, sgd_04, 10,
         [0.05 * 0.95**x for x in range(10)]),
        ("test_sequentiallr1", seq([exp(0.8), step(0.1, 4)], [3]), sgd2, 19,
         [0.05, 0.04, 0.032] + [0.05] * 4 + [0.005] * 4 + [0.0005] * 4 + [0.00005] * 4),
        ("test_sequentiallr2", seq([const(0.1, 3), exp(0.9)], [3]), sgd2, 13,
         [0.005] * 3 + [0.05 * 0.9**x for x in range(10)]),
        ("test_sequentiallr3", seq([const(0.1, 3), exp(0.8), step(0.1, 2)], [3, 6]), sgd2, 12,
         [0.005] * 3 + [0.05, 0.04, 0.032] + [0.05, 0.05, 0.005, 0.005, 0.0005, 0.0005]),
        ("test_get_last_lr_sequentiallr", seq([const(0.1, 3), exp(0.8), step(0.1, 2)], [3, 6]), sgd2, 12,
         [0.005] * 3 + [0.05, 0.04, 0.032] + [0.05, 0.05, 0.005, 0.005, 0.0005, 0.0005]),
        ("test_sequentiallr4", seq([const(1.0), const(0.1)], [10]), [{"lr": 0.1, "momentum": 0.0}], 12, [0.1]),
        ("test_sequentiallr5", seq([chain(linear(0.1, 5), const(0.1, 5)), const(0.5, 5)], [5]), sgd2, 10,
         [0.0005, 0.0014, 0.0023, 0.0032, 0.0041] + [0.025] * 5),
        ("test_sequentiallr_no_warnings", seq([linear(0.5, 5, end=0.1), exp(0.9)], [5]), sgd2, 10, None),
        ("test_sequentiallr_does_not_alias_lr_and_initial_lr",
         seq([linear(0.1, 4, end=0.8), linear(0.8, 4, end=0.1)], [4]), [{"lr": 2.0, "momentum": 0.0}], 8,
         [0.2, 0.55, 0.9, 1.25, 1.6, 1.25, 0.9, 0.55]),
        ("test_chained_lr1", chain(step(0.1, 3)), sgd2, 10, [0.05] * 3 + [0.005] * 3 + [0.0005] * 3 + [0.00005]),
        ("test_chained_lr2", chain(linear(0.4, 3)), sgd2, 10, [0.02, 0.03, 0.04] + [0.05] * 7),
        ("test_chained_lr3", chain(linear(0.4, 3), multistep([4, 8, 10])), sgd2, 10,
         [0.02, 0.03, 0.04, 0.05] + [0.005] * 4 + [0.0005] * 2),
        ("test_chained_lr4", chain(exp(0.9), const(0.2, 4), step(0.1, 3)), sgd2, 9,
         [0.05 * 0.2 * 0.9**x for x in range(3)] + [0.05 * 0.2 * 0.9**3 * 0.1]
         + [0.05 * 0.9**x * 0.1 for x in range(4, 6)] + [0.05 * 0.9**x * 0.01 for x in range(6, 9)]),
        ("test_chained_lr5", chain(poly(0.9, 5), const(0.1)), sgd2, 10,
         [0.1 * 0.05 * (1 - x / 5) ** 0.9 for x in range(5)] + [0.0] * 5),
        ("test_chained_lr2_get_last_lr_before_step", chain(linear(0.4, 3), multistep([4, 8, 10])), sgd2, 10, None),
        ("test_compound_step_and_multistep_lr", chain(step(0.1, 3), multistep([2, 5, 9])), sgd2, 10,
         [0.05] * 2 + [0.005] + [5e-4] * 2 + [5e-5] + [5e-6] * 3 + [5e-8]),
        ("test_compound_step_and_exp_lr", chain(step(0.1, 3), exp(0.9)), sgd2, 10,
         [0.05 * 0.1 ** (i // 3) * 0.9**i for i in range(10)]),
        ("test_compound_exp_and_multistep_lr", chain(multistep([2, 5, 9]), exp(0.9)), sgd2, 10,
         [0.05 * 0.1 ** bisect_right([2, 5, 9], i) * 0.9**i for i in range(10)]),
        ("test_compound_exp_and_linearlr", chain(linear(0.4, 4, end=0.9), exp(0.9)), sgd2, 10,
         [0.05 * 0.9**i * (0.4 + i / 4 * 0.5 if i < 4 else 0.9) for i in range(10)]),
        ("test_compound_step_and_constantlr", chain(step(0.1, 3), const(0.4, 4)), sgd2, 10,
         [0.02] * 3 + [0.002] + [0.005] * 2 + [0.0005] * 3 + [0.00005]),
        ("test_compound_linearlr_and_multistep_lr", chain(multistep([2, 5, 9]), linear(0.4, 4)), sgd2, 10,
         [t * ((0.4 + i / 4 * 0.6) if i < 4 else 1) for i, t in enumerate(ms_targets[:10])]),
        ("test_compound_cosanneal_and_step_lr", chain(cos(10, 1e-10), step(0.1, 3)), sgd2, 10,
         [x * 0.1 ** (i // 3) for i, x in enumerate(cos10)]),
        ("test_compound_cosanneal_and_multistep_lr", chain(cos(10, 1e-10), multistep([2, 5, 9])), sgd2, 10,
         [x * m for x, m in zip(cos10, [1] * 2 + [0.1] * 3 + [0.01] * 4 + [0.001])]),
        ("test_compound_cosanneal_and_linearlr", chain(linear(0.4, 4), cos(10, 1e-10)), sgd2, 10,
         [x * ((0.4 + i / 4 * 0.6) if i < 4 else 1) for i, x in enumerate(cos10)]),
        ("test_compound_cosanneal_and_exp_lr", chain(cos(10, 1e-10), exp(0.1)), sgd2, 10,
         [x * 0.1**i for i, x in enumerate(cos10)]),
        ("test_cycle_lr_triangular_mode_one_lr", cyclic(**cyc, mode="triangular"), sgd2, 11, tri),
        ("test_cycle_lr_triangular_mode_one_lr_no_momentum",
         cyclic(baseLr=1.0, maxLr=5.0, stepSizeUp=4, cycleMomentum=False, mode="triangular"), sgd2, 11, tri),
        ("test_cycle_lr_triangular2_mode_one_lr", cyclic(**cyc, mode="triangular2"), sgd2, 22, tri2),
        ("test_cycle_lr_exp_range_mode_one_lr", cyclic(**cyc, mode="exp_range", gamma=0.9), sgd2, 13, xs_exp(xs13)),
        ("test_cycle_lr_triangular_mode",
         cyclic(baseLr=[1.0, 2.0], maxLr=[5.0, 6.0], stepSizeUp=4, cycleMomentum=True,
                baseMomentum=[1.0, 2.0], maxMomentum=[5.0, 6.0], mode="triangular"), sgd2, 11, tri),
        ("test_cycle_lr_triangular2_mode",
         cyclic(baseLr=[1.0, 3.0], maxLr=[5.0, 7.0], stepSizeUp=4, cycleMomentum=True,
                baseMomentum=[1.0, 3.0], maxMomentum=[5.0, 7.0], mode="triangular2"), sgd2, 22, tri2),
        ("test_cycle_lr_exp_range_mode",
         cyclic(baseLr=[1.0, 5.0], maxLr=[5.0, 12.0], stepSizeUp=4, cycleMomentum=True,
                baseMomentum=[1.0, 5.0], maxMomentum=[5.0, 12.0], mode="exp_range", gamma=0.9), sgd2, 13,
         xs_exp(xs13)),
        ("test_cycle_lr_triangular_mode_step_size_up_down", cyclic(**cyc, stepSizeDown=6, mode="triangular"), sgd2, 11,
         [1.0, 2.0, 3.0, 4.0, 5.0, 13 / 3, 11 / 3, 3.0, 7 / 3, 5 / 3, 1.0]),
        ("test_cycle_lr_triangular2_mode_step_size_up_down",
         cyclic(baseLr=[1.0, 3.0], maxLr=[5.0, 7.0], stepSizeUp=2, stepSizeDown=6, cycleMomentum=True,
                baseMomentum=[1.0, 3.0], maxMomentum=[5.0, 7.0], mode="triangular2"), sgd2, 24, i_up_down),
        ("test_cycle_lr_exp_range_mode_step_size_up_down",
         cyclic(**{**cyc, "stepSizeUp": 2}, stepSizeDown=6, mode="exp_range", gamma=0.9), sgd2, 13, xs_exp(xs_ud)),
        ("test_cycle_lr_with_momentumless_optimizer",
         cyclic(baseLr=1.0, maxLr=5.0, stepSizeUp=4, cycleMomentum=False, mode="triangular"), adam2, 11, tri),
        # PyTorch's test only constructs it (defaults: stepSizeUp 2000, momentum 0.8..0.9) on Adam.
        ("test_cycle_lr_cycle_momentum_with_beta1_optimizer",
         cyclic(baseLr=1.0, maxLr=5.0, cycleMomentum=True), adam2, 10, None),
    ]
    # Expected momentum (group 0) for the cycling cases, from the test file.
    mom_expect = {
        "test_cycle_lr_triangular_mode_one_lr": [6 - x for x in tri],
        "test_cycle_lr_triangular2_mode_one_lr": [6 - x for x in tri2],
        "test_cycle_lr_exp_range_mode_one_lr": [5 - x * 4 * 0.9**i for i, x in enumerate(xs13)],
        "test_cycle_lr_triangular_mode_step_size_up_down":
            [5.0, 4.0, 3.0, 2.0, 1.0, 5 / 3, 7 / 3, 3.0, 11 / 3, 13 / 3, 5.0],
        "test_cycle_lr_exp_range_mode_step_size_up_down": [5 - x * 4 * 0.9**i for i, x in enumerate(xs_ud)],
    }
    cases = []
    for name, cfg, groups, epochs, expect in T:
        full = f"torch-suite/{name}"
        case = make_case(full, cfg, groups, epochs)
        assert case is not None and case["reference"] == "torch", full
        for label, rows, exp_rows in (("lr", case["lr"], expect), ("momentum", case.get("momentum"), mom_expect.get(name))):
            if exp_rows is None or rows is None:
                continue
            got = [r[0] for r in rows[: len(exp_rows)]]
            for e, (g, x) in enumerate(zip(got, exp_rows)):
                if abs(g - x) > 1e-5:  # PyTorch's own tolerance (atol=1e-5, rtol=0)
                    raise AssertionError(f"{full}: {label} at epoch {e} is {g}, PyTorch's test expects {x}")
            STATS["torch-suite expectations checked"] += 1
        cases.append(case)
    cases += suite_cases_2()
    return cases


def _check_expected(full, label, rows, expected, row_offset=0):
    """expected[g][e] is PyTorch's target for group g at its epoch e, our row e + row_offset."""
    for g, exp_rows in enumerate(expected):
        for e, x in enumerate(exp_rows):
            got = rows[e + row_offset][g]
            if abs(got - x) > 1e-5:  # PyTorch's own tolerance (atol=1e-5, rtol=0)
                raise AssertionError(f"{full}: {label}[{g}] at epoch {e} is {got}, PyTorch's test expects {x}")
    STATS["torch-suite expectations checked"] += 1


def suite_cases_2():
    """PyTorch's tests of ReduceLROnPlateau, OneCycleLR and CosineAnnealingWarmRestarts."""
    cases = []

    def add(name, cfg, groups, steps, lr_expect=None, mom_expect=None, row_offset=0, metrics=None, epochs=None):
        full = f"torch-suite/{name}"
        case = make_case(full, cfg, groups, steps, metrics=metrics, epochs=epochs)
        assert case is not None and case["reference"] == "torch", full
        if lr_expect is not None:
            _check_expected(full, "lr", case["lr"], lr_expect, row_offset)
        if mom_expect is not None:
            _check_expected(full, "momentum", case["momentum"], mom_expect, row_offset)
        cases.append(case)

    # ReduceLROnPlateau: both groups at lr 0.5 (the tests set every group's lr to 0.5).
    # `_test_reduce_lr_on_plateau` asserts after `step(metrics[e])`: its target e is our row e + 1.
    half2 = [{"lr": 0.5, "momentum": 0.0}, {"lr": 0.5, "momentum": 0.0}]

    def rlrop(**kw):
        return {"type": "ReduceLROnPlateau", **kw}

    plateau = [
        ("test_reduce_lr_on_plateau1", rlrop(thresholdMode="abs", mode="min", threshold=0.01, patience=5, cooldown=5),
         10, [10 - i * 0.0167 for i in range(20)], [[0.5] * 20]),
        ("test_reduce_lr_on_plateau2", rlrop(patience=5, cooldown=0, thresholdMode="abs", mode="min", threshold=0.1),
         22, [10 - i * 0.0165 for i in range(22)], [[0.5] * 6 + [0.05] * 7 + [0.005] * 7 + [0.0005] * 2]),
        ("test_reduce_lr_on_plateau3", rlrop(mode="max", patience=5, cooldown=5, thresholdMode="abs"),
         22, [-0.8] * 2 + [-0.234] * 20, [[0.5] * (2 + 6) + [0.05] * (5 + 6) + [0.005] * 4]),
        ("test_reduce_lr_on_plateau4", rlrop(mode="max", patience=3, thresholdMode="rel", threshold=0.1),
         20, [1.5 * (1.025**i) for i in range(20)], [[0.5] * 20]),
        ("test_reduce_lr_on_plateau5", rlrop(mode="max", thresholdMode="rel", threshold=0.1, patience=5, cooldown=5),
         20, [1.5 * (1.005**i) for i in range(20)], [[0.5] * 6 + [0.05] * (5 + 6) + [0.005] * 4]),
        ("test_reduce_lr_on_plateau6", rlrop(mode="min", thresholdMode="rel", threshold=0.1),
         20, [1.5 * (0.85**i) for i in range(20)], [[0.5] * 20]),
        ("test_reduce_lr_on_plateau7", rlrop(mode="min", thresholdMode="rel", threshold=0.1, patience=5, cooldown=5),
         20, [1.0] * 7 + [0.6] + [0.5] * 12, [[0.5] * 6 + [0.05] * (5 + 6) + [0.005] * 4]),
        ("test_reduce_lr_on_plateau8",
         rlrop(mode="max", thresholdMode="rel", minLr=[0.4, 0.3], threshold=0.1, patience=5, cooldown=5),
         20, [1.5 * (1.005**i) for i in range(20)], [[0.5] * 6 + [0.4] * 14, [0.5] * 6 + [0.3] * 14]),
    ]
    for name, cfg, epochs, metrics, targets in plateau:
        targets = [t[:epochs] for t in targets]
        add(name, cfg, half2, epochs, targets, row_offset=1, metrics=[float(m) for m in metrics[:epochs]])

    # OneCycleLR: `_test_cycle_lr` asserts before stepping (target e = row e). 10 steps = total_steps,
    # so the trace also has torch's extrapolated row at last_epoch == total_steps.
    sgd2 = [{"lr": 0.05, "momentum": 0.0}, {"lr": 0.5, "momentum": 0.0}]
    adam2 = [{"lr": 0.05, "betas": [0.9, 0.999]}, {"lr": 0.5, "betas": [0.9, 0.999]}]

    def annealing_cos(start, end, pct):
        return end + (start - end) / 2.0 * (math.cos(math.pi * pct) + 1)

    lin_lr = [1, 13, 25, 21.5, 18, 14.5, 11, 7.5, 4, 0.5]
    lin_mom = [22, 11.5, 1, 4, 7, 10, 13, 16, 19, 22]
    one = dict(maxLr=25, finalDivFactor=2, baseMomentum=1, maxMomentum=22, totalSteps=10)
    add("test_onecycle_lr_linear_annealing", {"type": "OneCycleLR", **one, "annealStrategy": "linear"}, sgd2, 10,
        [lin_lr] * 2, [lin_mom] * 2)
    add("test_cycle_lr_with_adam", {"type": "OneCycleLR", **one, "annealStrategy": "linear"}, adam2, 10,
        [lin_lr] * 2, [lin_mom] * 2)
    add("test_onecycle_lr_linear_annealing_three_phases",
        {"type": "OneCycleLR", "maxLr": 25, "divFactor": 25, "baseMomentum": 1, "maxMomentum": 22, "totalSteps": 10,
         "annealStrategy": "linear", "pctStart": 0.4, "finalDivFactor": 4, "threePhase": True}, sgd2, 10,
        [[1, 9, 17, 25, 17, 9, 1, 0.75, 0.5, 0.25]] * 2, [[22, 15, 8, 1, 8, 15, 22, 22, 22, 22]] * 2)
    cos_lr = [1, 13, 25] + [annealing_cos(25, 0.5, k / 7.0) for k in range(1, 7)] + [0.5]
    cos_mom = [22, 11.5, 1] + [annealing_cos(1, 22, k / 7.0) for k in range(1, 7)] + [22]
    add("test_onecycle_lr_cosine_annealing", {"type": "OneCycleLR", **one}, sgd2, 10, [cos_lr] * 2, [cos_mom] * 2)

    # CosineAnnealingWarmRestarts
    eta_min = 1e-10

    def cawr(t_mult):
        return {"type": "CosineAnnealingWarmRestarts", "t0": 10, "tMult": t_mult, "etaMin": eta_min}

    def cawr_lr(lr0, t_cur, t_i):
        return eta_min + (lr0 - eta_min) * (1 + math.cos(math.pi * t_cur / t_i)) / 2

    for t_mult in (1, 2, 4):  # test_CosineAnnealingWarmRestarts_lr1, parametrized over T_mult
        t_i, t_cur, pairs = 10, 0, [(0, 10)]
        for _ in range(1, 100):
            t_cur += 1
            if t_cur >= t_i:
                t_cur, t_i = t_cur - t_i, t_mult * t_i
            pairs.append((t_cur, t_i))
        expect = [[cawr_lr(lr0, c, i) for c, i in pairs] for lr0 in (0.05, 0.5)]
        add(f"test_CosineAnnealingWarmRestarts_lr1_T_mult_{t_mult}", cawr(t_mult), sgd2, 100, expect)

    for t_mult in (1, 2, 4):  # test_CosineAnnealingWarmRestarts_lr2: step(epoch) on a 0.1 grid
        epochs = [round(e.item(), 1) for e in torch.arange(0, 30, 0.1)]
        t_i, t_cur, pairs = 10, 0, [(0, 10)]
        for _ in torch.arange(0.1, 30, 0.1):
            t_cur = round(t_cur + 0.1, 1)
            if t_cur >= t_i:
                t_cur, t_i = t_cur - t_i, t_mult * t_i
            pairs.append((t_cur, t_i))
        assert len(pairs) == len(epochs) == 300
        kept = [(e, p) for e, p in zip(epochs, pairs) if not restart_boundary(e, 10, t_mult)]
        STATS["CAWR epochs dropped (exact restart epochs with tMult > 1)"] += len(epochs) - len(kept)
        epochs = [e for e, _ in kept]
        expect = [[cawr_lr(lr0, c, i) for _, (c, i) in kept] for lr0 in (0.05, 0.5)]
        add(f"test_CosineAnnealingWarmRestarts_lr2_T_mult_{t_mult}", cawr(t_mult), sgd2, len(epochs), expect,
            epochs=epochs)

    lr3 = [  # test_CosineAnnealingWarmRestarts_lr3: interleaved epochs, expected (T_cur, T_i) after each
        (1, [0, 1, 2, 3, 4, 5, 12, 27, 3, 4, 5, 6, 13],
         [1, 2, 3, 4, 5, 2, 7, 3, 4, 5, 6, 3], [10] * 12),
        (2, [0, 1, 2, 3, 4, 5, 25, 32, 33, 34, 80, 81, 3],
         [1, 2, 3, 4, 5, 15, 2, 3, 4, 10, 11, 3], [10, 10, 10, 10, 10, 20, 40, 40, 40, 80, 80, 10]),
        (3, [0, 0.1, 0.2, 0.3, 1.3, 2.3, 17.5, 18.5, 19.5, 29.5, 30.5, 31.5, 50],
         [0.1, 0.2, 0.3, 1.3, 2.3, 7.5, 8.5, 9.5, 19.5, 20.5, 21.5, 10], [10, 10, 10, 10, 10, 30, 30, 30, 30, 30, 30, 90]),
    ]
    for t_mult, epochs, t_curs, t_is in lr3:
        assert not any(restart_boundary(e, 10, t_mult) for e in epochs)
        pairs = [(0, 10)] + list(zip(t_curs, t_is))  # targets start with lr0; zip stops at 12 of 13
        expect = [[cawr_lr(lr0, c, i) for c, i in pairs][: len(epochs)] for lr0 in (0.05, 0.5)]
        add(f"test_CosineAnnealingWarmRestarts_lr3_T_mult_{t_mult}", cawr(t_mult), sgd2, len(epochs), expect,
            epochs=epochs)
    return cases


# ---------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------


def write_file(fname, cases):
    text = fixturelib.render({"generator": GENERATOR, "torch": torch.__version__, "seed": SEED}, cases)
    path = os.path.join(OUT_DIR, fname)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path, len(text.encode("utf-8"))


def check_files():
    """Recompute every committed case from its JSON config, groups and steps; exit 1 on a mismatch."""
    bad = 0
    total = 0
    only = sys.argv[sys.argv.index("--only") + 1] if "--only" in sys.argv[1:] else None
    for fname in sorted(os.listdir(OUT_DIR)):
        if not fname.endswith(".json") or (only is not None and fname != only):
            continue
        with open(os.path.join(OUT_DIR, fname), encoding="utf-8") as f:
            data = json.load(f)
        for case in data["cases"]:
            total += 1
            cfg, groups, steps = case["config"], case["groups"], case["steps"]
            metrics, epochs = case.get("metrics"), case.get("epochs")
            expected_ref = "torch" if torch_ok(cfg) else "harness"
            try:
                lrs, moms = run_trace(cfg, groups, steps, metrics=metrics, epochs=epochs)
            except Exception as e:  # e.g. metrics on a non-plateau config, wrong metrics count
                bad += 1
                print(f"MISMATCH {fname}: {case['name']}: {type(e).__name__}: {e}")
                continue
            rows = steps if epochs is not None else steps + 1
            ok = case["reference"] == expected_ref and case["lr"] == lrs and len(lrs) == rows
            if cycles_momentum(cfg):
                ok = ok and case.get("momentum") == moms
            else:
                ok = ok and "momentum" not in case
            if not ok:
                bad += 1
                print(f"MISMATCH {fname}: {case['name']}")
    print(f"checked {total} cases, {bad} mismatches")
    return 1 if bad else 0


def main():
    if "--check" in sys.argv[1:]:
        sys.exit(check_files())
    if torch.__version__ != EXPECTED_TORCH:
        print(f"warning: torch {torch.__version__}, fixtures are specified for {EXPECTED_TORCH}", file=sys.stderr)
    torch.manual_seed(SEED)  # nothing here draws from torch's RNG; set anyway for determinism
    os.makedirs(OUT_DIR, exist_ok=True)
    files = [(f"{typ}.json", lambda typ=typ: gen_family(typ)) for typ in PLAIN_TYPES]
    files += [
        ("SequentialLR.json", gen_sequential_family),
        ("ChainedScheduler.json", gen_chained_family),
        ("nested.json", gen_nested_family),
        ("torch-suite.json", suite_cases),
        ("OneCycleLR.json", gen_onecycle_family),
        ("CosineAnnealingWarmRestarts.json", gen_cawr_family),
        ("ReduceLROnPlateau.json", gen_plateau_family),
        ("composites-2.json", gen_composites2_family),
        ("SWALR.json", gen_swalr_family),
    ]
    only = sys.argv[sys.argv.index("--only") + 1] if "--only" in sys.argv[1:] else None  # e.g. --only SWALR.json
    files = [f for f in files if only is None or f[0] == only]
    total_bytes = 0
    summary = []
    for fname, gen in files:
        cases = gen()
        path, size = write_file(fname, cases)
        total_bytes += size
        refs = Counter(c["reference"] for c in cases)
        long = sum(1 for c in cases if c["steps"] >= LONG_STEPS)
        summary.append((fname, len(cases), long, dict(refs), size))
    width = max(len(s[0]) for s in summary)
    print(f"{'file'.ljust(width)}  cases  3000-step  reference          size")
    for fname, n, long, refs, size in summary:
        ref = ", ".join(f"{k} {v}" for k, v in sorted(refs.items()))
        print(f"{fname.ljust(width)}  {n:5d}  {long:9d}  {ref:<17}  {size / 1e6:6.2f} MB")
    print(f"{'total'.ljust(width)}  {sum(s[1] for s in summary):5d}  {'':9}  {'':17}  {total_bytes / 1e6:6.2f} MB")
    for k, v in sorted(STATS.items()):
        print(f"{k}: {v}")
    for note in NATIVE_NOTES:
        print(f"  {note}")
    if AGREE_NOTES:
        print(f"  harness cases that torch happens to compute the same: {', '.join(AGREE_NOTES)}")
    if WARNINGS:
        print("warnings raised by torch while tracing (mode, message): count")
        for (mode, msg), v in sorted(WARNINGS.items()):
            print(f"  [{mode}] {msg}: {v}")


if __name__ == "__main__":
    main()
