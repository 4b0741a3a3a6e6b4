#!/usr/bin/env python3
"""Generate the fairseq reference fixtures in test/fixtures/fairseq/*.json.

Run from the repository root with the reference virtual environment:

    .venv-ref/bin/python scripts/gen_fairseq_fixtures.py           # writes the files
    .venv-ref/bin/python scripts/gen_fairseq_fixtures.py --check   # regenerates in memory, compares, exit 1 on a difference

fairseq does not install here. Its repository is a bare git directory (FAIRSEQ_GIT, below); the
scheduler files of the release tag v0.12.3 are copied with `git show TAG:path` into a temporary
directory (never into this repository) and imported UNCHANGED as `fairseq.optim.lr_scheduler.<name>`.
Stubbed (imports that do not touch the numbers), see STUBBED:
- `fairseq`, `fairseq.optim`, `fairseq.dataclass`, `fairseq.dataclass.utils` package modules;
- `fairseq.optim.lr_scheduler` (its __init__ imports fairseq.registry and every scheduler file):
  `register_lr_scheduler` (a decorator that records the class), `FairseqLRScheduler` and
  `LegacyFairseqLRScheduler` from the unchanged fairseq_lr_scheduler.py;
- `fairseq.dataclass.FairseqDataclass` (a plain base class), `gen_parser_from_dataclass` (unused);
- `omegaconf.II` (returns the interpolation string, as omegaconf does; every such field is set
  explicitly), `omegaconf.DictConfig`;
- `fairseq.optim.FairseqOptimizer`: get_lr / set_lr as fairseq_optimizer.py:65-72 over a torch SGD
  optimizer (`.optimizer`, `.param_groups`).

The trainer's loop (fairseq v0.12.3), which `run` follows, row k = the groups' lrs update k trains at:
- trainer.py:364-368: build the scheduler, then `step_update(0)`;
- train.py:306 -> trainer.py:756, 1164-1168: each epoch begins with `step_begin_epoch(epoch)`
  then `step_update(num_updates)`;
- trainer.py:1009, 1244-1247: after each update `set_num_updates(n + 1)` -> `step_update(n + 1)`;
- train.py:195 -> trainer.py:1170-1174: at an epoch's end `step(epoch, val_loss)` then
  `step_update(num_updates)`; val_loss is the case's `metrics[n - 1]` for the epoch ending at
  update n (recorded for reduce_lr_on_plateau, the only schedule that reads it; row k >= 1 of a
  plateau case follows the step that gets metrics[k - 1], FIXTURE-FORMAT.md's convention).
Epochs are `updatesPerEpoch` updates long (the config's value; cases of schedules that do not take
it still run epochs of a random length, to show that their boundaries change nothing).

Deterministic: every random choice comes from random.Random seeded with SEED and the schedule name.
"""

from __future__ import annotations

import argparse
import dataclasses
import logging
import importlib
import json
import os
import random
import sys
import tempfile

import torch

import fixturelib

SEED = 20261207
GENERATOR = "scripts/gen_fairseq_fixtures.py"
TAG = "v0.12.3"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_DIR = os.path.join(ROOT, "test", "fixtures", "fairseq")
FAIRSEQ_GIT = os.environ.get("FAIRSEQ_GIT", "/work/.mirror/facebookresearch+fairseq/repo")
N_RANDOM = 16
FILES = ["fairseq_lr_scheduler", "fixed_schedule", "inverse_square_root_schedule", "polynomial_decay_schedule",
         "cosine_lr_scheduler", "triangular_lr_scheduler", "tri_stage_lr_scheduler", "step_lr_scheduler",
         "reduce_lr_on_plateau", "manual_lr_scheduler"]
STUBBED = [
    "fairseq (package module)",
    "fairseq.optim (package module; FairseqOptimizer: get_lr/set_lr over a torch SGD, as fairseq_optimizer.py:65-72)",
    "fairseq.optim.lr_scheduler (package __init__: register_lr_scheduler records the class; FairseqLRScheduler, LegacyFairseqLRScheduler from the unchanged fairseq_lr_scheduler.py)",
    "fairseq.dataclass (FairseqDataclass: a plain base class)",
    "fairseq.dataclass.utils (gen_parser_from_dataclass: unused)",
    "omegaconf (II returns '${...}', every such field set explicitly; DictConfig)",
]


def git(*args):
    return fixturelib.git(FAIRSEQ_GIT, *args)


COMMIT = git("rev-parse", TAG + "^{commit}").strip()


class FairseqOptimizer:
    """fairseq/optim/fairseq_optimizer.py's get_lr / set_lr, over a torch optimizer."""

    def __init__(self, optimizer):
        self.optimizer = optimizer

    @property
    def param_groups(self):
        return self.optimizer.param_groups

    def get_lr(self):
        return self.param_groups[0]["lr"]

    def set_lr(self, lr):
        for param_group in self.param_groups:
            param_group["lr"] = lr


REGISTRY = {}


def load():
    tmp = tempfile.mkdtemp(prefix="fairseq-sched-")
    pkg = os.path.join(tmp, "lr_scheduler")
    os.makedirs(pkg)
    for f in FILES:
        with open(os.path.join(pkg, f + ".py"), "w", encoding="utf-8") as out:
            out.write(git("show", f"{TAG}:fairseq/optim/lr_scheduler/{f}.py"))

    module = fixturelib.stub_module
    om = module("omegaconf", II=lambda s: "${" + s + "}", DictConfig=dict)
    module("fairseq", path=tmp)
    module("fairseq.dataclass", FairseqDataclass=type("FairseqDataclass", (), {}))
    module("fairseq.dataclass.utils", gen_parser_from_dataclass=lambda *a, **k: None)
    module("fairseq.optim", path=tmp, FairseqOptimizer=FairseqOptimizer)
    ls = module("fairseq.optim.lr_scheduler", path=pkg)

    def register_lr_scheduler(name, dataclass=None):
        def wrap(cls):
            REGISTRY[name] = (cls, dataclass)
            return cls
        return wrap

    base = importlib.import_module("fairseq.optim.lr_scheduler.fairseq_lr_scheduler")
    ls.FairseqLRScheduler = base.FairseqLRScheduler
    ls.LegacyFairseqLRScheduler = base.LegacyFairseqLRScheduler
    ls.register_lr_scheduler = register_lr_scheduler
    for f in FILES[1:]:
        importlib.import_module("fairseq.optim.lr_scheduler." + f)
    del om
    return tmp


TMP = load()
logging.getLogger("fairseq.optim.lr_scheduler.manual_lr_scheduler").disabled = True  # its warnings

# camelCase -> fairseq field
def snake(k):
    return "".join("_" + c.lower() if c.isupper() else c for c in k)


def run(config, groups, steps, updates_per_epoch, metrics):
    name = config["type"].split(".", 1)[1]
    cls, dc = REGISTRY[name]
    if dc is None:
        # manual: a legacy scheduler, built from argparse's Namespace; its dicts are the strings
        # fairseq's --epoch2lr / --update2lr take (Python dict literals, parsed by ast.literal_eval)
        cfg = argparse.Namespace(epoch2lr=repr(config.get("epoch2lr", {})), update2lr=repr(config.get("update2lr", {})),
                                 lr=list(config.get("lr", [0.25])))
        dc = type("NoFields", (), {})
        fields = set()
        config = {"type": config["type"]}
    else:
        fields = {f.name for f in dataclasses.fields(dc)}
        cfg = dc()
    for k, v in config.items():
        if k in ("type", "updatesPerEpoch"):
            continue
        f = snake(k)
        assert f in fields, (name, f)
        setattr(cfg, f, list(v) if isinstance(v, list) else v)
    # fairseq's defaults of the II(...) fields: optimization.lr [0.25], optimization.max_update 0,
    # checkpoint.maximize_best_checkpoint_metric False (fairseq/dataclass/configs.py:592, 615, 733)
    for f, default in (("lr", [0.25]), ("max_update", 0), ("total_num_update", 0), ("maximize_best_checkpoint_metric", False)):
        if f in fields and hasattr(cfg, f) and isinstance(getattr(cfg, f), str):
            setattr(cfg, f, list(default) if isinstance(default, list) else default)
    params = [torch.nn.Parameter(torch.zeros(1)) for _ in groups]
    opt = FairseqOptimizer(torch.optim.SGD([{"params": [p], "lr": g["lr"]} for p, g in zip(params, groups)], lr=0.0))
    sched = cls(cfg, opt)
    sched.step_update(0)  # trainer.py:368
    epoch = 1
    sched.step_begin_epoch(epoch)  # trainer.py:1166
    sched.step_update(0)  # trainer.py:1168
    rows = []
    for k in range(steps + 1):
        rows.append([g["lr"] for g in opt.param_groups])  # update k trains at these
        if k == steps:
            break
        n = k + 1
        sched.step_update(n)  # set_num_updates, trainer.py:1247
        if n % updates_per_epoch == 0:
            sched.step(epoch, metrics[n - 1])  # train.py:195 -> trainer.py:1172, the epoch's validation loss
            sched.step_update(n)  # trainer.py:1174
            epoch += 1
            sched.step_begin_epoch(epoch)
            sched.step_update(n)
    return rows


def r6(x):
    return float(f"{x:.6g}")


def groups_of(rng):
    return [{"lr": r6(rng.uniform(0.001, 1))} for _ in range(rng.choice([1, 2]))]


def lr1(rng):
    return [r6(10 ** rng.uniform(-4, 0))]


def random_config(name, rng):
    c = {"type": "fairseq." + name}
    if name == "fixed":
        n = rng.choice([1, 1, 2, 3, 4])
        c["lr"] = [r6(10 ** rng.uniform(-4, 0)) for _ in range(n)]
        if rng.random() < 0.6:
            c["forceAnneal"] = rng.randint(0, 6)
        if rng.random() < 0.7:
            c["lrShrink"] = r6(rng.uniform(0.05, 0.99))
        if rng.random() < 0.7:
            c["warmupUpdates"] = rng.randint(0, 60)
        c["updatesPerEpoch"] = rng.randint(1, 50)
    elif name == "inverse_sqrt":
        c["warmupUpdates"] = rng.randint(1, 120)
        if rng.random() < 0.6:
            c["warmupInitLr"] = r6(rng.uniform(-1, 1e-4)) if rng.random() < 0.8 else -1
        c["lr"] = lr1(rng)
    elif name == "polynomial_decay":
        n = rng.choice([1, 1, 2, 3])
        c["lr"] = [r6(10 ** rng.uniform(-4, 0)) for _ in range(n)]
        c["totalNumUpdate"] = rng.randint(5, 300)
        if rng.random() < 0.7:
            c["warmupUpdates"] = rng.randint(0, 80)
        if rng.random() < 0.5:
            c["forceAnneal"] = rng.randint(0, 5)
        if rng.random() < 0.6:
            c["endLearningRate"] = r6(min(c["lr"]) * rng.uniform(0, 0.5))
        if rng.random() < 0.6:
            c["power"] = r6(rng.uniform(0.3, 3))
        c["updatesPerEpoch"] = rng.randint(1, 60)
    elif name == "cosine":
        c["lr"] = lr1(rng)
        if rng.random() < 0.6:
            c["minLr"] = r6(c["lr"][0] * rng.uniform(0, 0.5))
        if rng.random() < 0.7:
            c["warmupUpdates"] = rng.randint(0, 60)
        if rng.random() < 0.6:
            c["warmupInitLr"] = r6(rng.uniform(-1, 1e-4))
        if rng.random() < 0.5:
            c["tMult"] = rng.choice([1.0, 2.0, 1.5, r6(rng.uniform(1, 3))])
        if rng.random() < 0.5:
            c["lrPeriodUpdates"] = rng.choice([rng.randint(3, 120), r6(rng.uniform(3, 120))])
        else:
            c["maxUpdate"] = c.get("warmupUpdates", 0) + rng.randint(1, 200)
        if rng.random() < 0.6:
            c["lrShrink"] = r6(rng.uniform(0.1, 1))
    elif name == "triangular":
        c["lr"] = lr1(rng)
        c["maxLr"] = r6(c["lr"][0] * rng.uniform(1.5, 20))
        c["lrPeriodUpdates"] = rng.choice([rng.randint(2, 100), r6(rng.uniform(2, 100))])
        if rng.random() < 0.6:
            c["lrShrink"] = r6(rng.uniform(0.1, 1))
        if rng.random() < 0.5:
            c["shrinkMin"] = rng.random() < 0.5
    elif name == "tri_stage":
        c["lr"] = lr1(rng)
        if rng.random() < 0.3:
            c["phaseRatio"] = rng.choice([[0.1, 0.4, 0.5], [0.25, 0.25, 0.5], [0.5, 0, 0.5], [0.125, 0.375, 0.5]])
            c["maxUpdate"] = rng.randint(10, 300)
        else:
            c["warmupSteps"] = rng.randint(0, 80)
            c["holdSteps"] = rng.randint(0, 80)
            c["decaySteps"] = rng.randint(1, 150)
        if rng.random() < 0.7:
            c["initLrScale"] = r6(rng.uniform(0, 0.5))
        if rng.random() < 0.7:
            c["finalLrScale"] = r6(rng.uniform(0.001, 0.9))
    elif name == "reduce_lr_on_plateau":
        c["lr"] = lr1(rng)
        if rng.random() < 0.7:
            c["lrShrink"] = r6(rng.uniform(0.05, 0.95))
        if rng.random() < 0.5:
            c["lrThreshold"] = rng.choice([0.0, 1e-3, 0.05])
        if rng.random() < 0.6:
            c["lrPatience"] = rng.randint(0, 4)
        if rng.random() < 0.6:
            c["warmupUpdates"] = rng.randint(0, 80)
        if rng.random() < 0.4:
            c["warmupInitLr"] = r6(rng.uniform(-1, 1e-4))
        if rng.random() < 0.3:
            c["maximizeBestCheckpointMetric"] = True
        c["updatesPerEpoch"] = rng.randint(1, 30)
    elif name == "manual":
        def lr_dict(lo, hi, n):
            keys, taken = {}, set()
            for _ in range(n):
                a = rng.randint(lo, hi)
                form = rng.choice(["one", "range", "list"])
                ks = [a] if form == "one" else list(range(a, a + rng.randint(0, 6) + 1)) if form == "range" else sorted({a, a + rng.randint(1, 9), a + rng.randint(1, 9)})
                if taken & set(ks):
                    continue
                taken |= set(ks)
                text = str(a) if form == "one" else f"{ks[0]}-{ks[-1]}" if form == "range" else ",".join(map(str, ks))
                keys[text] = r6(10 ** rng.uniform(-4, 0))
            return keys
        if rng.random() < 0.8:
            c["epoch2lr"] = lr_dict(0, 12, rng.randint(0, 5))
        if rng.random() < 0.7:
            c["update2lr"] = lr_dict(0, 300, rng.randint(0, 6))
        if rng.random() < 0.6:
            c["lr"] = lr1(rng)
        c["updatesPerEpoch"] = rng.randint(1, 50)
    elif name == "step":
        c["lr"] = lr1(rng)
        if rng.random() < 0.6:
            c["minLr"] = r6(c["lr"][0] * rng.uniform(0, 0.3))
        if rng.random() < 0.7:
            c["warmupUpdates"] = rng.randint(0, 60)
        if rng.random() < 0.5:
            c["warmupInitLr"] = r6(rng.uniform(-1, 1e-4))
        c["lrDeacyPeriod"] = rng.randint(1, 80)
        c["lrDecay"] = r6(rng.uniform(0.05, 1))
    return c


EDGES = {
    "fixed": [
        ("defaults", {}, 30),
        ("one-lr-no-epochs", {"lr": [0.5], "warmupUpdates": 7}, 40),
        ("warmup-past-horizon", {"lr": [0.5], "warmupUpdates": 100}, 60),
        ("force-anneal-1", {"lr": [0.3, 0.2], "forceAnneal": 1, "updatesPerEpoch": 5}, 40),
        ("force-anneal-0", {"lr": [0.3], "forceAnneal": 0, "lrShrink": 0.5, "updatesPerEpoch": 3}, 40),
        ("lr-list-epoch-per-update", {"lr": [0.4, 0.3, 0.2, 0.1], "updatesPerEpoch": 1}, 30),
        ("warmup-across-epochs", {"lr": [0.4, 0.1], "warmupUpdates": 10, "updatesPerEpoch": 4, "forceAnneal": 3}, 40),
    ],
    "inverse_sqrt": [
        ("defaults", {}, 400),
        ("warmup-1", {"warmupUpdates": 1, "lr": [0.5]}, 30),
        ("warmup-init-above-peak", {"warmupUpdates": 10, "warmupInitLr": 0.9, "lr": [0.5]}, 40),
        ("warmup-past-horizon", {"warmupUpdates": 200, "lr": [0.5]}, 60),
    ],
    "polynomial_decay": [
        ("no-warmup", {"lr": [0.5], "totalNumUpdate": 40}, 60),
        ("warmup-row-0-is-0", {"lr": [0.5], "totalNumUpdate": 40, "warmupUpdates": 10}, 60),
        ("warmup-past-total", {"lr": [0.5], "totalNumUpdate": 20, "warmupUpdates": 30}, 60),
        ("warmup-equals-total", {"lr": [0.5], "totalNumUpdate": 20, "warmupUpdates": 20}, 40),
        ("lr-list-epoch-1-takes-lr1", {"lr": [0.5, 0.3, 0.1], "totalNumUpdate": 50, "updatesPerEpoch": 10}, 60),
        ("force-anneal-0", {"lr": [0.5], "totalNumUpdate": 50, "forceAnneal": 0, "updatesPerEpoch": 7}, 60),
        ("force-anneal-warmup", {"lr": [0.5, 0.4], "totalNumUpdate": 80, "forceAnneal": 2, "warmupUpdates": 12, "updatesPerEpoch": 5, "power": 2.0}, 100),
        ("fractional-total", {"lr": [0.5], "totalNumUpdate": 30.5, "power": 0.5}, 40),
    ],
    "cosine": [
        ("restart-at-max-update", {"lr": [0.5], "maxUpdate": 20}, 50),
        ("restart-at-max-update-warmup", {"lr": [0.5], "maxUpdate": 30, "warmupUpdates": 10, "minLr": 0.01, "lrShrink": 0.5}, 80),
        ("warmup-init-default-min-lr", {"lr": [0.5], "maxUpdate": 30, "warmupUpdates": 10, "minLr": 0.1}, 40),
        ("t-mult-2", {"lr": [0.5], "lrPeriodUpdates": 10, "tMult": 2.0, "lrShrink": 0.5}, 150),
        ("warmup-past-horizon", {"lr": [0.5], "lrPeriodUpdates": 10, "warmupUpdates": 50}, 40),
        ("shrink-1", {"lr": [0.5], "lrPeriodUpdates": 7, "lrShrink": 1.0}, 40),
    ],
    "triangular": [
        ("defaults-period-5000", {"maxLr": 1.0}, 300),
        ("period-2", {"lr": [0.1], "maxLr": 1.0, "lrPeriodUpdates": 2}, 20),
        ("period-odd", {"lr": [0.1], "maxLr": 1.0, "lrPeriodUpdates": 7, "lrShrink": 0.5, "shrinkMin": True}, 40),
        ("period-fractional", {"lr": [0.1], "maxLr": 1.0, "lrPeriodUpdates": 5.5}, 40),
    ],
    "tri_stage": [
        ("decay-only", {"lr": [0.5], "decaySteps": 10}, 30),
        ("no-warmup-hold", {"lr": [0.5], "holdSteps": 5, "decaySteps": 10}, 30),
        ("warmup-past-horizon", {"lr": [0.5], "warmupSteps": 50, "decaySteps": 10}, 40),
        ("phase-ratio-truncated", {"lr": [0.5], "phaseRatio": [0.1, 0.4, 0.5], "maxUpdate": 33}, 50),
        ("decay-1", {"lr": [0.5], "warmupSteps": 3, "decaySteps": 1, "finalLrScale": 0.5}, 10),
    ],
    "reduce_lr_on_plateau": [
        ("defaults-epoch-per-update", {"updatesPerEpoch": 1}, 40),
        ("warmup-ignores-epochs-until-past-it", {"lr": [0.5], "warmupUpdates": 12, "updatesPerEpoch": 4, "lrShrink": 0.5}, 60),
        ("warmup-init-given", {"lr": [0.5], "warmupUpdates": 10, "warmupInitLr": 0.05, "updatesPerEpoch": 3}, 50),
        ("no-warmup-init-ignored", {"lr": [0.5], "warmupInitLr": 0.05, "updatesPerEpoch": 3}, 30),
        ("maximize", {"lr": [0.5], "maximizeBestCheckpointMetric": True, "lrPatience": 1, "updatesPerEpoch": 2}, 60),
        ("reductions-below-eps", {"lr": [1e-7], "lrShrink": 0.5, "updatesPerEpoch": 1}, 40),
    ],
    "manual": [
        ("defaults-empty-dicts", {}, 30),
        ("update2lr-1-is-update-0s", {"update2lr": {"1": 0.3, "10": 0.1}, "lr": [0.5]}, 30),
        ("epoch2lr-1-first", {"epoch2lr": {"1": 0.4, "3": 0.2}, "update2lr": {"1": 0.3}, "updatesPerEpoch": 4}, 30),
        ("epoch-keys-start-at-2", {"epoch2lr": {"2-3": 0.2, "5,7": 0.05}, "lr": [0.5], "updatesPerEpoch": 3}, 40),
        ("update-overrides-epoch", {"epoch2lr": {"1": 0.4, "2": 0.2}, "update2lr": {"3-4": 0.9, "20": 0.01}, "updatesPerEpoch": 5}, 40),
        ("key-0", {"epoch2lr": {"0": 0.4}, "update2lr": {"0": 0.2, "6": 0.1}, "updatesPerEpoch": 2}, 20),
    ],
    "step": [
        ("defaults", {}, 30),
        ("warmup", {"lr": [0.5], "warmupUpdates": 10, "lrDeacyPeriod": 5}, 50),
        ("floor", {"lr": [0.5], "minLr": 0.1, "lrDeacyPeriod": 3, "lrDecay": 0.5}, 40),
        ("warmup-past-horizon", {"lr": [0.5], "warmupUpdates": 100, "warmupInitLr": 0.01}, 40),
        ("negative-decay", {"lr": [0.5], "lrDeacyPeriod": 4, "lrDecay": -0.5}, 30),
    ],
}


def metrics_of(rng, steps):
    """Validation losses, one per step (step k gets metrics[k - 1]): a noisy descent that stalls, or
    a few repeated values (plateaus)."""
    if rng.random() < 0.5:
        return [r6(5 * 0.99 ** k + rng.uniform(0, 0.3)) for k in range(steps)]
    return [rng.choice([1.0, 1.5, 2.0, 2.5]) for _ in range(steps)]


def case(name, label, config, groups, steps, rng):
    upe = config.get("updatesPerEpoch", rng.randint(1, 40))
    metrics = metrics_of(rng, steps)
    c = {"name": f"fairseq.{name}/{label}", "config": config, "groups": groups, "steps": steps}
    if name == "reduce_lr_on_plateau":
        c["metrics"] = metrics
    c["lr"] = run(config, groups, steps, upe, metrics)
    return c


def cases_of(name):
    rng = random.Random(f"{SEED}-{name}")
    cases = []
    for label, extra, steps in EDGES[name]:
        cases.append(case(name, label, {"type": "fairseq." + name, **extra}, groups_of(rng), steps, rng))
    for i in range(N_RANDOM):
        config = random_config(name, rng)
        cases.append(case(name, f"random-{i}", config, groups_of(rng), rng.randint(30, 400), rng))
    return cases


SOURCES = {
    "fixed": "fixed_schedule", "inverse_sqrt": "inverse_square_root_schedule", "polynomial_decay": "polynomial_decay_schedule",
    "cosine": "cosine_lr_scheduler", "triangular": "triangular_lr_scheduler", "tri_stage": "tri_stage_lr_scheduler",
    "step": "step_lr_scheduler", "reduce_lr_on_plateau": "reduce_lr_on_plateau", "manual": "manual_lr_scheduler",
}


def main():
    texts = {}
    for name, src in SOURCES.items():
        header = {
            "generator": GENERATOR, "library": "fairseq", "version": TAG.lstrip("v"),
            "repo": "facebookresearch/fairseq", "tag": TAG, "commit": COMMIT,
            "files": [f"fairseq/optim/lr_scheduler/{src}.py", "fairseq/optim/lr_scheduler/fairseq_lr_scheduler.py"],
            "stubbed": STUBBED, "torch": torch.__version__, "seed": SEED,
        }
        texts[os.path.join(OUT_DIR, name + ".json")] = fixturelib.render(header, cases_of(name))
    fixturelib.write_all(texts, ROOT)


if __name__ == "__main__":
    main()
