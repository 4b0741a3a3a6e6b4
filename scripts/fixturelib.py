"""What every fixture generator shares: the layout of the committed JSON files.

A file is `{header fields..., "cases": [...]}` with one case field per line and one table row (of
lrs, momenta) per line, so that diffs of regenerated fixtures stay readable.
"""
import json


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
