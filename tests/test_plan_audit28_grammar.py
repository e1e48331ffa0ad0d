"""The classes of P28 (plans26, issue 14), each grepped over the whole corpus (plans, city and provincial reports)
before its rule. Every sentence is invented for the test."""

from __future__ import annotations

from extraction_helper import plan_subjects as subjects


def test_a_projects_name_after_its_capacity_ends_before_a_conjunction_or_fenbie():
    got = subjects("“十五五”期间,重点推进甲县120万千瓦抽水蓄能电站建设和乙溪等大型水电站扩机提质。"
                   "推进丙区80万千瓦光伏发电基地建设和丁区屋顶分布式光伏开发试点。2座30万千瓦光热发电项目分别在甲市、乙市开工。"
                   "加快建设20万千瓦光热电站和光热产业创新中心。")
    assert got == [("120万千瓦", "抽水蓄能电站建设"), ("80万千瓦", "光伏发电基地建设"), ("2座", "光热发电项目"),
                   ("30万千瓦", "光热发电项目"), ("20万千瓦", "光热电站")], got
