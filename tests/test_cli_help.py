"""Every command explains itself: `--help` works and carries an Example block."""

from __future__ import annotations

import pytest
import typer.main
from typer.testing import CliRunner

from claimdesk.cli import app

runner = CliRunner()
COMMANDS = sorted(typer.main.get_command(app).commands)


def test_the_contract_commands_exist() -> None:
    assert {"audit", "ingest", "corroborate", "ledger", "report", "serve", "stats", "batch", "load"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_help_has_an_example(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example" in result.output


def test_unknown_command_is_a_usage_error() -> None:
    result = runner.invoke(app, ["frobnicate"])
    assert result.exit_code == 2
