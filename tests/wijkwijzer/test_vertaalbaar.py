"""Messages people read go through gettext (issue 21, point 5): an exception raised with a bare
string literal in a business-rule module would reach a resident untranslatable."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# The modules whose errors reach people: business rules, read paths and importers.
MODULES = sorted(
    path
    for pattern in ("services", "selectors", "importer", "geo", "grenzen")
    # A module, or a package of modules per part (kennisbank.services, kennisbank.selectors).
    for glob in (f"**/{pattern}.py", f"**/{pattern}/*.py")
    for path in ROOT.glob(glob)
    if not any(
        part.startswith(".") or part in ("node_modules", "tests")
        for part in path.relative_to(ROOT).parts
    )
)


def _letterlijk(node: ast.expr) -> bool:
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.BinOp):
        return _letterlijk(node.left) or _letterlijk(node.right)
    return False


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_raised_messages_are_translatable(path):
    bare = [
        f"{path.relative_to(ROOT)}:{node.lineno}"
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.Raise)
        and isinstance(node.exc, ast.Call)
        and any(_letterlijk(argument) for argument in node.exc.args)
    ]
    assert bare == []
