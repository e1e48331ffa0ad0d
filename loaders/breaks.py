"""Clause and sentence breaks: the one definition the loaders and the SQL share.

- A clause ends at ， , ； ; 。 ： : ！ ! ？ ? or a line break. 、 never ends a clause: it joins the items
  of a list ("A、B均为100%"), which the measures engine reads inside one clause.
- A sentence ends at 。 ； ; ！ ! ？ ? or a line break (a clause break that is also a full stop).
- A list item ends at a clause break or at 、: the linker (SQL macro `clause_at`) compares the words of
  the list item holding a measure ("新建污水管网120公里、改造雨污管网80公里": two tasks, one clause).

loaders/measures reads both; loaders/domains weighs keywords of the clause around a measure with the same
set; the dbt macro `clause_at` (macros/subject_similarity.sql) cuts at LIST_ITEM_BREAKS, and
tests/test_breaks.py proves that it cuts the same span as the Python clause cut again at 、. loaders/items.py splits sentences with a
bracket-aware scanner over the SENTENCE_BREAKS characters.
"""

from __future__ import annotations

import re

import numpy as np

CLAUSE_BREAKS = frozenset(",，;；。:：!！?？\n")
SENTENCE_BREAKS = frozenset("。;；!！?？\n")
LIST_SEPARATOR = "、"
LIST_ITEM_BREAKS = CLAUSE_BREAKS | {LIST_SEPARATOR}
CLAUSE_BREAK_RE = re.compile("[" + re.escape("".join(sorted(CLAUSE_BREAKS))) + "]")
# up to the last clause break: .match(text, pos, endpos).end() is after the last break in [pos, endpos), in one
# scan (not one match object per break)
LAST_CLAUSE_BREAK_RE = re.compile(rf"(?s:.*){CLAUSE_BREAK_RE.pattern}")
_IS_CLAUSE_BREAK = np.zeros(0x10000, dtype=bool)  # by code point (every break is in the Basic Multilingual Plane)
_IS_CLAUSE_BREAK[[ord(ch) for ch in CLAUSE_BREAKS]] = True


def clause_break_positions(text: str) -> list[int]:
    """[m.start() for m in CLAUSE_BREAK_RE.finditer(text)], over the code points at C speed (a whole
    document holds hundreds of breaks: one match object each cost ~0.3 µs)."""
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    return np.flatnonzero(_IS_CLAUSE_BREAK[codes & 0xFFFF] & (codes < 0x10000)).tolist()
