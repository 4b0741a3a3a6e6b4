#!/usr/bin/env python3
"""Generate the fixtures of the `composer` trainer-config reader (issue 14): random LLM Foundry
training YAMLs (and some JSON), each run through LLM Foundry's own `build_scheduler` and Composer's
scheduler source, stepped as Composer's Trainer steps it, with the lr of every optimizer update.

    .venv-ref/bin/python scripts/gen_trainer_composer_fixtures.py           # writes test/fixtures/trainers/composer/
    .venv-ref/bin/python scripts/gen_trainer_composer_fixtures.py --check   # regenerates in memory, compares

Neither LLM Foundry nor Composer installs here. Composer v0.32.1 is loaded as
scripts/gen_composer_fixtures.py loads it (its scheduler.py and time.py unchanged). LLM Foundry is a
bare git directory (FOUNDRY_GIT) at FOUNDRY_COMMIT (its main, the first commit that requires
composer >=0.32,<0.33; no release tag does: v0.21.0 requires <0.32, and its optim/ and
build_scheduler are the same as here). From it, unchanged: llmfoundry/utils/registry_utils.py
(`create_registry`, `construct_from_registry`; it needs `catalogue`, imported from
/work/py-composer, `pip install --target`), llmfoundry/utils/warnings.py, llmfoundry/optim/scheduler.py
and llmfoundry/optim/__init__.py (the registrations of the scheduler names), the `optimizers` and
`schedulers` statements of llmfoundry/registry.py and `build_scheduler` of llmfoundry/utils/builders.py
(compiled from their own source, see STUBBED for what they import).

The train script (llmfoundry/command_utils/train.py at FOUNDRY_COMMIT), which `run` follows:
- 373-374: `scheduler_name = train_cfg.scheduler.pop('name')`, `build_scheduler(scheduler_name,
  train_cfg.scheduler)`: the rest of the block are the scheduler's kwargs;
- 561-580: `Trainer(..., schedulers=scheduler, max_duration=train_cfg.max_duration,
  train_subset_num_batches=..., device_train_microbatch_size=...)`, no scale_schedule_ratio (ssr 1);
- Composer's Trainer (v0.32.1): trainer.py:1545-1548 `set_dataloader(..., train_subset_num_batches)`
  (state.py:1657-1682: dataloader_len = len(dataloader), or train_subset_num_batches when smaller),
  1563 `ensure_time(max_duration, TimeUnit.EPOCH)` (an integer is epochs), 1570
  `_compile_schedulers` (the LambdaLR: row 0), then per batch the update, `scheduler.step()` (2492),
  `timestamp.to_next_batch` (2501), and at an epoch's end `to_next_epoch`; the loop runs while the
  timestamp is below max_duration. One optimizer update per batch: microbatches
  (device_train_microbatch_size) accumulate inside `_train_batch`.
The optimizer is torch's SGD with the file's `optimizer.lr` (or, without one, the default lr of the
optimizer class the name registers, read from its source): the LambdaLR scales the initial lr, the
optimizer's kind does not enter. Row k of `lr` is the lr of update k (k = 0 .. updates − 1), then
the lr after the last update: what `lr-schedule trace FILE --from composer` gives as rows 0 .. updates.
Files LLM Foundry or Composer refuse (an exception) are recorded under `rejected`.
Deterministic: random.Random(SEED).
"""

from __future__ import annotations

import ast
import importlib
import json
import os
import random
import sys
import warnings

import torch
import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.environ.get("PY_COMPOSER", "/work/py-composer"))  # catalogue
import catalogue  # noqa: E402
import fixturelib  # noqa: E402
import gen_composer_fixtures as gc  # noqa: E402  (loads Composer's scheduler.py and time.py from the tag)

SEED = 20261207
GENERATOR = "scripts/gen_trainer_composer_fixtures.py"
ROOT = gc.ROOT
OUT_DIR = os.path.join(ROOT, "test", "fixtures", "trainers", "composer")
FOUNDRY_GIT = os.environ.get("FOUNDRY_GIT", "/work/.mirror/mosaicml+llm-foundry/repo")
FOUNDRY_COMMIT = "8c8dd48f72168c5d51e2f7b151595892a8fba43d"
N_CASES = 44
FILES = ["llmfoundry/utils/registry_utils.py", "llmfoundry/utils/warnings.py", "llmfoundry/optim/scheduler.py", "llmfoundry/optim/__init__.py"]
STUBBED = [
    "llmfoundry, llmfoundry.utils (package modules)",
    "llmfoundry.registry (a module holding only the `optimizers` and `schedulers` statements of registry.py, compiled from its source)",
    "llmfoundry.optim.adaptive_lion, .lion, .no_op (the optimizer classes __init__.py registers: placeholders; an optimizer does not enter the schedule)",
    "composer.optim (package module: Composer's unchanged scheduler classes, and a placeholder DecoupledAdamW)",
]


def show(path):
    return fixturelib.git(FOUNDRY_GIT, "show", f"{FOUNDRY_COMMIT}:{path}")


def statements(path, keep, ns):
    """The top-level statements of `path` that `keep` selects, compiled from their own source into `ns`."""
    tree = ast.parse(show(path))
    body = [n for n in tree.body if keep(n)]
    exec(compile(ast.Module(body=body, type_ignores=[]), f"{FOUNDRY_COMMIT[:8]}:{path}", "exec"), ns)
    return ns


def load():
    tmp = fixturelib.copy_files(FILES, show, "llmfoundry-")
    fixturelib.stub_module("llmfoundry", os.path.join(tmp, "llmfoundry"))
    fixturelib.stub_module("llmfoundry.utils", os.path.join(tmp, "llmfoundry", "utils"))
    ru = importlib.import_module("llmfoundry.utils.registry_utils")
    copt = sys.modules["composer.optim"]
    for name in dir(gc.SCHED):
        if name.endswith("Scheduler"):
            setattr(copt, name, getattr(gc.SCHED, name))
    copt.DecoupledAdamW = type("DecoupledAdamW", (torch.optim.Optimizer,), {})
    names = lambda n: isinstance(n, ast.Assign) and any(getattr(t, "id", "") in ("optimizers", "schedulers", "_optimizers_description", "_schedulers_description") for t in n.targets)
    reg = statements("llmfoundry/registry.py", names, {"create_registry": ru.create_registry, "Optimizer": torch.optim.Optimizer, "ComposerScheduler": gc.SCHED.ComposerScheduler})
    fixturelib.stub_module("llmfoundry.registry", optimizers=reg["optimizers"], schedulers=reg["schedulers"])
    for mod, classes in [("adaptive_lion", ["DecoupledAdaLRLion", "DecoupledClipLion"]), ("lion", ["DecoupledLionW"]), ("no_op", ["NoOp"])]:
        fixturelib.stub_module(f"llmfoundry.optim.{mod}", **{c: type(c, (torch.optim.Optimizer,), {}) for c in classes})
    importlib.import_module("llmfoundry.optim")
    b = statements("llmfoundry/utils/builders.py", lambda n: isinstance(n, ast.FunctionDef) and n.name == "build_scheduler",
                   {"construct_from_registry": ru.construct_from_registry, "registry": sys.modules["llmfoundry.registry"], "ComposerScheduler": gc.SCHED.ComposerScheduler,
                    "Optional": __import__("typing").Optional, "Any": __import__("typing").Any})
    return b["build_scheduler"], reg["schedulers"]


BUILD_SCHEDULER, SCHEDULERS = load()
INV_SQRT = SCHEDULERS.get("inv_sqrt_with_warmup")  # llmfoundry/optim/scheduler.py, unchanged
FAMILY_OUT = os.path.join(ROOT, "test", "fixtures", "composer", "InverseSquareRootWithWarmupScheduler.json")
N_FAMILY = 20

# the optimizer classes the names register (optim/__init__.py:17-21) and the files holding their source
OPTIMIZERS = {"decoupled_adamw": ("mosaicml/composer", "composer/optim/decoupled_weight_decay.py", "DecoupledAdamW"),
              "decoupled_lionw": ("llm-foundry", "llmfoundry/optim/lion.py", "DecoupledLionW"),
              "clip_lion": ("llm-foundry", "llmfoundry/optim/adaptive_lion.py", "DecoupledClipLion"),
              "adalr_lion": ("llm-foundry", "llmfoundry/optim/adaptive_lion.py", "DecoupledAdaLRLion")}


def train_config_keys():
    """TrainConfig's fields (llmfoundry/utils/config_utils.py), in order, read from its source: the keys a file may have."""
    for node in ast.parse(show("llmfoundry/utils/config_utils.py")).body:
        if isinstance(node, ast.ClassDef) and node.name == "TrainConfig":
            return [n.target.id for n in node.body if isinstance(n, ast.AnnAssign)]
    raise KeyError("TrainConfig")


def default_lr(name):
    """The default of `lr` in the optimizer class's __init__, read from its source."""
    repo, path, cls = OPTIMIZERS[name]
    text = gc.git("show", f"{gc.TAG}:{path}") if repo == "mosaicml/composer" else show(path)
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.ClassDef) and node.name == cls:
            init = next(n for n in node.body if isinstance(n, ast.FunctionDef) and n.name == "__init__")
            args = init.args.args
            defaults = dict(zip([a.arg for a in args[len(args) - len(init.args.defaults):]], init.args.defaults))
            return ast.literal_eval(defaults["lr"])
    raise KeyError(cls)


def run(cfg, facts):
    """The train script and Composer's Trainer, as the module docstring says: (updates, rows)."""
    cfg = json.loads(json.dumps(cfg))
    sched_cfg = cfg["scheduler"]
    name = sched_cfg.pop("name")  # train.py:373
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        scheduler = BUILD_SCHEDULER(name, sched_cfg)  # train.py:374
    opt_cfg = cfg["optimizer"]
    lr = opt_cfg.get("lr", default_lr(opt_cfg["name"]) if opt_cfg["name"] in OPTIMIZERS else None)
    state = gc.State()
    subset = cfg.get("train_subset_num_batches", -1)
    length = facts.get("trainBatches")
    bpe = None if length is None else (length if subset < 0 or subset > length else subset)  # state.py:1657-1682
    state.dataloader_len = None if bpe is None else gc.TIME.Time(bpe, gc.TIME.TimeUnit.BATCH)
    state.max_duration = gc.TIME.ensure_time(cfg["max_duration"], gc.TIME.TimeUnit.EPOCH)  # trainer.py:1563
    if state.max_duration.unit == gc.TIME.TimeUnit.EPOCH and bpe is None:
        raise ValueError("max_duration cannot be specified in epochs when using an infinite dataloader")  # trainer.py:2118
    param = torch.nn.Parameter(torch.zeros(1))
    opt = torch.optim.SGD([param], lr=lr)
    state.optimizers = [opt]
    rows = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        sched = gc.SCHED.compile_composer_scheduler(scheduler, state, 1.0)  # trainer.py:1570, ssr 1
        while state.timestamp < state.max_duration:
            rows.append([float(opt.param_groups[0]["lr"])])  # the lr update k trains at
            opt.step()
            sched.step()  # trainer.py:2492
            state.timestamp = state.timestamp.to_next_batch()  # trainer.py:2501
            if bpe is not None and int(state.timestamp.batch_in_epoch) == bpe:
                state.timestamp = state.timestamp.to_next_epoch()
        rows.append([float(opt.param_groups[0]["lr"])])  # after the last update
    for r in rows:
        if r[0] != r[0] or r[0] in (float("inf"), float("-inf")):
            raise ValueError(f"non-finite lr {r[0]!r}")
    return len(rows) - 1, rows


def sig(x):
    return fixturelib.sig(x, 4)


IGNORED = {
    "model": {"name": "mpt_causal_lm", "init_device": "meta", "d_model": 128, "n_heads": 4, "n_layers": 2, "expansion_ratio": 4, "max_seq_len": 256, "vocab_size": 50368},
    "tokenizer": {"name": "EleutherAI/gpt-neox-20b", "kwargs": {"model_max_length": 256}},
    "train_loader": {"name": "text", "dataset": {"local": "./my-copy-c4", "split": "train", "shuffle": True, "max_seq_len": 256}, "drop_last": True, "num_workers": 8},
    "eval_loader": {"name": "text", "dataset": {"local": "./my-copy-c4", "split": "val", "shuffle": False, "max_seq_len": 256}, "drop_last": False, "num_workers": 8},
    "algorithms": {"gradient_clipping": {"clipping_type": "norm", "clipping_threshold": 1.0}},
    "eval_interval": "500ba",
    "eval_first": False,
    "seed": 17,
    "device_eval_batch_size": 16,
    "precision": "amp_bf16",
    "fsdp_config": {"sharding_strategy": "FULL_SHARD", "mixed_precision": "PURE", "activation_checkpointing": False},
    "progress_bar": False,
    "log_to_console": True,
    "console_log_interval": "1ba",
    "callbacks": {"speed_monitor": {"window_size": 10}, "lr_monitor": {}, "memory_monitor": {}},
    "max_seq_len": 256,
    "save_interval": "500ba",
}


def time_string(rng, total, bpe, md_unit):
    units = ["ba", "dur"] + (["ep"] if bpe is not None else [])
    u = rng.choice(units)
    if u == "dur":
        return f"{rng.choice([0.0, 0.02, 0.05, 0.1, 0.25, sig(rng.uniform(0, 0.6))])}dur"
    if u == "ep":
        return f"{rng.randint(0, max(1, total // bpe // 2))}ep"
    return f"{rng.randint(0, max(1, total // 2))}ba"


def random_case(rng, i):
    bpe = rng.choice([None, rng.randint(5, 40)])
    if bpe is not None and rng.random() < 0.55:
        epochs = rng.randint(1, 6)
        md = epochs if rng.random() < 0.3 else f"{epochs}ep"
        subset = rng.choice([None, None, rng.randint(3, bpe + 5)])
        per = bpe if subset is None or subset > bpe else subset
        total = epochs * per
    else:
        total = rng.randint(10, 240)
        md = f"{total}ba"
        subset = None
    name = rng.choice(["cosine_with_warmup", "cosine_with_warmup", "linear_decay_with_warmup", "constant_with_warmup", "inv_sqrt_with_warmup"])
    per = None if bpe is None else (bpe if subset is None or subset > bpe else subset)
    s = {"name": name, "t_warmup": time_string(rng, total, per, md)}
    if name == "inv_sqrt_with_warmup":
        # its times in the unit of max_duration (scheduler.py:110-121), not dur
        unit = "ba" if str(md).endswith("ba") else "ep"
        top = total if unit == "ba" else total // per
        s["t_warmup"] = f"{rng.randint(0, max(0, top // 3))}{unit}"
        s["t_scale"] = f"{rng.randint(1, max(1, top // 2))}{unit}"
        s["t_cooldown"] = f"{rng.randint(0, max(0, top // 2))}{unit}"
        if rng.random() < 0.6:
            s["alpha_f_decay"] = sig(rng.uniform(0, 0.5))
    elif name == "cosine_with_warmup":
        if rng.random() < 0.7:
            s["alpha_f"] = rng.choice([0, 0.1, sig(rng.uniform(0, 0.5))])
    elif name == "linear_decay_with_warmup":
        if rng.random() < 0.5:
            s["alpha_i"] = sig(rng.uniform(0.5, 1.5))
        s["alpha_f"] = rng.choice([0, 0.0, sig(rng.uniform(0, 0.3))])
    else:
        if rng.random() < 0.6:
            s["alpha"] = sig(rng.uniform(0.2, 1.5))
    if name not in ("constant_with_warmup", "inv_sqrt_with_warmup") and rng.random() < 0.25:
        s["t_max"] = rng.choice(["1dur", "1.2dur", f"{total + rng.randint(0, 20)}ba"] + ([] if rng.random() < 0.7 else [f"{max(1, total - 5)}ba"]))
    if name == "constant_with_warmup" and rng.random() < 0.3:
        s["t_max"] = rng.choice(["1dur", "0.5dur", f"{rng.randint(1, total)}ba"])
    if rng.random() < 0.25:
        s["scale_warmup"] = rng.random() < 0.5
    opt_name = rng.choice(["decoupled_adamw", "decoupled_adamw", "decoupled_lionw", "clip_lion", "adalr_lion"])
    opt = {"name": opt_name}
    if rng.random() < 0.85:
        opt["lr"] = sig(10 ** rng.uniform(-5, -3))
    if opt_name == "decoupled_adamw":
        opt.update({"betas": [0.9, 0.95], "eps": 1.0e-08, "weight_decay": 0.0})
    else:
        opt.update({"betas": [0.9, 0.99], "weight_decay": sig(rng.uniform(0, 1e-4))})
    cfg = {}
    for k in rng.sample(sorted(IGNORED), rng.randint(2, 8)):
        cfg[k] = IGNORED[k]
    cfg["scheduler"] = s
    cfg["optimizer"] = opt
    cfg["max_duration"] = md
    gbs = rng.choice([8, 16, 64, 256])
    cfg["global_train_batch_size"] = gbs
    cfg["device_train_microbatch_size"] = rng.choice([1, 2, 4, 8, "auto"])
    if subset is not None:
        cfg["train_subset_num_batches"] = subset
    facts = {} if bpe is None else {"trainBatches": bpe}
    return cfg, facts


# The composer preset of LLM Foundry's InverseSquareRootWithWarmupScheduler: its fixtures, traced by
# gen_composer_fixtures.run (Composer's Trainer loop, the ratio included) with the class put beside
# Composer's own in the loaded scheduler module and its argument names added to the camelCase map.
setattr(gc.SCHED, "InverseSquareRootWithWarmupScheduler", INV_SQRT)
gc.PY.update({"tScale": "t_scale", "tCooldown": "t_cooldown", "alphaFDecay": "alpha_f_decay", "alphaFCooldown": "alpha_f_cooldown"})
FAMILY_EDGES = [
    {"tWarmup": "10ba", "tScale": "10ba", "tCooldown": "0ba", "maxDuration": "60ba"},
    {"tWarmup": "0ba", "tScale": "5ba", "tCooldown": "10ba", "alphaFDecay": 0.2, "alphaFCooldown": 0.05, "maxDuration": "40ba"},
    {"tWarmup": "1ep", "tScale": "2ep", "tCooldown": "1ep", "alphaFDecay": 0.1, "maxDuration": "6ep", "batchesPerEpoch": 5},
    {"tWarmup": "30ba", "tScale": "10ba", "tCooldown": "30ba", "maxDuration": "40ba"},
    {"tWarmup": "5ba", "tScale": "10ba", "tCooldown": "10ba", "tMax": "50ba", "maxDuration": "40ba", "scaleScheduleRatio": 0.5},
]


def family_config(rng):
    f, mdb, bpe = gc.facts(rng)
    unit = f["maxDuration"][-2:]
    top = mdb // bpe if unit == "ep" else mdb
    t = lambda lo, hi: f"{rng.randint(lo, max(lo, hi))}{unit}"
    decay = rng.choice([0.0, sig(rng.uniform(0, 0.5))])
    c = {"tWarmup": t(0, top // 3), "tScale": t(1, top // 2), "tCooldown": t(0, top // 2), "alphaFDecay": decay, "alphaFCooldown": rng.choice([0.0, sig(rng.uniform(0, decay))])}
    if rng.random() < 0.3:
        c["tMax"] = rng.choice(["1dur", "0.8dur", f"{mdb + rng.randint(-5, 20)}ba"])
    return {"type": "composer.InverseSquareRootWithWarmupScheduler", **c, **f}, mdb


def family_fixture():
    rng = random.Random(f"{SEED}-InverseSquareRootWithWarmupScheduler")
    cases, rejected = [], []
    for i, e in enumerate(FAMILY_EDGES):
        config = {"type": "composer.InverseSquareRootWithWarmupScheduler", **e}
        groups = [{"lr": 0.1, "momentum": 0.9}] if i % 2 == 0 else [{"lr": 0.1, "momentum": 0.9}, {"lr": 0.02, "momentum": 0.0}]
        cases.append({"name": f"InverseSquareRootWithWarmupScheduler/edge-{i}", "config": config, "groups": groups, "steps": 60, "lr": gc.run(config, groups, 60)})
    n = 0
    while n < N_FAMILY:
        config, mdb = family_config(rng)
        groups = gc.groups_of(rng)
        steps = max(30, min(400, int(mdb * config.get("scaleScheduleRatio", 1.0)) + rng.randint(0, 20)))
        try:
            rows = gc.run(config, groups, steps)
        except Exception as e:  # LLM Foundry or Composer refuses the config
            if len(rejected) < 12:
                rejected.append({"config": config, "composer": f"{type(e).__name__}: {e}"[:200]})
            continue
        cases.append({"name": f"InverseSquareRootWithWarmupScheduler/random-{n}", "config": config, "groups": groups, "steps": steps, "lr": rows})
        n += 1
    header = {"generator": GENERATOR, "library": "llm-foundry", "version": f"main {FOUNDRY_COMMIT[:8]} (composer >=0.32,<0.33)", "repo": "mosaicml/llm-foundry",
              "tag": None, "commit": FOUNDRY_COMMIT, "files": ["llmfoundry/optim/scheduler.py"] + gc.FILES, "stubbed": STUBBED + gc.STUBBED,
              "torch": torch.__version__, "seed": SEED, "rejected": rejected}
    return fixturelib.render(header, cases)


def main():
    rng = random.Random(SEED)
    files, cases, rejected = {}, [], []
    i = 0
    while len(cases) < N_CASES:
        cfg, facts = random_case(rng, i)
        name = f"case-{i:02d}.{'json' if i % 3 == 2 else 'yaml'}"
        i += 1
        text = json.dumps(cfg, indent=2) + "\n" if name.endswith(".json") else yaml.safe_dump(cfg, sort_keys=False)
        try:
            updates, rows = run(cfg, facts)
        except (ValueError, TypeError, KeyError, AssertionError) as e:
            files[name] = text
            rejected.append({"name": name, "facts": facts, "error": f"{type(e).__name__}: {str(e).splitlines()[0]}"})
            continue
        files[name] = text
        cases.append({"name": name, "facts": facts, "updates": updates, "lr": rows})
    header = {
        "generator": GENERATOR,
        "library": "LLM Foundry (build_scheduler, its scheduler registry) on Composer (schedulers, Trainer's stepping)",
        "version": f"llm-foundry main {FOUNDRY_COMMIT} (requires composer >=0.32,<0.33); composer {gc.TAG} {gc.COMMIT}; torch {torch.__version__}; catalogue {catalogue.__version__ if hasattr(catalogue, '__version__') else '2.0.10'}",
        "seed": SEED,
        "stubbed": STUBBED,
        "registered": sorted(SCHEDULERS.get_all()),
        "train_config_keys": train_config_keys(),
        "default_lr": {n: default_lr(n) for n in sorted(OPTIMIZERS)},
        "rejected": rejected,
    }
    texts = {os.path.join(OUT_DIR, n): t for n, t in files.items()}
    texts[os.path.join(OUT_DIR, "expected.json")] = fixturelib.render(header, cases)
    texts[FAMILY_OUT] = family_fixture()
    fixturelib.write_all(texts, ROOT)


if __name__ == "__main__":
    main()
