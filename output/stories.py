"""Stories: the same text carried by several portals, found by near-duplicate detection.

A province's press release is republished by its departments, districts, communes and the party
newspaper, hours or days later, re-headlined, its lead trimmed, a paragraph cut or added, with
another signature ("Theo Báo Bạc Liêu"). A *story* is a cluster of articles whose bodies are
near-duplicates, across every site of a dataset and across runs; every article belongs to one
(most to a story of one).

How two bodies are compared (`StorySettings`, defaults chosen by `bench/stories.py`):

- the body is normalised (`normalise_body`): HTML entities a portal left in the text decoded,
  Unicode NFC, the signature and source lines at its start and end ("Theo Báo Bạc Liêu",
  "Nguồn: Cổng TTĐT tỉnh", "Tin, ảnh: Hoàng Anh", a bare name) and a dateline ("(BL-CL) - ")
  removed, lower-cased; punctuation is dropped when it is cut into words (`body_words`), numbers
  keep their inner separators ("10/3/2025", "4,5" are one word each);
- its shingles are the runs of `shingle_words` consecutive words (a body shorter than
  `min_words` has one shingle: its whole text with its headline, so it joins only an exact
  re-post under the same headline);
- two articles are near-duplicates when the Jaccard similarity of their shingle sets, as the
  MinHash signatures (`datasketch`, `num_perm` permutations) estimate it, is at least
  `threshold`. Jaccard, not containment: a listing teaser (the lead of a long article) is
  wholly contained in the article but shares a small part of its shingles, so it stays out;
  a copy with a paragraph cut or added keeps most of them;
- unless they are pages of one template: next week's "Lịch công tác tuần" or next month's
  meeting notice share most of their text (Jaccard up to 0.9) but fill in other dates, times,
  figures and names after the same words, which a copy never does. Two texts with
  `max_slot_conflicts` such phrases (`slot_contexts`) are not near-duplicates.

Stories are the connected components of the near-duplicate graph. Candidate pairs come from
MinHash LSH (the signature cut into `bands` of `rows`: datasketch MinHashLSH's optimum for the
threshold, a missed pair weighing nine times a needless comparison; 42 bands of 3 by default):
two articles are compared when they share a band. Each edge depends only on the two bodies, so
adding articles run by run gives the same stories as clustering them all at once.

The index lives in the dataset's SQLite database, beside the records (tables `stories`,
`story_signatures`, `story_buckets`, `story_edges`, `story_meta`, `story_runs`):
`update_stories(store, run_id)` adds what a run fetched, new or changed, at a cost that follows
the run, not the dataset; `rebuild_stories(store)` clusters everything from scratch.

A story's id is the smallest article_id among its members (the same whatever order the articles
came in; it changes only when stories merge or split). Its origin is the member published first
(`origin_key`; ties: the one whose source line names no other publisher), and each member's lag
is the hours from the origin's publication to its own.
"""
from __future__ import annotations

import hashlib
import html
import json
import os
import re
import sqlite3
import unicodedata
import zlib
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Mapping, Sequence

import numpy as np

if TYPE_CHECKING:
    import pandas as pd

    from .dataset import Dataset
    from .store import Store

__all__ = [
    "StorySettings", "DEFAULT_SETTINGS", "StoriesError", "StoriesResult", "StoryDoc", "StoryIndex",
    "normalise_body", "clean_paragraphs", "body_words", "paragraph_tokens", "fold_tones", "slot_contexts",
    "slot_conflicts", "slot_array", "array_conflicts", "shingle_hashes", "signature", "estimated_jaccard",
    "exact_jaccard", "Fingerprint", "fingerprint", "edge_similarity", "body_similarity", "same_story",
    "bucket_keys", "Member", "origin_key",
    "origin_of", "lag_hours", "iter_story_rows", "lsh_bands",
    "update_stories", "rebuild_stories", "attach_story_ids", "read_story_members", "story_members",
    "stories_table", "stories_of_members", "story_spread", "spread_of_members", "has_story_ids",
    "STORIES_COLUMNS", "STORY_TABLE_COLUMNS", "REBUILD_BATCH",
]


class StoriesError(ValueError):
    """Stories cannot be computed or read: bad settings, or a dataset without them."""


# -- settings --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class StorySettings:
    """How near two bodies must be to be one story (see the module docstring).

    `threshold`: estimated Jaccard similarity of the shingle sets at or above which two articles
    are near-duplicates (so a teaser shorter than this share of its article never joins it).
    `max_slot_conflicts`: two texts that print different dates, figures or names after (or
    before) the same words in this many places are pages of one template (next week's
    schedule, next month's notice), never copies, however similar (`slot_contexts`). `shingle_words`: words per shingle.
    `tone_insensitive`: compare words without their tone marks and hats ("quảng" = "quang").
    `min_words`: a body of fewer words joins only an exact re-post (same text and headline).
    `num_perm`: MinHash permutations, `seed` their seed. `lsh_miss_weight`: how much more a
    missed pair weighs than a needless comparison when datasketch chooses the LSH bands.
    Changing any of them makes `update_stories` rebuild the index once.
    """

    threshold: float = 0.4
    max_slot_conflicts: int = 2
    shingle_words: int = 5
    tone_insensitive: bool = False
    min_words: int = 25
    num_perm: int = 128
    seed: int = 1
    lsh_miss_weight: float = 0.9

    def __post_init__(self) -> None:
        problems = []
        if not 0.0 < self.threshold <= 1.0:
            problems.append(f"threshold must be in (0, 1], got {self.threshold!r}")
        if not 0.0 < self.lsh_miss_weight < 1.0:
            problems.append(f"lsh_miss_weight must be in (0, 1), got {self.lsh_miss_weight!r}")
        if not 1 <= self.max_slot_conflicts <= 1000:
            problems.append(f"max_slot_conflicts must be 1 to 1000, got {self.max_slot_conflicts!r}")
        if not 1 <= self.shingle_words <= 20:
            problems.append(f"shingle_words must be 1 to 20, got {self.shingle_words!r}")
        if not 0 <= self.min_words <= 10_000:
            problems.append(f"min_words must be 0 to 10000, got {self.min_words!r}")
        if not 16 <= self.num_perm <= 1024:
            problems.append(f"num_perm must be 16 to 1024, got {self.num_perm!r}")
        if problems:
            raise StoriesError("; ".join(problems))

    @property
    def bands(self) -> int:
        return lsh_bands(self.threshold, self.num_perm, self.lsh_miss_weight)[0]

    @property
    def rows(self) -> int:
        return lsh_bands(self.threshold, self.num_perm, self.lsh_miss_weight)[1]

    def key(self) -> str:
        """The settings as one JSON string (kept with the index: a change means a rebuild)."""
        return json.dumps({**asdict(self), "normaliser": NORMALISER_VERSION}, sort_keys=True)


NORMALISER_VERSION = 4
DEFAULT_SETTINGS = StorySettings()


# datasketch MinHashLSH's choice for the default settings, known beforehand: asking it imports
# datasketch and SciPy (0.6 s of CPU in every process that updates stories) to integrate what
# never changes. tests/test_stories.py checks every entry against datasketch.
KNOWN_BANDS = {(0.4, 128, 0.9): (42, 3)}


@lru_cache(maxsize=32)
def lsh_bands(threshold: float, num_perm: int, miss_weight: float = 0.9) -> tuple[int, int]:
    """(bands, rows per band): datasketch MinHashLSH's choice for `threshold`, weighing a missed
    pair `miss_weight` and a needless candidate 1 - `miss_weight`."""
    known = KNOWN_BANDS.get((threshold, num_perm, miss_weight))
    if known is not None:
        return known
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm, weights=(1.0 - miss_weight, miss_weight))
    return int(lsh.b), int(lsh.r)


# -- normalising a body ----------------------------------------------------------------------------

_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_PARAGRAPHS = re.compile(r"\s*\n\s*")
_SOURCE_LINE = re.compile(r"^\(?\s*(?:nguồn tin|nguồn|source)\s*[:：]", re.I)
_THEO_LINE = re.compile(r"^\(?\s*theo\s+(\S)", re.I)
_ROLE_LINE = re.compile(
    r"^\(?\s*(?:tác giả|bài và ảnh|bài, ảnh|bài/ảnh|bài - ảnh|tin và ảnh|tin, ảnh|tin/ảnh|tin - ảnh|"
    r"tin ảnh|bài ảnh|ảnh|tin|bài|người viết|phóng viên|biên tập|thực hiện|nhóm pv|pv|ctv)\s*[:：]", re.I)
_DATELINE = re.compile(r"^(?:\([^()\n]{1,40}\)|[A-ZĐ][A-ZĐ0-9.\-]{1,15}|[\w-]+\.vn)\s*[-–—]+\s+")
_SIGNATURE_WORDS = 12
_NAME_WORDS = 6
_ABBREVIATIONS = frozenset({"PV", "BBT", "CTV", "TTXVN", "VP", "TH", "BTV", "PV-CTV", "TTXVN/VNA"})
_WORD = re.compile(r"\d+(?:[.,/:]\d+)*|[^\W\d_]+")
_LEADING_ZEROS = re.compile(r"(?<![\w.,:])0+(?=\d)|(?<=/)0+(?=\d)")  # "04/08" -> "4/8", not "2.000"


def normalise_body(body: str | None, tone_insensitive: bool = False) -> str:
    """The body as compared: entities decoded, NFC, signature/source lines and dateline removed,
    lower-case, paragraphs joined by newlines (punctuation is dropped later, by `body_words`).

        >>> normalise_body("(BL-CL) - Sáng nay, UBND tỉnh họp.\\n\\nTheo Báo Bạc Liêu")
        'sáng nay, ubnd tỉnh họp.'
    """
    return "\n".join(clean_paragraphs(body, tone_insensitive)).casefold()


def clean_paragraphs(body: str | None, tone_insensitive: bool = False) -> list[str]:
    """`normalise_body` before lower-casing: the paragraphs, their case kept."""
    if not body:
        return []
    text = _INVISIBLE.sub(" ", unicodedata.normalize("NFC", html.unescape(body) if "&" in body else body))
    paragraphs = [" ".join(p.split()) for p in _PARAGRAPHS.split(text)]
    paragraphs = _without_signatures([p for p in paragraphs if p])
    if paragraphs:
        paragraphs[0] = _DATELINE.sub("", paragraphs[0], count=1)
    return [fold_tones(p) for p in paragraphs] if tone_insensitive else paragraphs


def _without_signatures(paragraphs: list[str]) -> list[str]:
    """Drop signature and source lines at both ends (the last ones may be a bare name), unless
    nothing else is left."""
    start, end = 0, len(paragraphs)
    while start < end and _is_source_or_role(paragraphs[start]):
        start += 1
    while end > start and (_is_source_or_role(paragraphs[end - 1]) or _is_name(paragraphs[end - 1])):
        end -= 1
    return paragraphs[start:end] or paragraphs  # a body of nothing else is its own text


def _is_source_or_role(text: str) -> bool:
    if len(text.split()) > _SIGNATURE_WORDS:
        return False
    if _SOURCE_LINE.match(text) or _ROLE_LINE.match(text):
        return True
    theo = _THEO_LINE.match(text)
    return bool(theo) and theo.group(1).isupper() and "," not in text


def _is_name(text: str) -> bool:
    """A signature: a few capitalised words ("Minh Hải", "Hoàng Anh - Thu Hà") or "PV"."""
    core = text.strip(" .()")
    if core.upper() in _ABBREVIATIONS:
        return True
    words = [w for w in re.split(r"[\s,\-–&/]+", core) if w]
    if not 1 <= len(words) <= _NAME_WORDS or any(ch.isdigit() for ch in core):
        return False
    return all(w[0].isupper() and (w[1:].islower() or w.isupper() or len(w) == 1) for w in words if w.isalpha()) \
        and all(w.rstrip(".").isalpha() for w in words)


def fold_tones(text: str) -> str:
    """`text` without tone marks, hats, breves and horns ("đường" -> "duong"), NFC."""
    stripped = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped.replace("đ", "d").replace("Đ", "D"))


def body_words(body: str | None, tone_insensitive: bool = False) -> list[str]:
    """The normalised body as words: letters, or digits with their inner separators (leading
    zeros dropped: "04/08/2025" is "4/8/2025"), lower-case."""
    return [w for _, words in _tokens(body, tone_insensitive) for w in words]


def paragraph_tokens(body: str | None, tone_insensitive: bool = False) -> list[list[str]]:
    """The words of each clean paragraph, their case kept."""
    return [tokens for tokens, _ in _tokens(body, tone_insensitive)]


def _tokens(body: str | None, tone_insensitive: bool) -> list[tuple[list[str], list[str]]]:
    """Each clean paragraph's words, with their case and lower-case."""
    found = []
    for paragraph in clean_paragraphs(body, tone_insensitive):
        if _may_have_leading_zeros(paragraph):
            paragraph = _LEADING_ZEROS.sub("", paragraph)
        tokens = _WORD.findall(paragraph)
        words = " ".join(tokens).casefold().split(" ") if tokens else []
        found.append((tokens, words))
    return found


def _may_have_leading_zeros(text: str) -> bool:
    return text[:1] == "0" or any(mark in text for mark in ("/0", " 0", "(0", "-0", ":0"))


# -- the blanks of a template: dates, figures, names in their phrases ------------------------------

_EDGE = "\u00b6"  # a paragraph's start or end, in a phrase
_SLOT_WIDTH = 2


def _slots(tokens: Sequence[str], words: Sequence[str],
           width: int = _SLOT_WIDTH) -> Iterator[tuple[tuple[str, ...], str]]:
    """(phrase, slot) for each slot of a paragraph, seen from its left and from its right: a
    number, or a run of capitalised words that does not open the paragraph (a name)."""
    padded = [_EDGE] * width + list(words) + [_EDGE] * width
    i, n = 0, len(tokens)
    while i < n:
        first = tokens[i][0]
        if "0" <= first <= "9":
            end = i + 1
        elif i and first.isupper():
            end = i + 1
            while end < n and tokens[end][0].isupper():
                end += 1
        else:
            i += 1
            continue
        value = " ".join(words[i:end])
        left, right = padded[i:i + width], padded[end + width:end + 2 * width]
        # at a paragraph's edge the missing side is named by the phrase on the other side
        yield (("L", *left) if left[-1] != _EDGE else ("L" + _EDGE, *right)), value
        yield (("R", *right) if right[0] != _EDGE else ("R" + _EDGE, *left)), value
        i = end


def slot_contexts(paragraphs: Sequence[Sequence[str]]) -> dict[tuple[str, ...], frozenset[str]]:
    """Each phrase that a *slot* follows or precedes within its paragraph, with the slots found
    there. A slot is what a template's pages fill in differently: a number (a date, a time, a
    figure) or a run of capitalised words inside a paragraph (a name). Lower-case:

        {("L", "tháng", "ngày"): {"10/3/2025"}, ("L", "dân", "ông"): {"nguyễn văn thanh"}, ...}

    A slot at a paragraph's start or end has its missing side named by the phrase on its other
    side ("R¶"), so that every slot filled in differently shows twice. `paragraphs`: each
    paragraph's words with their case (`paragraph_tokens`)."""
    found: dict[tuple[str, ...], set[str]] = {}
    for tokens in paragraphs:
        for key, value in _slots(tokens, [t.casefold() for t in tokens]):
            found.setdefault(key, set()).add(value)
    return {k: frozenset(v) for k, v in found.items()}


def slot_conflicts(a: Mapping[Any, frozenset], b: Mapping[Any, frozenset]) -> int:
    """How many phrases both texts have where they fill in different slots: a copy keeps its
    dates, figures and names; two pages of one template (next week's schedule, next month's
    notice) differ exactly there."""
    if len(a) > len(b):
        a, b = b, a
    return sum(1 for key, values in a.items() if key in b and not values & b[key])


def slot_array(paragraphs: Sequence[tuple[Sequence[str], Sequence[str]]]) -> np.ndarray:
    """`slot_contexts` as the index keeps it: sorted distinct uint64 values, the phrase's CRC-32
    in the high half and the slot's in the low half. `paragraphs`: (tokens, lower-case words)."""
    crc = zlib.crc32
    values = {(crc("\x1f".join(key).encode("utf-8")) << 32) | crc(value.encode("utf-8"))
              for tokens, words in paragraphs for key, value in _slots(tokens, words)}
    return np.array(sorted(values), dtype=np.uint64)


def array_conflicts(a: np.ndarray, b: np.ndarray) -> int:
    """`slot_conflicts` of two `slot_array`s: phrases in both with no slot in common."""
    if not len(a) or not len(b):
        return 0
    shift = np.uint64(32)
    common = np.intersect1d(np.unique(a >> shift), np.unique(b >> shift), assume_unique=True)
    if not len(common):
        return 0
    agreeing = np.unique(np.intersect1d(a, b, assume_unique=True) >> shift)
    return len(common) - len(agreeing)


# -- shingles and signatures -----------------------------------------------------------------------

_MASK64 = (1 << 64) - 1
# odd 64-bit multipliers, one per word position in a shingle (fixed: they are part of the index)
_POSITION_WEIGHTS = np.array(
    [int.from_bytes(hashlib.blake2b(f"shingle-position-{i}".encode(), digest_size=8).digest(), "big") | 1
     for i in range(20)], dtype=np.uint64)


_WORD_HASHES: dict[str, int] = {}
_WORD_HASHES_MAX = 1 << 20


def _word_hash(word: str) -> int:
    """A stable 64-bit hash of a word (blake2b), remembered for the next million words."""
    value = _WORD_HASHES.get(word)
    if value is None:
        if len(_WORD_HASHES) >= _WORD_HASHES_MAX:
            _WORD_HASHES.clear()
        value = _WORD_HASHES[word] = int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(),
                                                    "big")
    return value


def _mix64(values: np.ndarray) -> np.ndarray:
    """A 64-bit finaliser (MurmurHash3's fmix64), element-wise; wraps as uint64 arithmetic."""
    values = values ^ (values >> np.uint64(33))
    values = values * np.uint64(0xFF51AFD7ED558CCD)
    values = values ^ (values >> np.uint64(33))
    values = values * np.uint64(0xC4CEB9FE1A85EC53)
    return values ^ (values >> np.uint64(33))


def shingle_hashes(words: Sequence[str], shingle_words: int) -> np.ndarray:
    """The distinct 32-bit hashes (uint32, sorted) of the runs of `shingle_words` consecutive
    `words`; fewer words than that give one hash of them all, no words an empty array."""
    if not words:
        return np.zeros(0, dtype=np.uint32)
    hashed = np.array([_WORD_HASHES.get(w) or _word_hash(w) for w in words], dtype=np.uint64)
    k = min(shingle_words, len(hashed), len(_POSITION_WEIGHTS))
    count = len(hashed) - k + 1
    total = np.full(count, k, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for i in range(k):
            total += hashed[i:i + count] * _POSITION_WEIGHTS[i]
        mixed = _mix64(total)
    return np.unique((mixed >> np.uint64(32)).astype(np.uint32))


@lru_cache(maxsize=8)
def _permutations(num_perm: int, seed: int) -> np.ndarray:
    """datasketch's MinHash permutations (a, b) for `num_perm` and `seed` (scheme affine32),
    drawn as datasketch draws them (`MinHash._init_permutations`: an odd 32-bit a, any 32-bit
    b, from numpy's RandomState(seed)) without importing datasketch and SciPy for it;
    tests/test_stories.py checks them against datasketch's."""
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return np.array([a, b])


def _fmix32(values: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finaliser, the pre-mix of datasketch's affine32 scheme."""
    values = values ^ (values >> np.uint32(16))
    values = values * np.uint32(0x85EBCA6B)
    values = values ^ (values >> np.uint32(13))
    values = values * np.uint32(0xC2B2AE35)
    return values ^ (values >> np.uint32(16))


def signature(hashes: np.ndarray, settings: StorySettings = DEFAULT_SETTINGS) -> np.ndarray:
    """The MinHash signature of a set of 32-bit shingle hashes (uint32): datasketch's
    `MinHash(num_perm, seed, scheme="affine32")` updated with them, computed in one numpy step
    instead of a Python call per shingle (the tests check the two agree)."""
    a, b = _permutations(settings.num_perm, settings.seed)
    if not len(hashes):
        return np.full(settings.num_perm, np.iinfo(np.uint32).max, dtype=np.uint32)
    with np.errstate(over="ignore"):
        mixed = _fmix32(hashes.astype(np.uint32, copy=False)).reshape(-1, 1)
        return (mixed * a + b).min(axis=0)


def estimated_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """The Jaccard similarity two MinHash signatures estimate (as datasketch's MinHash.jaccard)."""
    return float(np.count_nonzero(a == b)) / float(len(a))


def exact_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """The exact Jaccard similarity of two shingle-hash sets (for benchmarks and tests)."""
    if not len(a) and not len(b):
        return 0.0
    inter = len(np.intersect1d(a, b, assume_unique=True))
    return inter / (len(a) + len(b) - inter)


# -- an article's fingerprint and the edge rule ----------------------------------------------------

@dataclass(frozen=True)
class Fingerprint:
    """What the index keeps of an article's text: its MinHash signature and its slots
    (`slot_array`)."""

    signature: np.ndarray
    slots: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.uint64))


def _whole_hash(words: Sequence[str]) -> np.ndarray:
    digest = hashlib.blake2b("\x1f".join(words).encode("utf-8"), digest_size=4).digest()
    return np.array([int.from_bytes(digest, "big")], dtype=np.uint32)


def doc_shingles(headline: str | None, body: str | None, settings: StorySettings = DEFAULT_SETTINGS) -> np.ndarray:
    """The shingle hashes an article is compared by: its body's, or, for a body shorter than
    `min_words`, one hash of its headline and body together (so it joins only an exact re-post
    under the same headline); empty for an article without a body."""
    words = body_words(body, settings.tone_insensitive)
    if len(words) >= max(settings.min_words, 1):
        return shingle_hashes(words, settings.shingle_words)
    if not words:
        return np.zeros(0, dtype=np.uint32)
    return _whole_hash(body_words(headline, settings.tone_insensitive) + ["\x00"] + words)


def fingerprint(headline: str | None, body: str | None,
                settings: StorySettings = DEFAULT_SETTINGS) -> Fingerprint | None:
    """The fingerprint of an article (`doc_shingles`' signature and the slot phrases); None
    when its body has no words to compare."""
    paragraphs = _tokens(body, settings.tone_insensitive)
    words = [w for _, lower in paragraphs for w in lower]
    if not words:
        return None
    if len(words) >= max(settings.min_words, 1):
        shingles = shingle_hashes(words, settings.shingle_words)
    else:
        shingles = _whole_hash(body_words(headline, settings.tone_insensitive) + ["\x00"] + words)
    return Fingerprint(signature(shingles, settings), slot_array(paragraphs))


def edge_similarity(a: Fingerprint, b: Fingerprint, settings: StorySettings = DEFAULT_SETTINGS) -> float | None:
    """The estimated Jaccard similarity of two articles when they are near-duplicates (at least
    `threshold`, and fewer than `max_slot_conflicts` phrases filled in differently); None when
    they are not."""
    similarity = estimated_jaccard(a.signature, b.signature)
    if similarity < settings.threshold:
        return None
    if array_conflicts(a.slots, b.slots) >= settings.max_slot_conflicts:
        return None
    return similarity


def body_similarity(body_a: str | None, body_b: str | None, settings: StorySettings = DEFAULT_SETTINGS,
                    headline_a: str | None = None, headline_b: str | None = None) -> float:
    """The estimated Jaccard similarity of two articles' shingles (0.0 when either has no words)."""
    a, b = fingerprint(headline_a, body_a, settings), fingerprint(headline_b, body_b, settings)
    return 0.0 if a is None or b is None else estimated_jaccard(a.signature, b.signature)


def same_story(body_a: str | None, body_b: str | None, settings: StorySettings = DEFAULT_SETTINGS,
               headline_a: str | None = None, headline_b: str | None = None) -> bool:
    """Whether two articles are near-duplicates, exactly as `update_stories` decides for a pair
    the LSH index proposes.

        >>> same_story(original.body, republished.body)
        True
    """
    a, b = fingerprint(headline_a, body_a, settings), fingerprint(headline_b, body_b, settings)
    return a is not None and b is not None and edge_similarity(a, b, settings) is not None


def bucket_keys(sig: np.ndarray, settings: StorySettings = DEFAULT_SETTINGS) -> np.ndarray:
    """The LSH buckets of a signature: one signed 64-bit key per band (band number mixed in)."""
    bands, rows = settings.bands, settings.rows
    values = sig[: bands * rows].astype(np.uint64).reshape(bands, rows)
    with np.errstate(over="ignore"):
        total = np.arange(bands, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)
        for i in range(rows):
            total += values[:, i] * _POSITION_WEIGHTS[i % len(_POSITION_WEIGHTS)]
        mixed = _mix64(total)
    return mixed.view(np.int64)


# -- the origin and the lag ------------------------------------------------------------------------

@dataclass(frozen=True)
class Member:
    """What the origin rule reads of an article."""

    article_id: str
    published_at: str | None = None          # ISO 8601 with offset, as in `articles`
    published_precision: str | None = None   # "day": the page printed only the date
    source: str | None = None                # the source line's publisher, if any
    first_seen_at: str | None = None


_VN = timezone(timedelta(hours=7))
_NEVER = "9999-12-31"


def _local(published_at: str | None) -> datetime | None:
    if not published_at:
        return None
    try:
        moment = datetime.fromisoformat(published_at.strip())
    except ValueError:
        return None
    return (moment if moment.tzinfo else moment.replace(tzinfo=_VN)).astimezone(_VN)


def _utc_text(text: str | None) -> str:
    """A time as fixed-width UTC text, comparable whatever its offset notation ("Z", "+00:00")."""
    if not text:
        return _NEVER
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return text
    moment = moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")


def origin_key(member: Member, tied_days: frozenset[str] = frozenset()) -> tuple:
    """Sort key of the origin rule: the earliest publication day, then, within the day, the
    member naming no other publisher, then the earlier time, then the one govnews saw first.

    Within a day in `tied_days` (a day on which a member is dated only by the day, so its hour
    is unknown) the source rule comes before the time; otherwise the time decides first.
    Undated members come last."""
    moment = _local(member.published_at)
    day = moment.date().isoformat() if moment else _NEVER
    clock = moment.strftime("%H:%M:%S") if moment and member.published_precision != "day" else "24:00:00"
    names_source = 1 if (member.source or "").strip() else 0
    seen = _utc_text(member.first_seen_at)
    if day in tied_days:
        return (day, names_source, clock, seen, member.article_id)
    return (day, clock, names_source, seen, member.article_id)


def origin_of(members: Sequence[Member]) -> Member:
    """The origin of a story (see `origin_key`)."""
    tied = frozenset(moment.date().isoformat() for m in members
                     if m.published_precision == "day" and (moment := _local(m.published_at)) is not None)
    return min(members, key=lambda m: origin_key(m, tied))


def lag_hours(member: Member, origin: Member) -> float | None:
    """Hours from the origin's publication to the member's (never negative: a copy dated only
    by the origin's day lags 0); None when either is undated."""
    a, b = _local(origin.published_at), _local(member.published_at)
    if a is None or b is None:
        return None
    return max((b - a).total_seconds() / 3600.0, 0.0)


# -- the index on disk -----------------------------------------------------------------------------

STORIES_COLUMNS = ("story_id", "article_id", "site", "published_at", "similarity", "is_origin", "lag_hours")

STORIES_DDL = (
    "CREATE TABLE IF NOT EXISTS stories (article_id TEXT PRIMARY KEY, story_id TEXT NOT NULL, site TEXT,"
    " published_at TEXT, similarity REAL, is_origin INTEGER NOT NULL DEFAULT 0, lag_hours REAL,"
    " published_precision TEXT, source TEXT, first_seen_at TEXT, content_sha256 TEXT, doc INTEGER)",
    "CREATE INDEX IF NOT EXISTS stories_story ON stories (story_id)",
    "CREATE INDEX IF NOT EXISTS stories_doc ON stories (doc)",
    "CREATE TABLE IF NOT EXISTS story_signatures (doc INTEGER PRIMARY KEY, article_id TEXT NOT NULL,"
    " signature BLOB NOT NULL, slots BLOB NOT NULL)",
    "CREATE TABLE IF NOT EXISTS story_buckets (bucket INTEGER NOT NULL, doc INTEGER NOT NULL,"
    " PRIMARY KEY (bucket, doc)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS story_edges (a INTEGER NOT NULL, b INTEGER NOT NULL, similarity REAL NOT NULL,"
    " PRIMARY KEY (a, b)) WITHOUT ROWID",
    "CREATE INDEX IF NOT EXISTS story_edges_b ON story_edges (b)",
    "CREATE TABLE IF NOT EXISTS story_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS story_runs (run_id TEXT PRIMARY KEY)",
)
INDEX_TABLES = ("stories", "story_signatures", "story_buckets", "story_edges", "story_meta", "story_runs")
_IN_CHUNK = 500
_ARTICLE_COLUMNS = ("article_id", "site", "headline", "body", "published_at", "published_precision", "source",
                    "first_seen_at", "content_sha256")


@dataclass(frozen=True)
class StoryDoc:
    """An article as the index takes it (the fields of `articles` it reads)."""

    article_id: str
    site: str | None = None
    headline: str | None = None
    body: str | None = None
    published_at: str | None = None
    published_precision: str | None = None
    source: str | None = None
    first_seen_at: str | None = None
    content_sha256: str | None = None

    def member(self) -> Member:
        return Member(self.article_id, self.published_at, self.published_precision, self.source, self.first_seen_at)

    def text_key(self) -> str:
        """What decides whether the text changed: the content hash, or the text itself."""
        if self.content_sha256:
            return self.content_sha256
        text = f"{self.headline or ''}\n\n{self.body or ''}"
        return hashlib.sha256(unicodedata.normalize("NFC", text).encode("utf-8")).hexdigest()


@dataclass
class StoriesResult:
    """What an update did: articles looked at, (re)indexed, with metadata refreshed, removed;
    candidate pairs compared, edges found; stories rewritten; whether it rebuilt everything."""

    checked: int = 0
    indexed: int = 0
    refreshed: int = 0
    removed: int = 0
    compared: int = 0
    edges: int = 0
    stories_changed: int = 0
    rebuilt: bool = False
    seconds: float = 0.0

    def add(self, other: "StoriesResult") -> None:
        for name in ("checked", "indexed", "refreshed", "removed", "compared", "edges", "stories_changed"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def line(self) -> str:
        what = "rebuilt the story index" if self.rebuilt else "updated stories"
        return (f"{what}: {self.indexed} articles indexed, {self.edges} near-duplicate pairs, "
                f"{self.stories_changed} stories changed in {self.seconds:.1f} s")


class StoryIndex:
    """The near-duplicate index and the `stories` table, on an SQLite connection the caller
    owns (the Store's, inside its transaction, or any other: the benchmark's)."""

    def __init__(self, conn: sqlite3.Connection, settings: StorySettings = DEFAULT_SETTINGS) -> None:
        self.conn = conn
        self.settings = settings

    # -- the tables -----------------------------------------------------------------------------
    def create(self) -> None:
        for ddl in STORIES_DDL:
            self.conn.execute(ddl)

    def stored_settings(self) -> str | None:
        if not _has_table(self.conn, "story_meta"):
            return None
        row = self.conn.execute("SELECT value FROM story_meta WHERE key = 'settings'").fetchone()
        return row[0] if row else None

    def is_ready(self) -> bool:
        """True when the index was built with these settings and its last rebuild finished."""
        if self.stored_settings() != self.settings.key():
            return False
        row = self.conn.execute("SELECT value FROM story_meta WHERE key = 'state'").fetchone()
        return bool(row) and row[0] == "ready"

    def reset(self) -> None:
        """Empty every table of the index and record the settings (state "building")."""
        self.create()
        for table in INDEX_TABLES:
            self.conn.execute(f"DELETE FROM {table}")
        self.conn.executemany("INSERT OR REPLACE INTO story_meta VALUES (?, ?)",
                              [("settings", self.settings.key()), ("state", "building")])

    def mark_ready(self) -> None:
        self.conn.execute("INSERT OR REPLACE INTO story_meta VALUES ('state', 'ready')")

    # -- adding articles ------------------------------------------------------------------------
    def add(self, docs: Iterable[StoryDoc]) -> StoriesResult:
        """Index new articles and re-index changed ones (a text or a date that differs from what
        the index has); rewrite the stories they touch. Cost: the articles given, their
        candidates and the stories they join, not the size of the index."""
        result = StoriesResult()
        docs = list({d.article_id: d for d in docs}.values())
        result.checked = len(docs)
        known = self._known([d.article_id for d in docs])
        fresh, refreshed, affected = [], [], set()
        for doc in docs:
            old = known.get(doc.article_id)
            if old is None or old["content_sha256"] != doc.text_key():
                fresh.append(doc)
            elif _meta_of(doc) != _meta_of_row(old):
                refreshed.append(doc)
                affected.add(old["story_id"])
        for doc in fresh:
            old = known.get(doc.article_id)
            if old is not None:
                affected.add(old["story_id"])
                affected |= self._unindex(old)
        self._write_meta(refreshed)
        result.refreshed = len(refreshed)
        prints = {d.article_id: fingerprint(d.headline, d.body, self.settings) for d in fresh}
        docs_of = self._store_fingerprints(fresh, prints, known)
        self._write_meta(fresh, docs_of)
        result.indexed = len(fresh)
        pairs = self._candidates(docs_of, prints)
        result.compared = len(pairs)
        neighbours = self._link(pairs, docs_of, prints)
        result.edges = len(neighbours)
        affected |= self._stories_of_docs({d for pair in neighbours for d in pair})
        affected |= {d.article_id for d in fresh} | {d.article_id for d in refreshed}
        result.stories_changed = self._recluster(affected, {d.article_id for d in fresh})
        return result

    def remove(self, article_ids: Iterable[str]) -> StoriesResult:
        """Take articles out of the index (articles no longer in the dataset)."""
        result = StoriesResult()
        known = self._known(list(article_ids))
        affected: set[str] = set()
        for row in known.values():
            affected.add(row["story_id"])
            affected |= self._unindex(row)
            self.conn.execute("DELETE FROM stories WHERE article_id = ?", (row["article_id"],))
        result.removed = len(known)
        result.stories_changed = self._recluster(affected, set())
        return result

    def _known(self, article_ids: Sequence[str]) -> dict[str, dict]:
        columns = ("article_id", "story_id", "doc", "content_sha256", "site", "published_at",
                   "published_precision", "source", "first_seen_at")
        found = {}
        for chunk in _chunks(article_ids):
            sql = f"SELECT {', '.join(columns)} FROM stories WHERE article_id IN ({_marks(chunk)})"
            for row in self.conn.execute(sql, chunk):
                found[row[0]] = dict(zip(columns, row))
        return found

    def _unindex(self, row: Mapping[str, Any]) -> set[str]:
        """Remove an article's signature, buckets and edges; the stories of its old neighbours."""
        doc = row["doc"]
        if doc is None:
            return set()
        sig = self.conn.execute("SELECT signature FROM story_signatures WHERE doc = ?", (doc,)).fetchone()
        if sig is not None:
            keys = bucket_keys(np.frombuffer(sig[0], dtype=np.uint32), self.settings)
            self.conn.executemany("DELETE FROM story_buckets WHERE bucket = ? AND doc = ?",
                                  [(int(k), doc) for k in keys])
        neighbours = [r[0] for r in self.conn.execute(
            "SELECT b FROM story_edges WHERE a = ? UNION SELECT a FROM story_edges WHERE b = ?", (doc, doc))]
        self.conn.execute("DELETE FROM story_edges WHERE a = ? OR b = ?", (doc, doc))
        self.conn.execute("DELETE FROM story_signatures WHERE doc = ?", (doc,))
        self.conn.execute("UPDATE stories SET doc = NULL WHERE article_id = ?", (row["article_id"],))
        return self._stories_of_docs(set(neighbours))

    def _store_fingerprints(self, fresh: list[StoryDoc], prints: Mapping[str, Fingerprint | None],
                            known: Mapping[str, dict]) -> dict[str, int]:
        """Write the signatures of the fresh articles that have words; their doc numbers."""
        docs_of: dict[str, int] = {}
        for doc in fresh:
            print_ = prints[doc.article_id]
            if print_ is None:
                continue
            old = known.get(doc.article_id)
            number = old["doc"] if old is not None and old["doc"] is not None else None
            cursor = self.conn.execute(
                "INSERT INTO story_signatures (doc, article_id, signature, slots) VALUES (?, ?, ?, ?)",
                (number, doc.article_id, print_.signature.tobytes(), print_.slots.tobytes()))
            docs_of[doc.article_id] = number if number is not None else int(cursor.lastrowid)
        return docs_of

    def _write_meta(self, docs: Sequence[StoryDoc], docs_of: Mapping[str, int] | None = None) -> None:
        """Insert or refresh the `stories` rows of `docs` (a new one starts as its own story)."""
        if docs_of is None:
            self.conn.executemany(
                "UPDATE stories SET site = ?, published_at = ?, published_precision = ?, source = ?,"
                " first_seen_at = ? WHERE article_id = ?", [(*_meta_of(d), d.article_id) for d in docs])
            return
        rows = [(d.article_id, d.article_id, *_meta_of(d), d.text_key(), docs_of.get(d.article_id)) for d in docs]
        self.conn.executemany(
            "INSERT INTO stories (article_id, story_id, site, published_at, published_precision, source,"
            " first_seen_at, content_sha256, doc, is_origin, similarity, lag_hours)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1.0, 0.0)"
            " ON CONFLICT (article_id) DO UPDATE SET site = excluded.site, published_at = excluded.published_at,"
            " published_precision = excluded.published_precision, source = excluded.source,"
            " first_seen_at = excluded.first_seen_at, content_sha256 = excluded.content_sha256,"
            " doc = excluded.doc", rows)

    def _candidates(self, docs_of: Mapping[str, int], prints: Mapping[str, Fingerprint | None]) -> set[tuple[int, int]]:
        """Pairs (lower doc, higher doc) that share an LSH bucket: the fresh articles with each
        other and with the indexed ones; the fresh articles' buckets are then added."""
        if not docs_of:
            return set()
        keys = np.concatenate([bucket_keys(prints[a].signature, self.settings) for a in docs_of])
        owners = np.repeat(np.fromiter(docs_of.values(), dtype=np.int64, count=len(docs_of)), self.settings.bands)
        pairs = _pairs_within(keys, owners)
        self.conn.execute("CREATE TEMP TABLE IF NOT EXISTS story_batch (bucket INTEGER NOT NULL, doc INTEGER NOT NULL)")
        self.conn.execute("DELETE FROM story_batch")
        rows = list(zip(keys.tolist(), owners.tolist()))
        self.conn.executemany("INSERT INTO story_batch VALUES (?, ?)", rows)
        for new, old in self.conn.execute(
                "SELECT DISTINCT t.doc, s.doc FROM story_batch t JOIN story_buckets s ON s.bucket = t.bucket"):
            pairs.add((min(new, old), max(new, old)))
        self.conn.execute("DELETE FROM story_batch")
        self.conn.executemany("INSERT OR IGNORE INTO story_buckets (bucket, doc) VALUES (?, ?)", rows)
        return pairs

    def _link(self, pairs: set[tuple[int, int]], docs_of: Mapping[str, int],
              prints: Mapping[str, Fingerprint | None]) -> list[tuple[int, int]]:
        """Compare the candidate pairs (`edge_similarity`: the similarity of all of them at once,
        the slot phrases only of those similar enough); store and return the near-duplicates."""
        if not pairs:
            return []
        fresh = {docs_of[a]: prints[a] for a in docs_of}
        ordered = np.array(sorted(pairs), dtype=np.int64).reshape(-1, 2)
        docs = np.unique(ordered)
        stored = self.signatures([int(d) for d in docs if int(d) not in fresh])
        matrix = np.stack([fresh[d].signature if d in fresh else stored[d] for d in docs.tolist()])
        left, right = np.searchsorted(docs, ordered[:, 0]), np.searchsorted(docs, ordered[:, 1])
        similar = np.zeros(len(ordered), dtype=np.float64)
        for start in range(0, len(ordered), 50_000):
            part = slice(start, start + 50_000)
            same = np.count_nonzero(matrix[left[part]] == matrix[right[part]], axis=1)
            similar[part] = same / float(matrix.shape[1])
        passing = np.flatnonzero(similar >= self.settings.threshold)
        wanted = {int(d) for d in np.unique(ordered[passing])} - set(fresh)
        slots = {d: f.slots for d, f in fresh.items()}
        slots.update(self.slots(sorted(wanted)))
        edges = []
        for i in passing.tolist():
            a, b = int(ordered[i, 0]), int(ordered[i, 1])
            if array_conflicts(slots[a], slots[b]) < self.settings.max_slot_conflicts:
                edges.append((a, b, float(similar[i])))
        self.conn.executemany("INSERT OR REPLACE INTO story_edges (a, b, similarity) VALUES (?, ?, ?)", edges)
        return [(a, b) for a, b, _ in edges]

    def signatures(self, docs: Sequence[int]) -> dict[int, np.ndarray]:
        found = {}
        for chunk in _chunks(list(docs)):
            sql = f"SELECT doc, signature FROM story_signatures WHERE doc IN ({_marks(chunk)})"
            found.update((doc, np.frombuffer(sig, dtype=np.uint32)) for doc, sig in self.conn.execute(sql, chunk))
        return found

    def slots(self, docs: Sequence[int]) -> dict[int, np.ndarray]:
        found = {}
        for chunk in _chunks(list(docs)):
            sql = f"SELECT doc, slots FROM story_signatures WHERE doc IN ({_marks(chunk)})"
            found.update((doc, np.frombuffer(blob, dtype=np.uint64)) for doc, blob in self.conn.execute(sql, chunk))
        return found

    def _stories_of_docs(self, docs: set[int]) -> set[str]:
        found: set[str] = set()
        for chunk in _chunks(sorted(docs)):
            sql = f"SELECT DISTINCT story_id FROM stories WHERE doc IN ({_marks(chunk)})"
            found.update(r[0] for r in self.conn.execute(sql, chunk))
        return found

    # -- stories ----------------------------------------------------------------------------------
    def _recluster(self, story_ids: set[str], fresh: set[str]) -> int:
        """Recompute the connected components of the given stories' members (old stories are
        closed under edges, so this is exact) and rewrite their rows; how many stories result."""
        columns = ("article_id", "story_id", "doc", "published_at", "published_precision", "source", "first_seen_at")
        members: dict[str, dict] = {}
        for chunk in _chunks(sorted(story_ids | fresh)):
            marks = _marks(chunk)
            sql = (f"SELECT {', '.join(columns)} FROM stories WHERE story_id IN ({marks})"
                   f" OR article_id IN ({marks})")
            for row in self.conn.execute(sql, chunk + chunk):
                members[row[0]] = dict(zip(columns, row))
        if not members:
            return 0
        article_of = {m["doc"]: a for a, m in members.items() if m["doc"] is not None}
        edges = self._edges_among(set(article_of))
        components = _components(sorted(members), [(article_of[a], article_of[b]) for a, b, _ in edges])
        linked = [members[a]["doc"] for c in components if len(c) > 1 for a in c if members[a]["doc"] is not None]
        prints = self.signatures(linked)
        rows = []
        for component in components:
            story_id = component[0]
            origin = origin_of([_member_of(members[a]) for a in component])
            origin_print = prints.get(members[origin.article_id]["doc"])
            for article in component:
                row = members[article]
                own = prints.get(row["doc"])
                if article == origin.article_id:
                    similarity = 1.0
                elif own is None or origin_print is None:
                    similarity = None
                else:
                    similarity = estimated_jaccard(own, origin_print)
                rows.append((story_id, int(article == origin.article_id), similarity,
                             lag_hours(_member_of(row), origin), article))
        self.conn.executemany("UPDATE stories SET story_id = ?, is_origin = ?, similarity = ?, lag_hours = ?"
                              " WHERE article_id = ?", rows)
        return len(components)

    def _edges_among(self, docs: set[int]) -> list[tuple[int, int, float]]:
        found = set()
        ordered = sorted(docs)
        for chunk in _chunks(ordered):
            marks = _marks(chunk)
            sql = (f"SELECT a, b, similarity FROM story_edges WHERE a IN ({marks})"
                   f" UNION SELECT a, b, similarity FROM story_edges WHERE b IN ({marks})")
            found.update(self.conn.execute(sql, chunk + chunk).fetchall())
        return sorted(e for e in found if e[0] in docs and e[1] in docs)


def _member_of(row: Mapping[str, Any]) -> Member:
    return Member(row["article_id"], row["published_at"], row["published_precision"], row["source"],
                  row["first_seen_at"])


def _meta_of(doc: StoryDoc) -> tuple:
    return (doc.site, doc.published_at, doc.published_precision, doc.source, doc.first_seen_at)


def _meta_of_row(row: Mapping[str, Any]) -> tuple:
    return (row["site"], row["published_at"], row["published_precision"], row["source"], row["first_seen_at"])


def _pairs_within(keys: np.ndarray, owners: np.ndarray) -> set[tuple[int, int]]:
    """Pairs of distinct owners sharing a key (lower, higher)."""
    order = np.lexsort((owners, keys))
    keys, owners = keys[order], owners[order]
    pairs: set[tuple[int, int]] = set()
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    ends = np.r_[starts[1:], len(keys)]
    for start, end in zip(starts[ends - starts > 1].tolist(), ends[ends - starts > 1].tolist()):
        group = sorted(set(owners[start:end].tolist()))
        pairs.update((a, b) for i, a in enumerate(group) for b in group[i + 1:])
    return pairs


def _components(items: Sequence[str], edges: Iterable[tuple[str, str]]) -> list[list[str]]:
    """Connected components (union-find), each sorted, in the order of their smallest item."""
    parent = {item: item for item in items}

    def root(item: str) -> str:
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    for a, b in edges:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = {}
    for item in items:
        groups.setdefault(root(item), []).append(item)
    return sorted((sorted(g) for g in groups.values()), key=lambda g: g[0])


def _chunks(values: Sequence, size: int = _IN_CHUNK) -> Iterator[list]:
    values = list(values)
    for start in range(0, len(values), size):
        yield values[start:start + size]


def _marks(chunk: Sequence) -> str:
    return ", ".join("?" * len(chunk))


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    row = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone()
    return row is not None


# -- the dataset's stories: update and rebuild -----------------------------------------------------

BATCH = 5000            # articles per `StoryIndex.add` call in a large update
REBUILD_BATCH = 20_000  # and per transaction in a rebuild: fewer commits, fewer rewrites of the bucket index


def update_stories(store: "Store", run_id: str | None = None,
                   settings: StorySettings = DEFAULT_SETTINGS) -> StoriesResult:
    """Bring the stories up to date with the dataset; call it at the end of a harvest or reparse.

    With `run_id`: the articles that run fetched (and those of earlier runs no update has seen,
    e.g. a run killed before its update), new or changed: the cost follows the run, not the
    dataset. Without: every article whose text or date differs from what the index has, and
    articles gone from the dataset are taken out (for `reparse`, which rewrites in place).
    The first update, or one with other settings, rebuilds the index (`rebuild_stories`).
    """
    started = _clock()
    with store.transaction() as conn:
        index = StoryIndex(conn, settings)
        index.create()
        ready = index.is_ready()
    if not ready:
        return rebuild_stories(store, settings)
    result = StoriesResult()
    with store.transaction() as conn:
        index = StoryIndex(conn, settings)
        if run_id is None:
            stale = _stale_article_ids(conn)
            gone = [r[0] for r in conn.execute(
                "SELECT s.article_id FROM stories s LEFT JOIN articles a ON a.article_id = s.article_id"
                " WHERE a.article_id IS NULL")]
            runs = [r[0] for r in conn.execute("SELECT run_id FROM runs")]
            for chunk in _chunks(stale, BATCH):
                result.add(index.add(_docs_by_id(conn, chunk)))
            if gone:
                result.add(index.remove(gone))
        else:
            runs = _pending_runs(conn, run_id)
            for chunk in _chunks(runs, _IN_CHUNK):
                docs = list(_docs_where(conn, f"last_run_id IN ({_marks(chunk)})", chunk))
                for batch in _chunks(docs, BATCH):
                    result.add(index.add(batch))
        conn.executemany("INSERT OR IGNORE INTO story_runs (run_id) VALUES (?)", [(r,) for r in runs])
    result.seconds = _clock() - started
    return result


def rebuild_stories(store: "Store", settings: StorySettings = DEFAULT_SETTINGS,
                    batch: int = REBUILD_BATCH) -> StoriesResult:
    """Cluster every article of the dataset from scratch (the index emptied first), `batch`
    articles per transaction; until it finishes, `update_stories` rebuilds again."""
    started = _clock()
    result = StoriesResult(rebuilt=True)
    with store.transaction() as conn:
        StoryIndex(conn, settings).reset()
    last = 0
    while True:
        with store.transaction() as conn:
            rows = conn.execute(f"SELECT rowid, {', '.join(_ARTICLE_COLUMNS)} FROM articles WHERE rowid > ?"
                                " ORDER BY rowid LIMIT ?", (last, batch)).fetchall()
            if not rows:
                break
            last = rows[-1][0]
            result.add(StoryIndex(conn, settings).add(StoryDoc(*row[1:]) for row in rows))
    with store.transaction() as conn:
        conn.execute("INSERT OR IGNORE INTO story_runs (run_id) SELECT run_id FROM runs")
        StoryIndex(conn, settings).mark_ready()
    result.seconds = _clock() - started
    return result


def _clock() -> float:
    import time

    return time.monotonic()


def _pending_runs(conn: sqlite3.Connection, run_id: str) -> list[str]:
    """`run_id` and the finished runs no update has seen yet."""
    others = [r[0] for r in conn.execute(
        "SELECT run_id FROM runs WHERE run_id NOT IN (SELECT run_id FROM story_runs)"
        " AND (status IS NULL OR status != 'running') ORDER BY started_at, run_id")]
    return [run_id] + [r for r in others if r != run_id]


def _stale_article_ids(conn: sqlite3.Connection) -> list[str]:
    """Articles the index lacks, or has with another text, date, source or site."""
    return [r[0] for r in conn.execute(
        "SELECT a.article_id FROM articles a LEFT JOIN stories s ON s.article_id = a.article_id"
        " WHERE s.article_id IS NULL OR s.content_sha256 IS NOT a.content_sha256"
        " OR s.published_at IS NOT a.published_at OR s.published_precision IS NOT a.published_precision"
        " OR s.source IS NOT a.source OR s.site IS NOT a.site OR s.first_seen_at IS NOT a.first_seen_at"
        " ORDER BY a.rowid")]


def _docs_where(conn: sqlite3.Connection, where: str, params: Sequence) -> Iterator[StoryDoc]:
    sql = f"SELECT {', '.join(_ARTICLE_COLUMNS)} FROM articles WHERE {where} ORDER BY rowid"
    for row in conn.execute(sql, list(params)).fetchall():
        yield StoryDoc(*row)


def _docs_by_id(conn: sqlite3.Connection, article_ids: Sequence[str]) -> list[StoryDoc]:
    docs: list[StoryDoc] = []
    for chunk in _chunks(article_ids):
        docs += _docs_where(conn, f"article_id IN ({_marks(chunk)})", chunk)
    return docs


# -- reading stories into pandas -------------------------------------------------------------------

STORY_TABLE_COLUMNS = ("story_id", "articles", "sites", "site_names", "origin_article_id", "origin_site",
                       "origin_headline", "origin_url", "first_published_at", "last_published_at",
                       "lag_to_last_hours", "total_views")
STORY_FILES = ("stories.jsonl", "stories.csv", "stories.parquet")


def iter_story_rows(conn: sqlite3.Connection) -> Iterator[dict]:
    """The `stories` table as record dicts (STORIES_COLUMNS), for exports; nothing without it."""
    if not _has_table(conn, "stories"):
        return
    cursor = conn.execute(f"SELECT {', '.join(STORIES_COLUMNS)} FROM stories ORDER BY story_id, article_id")
    while batch := cursor.fetchmany(1000):
        for values in batch:
            row = dict(zip(STORIES_COLUMNS, values))
            row["is_origin"] = bool(row["is_origin"])
            yield row


def read_story_members(folder: Path | str) -> "pd.DataFrame":
    """The `stories` table of a dataset folder: one row per article (STORIES_COLUMNS), typed
    (published_at in Vietnam time, similarity and lag_hours Float64, is_origin boolean); also
    read from an exported `stories.jsonl`, `stories.csv` or `stories.parquet`. Empty when there is none."""
    return stories_frame(list(_story_rows_of(Path(folder))))


def stories_frame(rows: Sequence[Mapping]) -> "pd.DataFrame":
    """Story member rows (dicts of STORIES_COLUMNS) as the typed frame of `read_story_members`."""
    import pandas as pd

    frame = pd.DataFrame({c: [r.get(c) for r in rows] for c in STORIES_COLUMNS})
    return _typed_members(frame)


def _story_rows_of(folder: Path) -> Iterator[dict]:
    from .store import DB_NAME, connect_readonly

    db = folder / DB_NAME
    if db.is_file():
        conn = connect_readonly(db)
        try:
            yield from iter_story_rows(conn)
        finally:
            conn.close()
        return
    for name in STORY_FILES:
        path = folder / name
        if path.is_file():
            yield from _read_story_file(path)
            return


def _read_story_file(path: Path) -> Iterator[dict]:
    import csv

    if path.suffix == ".parquet":
        import pandas as pd

        frame = pd.read_parquet(path).astype(object)
        for row in frame.to_dict("records"):
            yield {k: (None if v is None or v is pd.NA or v != v else v) for k, v in row.items()}
        return

    with path.open(encoding="utf-8-sig", newline="") as handle:
        if path.suffix == ".jsonl":
            yield from (json.loads(line) for line in handle if line.strip())
        else:
            for row in csv.DictReader(handle):
                yield {k: (None if v == "" else v) for k, v in row.items()}


def _typed_members(frame: "pd.DataFrame") -> "pd.DataFrame":
    import pandas as pd

    from .schema import LOCAL_TZ

    published = pd.to_datetime(frame["published_at"], utc=True, format="ISO8601", errors="coerce")
    origin = frame["is_origin"].map(lambda v: None if v is None else str(v).lower() in ("1", "true"))
    return pd.DataFrame({
        "story_id": frame["story_id"].astype("string"),
        "article_id": frame["article_id"].astype("string"),
        "site": frame["site"].astype("string"),
        "published_at": published.dt.tz_convert(LOCAL_TZ).astype(f"datetime64[ns, {LOCAL_TZ}]"),  # (as the
        #                                                          other tables: pandas may infer µs)
        "similarity": pd.to_numeric(frame["similarity"], errors="coerce").astype("Float64"),
        "is_origin": origin.astype("boolean"),
        "lag_hours": pd.to_numeric(frame["lag_hours"], errors="coerce").astype("Float64"),
    })


def has_stories(folder: Path | str) -> bool:
    """True when the dataset folder's database holds a stories table with rows."""
    from .store import open_readonly

    db = Path(folder) / "dataset.sqlite"
    if not db.is_file():
        return False
    try:
        conn = open_readonly(db)
    except sqlite3.Error:
        return False
    try:
        found = conn.execute("SELECT name FROM sqlite_master WHERE type='table' AND name='stories'"
                             ).fetchone()
        return bool(found and conn.execute("SELECT 1 FROM stories LIMIT 1").fetchone())
    except sqlite3.Error:
        return False
    finally:
        conn.close()


def attach_story_ids(articles: "pd.DataFrame", folder: Path | str) -> "pd.DataFrame":
    """`articles` with a `story_id` column (string) from the dataset folder's `stories` table;
    <NA> for articles not indexed, and everywhere when the folder has no stories.

        >>> data = govnews.load("govnews-data")
        >>> articles = attach_story_ids(data.articles, "govnews-data")
    """
    import pandas as pd

    mapping = _story_ids(Path(folder))
    ids = [mapping.get(a) for a in articles["article_id"].astype(object).where(articles["article_id"].notna(), None)]
    return articles.assign(story_id=pd.array(ids, dtype="string"))


def _story_ids(folder: Path) -> dict[str, str]:
    """article_id -> story_id from the folder's database (or exported stories file)."""
    from .store import DB_NAME, connect_readonly

    db = folder / DB_NAME
    if not db.is_file():
        return {r["article_id"]: r["story_id"] for r in _story_rows_of(folder)}
    conn = connect_readonly(db)
    try:
        return dict(conn.execute("SELECT article_id, story_id FROM stories")) if _has_table(conn, "stories") else {}
    finally:
        conn.close()


def has_story_ids(articles: "pd.DataFrame") -> bool:
    """True when `articles` carries story ids (`attach_story_ids`, or `govnews.load`)."""
    return "story_id" in articles.columns and bool(articles["story_id"].notna().any())


def _articles_with_stories(data: "Dataset | pd.DataFrame | str | os.PathLike") -> "pd.DataFrame":
    """The articles of `data` (a Dataset, a folder, or an articles frame) with their story ids."""
    import pandas as pd

    from .dataset import Dataset, load

    if isinstance(data, (str, os.PathLike)):
        articles = load(data).articles
        if "story_id" not in articles.columns:
            articles = attach_story_ids(articles, data)
    elif isinstance(data, Dataset):
        articles = data.articles
    elif isinstance(data, pd.DataFrame):
        articles = data
    else:
        raise TypeError(f"expected a Dataset, a dataset folder or an articles DataFrame, got {type(data).__name__}")
    if not has_story_ids(articles):
        raise StoriesError("no stories in this dataset yet: `govnews stories DIR` (or update_stories) builds them")
    return articles.drop_duplicates("article_id", keep="last").dropna(subset=["story_id"])


def story_members(data: "Dataset | pd.DataFrame | str | os.PathLike") -> "pd.DataFrame":
    """One row per article with a story: story_id, article_id, site, headline, url, published_at,
    view_count, is_origin, lag_hours (the origin rule of `origin_of`), sorted by story and
    publication. `data`: a Dataset whose articles carry `story_id`, a folder, or such a frame."""
    import pandas as pd

    articles = _articles_with_stories(data)
    columns = ["story_id", "article_id", "site", "headline", "url", "published_at", "view_count"]
    frame = articles.reindex(columns=columns + ["published_precision", "source", "first_seen_at"])
    members = [Member(str(a), _iso(p), _text(pr), _text(s), _iso(f))
               for a, p, pr, s, f in zip(frame["article_id"], frame["published_at"], frame["published_precision"],
                                         frame["source"], frame["first_seen_at"])]
    by_story: dict[str, list[int]] = {}
    for i, story in enumerate(frame["story_id"].tolist()):
        by_story.setdefault(story, []).append(i)
    origin_flags = [True] * len(members)
    lags: list[float | None] = [0.0 if m.published_at else None for m in members]
    for rows in (r for r in by_story.values() if len(r) > 1):
        origin = origin_of([members[i] for i in rows])
        for i in rows:
            origin_flags[i] = members[i].article_id == origin.article_id
            lags[i] = lag_hours(members[i], origin)
    result = frame[columns].assign(is_origin=pd.array(origin_flags, dtype="boolean"),
                                   lag_hours=pd.array(lags, dtype="Float64"))
    result = result.sort_values(["story_id", "published_at", "article_id"], kind="stable", na_position="last")
    return result.reset_index(drop=True)


def _iso(value: Any) -> str | None:
    import pandas as pd

    if value is None or pd.isna(value):
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _text(value: Any) -> str | None:
    import pandas as pd

    return None if value is None or pd.isna(value) else str(value)


def stories_table(data: "Dataset | pd.DataFrame | str | os.PathLike", min_sites: int = 1) -> "pd.DataFrame":
    """One row per story carried by at least `min_sites` sites, most sites first.

    Columns: story_id, articles (members), sites (distinct sites), site_names ("a, b, c"),
    origin_article_id, origin_site, origin_headline, origin_url, first_published_at and
    last_published_at (Vietnam time), lag_to_last_hours (from the origin to the last member),
    total_views (the members' latest view counts summed; <NA> when none has one). Ties: more
    articles first, then the earlier story. `data`: a Dataset whose articles carry `story_id`
    (`govnews.load` attaches it), a dataset folder, or such an articles frame.

        >>> govnews.stories("govnews-data", min_sites=3).head()
    """
    return stories_of_members(story_members(data), min_sites)


def stories_of_members(members: "pd.DataFrame", min_sites: int = 1) -> "pd.DataFrame":
    """`stories_table` from `story_members`' frame (to compute the members once)."""
    import pandas as pd

    if min_sites < 1:
        raise StoriesError(f"min_sites must be at least 1, got {min_sites}")
    per = members.groupby("story_id", sort=False)
    origins = members[members["is_origin"].fillna(False)].drop_duplicates("story_id").set_index("story_id")
    table = pd.DataFrame({
        "articles": per.size().astype("int64"),
        "sites": per["site"].nunique().astype("int64"),
        "site_names": per["site"].agg(lambda s: ", ".join(sorted(str(v) for v in s.dropna().unique()))),
        "first_published_at": per["published_at"].min(),
        "last_published_at": per["published_at"].max(),
        "lag_to_last_hours": per["lag_hours"].max(),
        "total_views": per["view_count"].sum(min_count=1),
    })
    table = table.join(origins[["article_id", "site", "headline", "url"]].rename(columns=lambda c: f"origin_{c}"))
    table = table[table["sites"] >= min_sites].rename_axis("story_id").reset_index()
    table = table.sort_values(["sites", "articles", "first_published_at", "story_id"],
                              ascending=[False, False, True, True], kind="stable", na_position="last")
    table = table.astype({"story_id": "string", "site_names": "string", "origin_article_id": "string",
                          "origin_site": "string", "origin_headline": "string", "origin_url": "string",
                          "lag_to_last_hours": "Float64", "total_views": "Int64"})
    return table[list(STORY_TABLE_COLUMNS)].reset_index(drop=True)


def story_spread(data: "Dataset | pd.DataFrame | str | os.PathLike", story_id: str | None = None) -> "pd.DataFrame":
    """How one story spread: its members in publication order (story_id, article_id, site,
    headline, url, published_at, view_count, is_origin, lag_hours) with `sites_so_far`, the
    distinct sites carrying it by then. Default: the story carried by the most sites."""
    return spread_of_members(story_members(data), story_id)


def spread_of_members(members: "pd.DataFrame", story_id: str | None = None) -> "pd.DataFrame":
    """`story_spread` from `story_members`' frame."""
    if story_id is None:
        table = stories_of_members(members, 1)
        story_id = str(table["story_id"].iloc[0]) if len(table) else None
    rows = members[members["story_id"] == story_id].copy() if story_id is not None else members.iloc[:0].copy()
    rows = rows.sort_values(["published_at", "lag_hours", "article_id"], kind="stable", na_position="last")
    rows["sites_so_far"] = (~rows["site"].duplicated()).cumsum().astype("int64")
    return rows.reset_index(drop=True)
