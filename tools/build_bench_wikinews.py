"""Build bench/data/wikinews_120.jsonl.gz: 120 real news articles for bench/bench_realnews.py.

The source is the public repository vanatteveldt/wikinews (Wikinews articles, CC BY 2.5), commit
347254178bf343f3801aac1d03c41cc09c35decb, files data/wikinews_2019.csv and data/wikinews_2020.csv
(columns url,date,title,text). Get them with

    git clone https://github.com/vanatteveldt/wikinews && git -C wikinews checkout 3472541
    python tools/build_bench_wikinews.py wikinews/data [-o bench/data/wikinews_120.jsonl.gz]

An article's id is wnYEAR-ROW, ROW its 0-based row in the year's CSV. The 40 ids of the
evaluation dev set and the 20 reserved ids are never taken, nor texts under 50 words (a test page);
of the rest, 60 articles per year are drawn with random.Random(YEAR), kept in row order. Texts are
copied unchanged; `date` becomes `published`. The gzip header carries no time stamp or name, so
the same CSVs always give the same bytes.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import random
import re
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "bench" / "data" / "wikinews_120.jsonl.gz"
YEARS = (2019, 2020)
PER_YEAR = 60
MIN_WORDS = 50
ID = r"wn\d{4}-\d{3}"
DEV = re.findall(
    ID,
    """
wn2019-006 wn2019-016 wn2019-029 wn2019-035 wn2019-064 wn2019-077 wn2019-082 wn2019-088 wn2019-089
wn2019-096 wn2019-104 wn2019-106 wn2019-114 wn2019-120 wn2019-122 wn2019-125 wn2019-133 wn2019-138 wn2019-143
wn2019-157 wn2020-000 wn2020-001 wn2020-005 wn2020-007 wn2020-008 wn2020-011 wn2020-015 wn2020-019 wn2020-027
wn2020-037 wn2020-049 wn2020-061 wn2020-062 wn2020-072 wn2020-077 wn2020-093 wn2020-096 wn2020-111 wn2020-113
wn2020-118""",
)
RESERVED = re.findall(
    ID,
    """
wn2019-011 wn2019-015 wn2019-019 wn2019-020 wn2019-041 wn2019-045 wn2019-068 wn2019-099 wn2019-137
wn2019-151 wn2020-002 wn2020-006 wn2020-052 wn2020-053 wn2020-069 wn2020-079 wn2020-089 wn2020-090 wn2020-114
wn2020-120""",
)
EXCLUDED = frozenset(DEV + RESERVED)


def select(folder: Path) -> list[dict]:
    records = []
    for year in YEARS:
        with open(folder / f"wikinews_{year}.csv", encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        eligible = [
            (i, row)
            for i, row in enumerate(rows)
            if f"wn{year}-{i:03d}" not in EXCLUDED and len(row["text"].split()) >= MIN_WORDS
        ]
        chosen = sorted(random.Random(year).sample(eligible, PER_YEAR), key=lambda pair: pair[0])
        for i, row in chosen:
            records.append(
                {
                    "id": f"wn{year}-{i:03d}",
                    "title": row["title"],
                    "url": row["url"],
                    "published": row["date"],
                    "text": row["text"],
                }
            )
    return records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path, help="the data/ folder of a vanatteveldt/wikinews checkout")
    parser.add_argument("-o", "--output", type=Path, default=OUT)
    args = parser.parse_args()
    records = select(args.folder)
    assert len(records) == PER_YEAR * len(YEARS) and not EXCLUDED & {r["id"] for r in records}
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0) as gz:
        for record in records:
            gz.write((json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8"))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_bytes(buffer.getvalue())
    words = sum(len(r["text"].split()) for r in records)
    print(f"{len(records)} articles, {words:,} words -> {args.output}")


if __name__ == "__main__":
    main()
