"""Label selectors in profile files (`label:` and `label-box:`, parsers/profiles/FORMAT.md)."""
from __future__ import annotations

import lxml.html
import pytest

from govnews.parsers.doc import page_scope
from govnews.parsers.profile import compile_selector

PAGE = lxml.html.fromstring(
    "<html><body>"
    "<div id='side'><p id='other'>Lượt xem nhiều nhất</p></div>"
    "<td id='views'>Số lượt người xem: 122</td>"
    "<p id='caps'>LƯỢT XEM: 5</p>"
    "<div id='box'><div id='label'><b>SỐ LƯỢT TRUY CẬP</b></div>"
    "<span>0</span><span>1</span><span>2</span><span>3</span><span>4</span></div>"
    "<div id='tail'><i>icon</i>Lượt đọc: 99</div>"
    "</body></html>")


def _ids(selector: str) -> list[str]:
    with page_scope():
        return [el.get("id") or el.tag for el in compile_selector(selector)(PAGE)]


def test_a_label_selector_finds_elements_whose_first_text_holds_a_label_as_written():
    assert _ids("label: lượt người xem | lượt xem") == ["views"]    # not "Lượt xem", not "LƯỢT"
    assert _ids("label: Lượt xem") == ["other"]


def test_a_label_box_selector_finds_the_counter_widget_around_a_label_in_any_case():
    # the <b> holds the label; its box is the nearest element with five spans
    assert _ids("label-box: lượt truy cập") == ["box"]


def test_an_element_without_text_of_its_own_is_read_by_its_first_tail():
    assert _ids("label: Lượt đọc") == ["tail"]


def test_a_label_selector_without_labels_is_refused():
    with pytest.raises(ValueError, match="at least one label"):
        compile_selector("label: | ")
