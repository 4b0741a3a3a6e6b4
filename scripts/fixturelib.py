"""What every fixture generator shares: the layout of the committed JSON files, and the metric
series the plateau schedules are fed.

A file is `{header fields..., "cases": [...]}` with one case field per line and one table row (of
lrs, momenta) per line, so that diffs of regenerated fixtures stay readable.
"""
import json
import os
import sys


def dumps(obj):
    return json.dumps(obj, separators=(", ", ": "), allow_nan=False)


def render(header, cases, row_keys=("lr", "momentum")):
    """The text of a fixture file: the `header` fields in order, then `cases` (names unique), the
    tables under `row_keys` written one row per line."""
    names = [c["name"] for c in cases]
    assert len(names) == len(set(names)), "duplicate case names"
    lines = ["{"] + [f'  "{key}": {dumps(value)},' for key, value in header.items()] + ['  "cases": [']
    for ci, case in enumerate(cases):
        lines.append("    {")
        keys = list(case)
        for ki, key in enumerate(keys):
            comma = "," if ki < len(keys) - 1 else ""
            value = case[key]
            if key in row_keys:
                lines.append(f'      "{key}": [')
                lines.extend("        " + dumps(row) + ("," if ri < len(value) - 1 else "") for ri, row in enumerate(value))
                lines.append("      ]" + comma)
            else:
                lines.append(f'      "{key}": {dumps(value)}{comma}')
        lines.append("    }" + ("," if ci < len(cases) - 1 else ""))
    lines += ["  ]", "}"]
    text = "\n".join(lines) + "\n"
    json.loads(text)  # well-formed
    return text


def sig(x, digits=6):
    """Round to a few significant digits, so configs and metrics stay readable."""
    return float(f"{x:.{digits}g}")


def metric_series(rng, n, mode):
    """A metric per evaluation: improving stretches, plateaus, noise and setbacks, so that a plateau
    scheduler both waits and reduces (`mode` "min": lower is better; "max": higher)."""
    d = -1.0 if mode == "min" else 1.0
    level = rng.uniform(-5, 5)
    vals = []
    while len(vals) < n:
        seg = rng.randint(2, 20)
        kind = rng.choice(["improve", "flat", "flat", "noise", "worse"])
        for _ in range(seg):
            if kind == "improve":
                level += d * rng.uniform(0.001, 0.3)
                vals.append(level)
            elif kind == "flat":
                vals.append(level)
            elif kind == "noise":
                vals.append(level - d * abs(rng.gauss(0, 0.1)))
            else:
                vals.append(level - d * rng.uniform(0.1, 2))
    return [sig(v, 6) + 0.0 for v in vals[:n]]


def write_or_check(path, text, root):
    """Writes a fixture file, or with `--check` on the command line compares it with `text` (exit 1
    on a difference)."""
    name = os.path.relpath(path, root)
    if "--check" in sys.argv[1:]:
        with open(path, encoding="utf-8") as f:
            same = f.read() == text
        print(f"{name}: {'ok' if same else 'DIFFERS'}")
        sys.exit(0 if same else 1)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"{name}: {len(text.encode('utf-8')) / 1024:.0f} KiB")


def changes(rows):
    """Whether a trace's lr ever changes (random plateau cases are redrawn until it does)."""
    return any(a != b for a, b in zip(rows, rows[1:]))


def git(git_dir, *args):
    """The output of `git --git-dir GIT_DIR ARGS` (a fetched repository's bare git directory)."""
    import subprocess

    return subprocess.run(["git", "--git-dir", git_dir, *args], check=True, capture_output=True, text=True).stdout


def copy_files(files, read, prefix):
    """Writes each of `files` (paths inside a repository) with the text `read(path)` gives (a
    `git show REV:path`) into a new temporary directory, never into this repository; returns it."""
    import tempfile

    tmp = tempfile.mkdtemp(prefix=prefix)
    for f in files:
        p = os.path.join(tmp, f)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "w", encoding="utf-8") as out:
            out.write(read(f))
    return tmp


def stub_module(name, path=None, **attrs):
    """Registers a module under `name` in sys.modules (a package when `path` is given) holding
    `attrs`: the stand-in for an import of a library's file that does not touch the numbers."""
    import types

    m = types.ModuleType(name)
    if path is not None:
        m.__path__ = [path]
    m.__dict__.update(attrs)
    sys.modules[name] = m
    return m


def write_all(texts, root):
    """Writes every fixture file of `texts` (path -> text), or with `--check` on the command line
    compares each with what is on disk; exit 1 listing the files that differ."""
    check = "--check" in sys.argv[1:]
    bad = []
    for path, text in texts.items():
        if check:
            with open(path, encoding="utf-8") as f:
                if f.read() != text:
                    bad.append(os.path.relpath(path, root))
        else:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            print(f"{os.path.relpath(path, root)}: {len(text.encode('utf-8')) / 1024:.0f} KiB")
    if bad:
        print("differ:", *bad, sep="\n  ")
        sys.exit(1)
    if check:
        print(f"{len(texts)} files: ok")
