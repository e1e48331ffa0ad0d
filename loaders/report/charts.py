"""Vega-Lite charts rendered to static SVG by vl-convert (BSD-3; Vega, Vega-Lite: BSD-3).

The SVG is inlined in the pages: no JavaScript and no network at view time, so the report opens from
file:// anywhere. Labels carry both the Chinese and the English name ("江苏省 Jiangsu").
"""

from __future__ import annotations

import vl_convert

FONT = "Noto Sans CJK SC, Noto Sans SC, Microsoft YaHei, PingFang SC, sans-serif"
CONFIG = {"font": FONT, "view": {"stroke": None}, "axis": {"labelFontSize": 11, "titleFontSize": 12, "labelLimit": 320},
          "legend": {"labelFontSize": 11, "titleFontSize": 12}}


# Vega resolves a mark's relative href against its default loader base URL; our links are relative
# to the page, so that prefix is taken off again (the report must never point outside itself).
VEGA_BASE_URL = "https://vega.github.io/vega-datasets/"


def svg(spec: dict) -> str:
    """The chart as an inline SVG element; data is inline and no URL may be loaded while rendering."""
    rendered = vl_convert.vegalite_to_svg({**spec, "config": CONFIG}, allowed_base_urls=[])
    return rendered.replace(f'xlink:href="{VEGA_BASE_URL}', 'xlink:href="')


def region_map(points: list[dict]) -> str:
    """Every province and city at its seat; those with documents in colour, sized by their measures."""
    return svg({
        "width": 640, "height": 480,
        "title": "地区分布 Regions with documents",
        "layer": [
            {"data": {"values": [p for p in points if not p["n_documents"]]},
             "mark": {"type": "circle", "size": 12, "color": "#cccccc"},
             "encoding": {"x": _lon(), "y": _lat()}},
            {"data": {"values": [p for p in points if p["n_documents"]]},
             "mark": {"type": "circle", "opacity": 0.85, "stroke": "#333", "strokeWidth": 0.5},
             "encoding": {"x": _lon(), "y": _lat(),
                          "size": {"field": "n_measures", "type": "quantitative", "title": "指标数 Measures",
                                   "scale": {"range": [40, 600]}},
                          "color": {"field": "level", "type": "nominal", "title": "级别 Level"},
                          "href": {"field": "href"}}},
            {"data": {"values": [p for p in points if p["n_documents"]]},
             "mark": {"type": "text", "dy": -10, "fontSize": 10},
             "encoding": {"x": _lon(), "y": _lat(), "text": {"field": "label"}, "href": {"field": "href"}}},
        ],
    })


def _lon() -> dict:
    return {"field": "longitude", "type": "quantitative", "title": "经度 Longitude", "scale": {"domain": [73, 136]}}


def _lat() -> dict:
    return {"field": "latitude", "type": "quantitative", "title": "纬度 Latitude", "scale": {"domain": [17, 54]}}


def _bars(rows: list[dict], title: str, x: dict, color: dict, step: int = 20, sort: dict | None = None) -> str:
    """Horizontal bars, one a row (rows carry label and href: a bar links to its page); x: the length's
    field, color: the colour's field; sort: the order of the labels, else as they come."""
    label = {"field": "label", "type": "nominal", **({"sort": sort} if sort else {}), "title": None}
    return svg({
        "title": title, "width": 420, "height": {"step": step},
        "data": {"values": rows},
        "mark": "bar",
        "encoding": {"y": label, "x": x, "color": color, "href": {"field": "href"}},
    })


def league_bars(rows: list[dict], unit: str, title: str, color_title: str = "级别 Level") -> str:
    """One bar per region, best first (rows carry label, value, level, href, rank)."""
    return _bars(rows, title, step=18, sort={"field": "rank"},
                 x={"field": "value", "type": "quantitative", "title": unit},
                 color={"field": "level", "type": "nominal", "title": color_title})


def attainment_bars(rows: list[dict]) -> str:
    """Per region: linked target/outcome pairs attained, missed, or not comparable."""
    return _bars(rows, "目标完成情况 Attainment per region",
                 x={"field": "n", "type": "quantitative", "title": "目标-结果对 Target/outcome pairs"},
                 color={"field": "status", "type": "nominal", "title": "结果 Result",
                        "scale": {"domain": ["达成 attained", "未达成 missed", "不可比 not comparable"],
                                  "range": ["#2e7d32", "#c62828", "#9e9e9e"]}})


def domain_focus_bars(rows: list[dict], title: str = "工作重点 Domain focus (share of tasks)") -> str:
    """Per document: the share of its tasks in each domain."""
    return _bars(rows, title,
                 x={"field": "share", "type": "quantitative", "stack": "normalize", "title": "任务占比 Share of tasks",
                    "axis": {"format": "%"}},
                 color={"field": "domain", "type": "nominal", "title": "领域 Domain"})


def strictness_bars(rows: list[dict]) -> str:
    """Per city, indicator and year: how much stricter (+) or laxer (-) its target is than its province's."""
    return _bars(rows, "市级目标相对省级 City target vs its province's (+ stricter)",
                 x={"field": "stricter_by", "type": "quantitative", "title": "严格程度 Stricter by", "axis": {"format": "%"}},
                 color={"field": "verdict", "type": "nominal", "title": None,
                        "scale": {"domain": ["更严 stricter", "相同 same", "更宽 laxer"],
                                  "range": ["#2e7d32", "#9e9e9e", "#c62828"]}})


def coverage_heatmap(rows: list[dict]) -> str:
    """Regions with documents x year: how many documents."""
    return svg({
        "title": "文件覆盖 Documents per region and year", "width": {"step": 36}, "height": {"step": 16},
        "data": {"values": rows},
        "mark": "rect",
        "encoding": {
            "x": {"field": "year", "type": "ordinal", "title": "年份 Year"},
            "y": {"field": "label", "type": "nominal", "title": None},
            "color": {"field": "n_documents", "type": "quantitative", "title": "文件数 Documents",
                      "scale": {"scheme": "blues", "domainMin": 0}},
            "href": {"field": "href"},
        },
    })
