"""Line patterns that are page furniture, not reporting: trailers, share lines, credits, bylines."""

from __future__ import annotations

import re

from dyadic.dates.expressions import PATTERNS

TRAILER = re.compile(
    r"^\s*(?:read more|read also|also read|related(?: articles| stories| coverage)?|more on this|see also"
    r"|click here|sign up|subscribe|follow us|share (?:this|on)|advertisement|recommended|top stories"
    r"|continue reading|you may also like|copyright|all rights reserved|©)\b",
    re.I,
)
PHOTO_CREDIT = re.compile(
    r"^\s*\((?:L-R|R-L|L to R|from left)\)|\b(?:pool )?photo(?:graph)?s? (?:via|by|credit)\b|"
    r"\bGetty Images\b|\bpool photo\b|\bphoto:|\(photo\b|\bimage credit\b|/AFP\b|/Reuters\b",
    re.I,
)
AUTHOR_BIO = re.compile(r"^\s*(?:about the author|by [A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3}\s*$)", re.I)
UPDATED = re.compile(r"^\s*\|?\s*(?:updated|published|posted|last updated)\s*:?", re.I)
_FULL_DATE = [p for kind, p in PATTERNS if kind in ("iso", "mdy", "dmy")]


def is_boilerplate(line: str) -> bool:
    """Lines that are never prose: trailers, credits, bios, stamps and date/byline lines."""
    return bool(
        TRAILER.match(line) or PHOTO_CREDIT.search(line) or AUTHOR_BIO.match(line) or UPDATED.match(line)
    ) or is_date_line(line)


def is_date_line(line: str) -> bool:
    """A short line that is a date, maybe with an author or a stamp ("November 17, 2022 | Eran Lerman")."""
    stripped = line.strip()
    if len(stripped) > 120:
        return False
    for pattern in _FULL_DATE:
        match = pattern.search(stripped)
        if match and match.start() <= 25:
            rest = (stripped[: match.start()] + " " + stripped[match.end() :]).strip(" |-–—·•,:")
            if not rest:
                return True
            short_tail = "|" in stripped or "·" in stripped or len(rest.split()) <= 6
            return short_tail and not rest.endswith(".")
    return False
