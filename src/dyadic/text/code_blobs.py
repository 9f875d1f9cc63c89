"""Finding JavaScript, CSS and JSON pasted into prose by scrapers.

Every HTML extractor works on the DOM, so code that a scraper already flattened into the text
passes them all. Here a blob starts only at a strong code signal (`console.log(`, `var x =`,
`document.`, `function(`, a CSS rule, a JSON object) and then grows statement by statement with
brackets and string literals balanced, stopping at the first stretch that is not a statement.
That cut is exact, so the prose before and after a blob survives intact.
"""

from __future__ import annotations

import re

_START = re.compile(
    r"""(?x)
    (?:\b(?:console|document|window|jQuery|googletag|dataLayer|navigator|location)\s*\.\s*[A-Za-z_$])
  | (?:\$\s*\(\s*['"(])
  | (?:\b(?:var|let|const)\s+[A-Za-z_$][\w$]*\s*=)
  | (?:\bfunction\s*[A-Za-z_$]*\s*\([^()]*\)\s*\{)
  | (?:\bif\s*\([^()]*(?:==|!=|&&|\|\||[<>])[^()]*\)\s*\{)
  | (?:<script\b|<style\b|<!--)
  | (?:@(?:media|supports|font-face|keyframes|-webkit-keyframes|import|charset|page)\b[^{};\n]{0,200}[{;])
  | (?:\{\s*"[\w$@-]+"\s*:\s*["\[{\dtfn])
  | (?:(?:^|(?<=\s))[.#@]?[A-Za-z][\w-]*+(?:(?:\s*[,>+~]\s*|\s+)[.#]?[A-Za-z][\w:-]*+){0,6}\s*\{\s*[a-z-]+\s*:\s*[^{};]+;)
    """
)
_STATEMENT = re.compile(
    r"""(?x)
    (?:(?:var|let|const|if|else|for|while|do|function|return|try|catch|finally|switch|new|typeof|delete|throw)\b)
  | (?:[A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*|\[[^\]\n]*\])*(?:\(|\s*(?:[-+*/]?=(?!=)|\+\+|--)))
  | (?:[{}()\[\];])
  | (?:</?(?:script|style)\b[^>]*>|-->)
  | (?:@(?:media|supports|font-face|keyframes|-webkit-keyframes|import|charset|page)\b)
  | (?:[.#@]?[A-Za-z][\w-]*+(?:(?:\s*[,>+~]\s*|\s+)[.#]?[A-Za-z][\w:-]*+){0,6}\s*\{)
  | (?:"[\w$@-]+"\s*:)
    """
)
_OPEN = {"(": ")", "[": "]", "{": "}"}
_CLOSE = {")", "]", "}"}


def find_code_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of code blobs in `text`, in order and not overlapping."""
    spans: list[tuple[int, int]] = []
    pos = 0
    while True:
        match = _START.search(text, pos)
        if match is None:
            return spans
        end = _extend(text, match.start())
        if end > match.start():
            spans.append((match.start(), end))
            pos = end
        else:
            pos = match.end()


def _extend(text: str, start: int) -> int:
    """End of the run of statements beginning at `start` (== start when none is complete)."""
    end = start
    pos = start
    while pos < len(text):
        stmt_end = _statement_end(text, pos)
        if stmt_end is None:
            break
        end = pos = stmt_end
        pos = _skip_space(text, pos)
        if pos >= len(text) or not _STATEMENT.match(text, pos):
            break
    return end


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\r\n" and text[pos : pos + 2] != "\n\n":
        pos += 1
    return pos


def _statement_end(text: str, pos: int) -> int | None:
    """Scan one statement: to a `;` or a closing brace at depth 0, strings and brackets balanced."""
    stack: list[str] = []
    i = pos
    n = len(text)
    while i < n:
        ch = text[i]
        if ch in "\"'`":
            close = _string_end(text, i)
            if close is None:
                return None
            i = close
            continue
        if ch in _OPEN:
            stack.append(_OPEN[ch])
        elif ch in _CLOSE:
            if not stack or stack.pop() != ch:
                return None
            if not stack and ch == "}":
                return _after_block(text, i + 1)
        elif (
            (ch == ";" and not stack)
            or (ch == ">" and not stack and text[max(pos, i - 2) : i + 1] in ("-->",))
            or (ch == ">" and not stack and text[pos] == "<")
        ):
            return i + 1
        elif ch == "\n" and not stack and text[i : i + 2] == "\n\n":
            return None
        i += 1
    return None


def _after_block(text: str, pos: int) -> int:
    """A block may be followed by `;` or `)` chains (`})();`); take those along."""
    while pos < len(text) and text[pos] in ");":
        pos += 1
    return pos


def _string_end(text: str, i: int) -> int | None:
    quote = text[i]
    j = i + 1
    while j < len(text):
        ch = text[j]
        if ch == "\\":
            j += 2
            continue
        if ch == quote:
            return j + 1
        if ch == "\n" and quote != "`":
            return None
        j += 1
    return None
