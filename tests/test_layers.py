"""The package's layers, read from its imports: data flows one way, and no module needs one
above it (nor, through others, itself)."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "analysis"
#: Lowest first: a module may import from its own layer and those below it.
LAYERS = [
    ("lang", "model", "errors"),
    ("matching",),
    ("reading",),
    ("extraction",),
    ("checks", "evaluate"),
    ("presentation",),
    ("run", "__main__"),
]


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(p for p in parts if p != "__init__")


def layer(module: str) -> int:
    top = module.split(".")[0]
    return next(index for index, names in enumerate(LAYERS) if top in names)


def imports(path: Path) -> set[str]:
    """The modules of the package that ``path`` imports, anywhere in it (inside functions too)."""
    here = module_name(path).split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package[: len(package) - node.level + 1] if node.level > 1 else package
            target = ".".join([*base, node.module] if node.module else base)
            names = [f"{target}.{alias.name}" if target else alias.name for alias in node.names]
            found |= {n for n in names if (PACKAGE / (n.replace(".", "/") + ".py")).exists()} or {target}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("analysis."):
            found.add(node.module.removeprefix("analysis."))
    return {f for f in found if f}


def graph() -> dict[str, set[str]]:
    return {module_name(p): imports(p) for p in PACKAGE.rglob("*.py") if module_name(p)}


def test_every_module_has_a_layer():
    assert all(layer(module) is not None for module in graph())


def test_no_module_imports_from_a_higher_layer():
    upward = [(module, target) for module, targets in graph().items() for target in targets if layer(target) > layer(module)]
    assert upward == []


def test_no_circle_of_imports():
    edges = graph()
    circles = []

    def visit(module, path):
        for target in sorted(edges.get(module, ())):
            if target in path:
                circles.append(path[path.index(target):] + [target])
            elif len(path) < 12:
                visit(target, path + [target])

    for module in sorted(edges):
        visit(module, [module])
    assert circles == []
