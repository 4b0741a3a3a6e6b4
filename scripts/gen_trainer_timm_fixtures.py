#!/usr/bin/env python3
"""Generate the fixtures of the `timm` reader of trainers' config files: random train.py config
files (`args.yaml` as train.py writes it, or a hand-written `-c` config; YAML and JSON) in
test/fixtures/trainers/timm/ and expected.json, the lr of every optimizer update timm's train.py
runs for each, over the epochs `create_scheduler_v2` returns.

    .venv-ref/bin/python scripts/gen_trainer_timm_fixtures.py           # writes the files
    .venv-ref/bin/python scripts/gen_trainer_timm_fixtures.py --check   # regenerates in memory, compares

timm 1.0.29 is installed here, without train.py (not part of the package) and without a loadable
package `__init__` (it imports torchvision, absent). So:
- `timm.scheduler.scheduler_factory` (`create_scheduler_v2`, `scheduler_kwargs`) is imported from the
  installed package through bare `timm` / `timm.scheduler` package modules
  (scripts/gen_timm_fixtures.py's `load_timm`);
- train.py is read from the fetched repository huggingface/pytorch-image-models (TIMM_GIT, commit
  COMMIT, 1.0.29.dev0: its timm/scheduler/*.py are byte for byte the installed 1.0.29's), and these
  parts of it are run UNCHANGED, taken out of the file with `ast`: the module-level argument parser
  (train.py:73-459, `parser`, with timm/utils/misc.py's `ParseKwargs`), `_parse_args`'s
  `parser.set_defaults(**cfg)` / `parse_args([])` / `yaml.safe_dump(args.__dict__)` (train.py:461-475;
  the dump is the args.yaml a real run writes), `args.grad_accum_steps = max(1, ...)` (train.py:500),
  the lr from `lr_base` (the `if not args.lr:` block, train.py:837-849, with
  `batch_size_reference = float(args.batch_size)`, train.py:741), the plateau mode
  (train.py:1032-1033) and `updates_per_epoch` and the `create_scheduler_v2` call
  (train.py:1079-1084).
The loop around them is train.py's (train.py:1108-1201, train_one_epoch 1266-1439): for every epoch
of `range(0, num_epochs)`, `len(loader_train)` batches with an optimizer update at every
`grad_accum_steps`-th batch and at the last one, `num_updates += 1` and
`lr_scheduler.step_update(num_updates=num_updates)` after each update; at the epoch's end
`lr_scheduler.step(epoch + 1, metric)`, the metric None when `(epoch + 1) % val_interval != 0` and
the epoch is not the last (train.py:1138-1143). The lr recorded for an update is the param group's
when the optimizer steps; the last row is the lr after the loop. The plateau schedule (stepped only
per epoch, on a metric) is recorded per update too, with a metric per update: the one train.py
feeds to `step(e + 1, metric)` at the end of epoch e is that of the epoch's last update,
`metrics[(e + 1) · updates_per_epoch - 1]` (the metric of our step (e + 1) · updates_per_epoch).
"""

from __future__ import annotations

import argparse
import ast
import importlib.util
import json
import logging
import os
import random
import sys
import types

import torch
import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fixturelib  # noqa: E402
import gen_timm_fixtures as gt  # noqa: E402  (loads timm.scheduler without timm's package __init__)

SEED = 20261207
GENERATOR = "scripts/gen_trainer_timm_fixtures.py"
ROOT = gt.ROOT
OUT_DIR = os.path.join(ROOT, "test", "fixtures", "trainers", "timm")
TIMM_GIT = os.environ.get("TIMM_GIT", "/work/.mirror/huggingface+pytorch-image-models/repo")
COMMIT = "aa4b5850"
N_CASES = 44

logging.getLogger("timm").setLevel(logging.ERROR)
FACTORY = importlib.import_module("timm.scheduler.scheduler_factory")
_misc_spec = importlib.util.spec_from_file_location("timm_utils_misc", os.path.join(os.path.dirname(gt.M["scheduler"].__file__), "..", "utils", "misc.py"))
MISC = importlib.util.module_from_spec(_misc_spec)
_misc_spec.loader.exec_module(MISC)

TRAIN_PY = fixturelib.git(TIMM_GIT, "show", f"{COMMIT}:train.py")
TREE = ast.parse(TRAIN_PY)


def _parser_statements():
    """The module-level statements of train.py from `config_parser = parser = ...` to `def _parse_args`."""
    body = TREE.body
    start = next(i for i, n in enumerate(body) if isinstance(n, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "config_parser" for t in n.targets))
    end = next(i for i, n in enumerate(body) if isinstance(n, ast.FunctionDef) and n.name == "_parse_args")
    return body[start:end]


def _function(name):
    return next(n for n in TREE.body if isinstance(n, ast.FunctionDef) and n.name == name)


def _main_statements(pred):
    """The statements of `main()` (at any depth of its top level) for which `pred(source)` holds."""
    found = [n for n in _function("main").body if pred(ast.get_source_segment(TRAIN_PY, n) or "")]
    assert found, "not found in train.py's main()"
    return found


def _compile(nodes, what):
    return compile(ast.Module(body=list(nodes), type_ignores=[]), f"train.py@{COMMIT}:{what}", "exec")


UTILS = types.SimpleNamespace(ParseKwargs=MISC.ParseKwargs, is_primary=lambda args: False)
PARSER_NS = {"argparse": argparse, "utils": UTILS}
exec(_compile(_parser_statements(), "parser"), PARSER_NS)
PARSER = PARSER_NS["parser"]
LR_BLOCK = _compile(_main_statements(lambda s: s.startswith("if not args.lr:")), "lr from lr_base")
GRAD_ACCUM = _compile(_main_statements(lambda s: s.startswith("args.grad_accum_steps = max(1")), "grad_accum_steps")
PLATEAU_MODE = _compile(_main_statements(lambda s: s.startswith("eval_metric = args.eval_metric") or s.startswith("decreasing_metric = eval_metric")), "plateau mode")
SCHEDULER = _compile(_main_statements(lambda s: s.startswith("updates_per_epoch = (len(loader_train)") or s.startswith("lr_scheduler, num_epochs = create_scheduler_v2(")), "scheduler")


def parse(cfg):
    """train.py's `_parse_args` on a config file's dict: the args and the args.yaml text they dump."""
    PARSER_NS["parser"] = PARSER
    saved = {a.dest: a.default for a in PARSER._actions}
    saved_defaults = dict(PARSER._defaults)
    try:
        PARSER.set_defaults(**cfg)
        args = PARSER.parse_args([])
    finally:
        for a in PARSER._actions:
            a.default = saved[a.dest]
        PARSER._defaults.clear()
        PARSER._defaults.update(saved_defaults)
    return args, yaml.safe_dump(args.__dict__, default_flow_style=False)


class Loader:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


def run(cfg, facts, metrics_rng):
    args, _ = parse(cfg)
    exec(GRAD_ACCUM, {"args": args})
    args.world_size = facts.get("worldSize", 1)
    ns = {"args": args, "batch_size_reference": float(args.batch_size), "utils": UTILS, "_logger": logging.getLogger("x")}
    exec(LR_BLOCK, ns)
    param = torch.nn.Parameter(torch.zeros(1))
    optimizer = torch.optim.SGD([param], lr=args.lr, momentum=0.9)
    ns = {"args": args, "loader_eval": object() if args.val_split else None}
    exec(PLATEAU_MODE, ns)
    ns.update({"optimizer": optimizer, "loader_train": Loader(facts["trainBatches"]), "create_scheduler_v2": FACTORY.create_scheduler_v2, "scheduler_kwargs": FACTORY.scheduler_kwargs})
    exec(SCHEDULER, ns)
    lr_scheduler, num_epochs, updates_per_epoch = ns["lr_scheduler"], ns["num_epochs"], ns["updates_per_epoch"]
    plateau = args.sched == "plateau"
    mode = "min" if ns["decreasing_metric"] else "max"
    metrics = fixturelib.metric_series(metrics_rng, num_epochs * updates_per_epoch, mode) if plateau else None
    lrs = []
    num_updates = 0
    n = facts["trainBatches"]
    for epoch in range(0, num_epochs):
        accum = args.grad_accum_steps
        for batch_idx in range(n):
            need_update = batch_idx == n - 1 or (batch_idx + 1) % accum == 0
            if not need_update:
                continue
            lrs.append([float(optimizer.param_groups[0]["lr"])])  # the lr this update uses
            optimizer.step()
            num_updates += 1
            lr_scheduler.step_update(num_updates=num_updates, metric=0.0)
        epoch_p_1 = epoch + 1
        if epoch_p_1 % args.val_interval != 0 and epoch_p_1 != num_epochs:
            lr_scheduler.step(epoch_p_1, metric=None)
            continue
        lr_scheduler.step(epoch_p_1, metrics[epoch_p_1 * updates_per_epoch - 1] if plateau else 0.0)
    assert num_updates == num_epochs * updates_per_epoch
    lrs.append([float(optimizer.param_groups[0]["lr"])])  # after the loop
    return lrs, num_epochs, updates_per_epoch, metrics, float(args.lr)


def r6(x):
    return float(f"{x:.6g}")


def draw(rng):
    """A random config: train.py's schedule arguments (and some others train.py reads, or ignores)."""
    sched = rng.choice(["cosine", "cosine", "cosine", "tanh", "step", "multistep", "poly", "plateau", "plateau"])
    on_updates = sched != "plateau" and rng.random() < 0.45
    epochs = rng.randint(2, 25)
    cfg = {"sched": sched, "epochs": epochs}
    if on_updates:
        cfg["sched_on_updates"] = True
    if rng.random() < 0.6:
        cfg["lr"] = r6(10 ** rng.uniform(-4, -0.5))
    else:
        cfg["lr"] = None
        cfg["lr_base"] = r6(10 ** rng.uniform(-3, -0.5))
        if rng.random() < 0.5:
            cfg["lr_base_size"] = rng.choice([256, 512, 1024, 64])
        if rng.random() < 0.5:
            cfg["lr_base_scale"] = rng.choice(["linear", "sqrt", ""])
    cfg["opt"] = rng.choice(["sgd", "momentum", "adamw", "lamb", "adam", "lion"])
    cfg["batch_size"] = rng.choice([32, 64, 128, 96, 256])
    if rng.random() < 0.5:
        cfg["grad_accum_steps"] = rng.randint(1, 4)
    cfg["warmup_epochs"] = rng.choice([0, 0, 1, 2, min(3, epochs - 1)])
    if rng.random() < 0.7:
        cfg["warmup_lr"] = rng.choice([0.0, 1e-6, r6(10 ** rng.uniform(-6, -4))])
    if rng.random() < 0.5:
        cfg["min_lr"] = rng.choice([0.0, 1e-6, r6(10 ** rng.uniform(-6, -4))])
    if rng.random() < 0.4:
        cfg["warmup_prefix"] = True
    if sched in ("cosine", "tanh", "poly"):
        if rng.random() < 0.4:
            cfg["cooldown_epochs"] = rng.randint(1, 5)
        if rng.random() < 0.35:
            cfg["lr_cycle_limit"] = rng.randint(2, 3)
            cfg["lr_cycle_mul"] = rng.choice([1.0, 1.0, 2.0, 1.5, 0.5])
            cfg["lr_cycle_decay"] = rng.choice([0.5, 0.8, 1.0, 0.1])
            cfg["epochs"] = max(2, epochs // 2)
        if sched != "tanh" and rng.random() < 0.3:
            cfg["lr_k_decay"] = rng.choice([0.5, 2.0, 1.5])
        if sched == "poly" and rng.random() < 0.7:
            cfg["decay_rate"] = rng.choice([0.5, 1.0, 2.0, 0.9])
    elif sched == "step":
        cfg["decay_epochs"] = rng.choice([1, 2, 3, 2.5, 4])
        cfg["decay_rate"] = rng.choice([0.1, 0.5, 0.9, 0.7])
    elif sched == "multistep":
        cfg["decay_milestones"] = sorted(rng.sample(range(1, epochs + 1), min(epochs, rng.randint(1, 3))))
        cfg["decay_rate"] = rng.choice([0.1, 0.5, 0.3])
    else:
        cfg["patience_epochs"] = rng.randint(0, 3)
        cfg["decay_rate"] = rng.choice([0.1, 0.5, 0.3])
        cfg["epochs"] = rng.randint(10, 40)
        if rng.random() < 0.5:
            cfg["val_split"] = "validation"
            cfg["eval_metric"] = rng.choice(["top1", "loss", "top5"])
    cfg["seed"] = rng.randint(0, 100)
    # keys train.py has that do not touch the schedule
    cfg.update({"model": rng.choice(["resnet50", "vit_small_patch16_224", "convnext_tiny"]), "data_dir": "/data/imagenet", "weight_decay": r6(rng.uniform(0, 0.1)),
                "mixup": rng.choice([0.0, 0.8]), "drop_path": rng.choice([None, 0.1]), "workers": 8, "amp": True})
    return cfg


def check_keys():
    """src/presets/timm/argsYamlKeys.ts lists every argument of train.py's parser, in its order."""
    import re

    with open(os.path.join(ROOT, "src", "presets", "timm", "argsYamlKeys.ts"), encoding="utf-8") as f:
        listed = re.findall(r"'([a-z0-9_]+)'", f.read().split("= [", 1)[1])
    dests = [a.dest for a in PARSER._actions if a.dest != "help"]
    assert listed == dests, f"argsYamlKeys.ts differs from train.py's parser: {sorted(set(listed) ^ set(dests))}"


def main():
    check_keys()
    rng = random.Random(f"{SEED}-trainer-timm")
    cases, files = [], {}
    i = 0
    while len(cases) < N_CASES:
        cfg = draw(rng)
        facts = {"trainBatches": rng.randint(1, 40)}
        if cfg.get("lr") is None:
            facts["worldSize"] = rng.choice([1, 2, 4, 8])
        metrics_rng = random.Random(f"{SEED}-trainer-timm-metrics-{i}")
        try:
            lrs, num_epochs, upe, metrics, lr = run(cfg, facts, metrics_rng)
        except ValueError:
            continue  # timm fails (cycle_mul < 1: its cycles end, then a math domain error)
        if len(lrs) > 1600:
            continue  # keep the fixture small
        # a third are the full args.yaml train.py writes, the rest the hand-written config; a quarter JSON
        form = ["args.yaml", "yaml", "json", "yaml"][i % 4]
        if form == "args.yaml":
            _, text = parse(cfg)
            name = f"case-{i:02d}-args.yaml"
        elif form == "json":
            text = json.dumps(cfg, indent=2) + "\n"
            name = f"case-{i:02d}.json"
        else:
            text = yaml.safe_dump(cfg, default_flow_style=False, sort_keys=False)
            name = f"case-{i:02d}.yaml"
        files[name] = text
        c = {"name": name, "facts": facts, "epochs": num_epochs, "updatesPerEpoch": upe, "lrInit": lr}
        c["updates"] = num_epochs * upe
        if metrics is not None:
            c["metrics"] = metrics
        c["lr"] = lrs
        cases.append(c)
        i += 1
    header = {"generator": GENERATOR, "library": "timm", "version": gt.TIMM_VERSION, "repo": "huggingface/pytorch-image-models", "commit": COMMIT,
              "files": ["timm/scheduler/scheduler_factory.py (installed)", "train.py (parser, _parse_args, lr from lr_base, updates_per_epoch, create_scheduler_v2 call; the loop as train.py's)"],
              "torch": torch.__version__, "seed": SEED}
    texts = {**files, "expected.json": fixturelib.render(header, cases)}
    fixturelib.write_all({os.path.join(OUT_DIR, name): text for name, text in texts.items()}, ROOT)


if __name__ == "__main__":
    main()
