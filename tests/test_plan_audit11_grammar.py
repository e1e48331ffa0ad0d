"""Grammar of the plans' audit P11 (tests/gold/corpus/audits/p11_plan_env.csv), grepped over the corpus first: a table
of contents' page numbers, oil burnt, ranches and farms called ecological. Every sentence is invented for the test."""

from __future__ import annotations

from extraction_helper import PLAN_FIELDS, flags

from loaders.pipeline import process_document


def _values(text: str) -> set[str]:
    return {m["value_text"] for m in process_document(text.encode("utf-8"), "plan.txt").measures}


def test_the_page_numbers_of_a_table_of_contents_are_no_figures():
    text = ("某市“十六五”生态环境保护规划\n目录\n"
            # entries glued into one line: the page number runs into the next heading (75名词解释: no 75 persons)
            "第一章总体要求..........................3第二章主要任务...........................12第三章成效评估"
            "……………………………………75名词解释……………………………76前言\n"
            "第四节提升水环境质量····38\n"  # a short leader: the page number ends its line
            "第五节保障措施... 45\n"
            "第一章总体要求\n到2035年,新建湿地公园4个,完成造林1.5万亩。\n"
            "全市建成污水处理厂3座......新增污水管网200公里。\n")  # an ellipsis in a sentence: the figure after it stays
    values = _values(text)
    assert not values & {"3第", "12第", "75名", "76", "38", "45"}
    assert not any(v.startswith(("75", "12", "38")) for v in values)
    assert {"4个", "1.5万亩", "3座", "200公里"} <= values


def test_oil_burnt_is_energy_supply_its_share_and_coal_burnt_stay_the_climates():
    got = flags("2035年,全市能源消费总量为548万吨标准煤,其中油品消费量为173万吨标准煤、同比增长80.6%,"
                "石油消费总量控制在120万吨,煤炭消费量下降到300万吨,石油消费比重下降到20%。", PLAN_FIELDS)
    assert got["173万吨标准煤"] is False and got["80.6%"] is False and got["120万吨"] is False
    assert got["548万吨标准煤"] is True and got["300万吨"] is True and got["20%"] is True


def test_ranches_and_farms_called_ecological_are_farming_businesses():
    plan = flags("加快5个万亩生态牧场建设,新增省级生态农场3家,生态畜牧业产值达到20亿元,"
                 "建设生态保护修复工程8个,退化草原生态修复12万亩。", PLAN_FIELDS)
    assert plan["5个"] is False and plan["3家"] is False and plan["20亿元"] is False
    assert plan["8个"] is True and plan["12万亩"] is True


def test_the_entries_of_a_table_of_contents_are_no_items():
    from loaders.items import split_items

    text = ("某市“十六五”生态环境保护规划\n目录\n第一章总体要求·······························3\n"
            "第一节主要目标............- 4 -\n一、指导思想(22)\n第一章总体要求\n第一节主要目标\n到2035年,新建湿地公园4个。\n"
            "一、指导思想\n坚持生态优先。\n")
    items = [(it.item_path, it.heading) for it in split_items(text) if it.level]
    assert items == [("第一章", "总体要求"), ("第一章/第一节", "主要目标"), ("第一章/第一节/一", "指导思想")]


def test_a_table_of_contents_without_page_numbers_ends_where_its_first_chapter_starts():
    from loaders.items import split_items

    text = ("某市“十六五”生态环境保护规划\n目录\n第一章发展基础\n第一节主要成效\n第二章总体要求\n"
            "第一章发展基础\n第一节主要成效\n全市新建湿地公园4个。\n第二章总体要求\n到2035年,造林1万亩。\n")
    items = [(it.item_path, it.char_start) for it in split_items(text) if it.level]
    assert [p for p, _ in items] == ["第一章", "第一章/第一节", "第二章"]
    assert items[0][1] == text.index("第一章发展基础\n第一节主要成效\n全市")


def test_the_strategic_emerging_industries_are_the_economys_in_a_plan():
    got = flags("培育国家级绿色工厂7户,战略性新兴产业占比提升至27%,战新产业产值增速达15%,"
                "单位工业增加值能耗下降16%。", PLAN_FIELDS)
    assert got["27%"] is False and got["15%"] is False
    assert got["7户"] is True and got["16%"] is True
