import pytest

from loaders.numbers import find_numbers, parse_chinese_integer, parse_number


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("47", 47),
        ("92.9", 92.9),
        ("1,440", 1440),
        ("7.5万", 75000),
        ("1.6万余", 16000),
        ("346.4亿", 34640000000),
        ("1069.31亿", 106931000000),
        ("3千", 3000),
        ("四", 4),
        ("两", 2),
        ("十", 10),
        ("十六", 16),
        ("二十三", 23),
        ("一百", 100),
        ("三千五百", 3500),
    ],
)
def test_parse_number(written, value):
    assert parse_number(written) == pytest.approx(value)


def test_chinese_digit_by_digit():
    assert parse_chinese_integer("二〇二三") == 2023


def test_not_a_number():
    with pytest.raises(ValueError):
        parse_number("五至十")
    with pytest.raises(ValueError):
        parse_chinese_integer("万")


def _one(text):
    found = find_numbers(text)
    assert len(found) == 1, found
    return found[0]


def test_qualifiers_are_kept():
    assert _one("柴油货车7.5万余辆").qualifier == "余"
    assert _one("6000多家重点企业").qualifier == "多"
    assert _one("7.5万辆").qualifier is None


@pytest.mark.parametrize("text", ["5—10个", "5-10个", "5至10个", "5~10个"])
def test_ranges(text):
    n = _one(text)
    assert (n.value, n.high) == (5, 10)


def test_range_borrows_the_multiplier_of_its_high_end():
    n = _one("5—10万吨")
    assert (n.value, n.high) == (50000, 100000)


def test_multiplier_before_a_kilo_unit_is_not_a_multiplier():
    assert _one("100千瓦").value == 100
    assert _one("5.6万千瓦").value == 56000


def test_chinese_numerals_are_flagged_and_bare_units_ignored():
    assert _one("黄山四市开展").chinese is True
    assert find_numbers("十大主要任务百项重点工作千岛湖") == [find_numbers("十大")[0]]


def test_offsets_point_into_the_text():
    text = "总投资规模346.4亿元"
    n = _one(text)
    assert text[n.start : n.end] == "346.4亿"


def test_thousands_separator_needs_three_digits():
    assert [n.value for n in find_numbers("达到12,3456")] == [12, 3456]


def test_tail_of_numbers_run_together_is_not_a_number():
    # two figures printed without a separator: "70.288.5%" holds no clean second number
    assert [n.text for n in find_numbers("比例范围为70.288.5%")] == ["70.288"]


def test_round_figures_written_with_a_bare_place_word():
    assert [(n.text, n.value) for n in find_numbers("产值突破千亿元,投资近百亿元")] == [("千亿", 1e11), ("百亿", 1e10)]
    assert find_numbers("千岛湖和百亿元") == []  # without 突破/近/超/逾/上 before it, no figure is implied


def test_a_bare_multiplier_after_a_floor_word_is_a_round_figure_but_not_after_yishang():
    (n,) = find_numbers("吸引上万人")
    assert (n.value, n.qualifier, n.text) == (10000, "上", "上万")
    assert [x.value for x in find_numbers("补助100元以上万元以下")] == [100]


def test_one_reader_of_chinese_numerals_for_items_and_dates():
    from loaders.items import chinese_number
    from loaders.numbers import chinese_integer
    assert [chinese_integer(s) for s in ("二〇二三", "二○二三", "三十一", "一百零二", "万")] == [2023, 2023, 31, 102, None]
    assert chinese_number("十二") == 12 and chinese_number("零") is None  # no item is numbered 零
