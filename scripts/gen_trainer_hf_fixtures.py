#!/usr/bin/env python3
"""Generate the fixtures of the `hf` trainer-config reader (issue 14): random TrainingArguments files,
each run through transformers' real `Trainer`, with the lr of every optimizer update recorded.

    .venv-ref/bin/python scripts/gen_trainer_hf_fixtures.py           # writes test/fixtures/trainers/hf/
    .venv-ref/bin/python scripts/gen_trainer_hf_fixtures.py --check   # regenerates in memory, compares

For every case: a TrainingArguments dict (the keys `TrainingArguments(**d)` takes: the schedule's,
and some that do not touch it — `output_dir`, `seed`, `per_device_train_batch_size`,
`weight_decay`, …) is written as the case's file (JSON, or YAML for every third case), and a
training dataloader of `train_batches` batches (one example per batch) is given to a real
`transformers.Trainer` (5.18) training a one-weight model on CPU; a `TrainerCallback`'s
`on_pre_optimizer_step` records `optimizer.param_groups[*]["lr"]` before every optimizer update.
Row k of `lr` is the lr of update k (k = 0 .. updates − 1), what `lr-schedule trace FILE --from hf
--train-batches N` gives as rows 0 .. updates − 1. To run the Trainer, the generator adds
`use_cpu`, `report_to`, `save_strategy`, `logging_strategy`, `disable_tqdm` and, where the file
has none, `output_dir`: keys that do not touch the schedule (the reader ignores them too).

The 4.x dialect (`warmup_ratio`) cannot run a 4.x Trainer here (transformers 4.57.6's Trainer
needs huggingface-hub < 1.0, which the local package sources do not have): its cases record the
lrs of 4.57.6's own `get_scheduler` driven as its Trainer drives it (`create_scheduler` with
`num_warmup_steps=args.get_warmup_steps(N)` from 4.57's `TrainingArguments`, N from 4.57's
`set_initial_training_values` formula, the same as 5.18's — trainer.py lines 5682–5689 of 4.57.6),
stepped once after each update; 4.57.6 is imported from /work/tf457 (pip install --target) with
`transformers.dependency_versions_check` stubbed (a version check of tokenizers; no numbers).
Deterministic: random.Random(SEED).
"""

from __future__ import annotations

import json
import math
import os
import random
import subprocess
import sys
import tempfile
import warnings

import fixturelib  # noqa: E402

SEED = 20261207
GENERATOR = "scripts/gen_trainer_hf_fixtures.py"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_DIR = os.path.join(ROOT, "test", "fixtures", "trainers", "hf")
N_CASES = 36  # 5.x cases
N_CASES_4 = 8  # 4.x-dialect cases
TF457 = "/work/tf457"

TYPES = [
    "linear", "cosine", "cosine_with_restarts", "polynomial", "constant", "constant_with_warmup",
    "inverse_sqrt", "cosine_with_min_lr", "cosine_warmup_with_min_lr", "warmup_stable_decay",
]


def sig(x, digits=4):
    return float(f"{x:.{digits}g}")


def kwargs_for(rng, kind):
    """Random lr_scheduler_kwargs of a schedule (none, often)."""
    k = {}
    if kind == "cosine" and rng.random() < 0.5:
        k["num_cycles"] = rng.choice([0.5, 1.0, 0.25, 1.5])
    if kind == "cosine_with_restarts" and rng.random() < 0.7:
        k["num_cycles"] = rng.randint(1, 4)
    if kind == "polynomial":
        if rng.random() < 0.6:
            k["lr_end"] = sig(rng.uniform(1e-7, 1e-5))
        if rng.random() < 0.6:
            k["power"] = rng.choice([0.5, 1.0, 2.0, 3.0])
    if kind == "inverse_sqrt" and rng.random() < 0.5:
        k["timescale"] = rng.randint(1, 50)
    if kind == "cosine_with_min_lr":
        if rng.random() < 0.5:
            k["min_lr_rate"] = sig(rng.uniform(0.0, 0.3))
        else:
            k["min_lr"] = sig(rng.uniform(1e-7, 1e-5))
    if kind == "cosine_warmup_with_min_lr":
        k["min_lr_rate"] = sig(rng.uniform(0.0, 0.3))
        if rng.random() < 0.5:
            k["warmup_lr_rate"] = sig(rng.uniform(0.0, 0.2))
    if kind == "warmup_stable_decay":
        k["num_decay_steps"] = rng.randint(1, 40)
        if rng.random() < 0.5:
            k["decay_type"] = rng.choice(["linear", "cosine", "1-sqrt"])
        if rng.random() < 0.5:
            k["min_lr_ratio"] = sig(rng.uniform(0.0, 0.2))
    return k


def random_file(rng, i, dialect4):
    kind = TYPES[i % len(TYPES)] if not dialect4 else rng.choice(["linear", "cosine", "polynomial", "constant_with_warmup"])
    f = {"output_dir": f"runs/case-{i}", "seed": rng.randint(0, 9999), "per_device_train_batch_size": 1}
    if rng.random() < 0.8:
        f["learning_rate"] = sig(rng.uniform(1e-5, 1e-3))
    if i % 7 != 3:
        f["lr_scheduler_type"] = kind
    else:
        kind = "linear"  # the default
    kw = kwargs_for(rng, kind)
    if kw:
        # transformers takes a dict or a JSON string
        f["lr_scheduler_kwargs"] = json.dumps(kw) if rng.random() < 0.3 else kw
    if dialect4:
        # the key that makes a file 4.x's (0.0 is its default)
        f["warmup_ratio"] = sig(rng.uniform(0.0, 0.3)) if rng.random() < 0.8 else 0.0
        if rng.random() < 0.3:
            f["warmup_steps"] = rng.randint(0, 20)
    else:
        r = rng.random()
        if r < 0.4:
            f["warmup_steps"] = sig(rng.uniform(0.0, 0.3), 3)  # a ratio
        elif r < 0.8:
            f["warmup_steps"] = rng.randint(0, 30)
    if rng.random() < 0.3:
        f["max_steps"] = rng.randint(10, 200)
    else:
        f["num_train_epochs"] = rng.choice([1, 2, 3, 1.5, 2.5, 0.7]) if rng.random() < 0.8 else 3.0
    if rng.random() < 0.5:
        f["gradient_accumulation_steps"] = rng.randint(1, 5)
    if rng.random() < 0.4:
        f["weight_decay"] = 0.01
    batches = rng.randint(3, 90)
    if kind == "warmup_stable_decay" and "max_steps" not in f:
        # num_decay_steps <= the updates: keep it small
        kw["num_decay_steps"] = min(kw["num_decay_steps"], 3)
        if "lr_scheduler_kwargs" in f:
            f["lr_scheduler_kwargs"] = kw
    return f, batches


def yaml_text(f):
    import yaml

    return yaml.safe_dump(f, sort_keys=False)


def run_trainer_5(f, batches):
    """The lrs of every optimizer update of a real transformers 5.18 Trainer."""
    import torch
    from transformers import Trainer, TrainerCallback, TrainingArguments

    class One(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.w = torch.nn.Linear(1, 1)

        def forward(self, x, labels=None):
            return {"loss": ((self.w(x) - labels) ** 2).mean()}

    rows = []

    class Record(TrainerCallback):
        def on_pre_optimizer_step(self, args, state, control, optimizer=None, **kwargs):
            rows.append([g["lr"] for g in optimizer.param_groups])

    data = [{"x": torch.tensor([1.0]), "labels": torch.tensor([0.5])} for _ in range(batches)]
    with tempfile.TemporaryDirectory() as tmp:
        run = dict(f)
        run["output_dir"] = os.path.join(tmp, "out")
        run.update(use_cpu=True, report_to=[], save_strategy="no", logging_strategy="no", disable_tqdm=True)
        args = TrainingArguments(**run)
        torch.manual_seed(0)
        trainer = Trainer(model=One(), args=args, train_dataset=data, callbacks=[Record()])
        assert len(trainer.get_train_dataloader()) == batches
        trainer.train()
    # every group has the same lr (decay / no-decay groups): one column
    assert all(len(set(r)) == 1 for r in rows), rows[:3]
    return [[r[0]] for r in rows]


CHILD_4 = r'''
import json, math, sys, types
m = types.ModuleType("transformers.dependency_versions_check"); m.dep_version_check = lambda *a, **k: None
sys.modules["transformers.dependency_versions_check"] = m
import torch, transformers
from transformers import TrainingArguments
from transformers.optimization import get_scheduler
assert transformers.__version__ == "4.57.6", transformers.__version__
f, batches = json.loads(sys.stdin.read())
run = dict(f); run.update(output_dir="/tmp/tf457-out", use_cpu=True, report_to=[])
args = TrainingArguments(**run)
# 4.57.6 trainer.py, set_initial_training_values (lines 5670-5690)
ga = args.gradient_accumulation_steps
per_epoch = max(batches // ga + int(batches % ga > 0), 1)
n = args.max_steps if args.max_steps > 0 else math.ceil(args.num_train_epochs * per_epoch)
p = torch.nn.Parameter(torch.zeros(1))
opt = torch.optim.AdamW([p], lr=args.learning_rate)
s = get_scheduler(args.lr_scheduler_type, optimizer=opt, num_warmup_steps=args.get_warmup_steps(n),
                  num_training_steps=n, scheduler_specific_kwargs=args.lr_scheduler_kwargs)
rows = []
for k in range(n):
    rows.append([opt.param_groups[0]["lr"]])
    opt.step(); s.step()
print(json.dumps({"rows": rows, "version": transformers.__version__}))
'''


def run_4(f, batches):
    env = dict(os.environ, PYTHONPATH=TF457)
    out = subprocess.run([sys.executable, "-c", CHILD_4], input=json.dumps([f, batches]), capture_output=True, text=True, env=env, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])["rows"]


def generate():
    import transformers

    assert transformers.__version__ == "5.18.0", transformers.__version__
    warnings.filterwarnings("ignore")
    rng = random.Random(SEED)
    files = {}
    cases = []
    for i in range(N_CASES + N_CASES_4):
        dialect4 = i >= N_CASES
        f, batches = random_file(rng, i, dialect4)
        rows = run_4(f, batches) if dialect4 else run_trainer_5(f, batches)
        name = f"case-{i:02d}." + ("yaml" if i % 3 == 2 else "json")
        files[name] = yaml_text(f) if name.endswith(".yaml") else json.dumps(f, indent=2) + "\n"
        cases.append({"name": name, "facts": {"trainBatches": batches}, "dialect": "transformers 4.x" if dialect4 else "transformers 5.x", "updates": len(rows), "lr": rows})
    header = {
        "generator": GENERATOR,
        "library": "transformers",
        "version": "5.18.0 (Trainer); 4.57.6 (get_scheduler and TrainingArguments, 4.x cases)",
        "seed": SEED,
    }
    files["expected.json"] = fixturelib.render(header, cases)
    return files


def main():
    files = generate()
    if "--check" in sys.argv:
        bad = [n for n, t in files.items() if not os.path.exists(os.path.join(OUT_DIR, n)) or open(os.path.join(OUT_DIR, n)).read() != t]
        if bad:
            print("differs:", ", ".join(bad))
            sys.exit(1)
        print("fixtures up to date")
        return
    os.makedirs(OUT_DIR, exist_ok=True)
    for n, t in files.items():
        with open(os.path.join(OUT_DIR, n), "w") as out:
            out.write(t)
    print(f"wrote {len(files)} files to {OUT_DIR}")


if __name__ == "__main__":
    main()
