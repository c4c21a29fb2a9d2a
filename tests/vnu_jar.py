"""Fetch the Nu HTML Checker (vnu.jar) that package-lock.json pins, without Node.

`make test` runs this so that neither README command needs npm: the jar comes from the npm
registry's tarball of the `vnu-jar` package, checked against the lock file's sha512 integrity.
Usage: python tests/vnu_jar.py TARGET.jar
"""

import base64
import hashlib
import io
import json
import sys
import tarfile
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REGISTRY = "https://registry.npmjs.org"
JAR_IN_PACKAGE = "package/build/dist/vnu.jar"


def pinned() -> tuple[str, str]:
    """The tarball URL and sha512 integrity string of the locked vnu-jar."""
    lock = json.loads((ROOT / "package-lock.json").read_text())
    entry = lock["packages"]["node_modules/vnu-jar"]
    url = entry.get("resolved") or f"{REGISTRY}/vnu-jar/-/vnu-jar-{entry['version']}.tgz"
    return url, entry["integrity"]


def download(url: str, integrity: str) -> bytes:
    algorithm, _, expected = integrity.partition("-")
    if algorithm != "sha512":
        raise SystemExit(f"vnu-jar: onverwachte integriteit {algorithm!r} in package-lock.json")
    if not url.startswith("https://"):
        raise SystemExit(f"vnu-jar: alleen https, niet {url}")
    with urllib.request.urlopen(url, timeout=120) as response:  # nosec B310 - https only, checked above
        data = response.read()
    if base64.b64encode(hashlib.sha512(data).digest()).decode() != expected:
        raise SystemExit(f"vnu-jar: {url} komt niet overeen met package-lock.json")
    return data


def main(target: Path) -> None:
    url, integrity = pinned()
    with tarfile.open(fileobj=io.BytesIO(download(url, integrity)), mode="r:gz") as tar:
        member = tar.extractfile(JAR_IN_PACKAGE)
        if member is None:
            raise SystemExit(f"vnu-jar: {JAR_IN_PACKAGE} ontbreekt in {url}")
        partial = target.with_suffix(".part")
        partial.write_bytes(member.read())
    partial.replace(target)
    print(f"vnu.jar opgehaald uit {url}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
