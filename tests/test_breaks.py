"""One definition of clause, sentence and list-item breaks (loaders/breaks.py); the SQL macro clause_at
cuts the same list item as the Python clause cut again at 、."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest

from loaders.breaks import CLAUSE_BREAK_RE, CLAUSE_BREAKS, LIST_ITEM_BREAKS, LIST_SEPARATOR, SENTENCE_BREAKS
from loaders.measures import DocumentView, default_grammar
from loaders.records import Metadata

MACRO = Path(__file__).resolve().parents[1] / "macros" / "subject_similarity.sql"
META = Metadata("t", None, None, None, None, None, "plan", 2023)


def _clause_at_sql() -> str:
    body = re.search(r"{% macro clause_at\(sentence, position\) %}(.*?){% endmacro %}", MACRO.read_text(encoding="utf-8"), re.S)
    assert body, "macro clause_at not found"
    return body.group(1).replace("{{ sentence }}", "$sentence").replace("{{ position }}", "$position")


def test_the_macro_breaks_at_exactly_the_list_item_breaks():
    classes = re.findall(r"\[\^([^\]]*)\]", _clause_at_sql())
    assert len(classes) == 2 and classes[0] == classes[1]
    assert set(classes[0].replace("\\n", "\n")) == LIST_ITEM_BREAKS


def test_sentence_breaks_are_clause_breaks_and_the_list_comma_is_neither():
    assert SENTENCE_BREAKS <= CLAUSE_BREAKS
    assert "、" not in CLAUSE_BREAKS  # 、 joins the items of a list: "A、B均为100%" is one clause


@pytest.mark.parametrize("sentence", [
    "2023年,全省PM2.5平均浓度为30微克/立方米、同比下降5%;优良天数比率达到90%。",
    "城市污水处理率、垃圾无害化处理率均为100%:新建管网120公里!完成了吗?是的\n下一行",
])
def test_python_and_sql_cut_the_same_list_item(sentence):
    doc = DocumentView(sentence, [], [], META, default_grammar())
    sql = "select " + _clause_at_sql().replace("$sentence", "$1").replace("$position", "$2")
    con = duckdb.connect()
    for pos in range(len(sentence)):
        if CLAUSE_BREAK_RE.match(sentence[pos]) or sentence[pos] == LIST_SEPARATOR:
            continue
        a, b = doc.clause(pos, pos)
        head, tail = sentence[a:pos].split(LIST_SEPARATOR)[-1], sentence[pos:b].split(LIST_SEPARATOR)[0]
        assert con.execute(sql, [sentence, pos]).fetchone()[0] == head + tail, (sentence, pos)
