"""Stories: near-duplicate articles across portals, clustered by MinHash LSH, kept on disk and
updated run by run; the origin and the lags; the stories table and the report's section."""
from __future__ import annotations

import collections
import itertools
import random
import shutil
import sqlite3
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import lxml.html
import numpy as np
import pandas as pd
import pytest
from datasketch import MinHash

from govnews.fixtures.syndication import (VARIANTS, Item, article_id_of, article_record, corpus, labelled_pairs,
                                          meeting_notices, teaser_of, weekly_schedules)
from govnews.output.dataset import load
from govnews.output.report import TEXTS, build_report, report_data, report_sections
from govnews.output.store import DB_NAME, Store
from govnews.output.stories import (DEFAULT_SETTINGS, STORIES_COLUMNS, STORY_TABLE_COLUMNS, Member, StoriesError,
                                    array_conflicts,
                                    StorySettings, attach_story_ids, body_words, estimated_jaccard,
                                    fingerprint, lag_hours, normalise_body, origin_of, paragraph_tokens,
                                    read_story_members, slot_conflicts, slot_contexts,
                                    rebuild_stories, same_story, shingle_hashes, signature, stories_table,
                                    story_members, story_spread, update_stories)

EN = TEXTS["en"]


# -- helpers ---------------------------------------------------------------------------------------

def harvest(folder: Path, batches: list[list[Item]], update: bool = True) -> Path:
    """Store each batch as one run (as a harvest would) and update the stories after each."""
    with Store.open(folder) as store:
        for n, items in enumerate(batches, 1):
            run_id = f"r{n}"
            store.start_run(run_id, f"2025-06-0{n}T00:00:00Z", ["x"])
            with store.transaction():
                for item in items:
                    store.upsert_article(article_record(item, fetched_at=f"2025-06-0{n}T00:00:00Z"), run_id=run_id)
            store.finish_run({"run_id": run_id, "status": "ok"})
            if update:
                update_stories(store, run_id)
    return folder


def story_rows(folder: Path) -> pd.DataFrame:
    conn = sqlite3.connect(folder / DB_NAME)
    try:
        return pd.read_sql_query(
            "SELECT article_id, story_id, is_origin, round(similarity, 6) AS similarity,"
            " round(lag_hours, 6) AS lag_hours FROM stories ORDER BY article_id", conn)
    finally:
        conn.close()


def clusters(folder: Path) -> dict[str, str]:
    return dict(zip(story_rows(folder)["article_id"], story_rows(folder)["story_id"]))


def pairs_of(assignment: dict[str, str]) -> set[tuple[str, str]]:
    groups = collections.defaultdict(list)
    for article, story in assignment.items():
        groups[story].append(article)
    return {tuple(sorted(p)) for members in groups.values() for p in itertools.combinations(members, 2)}


def loaded(folder: Path):
    data = load(folder)
    return data._replace(articles=attach_story_ids(data.articles, folder))


@pytest.fixture(scope="module")
def items() -> list[Item]:
    return corpus()


@pytest.fixture(scope="module")
def clustered(items: list[Item], tmp_path_factory: pytest.TempPathFactory) -> Path:
    return harvest(tmp_path_factory.mktemp("stories"), [items])


# -- the text as compared --------------------------------------------------------------------------

def test_signature_source_and_dateline_lines_are_removed() -> None:
    body = ("(BL-CL) - Sáng 27/6/2018, Tổ đại biểu HĐND tỉnh tiếp xúc cử tri.\n\nCử tri kiến nghị nhiều vấn đề.\n\n"
            "Minh Hải\n\nTheo Báo Bạc Liêu")
    assert normalise_body(body) == ("sáng 27/6/2018, tổ đại biểu hđnd tỉnh tiếp xúc cử tri.\n"
                                    "cử tri kiến nghị nhiều vấn đề.")
    assert normalise_body("Nguồn: Cổng TTĐT tỉnh\n\nNội dung chính.\n\nTin, ảnh: Hoàng Anh") == "nội dung chính."
    # "Theo đó, ..." is prose, not a source line
    assert normalise_body("Mở đầu.\n\nTheo đó, các đơn vị thực hiện.") == "mở đầu.\ntheo đó, các đơn vị thực hiện."


def test_whitespace_entities_nfd_and_windows_1258_compare_equal(items: list[Item]) -> None:
    originals = {i.key: i for i in items if i.kind == "original"}
    checked = 0
    for item in items:
        if item.kind in ("whitespace", "windows_1258"):
            original = originals[item.story]
            assert body_words(item.body) == body_words(original.body), item.key
            checked += 1
    assert checked >= 40


def test_numbers_keep_their_separators_and_lose_leading_zeros() -> None:
    assert body_words("Ngày 04/08/2025, 2.000 hộ, năng suất 4,5 tấn; lúc 07 giờ.") == \
        ["ngày", "4/8/2025", "2.000", "hộ", "năng", "suất", "4,5", "tấn", "lúc", "7", "giờ"]


def test_tone_insensitive_words_drop_tones_and_hats() -> None:
    assert body_words("Đường Quảng Trị", tone_insensitive=True) == ["duong", "quang", "tri"]


def test_the_signature_is_datasketchs_minhash() -> None:
    hashes = shingle_hashes(body_words("một hai ba bốn năm sáu bảy tám chín mười mười một"), 5)
    minhash = MinHash(num_perm=128, seed=1, hashfunc=lambda v: v)  # datasketch's default scheme, affine32
    minhash.update_batch(hashes.tolist())
    assert np.array_equal(signature(hashes), minhash.hashvalues)
    other = MinHash(num_perm=128, seed=1, hashfunc=lambda v: v)
    other.update_batch(hashes[:4].tolist())
    assert estimated_jaccard(signature(hashes[:4]), signature(hashes)) == pytest.approx(minhash.jaccard(other))
    assert np.array_equal(signature(hashes[:0]), MinHash(num_perm=128, seed=1).hashvalues)


def test_known_answers_are_datasketchs() -> None:
    from datasketch import MinHashLSH
    from govnews.output.stories import KNOWN_BANDS, _permutations
    for (threshold, num_perm, miss_weight), bands in KNOWN_BANDS.items():
        lsh = MinHashLSH(threshold=threshold, num_perm=num_perm,
                         weights=(1.0 - miss_weight, miss_weight))
        assert bands == (lsh.b, lsh.r)
    for num_perm, seed in ((128, 1), (64, 7), (256, 3)):
        expected = MinHash(num_perm=num_perm, seed=seed, scheme="affine32").permutations
        assert np.array_equal(_permutations(num_perm, seed), expected)
        assert _permutations(num_perm, seed).dtype == expected.dtype


def test_settings_are_checked() -> None:
    with pytest.raises(StoriesError, match="threshold"):
        StorySettings(threshold=0)
    with pytest.raises(StoriesError, match="shingle_words"):
        StorySettings(shingle_words=0)
    assert (DEFAULT_SETTINGS.bands, DEFAULT_SETTINGS.rows) == (42, 3)


# -- pairs -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", sorted(VARIANTS))
def test_each_kind_of_copy_is_the_same_story(items: list[Item], kind: str) -> None:
    originals = {i.key: i for i in items if i.kind == "original"}
    copies = [i for i in items if i.kind == kind]
    joined = [same_story(originals[c.story].body, c.body, headline_a=originals[c.story].headline,
                         headline_b=c.headline) for c in copies]
    floor = 0.85 if kind == "combined" else 1.0  # cut, added to and re-signed at once: a few fall below
    assert len(copies) >= 10 and sum(joined) / len(joined) >= floor, (kind, sum(joined), len(joined))


def test_pages_of_one_template_are_not_the_same_story() -> None:
    rng = random.Random(5)
    for series in (weekly_schedules(rng), meeting_notices(rng)):
        for a, b in itertools.combinations(series, 2):
            assert not same_story(a.body, b.body), (a.key, b.key)


def test_meeting_notices_are_similar_texts_told_apart_by_their_dates_and_names() -> None:
    a, b = meeting_notices(random.Random(5), count=2)
    fa, fb = fingerprint(a.headline, a.body), fingerprint(b.headline, b.body)
    assert estimated_jaccard(fa.signature, fb.signature) > DEFAULT_SETTINGS.threshold  # Jaccard alone would merge them
    assert not same_story(a.body, b.body)


def test_a_notice_differing_by_one_date_or_one_name_is_another_page_of_the_template() -> None:
    template = ("UBND xã Hưng Thành thông báo tổ chức hội nghị đối thoại với nhân dân về công tác cải cách hành "
                "chính, giải quyết thủ tục hành chính trên địa bàn xã.\n\nChủ trì hội nghị: ông {name}, Chủ tịch "
                "UBND xã. Thành phần mời dự gồm đại diện Ủy ban MTTQ Việt Nam xã, các đoàn thể, trưởng các ấp và "
                "đông đảo bà con nhân dân trên địa bàn.\n\nĐề nghị các thành phần được mời đến dự đầy đủ, đúng giờ. "
                "Hội nghị diễn ra tại hội trường UBND xã vào ngày {day}")
    a = template.format(name="Nguyễn Văn Thanh", day="12/3/2025")
    b = template.format(name="Trần Quốc Bảo", day="19/3/2025")
    fa, fb = fingerprint(None, a), fingerprint(None, b)
    assert estimated_jaccard(fa.signature, fb.signature) > 0.6
    assert slot_conflicts(slot_contexts(paragraph_tokens(a)), slot_contexts(paragraph_tokens(b))) >= 2
    assert not same_story(a, b)
    assert not same_story(a, template.format(name="Nguyễn Văn Thanh", day="19/3/2025"))  # the date alone
    assert not same_story(a, template.format(name="Trần Văn Thanh", day="12/3/2025"))    # the name alone
    assert same_story(a, a + "\n\nTheo Cổng TTĐT xã")


def test_the_indexed_slots_count_conflicts_as_the_readable_ones() -> None:
    series = weekly_schedules(random.Random(3), weeks=3) + meeting_notices(random.Random(3), count=3)
    for a, b in itertools.combinations(series, 2):
        readable = slot_conflicts(slot_contexts(paragraph_tokens(a.body)), slot_contexts(paragraph_tokens(b.body)))
        indexed = array_conflicts(fingerprint(None, a.body).slots, fingerprint(None, b.body).slots)
        assert indexed == readable, (a.key, b.key)


def test_a_teaser_does_not_join_its_article(items: list[Item]) -> None:
    originals = [i for i in items if i.kind == "original" and len(i.body.split()) >= 150]
    for original in originals[:20]:
        teaser = teaser_of(original, random.Random(1))
        assert teaser.body in original.body.replace("\n\n", " ")
        assert not same_story(original.body, teaser.body, headline_a=original.headline, headline_b=teaser.headline)


def test_unrelated_articles_are_not_the_same_story(items: list[Item]) -> None:
    negatives = [(a, b) for a, b, same in labelled_pairs(items, random_negatives=300) if not same]
    assert not [(a.key, b.key) for a, b in negatives if same_story(a.body, b.body, headline_a=a.headline,
                                                                    headline_b=b.headline)]


def test_short_bodies_join_only_exact_reposts_under_the_same_headline() -> None:
    placeholder = "Xem chi tiết văn bản tại file đính kèm."
    assert same_story(placeholder, placeholder, headline_a="Quyết định 12", headline_b="Quyết định 12")
    assert not same_story(placeholder, placeholder, headline_a="Quyết định 12", headline_b="Kế hoạch 7")
    assert not same_story(None, None) and not same_story("", "")


# -- clustering the generated set ------------------------------------------------------------------

def test_copies_cluster_with_their_originals(items: list[Item], clustered: Path) -> None:
    assigned = clusters(clustered)
    truth = {article_id_of(i): i.story for i in items}
    predicted, true = pairs_of(assigned), pairs_of(truth)
    assert not predicted - true  # no false merge
    assert len(predicted & true) / len(true) >= 0.98
    by_kind = collections.Counter(i.kind for i in items
                                  if i.kind in VARIANTS and assigned[article_id_of(i)] !=
                                  assigned[article_id_of(next(o for o in items if o.key == i.story))])
    assert set(by_kind) <= {"combined"} and by_kind["combined"] <= 5, by_kind


def test_hard_negatives_stay_alone(items: list[Item], clustered: Path) -> None:
    assigned = clusters(clustered)
    sizes = collections.Counter(assigned.values())
    for item in items:
        if item.kind in ("schedule", "notice", "teaser"):
            assert sizes[assigned[article_id_of(item)]] == 1, item.key


def test_every_article_has_one_story_row(items: list[Item], clustered: Path) -> None:
    rows = story_rows(clustered)
    assert len(rows) == len(items) == rows["article_id"].nunique()
    assert (rows.groupby("story_id")["is_origin"].sum() == 1).all()
    assert (rows["story_id"] == rows.groupby("story_id")["article_id"].transform("min")).all()
    members = read_story_members(clustered)
    assert list(members.columns) == list(STORIES_COLUMNS)
    assert str(members["published_at"].dt.tz) == "Asia/Ho_Chi_Minh"
    assert members["similarity"].dtype == "Float64" and members["is_origin"].dtype == "boolean"
    assert members.loc[members["is_origin"], "similarity"].eq(1.0).all()
    copies = members[~members["is_origin"]]
    assert copies["similarity"].between(DEFAULT_SETTINGS.threshold - 0.25, 1.0).all()


def test_exact_reposts_are_one_story(tmp_path: Path, items: list[Item]) -> None:
    original = next(i for i in items if i.kind == "original")
    reposts = [replace(original, key=f"{original.key}={n}", site=site) for n, site in enumerate(("a", "b", "c"))]
    assigned = clusters(harvest(tmp_path, [[original, *reposts]]))
    assert len(set(assigned.values())) == 1


# -- incremental = all at once ---------------------------------------------------------------------

def test_two_harvests_give_the_stories_of_clustering_all_at_once(items: list[Item], clustered: Path,
                                                                 tmp_path: Path) -> None:
    rng = random.Random(7)
    shuffled = list(items)
    rng.shuffle(shuffled)
    half = len(shuffled) // 2
    folder = harvest(tmp_path / "twice", [shuffled[:half], shuffled[half:]])
    assert story_rows(folder).equals(story_rows(clustered))


def test_a_changed_article_leaves_its_story_as_a_rebuild_would(items: list[Item], tmp_path: Path) -> None:
    original = next(i for i in items if i.kind == "original")
    story = [i for i in items if i.story == original.story]
    others = [i for i in items if i.kind == "original"][1:40]
    rewritten = replace(original, paragraphs=("Nội dung hoàn toàn khác: " + " ".join(f"từ{n}" for n in range(60)),))
    folder = harvest(tmp_path / "changed", [story + others, [rewritten]])
    with Store.open(folder) as store:
        result = update_stories(store, "r2")
        assert result.indexed == 0  # the run was already taken in
    before = story_rows(folder)
    alone = before.set_index("article_id").loc[article_id_of(original), "story_id"]
    assert (before["story_id"] == alone).sum() == 1  # it left the story of its copies
    assert before[before["article_id"].isin([article_id_of(i) for i in story[1:]])]["story_id"].nunique() == 1
    copy = shutil.copytree(folder, tmp_path / "copy")
    with Store.open(copy) as store:
        assert rebuild_stories(store).rebuilt
    assert story_rows(copy).equals(before)


def test_an_update_reads_only_the_runs_articles(items: list[Item], tmp_path: Path) -> None:
    originals = [i for i in items if i.kind == "original"]
    folder = harvest(tmp_path, [originals[:100]])
    copies = [i for i in items if i.kind in VARIANTS and i.story in {o.key for o in originals[:5]}]
    with Store.open(folder) as store:
        store.start_run("r2", "2025-06-02T00:00:00Z", ["x"])
        with store.transaction():
            for item in copies:
                store.upsert_article(article_record(item), run_id="r2")
        store.finish_run({"run_id": "r2", "status": "ok"})
        result = update_stories(store, "r2")
    assert (result.checked, result.indexed, result.rebuilt) == (len(copies), len(copies), False)
    assert result.stories_changed == 5


def test_a_run_never_updated_is_caught_up(items: list[Item], tmp_path: Path) -> None:
    originals = [i for i in items if i.kind == "original"][:30]
    folder = harvest(tmp_path, [originals[:10]])
    harvest(folder, [originals[:10], originals[10:20]], update=False)  # r2 killed before its update
    with Store.open(folder) as store:
        store.start_run("r3", "2025-06-03T00:00:00Z", ["x"])
        store.upsert_article(article_record(originals[25]), run_id="r3")
        store.finish_run({"run_id": "r3", "status": "ok"})
        result = update_stories(store, "r3")
    assert result.indexed == 11
    assert len(story_rows(folder)) == 21


def test_other_settings_rebuild_the_index(items: list[Item], tmp_path: Path) -> None:
    folder = harvest(tmp_path, [[i for i in items if i.kind == "original"][:20]])
    with Store.open(folder) as store:
        assert not update_stories(store, "r1").rebuilt
        assert update_stories(store, "r1", StorySettings(threshold=0.6)).rebuilt


def test_an_update_without_a_run_refreshes_dates_and_drops_vanished_articles(items: list[Item], tmp_path: Path) -> None:
    original = next(i for i in items if i.kind == "original")
    copies = [i for i in items if i.story == original.story and i.kind != "original"]
    folder = harvest(tmp_path, [[original, *copies]])
    earlier = replace(copies[0], published=datetime(2000, 1, 1, 8, 0), precision="minute")
    with Store.open(folder) as store:  # as reparse does: rewritten in place, under the old run
        store.upsert_article(article_record(earlier), run_id="r1")
        store.conn.execute("DELETE FROM articles WHERE article_id = ?", (article_id_of(copies[-1]),))
        result = update_stories(store)
    assert (result.refreshed, result.removed, result.indexed) == (1, 1, 0)
    rows = story_rows(folder).set_index("article_id")
    assert rows.loc[article_id_of(earlier), "is_origin"] == 1
    assert article_id_of(copies[-1]) not in rows.index


# -- the origin and the lags -----------------------------------------------------------------------

def at(moment: str) -> str:
    return f"{moment}+07:00"


def test_the_origin_is_the_earliest_and_lags_count_hours_from_it() -> None:
    members = [Member("b", at("2025-03-02T10:30:00"), "minute", "Báo Bạc Liêu"),
               Member("a", at("2025-03-02T08:00:00"), "minute"),
               Member("c", at("2025-03-04T00:00:00"), "day", "Cổng TTĐT tỉnh"),
               Member("d", None)]
    origin = origin_of(members)
    assert origin.article_id == "a"
    assert [lag_hours(m, origin) for m in members] == [2.5, 0.0, 40.0, None]


def test_a_tie_goes_to_the_member_naming_no_other_publisher() -> None:
    same_minute = [Member("a", at("2025-03-02T08:00:00"), "minute", "Báo Bạc Liêu"),
                   Member("b", at("2025-03-02T08:00:00"), "minute", None)]
    assert origin_of(same_minute).article_id == "b"
    # a page dated only by the day ties with every hour of that day
    dated_by_day = [Member("a", at("2025-03-02T07:00:00"), "minute", "Theo Báo Bạc Liêu"),
                    Member("b", at("2025-03-02T00:00:00"), "day", None)]
    assert origin_of(dated_by_day).article_id == "b"
    assert lag_hours(dated_by_day[0], dated_by_day[1]) == 7.0
    # the time decides when no member of the day is dated only by the day
    assert origin_of([Member("a", at("2025-03-02T07:00:00"), "minute", "X"),
                      Member("b", at("2025-03-02T09:00:00"), "minute", None)]).article_id == "a"


def test_the_stories_table_has_the_origin_and_lags(tmp_path: Path, items: list[Item]) -> None:
    original = next(i for i in items if i.kind == "original" and len(i.paragraphs) >= 4)
    when = datetime(2025, 3, 2, 8, 0)
    base = replace(original, published=when, precision="minute", source=None, views=100)
    tie = replace(VARIANTS["resign"](base, random.Random(1)), key="tie", site="baobaclieu", published=when, views=5)
    later = replace(VARIANTS["drop_paragraph"](base, random.Random(2)), key="later", site="sotuphap",
                    published=datetime(2025, 3, 3, 14, 30), views=None)
    folder = harvest(tmp_path, [[tie, later], [base]])  # the origin arrives last
    rows = story_rows(folder).set_index("article_id")
    ids = {name: article_id_of(i) for name, i in (("base", base), ("tie", tie), ("later", later))}
    assert rows["story_id"].nunique() == 1 and rows.loc[ids["base"], "is_origin"] == 1
    assert rows.loc[ids["later"], "lag_hours"] == 30.5 and rows.loc[ids["tie"], "lag_hours"] == 0.0
    table = stories_table(folder)
    assert list(table.columns) == list(STORY_TABLE_COLUMNS)
    [story] = table.to_dict("records")
    assert story["origin_article_id"] == ids["base"] and story["origin_site"] == base.site
    assert (story["articles"], story["sites"], story["total_views"], story["lag_to_last_hours"]) == (3, 3, 105, 30.5)
    assert story["site_names"] == ", ".join(sorted({base.site, "baobaclieu", "sotuphap"}))
    spread = story_spread(folder)
    assert spread["sites_so_far"].tolist() == [1, 2, 3] and spread["article_id"].iloc[-1] == ids["later"]


def test_stories_table_filters_by_sites_and_agrees_with_the_index(clustered: Path) -> None:
    data = loaded(clustered)
    table = stories_table(data, min_sites=2)
    assert len(table) and (table["sites"] >= 2).all()
    assert table["sites"].is_monotonic_decreasing
    assert len(stories_table(data)) == data.articles["story_id"].nunique()
    assert str(table["first_published_at"].dt.tz) == "Asia/Ho_Chi_Minh" and table["total_views"].dtype == "Int64"
    index = read_story_members(clustered)
    origins = set(index.loc[index["is_origin"], "article_id"])
    assert set(story_members(data).query("is_origin")["article_id"]) == origins
    lags = story_members(data).set_index("article_id")["lag_hours"].astype(float)
    stored = index.set_index("article_id")["lag_hours"].astype(float)
    assert np.allclose(lags.loc[index["article_id"]].fillna(-1), stored.fillna(-1))
    with pytest.raises(StoriesError, match="min_sites"):
        stories_table(data, min_sites=0)


def test_a_dataset_without_stories_says_so(tmp_path: Path, items: list[Item]) -> None:
    folder = harvest(tmp_path, [[i for i in items if i.kind == "original"][:5]], update=False)
    articles = attach_story_ids(load(folder).articles, folder)
    assert articles["story_id"].isna().all() and articles["story_id"].dtype == "string"
    with pytest.raises(StoriesError, match="no stories"):
        stories_table(folder)


# -- the report --------------------------------------------------------------------------------------

def test_the_report_shows_the_stories_carried_by_the_most_portals(clustered: Path) -> None:
    data = loaded(clustered)
    numbers = report_data(data)
    assert list(numbers["stories"].columns) == list(STORY_TABLE_COLUMNS)
    page = build_report(data, lang="en")
    tree = lxml.html.document_fromstring(page.encode("utf-8"))
    [section] = tree.xpath("//section[@class='stories']")
    assert section.findtext("h2") == EN["stories_heading"] == "Stories carried by the most portals"
    assert section.xpath(".//img[starts-with(@src, 'data:image/png;base64,')]")
    rows = [[td.text_content() for td in tr.xpath("td")] for tr in section.xpath(".//tbody/tr")]
    top = numbers["stories"].head(10)
    assert [r[1] for r in rows] == top["origin_headline"].tolist()
    assert [int(r[4]) for r in rows] == top["sites"].tolist()
    headings = [h.text_content() for h in tree.xpath("//h2")]
    assert headings[-2:] == [EN["stories_heading"], EN["sites_heading"]]
    spread = next(s for s in report_sections(numbers, lang="en") if s.css == "stories")
    ax = spread.figure.axes[0]
    assert ax.get_ylabel() == EN["axis_sites_carrying"] and "after the origin" in ax.get_xlabel()


def test_the_report_says_when_no_story_spans_two_sites(tmp_path: Path, items: list[Item]) -> None:
    folder = harvest(tmp_path, [[i for i in items if i.kind == "original"][:8]])
    page = build_report(loaded(folder), lang="vi")
    tree = lxml.html.document_fromstring(page.encode("utf-8"))
    [section] = tree.xpath("//section[@class='stories']")
    assert section.xpath(".//p[@class='note']")[0].text_content() == TEXTS["vi"]["note_no_stories"]
    assert not section.xpath(".//img")


def test_the_report_has_no_stories_section_without_story_ids(tmp_path: Path, items: list[Item]) -> None:
    folder = harvest(tmp_path, [[i for i in items if i.kind == "original"][:8]], update=False)
    assert "stories" not in report_data(load(folder))
    assert 'class="stories"' not in build_report(load(folder))


# -- the demo portals republish each other's articles --------------------------------------------

def test_demo_republications_look_like_syndication() -> None:
    from govnews.fixtures.portals import all_portals
    from govnews.fixtures.syndication import REPUBLISHED_KEYS, demo_republications

    portals = all_portals(readership=False)
    by_name = {p.site_name: p for p in portals}
    copies = demo_republications()
    assert copies == demo_republications()                                        # the same in every run
    assert sum(map(len, copies.values())) >= 50 and all(copies.values())          # every portal carries some
    for platform, carried in copies.items():
        assert len({c.key for c in carried}) == len(carried)
        assert all(int(c.key) >= REPUBLISHED_KEYS for c in carried)
        for copy in carried:
            origin = by_name[copy.source]                                         # "Theo <the original portal>"
            assert origin.platform != platform
            [original] = [a for a in origin.articles()
                          if same_story("\n\n".join(origin.expected_record(a)["body"].split("\n\n")),
                                        "\n\n".join(copy.paragraphs))]
            record = origin.expected_record(original)
            assert copy.headline != record["headline"]                            # re-headlined
            assert copy.paragraphs[0] != record["body"].split("\n\n")[0]          # the lead trimmed
            assert len(copy.paragraphs[0]) < len(record["body"].split("\n\n")[0])
            hours = (copy.published - original.published).total_seconds() / 3600
            assert 2 <= hours <= 30                                               # published later
            assert copy.author == record["author"]


def test_served_demo_portals_carry_the_copies_and_their_pages_read_right() -> None:
    """The portals `govnews demo` and `serve-fixtures` serve carry the copies and link them; their
    own articles (the golden pages) stay the same; each copy's page reads as the record it was
    rendered from, source line included."""
    import html

    import requests

    from govnews.fixtures.golden import demo_base_url
    from govnews.fixtures.portals import all_portals
    from govnews.fixtures.server import PortalServer
    from govnews.parsers.extract import parse_page

    plain, served = all_portals(readership=False), all_portals(republished=True)
    for a, b in zip(plain, served):
        assert a.articles() == b.articles() and not a.carried()                   # the golden set is untouched
        assert b.carried() and b.served_articles() == b.articles() + b.carried()
        for copy in b.carried():
            assert copy.category == b.republish_category
            charset = getattr(b, "charset", "utf-8")
            url = demo_base_url(b) + b.article_path(copy)
            page = b.render_article(copy, copy.views, b.counter_start).encode(charset, "xmlcharrefreplace")
            parsed = parse_page(page, url, {"Content-Type": f"text/html; charset={charset}"})
            assert parsed.kind == "article", url
            expected = b.expected_record(copy)
            for field in ("headline", "published_at", "body", "author", "source", "view_count", "category"):
                assert getattr(parsed.article, field) == expected[field], (b.platform, copy.key, field)
    from govnews.fixtures.portals.lacviet import PAGE_SIZE, article_url, listing_url
    lacviet = next(p for p in served if p.platform == "lacviet")
    copy = lacviet.carried()[0]
    category = lacviet.republish_category
    pages = -(-len(lacviet.in_category(category)) // PAGE_SIZE)
    with PortalServer(lacviet) as server:                                        # served, and linked
        page = requests.get(server.url + lacviet.article_path(copy), timeout=10)
        assert page.status_code == 200 and copy.headline in page.text and f"Theo {copy.source}" in page.text
        listings = "".join(requests.get(server.url + listing_url(category, n), timeout=10).text
                           for n in range(1, pages + 1))
        assert html.escape(article_url(copy)) in listings


def test_the_golden_pages_never_show_the_copies(tmp_path: Path) -> None:
    """`python -m govnews.fixtures.golden` rewrites exactly the golden pages there are: the copies
    (which related lists and sidebars of the served portals link) stay out of them."""
    from govnews.fixtures.golden import GOLDEN_DIR, golden_cases, write_golden
    from govnews.fixtures.portals import all_portals

    written = sum(write_golden(portal, tmp_path) for portal in all_portals())   # as its main() does
    assert written == len(golden_cases())
    for case in golden_cases():
        for suffix in (".html", ".meta.json", ".expected.json"):
            theirs = case.with_suffix(suffix)
            assert (tmp_path / theirs.relative_to(GOLDEN_DIR)).read_bytes() == theirs.read_bytes(), theirs


def test_an_export_carries_the_stories_and_load_reads_story_ids_back(items, tmp_path):
    """`govnews export` writes stories.csv / stories.jsonl / stories.parquet beside the whole
    tables (a Parquet export no longer gets its stories as JSON Lines); load() of the export
    folder gives articles the story_id load() of the dataset gives them, and the story members
    read back with the dataset's dtypes."""
    import pandas as pd

    import govnews
    from govnews.output.stories import read_story_members
    from govnews.scraper.cli import main as cli
    folder = harvest(tmp_path / "data", [items[:60]])
    members = read_story_members(folder).sort_values("article_id", ignore_index=True)
    for fmt in ("csv", "jsonl", "parquet"):
        out = tmp_path / fmt
        assert cli(["export", str(folder), "--format", fmt, "-o", str(out)]) == 0
        assert (out / f"stories.{fmt}").is_file()
        assert sorted(p.name for p in out.glob("stories.*")) == [f"stories.{fmt}"]
        exported = govnews.load(out).articles.set_index("article_id").story_id
        original = govnews.load(folder).articles.set_index("article_id").story_id
        assert exported.notna().any()
        assert exported.sort_index().equals(original.sort_index())
        again = read_story_members(out).sort_values("article_id", ignore_index=True)
        pd.testing.assert_frame_equal(again, members)
