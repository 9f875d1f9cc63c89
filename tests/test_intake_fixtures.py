"""The hand-checked intake fixtures (tests/fixtures/intake/expected.jsonl): each input with the
clean text, metadata or rejection a careful reader expects."""

from __future__ import annotations

import json
from collections import defaultdict

import pytest

from dyadic.articles import prepare
from dyadic.dedupe import dedupe
from dyadic.ingest import read_inputs
from dyadic.records import CleanArticle, Rejected

from .conftest import FIXTURES

INTAKE = FIXTURES / "intake"
CASES = [
    json.loads(line) for line in (INTAKE / "expected.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()
]
METADATA = ("title", "url", "author", "published", "language", "domain", "dateline_place")


def _prepared(case: dict) -> list[CleanArticle | Rejected]:
    return [i if isinstance(i, Rejected) else prepare(i) for i in read_inputs([str(INTAKE / case["file"])])]


@pytest.mark.parametrize("case", CASES, ids=[c["file"] for c in CASES])
def test_fixture(case: dict) -> None:
    items = _prepared(case)
    articles = [i for i in items if isinstance(i, CleanArticle)]
    rejected = [i for i in items if isinstance(i, Rejected)]
    if case["expect"] == "rejected":
        assert len(articles) <= case.get("articles_min", 0) or not articles, [a.input for a in articles]
        assert rejected, "expected a rejection"
        assert any(case["reason"].lower() in r.reason.lower() for r in rejected), [r.reason for r in rejected]
        return
    assert not rejected or "articles" in case, [r.reason for r in rejected]
    assert len(articles) == case.get("articles", 1), ([a.input for a in articles], [r.reason for r in rejected])
    first = articles[0]
    if "clean" in case:
        expected = (INTAKE / case["file"]).with_name(case["clean"]).read_text(encoding="utf-8").strip("\n")
        assert first.text == expected
    for text in case.get("must_contain", []):
        assert text in first.text
    for text in case.get("must_not_contain", []):
        assert text not in first.text
    for field in METADATA:
        if field in case:
            assert getattr(first, field) == case[field], field
    if "dateline_date" in case and "published" not in case:
        assert first.published == case["dateline_date"]


def test_duplicate_groups_collapse() -> None:
    groups: dict[str, list[CleanArticle]] = defaultdict(list)
    for case in CASES:
        if "dup_group" in case:
            groups[case["dup_group"]].extend(i for i in _prepared(case) if isinstance(i, CleanArticle))
    assert groups, "the fixture set has duplicate groups"
    everything = [a for members in groups.values() for a in members]
    kept = dedupe(everything)
    assert len(kept) == len(groups)
    assert sorted(len(a.copies) for a in kept) == sorted(len(m) for m in groups.values())


def test_fixture_set_is_large_enough() -> None:
    assert len(CASES) >= 30
