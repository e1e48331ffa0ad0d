"""The words and list syntax several kinds of figure share: the joins of a list (、和及与) and its markers (均,
分别), the verbs that open a work or a remediation, and the small tests on words (meaningful, _joined).

Nothing here imports from the rest of the package."""

from __future__ import annotations

import re

# verbs that open a clause naming a system or a work whose rate the next clause gives (健全X体系,覆盖率达95%)
_OBJECT_VERBS = ("深入推进", "持续推进", "加快推进", "全面推进", "健全", "完善", "建立", "建设", "推进", "推动", "加快",
                 "深化", "实施", "开展", "加强", "提升", "强化")

# the verbs of a remediation work: in a list of lands or lengths treated (治理河道10公里、水土流失20平方公里)
# the first item's verb governs the items after it that name none
_WORK_VERBS = ("综合治理", "治理", "整治", "修复")

# "A、B均为100%" / "A、B分别下降12%以上" (a single value): the value holds for every subject
_SHARED_MARKERS = ("均", "分别", "都")  # 都: A和B都达到100% (a name ending in 都, 成都, lists nothing alone)

# 县级及以上 / 省控及以上: a fixed phrase of rank, no list; nor the 及 / 与 inside a metric's word (普及率, 处置及时率,
# 公众参与率)
_LIST_SPLIT_RE = re.compile(r"[、和]|(?<!参)与|(?<!普)及(?!以[上下]|时)")

_ENUMERATION_MARK = "、"
_LIST_JOINS = (_ENUMERATION_MARK, "和", "及", "与")  # what joins the members of a list of numbers

_NOT_A_WORD_RE = re.compile(r"[^\w\u4e00-\u9fff]")

_CJK_RE = re.compile(r"[\u4e00-\u9fff]")

_JOINS = " 、,，和及与(（"
_OPENS_A_WORD_WITH_HE_RE = re.compile(r"美(?!丽)|谐|睦")  # 和美乡村, 和谐; not 和美丽河湖 (and the beautiful rivers)


def meaningful(s: str) -> bool:
    return len(_NOT_A_WORD_RE.sub("", s)) >= 2


def _joined(work: str, metric: str) -> str:
    """加强农村生活污水治理 + 治理率 -> 农村生活污水治理率: the words both share are written once."""
    for k in range(len(metric) - 1, 0, -1):
        if work.endswith(metric[:k]):
            return work + metric[k:]
    return work + metric


def doc_has_digit(s: str) -> bool:
    return any(ch.isdigit() for ch in s)
