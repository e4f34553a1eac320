"""Reading a WARC file when memory runs out (hostile 9's reparse under RLIMIT_AS, seen in CI): warcio
catches the decompressor's MemoryError ('Unable to allocate output buffer.'), writes it to stderr and
reads on as if the member had ended, so the reader took every record after it for damage and printed
a bare line for each. Memory running out now ends the reading as a MemoryError (the command's one
line, exit 70)."""
from __future__ import annotations

import zlib

import pytest
import warcio.bufferedreaders

from govnews.scraper.archive import iter_archived
from tests.test_archive import sample_responses, write_all


class _Failing:
    """A zlib decompressor that fails at its Nth call, as `error` says."""

    calls = 0

    def __init__(self, wbits, fail_at, error):
        self.inner, self.fail_at, self.error = zlib.decompressobj(wbits), fail_at, error

    def decompress(self, data, *args):
        type(self).calls += 1
        if type(self).calls == self.fail_at:
            raise self.error
        return self.inner.decompress(data, *args)

    def __getattr__(self, name):
        return getattr(self.inner, name)


def _failing_zlib(monkeypatch, fail_at, error):
    class _Zlib:
        MAX_WBITS = zlib.MAX_WBITS
        error = zlib.error

        @staticmethod
        def decompressobj(wbits=zlib.MAX_WBITS):
            return _Failing(wbits, fail_at, error)

    _Failing.calls = 0
    monkeypatch.setattr(warcio.bufferedreaders, "zlib", _Zlib)


def test_memory_running_out_while_reading_is_a_memory_error(tmp_path, monkeypatch, capsys):
    write_all(tmp_path, sample_responses(), run_id="r1")
    _failing_zlib(monkeypatch, 4, MemoryError("Unable to allocate output buffer."))
    with pytest.raises(MemoryError):
        list(iter_archived(tmp_path))
    assert "Unable to allocate" not in capsys.readouterr().err
