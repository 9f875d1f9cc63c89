"""Line patterns that are page furniture, not reporting: banners, trailers, credits, bylines, menus."""

from __future__ import annotations

import re

from dyadic.dates.expressions import PATTERNS

TRAILER = re.compile(
    r"^\s*(?:read more|read also|also read|related(?: articles| stories| coverage| content| news)?\b|more on this"
    r"|see also|click here|advertisement|sponsored|recommended|top stories|continue reading|you may also like"
    r"|copyright|all rights reserved|\(c\) \d{4}|most read|trending now|more from|editor'?s picks?)\b|^\s*©",
    re.I,
)
BANNER = re.compile(
    r"\b(?:we use cookies|this (?:web)?site uses cookies|accept (?:all )?cookies|cookie (?:policy|settings|preferences)"
    r"|manage (?:your )?(?:cookies|consent|preferences)|by continuing to (?:use|browse)|privacy policy"
    r"|subscribe (?:now|today|to (?:our|the) newsletter)|sign up (?:for|to) (?:our|the) newsletter"
    r"|already a subscriber|log ?in to (?:read|continue)|create (?:a free|an) account|support our journalism"
    r"|share (?:this|on) (?:article|story|facebook|twitter|x|whatsapp|linkedin|email)|share this\b"
    r"|follow us on|follow (?:@|on twitter|on facebook|on instagram)|click to share|tweet this|print this"
    r"|email this|download (?:our|the) app|turn on notifications)",
    re.I,
)
PHOTO_CREDIT = re.compile(
    r"^\s*\((?:L-R|R-L|L to R|from left)\)|\b(?:pool )?photo(?:graph)?s? (?:via|by|credit)\b|"
    r"\bGetty Images\b|\bpool photo\b|\bphoto:|\(photo\b|\bimage credit\b|/AFP\b|/Reuters\b"
    r"|^\s*\(?(?:photo|image|file photo)\)?\s*$",
    re.I,
)
AUTHOR_BIO = re.compile(r"^\s*about the author\b", re.I)
BYLINE = re.compile(
    r"^\s*By\s+(?P<author>[A-Z][\w.'\-]+(?:\s+[A-Z][\w.'\-]+){0,3}(?:\s+(?:and|&)\s+[A-Z][\w.'\-]+(?:\s+[A-Z][\w.'\-]+){0,3})?)"
    r"(?:\s*[,|]\s*[\w .&'\-]{1,40})?\s*$"
)
UPDATED = re.compile(r"^\s*\|?\s*(?:updated|published|posted|last updated|first published)\s*:?", re.I)
MENU_SEPARATORS = re.compile(r"\s[|•·»]\s|\s/\s")
_FULL_DATE = [p for kind, p in PATTERNS if kind in ("iso", "mdy", "dmy")]
_TERMINAL = (".", "!", "?", ":", '"', "\u201d", ")", "'")


def is_boilerplate(line: str) -> bool:
    """Lines that are never prose: trailers, banners, credits, bios, bylines, stamps and date lines."""
    return (
        bool(TRAILER.match(line) or AUTHOR_BIO.match(line) or UPDATED.match(line) or BYLINE.match(line))
        or (len(line) < 300 and bool(BANNER.search(line) or PHOTO_CREDIT.search(line)))
        or is_date_line(line)
        or is_menu_line(line)
    )


def byline_author(line: str) -> str | None:
    match = BYLINE.match(line)
    return match["author"] if match else None


def is_menu_line(line: str) -> bool:
    """ "Home | World | Politics | Sport": three or more short items between menu separators."""
    items = [i.strip() for i in MENU_SEPARATORS.split(line)]
    return len(items) >= 3 and all(0 < len(i.split()) <= 3 and not i.endswith(".") for i in items)


def is_short_line(line: str) -> bool:
    """A menu-like line: three words or fewer, no final punctuation."""
    return len(line) <= 30 and len(line.split()) <= 3 and not line.endswith(_TERMINAL)


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
