"""A real kill in the middle of an ingest (SIGKILL inside a batch's transaction, through the
store's test hook), then a re-run: the store must end up as if the ingest had run once, whole."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from pathlib import Path

from dyadic.cli import main
from dyadic.store import Store

COUNTRIES = [
    ("Russia", "Russian"),
    ("Turkey", "Turkish"),
    ("Iran", "Iranian"),
    ("Greece", "Greek"),
    ("Egypt", "Egyptian"),
]
EVENTS = [
    "{a} accused {b} of violating the ceasefire along the border.",
    "{a} imposed sanctions on {b} after the talks collapsed.",
    "{a_adj} troops attacked {b_adj} positions near the border.",
    "{a} expelled the {b_adj} ambassador on Monday.",
    "{a} and {b} signed an agreement on energy cooperation.",
]
FILLER = [
    "Analysts said the decision could affect markets across the region.",
    "Many residents said they were worried about rising prices for food and fuel.",
    "The museum reopened after a long renovation.",
]


def _corpus(folder: Path, count: int) -> None:
    rng = random.Random(5)
    folder.mkdir()
    for i in range(count):
        sentences = [f"Dispatch {i} from the regional desk, filed on the {i % 28 + 1}th."]
        for _ in range(3):
            (a, a_adj), (b, b_adj) = rng.sample(COUNTRIES, 2)
            sentences.append(rng.choice(EVENTS).format(a=a, b=b, a_adj=a_adj, b_adj=b_adj))
        sentences.append(rng.choice(FILLER))
        (folder / f"{i:03d}.txt").write_text(" ".join(sentences) + "\n", encoding="utf-8")


def _state(db: Path) -> tuple[set, set, int]:
    with Store(db) as store:
        con = store.connection
        articles = {r[0] for r in con.execute("SELECT article_id FROM articles").fetchall()}
        mentions = {r for r in con.execute("SELECT mention_id, article_id FROM mentions").fetchall()}
        total = con.execute("SELECT count(*) FROM mentions").fetchone()[0]
    return articles, mentions, total


def test_killed_ingest_keeps_whole_batches_and_a_rerun_completes_it(tmp_path: Path, capsys) -> None:
    corpus = tmp_path / "corpus"
    _corpus(corpus, 100)
    killed = tmp_path / "killed.duckdb"
    env = {**os.environ, "DYADIC_STORE_KILL_AT_BATCH": "2"}  # dies inside the second batch's transaction
    proc = subprocess.run(
        [sys.executable, "-m", "dyadic", "ingest", str(corpus), "--db", str(killed)], env=env, capture_output=True
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr

    full = tmp_path / "full.duckdb"
    assert main(["ingest", str(corpus), "--db", str(full)]) == 0
    full_articles, full_mentions, _ = _state(full)
    assert len(full_articles) == 100 and len(full_mentions) > 100

    articles, mentions, total = _state(killed)
    assert len(articles) == 32  # the first batch, whole; nothing of the second
    assert {m for m in full_mentions if m[1] in articles} == mentions and total == len(mentions)

    capsys.readouterr()
    assert main(["ingest", str(corpus), "--db", str(killed)]) == 0
    assert "68 articles added, 32 already stored" in capsys.readouterr().err
    articles, mentions, total = _state(killed)
    assert articles == full_articles and mentions == full_mentions and total == len(full_mentions)
