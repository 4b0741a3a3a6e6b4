#!/usr/bin/env python3
"""Generate the Composer reference fixtures in test/fixtures/composer/*.json.

    .venv-ref/bin/python scripts/gen_composer_fixtures.py           # writes the files
    .venv-ref/bin/python scripts/gen_composer_fixtures.py --check   # regenerates in memory, compares, exit 1 on a difference

Composer does not install here. Its repository is a bare git directory (COMPOSER_GIT); the files
of the release tag (FILES) are copied with `git show TAG:path` into a temporary directory (never
into this repository) and imported UNCHANGED. Stubbed (imports that do not touch the numbers), see
STUBBED: the package modules `composer`, `composer.optim`, `composer.core` (re-exporting the
unchanged time.py's Time, TimeUnit, Timestamp, plus a minimal State: timestamp, max_duration,
dataloader_len, optimizers) and `composer.utils` (re-exporting the unchanged string_enum.py).

The trainer's loop (composer/trainer/trainer.py at the tag), which `run` follows; row k = the lrs
optimizer update k trains at:
- trainer.py:1545 sets the dataloader (dataloader_len), 1563 max_duration, then 1570
  `_compile_schedulers` -> compile_composer_scheduler (scheduler.py:159-197) builds a LambdaLR,
  whose constructor steps once: row 0 = lambda at timestamp batch 0 with the UNSCALED max_duration;
- trainer.py:1571-1574: max_duration = _scale_max_duration_by_ssr (orig * ssr, trainer.py:150-160);
- trainer.py:2480-2501: after update k, `scheduler.step()` (2492) runs BEFORE
  `timestamp.to_next_batch` (2501): row k + 1 = lambda at batch k (a one-batch lag), then at an
  epoch's end (2543-2560) `timestamp.to_next_epoch()` (Composer schedulers step every batch,
  _get_default_scheduler_frequency, trainer.py:163-180).
Cases Composer itself refuses (an exception while building or stepping) are recorded under
`rejected` with the exception, for the test to check that the decoder refuses them too.

Deterministic: every random choice comes from random.Random seeded with SEED and the schedule name.
"""
from __future__ import annotations

import importlib
import os
import random
import subprocess
import sys
import types
import warnings

import torch

import fixturelib

SEED = 20261207
GENERATOR = "scripts/gen_composer_fixtures.py"
TAG = "v0.32.1"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_DIR = os.path.join(ROOT, "test", "fixtures", "composer")
COMPOSER_GIT = os.environ.get("COMPOSER_GIT", "/work/.mirror/mosaicml+composer/repo")
N_RANDOM = 18
FILES = ["composer/optim/scheduler.py", "composer/core/time.py", "composer/core/serializable.py", "composer/utils/string_enum.py"]
STUBBED = [
    "composer (package module)",
    "composer.optim (package module; scheduler.py imported as composer.optim.scheduler)",
    "composer.core (package module: Time, TimeUnit, Timestamp from the unchanged time.py; State: a minimal class with timestamp, max_duration, dataloader_len, optimizers)",
    "composer.utils (package module: StringEnum from the unchanged string_enum.py)",
]


def git(*args):
    return subprocess.run(["git", "--git-dir", COMPOSER_GIT, *args], check=True, capture_output=True, text=True).stdout


COMMIT = git("rev-parse", TAG + "^{commit}").strip()


def load():
    tmp = fixturelib.copy_files(FILES, lambda f: git("show", f"{TAG}:{f}"), "composer-sched-")

    def module(name, path, **attrs):
        m = types.ModuleType(name)
        m.__path__ = [path]
        m.__dict__.update(attrs)
        sys.modules[name] = m
        return m

    module("composer", os.path.join(tmp, "composer"))
    utils = module("composer.utils", os.path.join(tmp, "composer", "utils"))
    utils.StringEnum = importlib.import_module("composer.utils.string_enum").StringEnum
    core = module("composer.core", os.path.join(tmp, "composer", "core"))
    time = importlib.import_module("composer.core.time")

    class State:
        def __init__(self):
            self.timestamp = time.Timestamp()
            self.max_duration = None
            self.dataloader_len = None
            self.optimizers = []

    core.State, core.Time, core.TimeUnit, core.Timestamp = State, time.Time, time.TimeUnit, time.Timestamp
    module("composer.optim", os.path.join(tmp, "composer", "optim"))
    return importlib.import_module("composer.optim.scheduler"), time, State


SCHED, TIME, State = load()

# our camelCase -> Composer's argument names
PY = {"stepSize": "step_size", "alphaI": "alpha_i", "alphaF": "alpha_f", "tMax": "t_max", "decayPeriod": "decay_period",
      "t0": "t_0", "tMult": "t_mult", "tWarmup": "t_warmup", "scaleWarmup": "scale_warmup"}
FACTS = ("maxDuration", "batchesPerEpoch", "scaleScheduleRatio")


def run(config, groups, steps):
    """Composer's trainer, as the module docstring says: the lrs of updates 0..steps."""
    cls = getattr(SCHED, config["type"].split(".", 1)[1])
    kwargs = {PY.get(k, k): v for k, v in config.items() if k != "type" and k not in FACTS}
    ssr = config.get("scaleScheduleRatio", 1.0)
    bpe = config.get("batchesPerEpoch")
    state = State()
    state.dataloader_len = None if bpe is None else TIME.Time(bpe, TIME.TimeUnit.BATCH)
    state.max_duration = TIME.Time.from_timestring(config["maxDuration"])
    params = [torch.nn.Parameter(torch.zeros(1)) for _ in groups]
    opt = torch.optim.SGD([{"params": [p], "lr": g["lr"], "momentum": g.get("momentum", 0.0)} for p, g in zip(params, groups)])
    state.optimizers = [opt]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        sched = SCHED.compile_composer_scheduler(cls(**kwargs), state, ssr)
        if ssr != 1.0:
            # _scale_max_duration_by_ssr (trainer.py:150-160)
            md = state.max_duration * ssr
            if md.value == 0:
                raise ValueError("Scale schedule has reduced the max_duration to 0.")
            state.max_duration = md
        rows = [[g["lr"] for g in opt.param_groups]]
        for _ in range(steps):
            opt.step()
            sched.step()
            state.timestamp = state.timestamp.to_next_batch()
            if bpe is not None and int(state.timestamp.batch_in_epoch) == bpe:
                state.timestamp = state.timestamp.to_next_epoch()
            rows.append([g["lr"] for g in opt.param_groups])
    for r in rows:
        for v in r:
            if not isinstance(v, float) or v != v or v in (float("inf"), float("-inf")):
                raise ValueError(f"non-finite lr {v!r}")
    return rows


def time_string(rng, md_batches, bpe, units=("ba", "ep", "dur")):
    u = rng.choice(units if bpe is not None else [x for x in units if x != "ep"])
    if u == "dur":
        return f"{rng.choice([0.0, 0.05, 0.1, 0.25, round(rng.uniform(0, 1.2), 3), 0.5, 1.0])}dur"
    if u == "ep":
        return f"{rng.randint(0, max(1, md_batches // bpe))}ep"
    return f"{rng.randint(0, md_batches + 10)}ba"


def facts(rng):
    if rng.random() < 0.5:
        bpe = rng.randint(3, 30)
        md = f"{rng.randint(2, 10)}ep"
        mdb = int(md[:-2]) * bpe
    else:
        bpe = rng.choice([None, rng.randint(3, 40)])
        mdb = rng.randint(10, 250)
        md = f"{mdb}ba"
    f = {"maxDuration": md}
    if bpe is not None:
        f["batchesPerEpoch"] = bpe
    ssr = rng.choice([1.0, 1.0, 1.0, 0.5, 2.0, round(rng.uniform(0.3, 1.8), 3)])
    if ssr != 1.0:
        f["scaleScheduleRatio"] = ssr
    return f, mdb, bpe


def sig(x):
    return fixturelib.sig(x, 4)


def random_config(name, rng):
    f, mdb, bpe = facts(rng)
    ts = lambda: time_string(rng, mdb, bpe)
    c = {}
    if name == "StepScheduler":
        c = {"stepSize": ts(), "gamma": sig(rng.uniform(0, 1))}
    elif name == "MultiStepScheduler":
        c = {"milestones": sorted([ts() for _ in range(rng.randint(0, 4))]), "gamma": sig(rng.uniform(0, 1.5))}
    elif name == "ConstantScheduler":
        c = {"alpha": sig(rng.uniform(0, 2)), "tMax": ts()}
    elif name == "LinearScheduler":
        c = {"alphaI": sig(rng.uniform(0, 2)), "alphaF": sig(rng.uniform(0, 2)), "tMax": ts()}
    elif name == "ExponentialScheduler":
        c = {"gamma": sig(rng.uniform(0.5, 1)), "decayPeriod": ts()}
    elif name == "CosineAnnealingScheduler":
        c = {"tMax": ts(), "alphaF": sig(rng.uniform(0, 1))}
    elif name == "CosineAnnealingWarmRestartsScheduler":
        c = {"t0": ts(), "tMult": rng.choice([1.0, 1.5, 2.0, sig(rng.uniform(1, 3))]), "alphaF": sig(rng.uniform(0, 1))}
    elif name == "PolynomialScheduler":
        c = {"power": sig(rng.uniform(0, 4)), "tMax": ts(), "alphaF": sig(rng.uniform(0, 1))}
    elif name == "MultiStepWithWarmupScheduler":
        c = {"tWarmup": ts(), "milestones": sorted([ts() for _ in range(rng.randint(0, 3))]), "gamma": sig(rng.uniform(0, 1)), "scaleWarmup": rng.random() < 0.4}
    elif name == "ConstantWithWarmupScheduler":
        c = {"tWarmup": ts(), "alpha": sig(rng.uniform(0, 2)), "tMax": rng.choice(["1dur", "1dur", ts()]), "scaleWarmup": rng.random() < 0.4}
    elif name == "LinearWithWarmupScheduler":
        c = {"tWarmup": ts(), "alphaI": sig(rng.uniform(0, 2)), "alphaF": sig(rng.uniform(0, 1)), "tMax": rng.choice(["1dur", "1dur", "1.2dur", ts()]), "scaleWarmup": rng.random() < 0.4}
    elif name == "CosineAnnealingWithWarmupScheduler":
        c = {"tWarmup": ts(), "tMax": rng.choice(["1dur", "1dur", "1.5dur", ts()]), "alphaF": sig(rng.uniform(0, 1)), "scaleWarmup": rng.random() < 0.4}
    elif name == "PolynomialWithWarmupScheduler":
        c = {"tWarmup": ts(), "power": sig(rng.uniform(0, 4)), "tMax": rng.choice(["1dur", "1dur", ts()]), "alphaF": sig(rng.uniform(0, 1)), "scaleWarmup": rng.random() < 0.4}
    return {"type": f"composer.{name}", **c, **f}, mdb


def groups_of(rng):
    return [{"lr": sig(10 ** rng.uniform(-4, 0)), "momentum": 0.9} for _ in range(rng.randint(1, 2))]


# hand-picked edge cases: zero warmup, warmup >= horizon, dur vs ba warmups under a ratio (composer#3941), past the horizon
EDGES = {
    "StepScheduler": [{"stepSize": "3ba", "gamma": 0.5, "maxDuration": "20ba"}, {"stepSize": "1ep", "maxDuration": "4ep", "batchesPerEpoch": 5, "scaleScheduleRatio": 0.5}],
    "MultiStepScheduler": [{"milestones": ["5ba", "1ep", "0.5dur"], "gamma": 0.5, "maxDuration": "30ba", "batchesPerEpoch": 7}, {"milestones": [], "maxDuration": "10ba"}],
    "ConstantScheduler": [{"maxDuration": "10ba"}, {"alpha": 0.3, "tMax": "0.5dur", "maxDuration": "3ep", "batchesPerEpoch": 4, "scaleScheduleRatio": 2.0}],
    "LinearScheduler": [{"maxDuration": "20ba"}, {"alphaI": 0.0, "alphaF": 2.0, "tMax": "0.25dur", "maxDuration": "40ba", "scaleScheduleRatio": 2.0}],
    "ExponentialScheduler": [{"gamma": 0.5, "maxDuration": "4ep", "batchesPerEpoch": 5}, {"gamma": 0.9, "decayPeriod": "3ba", "maxDuration": "20ba", "scaleScheduleRatio": 1.5}],
    "CosineAnnealingScheduler": [{"maxDuration": "30ba"}, {"tMax": "30ba", "alphaF": 0.5, "maxDuration": "30ba", "scaleScheduleRatio": 0.2}],
    "CosineAnnealingWarmRestartsScheduler": [{"t0": "7ba", "maxDuration": "40ba"}, {"t0": "0.1dur", "tMult": 1.5, "maxDuration": "100ba"}, {"t0": "2ep", "tMult": 2.0, "alphaF": 0.5, "maxDuration": "8ep", "batchesPerEpoch": 5, "scaleScheduleRatio": 0.5}],
    "PolynomialScheduler": [{"power": 2.0, "maxDuration": "20ba"}, {"power": 0.0, "tMax": "10ba", "maxDuration": "20ba"}, {"power": 2.0, "tMax": "100ba", "alphaF": 0.5, "maxDuration": "60ba", "scaleScheduleRatio": 0.5}],
    "MultiStepWithWarmupScheduler": [{"tWarmup": "0ba", "milestones": ["5ba"], "maxDuration": "20ba"}, {"tWarmup": "10ba", "milestones": ["2ep", "4ep"], "gamma": 0.5, "maxDuration": "6ep", "batchesPerEpoch": 10, "scaleScheduleRatio": 0.5}, {"tWarmup": "10ba", "milestones": ["2ep", "4ep"], "gamma": 0.5, "scaleWarmup": True, "maxDuration": "6ep", "batchesPerEpoch": 10, "scaleScheduleRatio": 0.5}],
    "ConstantWithWarmupScheduler": [{"tWarmup": "0ba", "maxDuration": "10ba"}, {"tWarmup": "1dur", "maxDuration": "20ba"}, {"tWarmup": "8ba", "alpha": 3.0, "tMax": "40ba", "maxDuration": "20ba", "scaleScheduleRatio": 2.0}],
    "LinearWithWarmupScheduler": [{"tWarmup": "0ba", "maxDuration": "20ba"}, {"tWarmup": "30ba", "maxDuration": "20ba"}, {"tWarmup": "0.25dur", "maxDuration": "40ba", "scaleScheduleRatio": 2.0}, {"tWarmup": "10ba", "maxDuration": "40ba", "scaleScheduleRatio": 2.0}, {"tWarmup": "10ba", "scaleWarmup": True, "maxDuration": "40ba", "scaleScheduleRatio": 2.0}],
    "CosineAnnealingWithWarmupScheduler": [{"tWarmup": "0ba", "maxDuration": "20ba"}, {"tWarmup": "0.9dur", "maxDuration": "50ba"}, {"tWarmup": "1ep", "alphaF": 0.1, "maxDuration": "5ep", "batchesPerEpoch": 6, "scaleScheduleRatio": 1.5}],
    "PolynomialWithWarmupScheduler": [{"tWarmup": "0ba", "maxDuration": "20ba"}, {"tWarmup": "25ba", "maxDuration": "20ba"}, {"tWarmup": "0.2dur", "alphaF": 0.5, "scaleWarmup": True, "maxDuration": "30ba", "scaleScheduleRatio": 0.5}],
}
NAMES = list(EDGES)


def cases_of(name):
    rng = random.Random(f"{SEED}-{name}")
    cases, rejected = [], []
    for i, e in enumerate(EDGES[name]):
        config = {"type": f"composer.{name}", **e}
        groups = [{"lr": 0.1, "momentum": 0.9}] if i % 2 == 0 else [{"lr": 0.1, "momentum": 0.9}, {"lr": 0.02, "momentum": 0.0}]
        steps = 60
        cases.append({"name": f"{name}/edge-{i}", "config": config, "groups": groups, "steps": steps, "lr": run(config, groups, steps)})
    n = 0
    while n < N_RANDOM:
        config, mdb = random_config(name, rng)
        groups = groups_of(rng)
        steps = max(30, min(400, int(mdb * config.get("scaleScheduleRatio", 1.0)) + rng.randint(0, 20)))
        try:
            rows = run(config, groups, steps)
        except Exception as e:  # Composer refuses the config
            if len(rejected) < 12:
                rejected.append({"config": config, "composer": f"{type(e).__name__}: {e}"[:200]})
            continue
        cases.append({"name": f"{name}/random-{n}", "config": config, "groups": groups, "steps": steps, "lr": rows})
        n += 1
    return cases, rejected


SUITE_OUT = os.path.join(ROOT, "test", "fixtures", "composer-suite", "test_scheduler.json")


def suite_cases():
    """Composer's tests/optim/test_scheduler.py::test_scheduler_init, its parametrize list evaluated
    unchanged (pytest.param stubbed to a tuple): each case's scheduler evaluated at its test times as
    that test does (max_duration 1000ep scaled by the ratio, 1000 batches per epoch, scheduler(state,
    ssr)), with the test's own expected values (its tolerance: abs 1e-3) beside Composer's numbers."""
    import inspect
    src = git("show", f"{TAG}:tests/optim/test_scheduler.py")
    start = src.index("'scheduler,ssr,test_times,expected_lrs',")
    body = src[src.index("[", start):src.index("\ndef test_scheduler_init")]
    body = body[:body.rindex(")")]
    ns = {n: getattr(SCHED, n) for n in SCHED.__all__}
    ns["pytest"] = types.SimpleNamespace(param=lambda *a, **k: a)
    params = eval(body, ns)
    params = params[0] if isinstance(params, tuple) else params
    out = []
    for i, (sched, ssr, times, expected) in enumerate(params):
        name = type(sched).__name__
        config = {"type": f"composer.{name}"}
        for pname, par in inspect.signature(type(sched).__init__).parameters.items():
            if pname == "self":
                continue
            v = getattr(sched, pname)
            if isinstance(v, TIME.Time):
                v = v.to_timestring()
            if v != par.default:
                key = next((k for k, py in PY.items() if py == pname), pname)
                config[key] = v
        config.update({"maxDuration": "1000ep", "batchesPerEpoch": 1000})
        if ssr != 1.0:
            config["scaleScheduleRatio"] = ssr
        state = State()
        state.dataloader_len = TIME.Time(1000, TIME.TimeUnit.BATCH)
        state.max_duration = TIME.Time(int(1000 * ssr), TIME.TimeUnit.EPOCH)
        points = []
        for t, e in zip(times, expected):
            parsed = TIME.Time.from_timestring(t)
            batch = parsed.value * 1000 if parsed.unit == TIME.TimeUnit.EPOCH else parsed.value
            state.timestamp = state.timestamp.copy(batch=TIME.Time(batch, TIME.TimeUnit.BATCH), epoch=TIME.Time(batch // 1000, TIME.TimeUnit.EPOCH))
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                points.append([batch, float(sched(state, ssr)), float(e)])
        # whether Composer's Trainer accepts it: the LambdaLR is built with the unscaled max_duration
        state.max_duration = TIME.Time(1000, TIME.TimeUnit.EPOCH)
        state.timestamp = TIME.Timestamp()
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                sched(state, ssr)
            trainer = "ok"
        except Exception as e:
            trainer = f"{type(e).__name__}: {e}"[:200]
        out.append({"name": f"test_scheduler_init[{i}] {name}", "config": config, "trainer": trainer, "points": points})
    return out


def main():
    suite = fixturelib.render({"generator": GENERATOR, "library": "composer", "version": TAG.lstrip("v"), "repo": "mosaicml/composer",
                               "tag": TAG, "commit": COMMIT, "files": FILES + ["tests/optim/test_scheduler.py"], "stubbed": STUBBED + ["pytest.param (a tuple)"],
                               "points": "[batch t, Composer's multiplier at t (our row t + 1), the test's expected value]"}, suite_cases())
    texts = {SUITE_OUT: suite}
    for name in NAMES:
        cases, rejected = cases_of(name)
        header = {
            "generator": GENERATOR, "library": "composer", "version": TAG.lstrip("v"), "repo": "mosaicml/composer",
            "tag": TAG, "commit": COMMIT, "files": FILES, "stubbed": STUBBED, "torch": torch.__version__, "seed": SEED,
            "rejected": rejected,
        }
        texts[os.path.join(OUT_DIR, name + ".json")] = fixturelib.render(header, cases)
    fixturelib.write_all(texts, ROOT)


if __name__ == "__main__":
    main()
