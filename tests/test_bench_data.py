"""The bundled real-news benchmark file (bench/data/wikinews_120.jsonl.gz): loads, is complete, and
holds none of the Wikinews articles kept for the evaluation dev set or reserved (no parsing)."""

from __future__ import annotations

import gzip
import json
import re

from .conftest import ROOT

WIKINEWS = ROOT / "bench" / "data" / "wikinews_120.jsonl.gz"
EXCLUDED = set(
    re.findall(
        r"wn\d{4}-\d{3}",
        # the evaluation dev set
        "wn2019-006 wn2019-016 wn2019-029 wn2019-035 wn2019-064 wn2019-077 wn2019-082 wn2019-088 wn2019-089 "
        "wn2019-096 wn2019-104 wn2019-106 wn2019-114 wn2019-120 wn2019-122 wn2019-125 wn2019-133 wn2019-138 "
        "wn2019-143 wn2019-157 wn2020-000 wn2020-001 wn2020-005 wn2020-007 wn2020-008 wn2020-011 wn2020-015 "
        "wn2020-019 wn2020-027 wn2020-037 wn2020-049 wn2020-061 wn2020-062 wn2020-072 wn2020-077 wn2020-093 "
        "wn2020-096 wn2020-111 wn2020-113 wn2020-118 "
        # reserved
        "wn2019-011 wn2019-015 wn2019-019 wn2019-020 wn2019-041 wn2019-045 wn2019-068 wn2019-099 wn2019-137 "
        "wn2019-151 wn2020-002 wn2020-006 wn2020-052 wn2020-053 wn2020-069 wn2020-079 wn2020-089 wn2020-090 "
        "wn2020-114 wn2020-120",
    )
)


def test_wikinews_benchmark_file_has_120_articles_none_excluded():
    assert len(EXCLUDED) == 60
    with gzip.open(WIKINEWS, "rt", encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh]
    assert len(records) == 120
    ids = [r["id"] for r in records]
    assert len(set(ids)) == 120
    assert all(re.fullmatch(r"wn20(19|20)-\d{3}", i) for i in ids)
    assert not EXCLUDED & set(ids)
    for r in records:
        assert set(r) == {"id", "title", "url", "published", "text"}
        assert len(r["text"].split()) >= 50 and r["title"]
        assert r["url"].startswith("https://en.wikinews.org/")
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["published"])
