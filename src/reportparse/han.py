"""Han characters (the CJK Unified Ideographs block, U+4E00–U+9FFF), tested without a regular expression.

`re` compiles the class `[\\u4e00-\\u9fff]` by expanding its 20,992 code points one by one in Python
code, about a millisecond for every pattern that holds it, at every start-up; comparing code points
costs nothing to set up. These say exactly what `re.search`/`re.findall` with that class say.
"""

from __future__ import annotations

FIRST, LAST = "\u4e00", "\u9fff"


def is_han(char: str) -> bool:
    """Whether one character is a Han character."""
    return FIRST <= char <= LAST


def has_han(text: str) -> bool:
    """Whether `text` holds a Han character (`re.search(r"[\\u4e00-\\u9fff]", text)`)."""
    return any(FIRST <= char <= LAST for char in text)


def han_count(text: str) -> int:
    """How many Han characters `text` holds (`len(re.findall(r"[\\u4e00-\\u9fff]", text))`)."""
    return sum(FIRST <= char <= LAST for char in text)


def one_han_between(first: str, last: str, text: str) -> bool:
    """Whether `text` holds `first`, one Han character, then `last` (`first` not empty): what
    `re.search(re.escape(first) + r"[\\u4e00-\\u9fff]" + re.escape(last), text)` finds, without
    compiling a pattern for every pair of words."""
    start = text.find(first)
    while start >= 0:
        middle = start + len(first)
        if middle < len(text) and is_han(text[middle]) and text.startswith(last, middle + 1):
            return True
        start = text.find(first, start + 1)
    return False


def is_han_word(text: str, shortest: int, longest: int) -> bool:
    """Whether `text` is `shortest` to `longest` Han characters (`re.fullmatch(r"[\\u4e00-\\u9fff]{m,n}", text)`)."""
    return shortest <= len(text) <= longest and all(FIRST <= char <= LAST for char in text)


def is_han_line(text: str, shortest: int, longest: int) -> bool:
    """What `re.match(r"^[\\u4e00-\\u9fff]{m,n}$", text)` says: `is_han_word`, where `$` also allows one
    newline at the very end."""
    return is_han_word(text.removesuffix("\n"), shortest, longest)


def han_run(text: str, start: int = 0, also: str = "") -> int:
    """How many characters from `start` on are Han characters (or characters of `also`), one after another."""
    end = start
    while end < len(text) and (FIRST <= text[end] <= LAST or text[end] in also):
        end += 1
    return end - start
