from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dyadic.errors import InputError
from dyadic.ingest import read_inputs
from dyadic.ingest.files import load, looks_binary
from dyadic.ingest.plain import read_plain
from dyadic.records import Article, Rejected

from .conftest import EXAMPLES, FIXTURES

INPUTS = FIXTURES / "inputs"


def _read(*paths: Path | str, **kw) -> list[Article | Rejected]:
    return list(read_inputs([str(p) for p in paths], **kw))


def test_plain_text_title_line_with_url() -> None:
    [article] = _read(EXAMPLES / "000_9348a739f2ab2af4.txt")
    assert article.title == "What Israel Gains from Reconciliation with Turkey"
    assert article.url.startswith("https://mosaicmagazine.com/")
    assert "https://" not in article.text.splitlines()[0]


def test_plain_text_without_url_keeps_text() -> None:
    [article] = read_plain("x.txt", "Russia and Turkey met.\nSecond line.")
    assert article.title is None and article.text == "Russia and Turkey met.\nSecond line."


def test_jsonl_records_named_by_id_or_line_and_bad_lines_rejected() -> None:
    items = _read(INPUTS / "records.jsonl")
    names = [i.input.rsplit("#", 1)[1] for i in items]
    assert names == ["a1", "2", "no-text", "4"]
    assert isinstance(items[0], Article) and items[0].published == "2016-12-20" and items[0].title == "A"
    assert isinstance(items[1], Article) and items[1].published == "2019-05-01"
    assert isinstance(items[2], Rejected) and "no text" in items[2].reason
    assert isinstance(items[3], Rejected) and "invalid JSON" in items[3].reason


def test_json_array_with_body_field() -> None:
    items = _read(INPUTS / "array.json")
    assert [i.input.rsplit("#", 1)[1] for i in items] == ["7", "8"]
    assert items[1].text == "Turkey expelled the Dutch ambassador."


def test_html_main_text_without_scripts_or_navigation() -> None:
    [article] = _read(INPUTS / "page.html")
    assert isinstance(article, Article)
    assert "signed an energy agreement" in article.text
    assert "dataLayer" not in article.text and "Home" not in article.text and "Subscribe" not in article.text
    assert article.title == "Turkey and Russia sign deal"
    assert article.published == "2021-03-04"


def test_directory_is_read_recursively_in_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Turkey met Russia.")
    (tmp_path / "one.txt").write_text("Iran met Iraq.")
    (tmp_path / ".hidden.txt").write_text("secret")
    assert [Path(i.input).name for i in _read(tmp_path)] == ["two.txt", "one.txt"]


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"", "empty input"), (b"   \n\n", "empty input"), (b"\x00\x01\x02binary\x00", "binary content"),
     (b"\xff\xfe" + b"\x00\xd8" * 3 + b"A", "invalid encoding"), (bytes(range(1, 9)) * 20, "binary content")],
)  # fmt: skip
def test_bad_files_are_rejected_with_reason(tmp_path: Path, content: bytes, reason: str) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text("Russia met Turkey in Moscow.")
    items = _read(bad, good)
    assert isinstance(items[0], Rejected) and reason in items[0].reason and items[0].input == str(bad)
    assert isinstance(items[1], Article)


def test_legacy_encodings_are_detected(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("The caf\u00e9 in Ankara reopened, \u201cofficials\u201d said on Monday.".encode("cp1252"))
    [article] = _read(path)
    assert isinstance(article, Article) and "caf\u00e9" in article.text and "\u201cofficials\u201d" in article.text


def test_url_list_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "urls.txt"
    path.write_text("https://example.com/a\nhttps://example.com/b\n\nhttp://example.org/c\n")
    [item] = _read(path)
    assert isinstance(item, Rejected) and "list of URLs" in item.reason


def test_oversized_file_is_rejected(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("Turkey met Russia. " * 100)
    [item] = _read(big, max_bytes=1000)
    assert isinstance(item, Rejected) and "over the" in item.reason


def test_missing_file_is_rejected() -> None:
    [item] = _read("/nonexistent/file.txt")
    assert isinstance(item, Rejected) and "no such file" in item.reason


def test_load_raises_input_error(tmp_path: Path) -> None:
    path = tmp_path / "e.txt"
    path.write_bytes(b"")
    with pytest.raises(InputError) as err:
        load(path)
    assert err.value.input == str(path)


SUFFIXES = [".txt", ".html", ".json", ".jsonl", ".rss", ".warc", ".warc.gz", ".txt.gz", ""]
PREFIXES = [b"", b"\x1f\x8b\x08\x00", b"WARC/1.0\r\n", b"<html><body>", b'{"text": "', b"[", b"<rss>", b"\xef\xbb\xbf"]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(SUFFIXES), st.sampled_from(PREFIXES), st.binary(max_size=400))
def test_any_bytes_give_articles_or_rejections(suffix: str, prefix: bytes, data: bytes) -> None:
    import tempfile

    with tempfile.NamedTemporaryFile(suffix=suffix) as fh:
        fh.write(prefix + data)
        fh.flush()
        items = _read(fh.name)  # raises nothing: every failure is a Rejected
    assert all(isinstance(i, Article | Rejected) for i in items)
    if suffix == ".txt" and not prefix and looks_binary(data):
        assert isinstance(items[0], Rejected)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_any_jsonl_text_gives_articles_or_rejections(text: str) -> None:
    from dyadic.ingest.records_json import read_jsonl

    assert all(isinstance(i, Article | Rejected) for i in read_jsonl("x.jsonl", text))
