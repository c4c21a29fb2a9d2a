#!/bin/sh
# Runs `manage.py <command>` with the deployment's environment; used by deploy/crontab.
# In a container the environment is already set (env_file). On a host, cron starts with an
# empty environment, so this reads the same file as the systemd units
# (WIJKWIJZER_ENV_FILE, default /etc/wijkwijzer/wijkwijzer.env) when it exists.
set -eu
cd "$(dirname "$0")/.."
env_file="${WIJKWIJZER_ENV_FILE:-/etc/wijkwijzer/wijkwijzer.env}"
if [ -r "$env_file" ]; then
    set -a
    . "$env_file"
    set +a
fi
: "${DJANGO_SETTINGS_MODULE:=wijkwijzer.settings.production}"
export DJANGO_SETTINGS_MODULE
exec .venv/bin/python manage.py "$@"
