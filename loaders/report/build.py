"""Writes the static report: an overview, one page per indicator, per region and per document.

Every number links to its sentence on its document's page (documents/<id>.html#m-<measure>), where it
is highlighted in place. Pages are plain HTML with inline SVG charts and one local stylesheet.
"""

from __future__ import annotations

import re
import shutil
from collections import Counter, defaultdict
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

from loaders.report import charts
from loaders.report.data import ReportData, read

HERE = Path(__file__).resolve().parent


def anchor(measure_id: str) -> str:
    """HTML id of a measure on its document page (ids are document_id:char_start)."""
    return "m-" + re.sub(r"[^0-9A-Za-z_-]", "-", measure_id)


class Site:
    def __init__(self, data: ReportData, out: Path):
        self.d, self.out = data, out
        self.env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html"]),
                               trim_blocks=True, lstrip_blocks=True)
        self.env.globals.update(bi=self.bi, region_link=self.region_link, measure_link=self.measure_link,
                                indicator_name=self.indicator_name, unit_name=self.unit_name,
                                kind_name=self.kind_name, doc_link=self.doc_link, fmt=self.fmt)
        self.regions_with_data = sorted({doc["region_code"] for doc in data.documents if doc["region_code"]})
        self.measures_by_id = {m["measure_id"]: m for m in data.measures}

    # --- labels and links ------------------------------------------------------------------------
    @staticmethod
    def bi(zh: object, en: object) -> Markup:
        """Chinese and English side by side; the page's language switch hides one of them."""
        return Markup('<span lang="zh-CN">{}</span><span lang="en">{}</span>').format(zh or "", en or zh or "")

    def region_label(self, code: str | None) -> str:
        r = self.d.regions.get(code or "")
        return f"{r['region_name_zh']} {r['region_name_en']}" if r else "（地区不明） unknown region"

    def region_link(self, code: str | None, root: str = "../") -> Markup:
        r = self.d.regions.get(code or "")
        if not r:
            return self.bi("地区不明", "unknown region")
        name = self.bi(r["region_name_zh"], r["region_name_en"])
        if code not in self.regions_with_data:
            return name
        return Markup('<a href="{}regions/{}.html">{}</a>').format(root, code, name)

    def doc_link(self, doc: dict, root: str = "../") -> Markup:
        return Markup('<a href="{}documents/{}.html">{}</a>').format(root, doc["document_id"], doc["title"] or doc["source_file"])

    def indicator_name(self, code: str | None, subject: str | None = None) -> Markup:
        ind = self.d.indicators.get(code or "")
        if ind:
            return self.bi(ind["name_zh"], ind["name_en"])
        return self.bi(subject or "", subject or "")

    def unit_name(self, code: str | None) -> str:
        u = self.d.units.get(code or "")
        return u["symbol"] if u else (code or "")

    def kind_name(self, kind: str) -> Markup:
        return self.bi("目标", "target") if kind == "target" else self.bi("结果", "outcome")

    def fmt(self, value: float | None, unit: str | None = None, comparator: str | None = None) -> str:
        if value is None:
            return "*（略 masked）"
        number = f"{value:,.4f}".rstrip("0").rstrip(".")
        symbol = self.d.comparators.get(comparator or "", {}).get("symbol") or ""
        symbol = "" if symbol == "=" else symbol
        return f"{symbol}{number} {self.unit_name(unit)}".strip()

    def measure_link(self, measure_id: str | None, value: float | None, unit: str | None = None,
                     comparator: str | None = None, root: str = "../") -> Markup:
        """A number that opens its sentence, highlighted, on its document's page."""
        text = self.fmt(value, unit, comparator)
        m = self.measures_by_id.get(measure_id or "")
        if not m:
            return Markup("{}").format(text)
        return Markup('<a class="num" href="{}documents/{}.html#{}" title="{}">{}</a>').format(
            root, m["document_id"], anchor(measure_id), m["context"] or "", text)

    # --- pages -----------------------------------------------------------------------------------
    def write(self, relative: str, template: str, **context) -> None:
        path = self.out / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        root = "../" * relative.count("/")
        html = self.env.get_template(template).render(root=root, **context)
        path.write_text(html, encoding="utf-8")

    def build(self) -> list[str]:
        assets = self.out / "assets"
        assets.mkdir(parents=True, exist_ok=True)
        shutil.copy(HERE / "templates" / "style.css", assets / "style.css")
        pages = ["index.html"]
        self.write("index.html", "index.html", **self.overview())
        for code, rows in self._group(self.d.comparison, "indicator_code").items():
            pages.append(f"indicators/{code}.html")
            self.write(pages[-1], "indicator.html", **self.indicator_page(code, rows))
        for code in self.regions_with_data:
            pages.append(f"regions/{code}.html")
            self.write(pages[-1], "region.html", **self.region_page(code))
        measures_by_doc = self._group(self.d.measures, "document_id")
        for doc in self.d.documents:
            pages.append(f"documents/{doc['document_id']}.html")
            self.write(pages[-1], "document.html", doc=doc, region=self.d.regions.get(doc["region_code"] or ""),
                       measures=[self.provenance(m) for m in measures_by_doc.get(doc["document_id"], [])],
                       doc_kind=self.d.doc_kinds.get(doc["doc_kind"]))
        return pages

    @staticmethod
    def _group(rows: list[dict], key: str) -> dict[str, list[dict]]:
        grouped: dict[str, list[dict]] = defaultdict(list)
        for row in rows:
            if row[key] is not None:
                grouped[row[key]].append(row)
        return grouped

    def provenance(self, m: dict) -> dict:
        """The measure's context with the number marked, escaped piece by piece."""
        text, start, end = m["text"], m["char_start"], m["char_end"]
        before = text[m["context_start"]:start]
        after = text[end:m["context_end"]]
        marked = Markup("{}<mark>{}</mark>{}").format(before, text[start:end], after)
        return {**m, "anchor": anchor(m["measure_id"]), "marked": marked}

    # --- overview --------------------------------------------------------------------------------
    def overview(self) -> dict:
        n_measures = Counter(m["region_code"] for m in self.d.measures)
        n_docs = Counter(doc["region_code"] for doc in self.d.documents)
        points = [{"longitude": r["longitude"], "latitude": r["latitude"], "level": r["region_level"],
                   "label": f"{r['region_name_zh']} {r['region_name_en']}", "n_documents": n_docs.get(code, 0),
                   "n_measures": n_measures.get(code, 0), "href": f"regions/{code}.html"}
                  for code, r in self.d.regions.items() if r["longitude"] is not None]
        coverage_rows = [{"label": self.region_label(c["region_code"]), "year": c["year"],
                          "n_documents": c["n_documents"], "href": f"regions/{c['region_code']}.html"}
                         for c in self.d.coverage]
        strict = self.strictness_rows(root="")
        provinces = [c for c in self.regions_with_data if self.d.regions[c]["region_level"] == "province"]
        cities = [c for c in self.regions_with_data if self.d.regions[c]["region_level"] == "city"]
        return {
            "n_documents": len(self.d.documents), "n_measures": len(self.d.measures),
            "n_targets": sum(m["kind"] == "target" for m in self.d.measures),
            "n_outcomes": sum(m["kind"] == "outcome" for m in self.d.measures),
            "provinces": provinces, "cities": cities,
            "map_svg": Markup(charts.region_map(points)),
            "coverage_svg": Markup(charts.coverage_heatmap(coverage_rows)) if coverage_rows else None,
            "attainment_svg": self.attainment_chart(self.d.attainment, root=""),
            "focus_svg": self.focus_chart(self.d.focus, root=""),
            "strictness": strict, "strictness_svg": Markup(charts.strictness_bars(strict)) if strict else None,
            "indicators": sorted({r["indicator_code"] for r in self.d.comparison}),
        }

    def attainment_chart(self, rows: list[dict], root: str) -> Markup | None:
        counts: Counter = Counter()
        for a in rows:
            status = {True: "达成 attained", False: "未达成 missed", None: "不可比 not comparable"}[a["attained"]]
            counts[(a["region_code"], status)] += 1
        values = [{"label": self.region_label(code), "status": status, "n": n, "href": f"{root}regions/{code}.html"}
                  for (code, status), n in counts.items()]
        return Markup(charts.attainment_bars(values)) if values else None

    def focus_chart(self, rows: list[dict], root: str) -> Markup | None:
        docs = {doc["document_id"]: doc for doc in self.d.documents}
        values = []
        for f in rows:
            doc = docs.get(f["document_id"])
            if not doc or not f["share_of_tasks"]:
                continue
            dom = self.d.domains.get(f["domain_code"], {})
            kind = self.d.doc_kinds.get(doc["doc_kind"], {})
            values.append({"label": f"{self.region_label(doc['region_code'])} {doc['year']} {kind.get('name_en', '')}",
                           "domain": f"{dom.get('name_zh', f['domain_code'])} {dom.get('name_en', '')}",
                           "share": f["share_of_tasks"], "href": f"{root}documents/{doc['document_id']}.html"})
        return Markup(charts.domain_focus_bars(values)) if values else None

    def strictness_rows(self, root: str) -> list[dict]:
        rows = []
        for s in self.d.strictness:
            base = abs(s["province_value"]) or 1.0
            diff = (s["province_value"] - s["city_value"]) if s["better"] == "lower" else (s["city_value"] - s["province_value"])
            verdict = "更严 stricter" if diff > 0 else ("更宽 laxer" if diff < 0 else "相同 same")
            ind = self.d.indicators.get(s["indicator_code"], {})
            rows.append({**s, "stricter_by": diff / base, "verdict": verdict,
                         "label": f"{self.region_label(s['city_code'])} · {ind.get('name_zh', s['indicator_code'])} {s['year']}",
                         "href": f"{root}regions/{s['city_code']}.html"})
        return rows

    # --- indicator and region pages --------------------------------------------------------------
    def indicator_page(self, code: str, rows: list[dict]) -> dict:
        tables = []
        for (year, kind), group in self._pairs(rows):
            bars = [{"label": self.region_label(r["region_code"]), "value": r["value"], "level": r["region_level"],
                     "rank": (0 if r["region_level"] == "province" else 1000) + (r["rank"] or 999),
                     "href": f"../regions/{r['region_code']}.html"} for r in group if r["value"] is not None]
            unit = self.unit_name(group[0]["unit"])
            title = f"{year} {'目标 targets' if kind == 'target' else '结果 outcomes'} ({unit})"
            tables.append({"year": year, "kind": kind,
                           "provinces": [r for r in group if r["region_level"] == "province"],
                           "cities": [r for r in group if r["region_level"] == "city"],
                           "svg": Markup(charts.league_bars(bars, unit, title)) if bars else None})
        return {"indicator": self.d.indicators.get(code, {"indicator_code": code}), "tables": tables}

    @staticmethod
    def _pairs(rows: list[dict]) -> list[tuple[tuple[int, str], list[dict]]]:
        grouped: dict[tuple[int, str], list[dict]] = defaultdict(list)
        for r in rows:
            grouped[(r["year"], r["kind"])].append(r)
        return sorted(grouped.items(), key=lambda kv: (-kv[0][0], kv[0][1] != "target"))

    def region_page(self, code: str) -> dict:
        region = self.d.regions[code]
        documents = [doc for doc in self.d.documents if doc["region_code"] == code]
        doc_ids = {doc["document_id"] for doc in documents}
        measures = [m for m in self.d.measures if m["document_id"] in doc_ids]
        per_doc = Counter((m["document_id"], m["kind"]) for m in measures)
        coverage = [c for c in self.d.coverage if c["region_code"] == code]
        cov_values = [{"label": f"{self.d.doc_kinds[c['doc_kind']]['name_zh']} {c['doc_kind_name_en']}",
                       "year": c["year"], "n_documents": c["n_documents"], "href": f"{code}.html"} for c in coverage]
        by_domain = Counter((m["domain_code"], m["kind"]) for m in measures)
        domain_values = [{"label": f"{self.d.domains.get(d, {}).get('name_zh', d)} {self.d.domains.get(d, {}).get('name_en', '')}",
                          "value": n, "level": "目标 targets" if k == "target" else "结果 outcomes", "rank": 0,
                          "href": f"{code}.html"} for (d, k), n in by_domain.items() if d]
        attainment = [a for a in self.d.attainment if a["region_code"] == code]
        cities = [c for c in self.regions_with_data
                  if self.d.regions[c]["province_code"] == code and c != code]
        return {
            "region": region, "code": code, "documents": documents, "per_doc": per_doc,
            "doc_kinds": self.d.doc_kinds, "coverage": coverage,
            "province": self.d.regions.get(region["province_code"]) if region["province_code"] != code else None,
            "cities": cities,
            "coverage_svg": Markup(charts.coverage_heatmap(cov_values)),
            "domain_svg": Markup(charts.league_bars(domain_values, "数量 count", "各领域指标数 Measures by domain",
                                                color_title="类型 Kind"))
            if domain_values else None,
            "focus_svg": self.focus_chart([f for f in self.d.focus if f["document_id"] in doc_ids], root="../"),
            "attainment": attainment,
            "targets": [m for m in measures if m["kind"] == "target"],
            "outcomes": [m for m in measures if m["kind"] == "outcome"],
        }


def build_report(db_path: Path, out: Path) -> list[str]:
    """Write the site to `out` (replacing it) from the warehouse at db_path; returns the pages written."""
    data = read(db_path)
    if out.exists():
        shutil.rmtree(out)
    return Site(data, out).build()


__all__ = ["build_report", "anchor", "escape"]
