"""Translate snowballstemmer's generated Python French stemmer into JavaScript.

lunr-languages' ``lunr.fr.js`` carries an older port of the Snowball French
algorithm: its stems differ from ``snowballstemmer`` 3.x (the algorithm
changed since). Rather than keep two implementations in step, the browser
gets a mechanical translation of the exact class the index was built with,
``snowballstemmer.french_stemmer.FrenchStemmer``, made when the assets are
written (:func:`build_scripts.search.assets.write_assets`).

Snowball's Python generator emits a small, regular subset of Python: one
class of methods made of assignments, ``if``/``elif``, ``while True``,
``try: … raise labN() … except labN: pass`` used as ``goto``, ``break``,
``continue`` and ``return``, plus tables of ``Among`` entries and sets of
letters. :func:`translate` maps it statement by statement, ``try``/``raise``
becoming labelled blocks and ``break label``; anything outside that subset
raises :class:`TranslationError` instead of guessing. The runtime
(``BaseStemmer``) is :data:`BASE_STEMMER_JS`, a transcription of
``snowballstemmer/basestemmer.py``.

Strings are indexed by UTF-16 code units in JavaScript and by code points in
Python: the two agree on BMP text, and the pipeline never stems a token with
characters beyond the BMP.
"""

from __future__ import annotations

import ast
import importlib.metadata
import inspect
import json
import re

import snowballstemmer.french_stemmer


class TranslationError(ValueError):
    """The generated Python uses a construct this translator does not know."""


BASE_STEMMER_JS = r"""
function Among(s, substring_i, result, method) {
  this.s = s;
  this.substring_i = substring_i;
  this.result = result;
  this.method = method || null;
}

function BaseStemmer() {
  this.set_current("");
}

BaseStemmer.prototype.set_current = function (value) {
  this.current = value;
  this.cursor = 0;
  this.limit = this.current.length;
  this.limit_backward = 0;
  this.bra = this.cursor;
  this.ket = this.limit;
};

BaseStemmer.prototype.get_current = function () {
  return this.current;
};

BaseStemmer.prototype.copy_from = function (other) {
  this.current = other.current;
  this.cursor = other.cursor;
  this.limit = other.limit;
  this.limit_backward = other.limit_backward;
  this.bra = other.bra;
  this.ket = other.ket;
};

BaseStemmer.prototype.in_grouping = function (s) {
  if (this.cursor >= this.limit) return false;
  if (!s.has(this.current[this.cursor])) return false;
  this.cursor += 1;
  return true;
};

BaseStemmer.prototype.go_in_grouping = function (s) {
  while (this.cursor < this.limit) {
    if (!s.has(this.current[this.cursor])) return true;
    this.cursor += 1;
  }
  return false;
};

BaseStemmer.prototype.in_grouping_b = function (s) {
  if (this.cursor <= this.limit_backward) return false;
  if (!s.has(this.current[this.cursor - 1])) return false;
  this.cursor -= 1;
  return true;
};

BaseStemmer.prototype.go_in_grouping_b = function (s) {
  while (this.cursor > this.limit_backward) {
    if (!s.has(this.current[this.cursor - 1])) return true;
    this.cursor -= 1;
  }
  return false;
};

BaseStemmer.prototype.out_grouping = function (s) {
  if (this.cursor >= this.limit) return false;
  if (!s.has(this.current[this.cursor])) {
    this.cursor += 1;
    return true;
  }
  return false;
};

BaseStemmer.prototype.go_out_grouping = function (s) {
  while (this.cursor < this.limit) {
    if (s.has(this.current[this.cursor])) return true;
    this.cursor += 1;
  }
  return false;
};

BaseStemmer.prototype.out_grouping_b = function (s) {
  if (this.cursor <= this.limit_backward) return false;
  if (!s.has(this.current[this.cursor - 1])) {
    this.cursor -= 1;
    return true;
  }
  return false;
};

BaseStemmer.prototype.go_out_grouping_b = function (s) {
  while (this.cursor > this.limit_backward) {
    if (s.has(this.current[this.cursor - 1])) return true;
    this.cursor -= 1;
  }
  return false;
};

BaseStemmer.prototype.eq_s = function (s) {
  if (this.limit - this.cursor < s.length) return false;
  if (this.current.slice(this.cursor, this.cursor + s.length) !== s) return false;
  this.cursor += s.length;
  return true;
};

BaseStemmer.prototype.eq_s_b = function (s) {
  if (this.cursor - this.limit_backward < s.length) return false;
  if (this.current.slice(this.cursor - s.length, this.cursor) !== s) return false;
  this.cursor -= s.length;
  return true;
};

BaseStemmer.prototype.find_among = function (v) {
  var i = 0;
  var j = v.length;
  var c = this.cursor;
  var l = this.limit;
  var common_i = 0;
  var common_j = 0;
  var first_key_inspected = false;
  while (true) {
    var k = i + ((j - i) >> 1);
    var diff = 0;
    var common = Math.min(common_i, common_j);
    var w = v[k];
    for (var i2 = common; i2 < w.s.length; i2++) {
      if (c + common === l) {
        diff = -1;
        break;
      }
      diff = this.current.charCodeAt(c + common) - w.s.charCodeAt(i2);
      if (diff !== 0) break;
      common += 1;
    }
    if (diff < 0) {
      j = k;
      common_j = common;
    } else {
      i = k;
      common_i = common;
    }
    if (j - i <= 1) {
      if (i > 0) break;
      if (j === i) break;
      if (first_key_inspected) break;
      first_key_inspected = true;
    }
  }
  while (true) {
    var w2 = v[i];
    if (common_i >= w2.s.length) {
      this.cursor = c + w2.s.length;
      if (w2.method === null) return w2.result;
      if (w2.method.call(this)) {
        this.cursor = c + w2.s.length;
        return w2.result;
      }
    }
    i = w2.substring_i;
    if (i < 0) return 0;
  }
};

BaseStemmer.prototype.find_among_b = function (v) {
  var i = 0;
  var j = v.length;
  var c = this.cursor;
  var lb = this.limit_backward;
  var common_i = 0;
  var common_j = 0;
  var first_key_inspected = false;
  while (true) {
    var k = i + ((j - i) >> 1);
    var diff = 0;
    var common = Math.min(common_i, common_j);
    var w = v[k];
    for (var i2 = w.s.length - 1 - common; i2 >= 0; i2--) {
      if (c - common === lb) {
        diff = -1;
        break;
      }
      diff = this.current.charCodeAt(c - 1 - common) - w.s.charCodeAt(i2);
      if (diff !== 0) break;
      common += 1;
    }
    if (diff < 0) {
      j = k;
      common_j = common;
    } else {
      i = k;
      common_i = common;
    }
    if (j - i <= 1) {
      if (i > 0) break;
      if (j === i) break;
      if (first_key_inspected) break;
      first_key_inspected = true;
    }
  }
  while (true) {
    var w2 = v[i];
    if (common_i >= w2.s.length) {
      this.cursor = c - w2.s.length;
      if (w2.method === null) return w2.result;
      if (w2.method.call(this)) {
        this.cursor = c - w2.s.length;
        return w2.result;
      }
    }
    i = w2.substring_i;
    if (i < 0) return 0;
  }
};

BaseStemmer.prototype.replace_s = function (c_bra, c_ket, s) {
  var adjustment = s.length - (c_ket - c_bra);
  this.current = this.current.slice(0, c_bra) + s + this.current.slice(c_ket);
  this.limit += adjustment;
  if (this.cursor >= c_ket) {
    this.cursor += adjustment;
  } else if (this.cursor > c_bra) {
    this.cursor = c_bra;
  }
  return adjustment;
};

BaseStemmer.prototype.slice_check = function () {
  if (this.bra < 0 || this.bra > this.ket || this.ket > this.limit ||
      this.limit > this.current.length) {
    throw new Error("snowball: faulty slice operation");
  }
};

BaseStemmer.prototype.slice_from = function (s) {
  this.slice_check();
  this.replace_s(this.bra, this.ket, s);
  this.ket = this.bra + s.length;
};

BaseStemmer.prototype.slice_del = function () {
  return this.slice_from("");
};

BaseStemmer.prototype.insert = function (c_bra, c_ket, s) {
  var adjustment = this.replace_s(c_bra, c_ket, s);
  if (c_bra <= this.bra) this.bra += adjustment;
  if (c_bra <= this.ket) this.ket += adjustment;
};

BaseStemmer.prototype.slice_to = function () {
  this.slice_check();
  return this.current.slice(this.bra, this.ket);
};

BaseStemmer.prototype.assign_to = function () {
  return this.current.slice(0, this.limit);
};

BaseStemmer.prototype.stemWord = function (word) {
  this.set_current(word);
  this._stem();
  return this.get_current();
};
""".strip()

_COMPARE = {ast.Eq: "===", ast.NotEq: "!==", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">="}
_BINARY = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.RShift: ">>"}
_AUGMENTED = {ast.Add: "+=", ast.Sub: "-="}


def _js_name(name: str) -> str:
    """``__r_prelude`` → ``r_prelude`` (Python's private methods)."""
    return name.lstrip("_") if name.startswith("__") else name


def _string(value: str) -> str:
    return json.dumps(value, ensure_ascii=True)


class _Method:
    """Translates one method body."""

    def __init__(self, class_name: str, func: ast.FunctionDef):
        self.class_name = class_name
        self.func = func
        self.lines: list[str] = []
        self.labels: list[tuple[str, str]] = []
        self.count = 0

    def render(self) -> str:
        args = [a.arg for a in self.func.args.args]
        if args != ["self"] or self.func.args.vararg or self.func.args.kwarg:
            raise TranslationError(f"{self.func.name}: unexpected arguments")
        names = sorted(
            {
                node.id
                for node in ast.walk(self.func)
                if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store)
            }
        )
        head = f"{self.class_name}.prototype.{_js_name(self.func.name)} = function () {{"
        self.lines.append(head)
        if names:
            self.lines.append("  var " + ", ".join(names) + ";")
        self.block(self.func.body, 1)
        self.lines.append("};")
        return "\n".join(self.lines)

    # statements -----------------------------------------------------------
    def emit(self, depth: int, text: str) -> None:
        self.lines.append("  " * depth + text)

    def block(self, body: list[ast.stmt], depth: int) -> None:
        for stmt in body:
            self.stmt(stmt, depth)

    def stmt(self, node: ast.stmt, depth: int) -> None:
        if isinstance(node, ast.Expr):
            if isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
                return  # docstring
            self.emit(depth, self.expr(node.value) + ";")
        elif isinstance(node, ast.Assign):
            if len(node.targets) != 1:
                raise TranslationError("chained assignment")
            self.emit(depth, f"{self.expr(node.targets[0])} = {self.expr(node.value)};")
        elif isinstance(node, ast.AugAssign):
            op = _AUGMENTED.get(type(node.op))
            if op is None:
                raise TranslationError(f"augmented operator {node.op!r}")
            self.emit(depth, f"{self.expr(node.target)} {op} {self.expr(node.value)};")
        elif isinstance(node, ast.If):
            self.emit(depth, f"if ({self.expr(node.test)}) {{")
            self.block(node.body, depth + 1)
            orelse = node.orelse
            while len(orelse) == 1 and isinstance(orelse[0], ast.If):
                self.emit(depth, f"}} else if ({self.expr(orelse[0].test)}) {{")
                self.block(orelse[0].body, depth + 1)
                orelse = orelse[0].orelse
            if orelse:
                self.emit(depth, "} else {")
                self.block(orelse, depth + 1)
            self.emit(depth, "}")
        elif isinstance(node, ast.While):
            if not (isinstance(node.test, ast.Constant) and node.test.value is True):
                raise TranslationError("while with a condition")
            if node.orelse:
                raise TranslationError("while ... else")
            self.emit(depth, "while (true) {")
            self.block(node.body, depth + 1)
            self.emit(depth, "}")
        elif isinstance(node, ast.Try):
            self.label_block(node, depth)
        elif isinstance(node, ast.Raise):
            exc = node.exc
            if not (
                isinstance(exc, ast.Call)
                and isinstance(exc.func, ast.Name)
                and not exc.args
                and not exc.keywords
            ):
                raise TranslationError("raise of something else than a label")
            for py_name, js_name in reversed(self.labels):
                if py_name == exc.func.id:
                    self.emit(depth, f"break {js_name};")
                    return
            raise TranslationError(f"raise {exc.func.id}() outside its try")
        elif isinstance(node, ast.Break):
            self.emit(depth, "break;")
        elif isinstance(node, ast.Continue):
            self.emit(depth, "continue;")
        elif isinstance(node, ast.Return):
            value = "" if node.value is None else " " + self.expr(node.value)
            self.emit(depth, f"return{value};")
        elif isinstance(node, ast.Pass):
            pass
        else:
            raise TranslationError(f"statement {type(node).__name__}")

    def label_block(self, node: ast.Try, depth: int) -> None:
        if node.orelse or node.finalbody or len(node.handlers) != 1:
            raise TranslationError("try other than 'try: ... except labN: pass'")
        handler = node.handlers[0]
        if (
            not isinstance(handler.type, ast.Name)
            or handler.name is not None
            or not all(isinstance(s, ast.Pass) for s in handler.body)
        ):
            raise TranslationError("except clause other than 'except labN: pass'")
        self.count += 1
        js_name = f"{handler.type.id}_{self.count}"
        self.labels.append((handler.type.id, js_name))
        self.emit(depth, f"{js_name}: {{")
        self.block(node.body, depth + 1)
        self.emit(depth, "}")
        self.labels.pop()

    # expressions ------------------------------------------------------------
    def expr(self, node: ast.expr) -> str:
        return _expr(node, self.class_name)


def _expr(node: ast.expr, class_name: str) -> str:
    def sub(child: ast.expr) -> str:
        return _expr(child, class_name)

    if isinstance(node, ast.Constant):
        value = node.value
        if value is True:
            return "true"
        if value is False:
            return "false"
        if value is None:
            return "null"
        if isinstance(value, int):
            return str(value)
        if isinstance(value, str):
            return _string(value)
        raise TranslationError(f"constant {value!r}")
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        if isinstance(node.value, ast.Name) and node.value.id == "self":
            return f"this.{_js_name(node.attr)}"
        if isinstance(node.value, ast.Name) and node.value.id == class_name:
            return f"{class_name}.{_js_name(node.attr)}"
        raise TranslationError(f"attribute {ast.dump(node)}")
    if isinstance(node, ast.Call):
        if node.keywords:
            raise TranslationError("keyword arguments")
        args = ", ".join(sub(a) for a in node.args)
        if isinstance(node.func, ast.Name) and node.func.id == "len" and len(node.args) == 1:
            return f"{sub(node.args[0])}.length"
        if isinstance(node.func, ast.Attribute):
            return f"{sub(node.func)}({args})"
        raise TranslationError(f"call {ast.dump(node.func)}")
    if isinstance(node, ast.Compare):
        if len(node.ops) != 1:
            raise TranslationError("chained comparison")
        op = _COMPARE.get(type(node.ops[0]))
        if op is None:
            raise TranslationError(f"comparison {node.ops[0]!r}")
        return f"({sub(node.left)} {op} {sub(node.comparators[0])})"
    if isinstance(node, ast.BoolOp):
        op = " && " if isinstance(node.op, ast.And) else " || "
        return "(" + op.join(sub(v) for v in node.values) + ")"
    if isinstance(node, ast.UnaryOp):
        if isinstance(node.op, ast.Not):
            return f"!({sub(node.operand)})"
        if isinstance(node.op, ast.USub):
            return f"(-{sub(node.operand)})"
        raise TranslationError(f"unary {node.op!r}")
    if isinstance(node, ast.BinOp):
        op = _BINARY.get(type(node.op))
        if op is None:
            raise TranslationError(f"operator {node.op!r}")
        return f"({sub(node.left)} {op} {sub(node.right)})"
    if isinstance(node, ast.Subscript):
        if isinstance(node.slice, ast.Slice):
            raise TranslationError("slice")
        return f"{sub(node.value)}[{sub(node.slice)}]"
    raise TranslationError(f"expression {type(node).__name__}")


def _table_value(node: ast.expr, class_name: str) -> str:
    """A class attribute: a set of letters, or a list of ``Among(...)``."""
    if isinstance(node, ast.Set):
        return "new Set([" + ", ".join(_expr(e, class_name) for e in node.elts) + "])"
    if isinstance(node, ast.List):
        rows = []
        for elt in node.elts:
            if not (isinstance(elt, ast.Call) and isinstance(elt.func, ast.Name) and elt.func.id == "Among"):
                raise TranslationError("list of something else than Among")
            args = [_expr(a, class_name) for a in elt.args]
            if len(args) == 4:
                method = elt.args[3]
                if not (isinstance(method, ast.Attribute) and isinstance(method.value, ast.Name)):
                    raise TranslationError("Among method")
                args[3] = f"{class_name}.prototype.{_js_name(method.attr)}"
            rows.append("  new Among(" + ", ".join(args) + ")")
        return "[\n" + ",\n".join(rows) + "\n]"
    raise TranslationError(f"class attribute {type(node).__name__}")


def translate(source: str, class_name: str) -> str:
    """JavaScript for the Snowball stemmer class *class_name* found in *source*."""
    module = ast.parse(source)
    classes = [n for n in module.body if isinstance(n, ast.ClassDef) and n.name == class_name]
    if len(classes) != 1:
        raise TranslationError(f"class {class_name} not found")
    cls = classes[0]
    fields: list[str] = []
    statics: list[str] = []
    methods: list[str] = []
    for node in cls.body:
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            continue  # docstring
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            name = node.targets[0].id
            if isinstance(node.value, ast.Constant) and type(node.value.value) in (int, bool):
                fields.append(f"  this.{name} = {_expr(node.value, class_name)};")
            else:
                statics.append(f"{class_name}.{name} = {_table_value(node.value, class_name)};")
            continue
        if isinstance(node, ast.FunctionDef):
            methods.append(_Method(class_name, node).render())
            continue
        raise TranslationError(f"class body: {type(node).__name__}")
    parts = [
        f"function {class_name}() {{",
        "  BaseStemmer.call(this);",
        *fields,
        "}",
        f"{class_name}.prototype = Object.create(BaseStemmer.prototype);",
        f"{class_name}.prototype.constructor = {class_name};",
        *statics,
        *methods,
    ]
    return "\n".join(parts)


def snowball_version() -> str:
    """``snowballstemmer <package version> (Snowball <compiler version>)``."""
    source = inspect.getsource(snowballstemmer.french_stemmer)
    match = re.search(r"Generated from \S+ by Snowball ([\w.]+)", source)
    compiler = match.group(1) if match else "?"
    package = importlib.metadata.version("snowballstemmer")
    return f"snowballstemmer {package} (Snowball {compiler})"


def french_stemmer_js() -> str:
    """The runtime plus ``FrenchStemmer``, as JavaScript statements (no wrapper)."""
    source = inspect.getsource(snowballstemmer.french_stemmer)
    return BASE_STEMMER_JS + "\n\n" + translate(source, "FrenchStemmer")
