"""The HTML page of spv-plot's report: one self-contained file (inline style, no scripts, nothing fetched), the
pictures beside it by relative name or embedded as base64."""

import base64
import html
import os

__all__ = ["render"]

_STYLE = """
body { font-family: "Liberation Sans", Arial, sans-serif; margin: 24px auto; max-width: 1560px; color: #222;
       padding: 0 16px; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(640px, 1fr)); gap: 8px 24px; }
.card { min-width: 0; }
.rows { overflow-x: auto; }
h1 { font-size: 24px; margin-bottom: 4px; }
h2 { font-size: 19px; border-bottom: 1px solid #ccc; padding-bottom: 3px; margin-top: 32px; }
h3 { font-size: 15px; margin: 20px 0 6px; }
table { border-collapse: collapse; font-size: 12px; margin: 6px 0 10px; }
th, td { border: 1px solid #ddd; padding: 3px 8px; text-align: left; vertical-align: top; }
th { background: #f3f3f3; }
img { max-width: 100%; border: 1px solid #eee; }
figure { margin: 8px 0 18px; }
figcaption, .note { font-size: 13px; color: #555; }
pre { font-size: 12px; background: #f7f7f7; padding: 8px; overflow-x: auto; }
code { font-size: 13px; }
"""

_SECTIONS = [
    ("traces", "Probe traces", "One picture per probe kind, one panel per probe; time on the x axis. The tables give "
                               "each probe's last value in its first batch element."),
    ("sparsity", "Active neurons", ""),
    ("activity", "Layer activity", "The last frame each layer's activity file holds."),
    ("weights", "Dictionaries", "Each connection's weights (last frame), one tile per element, each scaled to its "
                                "own range."),
]
_TRACE_HEAD = ["probe", "target", "batch", "records", "last value", "file (first batch element)"]
_SPARSITY_HEAD = ["layer", "from", "records", "active at the end"]


def _e(text):
    return html.escape(str(text), quote=True)


def _table(head, rows):
    out = ["<table>"] + (["<tr>" + "".join("<th>%s</th>" % _e(h) for h in head) + "</tr>"] if head else [])
    out += ["<tr>" + "".join("<td>%s</td>" % _e(c) for c in row) + "</tr>" for row in rows]
    out.append("</table>")
    return "\n".join(out)


def _src(out_dir, name, embed):
    if not embed:
        return _e(name)
    with open(os.path.join(out_dir, name), "rb") as f:
        return "data:image/png;base64," + base64.b64encode(f.read()).decode("ascii")


def _summary(run, shown_path):
    rows = [["run directory", shown_path], ["params", os.path.basename(run.params_path) if run.params_path else
                                           "none found (no pv.params)"]]
    column = run.params.column if run.params else None
    if column:
        c = {k: column.get(k) for k in ("nx", "ny", "nbatch", "dt", "startTime", "stopTime")}
        text = "%s x %s, nbatch %s, dt %s" % (c["nx"], c["ny"], c["nbatch"] or 1, c["dt"])
        if c["stopTime"] is not None:
            start = c["startTime"] or 0
            text += ", t from %g to %g" % (start, c["stopTime"])
            if c["dt"]:
                text += " (%g steps)" % ((c["stopTime"] - start) / c["dt"])
        rows.append(["column", text])
    if run.params:
        counts = {}
        for _, type_ in run.groups:
            counts[type_] = counts.get(type_, 0) + 1
        rows.append(["groups", ", ".join("%d %s" % (n, t) for t, n in sorted(counts.items()))])
    rows.append(["files", "%d probe files of %d probes, %d PVP files"
                 % (sum(len(v) for v in run.probe_files.values()), len(run.probe_files), len(run.pvp))])
    rows.append(["checkpoints", ", ".join(c.name for c in run.checkpoints) or "none"])
    return _table(None, rows)


def _params(run):
    if not run.params:
        return "<p class=\"note\">The run directory holds no params file (pv.params).</p>"
    out = [_table(["group", "groupType"], run.groups)]
    lines = run.params_text.count("\n") + 1
    out.append("<details><summary>%s (%d lines): the effective parameters the run wrote</summary>"
               % (_e(os.path.basename(run.params_path)), lines))
    out.append("<pre>%s</pre></details>" % _e(run.params_text))
    return "\n".join(out)


def _card(p, out_dir, embed, head):
    out = ["<div class=\"card\">", "<h3>%s</h3>" % _e(p.heading),
           "<figure><img src=\"%s\" alt=\"%s\">" % (_src(out_dir, p.file, embed), _e(p.heading))]
    if p.caption:
        out.append("<figcaption>%s</figcaption>" % _e(p.caption))
    out.append("</figure>")
    if p.rows:
        out.append("<div class=\"rows\">%s</div>" % _table(head, p.rows))
    out.append("</div>")
    return "\n".join(out)


def render(run, pictures, out_dir, embed=False, shown_path=None):
    """The page for ``run`` and its ``pictures`` (sparsepv.report.Picture, PNGs already in ``out_dir``);
    ``shown_path``: the run directory as the page names it (default its absolute path)."""
    shown_path = shown_path or run.path
    name = os.path.basename(run.path.rstrip(os.sep))
    body = ["<h1>sparsepv run: %s</h1>" % _e(name),
            "<p class=\"note\">Written by spv-plot from <code>%s</code>.</p>" % _e(shown_path),
            "<p class=\"note\">%s</p>" % " \u00b7 ".join(
                "<a href=\"#%s\">%s</a>" % (k, _e(h)) for k, h in [("summary", "Summary")] +
                [(k, h) for k, h, _ in _SECTIONS] + [("params", "Parameters")]),
            "<h2 id=\"summary\">Summary</h2>", _summary(run, shown_path)]
    for key, heading, note in _SECTIONS:
        shown = [p for p in pictures if p.section == key]
        body.append("<h2 id=\"%s\">%s</h2>" % (key, _e(heading)))
        if not shown:
            body.append("<p class=\"note\">None in this run directory.</p>")
            continue
        if note:
            body.append("<p class=\"note\">%s</p>" % _e(note))
        body.append("<div class=\"grid\">")
        body += [_card(p, out_dir, embed, _TRACE_HEAD if key == "traces" else _SPARSITY_HEAD) for p in shown]
        body.append("</div>")
    body += ["<h2 id=\"params\">Parameters</h2>", _params(run)]
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>%s</title>\n"
            "<style>%s</style>\n</head>\n<body>\n%s\n</body>\n</html>\n" % (_e("sparsepv run: " + name), _STYLE,
                                                                            "\n".join(body)))
