"""The deployment files in deploy/ against the code: they cannot run here (no Docker, no
systemd), so these tests check what can be checked without them. Every `manage.py` command
they name exists and accepts its arguments; `.env.example` and the settings name the same
variables; the crontab runs every periodic command of docs/operations.md with valid
schedules; the image runs as a non-root user; the compose file has its six services."""

import json
import os
import re
import shlex
import subprocess  # nosec B404: runs deploy/manage.sh of this repository
from pathlib import Path

import pytest
from django.core.management import get_commands, load_command_class

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
SETTINGS = [ROOT / "wijkwijzer/settings/base.py", ROOT / "wijkwijzer/settings/production.py"]
DEPLOY_FILES = [
    DEPLOY / "crontab",
    DEPLOY / "docker-compose.yml",
    DEPLOY / "Dockerfile",
    DEPLOY / "README.md",
    *sorted((DEPLOY / "systemd").glob("*")),
]
ENV_SPLIT = "# --- Not read by Django"
# `manage.py migrate`, `manage.sh migrate`, and compose's ["python", "manage.py", "migrate"].
COMMAND = re.compile(r"""manage\.(?:py|sh)(?:\s+|",\s*")([a-z][a-z0-9_]*)""")


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def crontab_entries() -> list[tuple[list[str], list[str]]]:
    """(five schedule fields, manage.py arguments) for every job in deploy/crontab."""
    entries = []
    for line in _text(DEPLOY / "crontab").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.split()
        assert len(fields) > 5, line
        command = shlex.split(" ".join(fields[5:]))
        assert command[0] == "/srv/wijkwijzer/deploy/manage.sh", line
        entries.append((fields[:5], command[1:]))
    return entries


def documented_periodic_commands() -> list[str]:
    """The rows of the "Periodic commands" table in docs/operations.md, as argument strings."""
    section = _text(ROOT / "docs/operations.md").split("## Periodic commands", 1)[1]
    section = section.split("\n## ", 1)[0]
    return re.findall(r"^\| `manage\.py ([^`]+)` \|", section, re.MULTILINE)


def env_example() -> tuple[dict[str, str], dict[str, str]]:
    """(variables for Django, variables for compose and gunicorn) of deploy/.env.example."""
    django_part, other_part = _text(DEPLOY / ".env.example").split(ENV_SPLIT, 1)
    other_part = other_part.split("\n", 1)[1]

    def parse(text: str) -> dict[str, str]:
        values = {}
        for line in text.splitlines():
            if line.strip() and not line.startswith("#"):
                name, value = line.split("=", 1)
                (values[name],) = shlex.split(value) or [""]
        return values

    return parse(django_part), parse(other_part)


def settings_variables() -> set[str]:
    """Every environment variable the production settings read."""
    names = set()
    for path in SETTINGS:
        source = _text(path)
        names |= set(re.findall(r"""os\.environ(?:\.get)?[(\[]\s*["'](\w+)["']""", source))
        names |= set(re.findall(r"""\benv_\w+\(\s*["'](\w+)["']""", source))
        # dj_database_url.config() reads DATABASE_URL unless told another name.
        if re.search(r"dj_database_url\.config\((?![^)]*\benv=)", source):
            names.add("DATABASE_URL")
    return names


def test_every_named_command_exists():
    commands = get_commands()
    named = {name: path.name for path in DEPLOY_FILES for name in COMMAND.findall(_text(path))}
    assert {"runmailer_pg", "migrate", "collectstatic", "publish_scheduled"} <= set(named)
    missing = {name: where for name, where in named.items() if name not in commands}
    assert not missing


def test_periodic_commands_accept_their_arguments(capsys):
    """Each crontab job's arguments parse with its command's own parser, and --help works."""
    commands = get_commands()
    for _schedule, (name, *args) in crontab_entries():
        command = load_command_class(commands[name], name)
        parser = command.create_parser("manage.py", name)
        parser.parse_args(args)  # raises CommandError on a wrong or missing argument
        command.print_help("manage.py", name)
        assert f"usage: manage.py {name}" in capsys.readouterr().out


def test_crontab_runs_every_documented_periodic_command():
    documented = documented_periodic_commands()
    scheduled = [" ".join(args) for _schedule, args in crontab_entries()]
    assert "publish_scheduled" in documented
    assert sorted(scheduled) == sorted(documented)
    # The README's cron paragraph names no command the table lacks.
    readme = _text(ROOT / "README.md")
    cron_paragraph = readme.split("From cron:", 1)[1].split("\n- ", 1)[0]
    named = set(re.findall(r"`([a-z_]+)", cron_paragraph)) & set(get_commands())
    assert named <= {args.split()[0] for args in documented}


FIELD_RANGES = [(0, 59), (0, 23), (1, 31), (1, 12), (0, 7)]


def _valid_cron_field(field: str, low: int, high: int) -> bool:
    for part in field.split(","):
        match = re.fullmatch(r"(\*|(\d+)(?:-(\d+))?)(?:/(\d+))?", part)
        if not match:
            return False
        _whole, start, end, step = match.groups()
        numbers = [int(n) for n in (start, end) if n is not None]
        if any(not low <= n <= high for n in numbers) or (step is not None and int(step) < 1):
            return False
        if len(numbers) == 2 and numbers[0] > numbers[1]:
            return False
    return True


def test_crontab_schedules_are_valid():
    entries = crontab_entries()
    assert entries
    for schedule, args in entries:
        for field, (low, high) in zip(schedule, FIELD_RANGES, strict=True):
            assert _valid_cron_field(field, low, high), (schedule, args)
    assert ["*", "*", "*", "*", "*"] in [
        schedule for schedule, args in entries if args == ["publish_scheduled"]
    ]
    assert not _valid_cron_field("60", 0, 59) and not _valid_cron_field("*/0", 0, 59)


def test_env_example_and_settings_name_the_same_variables():
    for_django, others = env_example()
    read = settings_variables()
    assert {"SECRET_KEY", "DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL"} <= read
    assert set(for_django) - {"DJANGO_SETTINGS_MODULE"} == read
    assert for_django["DJANGO_SETTINGS_MODULE"] == "wijkwijzer.settings.production"
    # Every name has a comment (directly, or for a group of names) above it.
    lines = _text(DEPLOY / ".env.example").splitlines()
    for index, line in enumerate(lines):
        if line and not line.startswith("#"):
            above = index - 1
            while lines[above] and not lines[above].startswith("#"):
                above -= 1
            assert lines[above].startswith("#"), line
    # The rest is read by compose (the db service) or gunicorn (WEB_CONCURRENCY, set in the image).
    used = _text(DEPLOY / "docker-compose.yml") + _text(DEPLOY / "Dockerfile")
    assert others and all(name in used for name in others)


def test_env_example_loads_through_manage_sh(tmp_path):
    """deploy/manage.sh reads the example file like cron would, and production settings accept
    its values: `check --deploy` passes and quoted values arrive unquoted."""
    env_file = tmp_path / "wijkwijzer.env"
    text = _text(DEPLOY / ".env.example").replace(
        "SECRET_KEY=change-me-to-a-long-random-string", "SECRET_KEY=" + "k7Qz9xWm" * 8
    )
    env_file.write_text(text, encoding="utf-8")
    code = (
        "import json; from django.conf import settings; from django.core.management import "
        "call_command; call_command('check', deploy=True, fail_level='WARNING'); "
        "print(json.dumps([settings.DEFAULT_FROM_EMAIL, settings.EMAIL_PORT, "
        "settings.ALLOWED_HOSTS]))"
    )
    # A clean environment, as cron gives (pytest's own DJANGO_* variables left out).
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env["WIJKWIJZER_ENV_FILE"] = str(env_file)
    result = subprocess.run(  # nosec B603: fixed arguments
        [str(DEPLOY / "manage.sh"), "shell", "-c", code],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    for_django, _others = env_example()
    assert json.loads(result.stdout.strip().splitlines()[-1]) == [
        for_django["DEFAULT_FROM_EMAIL"],
        int(for_django["EMAIL_PORT"]),
        for_django["ALLOWED_HOSTS"].split(","),
    ]


def test_dockerfile_runs_gunicorn_as_non_root():
    dockerfile = _text(DEPLOY / "Dockerfile")
    users = re.findall(r"^USER\s+(\S+)", dockerfile, re.MULTILINE)
    assert users and users[-1].split(":")[0] not in {"root", "0"}
    assert re.search(r"^HEALTHCHECK .*\n.*deploy/healthcheck\.py", dockerfile, re.MULTILINE)
    assert "/health/" in _text(DEPLOY / "healthcheck.py")
    assert re.search(r"^EXPOSE 8000$", dockerfile, re.MULTILINE)
    assert "collectstatic --noinput" in dockerfile and '"wijkwijzer.wsgi"' in dockerfile
    assert "requirements/base.txt" in dockerfile


def test_gunicorn_options_exist():
    """Every --option given to gunicorn in the image and the systemd unit is one it knows."""
    from gunicorn.config import KNOWN_SETTINGS

    known = {flag for setting in KNOWN_SETTINGS for flag in setting.cli or ()}
    dockerfile = _text(DEPLOY / "Dockerfile")
    cmd = dockerfile.split("\nCMD ", 1)[1]
    unit = _text(DEPLOY / "systemd/wijkwijzer-web.service").split("ExecStart=", 1)[1]
    unit = unit.split("\nExecReload", 1)[0]
    for text in (cmd, unit):
        options = set(re.findall(r"(--[a-z-]+)", text))
        assert options and options <= known, options - known


def test_compose_file_has_the_six_services():
    yaml = pytest.importorskip("yaml")
    compose = yaml.safe_load(_text(DEPLOY / "docker-compose.yml"))
    services = compose["services"]
    assert {"web", "mailer", "scheduler", "db", "elasticsearch", "redis"} <= set(services)
    assert services["db"]["image"].startswith("postgres:16")
    assert services["elasticsearch"]["image"].startswith(
        "docker.elastic.co/elasticsearch/elasticsearch:8.19."
    )
    assert services["redis"]["image"].startswith("redis:7")
    for name in ("web", "mailer", "scheduler", "migrate"):
        assert services[name]["env_file"] == ".env"
        assert services[name]["build"]["dockerfile"] == "deploy/Dockerfile"
    assert services["mailer"]["command"][-1] == "runmailer_pg"
    assert services["scheduler"]["command"][-1] == "/srv/wijkwijzer/deploy/crontab"
    assert services["elasticsearch"]["environment"]["discovery.type"] == "single-node"


def test_scripts_are_executable_and_paths_exist():
    assert os.access(DEPLOY / "manage.sh", os.X_OK)
    assert (DEPLOY / "systemd/wijkwijzer-web.service").exists()
    assert (DEPLOY / "systemd/wijkwijzer-mailer.service").exists()
    # The healthcheck script is valid Python.
    compile(_text(DEPLOY / "healthcheck.py"), "healthcheck.py", "exec")
