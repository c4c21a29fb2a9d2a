#!/usr/bin/env bash
# Times the README's commands the way a new user meets them: a fresh clone, then the set-up
# half of `make run` (everything before the server starts), a second run of it (reuse), and
# `make test`. Prints the figures; run from the repository root.
set -euo pipefail
src=$(git rev-parse --show-toplevel)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
git clone -q "$src" "$dir/wijkwijzer"
cd "$dir/wijkwijzer"

seconds() { local start=$SECONDS; "$@" >/dev/null 2>&1; echo $((SECONDS - start)); }

first=$(seconds make setup)
second=$(seconds make setup)
tests=$(seconds make test)
echo "make setup, fresh clone:  ${first} s (venv, pinned packages, migrations, demo content)"
echo "make setup, second time:  ${second} s (everything reused)"
echo "make test, after setup:   ${tests} s (test tools install, ruff, whole suite)"
