#!/usr/bin/env python3
"""Generate the fastai reference fixtures in test/fixtures/fastai/*.json.

Run from the repository root with the reference virtual environment:

    .venv-ref/bin/python scripts/gen_fastai_fixtures.py           # writes the files
    .venv-ref/bin/python scripts/gen_fastai_fixtures.py --check   # regenerates in memory, compares, exit 1 on a difference

fastai does not install here (no wheel in the local package sources) and its repository is too big
to fetch, so its source comes from a local copy of the files, taken from the stored index of public
repositories and kept OUTSIDE this repository, in $FASTAI_SRC (default /tmp/fastai-src):

- fastai/callback/schedule_numeric.py: fastai/callback/schedule.py at commit SCHEDULE_COMMIT, the
  cells from `class _Annealer` through `fit_sgdr`, verbatim (_Annealer, annealer, sched_lin/cos/no/exp,
  SchedLin/Cos/No/Exp, SchedPoly, combine_scheds, combined_cos, ParamScheduler, fit_one_cycle,
  fit_flat_cos, fit_sgdr; the LR-finder cells after them are not used);
- fastai/callback/core_traineval.py: fastai/callback/core.py at commit CORE_COMMIT, class
  TrainEvalCallback, verbatim (it owns `pct_train`: 0 at before_fit, `epoch/n_epoch` at
  before_train, `+= 1./(n_iter*n_epoch)` at after_batch);
- fastai/torch_core_tensor.py: fastai/torch_core.py (commit TORCH_CORE_COMMIT), `_array2tensor` and
  `tensor`, verbatim (combine_scheds turns its pcts into a float32 tensor with it).

Each is copied at generation time into a temporary directory and executed there UNCHANGED (exec of
its text in one namespace) on CPU torch; their sha256 go into the fixtures' `files`. The imports
the files take from fastcore/fastai.basics are replaced by the stubs below (`stubbed` in the
fixtures), none of which touches a number: `store_attr`, `L`, `patch`, `docs`, `Callback` (the
event dispatch and attribute delegation to the learner), `default_device`, `BaseLoss`, and a
minimal `Learner` + optimizer whose `fit` runs fastai's loop order (learner.py: `_do_fit` ->
`_do_epoch` -> `_do_epoch_train` [before_train] -> `all_batches` [`n_iter = len(self.dl)`] ->
`one_batch` [before_batch, ..., opt.step, after_batch]) and whose `set_hyper` distributes a value to
the param groups as fastai's Optimizer.set_hyper does (a number to every group, a list/array one
per group).

Rows: row k is the lr (and 'mom') in the optimizer's hypers when update k runs, i.e. right after
ParamScheduler.before_batch of batch k (order 60, after TrainEvalCallback, order -10). Past the
fit (k >= n_epoch * n_iter), the optimizer keeps what ParamScheduler set last: those rows repeat
the last batch's values (cases named `past-the-fit`).

Deterministic: every random choice comes from random.Random seeded with SEED and the schedule name.
"""

from __future__ import annotations

import functools
import hashlib
import inspect
import json
import math
import os
import random
import shutil
import sys
import tempfile

import numpy as np
import torch
from numpy import array, ndarray
from torch import Tensor, as_tensor, nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fixturelib  # noqa: E402

SEED = 20261207
GENERATOR = "scripts/gen_fastai_fixtures.py"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_DIR = os.path.join(ROOT, "test", "fixtures", "fastai")
SRC = os.environ.get("FASTAI_SRC", "/tmp/fastai-src")
N_RANDOM = 16
SCHEDULE_COMMIT = "510888788cac75075e640adcba6818a05b7fa834"
CORE_COMMIT = "09b07b844e3b86bd1126b1bac86a9065aa2ba1b0"
TORCH_CORE_COMMIT = "917603737cbd5c438ce90d9b96385d6556835c2c"
FILES = {
    "fastai/callback/schedule_numeric.py": f"fastai/callback/schedule.py@{SCHEDULE_COMMIT} (_Annealer .. fit_sgdr)",
    "fastai/callback/core_traineval.py": f"fastai/callback/core.py@{CORE_COMMIT} (TrainEvalCallback)",
    "fastai/torch_core_tensor.py": f"fastai/torch_core.py@{TORCH_CORE_COMMIT} (_array2tensor, tensor)",
}
STUBBED = [
    "fastcore store_attr (sets the named attributes from the caller's arguments)",
    "fastcore L (a list: L(None) = [], L(x) = [x], L(list or array) = its items; x + L prepends)",
    "fastcore patch (attaches the function to the class of its `self` annotation)",
    "fastai docs decorator (identity)",
    "fastai Callback base (order, run_valid; attributes read through to the learner; event dispatch)",
    "fastai is_iter, default_device ('cpu'), BaseLoss (an empty class); pandas (not installed: `tensor` only tests isinstance against pd.Series/pd.DataFrame, two empty classes)",
    "fastai Learner: opt, lr, moms (0.95, 0.85, 0.95), create_opt, and fit(n_epoch, cbs) running the loop order of learner.py",
    "fastai Optimizer: hypers (one dict per group) and set_hyper's distribution of a value over the groups",
]


# ---------------------------------------------------------------------------------------------
# stubs (nothing here computes a number fastai computes)
# ---------------------------------------------------------------------------------------------


def store_attr(names):
    frame = inspect.currentframe().f_back
    self = frame.f_locals["self"]
    for n in names.split(","):
        setattr(self, n.strip(), frame.f_locals[n.strip()])


class L(list):
    def __init__(self, items=None, use_list=None):
        if items is None:
            super().__init__()
        elif isinstance(items, (list, tuple, ndarray)):
            super().__init__(list(items))
        else:
            super().__init__([items])

    def __radd__(self, other):
        return L(list(other) + list(self)) if isinstance(other, list) else L([other] + list(self))


class Learner:
    moms = (0.95, 0.85, 0.95)

    def __init__(self, lrs, n_iter):
        # fastai's create_opt gives every group the learner's lr; here one per group (the trace's groups)
        self.lr = list(lrs) if len(lrs) > 1 else lrs[0]
        self.n_groups, self.n_iter_per_epoch = len(lrs), n_iter
        self.opt, self.rows = None, []
        self.model, self.loss_func, self.dls = nn.Linear(1, 1), None, type("Dls", (), {"device": "cpu"})()

    def create_opt(self):
        self.opt = Optimizer(self.n_groups, self.lr)

    def fit(self, n_epoch, cbs=None, reset_opt=False, wd=None):
        if self.opt is None:
            self.create_opt()
        self.n_epoch = n_epoch
        cbs = sorted([TrainEvalCallback()] + list(L(cbs)), key=lambda c: c.order)
        for c in cbs:
            c.learn = self

        def event(name):
            for c in cbs:
                c(name)

        event("before_fit")
        for epoch in range(n_epoch):
            self.epoch = epoch
            event("before_epoch")
            event("before_train")
            self.n_iter = self.n_iter_per_epoch
            for i in range(self.n_iter):
                self.iter = i
                event("before_batch")
                self.rows.append([dict(h) for h in self.opt.hypers])  # what optimizer update k uses
                event("after_batch")
            event("after_train")
            event("after_epoch")
        event("after_fit")


class Optimizer:
    def __init__(self, n, lr):
        self.param_lists = [[] for _ in range(n)]
        self.hypers = [{"lr": lr, "mom": 0.9} for _ in range(n)]
        self.set_hyper("lr", lr)

    def set_hyper(self, k, v):
        v = L(v, use_list=None)
        if len(v) == 1:
            v = v * len(self.param_lists)
        assert len(v) == len(self.hypers), f"Trying to set {len(v)} values for {k} but there are {len(self.param_lists)} parameter groups."
        for v_, h in zip(v, self.hypers):
            h[k] = v_


class Callback:
    order, learn, run, run_train, run_valid = 0, None, True, True, True

    def __getattr__(self, name):
        if name.startswith("__") or name == "learn":
            raise AttributeError(name)
        return getattr(self.learn, name)

    def __call__(self, event_name):
        f = getattr(type(self), event_name, None)
        return f(self) if f is not None else None


def patch(f):
    cls = f.__annotations__["self"]
    setattr(cls, f.__name__, f)
    return f


def docs(cls):
    return cls


def is_iter(o):
    return hasattr(o, "__iter__")


def default_device():
    return "cpu"


class BaseLoss:
    pass


class pd:
    """pandas is not installed: `tensor` only tests isinstance(x, (pd.Series, pd.DataFrame))."""

    class Series:
        pass

    class DataFrame:
        pass


def load_fastai():
    """The fastai files, copied to a temporary directory and executed there unchanged, in one namespace."""
    ns = dict(
        store_attr=store_attr, L=L, patch=patch, docs=docs, Callback=Callback, Learner=Learner, is_iter=is_iter,
        default_device=default_device, BaseLoss=BaseLoss, functools=functools, math=math, np=np, torch=torch,
        Tensor=Tensor, as_tensor=as_tensor, ndarray=ndarray, array=array, pd=pd, nn=nn,
    )
    hashes = {}
    with tempfile.TemporaryDirectory() as tmp:
        for rel in ["fastai/torch_core_tensor.py", "fastai/callback/core_traineval.py", "fastai/callback/schedule_numeric.py"]:
            src = os.path.join(SRC, rel)
            if not os.path.exists(src):
                sys.exit(f"missing {src}: save fastai's {FILES[rel]} there (see this script's docstring)")
            dst = os.path.join(tmp, rel.replace("/", "_"))
            shutil.copy(src, dst)
            with open(dst, encoding="utf8") as f:
                text = f.read()
            hashes[rel] = {"from": FILES[rel], "sha256": hashlib.sha256(text.encode()).hexdigest()}
            exec(compile(text, dst, "exec", dont_inherit=True), ns)
    globals()["TrainEvalCallback"] = ns["TrainEvalCallback"]
    return ns, hashes


F, HASHES = load_fastai()

# ---------------------------------------------------------------------------------------------
# config -> fastai -> rows
# ---------------------------------------------------------------------------------------------

SCHEDS = {"fastai.SchedLin": "SchedLin", "fastai.SchedCos": "SchedCos", "fastai.SchedNo": "SchedNo", "fastai.SchedExp": "SchedExp", "fastai.SchedPoly": "SchedPoly"}


def value(x):
    return np.array(x, dtype=np.float64) if isinstance(x, list) else x


def sched_of(cfg):
    f = F[SCHEDS[cfg["type"]]]
    if cfg["type"] == "fastai.SchedPoly":
        return f(value(cfg["start"]), value(cfg["end"]), cfg["power"])
    return f(value(cfg["start"]), value(cfg["end"]))


def run(cfg, groups, steps):
    lrs = [g["lr"] for g in groups]
    t = cfg["type"]
    if t in SCHEDS or t == "fastai.combine_scheds":
        learn = Learner(lrs, cfg["batchesPerEpoch"])
        s = sched_of(cfg) if t in SCHEDS else F["combine_scheds"](cfg["pcts"], [sched_of(c) for c in cfg["scheds"]])
        learn.fit(cfg["nEpoch"], cbs=F["ParamScheduler"]({"lr": s}))
    elif t == "fastai.fit_one_cycle":
        learn = Learner(lrs, cfg["batchesPerEpoch"])
        kw = {k2: cfg[k] for k, k2 in [("lrMax", "lr_max"), ("div", "div"), ("divFinal", "div_final"), ("pctStart", "pct_start"), ("moms", "moms")] if k in cfg}
        if isinstance(kw.get("lr_max"), list):
            kw["lr_max"] = np.array(kw["lr_max"])
        learn.fit_one_cycle(cfg["nEpoch"], **kw)
    elif t == "fastai.fit_flat_cos":
        learn = Learner(lrs, cfg["batchesPerEpoch"])
        kw = {k2: cfg[k] for k, k2 in [("lr", "lr"), ("divFinal", "div_final"), ("pctStart", "pct_start")] if k in cfg}
        if isinstance(kw.get("lr"), list):
            kw["lr"] = np.array(kw["lr"])
        learn.fit_flat_cos(cfg["nEpoch"], **kw)
    elif t == "fastai.fit_sgdr":
        learn = Learner(lrs, cfg["batchesPerEpoch"])
        kw = {k2: cfg[k] for k, k2 in [("lrMax", "lr_max"), ("cycleMult", "cycle_mult")] if k in cfg}
        if isinstance(kw.get("lr_max"), list):
            kw["lr_max"] = np.array(kw["lr_max"])
        learn.fit_sgdr(cfg["nCycles"], cfg["cycleLen"], **kw)
    else:
        raise ValueError(t)
    rows = learn.rows
    rows = rows[: steps + 1] + [rows[-1]] * max(0, steps + 1 - len(rows))
    lr = [[float(h["lr"]) for h in r] for r in rows]
    mom = [[float(h["mom"]) for h in r] for r in rows] if t == "fastai.fit_one_cycle" else None
    for table in (lr, mom or []):
        for r in table:
            for x in r:
                if not math.isfinite(x):
                    raise ValueError(f"non-finite value {x}")
    return lr, mom


def total_batches(cfg):
    if cfg["type"] == "fastai.fit_sgdr":
        m = cfg.get("cycleMult", 2)
        return cfg["cycleLen"] * (m ** cfg["nCycles"] - 1) // (m - 1) * cfg["batchesPerEpoch"]
    return cfg["nEpoch"] * cfg["batchesPerEpoch"]


def make_case(name, cfg, groups, steps=None):
    n = total_batches(cfg)
    steps = n - 1 if steps is None else steps
    lr, mom = run(cfg, groups, steps)
    case = {"name": name, "reference": "fastai", "config": cfg, "groups": groups, "steps": steps, "lr": lr}
    if mom is not None:
        case["momentum"] = mom
    return case


# ---------------------------------------------------------------------------------------------
# random configs and edge cases
# ---------------------------------------------------------------------------------------------


def sig(x, d=6):
    return float(f"{x:.{d}g}")


def rand_groups(rng, momentum, n=None):
    n = n or rng.choice([1, 1, 2])
    gs = []
    for _ in range(n):
        g = {"lr": sig(10 ** rng.uniform(-4, -1))}
        if momentum:
            g["momentum"] = 0.9
        gs.append(g)
    return gs


def rand_fit(rng):
    # 30 to 400 batches in all
    while True:
        e, b = rng.randint(1, 12), rng.choice([1, 3, 7, 10, 17, 32, 50, 64, 100])
        if 30 <= e * b <= 400:
            return e, b


def rand_value(rng, n, lo=-4, hi=-1, positive=True):
    one = lambda: sig(10 ** rng.uniform(lo, hi)) * (1 if positive or rng.random() < 0.8 else -1)
    return [one() for _ in range(n)] if n > 1 and rng.random() < 0.6 else one()


def rand_sched(rng, t, n):
    if t == "fastai.SchedNo" or t == "fastai.SchedLin" or t == "fastai.SchedCos":
        return {"type": t, "start": rand_value(rng, n, positive=False), "end": rand_value(rng, n, positive=False)}
    if t == "fastai.SchedExp":
        return {"type": t, "start": rand_value(rng, n), "end": rand_value(rng, n) if rng.random() < 0.9 else 0}
    return {"type": t, "start": rand_value(rng, n), "end": rand_value(rng, n), "power": sig(rng.choice([0, 0.5, 1, 2, 3, rng.uniform(0, 4)]))}


def rand_pcts(rng, k):
    while True:
        if rng.random() < 0.5:
            cuts = sorted(round(rng.random(), 2) for _ in range(k - 1))
            ps = [b - a for a, b in zip([0.0] + cuts, cuts + [1.0])]
            ps = [round(p, 2) for p in ps]
        else:
            ws = [rng.randint(0, 5) for _ in range(k)]
            if sum(ws) == 0:
                continue
            ps = [w / sum(ws) for w in ws]
        if sum(ps) == 1.0 and all(p >= 0 for p in ps) and ps[-1] > 0:
            return ps


def gen_random(rng, t, i):
    groups = rand_groups(rng, t == "fastai.fit_one_cycle")
    n = len(groups)
    e, b = rand_fit(rng)
    if t in SCHEDS:
        return {**rand_sched(rng, t, n), "nEpoch": e, "batchesPerEpoch": b}, groups
    if t == "fastai.combine_scheds":
        k = rng.randint(1, 4)
        return {"type": t, "pcts": rand_pcts(rng, k), "scheds": [rand_sched(rng, rng.choice(list(SCHEDS)), n) for _ in range(k)], "nEpoch": e, "batchesPerEpoch": b}, groups
    if t == "fastai.fit_one_cycle":
        cfg = {"type": t, "nEpoch": e, "batchesPerEpoch": b}
        if rng.random() < 0.5:
            cfg["lrMax"] = rand_value(rng, n)
        for k, f in [("div", lambda: sig(rng.uniform(2, 50))), ("divFinal", lambda: sig(10 ** rng.uniform(1, 6))), ("pctStart", lambda: sig(rng.uniform(0, 1), 3)),
                     ("moms", lambda: [sig(rng.uniform(0.8, 0.99), 3), sig(rng.uniform(0.5, 0.9), 3), sig(rng.uniform(0.8, 0.99), 3)])]:
            if rng.random() < 0.5:
                cfg[k] = f()
        return cfg, groups
    if t == "fastai.fit_flat_cos":
        cfg = {"type": t, "nEpoch": e, "batchesPerEpoch": b}
        if rng.random() < 0.5:
            cfg["lr"] = rand_value(rng, n)
        for k, f in [("divFinal", lambda: sig(10 ** rng.uniform(1, 6))), ("pctStart", lambda: sig(rng.uniform(0, 1), 3))]:
            if rng.random() < 0.5:
                cfg[k] = f()
        return cfg, groups
    if t == "fastai.fit_sgdr":
        while True:
            cfg = {"type": t, "nCycles": rng.randint(1, 4), "cycleLen": rng.randint(1, 3), "batchesPerEpoch": rng.choice([3, 5, 7, 10, 16])}
            if rng.random() < 0.6:
                cfg["cycleMult"] = rng.choice([2, 3])
            if rng.random() < 0.5:
                cfg["lrMax"] = rand_value(rng, n)
            if 30 <= total_batches(cfg) <= 400 and sgdr_sums_to_one(cfg):
                return cfg, groups
    raise ValueError(t)


def sgdr_sums_to_one(cfg):
    m = cfg.get("cycleMult", 2)
    ne = cfg["cycleLen"] * (m ** cfg["nCycles"] - 1) // (m - 1)
    return sum(cfg["cycleLen"] * m ** i / ne for i in range(cfg["nCycles"])) == 1.0


def edge_cases(t):
    out = []

    def add(label, cfg, groups, steps=None):
        out.append(make_case(f"{t}/{label}", cfg, groups, steps))

    one, two = [{"lr": 0.01}], [{"lr": 0.01}, {"lr": 0.001}]
    if t in SCHEDS:
        base = {"type": t, "start": 0.5, "end": 0.002, **({"power": 2} if t == "fastai.SchedPoly" else {})}
        add("one-batch", {**base, "nEpoch": 1, "batchesPerEpoch": 1}, one)
        add("one-batch-per-epoch", {**base, "nEpoch": 37, "batchesPerEpoch": 1}, one)
        add("past-the-fit", {**base, "nEpoch": 3, "batchesPerEpoch": 11}, one, 60)
        add("two-groups", {**base, "start": [0.5, 0.05], "end": [0.002, 0.0002], "nEpoch": 4, "batchesPerEpoch": 9}, two)
        add("odd-epochs", {**base, "nEpoch": 7, "batchesPerEpoch": 13}, one)
    if t == "fastai.SchedLin":
        # nbs/14_callback.schedule.ipynb: SchedLin(0, 2) at 0, .25, .5, .75; ParamScheduler test (10 batches, 1 epoch)
        add("nb-SchedLin-0-2", {"type": t, "start": 0, "end": 2, "nEpoch": 1, "batchesPerEpoch": 4}, one)
        add("nb-ParamScheduler", {"type": t, "start": 1e-3, "end": 1e-2, "nEpoch": 1, "batchesPerEpoch": 10}, one)
    if t == "fastai.SchedExp":
        add("nb-SchedExp-1-2", {"type": t, "start": 1, "end": 2, "nEpoch": 1, "batchesPerEpoch": 4}, one)
        add("end-0", {"type": t, "start": 0.1, "end": 0, "nEpoch": 2, "batchesPerEpoch": 20}, one)
    if t == "fastai.SchedPoly":
        add("nb-SchedPoly-0-2-2", {"type": t, "start": 0, "end": 2, "power": 2, "nEpoch": 1, "batchesPerEpoch": 4}, one)
        add("power-0", {"type": t, "start": 1, "end": 0.5, "power": 0, "nEpoch": 2, "batchesPerEpoch": 20}, one)
    if t == "fastai.combine_scheds":
        nb = {"type": t, "pcts": [0.3, 0.2, 0.5], "scheds": [{"type": "fastai.SchedLin", "start": 0.0, "end": 1.0}, {"type": "fastai.SchedNo", "start": 1.0, "end": 1.0}, {"type": "fastai.SchedCos", "start": 1.0, "end": 0.0}]}
        add("nb-lin-no-cos", {**nb, "nEpoch": 1, "batchesPerEpoch": 20}, one)
        add("nb-lin-no-cos-epochs", {**nb, "nEpoch": 10, "batchesPerEpoch": 7}, one)
        cc = {"type": t, "pcts": [0.25, 0.75], "scheds": [{"type": "fastai.SchedCos", "start": 0.5, "end": 1.0}, {"type": "fastai.SchedCos", "start": 1.0, "end": 0.0}]}
        add("nb-combined-cos", {**cc, "nEpoch": 2, "batchesPerEpoch": 20}, one)
        add("nb-combined-cos-groups", {"type": t, "pcts": [0.25, 0.75], "scheds": [{"type": "fastai.SchedCos", "start": [0.25, 0.5], "end": [0.5, 1.0]}, {"type": "fastai.SchedCos", "start": [0.5, 1.0], "end": [0.0, 0.0]}], "nEpoch": 2, "batchesPerEpoch": 20}, two)
        add("nb-discriminative", {"type": t, "pcts": [0.5, 0.5], "scheds": [{"type": "fastai.SchedCos", "start": [1e-4, 1e-3], "end": [1e-3, 1e-2]}, {"type": "fastai.SchedCos", "start": [1e-3, 1e-2], "end": [1e-5, 1e-4]}], "nEpoch": 1, "batchesPerEpoch": 10}, two)
        add("zero-first-pct", {"type": t, "pcts": [0, 1], "scheds": [{"type": "fastai.SchedExp", "start": 1, "end": 2}, {"type": "fastai.SchedLin", "start": 0.1, "end": 0.0}], "nEpoch": 3, "batchesPerEpoch": 10}, one)
        add("zero-middle-pct", {"type": t, "pcts": [0.5, 0, 0.5], "scheds": [{"type": "fastai.SchedLin", "start": 0.1, "end": 0.2}, {"type": "fastai.SchedNo", "start": 5, "end": 5}, {"type": "fastai.SchedCos", "start": 0.2, "end": 0.0}], "nEpoch": 4, "batchesPerEpoch": 10}, one)
        add("zero-last-pct", {"type": t, "pcts": [1, 0], "scheds": [{"type": "fastai.SchedCos", "start": 0.1, "end": 0.0}, {"type": "fastai.SchedNo", "start": 5, "end": 5}], "nEpoch": 4, "batchesPerEpoch": 10}, one)
        add("integer-pcts", {"type": t, "pcts": [1], "scheds": [{"type": "fastai.SchedCos", "start": 0.1, "end": 0.0}], "nEpoch": 3, "batchesPerEpoch": 13}, one)
        add("thirds", {"type": t, "pcts": [1 / 3, 1 / 3, 1 / 3], "scheds": [{"type": "fastai.SchedLin", "start": 0.0, "end": 0.1}, {"type": "fastai.SchedCos", "start": 0.1, "end": 0.01}, {"type": "fastai.SchedExp", "start": 0.01, "end": 0.0001}], "nEpoch": 9, "batchesPerEpoch": 11}, one)
        add("past-the-fit", {**nb, "nEpoch": 2, "batchesPerEpoch": 15}, one, 45)
    if t == "fastai.fit_one_cycle":
        m = [{"lr": 0.01, "momentum": 0.9}]
        # nbs/14_callback.schedule.ipynb: synth_learner(lr=1e-2).fit_one_cycle(2), 10 batches per epoch
        add("nb-fit-one-cycle-2", {"type": t, "nEpoch": 2, "batchesPerEpoch": 10}, m)
        add("pct-start-0", {"type": t, "nEpoch": 3, "batchesPerEpoch": 10, "pctStart": 0}, m)
        add("pct-start-1", {"type": t, "nEpoch": 3, "batchesPerEpoch": 10, "pctStart": 1}, m)
        add("pct-start-0.3", {"type": t, "nEpoch": 5, "batchesPerEpoch": 9, "pctStart": 0.3}, m)
        add("discriminative", {"type": t, "nEpoch": 4, "batchesPerEpoch": 8, "lrMax": [1e-4, 1e-3, 1e-2]}, m * 3)
        add("one-batch", {"type": t, "nEpoch": 1, "batchesPerEpoch": 1}, m)
        add("past-the-fit", {"type": t, "nEpoch": 2, "batchesPerEpoch": 12}, m, 40)
        add("groups-lr", {"type": t, "nEpoch": 3, "batchesPerEpoch": 11, "moms": [0.9, 0.8, 0.7]}, [{"lr": 0.02, "momentum": 0.9}, {"lr": 0.003, "momentum": 0.9}])
    if t == "fastai.fit_flat_cos":
        add("defaults", {"type": t, "nEpoch": 4, "batchesPerEpoch": 10}, one)
        add("pct-start-0", {"type": t, "nEpoch": 3, "batchesPerEpoch": 10, "pctStart": 0}, one)
        add("pct-start-1", {"type": t, "nEpoch": 3, "batchesPerEpoch": 10, "pctStart": 1}, one)
        add("groups", {"type": t, "nEpoch": 3, "batchesPerEpoch": 13, "lr": [0.1, 0.01]}, two)
        add("past-the-fit", {"type": t, "nEpoch": 2, "batchesPerEpoch": 15}, one, 50)
    if t == "fastai.fit_sgdr":
        # nbs/14_callback.schedule.ipynb: fit_sgdr(3, 1) -> n_epoch 7
        add("nb-fit-sgdr-3-1", {"type": t, "nCycles": 3, "cycleLen": 1, "batchesPerEpoch": 10}, one)
        add("one-cycle", {"type": t, "nCycles": 1, "cycleLen": 3, "batchesPerEpoch": 12}, one)
        add("mult-3", {"type": t, "nCycles": 3, "cycleLen": 2, "cycleMult": 3, "batchesPerEpoch": 3}, two)
        add("past-the-fit", {"type": t, "nCycles": 2, "cycleLen": 1, "batchesPerEpoch": 10}, one, 50)
    return out


def rejected(t):
    """Configs fastai itself refuses (an AssertionError or ZeroDivisionError): our decoder must reject them too."""
    out = []
    cands = []
    if t == "fastai.combine_scheds":
        cands.append({"type": t, "pcts": [0.1, 0.2, 0.7], "scheds": [{"type": "fastai.SchedNo", "start": 1, "end": 1}] * 3, "nEpoch": 1, "batchesPerEpoch": 30})
        cands.append({"type": t, "pcts": [0.5, 0.6], "scheds": [{"type": "fastai.SchedNo", "start": 1, "end": 1}] * 2, "nEpoch": 1, "batchesPerEpoch": 30})
    if t == "fastai.fit_sgdr":
        for nc in range(1, 6):
            for cl in range(1, 4):
                for m in [2, 3, 4]:
                    c = {"type": t, "nCycles": nc, "cycleLen": cl, "cycleMult": m, "batchesPerEpoch": 1}
                    if not sgdr_sums_to_one(c):
                        cands.append(c)
        cands.append({"type": t, "nCycles": 2, "cycleLen": 1, "cycleMult": 1, "batchesPerEpoch": 10})
    for c in cands:
        try:
            run(c, [{"lr": 0.01}], 1)
        except (AssertionError, ZeroDivisionError) as e:
            out.append({"config": c, "fastai": type(e).__name__})
    return out


TYPES = ["fastai.SchedLin", "fastai.SchedCos", "fastai.SchedNo", "fastai.SchedExp", "fastai.SchedPoly", "fastai.combine_scheds", "fastai.fit_one_cycle", "fastai.fit_flat_cos", "fastai.fit_sgdr"]


def generate():
    files = {}
    for t in TYPES:
        rng = random.Random(f"{SEED}-{t}")
        cases = edge_cases(t)
        for i in range(N_RANDOM):
            cfg, groups = gen_random(rng, t, i)
            cases.append(make_case(f"{t}/random-{i}", cfg, groups))
        header = {
            "generator": GENERATOR, "library": "fastai", "version": "2.x (schedule.py at the commit below; fastai/__init__.py not stored at it)",
            "repo": "https://github.com/fastai/fastai", "tag": None, "commit": SCHEDULE_COMMIT, "files": HASHES, "stubbed": STUBBED,
            "torch": torch.__version__, "seed": SEED, "rejected": rejected(t),
        }
        files[t.split(".", 1)[1] + ".json"] = fixturelib.render(header, cases)
    return files


def main():
    files = generate()
    if "--check" in sys.argv:
        bad = [n for n, text in files.items() if not os.path.exists(os.path.join(OUT_DIR, n)) or open(os.path.join(OUT_DIR, n), encoding="utf8").read() != text]
        if bad:
            print("differs: " + ", ".join(bad))
            sys.exit(1)
        print("fixtures up to date")
        return
    os.makedirs(OUT_DIR, exist_ok=True)
    for n, text in files.items():
        with open(os.path.join(OUT_DIR, n), "w", encoding="utf8") as f:
            f.write(text)
    print(f"wrote {len(files)} files to {OUT_DIR}")


if __name__ == "__main__":
    main()
