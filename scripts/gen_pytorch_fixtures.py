#!/usr/bin/env python3
"""Generate the PyTorch reference fixtures in test/fixtures/pytorch/*.json.

Run from the repository root with the reference virtual environment:

    .venv-ref/bin/python scripts/gen_pytorch_fixtures.py

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
}
COMPOSITE_ARGS = {
    "SequentialLR": {"schedulers", "milestones"},
    "ChainedScheduler": {"schedulers"},
}
PLAIN_TYPES = list(ARG_NAMES)

# Children whose non-initial step at epoch 0 (what torch's SequentialLR does to a ChainedScheduler
# in first position: ChainedScheduler._initial_step() -> child.step()) equals a fresh construction.
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
    return getattr(torch_lrs, typ)(opt, **torch_kwargs(cfg, path))


def benign_first_chain(chain_cfg):
    """Whether torch's treatment of a ChainedScheduler in first position of a SequentialLR (reset the
    lrs, then step every child once in non-initial mode at epoch 0) equals building the chain fresh.

    CyclicLR is benign only as the chain's first child: its constructor runs its initial step with
    base_lrs = the groups' `initial_lr` (its own base_lr replaces them only after the step), so a
    CyclicLR built when `initial_lr` already exists starts at `initial_lr`, while its non-initial
    epoch-0 step gives base_lr. As the first child it is the first scheduler ever built on the
    optimizer, so `initial_lr` is its own base_lr and both agree."""
    for i, c in enumerate(chain_cfg["schedulers"]):
        if is_composite(c) or c["type"] not in BENIGN_IN_FIRST_CHAIN:
            return False
        if c["type"] == "CyclicLR" and i > 0:
            return False
    return True


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
        idx = bisect_right(self.milestones, 0)
        if is_composite(self.child_cfgs[idx]):
            self.children[idx] = self._fresh(idx)
        else:
            child = self.children[idx]
            child.last_epoch -= 1
            child._initial_step()

    def _reset_lrs(self):
        for group in self.optimizer.param_groups:
            group["lr"] = group["initial_lr"]

    def _fresh(self, idx):
        return build_reference(self.child_cfgs[idx], self.optimizer, f"{self.path}.schedulers[{idx}]")

    def step(self):
        self.last_epoch += 1
        idx = bisect_right(self.milestones, self.last_epoch)
        if idx > 0 and self.milestones[idx - 1] == self.last_epoch:
            if is_composite(self.child_cfgs[idx]):
                self._reset_lrs()
                self.children[idx] = self._fresh(idx)
            else:
                self.children[idx]._update_lr(0)
        else:
            self.children[idx].step()


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
    if cfg["type"] == "CyclicLR":
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


def run_trace(cfg, groups, steps, mode="reference"):
    """Trace a config: row 0 after construction, row k after k steps.
    mode: "reference" (torch where correct, else harness), "torch" (torch classes only),
    "harness" (force the top-level SequentialLR through HarnessSequentialLR)."""
    opt = make_optimizer(groups)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        if mode == "torch":
            sched = build_torch(cfg, opt)
        else:
            sched = build_reference(cfg, opt, force_harness=(mode == "harness"))
        lrs = [read_lrs(opt)]
        moms = [read_momenta(opt)]
        for _ in range(steps):
            opt.step()  # params have no grad: a no-op that keeps the order warning quiet
            sched.step()
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


def make_case(name, cfg, groups, steps, check_harness=False):
    """Compute a case. Returns None if the trace is not finite/sensible (caller re-draws)."""
    reference = "torch" if torch_ok(cfg) else "harness"
    try:
        lrs, moms = run_trace(cfg, groups, steps)
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
        "lr": lrs,
    }
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
    return cases


# ---------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------


def dumps(obj):
    return json.dumps(obj, separators=(", ", ": "), allow_nan=False)


def write_file(fname, cases):
    names = [c["name"] for c in cases]
    assert len(names) == len(set(names)), f"duplicate case names in {fname}"
    lines = ["{"]
    lines.append(f'  "generator": {dumps(GENERATOR)},')
    lines.append(f'  "torch": {dumps(torch.__version__)},')
    lines.append(f'  "seed": {SEED},')
    lines.append('  "cases": [')
    for ci, case in enumerate(cases):
        lines.append("    {")
        keys = list(case)
        for ki, key in enumerate(keys):
            comma = "," if ki < len(keys) - 1 else ""
            value = case[key]
            if key in ("lr", "momentum"):
                lines.append(f'      "{key}": [')
                for ri, row in enumerate(value):
                    lines.append("        " + dumps(row) + ("," if ri < len(value) - 1 else ""))
                lines.append("      ]" + comma)
            else:
                lines.append(f'      "{key}": {dumps(value)}{comma}')
        lines.append("    }" + ("," if ci < len(cases) - 1 else ""))
    lines.append("  ]")
    lines.append("}")
    text = "\n".join(lines) + "\n"
    json.loads(text)  # well-formed
    path = os.path.join(OUT_DIR, fname)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path, len(text.encode("utf-8"))


def check_files():
    """Recompute every committed case from its JSON config, groups and steps; exit 1 on a mismatch."""
    bad = 0
    total = 0
    for fname in sorted(os.listdir(OUT_DIR)):
        if not fname.endswith(".json"):
            continue
        with open(os.path.join(OUT_DIR, fname), encoding="utf-8") as f:
            data = json.load(f)
        for case in data["cases"]:
            total += 1
            cfg, groups, steps = case["config"], case["groups"], case["steps"]
            expected_ref = "torch" if torch_ok(cfg) else "harness"
            lrs, moms = run_trace(cfg, groups, steps)
            ok = case["reference"] == expected_ref and case["lr"] == lrs and len(lrs) == steps + 1
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
    ]
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
