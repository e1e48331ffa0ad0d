"""New-energy vehicles put on the road are green transport (environmental), as the plans, the dev gold (六盘水's
nev_share_new_vehicles) and the recall samples (R10, T16) judge them; the industry's output and sales, and charging
points, are not. Every sentence is invented for the test."""

from __future__ import annotations

from loaders.pipeline import process_document

REPORT = """某市2024年政府工作报告
过去一年,全市推广新能源汽车1.6万辆以上,新能源汽车保有量达20万辆,公交车中新能源车辆占比达85%。
今年,公共领域新增和更新车辆新能源汽车占比不低于90%,新能源汽车产量40万辆,新建充电桩1万个。
"""


def test_new_energy_vehicles_on_the_road_are_environmental_their_industry_is_not():
    got = {m["value_text"]: m for m in process_document(REPORT.encode("utf-8"), "city-reports-2024/某市.txt").measures}
    for on_the_road in ("1.6万辆以上", "20万辆", "85%", "90%"):
        assert got[on_the_road]["is_environmental"], got[on_the_road]
    for economy in ("40万辆", "1万个"):
        assert not got[economy]["is_environmental"], got[economy]
