#!/usr/bin/env python3
"""Generate the fixtures of the `hf` reader's `deepspeed` block (issue 14): random TrainingArguments
files with an inline ds_config, in test/fixtures/trainers/hf-deepspeed/ (case-NN.json / .yaml) and
expected.json, the lr (and betas[0]) of every optimizer update of each run.

    .venv-ref/bin/python scripts/gen_trainer_hf_deepspeed_fixtures.py           # writes the files
    .venv-ref/bin/python scripts/gen_trainer_hf_deepspeed_fixtures.py --check   # regenerates in memory, compares

DeepSpeed does not install here, so `TrainingArguments(deepspeed=...)` and `Trainer` cannot run
with it. Each case runs, unchanged, the code that decides the schedule:
- transformers 5.18: `TrainingArguments(**file without deepspeed)`, a real `Trainer` over a
  dataloader of `trainBatches` batches, whose `set_initial_training_values` gives the updates N
  (trainer.py:2441-2507); `HfTrainerDeepSpeedConfig`'s own `fill_match`, `fill_only`,
  `trainer_config_process` and `trainer_config_finalize` (integrations/deepspeed.py:98-263), bound
  to accelerate 1.15's `HfDeepSpeedConfig` (the base class transformers uses when DeepSpeed is
  installed: its `find_config_node`, `get_value`, `is_true`, `is_zero3`), filling the ds_config
  from the TrainingArguments, N and a model whose config has a hidden_size (for the ZeRO buckets);
- with a `scheduler` block (deepspeed_optim_sched, integrations/deepspeed.py:531-582: a
  DummyScheduler the engine replaces): DeepSpeed v0.19.5's `_scheduler_from_config` and
  lr_schedules.py (as scripts/gen_trainer_deepspeed_fixtures.py loads them) on the optimizer the
  ds_config's block configures (torch's Adam with its lr and betas, SGD without betas) or, without
  one, Trainer's own (`create_optimizer`), stepped after each of the N optimizer updates (the
  engine's `_take_model_step`; the update boundaries are Trainer's, accelerate's
  DeepSpeedEngineWrapper.backward passing `sync_gradients` to the engine);
- without one: `Trainer.create_scheduler(N, optimizer)` (the DummyScheduler's
  `lr_scheduler_callable`, or Trainer's own when the ds_config has no optimizer either), stepped
  after each update.
Row k of `lr` is the lr of update k (k = 0 .. N − 1). Refused cases: files transformers refuses
(`trainer_config_finalize`'s mismatch ValueError, DeepSpeed's unknown scheduler): their first line
of the error is recorded, and the reader must refuse them too.
Deterministic: random.Random(SEED).
"""

from __future__ import annotations

import copy
import json
import os
import random
import sys
import tempfile
import types
import warnings

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fixturelib  # noqa: E402
import gen_trainer_deepspeed_fixtures as tds  # noqa: E402  (DeepSpeed's lr_schedules.py and _scheduler_from_config)

# the stub `deepspeed` package modules served the import of lr_schedules.py (tds.ds.LS keeps it):
# drop them, so that accelerate and transformers see no DeepSpeed installed (which is the case)
for _name in [m for m in sys.modules if m == "deepspeed" or m.startswith("deepspeed.")]:
    del sys.modules[_name]

SEED = 20261207
GENERATOR = "scripts/gen_trainer_hf_deepspeed_fixtures.py"
ROOT = tds.ROOT
OUT_DIR = os.path.join(ROOT, "test", "fixtures", "trainers", "hf-deepspeed")
N_CASES = 36  # 5.x cases
N_CASES_4 = 6  # 4.x-dialect cases (warmup_ratio)
KINDS_4 = ["WarmupLR", "WarmupDecayLR", "WarmupCosineLR", "StepLR"]
TF457 = "/work/tf457"


def filler_class():
    """transformers' HfTrainerDeepSpeedConfig methods on accelerate's HfDeepSpeedConfig (its base when DeepSpeed is installed)."""
    from accelerate.utils.deepspeed import HfDeepSpeedConfig
    from transformers.integrations.deepspeed import HfTrainerDeepSpeedConfig as T

    names = ["dtype", "is_auto", "fill_match", "fill_only", "trainer_config_process", "trainer_config_finalize"]
    cls = type("HfTrainerDeepSpeedConfig", (HfDeepSpeedConfig,), {n: T.__dict__[n] for n in names})

    def make(config):
        obj = cls(config)  # accelerate's __init__: a deep copy of the dict
        obj._dtype = None  # what HfTrainerDeepSpeedConfig.__init__ adds
        obj.mismatches = []
        return obj

    return make


FILLER = filler_class()


class One(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.w = torch.nn.Linear(1, 1)
        self.config = types.SimpleNamespace(hidden_size=64)

    def forward(self, x, labels=None):
        return {"loss": ((self.w(x) - labels) ** 2).mean()}


def trainer_for(f, batches, tmp):
    from transformers import Trainer, TrainingArguments

    run = {k: v for k, v in f.items() if k != "deepspeed"}
    run["output_dir"] = os.path.join(tmp, "out")
    run.update(use_cpu=True, report_to=[], save_strategy="no", logging_strategy="no", disable_tqdm=True)
    args = TrainingArguments(**run)
    per = args.per_device_train_batch_size
    data = [{"x": torch.tensor([1.0]), "labels": torch.tensor([0.5])} for _ in range(batches * per)]
    torch.manual_seed(0)
    trainer = Trainer(model=One(), args=args, train_dataset=data)
    dl = trainer.get_train_dataloader()
    assert len(dl) == batches
    n = trainer.set_initial_training_values(args, dl)[-1]
    return args, trainer, n


def run(f, batches):
    """(rows, momentum rows or None, N), or raises what transformers or DeepSpeed raises."""
    with tempfile.TemporaryDirectory() as tmp:
        args, trainer, n = trainer_for(f, batches, tmp)
        hf_ds = FILLER(f["deepspeed"])
        hf_ds.trainer_config_process(args)
        hf_ds.trainer_config_finalize(args, trainer.model, n)
        config = hf_ds.config
        opt_block = config.get("optimizer")
        param = torch.nn.Parameter(torch.zeros(1))
        if opt_block is None:
            trainer.create_optimizer()
            optimizer = trainer.optimizer
        elif opt_block["type"].lower() == "sgd":
            optimizer = torch.optim.SGD([param], lr=opt_block["params"]["lr"], momentum=0.9)
        else:
            optimizer = torch.optim.Adam([param], lr=opt_block["params"]["lr"], betas=tuple(opt_block["params"].get("betas", (0.9, 0.999))))
        if "scheduler" in config:
            block = config["scheduler"]
            engine = types.SimpleNamespace(scheduler_name=lambda: block["type"], scheduler_params=lambda: dict(block.get("params", {})))
            sched = tds.ENGINE["_scheduler_from_config"](engine, optimizer)
            cycles = block["type"] == "OneCycle" and block.get("params", {}).get("cycle_momentum", True) and "betas" in optimizer.defaults
        else:
            trainer.lr_scheduler = None
            sched = trainer.create_scheduler(num_training_steps=n, optimizer=optimizer)
            cycles = False
        rows, moms = [], []
        for _ in range(n):
            g = optimizer.param_groups[0]
            rows.append([float(g["lr"])])
            # Trainer's optimizer has two groups (decay, no decay): the same lr
            assert len({float(x["lr"]) for x in optimizer.param_groups}) == 1
            moms.append([float(g["betas"][0] if "betas" in g else g.get("momentum", 0.0))])
            optimizer.step()
            sched.step()
        return rows, (moms if cycles else None), n


CHILD_4 = r"""
import json, math, sys, types
m = types.ModuleType("transformers.dependency_versions_check"); m.dep_version_check = lambda *a, **k: None
sys.modules["transformers.dependency_versions_check"] = m
import transformers
from transformers import TrainingArguments
from transformers.integrations.deepspeed import HfTrainerDeepSpeedConfig as T
from accelerate.utils.deepspeed import HfDeepSpeedConfig
assert transformers.__version__ == "4.57.6", transformers.__version__
mode, f, batches = json.loads(sys.stdin.read())
run = {k: v for k, v in f.items() if k != "deepspeed"}
run.update(output_dir="/tmp/tf457-out", use_cpu=True, report_to=[])
args = TrainingArguments(**run)
# 4.57.6 trainer.py, set_initial_training_values (lines 5670-5690)
ga = args.gradient_accumulation_steps
per_epoch = max(batches // ga + int(batches % ga > 0), 1)
n = args.max_steps if args.max_steps > 0 else math.ceil(args.num_train_epochs * per_epoch)
if mode == "n":
    print(json.dumps({"n": n, "warmup": args.get_warmup_steps(n)}))
else:
    names = ["dtype", "is_auto", "fill_match", "fill_only", "trainer_config_process", "trainer_config_finalize"]
    cls = type("HfTrainerDeepSpeedConfig", (HfDeepSpeedConfig,), {k: T.__dict__[k] for k in names})
    hf_ds = cls(f["deepspeed"]); hf_ds._dtype = None; hf_ds.mismatches = []
    hf_ds.trainer_config_process(args)
    hf_ds.trainer_config_finalize(args, types.SimpleNamespace(config=types.SimpleNamespace(hidden_size=64)), n)
    print(json.dumps({"n": n, "config": hf_ds.config, "version": transformers.__version__}))
"""


def child_4(mode, f, batches):
    import subprocess

    env = dict(os.environ, PYTHONPATH=TF457)
    out = subprocess.run([sys.executable, "-c", CHILD_4], input=json.dumps([mode, f, batches]), capture_output=True, text=True, env=env, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def run_4(f, batches):
    """A 4.x-dialect case: 4.57.6's TrainingArguments and HfTrainerDeepSpeedConfig fill the ds_config
    (its Trainer does not import here: the updates by 4.57's formula, as gen_trainer_hf_fixtures.py);
    DeepSpeed's scheduler on the block's optimizer, stepped after each update."""
    filled = child_4("fill", f, batches)
    n, config = filled["n"], filled["config"]
    opt = config["optimizer"]
    param = torch.nn.Parameter(torch.zeros(1))
    optimizer = torch.optim.Adam([param], lr=opt["params"]["lr"], betas=tuple(opt["params"].get("betas", (0.9, 0.999))))
    block = config["scheduler"]
    engine = types.SimpleNamespace(scheduler_name=lambda: block["type"], scheduler_params=lambda: dict(block.get("params", {})))
    sched = tds.ENGINE["_scheduler_from_config"](engine, optimizer)
    rows = []
    for _ in range(n):
        rows.append([float(optimizer.param_groups[0]["lr"])])
        optimizer.step()
        sched.step()
    return rows, n


def r6(x):
    return float(f"{x:.6g}")


def pick(rng, auto_p, value):
    return "auto" if rng.random() < auto_p else value


def hf_file(rng, i, v4=False):
    f = {"output_dir": f"runs/ds-{i}", "seed": rng.randint(0, 9999), "per_device_train_batch_size": rng.choice([1, 2, 4])}
    f["learning_rate"] = r6(10 ** rng.uniform(-5, -3))
    r = rng.random()
    if v4:
        # the key that makes a file 4.x's; warmup_steps > 0 overrides it
        f["warmup_ratio"] = float(f"{rng.uniform(0.01, 0.3):.3g}")
        if r < 0.3:
            f["warmup_steps"] = rng.randint(1, 20)
    elif r < 0.4:
        f["warmup_steps"] = float(f"{rng.uniform(0.01, 0.3):.3g}")
    elif r < 0.8:
        f["warmup_steps"] = rng.randint(0, 30)
    if rng.random() < 0.3:
        f["max_steps"] = rng.randint(10, 150)
    else:
        f["num_train_epochs"] = rng.choice([1, 2, 3, 1.5, 0.7])
    if rng.random() < 0.5:
        f["gradient_accumulation_steps"] = rng.randint(1, 4)
    if rng.random() < 0.4:
        f["adam_beta1"] = rng.choice([0.8, 0.85, 0.9])
        f["adam_beta2"] = rng.choice([0.95, 0.98, 0.999])
    if rng.random() < 0.4:
        f["weight_decay"] = 0.01
    return f, rng.randint(3, 80)


def ds_block(rng, f, n, warmup, kind, v4=False):
    """A ds_config: auto values and explicit ones that match what transformers fills (or are not its)."""
    lr = f["learning_rate"]
    per = f["per_device_train_batch_size"]
    ga = f.get("gradient_accumulation_steps", 1)
    d = {}
    for key, value in [("train_micro_batch_size_per_gpu", per), ("gradient_accumulation_steps", ga), ("train_batch_size", per * ga), ("gradient_clipping", 1.0)]:
        if rng.random() < 0.8:
            d[key] = pick(rng, 0.7, value)
    has_opt = kind != "none-optimizer" and (rng.random() < 0.8 or v4)
    opt_type = rng.choice(["AdamW", "Adam", "AdamW", "SGD"]) if kind == "OneCycle" else rng.choice(["AdamW", "Adam"])
    if has_opt:
        betas = [f.get("adam_beta1", 0.9), f.get("adam_beta2", 0.999)]
        p = {"lr": pick(rng, 0.7, lr), "weight_decay": pick(rng, 0.6, f.get("weight_decay", 0.0))}
        if opt_type != "SGD":
            p["betas"] = pick(rng, 0.7, betas)
            p["eps"] = pick(rng, 0.7, 1e-8)
        d["optimizer"] = {"type": opt_type, "params": p}
    wt = rng.choice(["log", "linear"])
    wn = warmup if v4 else max(1, warmup)  # 4.57: no max(1, ·)
    if kind == "WarmupLR":
        p = {"warmup_min_lr": pick(rng, 0.6, rng.choice([0, r6(lr / 100)])), "warmup_max_lr": pick(rng, 0.7, lr), "warmup_num_steps": pick(rng, 0.7, wn), "warmup_type": wt}
    elif kind == "WarmupDecayLR":
        p = {"warmup_min_lr": pick(rng, 0.6, 0), "warmup_max_lr": pick(rng, 0.7, lr), "warmup_num_steps": pick(rng, 0.7, wn), "total_num_steps": pick(rng, 0.7, n), "warmup_type": wt}
    elif kind == "WarmupCosineLR":
        p = {"warmup_num_steps": pick(rng, 0.7, wn), "total_num_steps": pick(rng, 0.7, n), "warmup_min_ratio": rng.choice([0.0, r6(rng.uniform(0, 0.2))]),
             "cos_min_ratio": rng.choice([0.0001, r6(rng.uniform(0, 0.2))]), "warmup_type": wt}
    elif kind == "OneCycle":
        p = {"cycle_min_lr": r6(lr / rng.uniform(5, 50)), "cycle_max_lr": lr, "cycle_first_step_size": rng.randint(1, max(1, n // 3)),
             "cycle_momentum": rng.random() < 0.8, "cycle_min_mom": 0.85, "cycle_max_mom": 0.95}
        if rng.random() < 0.5:
            p.update({"decay_step_size": rng.randint(1, 20), "decay_lr_rate": r6(rng.uniform(0, 0.3))})
    elif kind == "LRRangeTest":
        p = {"lr_range_test_min_lr": r6(lr / 10), "lr_range_test_step_size": rng.randint(1, 30), "lr_range_test_step_rate": r6(rng.uniform(0.1, 2)),
             "lr_range_test_staircase": rng.random() < 0.5}
    elif kind == "StepLR":
        p = {"step_size": rng.randint(1, 40), "gamma": r6(rng.uniform(0.3, 0.95))}
    elif kind == "CosineAnnealingLR":
        p = {"T_max": rng.randint(1, n + 10), "eta_min": rng.choice([0, r6(lr / 100)])}
    else:
        p = None
    if p is not None:
        d["scheduler"] = {"type": kind, "params": p}
    if rng.random() < 0.5:
        d["zero_optimization"] = {"stage": rng.choice([1, 2, 3]), "reduce_bucket_size": "auto"}
    if rng.random() < 0.4:
        d["bf16"] = {"enabled": "auto"}
    d["steps_per_print"] = 100
    return d


KINDS = ["WarmupLR", "WarmupDecayLR", "WarmupCosineLR", "OneCycle", "LRRangeTest", "StepLR", "CosineAnnealingLR", "none", "none-optimizer"]
HF_TYPES = ["linear", "cosine", "constant_with_warmup", "inverse_sqrt", "cosine_with_restarts"]


def refused_files():
    """Files transformers (or DeepSpeed) refuses, and the key the reader's one line names."""
    base = {"output_dir": "runs/bad", "learning_rate": 3e-4, "max_steps": 50, "warmup_steps": 5}
    sched = {"type": "WarmupDecayLR", "params": {"warmup_min_lr": "auto", "warmup_max_lr": "auto", "warmup_num_steps": "auto", "total_num_steps": "auto"}}
    return [
        ("bad-lr-mismatch.json", {**base, "deepspeed": {"optimizer": {"type": "AdamW", "params": {"lr": 1e-3}}, "scheduler": sched}}, "deepspeed.optimizer.params.lr"),
        ("bad-warmup-mismatch.json", {**base, "deepspeed": {"scheduler": {**sched, "params": {**sched["params"], "warmup_num_steps": 10}}}}, "deepspeed.scheduler.params.warmup_num_steps"),
        ("bad-total-mismatch.yaml", {**base, "deepspeed": {"scheduler": {**sched, "params": {**sched["params"], "total_num_steps": 500}}}}, "deepspeed.scheduler.params.total_num_steps"),
        ("bad-unknown-scheduler.json", {**base, "deepspeed": {"scheduler": {"type": "WarmupLinearLR", "params": {}}}}, "deepspeed.scheduler.type"),
    ]


def main():
    import transformers
    import yaml

    assert transformers.__version__ == "5.18.0", transformers.__version__
    warnings.filterwarnings("ignore")
    rng = random.Random(f"{SEED}-trainer-hf-deepspeed")
    files, cases = {}, []
    for i in range(N_CASES):
        kind = KINDS[i % len(KINDS)]
        f, batches = hf_file(rng, i)
        if kind.startswith("none") or rng.random() < 0.3:
            f["lr_scheduler_type"] = rng.choice(HF_TYPES)
        with tempfile.TemporaryDirectory() as tmp:
            args, _, n = trainer_for(f, batches, tmp)
            warmup = args.get_warmup_steps(n)
        f["deepspeed"] = ds_block(rng, f, n, warmup, kind)
        rows, moms, n2 = run(copy.deepcopy(f), batches)
        assert n2 == n
        name = f"case-{i:02d}." + ("yaml" if i % 3 == 2 else "json")
        files[name] = yaml.safe_dump(f, sort_keys=False) if name.endswith(".yaml") else json.dumps(f, indent=2) + "\n"
        facts = {"trainBatches": batches}
        if isinstance(f["deepspeed"].get("train_batch_size"), int):
            facts["worldSize"] = 1  # an explicit train_batch_size is checked against world size × per device × accumulation
        c = {"name": name, "facts": facts, "dialect": "transformers 5.x", "updates": n, "lr": rows}
        if moms is not None:
            c["momentum"] = moms
        cases.append(c)
    for j in range(N_CASES_4):
        i = N_CASES + j
        kind = KINDS_4[j % len(KINDS_4)]
        f, batches = hf_file(rng, i, v4=True)
        got = child_4("n", f, batches)
        f["deepspeed"] = ds_block(rng, f, got["n"], got["warmup"], kind, v4=True)
        rows, n = run_4(copy.deepcopy(f), batches)
        name = f"case-{i:02d}." + ("yaml" if i % 3 == 2 else "json")
        files[name] = yaml.safe_dump(f, sort_keys=False) if name.endswith(".yaml") else json.dumps(f, indent=2) + "\n"
        facts = {"trainBatches": batches}
        if isinstance(f["deepspeed"].get("train_batch_size"), int):
            facts["worldSize"] = 1
        cases.append({"name": name, "facts": facts, "dialect": "transformers 4.x", "updates": n, "lr": rows})
    refused = []
    for name, f, key in refused_files():
        try:
            run(copy.deepcopy(f), 10)
        except (ValueError, AssertionError) as e:
            first = [line for line in str(e).splitlines() if line.strip()]
            refused.append({"name": name, "key": key, "error": " ".join(first[:2])})
        else:
            raise RuntimeError(f"{name}: transformers accepted it")
        files[name] = yaml.safe_dump(f, sort_keys=False) if name.endswith(".yaml") else json.dumps(f, indent=2) + "\n"
    import accelerate

    header = {
        "generator": GENERATOR,
        "library": "transformers",
        "version": f"{transformers.__version__} (Trainer, HfTrainerDeepSpeedConfig); 4.57.6 (TrainingArguments and HfTrainerDeepSpeedConfig, 4.x cases)",
        "accelerate": accelerate.__version__,
        "deepspeed": tds.ds.TAG.lstrip("v"),
        "deepspeed_commit": tds.ds.COMMIT,
        "files": [
            "transformers/integrations/deepspeed.py (HfTrainerDeepSpeedConfig: fill_match, fill_only, trainer_config_process, trainer_config_finalize)",
            "transformers/trainer.py (set_initial_training_values, create_optimizer, create_scheduler)",
            "deepspeed/runtime/lr_schedules.py, deepspeed/runtime/engine.py (_scheduler_from_config)",
        ],
        "torch": torch.__version__,
        "seed": SEED,
        "refused": refused,
    }
    texts = {**files, "expected.json": fixturelib.render(header, cases)}
    fixturelib.write_all({os.path.join(OUT_DIR, name): text for name, text in texts.items()}, ROOT)


if __name__ == "__main__":
    main()
