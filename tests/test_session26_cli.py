"""What the sixth new user's walk found: `stories -o` into a folder that does not exist, and
`report -o` onto a folder or into a place that cannot be written, were internal errors (exit 70,
a crash file in the dataset's logs/). Each is now made (a missing folder) or refused in one line,
exit 2, before any work."""
from __future__ import annotations

import pytest

from govnews.output.store import Store
from govnews.scraper.cli import EXIT_OK, EXIT_USAGE, main


def _run(argv, capsys) -> tuple[int, str]:
    rc = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return rc, captured.out + captured.err


@pytest.fixture
def dataset(tmp_path):
    with Store.open(tmp_path / "data"):
        pass
    return tmp_path / "data"


@pytest.mark.parametrize("command, name", [(["report"], "r.html"), (["stories", "--min-sites", "1"], "s.csv")])
def test_output_file_in_a_missing_folder_is_made(dataset, tmp_path, capsys, command, name):
    out = tmp_path / "new" / "deeper" / name
    rc, text = _run([command[0], dataset, *command[1:], "-o", out], capsys)
    assert rc == EXIT_OK, text
    assert out.is_file()


@pytest.mark.parametrize("command", [["report"], ["stories", "--min-sites", "1"]])
def test_output_onto_a_folder_is_one_line_exit_2(dataset, tmp_path, capsys, command):
    folder = tmp_path / "reports.csv"
    folder.mkdir()
    rc, text = _run([command[0], dataset, *command[1:], "-o", folder], capsys)
    assert rc == EXIT_USAGE, text
    assert len(text.strip().splitlines()) == 1 and "a folder" in text
    assert not list(folder.iterdir()) and not (dataset / "logs").exists()


def test_output_where_nothing_can_be_written_is_one_line_exit_2(dataset, tmp_path, capsys):
    target = tmp_path / "ro"
    target.mkdir()
    target.chmod(0o555)
    try:

        probe = target / "probe"
        try:                           # (root writes anyway: /proc refuses everyone)
            probe.write_text("")
            probe.unlink()
            out = "/proc/govnews-report.html"
        except OSError:
            out = target / "r.html"
        rc, text = _run(["report", dataset, "-o", out], capsys)
    finally:
        target.chmod(0o755)
    assert rc == EXIT_USAGE, text
    assert len(text.strip().splitlines()) == 1 and "cannot write there" in text
    assert not (dataset / "logs").exists() or not any((dataset / "logs").glob("*.crash.txt"))

