"""Where the code uses message keys: one ``ast`` walk shared by ``pybabel extract`` and the catalog test.

Message ids are keys such as ``"welcome.title"`` (``KEY_RE``). A key literal counts as *used* only in a key
position (a quoted string elsewhere, in a comment or a test, is no use):

1. a translation call: ``t(key)``, ``translate(lang, key)``, ``tr(key)`` (chart helpers), ``gettext(key)``;
   plurals ``tn(singular, plural, n)``, ``translate_plural(lang, singular, plural, n)``, ``ngettext(...)``
   (``TRANSLATION_CALLS``);
2. a keyword argument whose name is key-like (``key``, ``*_key``, ``*_keys``, ``KEY_NAMES``):
   ``Field(..., hint_key="flow.moving.door_hint")``;
3. a positional argument where the called function or dataclass (defined in this code, looked up by name)
   has a key-like parameter: ``Step("overview", "flow.moving.step_overview")`` fills ``title_key``;
4. a dict value under a key-like dict key: ``{"kind": "info", "key": "…"}``, ``{"label_key": "…"}``;
5. anywhere inside a value bound to a key-like name (``TAGLINE_KEY = "…"``, ``STATUS_KEYS = {…}``) or to a
   name in ``REGISTRIES`` — but only if that name is read somewhere in the code (a registry nobody reads
   uses nothing: that is how ``OCCUPATION_KEYS`` was found dead);
6. the message-with-params convention: a key followed by its params dict in a tuple,
   ``("flow.moving.err.max_persons", {"max": 5})``, also ``(False, reason_key, {…})`` from ``eligible``;
7. pairs whose first element is a key (``PAIR_NAMES``: ``sources=((label_key, url), …)``);
8. a function's return value: the domain returns message keys (``return "post.error.letter_unknown"``,
   ``return None, "post.error.folder_exists"``, ``return {state: key, …}.get(state, "fallback.key")``);
9. ``registry.get(code, "fallback.key")`` on a registry of rule 5.

Inside a key position, ``a if c else b`` and ``a or b`` count both branches; a name counts for the key
literals bound to it: a module-level constant (``REFERENCE_LOG_ON = "mitid.reference.log_on"``) wherever its
name is used, a local variable (``title = "a.b" if chip else "a.c"``, ``for kind, caption in (("x", "a.b"),
…)``) within its function. Keys built at run time (f-strings, concatenation) cannot be found: declare their
prefix in ``DYNAMIC_KEYS`` with the reason.

``extract_keys`` is the Babel extraction method (``locales/babel.cfg``): it yields every use with its role
(title, label, error message, …), from which ``locales/catalogs.py`` writes the translator comments, so
``messages.pot`` lists exactly the keys the code uses. ``scan()`` gives the same uses to tests.
"""
from __future__ import annotations

import ast
import re
import string
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCALES_DIR = ROOT / "locales"
CODE_PATHS = ("app.py", "pages", "ui", "simulators")  # the app's code (tests and tools use no keys)
KEY_RE = re.compile(r"^[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+$")

# name of the callable -> positions of the message ids among its positional arguments (two for plurals)
TRANSLATION_CALLS: dict[str, tuple[int, ...]] = {
    "t": (0,), "tr": (0,), "gettext": (0,), "translate": (1,),
    "tn": (0, 1), "ngettext": (0, 1), "translate_plural": (1, 2),
}
CONTAINER_CALLS = {"dict", "frozenset", "list", "set", "tuple"}  # other calls are judged by their own parameters
KEY_NAME_RE = re.compile(r"^(?:key|keys|.+_key|.+_keys|[A-Z0-9_]*KEYS?)$")
# names that hold a message key although they do not end in _key
KEY_NAMES = {
    "error": "mitid Login/Outcome/Result.error hold the message key of the refusal",
    "reference": "mitid: the key of what the visitor approves (login.start(reference=…), ui.mitid.box.header)",
}
# module-level names (not ending in KEYS) whose key literals are all keys, while the name is read somewhere
REGISTRIES = {
    "MAP_INDICATORS": "ui/compare/charts_eu.py: indicator -> (title key, axis key)",
    "DESI_DIMENSIONS": "ui/compare/charts.py: DESI dimension -> (indicator, title key)",
    "EGDI_COMPONENTS": "ui/compare/charts.py: EGDI component indicator -> label key",
    "EGOV_DIMENSIONS": "ui/compare/charts.py: eGovernment benchmark indicator -> label key",
    "OZG_BARS": "ui/compare/charts_germany.py: OZG indicator -> label key",
    "EID_SERIES": "ui/compare/charts_germany.py: eID indicator -> (label key, …)",
    "MODE_LABELS": "ui/shell/header.py: mode -> label key",
    "STEPS": "pages/welcome.py and the flows: steps with their title/text keys",
}
# names bound to sequences of pairs whose first element is a message key
PAIR_NAMES = {
    "sources": "Flow.sources: (label_key, url_or_reference) pairs shown under a flow",
    "rows": "tax statement rows (simulators/borger/flows/tax.py): (label_key, amount) pairs",
}
# keys built at run time from a prefix: prefix -> reason (every catalog key under the prefix counts as used)
DYNAMIC_KEYS: dict[str, str] = {}

# Translator comments: which part of the app a domain is, and what a key-like parameter holds.
DOMAINS: dict[str, tuple[str, tuple[str, ...]]] = {
    "core": ("app shell (welcome, about, header, persona card)",
             ("about", "banner", "civil", "guard", "header", "mode", "nav", "persona", "relation", "source",
              "welcome")),
    "population": ("synthetic population", ("population", "cpr")),
    "mitid": ("MitID login simulator", ("mitid",)),
    "borger": ("borger.dk (self-service, Mit Overblik)", ("borger", "overblik", "flow")),
    "post": ("Digital Post mailbox", ("post",)),
    "compare": ("Denmark-Germany comparison", ("compare",)),
    "booth": ("exhibition booth (tour, attract screen, dashboard)", ("booth",)),
}
ROLES = {
    "title_key": "title", "label_key": "label", "hint_key": "hint below a field", "intro_key": "introduction",
    "article_key": "article (Markdown)", "keywords_key": "search keywords, comma-separated",
    "status_key": "case status", "source_key": "source reference",
    "prefill_source_key": "register a field is pre-filled from",
    "period_key": "payment period", "note_key": "note", "notes_key": "presenter notes (Markdown)",
    "assumption_key": "assumption of the simulation", "reason_key": "reason", "key": "message",
    "error": "error message", "message_key": "error message", "reference": "what the visitor approves with MitID",
}


def domain_of(key: str) -> str:
    """The catalog (domain) a key belongs to, by its first segment."""
    head = key.split(".", 1)[0]
    for domain, (_, prefixes) in DOMAINS.items():
        if head in prefixes:
            return domain
    raise ValueError(f"message key {key!r}: no domain for prefix {head!r} (add it to locales/extract.py DOMAINS)")


def is_key(value) -> bool:
    return isinstance(value, str) and bool(KEY_RE.match(value))


def key_name(name: str | None) -> bool:
    return bool(name) and (bool(KEY_NAME_RE.match(name)) or name in KEY_NAMES)


@dataclass(frozen=True)
class Use:
    """One use of a message: ``key`` (``(singular, plural)`` for plurals) at ``path:lineno`` in ``role``."""
    key: str | tuple[str, str]
    path: str
    lineno: int
    role: str


# ---- the project: definitions and names read, needed to resolve positional arguments and registries -------
@dataclass(frozen=True)
class Project:
    params: dict[str, tuple[tuple[str, ...], ...]]  # callable name -> parameter lists (one per definition)
    constants: dict[str, tuple[str, ...]]           # module-level NAME = "a.key" -> keys
    read: frozenset[str]                            # names and attributes read anywhere


def code_files(root: Path = ROOT) -> list[Path]:
    files: list[Path] = []
    for name in CODE_PATHS:
        path = root / name
        files += [path] if path.is_file() else sorted(path.rglob("*.py"))
    return files


def _is_dataclass(node: ast.ClassDef) -> bool:
    for deco in node.decorator_list:
        target = deco.func if isinstance(deco, ast.Call) else deco
        if (isinstance(target, ast.Name) and target.id == "dataclass") or \
                (isinstance(target, ast.Attribute) and target.attr == "dataclass"):
            return True
    return any(isinstance(b, ast.Name) and b.id == "NamedTuple" for b in node.bases)


def _params(node) -> tuple[str, ...]:
    if isinstance(node, ast.ClassDef):
        if _is_dataclass(node):
            return tuple(s.target.id for s in node.body if isinstance(s, ast.AnnAssign) and
                         isinstance(s.target, ast.Name) and "ClassVar" not in ast.unparse(s.annotation))
        init = next((s for s in node.body if isinstance(s, ast.FunctionDef) and s.name == "__init__"), None)
        return _params(init)[1:] if init else ()
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        args = node.args
        return tuple(a.arg for a in args.posonlyargs + args.args)
    return ()


def project_of(trees: dict[str, ast.AST]) -> Project:
    params: dict[str, set[tuple[str, ...]]] = {}
    constants: dict[str, set[str]] = {}
    read: set[str] = set()
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
                found = _params(node)
                if isinstance(node, ast.FunctionDef) and found[:1] in (("self",), ("cls",)):
                    found = found[1:]
                params.setdefault(node.name, set()).add(found)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
                read.add(node.id)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Load):
                read.add(node.attr)
        for stmt in getattr(tree, "body", []):
            if isinstance(stmt, ast.Assign) and isinstance(stmt.value, ast.Constant) and is_key(stmt.value.value):
                for target in stmt.targets:
                    if isinstance(target, ast.Name):
                        constants.setdefault(target.id, set()).add(stmt.value.value)
    return Project({k: tuple(sorted(v)) for k, v in params.items()},
                   {k: tuple(sorted(v)) for k, v in constants.items()}, frozenset(read))


# ---- the walk ----------------------------------------------------------------------------------------------
def _name(node) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _local_bindings(function) -> dict[str, list]:
    """Names bound inside a function to values that may hold keys: ``x = …`` and ``for a, x in ((…, …), …)``."""
    bound: dict[str, list] = {}
    for node in ast.walk(function):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    bound.setdefault(target.id, []).append(node.value)
        elif isinstance(node, (ast.For, ast.comprehension)) and isinstance(node.iter, (ast.Tuple, ast.List)):
            for item in node.iter.elts:
                if isinstance(node.target, ast.Name):
                    bound.setdefault(node.target.id, []).append(item)
                elif isinstance(node.target, ast.Tuple) and isinstance(item, ast.Tuple) and \
                        len(item.elts) == len(node.target.elts):
                    for target, value in zip(node.target.elts, item.elts):
                        if isinstance(target, ast.Name):
                            bound.setdefault(target.id, []).append(value)
    return bound


class _Finder(ast.NodeVisitor):
    def __init__(self, path: str, project: Project):
        self.path, self.project = path, project
        self.uses: list[Use] = []
        self.scopes: list[dict[str, list]] = []  # local bindings of the enclosing functions

    # a value in a key position: literals, both branches of `a if c else b` / `a or b`, names bound to keys
    def keys_in(self, node, role: str, deep: bool = False, _seen: frozenset = frozenset()) -> None:
        if isinstance(node, ast.Constant):
            if is_key(node.value):
                self.uses.append(Use(node.value, self.path, node.lineno, role))
        elif isinstance(node, ast.IfExp):
            self.keys_in(node.body, role, deep, _seen)
            self.keys_in(node.orelse, role, deep, _seen)
        elif isinstance(node, ast.BoolOp):
            for value in node.values:
                self.keys_in(value, role, deep, _seen)
        elif isinstance(node, ast.Name) and node.id not in _seen and \
                any(node.id in scope for scope in self.scopes):
            scope = next(scope for scope in reversed(self.scopes) if node.id in scope)
            for value in scope[node.id]:
                self.keys_in(value, role, deep, _seen | {node.id})
        elif isinstance(node, (ast.Name, ast.Attribute)) and _name(node) in self.project.constants:
            for key in self.project.constants[_name(node)]:
                self.uses.append(Use(key, self.path, node.lineno, role))
        elif deep and isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            for element in node.elts:
                self.keys_in(element, role, deep, _seen)
        elif deep and isinstance(node, ast.Dict):
            for value in node.values:
                self.keys_in(value, role, deep, _seen)
        elif deep and isinstance(node, ast.Call) and _name(node.func) in CONTAINER_CALLS:
            for arg in [*node.args, *(k.value for k in node.keywords)]:
                self.keys_in(arg, role, deep, _seen)
        elif deep and isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp)):
            self.keys_in(node.elt, role, deep, _seen)
        elif deep and isinstance(node, ast.DictComp):
            self.keys_in(node.value, role, deep, _seen)

    def pairs_in(self, node, role: str) -> None:
        if isinstance(node, (ast.Tuple, ast.List)):
            for element in node.elts:
                if isinstance(element, ast.Tuple) and element.elts:
                    self.keys_in(element.elts[0], role)

    def visit_FunctionDef(self, node):
        self.scopes.append(_local_bindings(node))
        self.generic_visit(node)
        self.scopes.pop()

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Return(self, node):
        value = node.value
        if isinstance(value, (ast.Tuple, ast.List)):  # (False, reason_key, params), (None, error_key), [key]
            for element in value.elts:
                self.keys_in(element, "message")
        elif isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and value.func.attr == "get" \
                and isinstance(value.func.value, ast.Dict):  # {state: key, …}.get(state, fallback_key)
            self.keys_in(value.func.value, "message", deep=True)
            for arg in value.args[1:]:
                self.keys_in(arg, "message")
        elif value is not None:
            self.keys_in(value, "message")
        self.generic_visit(node)

    def visit_Call(self, node):
        name = _name(node.func)
        positions = TRANSLATION_CALLS.get(name or "")
        if positions and len(node.args) > max(positions):
            keys = [node.args[i] for i in positions]
            if len(keys) == 1:
                self.keys_in(keys[0], "text")
            elif all(isinstance(k, ast.Constant) and is_key(k.value) for k in keys):
                self.uses.append(Use((keys[0].value, keys[1].value), self.path, node.lineno, "text with plural"))
        elif name == "get" and isinstance(node.func, ast.Attribute) and len(node.args) == 2 and \
                self._registry(_name(node.func.value)):
            self.keys_in(node.args[1], "label")
        elif name in self.project.params:
            for index, arg in enumerate(node.args):
                for params in self.project.params[name]:
                    if index < len(params) and key_name(params[index]):
                        self.keys_in(arg, ROLES.get(params[index], params[index].removesuffix("_key")))
                        break
        for keyword in node.keywords:
            if keyword.arg in PAIR_NAMES:
                self.pairs_in(keyword.value, "source label")
            elif key_name(keyword.arg):
                self.keys_in(keyword.value, ROLES.get(keyword.arg, keyword.arg.removesuffix("_key")),
                             deep=keyword.arg.endswith("keys"))
        self.generic_visit(node)

    def visit_Dict(self, node):
        fields = {k.value: v for k, v in zip(node.keys, node.values) if isinstance(k, ast.Constant)}
        kind = fields.get("kind")
        for dict_key, value in fields.items():
            if not isinstance(dict_key, str):
                continue
            if dict_key in PAIR_NAMES:
                self.pairs_in(value, "source label")
            elif dict_key == "key" and isinstance(kind, ast.Constant) and isinstance(kind.value, str):
                self.keys_in(value, f"{kind.value} note" if kind.value != "rows" else "caption of a table")
            elif key_name(dict_key):
                self.keys_in(value, ROLES.get(dict_key, dict_key.removesuffix("_key")))
        self.generic_visit(node)

    def visit_Tuple(self, node):
        for element, following in zip(node.elts, node.elts[1:]):
            if isinstance(element, ast.Constant) and is_key(element.value) and (
                    isinstance(following, ast.Dict) or
                    (isinstance(following, ast.Call) and _name(following.func) == "dict")):
                self.keys_in(element, "message")
        self.generic_visit(node)

    def _registry(self, name: str | None) -> bool:
        return bool(name) and (key_name(name) or name in REGISTRIES) and name in self.project.read

    def _bound(self, targets, value):
        for target in targets:
            name = _name(target)
            if isinstance(target, ast.Subscript):
                name = _name(target.value)
            if name in PAIR_NAMES:
                self.pairs_in(value, "source label" if name == "sources" else "row label")
            elif self._registry(name):
                self.keys_in(value, f"label ({name})", deep=True)

    def visit_Assign(self, node):
        self._bound(node.targets, node.value)
        self.generic_visit(node)

    def visit_AnnAssign(self, node):
        if node.value is not None:
            self._bound([node.target], node.value)
        self.generic_visit(node)


def uses_in(source: str, path: str, project: Project) -> list[Use]:
    finder = _Finder(path, project)
    finder.visit(ast.parse(source, filename=path))
    return finder.uses


def _sources(root: Path) -> dict[Path, str]:
    found = {}
    for path in code_files(root):
        try:
            found[path] = path.read_text(encoding="utf-8")
        except FileNotFoundError:  # removed while we looked
            pass
    return found


@lru_cache(maxsize=4)
def _project_at(root: Path) -> Project:
    return project_of({str(f): ast.parse(text, filename=str(f)) for f, text in _sources(root).items()})


def scan(root: Path = ROOT) -> list[Use]:
    """Every key use in the app's code (``CODE_PATHS`` under ``root``)."""
    project = _project_at(root)
    return [use for path, text in _sources(root).items()
            for use in uses_in(text, str(path.relative_to(root)), project)]


def used_keys(uses: list[Use]) -> set[str]:
    keys: set[str] = set()
    for use in uses:
        keys.update(use.key if isinstance(use.key, tuple) else (use.key,))
    return keys


# ---- Babel ------------------------------------------------------------------------------------------------
def extract_keys(fileobj, keywords, comment_tags, options):
    """Babel extraction method (``[extractors] keys = locales.extract:extract_keys`` in locales/babel.cfg).

    Yields ``(lineno, "t", key, [role])`` and, for plurals, ``(lineno, "tn", (singular, plural), [role])``;
    ``pybabel extract`` must be given the keywords ``t`` and ``tn:1,2`` (the Makefile does). The role comment
    is turned into the full translator comment by ``locales.catalogs``.
    """
    missing = {"t", "tn"} - set(keywords)
    if missing:
        raise SystemExit(f"pybabel extract: add the keywords -k t -k tn:1,2 (missing {sorted(missing)})")
    path = Path(getattr(fileobj, "name", "<input>"))
    try:
        shown = str(path.resolve().relative_to(ROOT))
    except ValueError:
        shown = str(path)
    source = fileobj.read().decode(options.get("encoding", "utf-8"))
    for use in uses_in(source, shown, _project_at(ROOT)):
        yield use.lineno, "tn" if isinstance(use.key, tuple) else "t", use.key, [f"role: {use.role}"]


def placeholders(text: str) -> set[str]:
    """The ``str.format`` fields of a message (``{count}``, ``{name}``)."""
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}
