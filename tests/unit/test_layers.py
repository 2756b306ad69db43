"""The layering holds: ``lint-imports`` (import-linter, contracts in .importlinter) passes on the tree, so
`make test` fails when a change breaks a contract: simulators importing streamlit, plotly or ui, ui importing
pages, an import between areas against the layer order, or an import cycle between sibling modules.

Shown to fail: with a module simulators/compare/_layers_probe.py holding ``import plotly`` and one
simulators/post/_layers_probe.py holding ``from simulators.borger import portal``, test_import_contracts_are_kept
failed, naming both broken contracts and the offending lines ("simulators is not allowed to import plotly",
"simulators.post is not allowed to import simulators.borger"); with the two files removed it passed again. The
second test keeps showing it for each contract on its own, on a copy of the packages with one forbidden import
added, so a contract that quietly stops seeing anything (say a typo in a module name) fails too.
"""
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"  # the venv's, next to the Python running the tests


FORBIDDEN = {  # contract id in .importlinter -> (module, an import that breaks that contract alone)
    "pure-domain": ("simulators/core/paths.py", "import plotly.graph_objects"),
    "ui-not-pages": ("ui/shell/guards.py", "import pages.welcome"),
    "domain-areas": ("simulators/compare/headlines.py", "from simulators.borger import portal"),
    "ui-areas": ("ui/compare/view.py", "from ui.booth import kiosk"),
    "acyclic": ("ui/booth/presenter_persona.py", "from ui.booth import tour_panel"),
}


def lint_imports(cwd: Path, *contracts: str) -> subprocess.CompletedProcess:
    only = [arg for contract in contracts for arg in ("--contract", contract)]
    return subprocess.run([str(LINT_IMPORTS), "--no-cache", "--no-logo", *only], cwd=cwd, capture_output=True,
                          text=True, timeout=120)


def test_import_contracts_are_kept():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(FORBIDDEN)} kept, 0 broken" in result.stdout, result.stdout


def test_each_contract_catches_a_forbidden_import(tmp_path):
    for contract, (module, line) in FORBIDDEN.items():
        tree = tmp_path / contract
        for package in ("simulators", "ui"):
            shutil.copytree(ROOT / package, tree / package, ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copy(ROOT / ".importlinter", tree)
        assert lint_imports(tree, contract).returncode == 0, contract
        with open(tree / module, "a", encoding="utf-8") as file:
            file.write(line + "\n")
        result = lint_imports(tree, contract)
        assert result.returncode != 0 and "0 kept, 1 broken" in result.stdout, (contract, result.stdout)
