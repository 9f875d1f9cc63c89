"""Intake beyond the basic readers: offsets back to the raw text, datelines, languages, duplicates,
compressed and archived inputs."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from dyadic.articles import prepare
from dyadic.dedupe import dedupe
from dyadic.ingest import read_inputs
from dyadic.records import Article, Rejected
from dyadic.text import clean_text
from dyadic.text.dateline import find_dateline

BODY = (
    "Turkey and Russia signed an agreement on gas deliveries on Thursday, officials in both capitals said. "
    "The deal covers the next ten years and sets prices in roubles for the first time. "
    "Turkish Energy Minister Alparslan Bayraktar said the accord would secure supplies for homes and industry. "
    "Russian officials said talks on a second pipeline would continue next month in Moscow."
)


@pytest.mark.parametrize(
    ("line", "place", "date", "rest"),
    [
        ("ANKARA, Nov 17 (Reuters) - Turkey said it would act.", "Ankara", "Nov 17", "Turkey said it would act."),
        ("MOSCOW (AP) \u2014 Russia said nothing.", "Moscow", None, "Russia said nothing."),
        ("ISTANBUL, Turkey: Police detained 12 people.", "Istanbul", None, "Police detained 12 people."),
        ("GAZA CITY, Palestinian Territories: Four were hurt.", "Gaza City", None, "Four were hurt."),
        ("WASHINGTON, Dec. 3 (Reuters) - The U.S. said.", "Washington", "Dec. 3", "The U.S. said."),
    ],
)
def test_datelines(line: str, place: str, date: str | None, rest: str) -> None:
    found = find_dateline(line)
    assert found is not None and (found.place, found.date) == (place, date)
    assert line[found.length :] == rest


@pytest.mark.parametrize("line", ["U.S. - Turkey relations are tense.", "NATO said on Monday.", "EU: talks go on."])
def test_not_datelines(line: str) -> None:
    assert find_dateline(line) is None


def test_dateline_cut_from_prose_and_dates_the_article() -> None:
    raw = f"Gas deal signed\n\nANKARA, Nov 17 (Reuters) - {BODY}\n\nReporting by Jane Doe; a 2016-05-02 memo was cited."
    article = prepare(Article(input="x", text=raw))
    assert article.dateline_place == "Ankara"
    assert "(Reuters)" not in article.text and article.text.split("\n")[2].startswith("Turkey and Russia signed")
    assert (article.published, article.published_basis) == ("2016-11-17", "dateline")


def test_menus_banners_and_bylines_are_dropped() -> None:
    raw = (
        "Home\nWorld\nPolitics\nSport\n\nHome | World | Business | Opinion\n"
        "We use cookies to improve your experience. Accept all cookies\nBy Jane Smith and Ali Kaya, Reuters\n"
        f"{BODY}\nShare this article\nFollow us on Twitter\nSubscribe now for full access\n"
    )
    cleaned = clean_text(raw)
    assert cleaned.text == BODY
    assert cleaned.author == "Jane Smith and Ali Kaya"


def test_foreign_language_is_rejected_and_short_records_pass() -> None:
    german = (
        "Die Regierung in Berlin hat am Montag neue Sanktionen gegen Russland beschlossen. "
        "Der Kanzler sagte, man werde die Ukraine weiter unterst\u00fctzen."
    )
    result = prepare(Article(input="de.txt", text=german))
    assert isinstance(result, Rejected) and result.reason == "unsupported language: de"
    assert not isinstance(prepare(Article(input="s", text="Turkey met Russia.")), Rejected)


def test_offsets_point_back_into_the_raw_text() -> None:
    raw = (
        "Title  line\r\n\r\nBy Jane Smith\r\nRussia has   restored travel.\tconsole.log('x'); var a = 1;Taken "
        "together, it grows.\nRead more on X\nRussia has   restored travel.\n"
    )
    cleaned = clean_text(raw)
    for i, char in enumerate(cleaned.text):
        if not char.isspace():
            assert raw[cleaned.offsets.to_raw(i)] == char
    start = cleaned.text.index("Taken")
    raw_start, raw_end = cleaned.offsets.span(start, start + len("Taken together"))
    assert raw[raw_start:raw_end] == "Taken \ntogether" or raw[raw_start:raw_end].split() == ["Taken", "together"]


prose = st.lists(
    st.sampled_from(
        ["Turkey", "said", "on", "Monday.", "(PKK)", "U.S.", "\n", "\n\n", "  ", "\t", "var x = 1;", "Home", "World",
         "Read more: x", "By Jane Smith", "ANKARA, Nov 17 (Reuters) -", "\u00a0", "talks", "Photo via AP", "{", "}"]
    ),
    max_size=50,
).map(" ".join)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(prose)
@example("Turkey var x = 1; Turkey \n Turkey")  # a line's words recur across a raw line break
def test_offset_map_property(raw: str) -> None:
    cleaned = clean_text(raw)
    for i, char in enumerate(cleaned.text):
        if not char.isspace():
            assert raw[cleaned.offsets.to_raw(i)] == char


@settings(max_examples=300, deadline=None)
@given(prose)
@example(
    "Turkey Turkey Turkey Turkey \n Turkey \n Turkey Turkey Turkey \n Turkey Turkey \n ANKARA, Nov 17 (Reuters) - Turkey"
)
def test_cleaning_idempotent_with_datelines_and_menus(raw: str) -> None:
    once = clean_text(raw).text
    assert clean_text(once).text == once


def _article(name: str, text: str, url: str | None = None):
    result = prepare(Article(input=name, text=text, url=url))
    assert not isinstance(result, Rejected)
    return result


def test_exact_and_near_duplicates_collapse_keeping_every_input() -> None:
    first = _article("a.txt", f"Gas deal\n\nANKARA (Reuters) - {BODY}\n\nReporting by Jane Doe", "https://a.example/1")
    exact = _article("b.txt", f"Gas deal\n\n{BODY}\nShare this article", "https://b.example/2")
    wire = _article("c.txt", f"Turkey, Russia sign gas deal\n\nISTANBUL (AP) \u2014 {BODY} Editing by Tom.")
    other = _article("d.txt", BODY.replace("gas deliveries", "grain exports").replace("ten years", "two years")[:200])
    kept = dedupe([first, exact, wire, other])
    assert [a.input for a in kept] == ["a.txt", "d.txt"]
    assert kept[0].copies == (("a.txt", "https://a.example/1"), ("b.txt", "https://b.example/2"), ("c.txt", None))


def test_gzip_inputs_and_truncation(tmp_path: Path) -> None:
    good = tmp_path / "story.txt.gz"
    good.write_bytes(gzip.compress(BODY.encode()))
    records = tmp_path / "records.jsonl.gz"
    records.write_bytes(gzip.compress(b'{"id": "r1", "text": "Turkey met Russia in Ankara."}\n'))
    cut = tmp_path / "cut.txt.gz"
    cut.write_bytes(gzip.compress((BODY * 20).encode())[:-60])
    items = list(read_inputs([str(good), str(records), str(cut)]))
    assert isinstance(items[0], Article) and items[0].text == BODY
    assert isinstance(items[1], Article) and items[1].input.endswith("records.jsonl.gz#r1")
    assert isinstance(items[2], Rejected) and "truncated" in items[2].reason


def _warc(pages: list[tuple[str, str]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for url, html in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()), http_headers=headers)
        )
    image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(
            "https://x.example/a.png", "response", payload=io.BytesIO(b"\x89PNG"), http_headers=image
        )
    )
    return buffer.getvalue()


def test_warc_archives(tmp_path: Path) -> None:
    page = "<html><head><title>{t}</title></head><body><article><p>{b}</p><p>{b}</p></article></body></html>"
    data = _warc(
        [
            ("https://news.example/1", page.format(t="One", b=BODY)),
            ("https://news.example/2", page.format(t="Two", b=BODY[:200])),
        ]
    )
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(data)
    items = list(read_inputs([str(path)]))
    assert [type(i).__name__ for i in items] == ["Article", "Article"]
    assert items[0].url == "https://news.example/1" and "signed an agreement on gas" in items[0].text
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: int(len(data) * 0.6)])
    items = list(read_inputs([str(cut)]))
    assert isinstance(items[-1], Rejected) and "truncated or corrupt" in items[-1].reason


def test_rss_and_atom_feeds(tmp_path: Path) -> None:
    rss = tmp_path / "feed.rss"
    rss.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>N</title>'
        f"<item><title>Gas deal</title><link>https://n.example/1</link><pubDate>Thu, 17 Nov 2022 10:00:00 GMT</pubDate>"
        f"<description>&lt;p&gt;{BODY}&lt;/p&gt;&lt;p&gt;More talks soon.&lt;/p&gt;</description></item>"
        "<item><title>Empty</title><link>https://n.example/2</link><description></description></item>"
        "</channel></rss>"
    )
    items = list(read_inputs([str(rss)]))
    assert (
        isinstance(items[0], Article) and items[0].published == "2022-11-17" and items[0].url == "https://n.example/1"
    )
    assert "More talks soon." in items[0].text.split("\n")[-1]
    assert isinstance(items[1], Rejected) and "no text" in items[1].reason


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400), st.one_of(st.none(), st.text(max_size=30)))
def test_prepare_never_raises(text: str, published: str | None) -> None:
    result = prepare(Article(input="x", text=text, published=published, url="http://" + text[:20]))
    assert isinstance(result, Rejected) or result.text.strip()
