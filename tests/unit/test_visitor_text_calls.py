"""The wrong way to show visitor text is hard (issue #17): in every module that shows what a visitor typed — the
persona card and the rest of ui/shell, ui/borger, ui/post and their pages — nothing read from a value that carries
visitor text may go into a Markdown-rendering Streamlit call (``st.markdown``, ``st.caption``,
``st.error``/``info``/``warning``/``success``, ``st.write``, ``st.title``/``header``/``subheader``, ``st.toast``,
and widget labels, which Streamlit renders as Markdown too) unless it passed through ``ui.shell.safe_text``
(``md``, ``code``, ``md_params``) or a helper in ``BARRIERS`` that does so itself (``layout.text`` escapes the
params it formats; locale formatting returns numbers and dates).

Values that carry visitor text are the names in ``CARRIERS`` (the persona after a move, a flow's answers, a
letter's view, a submission, Mit Overblik's cases and payments, a search query, message params …), local names
assigned from them, and the results of ``UNESCAPED`` helpers (``layout.authority_name``, ``layout.plain_text``,
``folder_name`` …). A catalog key (``t``'s first argument) is looked up, not shown, so it may come from anywhere;
``t``'s params are checked.

Seen failing on main before the fix (this file run against main's files): 15 calls in 7 modules — the persona
card (name, age, address, municipality, user ID, household), Mit Overblik (household, doctor, case and payment
lines), the receipt's letter lines, the borger.dk form's checkbox option labels, the compose form's error params,
the Digital Post toast's sender, and borger.dk's "Welcome, {name}". The checker trusts ``layout.text``; that it
escapes (on main it did not: the library's "no title matches" echo) is checked at run time by
tests/app/test_text_safety.py.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHECKED = sorted([*ROOT.glob("ui/shell/*.py"), *ROOT.glob("ui/borger/*.py"), *ROOT.glob("ui/post/*.py"),
                  *(ROOT / "pages" / name for name in ("welcome.py", "borger.py", "selfservice.py", "overblik.py",
                                                        "digital_post.py"))])
# Streamlit calls that render their text argument as Markdown: name -> (positional index, keyword)
SINKS = {name: (0, "body") for name in ("markdown", "caption", "error", "info", "warning", "success", "write",
                                        "title", "header", "subheader", "toast")}
SINKS.update({name: (0, "label") for name in ("button", "download_button", "link_button", "checkbox", "toggle",
                                              "radio", "selectbox", "text_input", "text_area", "number_input",
                                              "date_input", "expander", "popover", "form_submit_button")})
SINKS["page_link"] = (None, "label")
RECEIVERS_NOT_STREAMLIT = {"log", "logger", "logging", "warnings", "errors", "result", "outcome"}
# names that carry visitor text (or a dict/list holding some) in the checked modules
CARRIERS = {"persona", "answers", "view", "original", "submission", "case", "pay", "letter", "rendered", "upload",
            "member", "doctor", "folder", "query", "params", "reason_params", "note", "values"}
# helpers that return such text unescaped (for st.html / plain elements)
UNESCAPED = {"authority_name", "plain_text", "shown", "folder_name", "option_label", "sender_name", "plain",
             "html_text", "str", "repr", "format", "format_params"}
# helpers whose result is safe in Markdown whatever went in
BARRIERS = {"md", "code", "md_params", "escape_markdown", "text", "number", "money", "percent", "date", "datetime",
            "time", "len", "int", "float", "round", "opened_at", "folder_label", "bool", "hint"}
TRANSLATE = {"t", "tn", "translate", "translate_plural"}


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        inner = _name(func.value)
        return f"{inner}.{func.attr}" if inner else func.attr
    return ""


def _short(func: ast.expr) -> str:
    return _name(func).rsplit(".", 1)[-1]


class Checker:
    """``tainted(expr, scope)``: does ``expr`` show something read from a carrier without a barrier?"""

    def tainted(self, node: ast.AST | None, scope: ast.AST, seen: frozenset = frozenset()) -> bool:
        if node is None or isinstance(node, ast.Constant):
            return False
        if isinstance(node, ast.Call):
            short = _short(node.func)
            if short in BARRIERS and not (short == "text" and _name(node.func) not in ("layout.text", "text")):
                return False
            if short in TRANSLATE:  # the key is looked up; its params are shown
                return any(self.tainted(k.value, scope, seen) for k in node.keywords) or \
                    any(self.tainted(a, scope, seen) for a in node.args[1 + (short in ("translate", "tn")):]
                        if short != "tn")
            if short == "option_label" and any(k.arg == "markdown" and isinstance(k.value, ast.Constant) and
                                               k.value.value is True for k in node.keywords):
                return False  # layout.option_label(option, markdown=True) escapes
            if short in UNESCAPED:
                return True
            return any(self.tainted(child, scope, seen) for child in [node.func, *node.args,
                                                                     *(k.value for k in node.keywords)])
        if isinstance(node, ast.Name):
            return self.tainted_name(node.id, scope, seen)
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id.isupper():
            return False  # a module constant's entry (NOTE_ICONS[kind]): the index chooses, it is not shown
        if isinstance(node, ast.IfExp):  # the condition decides, it is not shown
            return self.tainted(node.body, scope, seen) or self.tainted(node.orelse, scope, seen)
        if isinstance(node, (ast.Compare, ast.UnaryOp)) and not isinstance(getattr(node, "op", None), ast.USub):
            return False  # a comparison or "not x" shows True/False
        return any(self.tainted(child, scope, seen) for child in ast.iter_child_nodes(node)
                   if isinstance(child, ast.expr))

    def tainted_name(self, name: str, scope: ast.AST, seen: frozenset) -> bool:
        if name in CARRIERS:
            return True
        if name in seen:
            return False
        for node in ast.walk(scope):
            if isinstance(node, ast.Assign) and any(name in {n.id for n in ast.walk(t) if isinstance(n, ast.Name)}
                                                    for t in node.targets):
                if self.tainted(node.value, scope, seen | {name}):
                    return True
            elif isinstance(node, (ast.AnnAssign, ast.AugAssign, ast.NamedExpr)) and \
                    isinstance(node.target, ast.Name) and node.target.id == name:
                if self.tainted(node.value, scope, seen | {name}):
                    return True
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                    node.func.attr in ("append", "extend", "insert") and isinstance(node.func.value, ast.Name) and \
                    node.func.value.id == name:
                if any(self.tainted(a, scope, seen | {name}) for a in node.args):
                    return True
            elif isinstance(node, (ast.For, ast.comprehension)) and name in {
                    n.id for n in ast.walk(node.target) if isinstance(n, ast.Name)}:
                if self.tainted(node.iter, scope, seen | {name}):
                    return True
        return False


def problems(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    checker = Checker()
    modules = {alias.asname or alias.name.split(".")[0] for node in ast.walk(tree)
               if isinstance(node, (ast.Import, ast.ImportFrom)) for alias in node.names} - {"st"}
    found = []

    def visit(node: ast.AST, scope: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            inner = child if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)) else scope
            if isinstance(child, ast.Call) and isinstance(child.func, ast.Attribute) and child.func.attr in SINKS:
                receiver = _name(child.func.value).split(".")[0]
                if receiver not in RECEIVERS_NOT_STREAMLIT and receiver not in modules:
                    index, keyword = SINKS[child.func.attr]
                    args = ([child.args[index]] if index is not None and len(child.args) > index else []) + \
                        [k.value for k in child.keywords if k.arg == keyword]
                    for arg in args:
                        if checker.tainted(arg, scope):
                            found.append(f"{path.relative_to(ROOT)}:{child.lineno}: {ast.unparse(arg)[:100]}")
            visit(child, inner)

    visit(tree, tree)
    return found


def test_the_checked_modules_exist():
    assert len(CHECKED) >= 20 and all(path.exists() for path in CHECKED)


@pytest.mark.parametrize("path", CHECKED, ids=lambda p: str(p.relative_to(ROOT)))
def test_markdown_calls_get_only_safe_text(path):
    found = problems(path)
    assert not found, "visitor text may reach Markdown unescaped (wrap it in ui.shell.safe_text.md):\n" + \
        "\n".join(found)


def test_the_checker_catches_the_wrong_way():
    tree = ast.parse('''
def card(persona, view):
    st.markdown(f"**{t('persona.address')}:** {persona['address_line1']}")
    st.error(t("flow.library.err.no_match", query=view["query"]))
    label = persona["full_name"]
    cols[0].button(label)
    notes = [layout.authority_name("kommune", persona)]
    st.caption(" · ".join(notes))
def fine(persona, position):
    st.markdown(f"**{t('persona.address')}:** {md(persona['address_line1'])}")
    st.error(t("x.y", **md_params({"a": persona["a"]})))
    notes = []
    notes.append(f"📚 {t('a.b', step=position + 1)}")
    st.caption(" · ".join(notes))
    st.info(layout.text(persona["key"], persona.get("params")))
''')
    checker = Checker()
    bad, good = tree.body
    calls = lambda fn: [c for c in ast.walk(fn) if isinstance(c, ast.Call) and isinstance(c.func, ast.Attribute)
                        and c.func.attr in SINKS]  # noqa: E731
    assert [c.lineno for c in calls(bad) if checker.tainted(c.args[0], bad)] == [3, 4, 6, 8]
    assert not [c.lineno for c in calls(good) if checker.tainted(c.args[0], good)]
