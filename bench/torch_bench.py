"""Times PyTorch's `scheduler.step()` for the configs of bench/run.mjs.

Reads a JSON list of cases from stdin: { name, spec, groups, steps, runs, warmup }, where `spec` is
the lr-schedule spec (`{ type, ...camelCase arguments, schedulers? }`) of bench/configs.mjs. For
each case: builds an SGD optimizer with `groups` param groups (lrs 0.1 / (i + 1)) and the
scheduler from the spec, calls `scheduler.step()` `warmup` times, then `runs` times builds a
fresh scheduler and times `steps` calls of `scheduler.step()` (no optimizer.step(): only the
scheduler is timed). Prints one JSON object: { torch, python, cases: [{ name, groups, ns, lrs }] },
`ns` the per-step times of the runs, `lrs` the lrs after `steps` steps of the last run (bench/run.mjs
checks them against lr-schedule's row `steps`: the configs are the same).
"""
from __future__ import annotations

import json
import platform
import re
import sys
import time
import warnings

warnings.filterwarnings("ignore")

import torch  # noqa: E402
from torch.optim import lr_scheduler as lrs  # noqa: E402

SPECIAL = {"tMax": "T_max"}


def snake(key: str) -> str:
    return SPECIAL.get(key) or re.sub(r"([A-Z])", lambda m: "_" + m.group(1).lower(), key)


def build(spec: dict, optimizer: torch.optim.Optimizer):
    kind = spec["type"]
    if kind == "SequentialLR":
        children = [build(c, optimizer) for c in spec["schedulers"]]
        return lrs.SequentialLR(optimizer, children, milestones=spec["milestones"])
    if kind == "ChainedScheduler":
        children = [build(c, optimizer) for c in spec["schedulers"]]
        return lrs.ChainedScheduler(children, optimizer)
    kwargs = {snake(k): v for k, v in spec.items() if k != "type"}
    return getattr(lrs, kind)(optimizer, **kwargs)


def optimizer_for(groups: int) -> torch.optim.Optimizer:
    params = [{"params": [torch.zeros(1, requires_grad=True)], "lr": 0.1 / (i + 1)} for i in range(groups)]
    return torch.optim.SGD(params, lr=0.1, momentum=0.0)


def time_case(case: dict) -> dict:
    spec, groups, steps = case["spec"], case["groups"], case["steps"]
    warm = build(spec, optimizer_for(groups))
    for _ in range(case["warmup"]):
        warm.step()
    ns = []
    last = None
    for _ in range(case["runs"]):
        opt = optimizer_for(groups)
        sched = build(spec, opt)
        step = sched.step
        t0 = time.perf_counter_ns()
        for _ in range(steps):
            step()
        ns.append((time.perf_counter_ns() - t0) / steps)
        last = [g["lr"] for g in opt.param_groups]
    return {"name": case["name"], "groups": groups, "ns": ns, "lrs": last}


def main() -> None:
    cases = json.load(sys.stdin)
    torch.set_num_threads(1)
    out = {
        "torch": torch.__version__,
        "python": platform.python_version(),
        "cases": [time_case(c) for c in cases],
    }
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
