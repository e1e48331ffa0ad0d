"""Pass 3, subject: the noun phrase a measure is about. The words before its comparator, else between
comparator and number, else after the number; a bare change continues the subject before it; a list of
numbers splits its list of subjects; one value stated for a list of subjects (均为 / 分别下降 …) holds for
each of them.

The modules, bottom to top (each imports only from modules above it in this list; the split script
checked the imports have no cycle):

  common.py       the words and list syntax several kinds share, meaningful()
  dates.py        dates and times around a figure
  clean.py        clean_subject: what a subject's words shed
  changes.py      changes, levels and margins (增长, 比2015年下降, 优于)
  places.py       the region, its parts, named places, rural or urban scope
  counts.py       counts (个, 家, 项): the things counted
  shares.py       shares and rates (率, 比例, 占比, %)
  sizes.py        capacities, areas and lengths, project sizes
  investments.py  sums invested (总投资…的X项目)
  in_words.py     figures stated in words (完成…目标)
  lists.py        lists of subjects (分别, 均, 各, 、)
  flow.py         assign_subjects and _subjects: the flow that calls the rules

This package re-exports the public names and those its importers read."""

from loaders.measures.subjects.clean import (
    _ADVERBS_BEFORE_COMPARATOR,
    _BARE_START_RE,
    _BROKEN_WORD_RE,
    _CHANGE_START_RE,
    _CLOSED_BEFORE_RE,
    _CLOSED_INSIDE_RE,
    _CONJUNCTION_OPENING_RE,
    _COUNTED_FIGURES_RE,
    _ITEM_NUMBER_RE,
    _NOUNS_OPENING_LIKE_A_VERB,
    _ONLY_RE,
    SUBJECT_LEADING_VERBS,
    SUBJECT_TRAILING,
    _strip_joins,
    clean_subject,
)
from loaders.measures.subjects.common import doc_has_digit, meaningful
from loaders.measures.subjects.dates import _TRAILING_TIME_RE, _YEAR_OF_THE_LEVEL_RE
from loaders.measures.subjects.flow import assign_subjects
from loaders.measures.subjects.in_words import collective_members

__all__ = [
    "SUBJECT_LEADING_VERBS",
    "SUBJECT_TRAILING",
    "_ADVERBS_BEFORE_COMPARATOR",
    "_BARE_START_RE",
    "_BROKEN_WORD_RE",
    "_CHANGE_START_RE",
    "_CLOSED_BEFORE_RE",
    "_CLOSED_INSIDE_RE",
    "_CONJUNCTION_OPENING_RE",
    "_COUNTED_FIGURES_RE",
    "_ITEM_NUMBER_RE",
    "_NOUNS_OPENING_LIKE_A_VERB",
    "_ONLY_RE",
    "_TRAILING_TIME_RE",
    "_YEAR_OF_THE_LEVEL_RE",
    "_strip_joins",
    "assign_subjects",
    "clean_subject",
    "collective_members",
    "doc_has_digit",
    "meaningful",
]
