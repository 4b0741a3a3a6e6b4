#!/usr/bin/env python3
"""Generate the fixtures of the `lightning` reader of trainers' config files: random LightningCLI
config files (YAML and JSON) in test/fixtures/trainers/lightning/ and expected.json, the lr of every
optimizer update Lightning's real `Trainer.fit` runs for each, given the dataloader's batches.

    .venv-ref/bin/python scripts/gen_trainer_lightning_fixtures.py           # writes the files
    .venv-ref/bin/python scripts/gen_trainer_lightning_fixtures.py --check   # regenerates in memory, compares

Two kinds of file:
- a LightningCLI config (`trainer`, `model`, `data`, `optimizer: {class_path, init_args}`,
  `lr_scheduler: {class_path, init_args}`): the optimizer and the scheduler are built with
  Lightning's own `lightning.pytorch.cli.instantiate_class` and handed to the real
  `LightningCLI.configure_optimizers` (cli.py:664-682), which the CLI installs as the model's
  `configure_optimizers`;
- the same with `lr_scheduler` written as the dict `configure_optimizers` returns
  (`{scheduler: {class_path, init_args}, interval, frequency, monitor, ...}`), returned as
  `{"optimizer": ..., "lr_scheduler": {...}}`.
jsonargparse (LightningCLI's parser) does not install here, so the YAML is not parsed by
LightningCLI itself: the class paths are full and the init_args are the classes' own keyword
arguments, which `instantiate_class` passes on unchanged (torch raises on any other). Then a real
`lightning.Trainer(**file["trainer"])` fits a one-parameter model on a dataloader of B batches; a
callback records the lr of every optimizer update (`on_before_optimizer_step`), and the lr after the
last one. A plateau schedule's monitored metric is logged by `training_step` with
`self.log(monitor, metrics[self.global_step])`, so the metric Lightning reads when it steps the
scheduler after update j is `metrics[j]` — the metric of our step j + 1.
"""

from __future__ import annotations

import json
import logging
import os
import random
import sys
import tempfile
import warnings

import torch
import lightning
import lightning.pytorch as pl
from lightning.pytorch.cli import LightningCLI, instantiate_class

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fixturelib  # noqa: E402

SEED = 20261207
GENERATOR = "scripts/gen_trainer_lightning_fixtures.py"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_DIR = os.path.join(ROOT, "test", "fixtures", "trainers", "lightning")
N_CASES = 60

logging.getLogger("lightning").setLevel(logging.ERROR)
logging.getLogger("lightning.pytorch").setLevel(logging.ERROR)
warnings.filterwarnings("ignore")


class Recorder(pl.Callback):
    def __init__(self):
        self.lrs = []

    def on_before_optimizer_step(self, trainer, pl_module, optimizer):
        self.lrs.append([float(g["lr"]) for g in optimizer.param_groups])


class Tiny(pl.LightningModule):
    def __init__(self, file, metrics, monitor):
        super().__init__()
        self.w = torch.nn.Parameter(torch.ones(1))
        self.file = file
        self.metrics = metrics
        self.monitor = monitor

    def training_step(self, batch, batch_idx):
        if self.metrics is not None:
            self.log(self.monitor, float(self.metrics[self.global_step]), on_step=True, on_epoch=False)
        return (self.w * batch[0]).sum()

    def configure_optimizers(self):
        optimizer = instantiate_class(self.parameters(), self.file["optimizer"])
        block = self.file["lr_scheduler"]
        if "scheduler" in block:  # the configure_optimizers dict
            config = dict(block)
            config["scheduler"] = instantiate_class(optimizer, block["scheduler"])
            return {"optimizer": optimizer, "lr_scheduler": config}
        return LightningCLI.configure_optimizers(self, optimizer, instantiate_class(optimizer, block))


def run(file, batches, epochs, metrics, monitor):
    rec = Recorder()
    trainer_args = dict(file.get("trainer", {}))
    if epochs is not None:
        trainer_args["max_epochs"] = epochs  # --epochs
    with tempfile.TemporaryDirectory() as tmp:
        trainer = pl.Trainer(**trainer_args, callbacks=[rec], default_root_dir=tmp, logger=False, enable_checkpointing=False,
                             enable_progress_bar=False, enable_model_summary=False, num_sanity_val_steps=0)
        model = Tiny(file, metrics, monitor)
        data = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(torch.ones(batches, 1)), batch_size=1)
        trainer.fit(model, train_dataloaders=data)
        after = [float(g["lr"]) for g in trainer.optimizers[0].param_groups]
    return rec.lrs + [after]


def r6(x):
    return fixturelib.sig(x, 6)


OPTIMIZERS = {"SGD": 0.001, "Adam": 0.001, "AdamW": 0.001, "RMSprop": 0.01, "Adagrad": 0.01, "NAdam": 0.002}


def optimizer_block(rng, cycles_momentum):
    names = [n for n in OPTIMIZERS if not (cycles_momentum and n == "Adagrad")]
    name = rng.choice(names)
    args = {}
    if rng.random() < 0.75:
        args["lr"] = r6(10 ** rng.uniform(-4, -1))
    if name == "SGD" and rng.random() < 0.6:
        args["momentum"] = 0.9
    if name in ("Adam", "AdamW") and rng.random() < 0.5:
        args["weight_decay"] = 0.01
    block = {"class_path": f"torch.optim.{name}"}
    if args:
        block["init_args"] = args
    return block


def scheduler_block(rng, steps):
    """A torch.optim.lr_scheduler class and its arguments, for about `steps` scheduler steps."""
    kind = rng.choice(["StepLR", "MultiStepLR", "ConstantLR", "LinearLR", "ExponentialLR", "PolynomialLR", "CosineAnnealingLR",
                       "CosineAnnealingWarmRestarts", "CyclicLR", "OneCycleLR", "ReduceLROnPlateau", "ReduceLROnPlateau"])
    s = max(2, steps)
    if kind == "StepLR":
        a = {"step_size": rng.randint(1, max(1, s // 3)), "gamma": r6(rng.uniform(0.3, 0.95))}
    elif kind == "MultiStepLR":
        a = {"milestones": sorted(rng.sample(range(1, s + 1), min(s, rng.randint(1, 3)))), "gamma": r6(rng.uniform(0.1, 0.9))}
    elif kind == "ConstantLR":
        a = {"factor": r6(rng.uniform(0.1, 0.9)), "total_iters": rng.randint(1, s)}
    elif kind == "LinearLR":
        a = {"start_factor": r6(rng.uniform(0.01, 0.5)), "end_factor": rng.choice([1.0, r6(rng.uniform(0.1, 1))]), "total_iters": rng.randint(1, s)}
    elif kind == "ExponentialLR":
        a = {"gamma": r6(rng.uniform(0.8, 0.99))}
    elif kind == "PolynomialLR":
        a = {"total_iters": rng.randint(1, s), "power": rng.choice([1.0, r6(rng.uniform(0.5, 3))])}
    elif kind == "CosineAnnealingLR":
        a = {"T_max": rng.randint(1, s + 5), "eta_min": rng.choice([0.0, r6(10 ** rng.uniform(-6, -4))])}
    elif kind == "CosineAnnealingWarmRestarts":
        a = {"T_0": rng.randint(1, max(1, s // 2)), "T_mult": rng.choice([1, 2]), "eta_min": rng.choice([0.0, r6(10 ** rng.uniform(-6, -4))])}
    elif kind == "CyclicLR":
        lo = r6(10 ** rng.uniform(-5, -3))
        a = {"base_lr": lo, "max_lr": r6(lo * rng.uniform(2, 20)), "step_size_up": rng.randint(1, max(1, s // 3)), "mode": rng.choice(["triangular", "triangular2", "exp_range"])}
        if a["mode"] == "exp_range":
            a["gamma"] = r6(rng.uniform(0.9, 0.999))
    elif kind == "OneCycleLR":
        a = {"max_lr": r6(10 ** rng.uniform(-3, -1)), "total_steps": s + rng.randint(0, 5), "pct_start": r6(rng.uniform(0.1, 0.5))}
        if rng.random() < 0.3:
            a["anneal_strategy"] = "linear"
    else:
        a = {"mode": rng.choice(["min", "max"]), "factor": r6(rng.uniform(0.1, 0.7)), "patience": rng.randint(0, 3)}
        if rng.random() < 0.4:
            a["threshold"] = r6(rng.uniform(1e-4, 0.05))
        if rng.random() < 0.3:
            a["cooldown"] = rng.randint(1, 2)
        if rng.random() < 0.3:
            a["min_lr"] = r6(10 ** rng.uniform(-6, -4))
    return kind, a


def make_case(rng, i):
    """A file, the facts, and what Lightning needs besides the file (metrics)."""
    form = "dict" if i % 5 in (1, 3) else "cli"
    batches = rng.randint(1, 30)
    trainer = {"accelerator": "cpu", "devices": 1}
    if rng.random() < 0.5:
        trainer["accumulate_grad_batches"] = rng.randint(2, 4)
    if rng.random() < 0.25:
        trainer["limit_train_batches"] = rng.choice([0.5, 0.75, 0.9, rng.randint(2, 40)])
    if rng.random() < 0.3:
        trainer["precision"] = "32-true"
    if rng.random() < 0.3:
        trainer["log_every_n_steps"] = 5
    if rng.random() < 0.3:
        trainer["gradient_clip_val"] = 1.0
    limit = trainer.get("limit_train_batches")
    b = batches if limit is None else (min(batches, limit) if isinstance(limit, int) else int(batches * limit))
    if b == 0:
        trainer.pop("limit_train_batches")
        b = batches
    per_epoch = -(-b // trainer.get("accumulate_grad_batches", 1))
    facts = {"trainBatches": batches}
    epochs = None
    how = rng.choice(["max_epochs", "max_epochs", "max_steps", "both", "fact"])
    e = rng.randint(1, max(1, 150 // per_epoch))
    if how in ("max_epochs", "both"):
        trainer["max_epochs"] = e
    if how in ("max_steps", "both"):
        trainer["max_steps"] = rng.randint(1, max(1, per_epoch * e + per_epoch))
    if how == "fact":
        facts["epochs"] = epochs = e
    updates = min(trainer.get("max_steps", 10**9), per_epoch * trainer.get("max_epochs", epochs or 10**9)) if how != "max_steps" else trainer["max_steps"]
    if form == "cli":
        interval, frequency = "epoch", 1
    else:
        interval, frequency = rng.choice(["step", "step", "epoch"]), rng.choice([1, 1, 2, 3, 5])
    stepped = max(1, updates // (per_epoch * frequency)) if interval == "epoch" else max(1, updates // frequency)
    kind, args = scheduler_block(rng, stepped)
    file = {"seed_everything": rng.randint(0, 1000), "trainer": trainer,
            "model": {"class_path": "models.Classifier", "init_args": {"hidden": rng.choice([64, 128])}},
            "data": {"class_path": "data.Images", "init_args": {"batch_size": rng.choice([16, 32])}},
            "optimizer": optimizer_block(rng, kind in ("CyclicLR", "OneCycleLR"))}
    monitor = None
    if kind == "ReduceLROnPlateau":
        monitor = rng.choice(["val_loss", "train_loss", "val/acc"])
    if form == "cli":
        path = "lightning.pytorch.cli.ReduceLROnPlateau" if kind == "ReduceLROnPlateau" else f"torch.optim.lr_scheduler.{kind}"
        init = {"monitor": monitor, **args} if kind == "ReduceLROnPlateau" else args
        file["lr_scheduler"] = {"class_path": path, "init_args": init}
    else:
        block = {"scheduler": {"class_path": f"torch.optim.lr_scheduler.{kind}", "init_args": args}, "interval": interval, "frequency": frequency}
        if monitor is not None:
            block["monitor"] = monitor
        if rng.random() < 0.3:
            block["name"] = "lr"
        file["lr_scheduler"] = block
    if rng.random() < 0.5:
        file["ckpt_path"] = None
    if "init_args" not in file["optimizer"] and rng.random() < 0.5:
        facts["lr"] = [r6(10 ** rng.uniform(-4, -2))]
        file["optimizer"]["init_args"] = {"lr": facts["lr"][0]}  # what --lr stands for in the run
    return file, facts, epochs, monitor, updates


def main():
    rng = random.Random(f"{SEED}-trainer-lightning")
    cases, files = [], {}
    for i in range(N_CASES):
        while True:
            file, facts, epochs, monitor, updates = make_case(rng, i)
            metrics = None
            if monitor is not None:
                mode = file["lr_scheduler"].get("init_args", file["lr_scheduler"].get("scheduler", {}).get("init_args", {})).get("mode", "min")
                metrics = fixturelib.metric_series(rng, updates + 1, mode)
            try:
                rows = run(file, facts["trainBatches"], epochs, metrics, monitor)
                break
            except (ValueError, ZeroDivisionError) as e:  # e.g. OneCycleLR stepped past total_steps: draw again
                print(f"case {i}: {type(e).__name__}: {str(e)[:80]}; drawing again", file=sys.stderr)
        on_file = json.loads(json.dumps(file))
        if "lr" in facts:
            del on_file["optimizer"]["init_args"]  # the lr comes from --lr
        ext = "json" if i % 4 == 3 else "yaml"
        name = f"case-{i:02d}.{ext}"
        files[name] = (json.dumps(on_file, indent=2) + "\n") if ext == "json" else yaml_text(on_file)
        c = {"name": name, "facts": facts, "updates": len(rows) - 1}
        if metrics is not None:
            c["metrics"] = metrics[: len(rows) - 1]
        c["lr"] = rows
        cases.append(c)
    header = {"generator": GENERATOR, "library": "lightning", "version": lightning.__version__, "torch": torch.__version__,
              "files": ["lightning/pytorch/cli.py (instantiate_class, LightningCLI.configure_optimizers)", "lightning.Trainer.fit (loops/training_epoch_loop.py, loops/fit_loop.py)"],
              "not_run": "jsonargparse (LightningCLI's YAML parser) does not install here: the files are read with PyYAML", "seed": SEED}
    texts = {**files, "expected.json": fixturelib.render(header, cases, row_keys=("lr",))}
    fixturelib.write_all({os.path.join(OUT_DIR, name): text for name, text in texts.items()}, ROOT)


def yaml_text(obj):
    import yaml

    return yaml.safe_dump(obj, sort_keys=False, default_flow_style=None, width=100)


if __name__ == "__main__":
    main()
