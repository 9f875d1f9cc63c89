from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dyadic.text import clean_text
from dyadic.text.clean import remove_code
from dyadic.text.code_blobs import find_code_spans

from .conftest import EXAMPLES

PROSE_THAT_LOOKS_LIKE_CODE = [
    "The Kurdistan Workers' Party (PKK) said on Monday; however, officials disagreed.",
    "The U.S. envoy arrived at 10:30 a.m. (1430 GMT) in Ankara.",
    "Details are at https://example.com/news?id=5&x=y for readers.",
    "If (as expected) the talks fail, Russia will act.",
    "The ratio was 3 = 3, said the minister {sic}.",
    "Prices rose 5% (year-on-year) [data: Turkstat].",
    "var officials said nothing, and the document was leaked.",
]


def test_sample_002_javascript_is_removed_and_prose_kept() -> None:
    raw = (EXAMPLES / "002_4bd36c2675c24bea.txt").read_text(encoding="utf-8")
    text = clean_text(raw).text
    for marker in ("console.log", "catID", "document.", "script.src", "{", "}", "==", "vidazoo"):
        assert marker not in text
    assert "Tass News says that they may also begin joint exploration for energy in the Mediterranean." in text
    assert "Taken together, it is clear that a defense and energy alliance is growing." in text


def test_repeated_title_and_caption_kept_once() -> None:
    raw = (EXAMPLES / "004_12ef5e47841d1c78.txt").read_text(encoding="utf-8")
    text = clean_text(raw).text
    assert text.count("Russia, Turkey Could Grow Even Closer After Envoy") == 1
    assert text.count("A man identified as Mevlut Mert Altintas") == 1
    assert "Pool Photo via AP" not in text
    assert "|Updated:" not in text


def test_date_line_bio_and_trailer_removed() -> None:
    raw = (EXAMPLES / "000_9348a739f2ab2af4.txt").read_text(encoding="utf-8")
    cleaned = clean_text(raw)
    assert cleaned.published == "2022-11-17"
    assert "Eran Lerman\nAbout" not in cleaned.text
    assert "About the author" not in cleaned.text
    assert "Read more on" not in cleaned.text
    assert "Three weeks ago, the Israeli defense minister Benny Gantz visited Ankara" in cleaned.text


@pytest.mark.parametrize("prose", PROSE_THAT_LOOKS_LIKE_CODE)
def test_prose_is_not_code(prose: str) -> None:
    assert find_code_spans(prose) == []
    assert clean_text(prose).text == prose


@pytest.mark.parametrize(
    "code",
    [
        'var x = document.getElementById("a"); x.style.display = "none";',
        "function track(e) { window.dataLayer.push(e); }",
        'googletag.cmd.push(function() { googletag.display("ad-1"); });',
        ".ad-slot { display: none; } .banner > a { color: red; }",
        '{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "x"}',
        "if (window.innerWidth < 600) { loadMobile(); } else { loadDesktop(); }",
    ],
)
def test_code_inside_prose_is_cut_exactly(code: str) -> None:
    before, after = "Turkey condemned the attack.", "Russia denied any role."
    text = remove_code(f"{before} {code} {after}")
    assert before in text and after in text
    for line in text.splitlines():
        assert line.strip() in (before, after, f"{before} {after}")


prose_words = st.sampled_from(
    ["Turkey", "said", "the", "minister", "(PKK)", "U.S.", "on", "Monday;", "talks", "10:30", "a.m.", "x", "=", "{", "}",
     "var", "if", "(", ")", ";", "\n", "Read more", "Photo via AP", "2022", "November 17, 2022 |"]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(prose_words, max_size=60).map(" ".join))
def test_cleaning_is_idempotent(text: str) -> None:
    once = clean_text(text).text
    assert clean_text(once).text == once


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_cleaning_never_raises_and_keeps_no_blank_edges(text: str) -> None:
    cleaned = clean_text(text).text
    assert cleaned == cleaned.strip("\n")
