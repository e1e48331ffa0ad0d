"""The classes of P28–P32 (plans28, issue 14), each grepped over the whole corpus (plans, city and provincial reports)
before its rule. Every sentence is invented for the test."""

from __future__ import annotations

from extraction_helper import plan_paragraph


def _rows(text: str) -> dict[str, dict]:
    return {m["value_text"]: m for m in plan_paragraph(text)}


def test_chuzhi_is_work_done_over_a_reviewed_period_and_its_count_counts_the_things_after_it():
    rows = _rows("“十五五”期间,全市妥善处置15起突发环境事件,处置非法采砂点40处,危险废物焚烧处置能力达到8万吨/年。全市仅2家危险废物处置单位。")
    got = {k: (m["subject_zh"], m["period"]) for k, m in rows.items()}
    assert got == {"15起": ("突发环境事件", "2026-2030"), "40处": ("处置非法采砂点", "2026-2030"),
                   "8万吨/年": ("危险废物焚烧处置能力", None),
                   "2家": ("危险废物处置单位", None)}, got


def test_a_share_right_after_another_listed_item_is_a_share_of_the_things_after_it():
    from extraction_helper import plan_subjects

    got = plan_subjects("到2030年,基本完成老旧摩托车辆(国三及以下)及70%老旧柴油货车(国四及以下)淘汰任务,"
                        "全部国家级园区和80%省级园区完成循环化改造。到2030年,基本完成老旧摩托车辆及75%老旧柴油货车淘汰。")
    assert got == [("70%", "老旧柴油货车(国四及以下)淘汰任务"), ("80%", "省级园区完成循环化改造"),
                   ("75%", "老旧柴油货车淘汰")], got


def test_changes_named_by_fenbie_and_a_baseline_alone_take_the_figures_before_them_in_order():
    from extraction_helper import plan_subjects

    got = plan_subjects("“十五五”期间,全市化学需氧量削减8000吨,氨氮削减900吨,在2025年的基础上分别削减10.5%,12.5%,均完成目标。"
                        "2030年,城区可吸入颗粒物、细颗粒物平均浓度分别为50微克/立方米、30微克/立方米,比2025年分别下降20%、25%。")
    assert got[2:4] == [("10.5%", "全市化学需氧量在2025年的基础上削减"), ("12.5%", "氨氮在2025年的基础上削减")], got
    assert got[6:] == [("20%", "城区可吸入颗粒物浓度比2025年下降"), ("25%", "细颗粒物平均浓度比2025年下降")], got


def test_a_list_of_counts_joined_by_he_shares_the_work_after_its_last_item():
    from extraction_helper import plan_subjects

    got = plan_subjects("完成120个行政村生活污水和45个农村黑臭水体治理,强化60条入河排污口常态化监管和30条小微水体治理。")
    assert got == [("120个", "行政村生活污水治理"), ("45个", "农村黑臭水体治理"), ("60条", "入河排污口常态化监管"),
                   ("30条", "小微水体治理")], got


def test_a_time_alone_before_a_count_names_nothing_the_things_after_it_are_counted():
    from extraction_helper import plan_subjects

    got = plan_subjects("“十五五”期间至少完成2次土壤污染隐患排查整改,年底前完成15个地质灾害防治项目。党的二十大以来三次召开专题会议。")
    assert got == [("2次", "土壤污染隐患排查整改"), ("15个", "地质灾害防治项目"), ("三次", "召开专题会议")], got


def test_a_figure_inside_a_bracket_opened_after_its_subject_names_what_the_bracket_says():
    from extraction_helper import plan_subjects

    got = plan_subjects("天然气:积极推进甲市燃机项目一期(装机60万千瓦);建立全市土壤污染重点监管企业名录(目前共30家),"
                        "划分为50个综合环境管控单元(其中优先保护单元20个,重点管控单元25个)。淘汰甲市燃煤锅炉(建成区4台35蒸吨以下)。")
    got = [(v, s) for v, s in got if v in ("60万千瓦", "30家", "20个", "4台")]
    assert got == [("60万千瓦", "积极推进甲市燃机项目一期装机"), ("30家", "建立全市土壤污染重点监管企业名录"),
                   ("20个", "优先保护单元"), ("4台", "淘汰甲市燃煤锅炉建成区")], got


def test_a_count_inside_a_bracket_that_names_nothing_of_its_own_takes_the_words_before_the_bracket():
    # the bracket (共12个断面有数据) opens on a word that is no qualifier: the subject is the words before it, no "("
    from extraction_helper import plan_subjects

    got = plan_subjects("全县考核河流断面(共12个断面有数据)水质状况总体为优。")
    assert got == [("12个", "全县考核河流断面")], got
