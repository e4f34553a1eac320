"""The sixth new user's walk, left over: an option a command does not know ('govnews export --bogus
DIR') printed the top level's usage ('govnews [-h] [--version] COMMAND ...'), which lists no option
at all. It prints the command's usage, naming the option it did not know, exit 2."""
from __future__ import annotations

import pytest

from govnews.scraper.cli import EXIT_USAGE, main


@pytest.mark.parametrize("argv, command", [
    (["export", "--bogus", "data"], "export"),
    (["report", "data", "--colour"], "report"),
    (["harvest", "-c", "sites.toml", "--dryrun"], "harvest"),
])
def test_unknown_option_shows_the_command_usage(argv, command, capsys):
    with pytest.raises(SystemExit) as stop:
        main(argv)
    err = capsys.readouterr().err
    assert stop.value.code == EXIT_USAGE
    assert err.startswith(f"usage: govnews {command} ")
    unknown = [a for a in argv if a.startswith("--")]
    assert f"govnews {command}: error: unrecognized arguments: {unknown[0]}" in err


def test_unknown_option_before_any_command_is_the_top_level_error(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["--bogus"])
    assert stop.value.code == EXIT_USAGE
    assert capsys.readouterr().err.startswith("usage: govnews [-h]")
