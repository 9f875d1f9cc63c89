"""Regenerate the packaged data tables from the public sources in ../shared/ontology.

This is a maintainer tool, not part of the package: the generated files are committed under
src/dyadic/data/ so that dyadic never needs ../shared at run time. Re-run it when the sources
change:  python tools/build_data.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

FORMAT_VERSION = 1
DATA = Path(__file__).resolve().parent.parent / "src" / "dyadic" / "data"


def build_codebook(onto: Path) -> None:
    rows = list(csv.DictReader(open(onto / "cameo_event_codes.tsv", encoding="utf-8"), delimiter="\t"))
    out = DATA / "codebook" / "cameo_event_codes.tsv"
    with open(out, "w", encoding="utf-8", newline="") as fh:
        fh.write("# CAMEO 1.1b3 event codes with GDELT Goldstein values and GDELT QuadClass.\n")
        fh.write("# Sources: CAMEO manual table (andybega/icews, MIT) and GDELT lookups (GDELT terms).\n")
        fh.write("code\troot\tlevel\tname\tgoldstein\tquad_class\n")
        for r in rows:
            fh.write(f"{r['code']}\t{r['root']}\t{r['level']}\t{r['name']}\t{r['goldstein']}\t{r['quad_class']}\n")
    out = DATA / "codebook" / "cameo_plover.tsv"
    with open(out, "w", encoding="utf-8", newline="") as fh:
        fh.write("# CAMEO -> PLOVER (2021) event, mode, context. CC BY-SA 4.0, Open Event Data Alliance.\n")
        fh.write("code\tplover_event\tplover_mode\tplover_context\n")
        for r in rows:
            fh.write(f"{r['code']}\t{r['plover_event']}\t{r['plover_mode']}\t{r['plover_context']}\n")


def _codes_field(codes: list[dict]) -> str:
    parts = []
    for c in codes:
        if "start" not in c and "end" not in c:
            if "raw" in c:  # a malformed date: keep nothing rather than a wrong range
                continue
            parts.append(c["code"])
        else:
            parts.append(f"{c['code']}@{c.get('start', '')}..{c.get('end', '')}")
    return ";".join(parts)


def build_phoenix_actors(onto: Path) -> None:
    out = DATA / "actors" / "phoenix_actors.tsv"
    seen = 0
    with open(out, "w", encoding="utf-8", newline="") as fh:
        fh.write(f"# dyadic-actors format {FORMAT_VERSION}\n")
        fh.write("# Converted from the Phoenix/PETRARCH-2 actor dictionaries (MIT, Open Event Data Alliance).\n")
        fh.write("# names are |-separated; codes are ;-separated CODE or CODE@START..END (ISO dates, open ends).\n")
        fh.write("id\tkind\tnames\tcodes\n")
        for line in open(onto / "phoenix_actors.jsonl", encoding="utf-8"):
            entry = json.loads(line)
            codes = _codes_field(entry.get("codes") or [])
            if not codes:
                continue
            names = [entry["phrase"], *entry.get("synonyms", [])]
            names = sorted({n.strip().lower() for n in names if n.strip()}, key=names_key(entry["phrase"]))
            seen += 1
            fh.write(f"px{seen:05d}\t{entry['file']}\t{'|'.join(names)}\t{codes}\n")


def names_key(primary: str):
    primary = primary.strip().lower()
    return lambda n: (n != primary, n)


def build_phoenix_agents(onto: Path) -> None:
    out = DATA / "actors" / "phoenix_agents.tsv"
    rows: dict[str, str] = {}
    for line in open(onto / "phoenix_agents.jsonl", encoding="utf-8"):
        entry = json.loads(line)
        phrases = entry.get("expansions") or [entry["phrase"]]
        code = (entry.get("codes") or [""])[0].lstrip("~")
        if not code:
            continue
        for phrase in phrases:
            phrase = phrase.replace("{}", "").replace("_", " ").strip().lower()
            if phrase and "!" not in phrase and phrase not in rows:
                rows[phrase] = code
    with open(out, "w", encoding="utf-8", newline="") as fh:
        fh.write("# Converted from Phoenix.agents.txt (MIT, Open Event Data Alliance): role phrase -> sector code.\n")
        fh.write("phrase\tsector\n")
        for phrase, code in sorted(rows.items()):
            fh.write(f"{phrase}\t{code}\n")


def build_countries(onto: Path) -> None:
    rows = list(csv.DictReader(open(onto / "cameo_country_codes.tsv", encoding="utf-8"), delimiter="\t"))
    out = DATA / "actors" / "countries.tsv"
    with open(out, "w", encoding="utf-8", newline="") as fh:
        fh.write("# CAMEO/ISO-3 country codes (from Phoenix.Countries.actors.txt and text_to_CAMEO, both MIT).\n")
        fh.write("code\tname\n")
        for r in rows:
            fh.write(f"{r['code']}\t{r['other_names'].split('|')[0] or r['name'].title()}\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    args = parser.parse_args()
    onto = args.shared / "ontology"
    build_codebook(onto)
    build_countries(onto)
    build_phoenix_actors(onto)
    build_phoenix_agents(onto)


if __name__ == "__main__":
    main()
