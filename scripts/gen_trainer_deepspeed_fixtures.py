#!/usr/bin/env python3
"""Generate the fixtures of the `deepspeed` reader of trainers' config files: random ds_config
files in test/fixtures/trainers/deepspeed/ (case-NN.json) and expected.json, the lr (and betas[0])
of every optimizer update DeepSpeed's engine runs for each, over E epochs of B micro-batches.

    .venv-ref/bin/python scripts/gen_trainer_deepspeed_fixtures.py           # writes the files
    .venv-ref/bin/python scripts/gen_trainer_deepspeed_fixtures.py --check   # regenerates in memory, compares

DeepSpeed does not install here; its repository is a bare git directory (DEEPSPEED_GIT). From the
release tag v0.19.5 this runs, UNCHANGED:
- deepspeed/runtime/lr_schedules.py, imported as a module (stubs as scripts/gen_deepspeed_fixtures.py:
  the `deepspeed` package modules and `deepspeed.utils.logger`);
- the engine's methods `_scheduler_from_config` (engine.py) and the config's
  `_set_batch_related_parameters` and `_batch_assertion` (config.py), their source taken out of the
  files with `ast` and run on a small object holding what they read (`scheduler_name()`,
  `scheduler_params()`, the batch fields, `world_size`).
The loop around them is the engine's (engine.py:3218-3241, 3281-3343, 3492): a micro-step counter
across epochs, an optimizer step when `(micro_steps + 1) % gradient_accumulation_steps == 0`, the
scheduler's `step()` after it; the lr recorded is the one the optimizer step uses. The optimizer is
torch's Adam (DeepSpeed's Adam, AdamW and Lamb all keep `betas`) or SGD with momentum (no `betas`:
OneCycle's cycle_momentum turns itself off), with the file's `optimizer.params.lr`.
"""

from __future__ import annotations

import ast
import json
import os
import random
import sys
import types

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fixturelib  # noqa: E402
import gen_deepspeed_fixtures as ds  # noqa: E402  (loads lr_schedules.py from the tag)

SEED = 20261207
GENERATOR = "scripts/gen_trainer_deepspeed_fixtures.py"
ROOT = ds.ROOT
OUT_DIR = os.path.join(ROOT, "test", "fixtures", "trainers", "deepspeed")
N_CASES = 36


def methods(path, names):
    """The named functions (methods) of a file of the tag, compiled from their own source."""
    tree = ast.parse(fixturelib.git(ds.DEEPSPEED_GIT, "show", f"{ds.TAG}:{path}"))
    found = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name in names:
            node.decorator_list = []
            found[node.name] = node
    assert set(found) == set(names), (path, names, list(found))
    module = ast.Module(body=list(found.values()), type_ignores=[])
    ns = {"lr_schedules": ds.LS, "torch": torch}
    exec(compile(module, f"{ds.TAG}:{path}", "exec"), ns)
    return {n: ns[n] for n in names}


ENGINE = methods("deepspeed/runtime/engine.py", ["_scheduler_from_config"])
CONFIG = methods("deepspeed/runtime/config.py", ["_set_batch_related_parameters", "_batch_assertion"])


def run(config, facts):
    block = config["scheduler"]
    opt_block = config.get("optimizer", {})
    lr = opt_block.get("params", {}).get("lr", 0.001)
    param = torch.nn.Parameter(torch.zeros(1))
    if opt_block.get("type", "Adam").lower() == "sgd":
        optimizer = torch.optim.SGD([param], lr=lr, momentum=0.9)
    else:
        optimizer = torch.optim.Adam([param], lr=lr, betas=tuple(opt_block.get("params", {}).get("betas", (0.9, 0.999))))
    engine = types.SimpleNamespace(scheduler_name=lambda: block["type"], scheduler_params=lambda: dict(block.get("params", {})))
    sched = ENGINE["_scheduler_from_config"](engine, optimizer)
    cfg = types.SimpleNamespace(train_batch_size=config.get("train_batch_size"), train_micro_batch_size_per_gpu=config.get("train_micro_batch_size_per_gpu"),
                                gradient_accumulation_steps=config.get("gradient_accumulation_steps"), world_size=facts.get("worldSize", 1))
    CONFIG["_set_batch_related_parameters"](cfg)
    CONFIG["_batch_assertion"](cfg)
    ga = cfg.gradient_accumulation_steps
    lrs, moms = [], []
    micro_steps = 0
    for _epoch in range(facts["epochs"]):
        for _batch in range(facts["trainBatches"]):
            if (micro_steps + 1) % ga == 0:  # is_gradient_accumulation_boundary
                g = optimizer.param_groups[0]
                lrs.append([float(g["lr"])])  # the optimizer step uses this lr
                moms.append([float(g["betas"][0] if "betas" in g else g["momentum"])])
                optimizer.step()
                sched.step()  # _take_model_step, after the optimizer's step
            micro_steps += 1
    g = optimizer.param_groups[0]
    lrs.append([float(g["lr"])])  # after the last update (the trace's last row)
    moms.append([float(g["betas"][0] if "betas" in g else g["momentum"])])
    cycles = block["type"] == "OneCycle" and block.get("params", {}).get("cycle_momentum", True) and "betas" in optimizer.defaults
    return lrs, (moms if cycles else None)


def r6(x):
    return float(f"{x:.6g}")


def scheduler_block(rng, total):
    kind = rng.choice(["WarmupLR", "WarmupDecayLR", "WarmupCosineLR", "OneCycle", "LRRangeTest", "StepLR", "CosineAnnealingLR", "OneCycleLR", "LinearLR", "MultiStepLR"])
    w = rng.randint(1, max(1, total // 3))
    wt = rng.choice(["log", "linear"])
    if kind == "WarmupLR":
        p = {"warmup_min_lr": rng.choice([0, r6(10 ** rng.uniform(-7, -5))]), "warmup_num_steps": w, "warmup_type": wt}
        if rng.random() < 0.6:
            p["warmup_max_lr"] = r6(10 ** rng.uniform(-4, -2))
    elif kind == "WarmupDecayLR":
        p = {"total_num_steps": rng.randint(w, total + 20), "warmup_min_lr": 0, "warmup_max_lr": r6(10 ** rng.uniform(-4, -2)), "warmup_num_steps": w, "warmup_type": wt}
    elif kind == "WarmupCosineLR":
        p = {"total_num_steps": rng.randint(w, total + 20), "warmup_num_steps": w, "warmup_min_ratio": rng.choice([0.0, r6(rng.uniform(0, 0.2))]),
             "cos_min_ratio": rng.choice([0.0001, r6(rng.uniform(0, 0.2))]), "warmup_type": wt}
    elif kind == "OneCycle":
        lo = r6(10 ** rng.uniform(-5, -4))
        p = {"cycle_min_lr": lo, "cycle_max_lr": r6(lo * rng.uniform(5, 50)), "cycle_first_step_size": rng.randint(1, max(1, total // 3)),
             "cycle_momentum": rng.random() < 0.8, "cycle_min_mom": 0.85, "cycle_max_mom": 0.95}
        if rng.random() < 0.5:
            p.update({"decay_step_size": rng.randint(1, 20), "decay_lr_rate": r6(rng.uniform(0, 0.3))})
    elif kind == "LRRangeTest":
        p = {"lr_range_test_min_lr": r6(10 ** rng.uniform(-5, -3)), "lr_range_test_step_size": rng.randint(1, 30),
             "lr_range_test_step_rate": r6(rng.uniform(0.1, 2)), "lr_range_test_staircase": rng.random() < 0.5}
    elif kind == "StepLR":
        p = {"step_size": rng.randint(1, 40), "gamma": r6(rng.uniform(0.3, 0.95))}
    elif kind == "CosineAnnealingLR":
        p = {"T_max": rng.randint(1, total + 10), "eta_min": rng.choice([0, r6(10 ** rng.uniform(-7, -5))])}
    elif kind == "OneCycleLR":
        p = {"max_lr": r6(10 ** rng.uniform(-4, -2)), "total_steps": total + rng.randint(1, 10), "pct_start": r6(rng.uniform(0.1, 0.5))}
    elif kind == "LinearLR":
        p = {"start_factor": r6(rng.uniform(0.01, 0.5)), "total_iters": rng.randint(1, total)}
    else:
        p = {"milestones": sorted(rng.sample(range(1, total + 1), rng.randint(1, 3))), "gamma": r6(rng.uniform(0.1, 0.9))}
    return {"type": kind, "params": p}


def batch_keys(rng, ws):
    """One of the combinations of DeepSpeed's three batch fields that _set_batch_related_parameters completes."""
    micro = rng.randint(1, 8)
    ga = rng.randint(1, 6)
    train = micro * ga * ws
    return rng.choice([
        {"train_batch_size": train, "train_micro_batch_size_per_gpu": micro, "gradient_accumulation_steps": ga},
        {"train_batch_size": train, "train_micro_batch_size_per_gpu": micro},
        {"train_micro_batch_size_per_gpu": micro, "gradient_accumulation_steps": ga},
        {"train_batch_size": train, "gradient_accumulation_steps": ga},
        {"train_micro_batch_size_per_gpu": micro},
    ])


def main():
    rng = random.Random(f"{SEED}-trainer-deepspeed")
    cases, files = [], {}
    for i in range(N_CASES):
        ws = rng.choice([1, 1, 2, 4, 8])
        facts = {"trainBatches": rng.randint(5, 120), "epochs": rng.randint(1, 4)}
        keys = batch_keys(rng, ws)
        if "gradient_accumulation_steps" not in keys or len(keys) == 3:
            facts["worldSize"] = ws  # needed when train // micro // world size gives GA (checked when all three are given)
        approx = facts["epochs"] * facts["trainBatches"] // keys.get("gradient_accumulation_steps", max(1, keys.get("train_batch_size", 1) // keys.get("train_micro_batch_size_per_gpu", 1) // ws))
        opt = {"type": rng.choice(["Adam", "AdamW", "Lamb", "SGD"]), "params": {"lr": r6(10 ** rng.uniform(-4, -2)), "weight_decay": 0.01}}
        config = {**keys, "optimizer": opt, "scheduler": scheduler_block(rng, max(2, approx)), "gradient_clipping": 1.0,
                  "zero_optimization": {"stage": rng.choice([0, 1, 2, 3])}, "bf16": {"enabled": rng.random() < 0.5}, "steps_per_print": 100}
        name = f"case-{i:02d}.json"
        lrs, moms = run(config, facts)
        files[name] = json.dumps(config, indent=2) + "\n"
        c = {"name": name, "facts": facts, "updates": len(lrs) - 1, "lr": lrs}
        if moms is not None:
            c["momentum"] = moms
        cases.append(c)
    header = {"generator": GENERATOR, "library": "deepspeed", "version": ds.TAG.lstrip("v"), "repo": "deepspeedai/DeepSpeed", "tag": ds.TAG, "commit": ds.COMMIT,
              "files": [ds.FILE, "deepspeed/runtime/engine.py (_scheduler_from_config)", "deepspeed/runtime/config.py (_set_batch_related_parameters, _batch_assertion)"],
              "stubbed": ds.STUBBED, "torch": torch.__version__, "seed": SEED}
    texts = {**files, "expected.json": fixturelib.render(header, cases)}
    fixturelib.write_all({os.path.join(OUT_DIR, name): text for name, text in texts.items()}, ROOT)


if __name__ == "__main__":
    main()
