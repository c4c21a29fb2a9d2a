"""The lock files are what pyproject.toml asks for, with hashes, and installed as such."""

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PIN = re.compile(r"^([A-Za-z0-9._-]+)==([^\s;\\]+)")


def _name(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _locked(path: Path) -> dict[str, str]:
    """Package -> version of a lock file; fails when a pin has no hash."""
    pins: dict[str, str] = {}
    lines = path.read_text().splitlines()
    for number, line in enumerate(lines):
        match = PIN.match(line)
        if match:
            assert "--hash=sha256:" in lines[number + 1], f"{path.name}: {line} has no hash"
            pins[_name(match[1])] = match[2]
    return pins


def _direct(extra: str | None = None) -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = project["optional-dependencies"][extra] if extra else project["dependencies"]
    pins = {}
    for requirement in wanted:
        name, version = re.match(r"([A-Za-z0-9._-]+)(?:\[[^]]*\])?==(\S+)", requirement).groups()
        pins[_name(name)] = version
    return pins


def test_lock_files_pin_pyproject_versions_with_hashes():
    base = _locked(ROOT / "requirements" / "base.txt")
    everything = _locked(ROOT / "requirements" / "dev.txt")
    for name, version in _direct().items():
        assert base.get(name) == version, f"base.txt: {name} is not at {version}"
    for name, version in (_direct() | _direct("dev")).items():
        assert everything.get(name) == version, f"dev.txt: {name} is not at {version}"
    # The runtime set inside the full set must not drift from the runtime lock.
    assert {name: everything[name] for name in base} == base


def test_installs_require_hashes():
    makefile = (ROOT / "Makefile").read_text()
    installs = re.findall(r"pip install [^\n]*-r requirements/\S+", makefile)
    assert len(installs) == 3
    assert all("--require-hashes" in line for line in installs)
    dockerfile = (ROOT / "deploy" / "Dockerfile").read_text()
    assert "--require-hashes -r requirements/base.txt" in dockerfile
