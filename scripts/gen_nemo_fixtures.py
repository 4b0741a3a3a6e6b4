#!/usr/bin/env python3
"""Generate the NeMo reference fixtures in test/fixtures/nemo/*.json.

Run from the repository root with the reference virtual environment:

    .venv-ref/bin/python scripts/gen_nemo_fixtures.py           # writes the files
    .venv-ref/bin/python scripts/gen_nemo_fixtures.py --check   # regenerates in memory, compares, exit 1 on a difference

NeMo does not install here. Its repository is a bare git directory (NEMO_GIT, below); the
module nemo/core/optim/lr_scheduler.py of the release tag v2.4.0 (v2.5.0rc0 has the same file) is
read with `git show TAG:path`, cut before its registry section (`def register_scheduler`, line 670:
what is kept is lines 1-669, the imports and every scheduler class and helper, unchanged), written
to a temporary directory (never into this repository) and imported. Stubbed (imports that do not
touch the numbers), see STUBBED:
- `hydra` (an empty module: only prepare_lr_scheduler, cut, uses it);
- `omegaconf` (DictConfig, OmegaConf: placeholders, only used by the cut registry section);
- `nemo`, `nemo.core`, `nemo.core.config` (SchedulerParams, get_scheduler_config,
  register_scheduler_params: placeholders, used by the cut section);
- `nemo.utils` (logging: Python's logging), `nemo.utils.model_utils` (maybe_update_config_version:
  identity, used by the cut section).

The training loop, which `run` follows (row k = the groups' lrs after k `scheduler.step()` calls,
row 0 = what the constructor leaves):
- NeMo v2.4.0 nemo/core/optim/lr_scheduler.py:777 `interval = 'step'` (only EPOCH_SCHEDULERS, the
  PyTorch epoch schedulers, get 'epoch', lines 794-795), lines 964-970: the schedule dict handed to
  Lightning with 'interval': interval and 'frequency': 1;
- Lightning 2.6.6 lightning/pytorch/loops/training_epoch_loop.py:350-360: after the batch's
  optimizer step (automatic_optimization.run), `update_lr_schedulers("step", ...)`, which (lines
  456-460, 462-520) calls `lr_scheduler_step` -> `scheduler.step()` (core/module.py:1309-1335, `scheduler.step()` at 1333)
  every `frequency` = 1 optimizer steps (skipped while accumulating gradients);
- torch's _LRScheduler.__init__ performs the initial step (last_epoch -1 -> 0), so update 0 trains
  at get_lr() for last_epoch 0 and update k at last_epoch k.

Deterministic: every random choice comes from random.Random seeded with SEED and the schedule name.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import random
import re
import sys
import tempfile
import warnings

import torch

import fixturelib

SEED = 20261207
GENERATOR = "scripts/gen_nemo_fixtures.py"
TAG = "v2.4.0"
PATH = "nemo/core/optim/lr_scheduler.py"
CUT = "def register_scheduler("
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_DIR = os.path.join(ROOT, "test", "fixtures", "nemo")
NEMO_GIT = os.environ.get("NEMO_GIT", "/work/.mirror/NVIDIA+NeMo/repo")
N_RANDOM = 16
STUBBED = [
    "hydra (empty module: used only by the cut registry section)",
    "omegaconf (DictConfig, OmegaConf placeholders: used only by the cut registry section)",
    "nemo, nemo.core (package modules); nemo.core.config (SchedulerParams, get_scheduler_config, register_scheduler_params placeholders: used only by the cut registry section)",
    "nemo.utils (logging: Python's logging); nemo.utils.model_utils (maybe_update_config_version: identity, used only by the cut registry section)",
    f"{PATH}: lines from `{CUT}` on (the registry section: register_scheduler, get_scheduler, prepare_lr_scheduler, compute_max_steps, AVAILABLE_SCHEDULERS) not loaded",
]


def git(*args):
    return fixturelib.git(NEMO_GIT, *args)


COMMIT = git("rev-parse", TAG + "^{commit}").strip()


def load_module():
    src = git("show", f"{TAG}:{PATH}")
    cut = src.index(CUT)
    kept = src[:cut]
    stub = fixturelib.stub_module
    placeholder = type("Placeholder", (), {})
    stub("hydra")
    stub("omegaconf", DictConfig=placeholder, OmegaConf=placeholder)
    stub("nemo", path="")
    stub("nemo.core", path="")
    stub("nemo.core.config", SchedulerParams=placeholder, get_scheduler_config=lambda *a, **k: None,
         register_scheduler_params=lambda *a, **k: None)
    stub("nemo.utils", path="", logging=logging.getLogger("nemo"))
    stub("nemo.utils.model_utils", maybe_update_config_version=lambda c: c)
    tmp = tempfile.mkdtemp(prefix="nemo-lr-")
    path = os.path.join(tmp, "lr_scheduler.py")
    with open(path, "w", encoding="utf-8") as f:
        f.write(kept)
    spec = importlib.util.spec_from_file_location("nemo_lr_scheduler", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod, kept.count("\n")


MOD, KEPT_LINES = load_module()


def snake(k):
    return re.sub(r"([A-Z])", lambda m: "_" + m.group(1).lower(), k)


def run(name, config, groups, steps):
    params = [torch.nn.Parameter(torch.zeros(1)) for _ in groups]
    opt = torch.optim.SGD([{"params": [p], "lr": g["lr"]} for p, g in zip(params, groups)], lr=groups[0]["lr"])
    kwargs = {snake(k): v for k, v in config.items() if k != "type"}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        sched = getattr(MOD, name)(opt, **kwargs)
        rows = [[float(g["lr"]) for g in opt.param_groups]]
        for _ in range(steps):
            opt.step()
            sched.step()
            rows.append([float(g["lr"]) for g in opt.param_groups])
    return rows


def r6(x):
    return fixturelib.sig(x, 6)


def groups_of(rng, lo=1e-4):
    return [{"lr": r6(rng.uniform(max(lo, 1e-4), 1.0))} for _ in range(rng.randint(1, 2))]


WARMUP_HOLD = {"WarmupHoldPolicy", "NoamHoldAnnealing", "PolynomialHoldDecayAnnealing"}
WARMUP = {"WarmupPolicy", "SquareAnnealing", "SquareRootAnnealing", "CosineAnnealing", "NoamAnnealing",
          "WarmupAnnealing", "InverseSquareRootAnnealing", "PolynomialDecayAnnealing"} | WARMUP_HOLD


def random_config(name, rng):
    c = {"type": "nemo." + name}
    max_steps = rng.randint(5, 200)
    if name != "NoamAnnealing" or rng.random() < 0.5:
        c["maxSteps"] = max_steps
    if name in WARMUP:
        u = rng.random()
        if u < 0.45 or (name == "NoamHoldAnnealing" and "maxSteps" not in c):
            c["warmupSteps"] = rng.randint(1 if name == "NoamHoldAnnealing" else 0, max_steps + 10)
        elif u < 0.8 and "maxSteps" in c:
            c["warmupRatio"] = r6(rng.uniform(0.01 if name == "NoamHoldAnnealing" else 0, 0.6))
            if name == "NoamHoldAnnealing" and int(c["warmupRatio"] * max_steps) == 0:
                c["warmupRatio"] = 0.5
        elif name == "NoamHoldAnnealing":
            c["warmupSteps"] = rng.randint(1, max_steps)
    if name in WARMUP_HOLD:
        u = rng.random()
        if u < 0.4:
            c["holdSteps"] = rng.randint(0, max_steps // 2)
        elif u < 0.75:
            c["holdRatio"] = r6(rng.uniform(0, 0.5))
    if name == "CosineAnnealing" and rng.random() < 0.5:
        if rng.random() < 0.5:
            c["constantSteps"] = rng.randint(1, max_steps // 2 + 1)
        else:
            c["constantRatio"] = r6(rng.uniform(0.01, 0.5))
    if name == "T5InverseSquareRootAnnealing":
        c["constantSteps"] = rng.randint(1, max_steps)
    if name == "NoamAnnealing":
        c["dModel"] = rng.choice([16, 64, 256, 512, 1024])
    if name == "NoamHoldAnnealing" and rng.random() < 0.7:
        c["decayRate"] = r6(rng.uniform(0.1, 2.0))
    if name in ("PolynomialDecayAnnealing", "PolynomialHoldDecayAnnealing"):
        if rng.random() < 0.7:
            c["power"] = r6(rng.uniform(0, 3))
        if rng.random() < 0.5:
            c["cycle"] = rng.random() < 0.5
    if rng.random() < 0.7:
        c["minLr"] = r6(rng.uniform(0, 1e-3))
    return c


def hold_total_ok(c):
    """PolynomialHoldDecayAnnealing: decay_steps 0 divides by zero when the hold ends at maxSteps."""
    m = c.get("maxSteps")
    w = c.get("warmupSteps", int(c["warmupRatio"] * m) if "warmupRatio" in c else 0)
    if "holdSteps" in c:
        h = c["holdSteps"] + w
    elif "holdRatio" in c:
        h = int(c["holdRatio"] * m) + w
    else:
        h = 0
    return not (h == m and w < m)


def cosine_ok(c):
    m = c["maxSteps"]
    w = c.get("warmupSteps", int(c["warmupRatio"] * m) if "warmupRatio" in c else 0)
    k = c.get("constantSteps", int(c["constantRatio"] * m) if "constantRatio" in c else 0)
    return not (k > 0 and w == 0 and m - k - w == 0)


T = {"INITIAL_LR": 0.1, "MIN_LR": 1e-3, "MAX_STEPS": 10, "D_MODEL": 16}
# tests/core/test_optimizers_schedulers.py (NeMo v2.4.0), TestOptimizersSchedulers: the pure
# scheduler cases (one group at INITIAL_LR 0.1, MIN_LR 1e-3, MAX_STEPS 10; D_MODEL 16), stepped
# past max_steps as the tests do.
NEMO_TESTS = {
    "WarmupPolicy": [("no-warmup", {}), ("warmup-5", {"warmupSteps": 5})],
    "WarmupHoldPolicy": [("no-warmup", {}), ("warmup-5", {"warmupSteps": 5}), ("warmup-5-hold-3", {"warmupSteps": 5, "holdSteps": 3})],
    "WarmupAnnealing": [("no-warmup", {}), ("warmup-5", {"warmupSteps": 5})],
    "SquareAnnealing": [("no-warmup", {}), ("warmup-5", {"warmupSteps": 5})],
    "SquareRootAnnealing": [("no-warmup", {}), ("warmup-5", {"warmupSteps": 5})],
    "CosineAnnealing": [("no-warmup", {}), ("warmup-5", {"warmupSteps": 5}), ("warmup-3-constant-2", {"warmupSteps": 3, "constantSteps": 2})],
    "NoamAnnealing": [("no-warmup", {"dModel": 16}), ("no-warmup-max-20", {"dModel": 16, "maxSteps": 20}),
                      ("warmup-5", {"dModel": 16, "warmupSteps": 5}), ("warmup-5-max-20", {"dModel": 16, "warmupSteps": 5, "maxSteps": 20})],
    "PolynomialDecayAnnealing": [("no-warmup-power-2", {"power": 2}), ("warmup-5", {"warmupSteps": 5})],
    "PolynomialHoldDecayAnnealing": [("no-warmup-power-2", {"power": 2}), ("warmup-5-power-2", {"power": 2, "warmupSteps": 5}),
                                     ("warmup-5-hold-3-power-2", {"warmupSteps": 5, "holdSteps": 3, "power": 2})],
    "InverseSquareRootAnnealing": [("no-warmup", {}), ("warmup-5", {"warmupSteps": 5})],
}

EDGES = {
    "WarmupPolicy": [
        ("defaults-constant", {}, 30),
        ("no-max-steps-warmup", {"warmupSteps": 10}, 40),
        ("warmup-past-horizon", {"warmupSteps": 30, "maxSteps": 20, "minLr": 0.01}, 50),
        ("warmup-ratio", {"warmupRatio": 0.25, "maxSteps": 30, "minLr": 0.01}, 40),
        ("max-steps-0", {"maxSteps": 0, "minLr": 0.01}, 30),
    ],
    "WarmupHoldPolicy": [
        ("hold-no-warmup", {"holdSteps": 5, "maxSteps": 20, "minLr": 0.01}, 30),
        ("hold-ratio", {"warmupSteps": 4, "holdRatio": 0.3, "maxSteps": 20, "minLr": 0.01}, 30),
        ("warmup-ratio-hold-past-horizon", {"warmupRatio": 0.5, "holdSteps": 30, "maxSteps": 20}, 40),
    ],
    "SquareAnnealing": [
        ("defaults", {"maxSteps": 30}, 40),
        ("warmup-equals-max", {"maxSteps": 20, "warmupSteps": 20}, 30),
        ("warmup-past-horizon", {"maxSteps": 20, "warmupSteps": 25, "minLr": 0.0}, 40),
        ("min-lr-floor", {"maxSteps": 30, "warmupSteps": 3, "minLr": 0.05}, 40),
    ],
    "SquareRootAnnealing": [
        ("defaults", {"maxSteps": 30}, 40),
        ("warmup-jump", {"maxSteps": 30, "warmupSteps": 15, "minLr": 0.01}, 40),
        ("max-steps-1", {"maxSteps": 1}, 30),
    ],
    "CosineAnnealing": [
        ("defaults", {"maxSteps": 30}, 40),
        ("warmup-equals-max", {"maxSteps": 20, "warmupSteps": 20, "minLr": 0.01}, 30),
        ("constant-no-warmup", {"maxSteps": 30, "constantSteps": 10, "minLr": 0.01}, 40),
        ("constant-warmup-row0-is-0", {"maxSteps": 30, "warmupSteps": 5, "constantSteps": 10, "minLr": 0.01}, 40),
        ("constant-ratio", {"maxSteps": 40, "warmupRatio": 0.1, "constantRatio": 0.25, "minLr": 0.001}, 50),
        ("constant-past-decay", {"maxSteps": 20, "warmupSteps": 10, "constantSteps": 15, "minLr": 0.01}, 30),
    ],
    "NoamAnnealing": [
        ("no-max-steps", {"dModel": 512, "warmupSteps": 25}, 100),
        ("no-warmup", {"dModel": 64}, 30),
        ("warmup-ratio", {"dModel": 256, "warmupRatio": 0.2, "maxSteps": 100, "minLr": 1e-4}, 120),
        ("min-lr-floor", {"dModel": 16, "warmupSteps": 4, "minLr": 0.02}, 40),
    ],
    "NoamHoldAnnealing": [
        ("warmup-only", {"maxSteps": 50, "warmupSteps": 10}, 60),
        ("hold", {"maxSteps": 60, "warmupSteps": 10, "holdSteps": 15, "decayRate": 1.0, "minLr": 1e-4}, 80),
        ("hold-ratio", {"maxSteps": 60, "warmupRatio": 0.1, "holdRatio": 0.3}, 80),
        ("warmup-past-horizon", {"maxSteps": 20, "warmupSteps": 30}, 40),
    ],
    "WarmupAnnealing": [
        ("defaults", {"maxSteps": 30}, 40),
        ("warmup", {"maxSteps": 30, "warmupSteps": 10, "minLr": 0.01}, 40),
        ("warmup-past-horizon", {"maxSteps": 20, "warmupSteps": 30}, 40),
    ],
    "InverseSquareRootAnnealing": [
        ("defaults", {"maxSteps": 30}, 40),
        ("warmup", {"maxSteps": 60, "warmupSteps": 10, "minLr": 0.01}, 80),
    ],
    "T5InverseSquareRootAnnealing": [
        ("constant-1", {"maxSteps": 30, "constantSteps": 1}, 40),
        ("constant-10", {"maxSteps": 50, "constantSteps": 10, "minLr": 0.01}, 60),
        ("constant-past-horizon", {"maxSteps": 10, "constantSteps": 20}, 30),
        ("max-steps-0", {"maxSteps": 0, "constantSteps": 4}, 30),
    ],
    "PolynomialDecayAnnealing": [
        ("defaults", {"maxSteps": 30}, 40),
        ("power-0", {"maxSteps": 30, "power": 0, "minLr": 0.01}, 40),
        ("cycle", {"maxSteps": 30, "warmupSteps": 5, "cycle": True, "power": 2}, 40),
        ("warmup-past-horizon", {"maxSteps": 20, "warmupSteps": 30}, 40),
    ],
    "PolynomialHoldDecayAnnealing": [
        ("defaults", {"maxSteps": 30}, 40),
        ("warmup-no-hold-decays-from-0", {"maxSteps": 30, "warmupSteps": 10, "minLr": 0.01}, 40),
        ("warmup-no-hold-cycle", {"maxSteps": 30, "warmupSteps": 20, "cycle": True}, 40),
        ("hold", {"maxSteps": 40, "warmupSteps": 5, "holdSteps": 10, "power": 0.5, "minLr": 0.01}, 50),
        ("hold-past-horizon", {"maxSteps": 20, "warmupSteps": 5, "holdSteps": 30}, 40),
    ],
}

NAMES = ["WarmupPolicy", "WarmupHoldPolicy", "SquareAnnealing", "SquareRootAnnealing", "CosineAnnealing",
         "NoamAnnealing", "NoamHoldAnnealing", "WarmupAnnealing", "InverseSquareRootAnnealing",
         "T5InverseSquareRootAnnealing", "PolynomialDecayAnnealing", "PolynomialHoldDecayAnnealing"]
NEEDS_MAX = set(NAMES) - {"WarmupPolicy", "NoamAnnealing"}


def valid(name, c):
    if name == "PolynomialHoldDecayAnnealing" and not hold_total_ok(c):
        return False
    if name == "CosineAnnealing" and not cosine_ok(c):
        return False
    return True


def case(name, label, config, groups, steps):
    return {"name": f"nemo.{name}/{label}", "config": config, "groups": groups, "steps": steps,
            "lr": run(name, config, groups, steps)}


def cases_of(name):
    rng = random.Random(f"{SEED}-{name}")
    cases = []
    for label, extra, steps in EDGES.get(name, []):
        lo = extra.get("minLr", 1e-5 if name == "SquareAnnealing" else 0) * 1.01
        cases.append(case(name, label, {"type": "nemo." + name, **extra}, groups_of(rng, lo), steps))
    for label, extra in NEMO_TESTS.get(name, []):
        config = {"type": "nemo." + name, **extra, "minLr": T["MIN_LR"]}
        if name != "NoamAnnealing" or "maxSteps" not in extra:
            config.setdefault("maxSteps", T["MAX_STEPS"]) if name != "NoamAnnealing" else None
        cases.append(case(name, f"nemo-test-{label}", config, [{"lr": T["INITIAL_LR"]}], T["MAX_STEPS"] + 2))
    i = 0
    while i < N_RANDOM:
        config = random_config(name, rng)
        if not valid(name, config):
            continue
        groups = groups_of(rng, config.get("minLr", 1e-5 if name == "SquareAnnealing" else 0) * 1.01)
        cases.append(case(name, f"random-{i}", config, groups, rng.randint(30, 250)))
        i += 1
    return cases


def main():
    header = {
        "generator": GENERATOR, "library": "nemo", "version": TAG.lstrip("v"),
        "repo": "NVIDIA/NeMo", "tag": TAG, "commit": COMMIT,
        "files": [f"{PATH} (lines 1-{KEPT_LINES})"],
        "stubbed": STUBBED, "torch": torch.__version__, "seed": SEED,
    }
    fixturelib.write_all({os.path.join(OUT_DIR, name + ".json"): fixturelib.render(header, cases_of(name)) for name in NAMES}, ROOT)


if __name__ == "__main__":
    main()
