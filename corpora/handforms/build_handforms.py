"""Build the held-out 自评表 set in corpora/handforms/ by hand (openpyxl only, no corpora/generate.py).

Each form below is laid out like one real provincial variant (scoring-rules.md §1: TPL-SC, TPL-YN,
TPL-GZ, TPL-AH and two-row headers). The gold beside each workbook is written from the facts typed
into the FORM dicts here — never from reportparse output. Run: python3 corpora/handforms/build_handforms.py
(needs soffice for the cached formula values of hf06 and for the PDF copies).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

HERE = Path(__file__).resolve().parent
Row = list[Any]

ALL_CODES = [
    "score-mismatch", "score-sum-mismatch", "weight-sum-mismatch", "score-exceeds-weight",
    "budget-rate-mismatch", "budget-score-mismatch", "fund-sum-mismatch", "over-executed",
    "unexplained-balance", "grade-mismatch", "target-missed-full-score", "met-but-deducted",
    "deviation-reason-missing", "conflicting-actuals", "target-changed", "indicator-not-in-goals",
    "goal-not-reported", "missing-evaluation", "unsupported-score", "actual-restates-target",
    "unit-mismatch", "unit-cost-over-target", "overachieved-full-score", "weight-structure",
    "cost-indicator-direction", "vague-target", "missing-values", "template-text-left",
    "qualitative-band-mismatch", "target-missed",
]


def put(ws: Worksheet, top: int, rows: list[Row]) -> int:
    """Write `rows` from row `top`; None leaves a cell empty. Returns the next free row."""
    for offset, row in enumerate(rows):
        for col, value in enumerate(row, start=1):
            if value is not None:
                ws.cell(row=top + offset, column=col, value=value)
    return top + len(rows)


def dress(wb: openpyxl.Workbook) -> None:
    """Borders, wrapped text, column widths and a one-page-wide landscape print set-up, as forms are
    sent out: without them LibreOffice prints clipped cells and spills columns onto extra pages."""
    from openpyxl.styles import Alignment, Border, Side
    from openpyxl.utils import get_column_letter

    thin = Side(style="thin")
    for ws in wb.worksheets:
        for row in ws.iter_rows(min_row=1, max_row=ws.max_row, max_col=ws.max_column):
            for cell in row:
                cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
                cell.alignment = Alignment(wrap_text=True, vertical="center")
        widths = {col: 16 if col <= 4 else 11 for col in range(1, ws.max_column + 1)}
        for col, width in widths.items():
            ws.column_dimensions[get_column_letter(col)].width = width
        merged = {(r.min_row, r.min_col): r.max_col - r.min_col + 1 for r in ws.merged_cells.ranges}
        for row in ws.iter_rows(min_row=1, max_row=ws.max_row, max_col=ws.max_column):
            # LibreOffice keeps openpyxl's default row height: wrapped text would spill into the next row
            lines = max((-(-2 * len(str(c.value)) // sum(widths[c.column + k] - 1 for k in range(
                merged.get((c.row, c.column), 1)) if c.column + k in widths)) for c in row
                if c.value is not None and not str(c.value).startswith("=")), default=1)
            ws.row_dimensions[row[0].row].height = 15 * max(lines, 1)
        ws.page_setup.orientation = "landscape"
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True


def ind(project: str, level: str, name: str, cmp: str, value: float | None, unit: str | None, text: str,
        actual_text: str, actual: float | None, weight: float, score: float, **extra: Any) -> dict[str, Any]:
    """One gold goal indicator."""
    entry = {"project": project, "level": level, "name": name, "cmp": cmp, "value": value, "unit": unit,
             "text": text, "actual_text": actual_text, "actual": actual, "weight": weight, "score": score}
    entry.update(extra)
    return entry


def write_gold(stem: str, documents: list[str], projects: list[dict[str, Any]], indicators: list[dict[str, Any]],
               required: list[dict[str, Any]], acceptable: list[dict[str, Any]], notes: str) -> None:
    """Write stem.gold.json; forbidden = every catalogue code neither required nor acceptable."""
    allowed = {f["code"] for f in required + acceptable}
    gold = {
        "document": documents[0], "documents": documents, "layout": "form", "year": 2023,
        "hand_built": True,
        "notes": "Hand-built by corpora/handforms/build_handforms.py from the facts it typed in. Money in "
                 "yuan, percentages as numbers. " + notes,
        "projects": projects, "goal_indicators": indicators,
        "required_findings": [dict(f, id=f"G{i}") for i, f in enumerate(required, start=1)],
        "acceptable_findings": acceptable,
        "forbidden_findings": [{"code": c} for c in ALL_CODES if c not in allowed],
    }
    (HERE / f"{stem}.gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", "utf-8")


# ---------------------------------------------------------------- (a) 四川: 指标性质/度量单位/权重/完成值/合计
def hf01() -> None:
    p = "城乡供水管网维护经费"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "自评表"
    r = put(ws, 1, [
        ["部门预算项目支出绩效自评表（2023年度）"],
        ["项目名称", p, None, None, "主管部门", "某县水务局"],
        ["实施单位", "某县供排水服务中心", None, None, "项目负责人", "张某"],
        ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", 50, 50, 48, 10, "96%", 9.6],
        ["其中：财政拨款", 50, 50, 48, None, None, None],
        ["上年结转资金", 0, 0, 0, None, None, None],
        ["其他资金", 0, 0, 0, None, None, None],
        ["年度总体目标", "预期目标", None, None, None, "实际完成情况"],
        [None, "完成城区及乡镇供水管网日常维护", None, None, None, "已完成管网维护，部分水表更换延后"],
        ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分",
         "未完成原因分析"],
    ])
    rows = [
        ["产出指标", "数量指标", "维护管网长度", "≥", 120, "公里", 126, 15, 15, None],
        ["产出指标", "数量指标", "更换水表数量", "＝", 500, "个", 450, 10, 9, None],
        ["产出指标", "质量指标", "维修合格率", "≥", 95, "%", 98, 10, 10, None],
        ["产出指标", "时效指标", "维护任务完成时限", "定性", "年底前完成", None, "按期完成", 5, 5, None],
        ["产出指标", "成本指标", "管网维护成本", "≤", 50, "万元", 48, 10, 10, None],
        ["效益指标", "社会效益指标", "供水保障率", "≥", 99, "%", 99.5, 15, 15, None],
        ["效益指标", "可持续影响指标", "管网长效运行", "定性", "长期", None, "长期有效", 15, 15, None],
        ["满意度指标", "服务对象满意度指标", "用水户满意度", "≥", 90, "%", 93, 10, 10, None],
    ]
    r = put(ws, r, rows)
    put(ws, r, [["合计", None, None, None, None, None, None, 100, 99.6, None],
                ["评价结论", "管网维护任务基本完成"]])
    dress(wb)
    wb.save(HERE / "hf01_sichuan.xlsx")
    projects = [{"name": p, "aliases": [], "budget": 500000, "executed": 480000, "returned": None,
                 "claimed_scores": {"预算执行": [10, 9.6], "产出": [50, 49], "产出/数量": [25, 24],
                                    "产出/质量": [10, 10], "产出/时效": [5, 5], "产出/成本": [10, 10],
                                    "效益": [30, 30], "效益/社会效益": [15, 15], "效益/可持续影响": [15, 15],
                                    "满意度": [10, 10], "总分": [100, 99.6]}}]
    inds = [
        ind(p, "产出/数量", "维护管网长度", ">=", 120, "公里", "≥120公里", "126", 126, 15, 15),
        ind(p, "产出/数量", "更换水表数量", "=", 500, "个", "＝500个", "450", 450, 10, 9, cmp_alt=[">="]),
        ind(p, "产出/质量", "维修合格率", ">=", 95, "%", "≥95%", "98", 98, 10, 10),
        ind(p, "产出/时效", "维护任务完成时限", "qualitative", None, None, "年底前完成", "按期完成", None, 5, 5),
        ind(p, "产出/成本", "管网维护成本", "<=", 500000, "元", "≤50万元", "48", 480000, 10, 10),
        ind(p, "效益/社会效益", "供水保障率", ">=", 99, "%", "≥99%", "99.5", 99.5, 15, 15),
        ind(p, "效益/可持续影响", "管网长效运行", "qualitative", None, None, "长期", "长期有效", None, 15, 15),
        ind(p, "满意度", "用水户满意度", ">=", 90, "%", "≥90%", "93", 93, 10, 10),
    ]
    required = [
        {"code": "score-sum-mismatch", "project": p, "why": "合计 得分 99.6 but 9.6 + rows 89 = 98.6"},
        {"code": "deviation-reason-missing", "project": p, "indicator": "更换水表数量",
         "why": "450 of 500, no 未完成原因分析"},
    ]
    acceptable = [
        {"code": "target-missed", "project": p, "indicator": "更换水表数量"},
        {"code": "unexplained-balance", "project": p, "why": "2 万元 (4%) unspent, the form says nothing"},
    ]
    write_gold("hf01_sichuan", ["hf01_sichuan.xlsx"], projects, inds, required, acceptable,
               "四川 style: 指标性质 column holds the comparator, 权重 = 分值, 完成值 = 实际完成值, 合计 = 总分.")


# ---------------------------------------------------------------- (b) 云南: 繁体 fund block, ﹦ comparators
def hf02() -> None:
    p = "城市公共厕所保洁经费"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    r = put(ws, 1, [
        ["項目支出績效自評表"],
        ["（2023年度）"],
        ["項目名稱", p],
        ["主管部門", "某市城市管理局", None, None, "實施單位", "某市環境衛生管理處"],
        ["項目資金（萬元）", None, "年初預算數", "全年預算數", "全年執行數", "分值", "執行率", "得分"],
        ["年度資金總額", None, 7.29, 7.29, 7.29, 10, "100%", 10],
        ["其中：當年財政撥款", None, 6, 6, 6, None, None, None],
        ["上年結轉資金", None, 1, 1, 1, None, None, None],
        ["其他資金", None, 0, 0, 0, None, None, None],
        ["年度總體目標", "預期目標", None, None, "實際完成情況"],
        [None, "保障城區公廁日常保潔", None, None, "公廁保潔全年正常運轉"],
        ["一級指標", "二級指標", "三級指標", "指標性質", "指標值", "度量單位", "實際完成值", "分值", "得分",
         "偏差原因分析及改進措施"],
    ])
    rows = [
        ["產出指標", "數量指標", "保潔公廁數量", "﹦", 42, "座", 42, 20, 20, None],
        ["產出指標", "質量指標", "保潔達標率", "≥", 95, "%", 97, 10, 10, None],
        ["產出指標", "時效指標", "保潔及時性", "定性", "及時", None, "部分完成", 10, 9, "部分時段人手不足，已增配人員"],
        ["產出指標", "成本指標", "單座公廁年保潔成本", "≤", 1800, "元/座", 1735, 10, 10, None],
        ["效益指標", "社會效益指標", "市容環境改善", "定性", "明顯改善", None, "明顯改善", 15, 15, None],
        ["效益指標", "可持續影響指標", "保潔機制長效運行", "定性", "長效", None, "已實現", 15, 15, None],
        ["滿意度指標", "服務對象滿意度指標", "市民滿意度", "≥", 90, "%", 95, 10, 10, None],
    ]
    r = put(ws, r, rows)
    put(ws, r, [["總分", None, None, None, None, None, None, 100, 99, None]])
    dress(wb)
    wb.save(HERE / "hf02_yunnan.xlsx")
    projects = [{"name": p, "aliases": [], "budget": 72900, "executed": 72900, "returned": None,
                 "claimed_scores": {"预算执行": [10, 10], "产出": [50, 49], "产出/数量": [20, 20],
                                    "产出/质量": [10, 10], "产出/时效": [10, 9], "产出/成本": [10, 10],
                                    "效益": [30, 30], "效益/社会效益": [15, 15], "效益/可持续影响": [15, 15],
                                    "满意度": [10, 10], "总分": [100, 99]}}]
    inds = [
        ind(p, "产出/数量", "保潔公廁數量", "=", 42, "座", "﹦42座", "42", 42, 20, 20, cmp_alt=[">="]),
        ind(p, "产出/质量", "保潔達標率", ">=", 95, "%", "≥95%", "97", 97, 10, 10),
        ind(p, "产出/时效", "保潔及時性", "qualitative", None, None, "及時", "部分完成", None, 10, 9),
        ind(p, "产出/成本", "單座公廁年保潔成本", "<=", 1800, "元/座", "≤1800元/座", "1735", 1735, 10, 10),
        ind(p, "效益/社会效益", "市容環境改善", "qualitative", None, None, "明顯改善", "明顯改善", None, 15, 15),
        ind(p, "效益/可持续影响", "保潔機制長效運行", "qualitative", None, None, "長效", "已實現", None, 15, 15),
        ind(p, "满意度", "市民滿意度", ">=", 90, "%", "≥90%", "95", 95, 10, 10),
    ]
    required = [
        {"code": "fund-sum-mismatch", "project": p, "why": "年度資金總額 7.29 ≠ 6 + 1 + 0"},
        {"code": "qualitative-band-mismatch", "project": p, "indicator": "保潔及時性",
         "why": "部分完成 allows [6, 8) of 10, claimed 9"},
    ]
    acceptable = [
        {"code": "score-mismatch", "project": p, "indicator": "保潔及時性"},
        {"code": "target-missed", "project": p, "indicator": "保潔及時性"},
        {"code": "vague-target", "project": p, "indicator": "市容環境改善",
         "why": "明顯改善 has no measure (as 明显改善 in hf04); acceptable once traditional text is read simplified"},
    ]
    write_gold("hf02_yunnan", ["hf02_yunnan.xlsx"], projects, inds, required, acceptable,
               "云南 style in traditional characters (the indicator names are kept as printed).")


# ---------------------------------------------------------------- (c) TPL-GZ: 20-point budget block
def hf03() -> None:
    p = "商贸流通企业培训补助"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "自评表"
    r = put(ws, 1, [
        ["2023年度项目支出绩效自评表"],
        ["项目名称", p, None, "项目单位", "某区商务局"],
        ["预算执行情况（20分）", "预算数(A)", "执行数(B)", "执行率(B/A)", "得分(20分*执行率)"],
        ["（万元）", 40, 38, "95%", 20],
        ["年度绩效目标（80分）"],
        ["一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "分值", "得分", "未完成原因"],
    ])
    rows = [
        ["产出指标（40分）", "数量指标", "培训企业人员人次", "≥800人次", "860人次", 15, 15, None],
        ["产出指标（40分）", "质量指标", "培训考核合格率", "≥90%", "92%", 10, 10, None],
        ["产出指标（40分）", "时效指标", "培训完成时间", "11月底前", "部分完成", 10, 7, "两期培训推迟到12月"],
        ["产出指标（40分）", "成本指标", "人均培训成本", "≤500元", "442元", 5, 5, None],
        ["效益指标（30分）", "经济效益指标", "企业销售额增长", "≥5%", "6%", 15, 15, None],
        ["效益指标（30分）", "社会效益指标", "带动就业人数", "≥200人", "215人", 15, 15, None],
        ["满意度指标（10分）", "服务对象满意度指标", "参训人员满意度", "≥85%", "91%", 10, 10, None],
    ]
    r = put(ws, r, rows)
    put(ws, r, [["总分", None, None, None, None, 100, 97, None],
                ["自评等级", "优"]])
    dress(wb)
    wb.save(HERE / "hf03_guizhou.xlsx")
    projects = [{"name": p, "aliases": [], "budget": 400000, "executed": 380000, "returned": None,
                 "claimed_scores": {"预算执行": [20, 20], "产出": [40, 37], "产出/数量": [15, 15],
                                    "产出/质量": [10, 10], "产出/时效": [10, 7], "产出/成本": [5, 5],
                                    "效益": [30, 30], "效益/经济效益": [15, 15], "效益/社会效益": [15, 15],
                                    "满意度": [10, 10], "总分": [100, 97]}}]
    inds = [
        ind(p, "产出/数量", "培训企业人员人次", ">=", 800, "人次", "≥800人次", "860人次", 860, 15, 15),
        ind(p, "产出/质量", "培训考核合格率", ">=", 90, "%", "≥90%", "92%", 92, 10, 10),
        ind(p, "产出/时效", "培训完成时间", "qualitative", None, None, "11月底前", "部分完成", None, 10, 7),
        ind(p, "产出/成本", "人均培训成本", "<=", 500, "元", "≤500元", "442元", 442, 5, 5),
        ind(p, "效益/经济效益", "企业销售额增长", ">=", 5, "%", "≥5%", "6%", 6, 15, 15),
        ind(p, "效益/社会效益", "带动就业人数", ">=", 200, "人", "≥200人", "215人", 215, 15, 15),
        ind(p, "满意度", "参训人员满意度", ">=", 85, "%", "≥85%", "91%", 91, 10, 10),
    ]
    required = [
        {"code": "budget-score-mismatch", "project": p, "why": "rate 95% of 20 points is 19, claimed 20"},
    ]
    acceptable = [
        {"code": "weight-structure", "project": p, "why": "TPL-GZ 20/40/30/10 is not the national 10/50/30/10"},
        {"code": "unexplained-balance", "project": p},
        {"code": "target-missed", "project": p, "indicator": "培训完成时间"},
        {"code": "score-sum-mismatch", "project": p,
         "why": "总分 97 = rows 77 + claimed 20; with the recomputed 19 it is 96"},
    ]
    write_gold("hf03_guizhou", ["hf03_guizhou.xlsx"], projects, inds, required, acceptable,
               "TPL-GZ 20-point budget block. The 部分完成 row scores 7 of 10: inside [6, 8) (80/60) and [5, 8) "
               "(80/50), so the form is consistent under both profiles. 自评等级 优 for 97 is right.")


# ---------------------------------------------------------------- (d) merged 一级/二级, 满意度 label in 一级 column
def hf04() -> None:
    p = "农村义务教育学生营养改善计划"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "项目支出绩效自评表"
    r = put(ws, 1, [
        ["项目支出绩效自评表"],
        ["（2023年度）"],
        ["项目名称", None, p],
        ["主管部门", None, "某县教育局", None, "实施单位", None, "某县教育局"],
        ["项目资金（万元）", None, None, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        [None, None, "年度资金总额", 320, 300, 300, 10, "100%", 10],
        [None, None, "其中：当年财政拨款", 320, 300, 300, None, None, None],
        [None, None, "上年结转资金", 0, 0, 0, None, None, None],
        [None, None, "其他资金", 0, 0, 0, None, None, None],
        ["年度总体目标", "预期目标", None, None, None, "实际完成情况"],
        [None, "为农村义务教育学生提供营养膳食补助", None, None, None, "全年足额发放营养膳食补助"],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
         "偏差原因分析及改进措施"],
    ])
    top = r
    rows = [
        [None, "产出指标", "数量指标", "受益学生人数", "≥6000人", "6120人", 15, 15, None],
        [None, None, None, "补助天数", "200天", "200天", 10, 10, None],
        [None, None, "质量指标", "食品安全事故发生次数", "0次", "0次", 10, 10, None],
        [None, None, "时效指标", "资金拨付及时率", "100%", "100%", 10, 10, None],
        [None, None, "成本指标", "每生每天补助标准", "≤5元", "5元", 5, 5, None],
        [None, "效益指标", "社会效益指标", "学生营养健康状况改善", "有所改善", "明显改善", 15, 15, None],
        [None, None, "可持续影响指标", "营养改善长效机制", "持续运行", "持续运行", 15, 15, None],
        [None, "服务对象满意度指标", None, "学生及家长满意度", "≥90%", "96%", 10, 10, None],
    ]
    r = put(ws, r, rows)
    ws.merge_cells(start_row=top, end_row=top + len(rows) - 1, start_column=1, end_column=1)
    ws.cell(row=top, column=1, value="绩效指标")
    ws.merge_cells(start_row=top, end_row=top + 4, start_column=2, end_column=2)
    ws.merge_cells(start_row=top, end_row=top + 1, start_column=3, end_column=3)
    ws.merge_cells(start_row=top + 5, end_row=top + 6, start_column=2, end_column=2)
    ws.merge_cells(start_row=top + 7, end_row=top + 7, start_column=2, end_column=3)
    ws.merge_cells(start_row=5, end_row=9, start_column=1, end_column=2)
    put(ws, r, [[None, "总分", None, None, None, None, 100, 100, None],
                [None, "评价等级", "优"]])
    dress(wb)
    wb.save(HERE / "hf04_merged.xlsx")
    projects = [{"name": p, "aliases": [], "budget": 3000000, "budget_initial": 3200000, "executed": 3000000,
                 "returned": None,
                 "claimed_scores": {"预算执行": [10, 10], "产出": [50, 50], "产出/数量": [25, 25],
                                    "产出/质量": [10, 10], "产出/时效": [10, 10], "产出/成本": [5, 5],
                                    "效益": [30, 30], "效益/社会效益": [15, 15], "效益/可持续影响": [15, 15],
                                    "满意度": [10, 10], "总分": [100, 100]}}]
    inds = [
        ind(p, "产出/数量", "受益学生人数", ">=", 6000, "人", "≥6000人", "6120人", 6120, 15, 15),
        ind(p, "产出/数量", "补助天数", "=", 4800, "h", "200天", "200天", 4800, 10, 10, bare_number=True,
            cmp_alt=[">="], note="durations in hours: 200天 = 4800 h"),
        ind(p, "产出/质量", "食品安全事故发生次数", "=", 0, "次", "0次", "0次", 0, 10, 10, cmp_alt=["<="]),
        ind(p, "产出/时效", "资金拨付及时率", "=", 100, "%", "100%", "100%", 100, 10, 10, cmp_alt=[">="]),
        ind(p, "产出/成本", "每生每天补助标准", "<=", 5, "元", "≤5元", "5元", 5, 5, 5),
        ind(p, "效益/社会效益", "学生营养健康状况改善", "qualitative", None, None, "有所改善", "明显改善", None,
            15, 15),
        ind(p, "效益/可持续影响", "营养改善长效机制", "qualitative", None, None, "持续运行", "持续运行", None,
            15, 15),
        ind(p, "满意度", "学生及家长满意度", ">=", 90, "%", "≥90%", "96%", 96, 10, 10),
    ]
    acceptable = [{"code": "vague-target", "project": p, "indicator": "学生营养健康状况改善",
                   "why": "有所改善 has no measurable standard"}]
    write_gold("hf04_merged", ["hf04_merged.xlsx"], projects, inds, [], acceptable,
               "Clean form. 一级/二级 cells merged over many rows; the 满意度 row writes its 二级 label "
               "服务对象满意度指标 in the 一级 column, merged across both. 全年预算数 300 (adjusted from 320) is the "
               "budget.")


# ---------------------------------------------------------------- (e) two forms on two sheets + hidden template
def _simple_form(ws: Worksheet, project: str, dept: str, fund: tuple[float, float, float, str, float],
                 rows: list[Row], total: tuple[float, float]) -> None:
    """A central-style form on one sheet (columns A..I)."""
    planned, executed, weight, rate, score = fund
    r = put(ws, 1, [
        ["项目支出绩效自评表"],
        ["项目名称", project, None, None, "实施单位", dept],
        ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", planned, planned, executed, weight, rate, score],
        ["其中：当年财政拨款", planned, planned, executed, None, None, None],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    ])
    r = put(ws, r, rows)
    put(ws, r, [["总分", None, None, None, None, total[0], total[1], None]])


def hf05() -> None:
    p1, p2 = "社区居家养老服务补助", "老年人助餐服务补贴"
    wb = openpyxl.Workbook()
    ws1 = wb.active
    ws1.title = "养老服务"
    _simple_form(ws1, p1, "某区民政局", (80, 80, 10, "100%", 10), [
        ["产出指标", "数量指标", "服务老年人人数", "≥1500人", "1580人", 20, 20, None],
        ["产出指标", "质量指标", "服务质量达标率", "≥95%", "100%", 10, 8, None],
        ["产出指标", "时效指标", "补助发放及时性", "及时", "及时", 10, 10, None],
        ["产出指标", "成本指标", "人均服务成本", "≤530元", "506元", 10, 10, None],
        ["效益指标", "社会效益指标", "老年人生活质量提升", "有效提升", "有效提升", 30, 30, None],
        ["满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "94%", 10, 10, None],
    ], (100, 98))
    ws2 = wb.create_sheet("助餐补贴")
    _simple_form(ws2, p2, "某区民政局", (25, 25, 10, "100%", 10), [
        ["产出指标", "数量指标", "助餐点数量", "≥12个", "12个", 20, 20, None],
        ["产出指标", "质量指标", "食品安全抽检合格率", "100%", None, 10, 10, None],
        ["产出指标", "时效指标", "补贴按月发放", "按月", "按月发放", 10, 10, None],
        ["产出指标", "成本指标", "每餐补贴标准", "≤5元", "5元", 10, 10, None],
        ["效益指标", "社会效益指标", "老年人就餐便利度", "明显提升", "明显提升", 30, 30, None],
        ["满意度指标", "服务对象满意度指标", "就餐老人满意度", "≥90%", "92%", 10, 10, None],
    ], (100, 100))
    tpl = wb.create_sheet("模板")
    _simple_form(tpl, "XXXX项目", "XX单位", (0, 0, 10, "", 0), [
        ["产出指标", "数量指标", "指标1：", "", "", None, None, None],
        ["效益指标", "社会效益指标", "指标1：", "", "", None, None, None],
        ["满意度指标", "服务对象满意度指标", "指标1：", "", "", None, None, None],
    ], (100, 0))
    tpl.sheet_state = "hidden"
    dress(wb)
    wb.save(HERE / "hf05_two_sheets.xlsx")
    full = {"预算执行": [10, 10], "产出": [50, 48], "产出/数量": [20, 20], "产出/质量": [10, 8],
            "产出/时效": [10, 10], "产出/成本": [10, 10], "效益": [30, 30], "效益/社会效益": [30, 30],
            "满意度": [10, 10], "总分": [100, 98]}
    second = dict(full, **{"产出": [50, 50], "产出/质量": [10, 10], "总分": [100, 100]})
    projects = [
        {"name": p1, "aliases": [], "budget": 800000, "executed": 800000, "returned": None, "claimed_scores": full},
        {"name": p2, "aliases": [], "budget": 250000, "executed": 250000, "returned": None,
         "claimed_scores": second},
    ]
    inds = [
        ind(p1, "产出/数量", "服务老年人人数", ">=", 1500, "人", "≥1500人", "1580人", 1580, 20, 20),
        ind(p1, "产出/质量", "服务质量达标率", ">=", 95, "%", "≥95%", "100%", 100, 10, 8),
        ind(p1, "产出/时效", "补助发放及时性", "qualitative", None, None, "及时", "及时", None, 10, 10),
        ind(p1, "产出/成本", "人均服务成本", "<=", 530, "元", "≤530元", "506元", 506, 10, 10),
        ind(p1, "效益/社会效益", "老年人生活质量提升", "qualitative", None, None, "有效提升", "有效提升", None, 30, 30),
        ind(p1, "满意度", "服务对象满意度", ">=", 90, "%", "≥90%", "94%", 94, 10, 10),
        ind(p2, "产出/数量", "助餐点数量", ">=", 12, "个", "≥12个", "12个", 12, 20, 20),
        ind(p2, "产出/质量", "食品安全抽检合格率", "=", 100, "%", "100%", "", None, 10, 10, cmp_alt=[">="]),
        ind(p2, "产出/时效", "补贴按月发放", "qualitative", None, None, "按月", "按月发放", None, 10, 10),
        ind(p2, "产出/成本", "每餐补贴标准", "<=", 5, "元", "≤5元", "5元", 5, 10, 10),
        ind(p2, "效益/社会效益", "老年人就餐便利度", "qualitative", None, None, "明显提升", "明显提升", None, 30, 30),
        ind(p2, "满意度", "就餐老人满意度", ">=", 90, "%", "≥90%", "92%", 92, 10, 10),
    ]
    required = [
        {"code": "met-but-deducted", "project": p1, "indicator": "服务质量达标率", "why": "100% ≥ 95%, scored 8 of 10"},
        {"code": "missing-values", "project": p2, "indicator": "食品安全抽检合格率", "why": "实际完成值 empty"},
    ]
    acceptable = [
        {"code": "score-mismatch", "project": p1, "indicator": "服务质量达标率"},
        {"code": "deviation-reason-missing", "project": p1, "indicator": "服务质量达标率"},
        {"code": "unsupported-score", "project": p2, "indicator": "食品安全抽检合格率"},
        {"code": "goal-not-reported", "project": p2, "indicator": "食品安全抽检合格率"},
        {"code": "vague-target", "project": p2, "indicator": "老年人就餐便利度", "why": "明显提升 has no measure"},
        {"code": "vague-target", "project": p1, "indicator": "老年人生活质量提升", "why": "有效提升 has no measure"},
    ]
    write_gold("hf05_two_sheets", ["hf05_two_sheets.xlsx"], projects, inds, required, acceptable,
               "Two project forms on two visible sheets; a third, hidden sheet holds the blank template "
               "(XXXX项目, 指标1：) and must be ignored (no project, no template-text-left).")


# ---------------------------------------------------------------- (f) two-row headers, real numbers, formula, 0.95 as %
def hf06(tmp: Path) -> None:
    p = "中小学校舍维修改造资金"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    put(ws, 1, [
        ["项目支出绩效自评表"],
        ["（2023年度）"],
        ["项目名称", p, None, None, "实施单位", "某市教育局"],
        ["项目资金（万元）"],
        ["资金来源", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", 100, 100, 95, 10, 0.98, "=E6*F6"],
        ["其中：财政拨款", 100, 100, 95, None, None, None],
        ["上年结转资金", 0, 0, 0, None, None, None],
        ["绩效指标"],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        ["产出指标", "数量指标", "维修改造校舍面积（平方米）", 12000, 12350, 20, 20, None],
        ["产出指标", "质量指标", "工程验收合格率", 0.95, 0.9, 10, 10, "两处屋面返工，已整改"],
        ["产出指标", "时效指标", "开学前完工", "开学前", "按期完工", 10, 10, None],
        ["产出指标", "成本指标", "每平方米维修成本（元）", "≤80", 76.9, 10, 10, None],
        ["效益指标", "社会效益指标", "消除校舍安全隐患", "有效消除", "有效消除", 30, 30, None],
        ["满意度指标", "服务对象满意度指标", "师生满意度", 0.9, 0.93, 10, 10, None],
        ["总分", None, None, None, None, 100, "=G6+SUM(G11:G16)", None],
    ])
    ws.merge_cells("A4:G4")
    ws.merge_cells("A9:H9")
    for cell in ("F6", "D12", "E12", "D16", "E16"):
        ws[cell].number_format = "0.00%"
    raw = tmp / "hf06_two_row_header.xlsx"
    dress(wb)
    wb.save(raw)
    # openpyxl stores formulas without cached values; LibreOffice recalculates and stores them.
    out = tmp / "calc"
    subprocess.run(["soffice", "--headless", "--calc", "--convert-to", "xlsx", "--outdir", str(out), str(raw)],
                   check=True, capture_output=True)
    shutil.copy(out / raw.name, HERE / raw.name)
    projects = [{"name": p, "aliases": [], "budget": 1000000, "executed": 950000, "returned": None,
                 "claimed_scores": {"预算执行": [10, 9.8], "产出": [50, 50], "产出/数量": [20, 20],
                                    "产出/质量": [10, 10], "产出/时效": [10, 10], "产出/成本": [10, 10],
                                    "效益": [30, 30], "效益/社会效益": [30, 30], "满意度": [10, 10],
                                    "总分": [100, 99.8]}}]
    inds = [
        ind(p, "产出/数量", "维修改造校舍面积（平方米）", "=", 12000, "平方米", "12000", "12350", 12350, 20, 20,
            bare_number=True, cmp_alt=[">="]),
        ind(p, "产出/质量", "工程验收合格率", "=", 95, "%", "95.00%", "90.00%", 90, 10, 10, bare_number=True,
            cmp_alt=[">="]),
        ind(p, "产出/时效", "开学前完工", "qualitative", None, None, "开学前", "按期完工", None, 10, 10),
        ind(p, "产出/成本", "每平方米维修成本（元）", "<=", 80, "元", "≤80", "76.9", 76.9, 10, 10),
        ind(p, "效益/社会效益", "消除校舍安全隐患", "qualitative", None, None, "有效消除", "有效消除", None, 30, 30),
        ind(p, "满意度", "师生满意度", "=", 90, "%", "90.00%", "93.00%", 93, 10, 10, bare_number=True,
            cmp_alt=[">="]),
    ]
    required = [
        {"code": "budget-rate-mismatch", "project": p, "why": "printed 98.00% vs 95 / 100 = 95%"},
        # full marks on a missed target: target-missed-full-score states it; a score-mismatch on the same row
        # restates it in points, so either is the finding
        {"code": "target-missed-full-score", "code_alt": ["score-mismatch"], "project": p,
         "indicator": "工程验收合格率", "why": "90% of 95% → 9.47, claimed 10"},
    ]
    acceptable = [
        {"code": "budget-score-mismatch", "project": p, "why": "得分 = 10 × printed 98% = 9.8, recomputed 9.5"},
        {"code": "score-mismatch", "project": p, "indicator": "工程验收合格率"},
        {"code": "target-missed", "project": p, "indicator": "工程验收合格率"},
        {"code": "unexplained-balance", "project": p},
        {"code": "score-sum-mismatch", "project": p, "why": "总分 uses the printed 9.8"},
    ]
    write_gold("hf06_two_row_header", ["hf06_two_row_header.xlsx"], projects, inds, required, acceptable,
               "Headers on two rows (项目资金（万元） spanning; 绩效指标 spanning), numbers typed as numbers, 得分 and "
               "总分 are formulas with cached values, percentages stored as fractions with a % format.")


def to_pdf(stem: str, tmp: Path) -> None:
    """A PDF copy named stem_pdf.pdf with its own gold (the xlsx gold, pointed at the PDF)."""
    out = tmp / "pdf"
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(out), str(HERE / f"{stem}.xlsx")],
                   check=True, capture_output=True)
    shutil.copy(out / f"{stem}.pdf", HERE / f"{stem}_pdf.pdf")
    gold = json.loads((HERE / f"{stem}.gold.json").read_text("utf-8"))
    gold["document"] = f"{stem}_pdf.pdf"
    gold["documents"] = [f"{stem}_pdf.pdf"]
    gold["notes"] += " PDF printed from the workbook by LibreOffice."
    (HERE / f"{stem}_pdf.gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", "utf-8")


def main() -> None:
    """Build every form, its gold, and the two PDF copies."""
    hf01()
    hf02()
    hf03()
    hf04()
    hf05()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        hf06(tmp)
        for stem in ("hf01_sichuan", "hf04_merged"):
            to_pdf(stem, tmp)


if __name__ == "__main__":
    main()
