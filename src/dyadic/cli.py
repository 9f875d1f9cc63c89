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
    _add_coding_options(code)

    evaluate = commands.add_parser("eval", help="score dyadic against gold records (JSONL with text and events)")
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
    _add_coding_options(evaluate)
    return parser


def _add_coding_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--actors", action="append", default=[], metavar="FILE",
        help="extra actor dictionary (dyadic TSV or PETRARCH format); repeatable, later files win",
    )  # fmt: skip
    parser.add_argument(
        "--max-size", type=float, default=20.0, metavar="MB", help="reject input files over MB megabytes (default 20)"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    from dyadic.errors import DyadicError

    try:
        if args.command == "code":
            return _code(args)
        return _eval(args)
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
            else:
                sink.write(item)
        sink.close()
    return EXIT_REJECTED if rejected else EXIT_OK


def _eval(args: argparse.Namespace) -> int:
    from dyadic.evaluate import evaluate_files, render

    report = evaluate_files(args.gold, _options(args), worst=args.worst, kinds=tuple(args.kind))
    print(render(report, as_json=args.json))
    return EXIT_OK


def _version() -> str:
    from dyadic import __version__

    return __version__
