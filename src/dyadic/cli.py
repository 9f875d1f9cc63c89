"""The `dyadic` command: a thin layer over the library.

Only argparse is imported at start-up, so `dyadic --help` loads no model; each command imports
what it needs when it runs. Library errors become one line on stderr and an exit code here.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Sequence
from typing import TextIO

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dyadic",
        description="Code news articles into CAMEO political events (who did what to whom, when, where).",
    )
    parser.add_argument("--version", action="version", version=f"dyadic {_version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    code = commands.add_parser("code", help="code articles and print their events (JSON Lines by default)")
    code.add_argument("paths", nargs="+", metavar="PATH", help="file, directory (read recursively) or - for stdin")
    code.add_argument("-o", "--output", metavar="FILE", help="write events to FILE instead of stdout")
    code.add_argument(
        "--format",
        choices=("jsonl", "csv", "gdelt"),
        default="jsonl",
        help="output format (default jsonl; gdelt: GDELT 2.0 event rows, tab-separated, no header)",
    )
    code.add_argument(
        "--keep-duplicates", action="store_true", help="code exact and near-duplicate articles separately"
    )
    code.add_argument(
        "--min-confidence", type=float, default=None, metavar="X", help="write only events of confidence X or more"
    )
    _add_coding_options(code)

    _add_store_commands(commands)

    evaluate = commands.add_parser(
        "eval",
        help="score dyadic against gold records or whole annotated articles (JSONL with text and events)",
        description="Score dyadic against gold files. Sentence-level gold (records with text and events of "
        "source/target/code) is scored per record; article-level gold (articles with id, text, published and "
        "events carrying `roots`, see data/devset/GUIDELINES.md) is coded as `dyadic code FILE` would and scored "
        "at (country pair, root, date window). The format is detected per file.",
    )
    evaluate.add_argument("gold", nargs="+", metavar="GOLD.jsonl")
    evaluate.add_argument("--json", action="store_true", help="print the scores as JSON")
    evaluate.add_argument("--worst", type=int, default=10, metavar="N", help="list the N worst records (default 10)")
    evaluate.add_argument(
        "--kind",
        action="append",
        default=[],
        metavar="KIND",
        help="only records of this text_kind (news, ...)",
    )
    evaluate.add_argument(
        "--events",
        metavar="FILE",
        help="article-level gold: score the events in FILE (JSONL written by `dyadic code GOLD.jsonl`) "
        "instead of coding the articles",
    )
    evaluate.add_argument("--misses", action="store_true", help="article-level gold: list every gold event missed")
    evaluate.add_argument(
        "--false-positives",
        action="store_true",
        help="article-level gold: list every output event that matches no gold event",
    )
    _add_coding_options(evaluate)

    dyad = commands.add_parser("dyad", help="how two actors' relation moved: series, change points, chart")
    dyad.add_argument("a", metavar="A", help="actor code or its prefix: RUS, RUSGOV, IGOUNO (see docs)")
    dyad.add_argument("b", metavar="B")
    _add_store_options(dyad)
    dyad.add_argument("--freq", choices=("week", "month", "year"), default="month", help="period (default month)")
    dyad.add_argument(
        "--weight", choices=("events", "mentions"), default="events", help="count events or their mentions"
    )
    dyad.add_argument("--chart", metavar="FILE", help="also draw the series to FILE.png or FILE.svg")
    dyad.add_argument("--events", metavar="PERIOD", help="list the events behind PERIOD (2016-12, 2016-W49, 2016)")
    dyad.add_argument(
        "--min-events", type=int, default=5, metavar="N",
        help="change points read only periods with at least N events (default 5)",
    )  # fmt: skip
    dyad.add_argument("--width", type=int, default=None, metavar="COLS", help="text chart width (default: terminal)")
    dyad.add_argument("--json", action="store_true", help="print series, change points and events as JSON")

    network = commands.add_parser("network", help="the signed network of countries: blocs, balance, strongest ties")
    _add_store_options(network)
    network.add_argument("--min-events", type=int, default=1, metavar="N", help="drop ties with fewer than N events")
    network.add_argument("--weight", choices=("sum", "mean"), default="sum", help="tie weight: Goldstein sum or mean")
    network.add_argument("--top", type=int, default=10, metavar="N", help="list N ties and triangles (default 10)")
    network.add_argument("--graphml", metavar="FILE", help="write the graph as GraphML")
    network.add_argument("--json", metavar="FILE", help="write the graph as node-link JSON")
    return parser


def _add_store_commands(commands: argparse._SubParsersAction) -> None:
    ingest = commands.add_parser("ingest", help="code articles and add them to the event store")
    ingest.add_argument("paths", nargs="+", metavar="PATH", help="file, directory (read recursively) or - for stdin")
    _add_db_option(ingest)
    _add_coding_options(ingest)

    events = commands.add_parser(
        "events",
        help="list stored events (clustered across articles)",
        epilog="An actor filter X matches an actor code starting with X (RUS matches RUS, RUSGOV, RUSMIL) "
        "or, when X is a three-letter country code, an actor whose country is X. Dates are 2016, 2016-12, "
        "2016-W49 or 2016-12-19; --until 2016 runs to 2016-12-31.",
    )
    _add_db_option(events)
    events.add_argument("--source", metavar="X", help="source actor: code prefix or country code")
    events.add_argument("--target", metavar="Y", help="target actor: code prefix or country code")
    events.add_argument("--country", metavar="C", help="either actor: code prefix or country code")
    events.add_argument("--since", metavar="DATE", help="events on or after DATE")
    events.add_argument("--until", metavar="DATE", help="events on or before DATE")
    events.add_argument("--root", metavar="NN", help="CAMEO root code (two digits, e.g. 19)")
    events.add_argument("--quad", type=int, choices=(1, 2, 3, 4), help="QuadClass (1-4)")
    events.add_argument("--search", metavar="TEXT", help="words in the evidence of any mention (ignoring case)")
    events.add_argument("--limit", type=int, metavar="N", help="at most N events")
    events.add_argument(
        "--format", choices=("table", "jsonl"), default="table", help="table (default) or JSONL with mentions"
    )

    export = commands.add_parser("export", help="write the store as CSV, JSONL, Parquet or GDELT 2.0 tables")
    _add_db_option(export)
    export.add_argument("--format", choices=("csv", "jsonl", "parquet", "gdelt"), required=True)
    export.add_argument(
        "--table",
        choices=("mentions", "events"),
        default="mentions",
        help="mentions: the event record as `dyadic code` writes it (default); events: the clustered events",
    )
    export.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="output file (stdout if omitted; required for parquet); with gdelt the Mentions table goes "
        "beside it: X.export.CSV -> X.mentions.CSV, X.tsv -> X.mentions.tsv",
    )


def _add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", default="dyadic.duckdb", metavar="FILE", help="store file (default ./dyadic.duckdb)")


def _add_store_options(parser: argparse.ArgumentParser) -> None:
    _add_db_option(parser)
    parser.add_argument("--since", metavar="DATE", help="from DATE (2016-12-19, 2016-12 or 2016)")
    parser.add_argument("--until", metavar="DATE", help="to DATE, inclusive (2016 means to 2016-12-31)")
    parser.add_argument("--include-negated", action="store_true", help="count events the sentence denies")


def _add_coding_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--actors", action="append", default=[], metavar="FILE",
        help="extra actor dictionary (dyadic TSV or PETRARCH format); repeatable, later files win",
    )  # fmt: skip
    parser.add_argument(
        "--max-size", type=float, default=20.0, metavar="MB", help="reject input files over MB megabytes (default 20)"
    )
    parser.add_argument(
        "--no-learned", action="store_true", help="code with the patterns only, without the learned pair coder"
    )
    parser.add_argument(
        "--speculation",
        action="store_true",
        help="also write events that are only guessed at ('could', 'might'), with modality 'possible'",
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    from dyadic.errors import DyadicError

    try:
        handlers = {"code": _code, "eval": _eval, "dyad": _dyad, "network": _network, **_STORE_COMMANDS}
        return handlers[args.command](args)
    except DyadicError as exc:
        print(f"dyadic: {exc}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        return 130


def _options(args: argparse.Namespace):
    from dyadic.pipeline import Options

    return Options(
        max_bytes=int(args.max_size * 1024 * 1024),
        actor_files=tuple(args.actors),
        dedupe=not getattr(args, "keep_duplicates", False),
        learned=not getattr(args, "no_learned", False),
        speculation=getattr(args, "speculation", False),
    )


def _code(args: argparse.Namespace) -> int:
    from dyadic.pipeline import code
    from dyadic.records import Rejected
    from dyadic.sinks import SINKS

    rejected = 0
    with contextlib.ExitStack() as stack:
        out: TextIO = sys.stdout
        if args.output:
            out = stack.enter_context(open(args.output, "w", encoding="utf-8", newline=""))
        sink = SINKS[args.format](out)
        for item in code(args.paths, _options(args)):
            if isinstance(item, Rejected):
                rejected += 1
                print(f"dyadic: {item.input}: {item.reason}", file=sys.stderr)
            elif args.min_confidence is None or item.confidence >= args.min_confidence:
                sink.write(item)
        sink.close()
    return EXIT_REJECTED if rejected else EXIT_OK


def _ingest(args: argparse.Namespace) -> int:
    from dyadic.store import Store

    with Store(args.db) as store:
        report = store.ingest(args.paths, _options(args))
    for item in report.rejected:
        print(f"dyadic: {item.input}: {item.reason}", file=sys.stderr)
    print(f"dyadic: {args.db}: {report.summary()}", file=sys.stderr)
    return EXIT_REJECTED if report.rejected else EXIT_OK


def _events(args: argparse.Namespace) -> int:
    from dyadic.store import EventQuery, Store, event_json

    query = EventQuery(
        source=args.source, target=args.target, country=args.country, since=args.since, until=args.until,
        root=args.root, quad=args.quad, search=args.search, limit=args.limit,
    )  # fmt: skip
    with Store(args.db, read_only=True) as store:
        events = store.events(query)
        if args.format == "jsonl":
            mentions = store.mentions([e["event_id"] for e in events])
            for event in events:
                print(event_json(event, mentions[event["event_id"]]))
        else:
            print(_table(events))
    return EXIT_OK


def _table(events: list[dict]) -> str:
    """A fixed-width table: one event a line, the evidence cut to the terminal's width."""
    import shutil

    width = shutil.get_terminal_size((120, 20)).columns
    header = ("date", "source", "target", "code", "quad", "gold", "ment", "evidence")
    rows = [
        (
            str(e["date"] or ""), e["source"], e["target"] or "", e["code"], str(e["quad_class"]),
            f"{e['goldstein']:+.1f}", str(e["num_mentions"]), " ".join((e["evidence_sentence"] or "").split()),
        )
        for e in events
    ]  # fmt: skip
    sizes = [max([len(header[i])] + [len(r[i]) for r in rows]) for i in range(len(header) - 1)]
    room = max(width - sum(sizes) - 2 * len(sizes), 20)
    lines = []
    for row in [header, *rows]:
        cells = [cell.ljust(size) for cell, size in zip(row, sizes, strict=False)]
        evidence = row[-1] if len(row[-1]) <= room else row[-1][: room - 1] + "…"
        lines.append("  ".join([*cells, evidence]).rstrip())
    lines.append(f"({len(rows)} events)")
    return "\n".join(lines)


def _export(args: argparse.Namespace) -> int:
    from dyadic.store import Store

    with Store(args.db, read_only=True) as store:
        count = store.export(args.format, args.output, table=args.table)
    if args.output:
        print(f"dyadic: {args.output}: {count} rows", file=sys.stderr)
    return EXIT_OK


_STORE_COMMANDS = {"ingest": _ingest, "events": _events, "export": _export}


def _eval(args: argparse.Namespace) -> int:
    from dyadic.errors import UsageError
    from dyadic.evaluate import evaluate
    from dyadic.evaluate_articles import evaluate_articles, is_article_gold, render_reports

    reports = []
    for path in args.gold:
        if is_article_gold(path):
            reports.append(evaluate_articles(path, _options(args), events=args.events))
        elif args.events:
            raise UsageError(f"{path}: --events scores article-level gold only (articles with events carrying roots)")
        else:
            reports.append(evaluate(path, _options(args), worst=args.worst, kinds=tuple(args.kind)))
    print(render_reports(reports, as_json=args.json, misses=args.misses, false_positives=args.false_positives))
    return EXIT_OK


def _bounds(args: argparse.Namespace):
    from dyadic.analysis.periods import parse_bound

    since = parse_bound(args.since) if args.since else None
    until = parse_bound(args.until, end=True) if args.until else None
    return since, until


def _dyad(args: argparse.Namespace) -> int:
    import json
    import shutil

    from dyadic.analysis import chart, render
    from dyadic.analysis.change import detect_changes
    from dyadic.analysis.periods import label, parse_period
    from dyadic.store import Store

    since, until = _bounds(args)
    with Store(args.db, read_only=True) as store:
        series = store.dyad(
            args.a, args.b, freq=args.freq, since=since, until=until, weight=args.weight,
            include_negated=args.include_negated,
        )  # fmt: skip
        events, period = None, None
        if args.events:
            period = parse_period(args.events, series.freq)
            events = store.dyad_events(series.a, series.b, period, series.freq, include_negated=args.include_negated)
    changes = detect_changes(series.both, min_events=args.min_events)
    if args.chart:
        chart.save_chart(series, changes, args.chart)
    if args.json:
        data = {"series": series.to_dict(), "changes": [c.to_dict() for c in changes]}
        if events is not None:
            data["events"] = [e.to_dict() for e in events]
        print(json.dumps(data, indent=1))
        return EXIT_OK
    width = args.width or shutil.get_terminal_size((100, 24)).columns
    parts = [render.series_heading(series), chart.text_chart(series, changes, width=width), chart.text_table(series)]
    parts.append(render.changes_text(changes))
    if events is not None and period is not None:
        parts.append(render.events_text(events, label(period, series.freq)))
    print("\n\n".join(parts))
    return EXIT_OK


def _network(args: argparse.Namespace) -> int:
    from dyadic.analysis import network, render
    from dyadic.store import Store

    since, until = _bounds(args)
    with Store(args.db, read_only=True) as store:
        graph = store.network(
            since=since, until=until, min_events=args.min_events, weight=args.weight,
            include_negated=args.include_negated,
        )  # fmt: skip
    report = network.analyse(graph, top=args.top)
    marked = network.with_blocs(graph, [set(bloc) for bloc in report.blocs])
    if args.graphml:
        network.write_graphml(marked, args.graphml)
    if args.json:
        network.write_json(marked, args.json)
    span = {"since": since.isoformat() if since else "", "until": until.isoformat() if until else ""}
    print(render.network_text(report, min_events=args.min_events, **span))
    return EXIT_OK


def _version() -> str:
    from dyadic import __version__

    return __version__
