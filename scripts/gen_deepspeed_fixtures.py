#!/usr/bin/env python3
"""Generate the DeepSpeed reference fixtures in test/fixtures/deepspeed/*.json.

Run from the repository root with the reference virtual environment:

    .venv-ref/bin/python scripts/gen_deepspeed_fixtures.py           # writes the files
    .venv-ref/bin/python scripts/gen_deepspeed_fixtures.py --check   # regenerates in memory, compares, exit 1 on a difference

DeepSpeed does not install here. Its repository is a bare git directory (DEEPSPEED_GIT, below);
deepspeed/runtime/lr_schedules.py of the release tag v0.19.5 is copied with `git show TAG:path`
into a temporary directory (never into this repository) and imported UNCHANGED as
`deepspeed.runtime.lr_schedules`. Stubbed (imports that do not touch the numbers), see STUBBED:
`deepspeed`, `deepspeed.runtime` (package modules) and `deepspeed.utils` (`logger`: a standard
logging.Logger, silenced).

The engine's loop (DeepSpeed v0.19.5), which `run` follows, row k = the groups' lrs (and betas[0])
update k trains at:
- engine.py:1557-1570 (`_scheduler_from_config`): the scheduler is built with the optimizer and
  the config's params; its constructor writes the lr for last_batch_iteration = -1;
- engine.py:3281-3343 (`_take_model_step`): `self.optimizer.step()`, then (no overflow here)
  `self.lr_scheduler.step()`.
So row 0 is the constructor's lrs and row k >= 1 follows k calls of step().

The cases: random configs (N_RANDOM per schedule), edge cases, and the pure-scheduler cases of
DeepSpeed's own tests/unit/runtime/test_lr_schedulers.py at v0.19.5 (their parameter grids:
TestLrSchedule, TestLrRange, TestOneCycle, TestWarmupCosineLR, the multi-group and stair tests),
run through the same loop.

Deterministic: every random choice comes from random.Random seeded with SEED and the schedule name.
"""

from __future__ import annotations

import importlib
import logging
import os
import random
import sys
import tempfile

import torch

import fixturelib

SEED = 20261207
GENERATOR = "scripts/gen_deepspeed_fixtures.py"
TAG = "v0.19.5"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_DIR = os.path.join(ROOT, "test", "fixtures", "deepspeed")
DEEPSPEED_GIT = os.environ.get("DEEPSPEED_GIT", "/work/.mirror/deepspeedai+DeepSpeed/repo")
N_RANDOM = 16
FILE = "deepspeed/runtime/lr_schedules.py"
STUBBED = [
    "deepspeed, deepspeed.runtime (package modules)",
    "deepspeed.utils (logger: a standard logging.Logger, silenced)",
]


COMMIT = fixturelib.git(DEEPSPEED_GIT, "rev-parse", TAG + "^{commit}").strip()


def load():
    tmp = tempfile.mkdtemp(prefix="deepspeed-sched-")
    pkg = os.path.join(tmp, "deepspeed", "runtime")
    os.makedirs(pkg)
    with open(os.path.join(pkg, "lr_schedules.py"), "w", encoding="utf-8") as out:
        out.write(fixturelib.git(DEEPSPEED_GIT, "show", f"{TAG}:{FILE}"))
    module = fixturelib.stub_module
    logger = logging.getLogger("deepspeed-stub")
    logger.disabled = True
    module("deepspeed", path=os.path.join(tmp, "deepspeed"))
    module("deepspeed.runtime", path=pkg)
    module("deepspeed.utils", logger=logger)
    return importlib.import_module("deepspeed.runtime.lr_schedules")


LS = load()


def snake(k):
    return "".join("_" + c.lower() if c.isupper() else c for c in k)


def run(config, groups, steps):
    """The lrs (and betas[0] for OneCycle with cycle momentum) of every update, as the engine runs them."""
    name = config["type"].split(".", 1)[1]
    cls = getattr(LS, name)
    kwargs = {snake(k): (list(v) if isinstance(v, list) else v) for k, v in config.items() if k != "type"}
    params = [torch.nn.Parameter(torch.zeros(1)) for _ in groups]
    # Adam: it has `betas`, which OneCycle cycles (SGD would turn cycle_momentum off)
    opt = torch.optim.Adam([{"params": [p], "lr": g["lr"], "betas": (g["momentum"], 0.999)} for p, g in zip(params, groups)])
    sched = cls(opt, **kwargs)
    lrs, moms = [], []
    for k in range(steps + 1):
        lrs.append([float(g["lr"]) for g in opt.param_groups])  # update k trains at these
        moms.append([float(g["betas"][0]) for g in opt.param_groups])
        if k == steps:
            break
        sched.step()  # engine.py:3338, after the optimizer's step
    momentum = name == "OneCycle" and config.get("cycleMomentum", True)
    return lrs, (moms if momentum else None)


def r6(x):
    return float(f"{x:.6g}")


def groups_of(rng, n=None):
    n = n or rng.choice([1, 1, 2])
    return [{"lr": r6(10 ** rng.uniform(-4, -1)), "momentum": r6(rng.uniform(0.85, 0.95))} for _ in range(n)]


def per_group(rng, n, lo, hi):
    """A number, or (half the time, with several groups) one per group, log-uniform in [lo, hi]."""
    if n > 1 and rng.random() < 0.5:
        return [r6(10 ** rng.uniform(lo, hi)) for _ in range(n)]
    return r6(10 ** rng.uniform(lo, hi))


def random_config(name, rng, n, steps):
    t = "deepspeed." + name
    warm = {"warmupNumSteps": rng.choice([1, 2, 3, rng.randint(1, max(1, steps // 2)), rng.randint(1, steps + 20)]),
            "warmupType": rng.choice(["log", "linear"])}
    if name == "WarmupLR":
        c = {"type": t, "warmupMinLr": per_group(rng, n, -6, -4), **warm}
        if rng.random() < 0.6:
            c["warmupMaxLr"] = per_group(rng, n, -3, -1)
        return c
    if name == "WarmupDecayLR":
        return {"type": t, "totalNumSteps": rng.randint(1, steps + 40), "warmupMinLr": per_group(rng, n, -6, -4),
                "warmupMaxLr": per_group(rng, n, -3, -1), **warm}
    if name == "WarmupCosineLR":
        return {"type": t, "totalNumSteps": rng.randint(1, steps + 40), "warmupMinRatio": r6(rng.uniform(0, 0.5)),
                "cosMinRatio": rng.choice([0.0, 0.0001, r6(rng.uniform(0, 0.3))]), **warm}
    if name == "OneCycle":
        lo = r6(10 ** rng.uniform(-5, -3))
        c = {"type": t, "cycleMinLr": lo, "cycleMaxLr": r6(lo * rng.uniform(2, 100)),
             "cycleFirstStepSize": rng.randint(1, max(1, steps // 3))}
        if rng.random() < 0.5:
            c["cycleSecondStepSize"] = rng.randint(0, max(1, steps // 3))
        if rng.random() < 0.3:
            c["cycleFirstStairCount"] = rng.randint(1, 6)
            if rng.random() < 0.5:
                c["cycleSecondStairCount"] = rng.randint(0, 6)
        if rng.random() < 0.6:
            c["decayStepSize"] = rng.randint(1, 30)
            c["decayLrRate"] = rng.choice([0.0, r6(rng.uniform(0, 0.5))])
            c["decayMomRate"] = rng.choice([0.0, r6(rng.uniform(0, 0.01))])
        if rng.random() < 0.5:
            c["cycleMinMom"] = r6(rng.uniform(0.7, 0.85))
            c["cycleMaxMom"] = r6(rng.uniform(0.85, 0.99))
        if rng.random() < 0.15:
            c["cycleMomentum"] = False
        return c
    if name == "LRRangeTest":
        return {"type": t, "lrRangeTestMinLr": per_group(rng, n, -5, -2), "lrRangeTestStepSize": rng.randint(1, 50),
                "lrRangeTestStepRate": r6(rng.uniform(0, 3)), "lrRangeTestStaircase": rng.random() < 0.4}
    raise KeyError(name)


# edge cases and DeepSpeed's own test grids (tests/unit/runtime/test_lr_schedulers.py at v0.19.5)
def edges(name):
    t = "deepspeed." + name
    if name == "WarmupLR":
        out = [("defaults", {}, 1100), ("warmup-1", {"warmupNumSteps": 1}, 10), ("warmup-2-linear", {"warmupNumSteps": 2, "warmupType": "linear"}, 10),
               ("multi-group-inherits-lr", {"warmupNumSteps": 10}, 20)]  # test_warmup_lr_inherits_per_group_lr_when_max_unspecified
        for w in (10, 15, 19, 33):  # TestLrSchedule.test_lr_warmup_schedule
            for wt in ("log", "linear"):
                out.append((f"ds-test-warmup-{w}-{wt}", {"warmupMinLr": 0.1, "warmupMaxLr": 0.2, "warmupNumSteps": w, "warmupType": wt}, w * 2))
        return [(label, {"type": t, **c}, s) for label, c, s in out]
    if name == "WarmupDecayLR":
        out = [("defaults-total-1500", {"totalNumSteps": 1500}, 1600), ("total-below-warmup", {"totalNumSteps": 5, "warmupNumSteps": 10}, 20),
               ("total-0", {"totalNumSteps": 0, "warmupNumSteps": 3}, 8), ("ds-test-get-lr-before-train", {"warmupNumSteps": 10, "totalNumSteps": 20}, 25)]
        for w in (10, 15, 19, 33):  # TestLrSchedule.test_lr_warmup_decay_schedule
            for wt in ("log", "linear"):
                out.append((f"ds-test-warmup-decay-{w}-{wt}", {"warmupMinLr": 0.1, "warmupMaxLr": 0.2, "warmupNumSteps": w, "warmupType": wt, "totalNumSteps": w * 2}, w * 3))
        return [(label, {"type": t, **c}, s) for label, c, s in out]
    if name == "WarmupCosineLR":
        out = [("total-equals-warmup", {"totalNumSteps": 10, "warmupNumSteps": 10}, 20),  # test_warmup_cosine_lr_total_num_steps_equals_warmup_num_steps
               ("past-the-end", {"totalNumSteps": 30, "warmupNumSteps": 5, "cosMinRatio": 0.0}, 90),
               ("multi-group", {"totalNumSteps": 100, "warmupNumSteps": 10, "warmupMinRatio": 0.0}, 110),  # test_warmup_cosine_lr_initializes_all_param_groups
               ("linear-warmup", {"totalNumSteps": 40, "warmupNumSteps": 8, "warmupType": "linear"}, 50)]
        for total, w, cmr, wmr in ((100, 10, 0.1, 0.2), (200, 20, 0.1, 0.2), (500, 30, 0.0, 0.2), (600, 300, 0.1, 0.0), (600, 550, 0.0, 0.0)):  # TestWarmupCosineLR
            out.append((f"ds-test-{total}-{w}-{cmr}-{wmr}", {"totalNumSteps": total, "warmupNumSteps": w, "cosMinRatio": cmr, "warmupMinRatio": wmr}, total + 20))
        return [(label, {"type": t, **c}, s) for label, c, s in out]
    if name == "OneCycle":
        out = [("ds-test-get-lr-before-train", {"cycleMinLr": 0, "cycleMaxLr": 0.1}, 4100),
               ("tensor-lr-contract", {"cycleMinLr": 0.01, "cycleMaxLr": 0.1, "cycleFirstStepSize": 10, "cycleSecondStepSize": 10, "cycleMomentum": False}, 30),
               ("second-size-0", {"cycleMinLr": 0.001, "cycleMaxLr": 0.01, "cycleFirstStepSize": 5, "cycleSecondStepSize": 0}, 20)]
        for i, (lo, hi, rate, size, dss) in enumerate(((1e-5, 1e-2, 1e-3, 10, 10), (1e-3, 1e-1, 0, 21, 21), (1e-3, 1e-1, 1e-1, 21, 21), (1e-5, 1e-1, 0, 10, 0))):  # TestOneCycle.test_lr
            out.append((f"ds-test-lr-{i}", {"cycleMinLr": lo, "cycleMaxLr": hi, "decayLrRate": rate, "cycleFirstStepSize": size, "decayStepSize": dss}, size * 3 + dss * 2))
        for i, (lo, hi, rate, size) in enumerate(((0.08, 0.09, 1e-3, 10), (0.08, 0.09, 0, 21))):  # TestOneCycle.test_mom
            out.append((f"ds-test-mom-{i}", {"cycleMinLr": 1e-3, "cycleMaxLr": 1e-2, "cycleMinMom": lo, "cycleMaxMom": hi, "decayMomRate": rate,
                                             "cycleFirstStepSize": size, "decayStepSize": size}, size * 4))
        for stairs in (0, 2, 8):  # test_one_cycle_stair_count_holds_lr_flat
            out.append((f"ds-test-stairs-{stairs}", {"cycleMinLr": 0.001, "cycleMaxLr": 0.01, "cycleFirstStepSize": 8, "cycleFirstStairCount": stairs}, 20))
        for first, second in ((10, 0), (2, 0), (0, 3)):  # test_one_cycle_stair_count_handles_asymmetric_cycle
            out.append((f"ds-test-asymmetric-stairs-{first}-{second}", {"cycleMinLr": 0.001, "cycleMaxLr": 0.01, "cycleFirstStepSize": 10, "cycleSecondStepSize": 21,
                                                                        "cycleFirstStairCount": first, "cycleSecondStairCount": second}, 31))
        out.append(("ds-test-asymmetric-stairs-10-21", {"cycleMinLr": 0.001, "cycleMaxLr": 0.01, "cycleFirstStepSize": 10, "cycleSecondStepSize": 21,
                                                         "cycleFirstStairCount": 10, "cycleSecondStairCount": 21}, 31))
        return [(label, {"type": t, **c}, s) for label, c, s in out]
    if name == "LRRangeTest":
        out = [("defaults", {}, 4100)]
        for lo, rate, size, stair in ((1e-4, 1e-5, 1, True), (1e-5, 1e-5, 1, False), (1e-4, 1e-3, 10, True), (1e-3, 1e-3, 10, False), (1e-2, 1e-2, 19, True), (1e-2, 1e-2, 19, False)):  # TestLrRange
            out.append((f"ds-test-{lo}-{rate}-{size}-{str(stair).lower()}",
                        {"lrRangeTestMinLr": lo, "lrRangeTestStepRate": rate, "lrRangeTestStepSize": size, "lrRangeTestStaircase": stair}, size * 6))
        return [(label, {"type": t, **c}, s) for label, c, s in out]
    raise KeyError(name)


def case(name, label, config, groups, steps):
    lrs, moms = run(config, groups, steps)
    c = {"name": f"deepspeed.{name}/{label}", "config": config, "groups": groups, "steps": steps, "lr": lrs}
    if moms is not None:
        c["momentum"] = moms
    return c


def cases_of(name):
    rng = random.Random(f"{SEED}-{name}")
    cases = []
    for label, config, steps in edges(name):
        n = 2 if "multi-group" in label else 1
        cases.append(case(name, label, config, groups_of(rng, n), steps))
    for i in range(N_RANDOM):
        groups = groups_of(rng)
        steps = rng.randint(30, 400)
        cases.append(case(name, f"random-{i}", random_config(name, rng, len(groups), steps), groups, steps))
    return cases


NAMES = ["WarmupLR", "WarmupDecayLR", "WarmupCosineLR", "OneCycle", "LRRangeTest"]


def main():
    header = {
        "generator": GENERATOR, "library": "deepspeed", "version": TAG.lstrip("v"),
        "repo": "deepspeedai/DeepSpeed", "tag": TAG, "commit": COMMIT, "files": [FILE],
        "stubbed": STUBBED, "torch": torch.__version__, "seed": SEED,
    }
    fixturelib.write_all({os.path.join(OUT_DIR, name + ".json"): fixturelib.render(header, cases_of(name)) for name in NAMES}, ROOT)


if __name__ == "__main__":
    main()
