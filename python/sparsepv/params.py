"""OpenPV's .params text, as sparsepv writes a run's effective parameters (pv.params): groups of typed keys.

    Group "Name" = { key = value; ... };

Values are numbers (``infinity``, ``-infinity``, ``nan``), strings (escapes \\" \\\\ \\n \\t \\r \\ddd), ``true``,
``false``, ``NULL`` (None) and arrays of numbers ``[0, 1]``. ``//`` and ``/* */`` comments are skipped.
"""

import math
import re

__all__ = ["Params", "ParamGroup", "parse_params", "read_params"]

_TOKEN = re.compile(r"""
    (?P<space>\s+|//[^\n]*|/\*.*?\*/)
  | (?P<string>"(?:[^"\\]|\\.)*")
  | (?P<number>[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)
  | (?P<word>[-+]?@?[A-Za-z_][A-Za-z0-9_]*)
  | (?P<include>\#include)
  | (?P<punct>[={};,\[\]])
""", re.VERBOSE | re.DOTALL)
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}
_WORDS = {"true": True, "false": False, "NULL": None, "null": None}
_INFINITY = {"infinity", "INFINITY", "Infinity", "inf"}


class ParamGroup(dict):
    """One group: its keys and values (a dict), with ``type`` (groupType) and ``name``."""

    def __init__(self, type_, name, entries=()):
        super().__init__(entries)
        self.type, self.name = type_, name

    def __repr__(self):
        return "ParamGroup(%s %r, %d keys)" % (self.type, self.name, len(self))


class Params:
    """A parsed params file: ``groups`` in file order, ``params[name]`` by name, ``text`` as read, and the top-level
    settings (e.g. debugParsing) in ``settings``."""

    def __init__(self, text, groups, settings, path=None):
        self.text, self.groups, self.settings, self.path = text, groups, settings, path
        self._by_name = {g.name: g for g in groups}

    def __getitem__(self, name):
        return self._by_name[name]

    def __contains__(self, name):
        return name in self._by_name

    def __iter__(self):
        return iter(self.groups)

    def __len__(self):
        return len(self.groups)

    def get(self, name, default=None):
        return self._by_name.get(name, default)

    @property
    def names(self):
        return [g.name for g in self.groups]

    @property
    def types(self):
        """Group name -> groupType."""
        return {g.name: g.type for g in self.groups}

    def of_type(self, *types):
        """The groups whose type is one of ``types``."""
        return [g for g in self.groups if g.type in types]

    @property
    def column(self):
        """The HyPerCol group (None when there is none)."""
        found = self.of_type("HyPerCol")
        return found[0] if found else None

    def __repr__(self):
        return "Params(%d groups%s)" % (len(self.groups), "" if self.path is None else " from %r" % self.path)


def _unquote(token):
    out, i, body = [], 0, token[1:-1]
    while i < len(body):
        c = body[i]
        if c != "\\":
            out.append(c)
            i += 1
            continue
        e = body[i + 1] if i + 1 < len(body) else ""
        if e in _ESCAPES:
            out.append(_ESCAPES[e])
            i += 2
        elif e.isdigit():
            digits = re.match(r"\d{1,3}", body[i + 1:]).group(0)
            out.append(chr(int(digits)))
            i += 1 + len(digits)
        else:
            out.append(e)
            i += 2
    return "".join(out)


def _tokens(text, path):
    pos, line = 0, 1
    out = []
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m:
            raise ValueError("%s:%d: cannot read %r" % (path, line, text[pos:pos + 20]))
        kind = m.lastgroup
        if kind != "space":
            out.append((kind, m.group(0), line))
        line += m.group(0).count("\n")
        pos = m.end()
    out.append(("end", "", line))
    return out


def parse_params(text, path="<params>"):
    """Parses .params text into a Params object."""
    tokens = _tokens(text, path)
    at = [0]

    def peek():
        return tokens[at[0]]

    def take(kind=None, value=None):
        t = tokens[at[0]]
        if (kind and t[0] != kind) or (value is not None and t[1] != value):
            want = value if value is not None else kind
            raise ValueError("%s:%d: expected %s, found %r" % (path, t[2], want, t[1] or "the end"))
        at[0] += 1
        return t

    def number(t):
        kind, text_, line = t
        if kind == "number":
            return float(text_)
        word = text_.lstrip("+-")
        if word in _INFINITY:
            return -math.inf if text_.startswith("-") else math.inf
        if word.lower() == "nan":
            return math.nan
        raise ValueError("%s:%d: expected a number, found %r" % (path, line, text_))

    def value():
        t = take()
        kind, text_, line = t
        if kind == "string":
            return _unquote(text_)
        if kind == "punct" and text_ == "[":
            values = []
            while peek()[1] != "]":
                values.append(number(take()))
                if peek()[1] == ",":
                    take()
            take("punct", "]")
            return values
        if kind == "word" and text_ in _WORDS:
            return _WORDS[text_]
        v = number(t)
        return int(v) if kind == "number" and re.fullmatch(r"[-+]?\d+", text_) else v

    groups, settings = [], {}
    while peek()[0] != "end":
        if peek()[0] == "include":
            take()
            take("string")
            continue
        key = take("word")[1]
        if peek()[0] == "string":
            name = _unquote(take("string")[1])
            take("punct", "=")
            take("punct", "{")
            group = ParamGroup(key, name)
            while peek()[1] != "}":
                k = take("word")[1].lstrip("@")
                take("punct", "=")
                group[k] = value()
                take("punct", ";")
            take("punct", "}")
            if peek()[1] == ";":
                take()
            groups.append(group)
        else:
            take("punct", "=")
            settings[key] = value()
            take("punct", ";")
    return Params(text, groups, settings, path)


def read_params(path):
    """Parses a .params file."""
    with open(path, "r", encoding="utf-8") as f:
        return parse_params(f.read(), str(path))
