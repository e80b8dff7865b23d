"""The data model shared by every stage: documents, reports, findings and results.

This module is the bottom layer of the package and imports nothing from reportparse.
Every stage is a function from one of these models to another. Exact amounts are
`Decimal`; in JSON they are written as plain numbers (ints where they are whole).
"""

from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer

SCHEMA_VERSION = "1.0"
#: The confidence of a text read from a run of glued figures that more than one cut fits ('5088':
#: 50 | 8 | 8, or 5 | 0 | 88?): the reader took the likeliest reading, with no confidence in it. OCR
#: never reports exactly 0 for a character it printed, so the two never meet.
AMBIGUOUS_CUT_CONFIDENCE = 0.0


def _decimal_to_json(value: Decimal) -> int | float:
    """Write a Decimal as a JSON number: an int when it is whole, else a float."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)


#: An exact decimal number, serialised as a JSON number.
Number = Annotated[
    Decimal,
    PlainSerializer(_decimal_to_json, return_type=int | float, when_used="json"),
    Field(json_schema_extra={"type": "number"}),
]


def _empty_list() -> list[Any]:
    """A new empty list: the default of every list field.

    A Python function rather than the builtin `list`: pydantic inspects a default factory's signature
    once per field, and the builtin's costs a parse of its text signature (tokenize, ~1 ms a field).
    """
    return []


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


# --------------------------------------------------------------------------------------------
# Provenance
# --------------------------------------------------------------------------------------------


class BBox(_Model):
    """A rectangle on a PDF page, in PDF points with the origin at the page's top-left corner."""

    x0: float
    top: float
    x1: float
    bottom: float


class Evidence(_Model):
    """One place in the source that supports a value or a finding: an exact quote and where it is."""

    page: int | None = Field(
        description="1-based page; for text input counted by page breaks; null where the file does not record "
        "its pages (a DOCX Word never laid out: see Source.pages_known)"
    )
    text: str = Field(description="the exact text quoted from the source")
    line: int | None = Field(default=None, description="1-based line number in the source text, if known")
    bbox: BBox | None = Field(default=None, description="PDF only: the quote's box on the page")
    paragraph: int | None = Field(
        default=None, description="DOCX: 0-based index of the quoted paragraph among the body's paragraphs"
    )
    table: int | None = Field(default=None, description="0-based index of the table in the document")
    row: int | None = Field(default=None, description="0-based table row")
    col: int | None = Field(default=None, description="0-based table column")
    sheet: str | None = Field(default=None, description="XLSX only: the sheet name")
    cell: str | None = Field(default=None, description="XLSX only: the cell reference, e.g. 'C7'")
    confidence: float | None = Field(
        default=None, description="OCR'd text only: the recogniser's lowest character confidence (0-1) in the quote"
    )


# --------------------------------------------------------------------------------------------
# Document: what the extract stage produces, the same for every input format
# --------------------------------------------------------------------------------------------


class SourceFormat(StrEnum):
    """The file's format, named by its extension (what the content was read as is in `Document.notes`)."""

    PDF = "pdf"
    DOCX = "docx"
    XLSX = "xlsx"
    TEXT = "text"
    DOC = "doc"  # Word 97-2003
    WPS = "wps"  # Kingsoft WPS Writer
    XLS = "xls"  # Excel 97-2003
    ET = "et"  # Kingsoft WPS Spreadsheets
    IMAGE = "image"


class OcrPageInfo(_Model):
    """How one page was read by OCR: turned upright, deskewed, recognised with what confidence."""

    page: int
    rotation: int = Field(default=0, description="right-angle turn (degrees, counter-clockwise) that made it upright")
    skew: float = Field(default=0.0, description="the further rotation (degrees, counter-clockwise) that levelled it")
    confidence: float = Field(description="mean character confidence of the recogniser (0-1)")
    width: float = Field(description="width of the upright page in points (boxes on the page use these units)")
    height: float = Field(description="height of the upright page in points")


class Source(_Model):
    """The input file."""

    path: str
    format: SourceFormat
    sha256: str
    pages: int = Field(description="number of pages (PDF), page breaks + 1 (text/DOCX), sheets (XLSX)")
    encoding: str | None = Field(default=None, description="text input only: the detected encoding")
    pages_known: bool = Field(
        default=True,
        description="False when the file does not say where its pages break (a DOCX without Word's rendered "
        "page breaks): evidence then carries no page, and paragraph or table positions locate it instead",
    )
    ocr: list[OcrPageInfo] = Field(default_factory=_empty_list, description="the pages that were read by OCR")


class Line(_Model):
    """One physical line of text as the source laid it out."""

    text: str
    page: int
    line: int | None = Field(default=None, description="1-based line number in the source text")
    bbox: BBox | None = None
    confidence: float | None = Field(default=None, description="OCR'd line only: its lowest character confidence")


class Paragraph(_Model):
    """A run of text, with hard line breaks already repaired.

    `text` is the repaired text; `lines` are the physical lines it was built from, in order, so a
    character span of `text` can be traced back to its page, line and box (see `spans`).
    `spans[i]` is the (start, end) offset in `text` of `lines[i]`'s content.
    """

    kind: Literal["paragraph"] = "paragraph"
    text: str
    lines: list[Line] = Field(default_factory=_empty_list)
    spans: list[tuple[int, int]] = Field(default_factory=_empty_list)
    page: int
    style: str | None = Field(default=None, description="e.g. 'heading' when the source marks it")
    index: int | None = Field(
        default=None, description="DOCX: 0-based index among the body's paragraphs (table cells not counted)"
    )


class Cell(_Model):
    """One cell of a table grid. A merged cell is repeated in every grid position it covers."""

    text: str
    row: int
    col: int
    page: int
    bbox: BBox | None = None
    merged: bool = Field(default=False, description="True for grid positions filled from a merged cell")
    line: int | None = Field(default=None, description="text input: the line the cell text starts on")
    ref: str | None = Field(default=None, description="XLSX: the cell reference")
    number: Number | None = Field(default=None, description="XLSX: the typed numeric value, if any")
    confidence: float | None = Field(default=None, description="OCR'd cell only: its lowest character confidence")


class Table(_Model):
    """A table as a rectangular grid of cells (merged cells resolved)."""

    kind: Literal["table"] = "table"
    index: int = Field(description="0-based index of the table in the document")
    rows: list[list[Cell]]
    page: int = Field(description="page the table starts on")
    pages: list[int] = Field(default_factory=_empty_list, description="every page the table spans")
    sheet: str | None = None
    hidden_rows: list[int] = Field(default_factory=_empty_list)


Element = Annotated[Paragraph | Table, Field(discriminator="kind")]


class Document(_Model):
    """A file read into pages of paragraphs and tables, in reading order."""

    source: Source
    elements: list[Element] = Field(default_factory=_empty_list)
    notes: list[str] = Field(default_factory=_empty_list, description="what the reader noticed: hidden sheets ...")
    problems: list[str] = Field(
        default_factory=_empty_list,
        description="what could not be read (a damaged page left out ...): the result is then partial",
    )

    @property
    def paragraphs(self) -> list[Paragraph]:
        """The document's paragraphs in reading order, without its tables."""
        return [element for element in self.elements if isinstance(element, Paragraph)]

    @property
    def tables(self) -> list[Table]:
        """The document's tables in reading order."""
        return [element for element in self.elements if isinstance(element, Table)]


# --------------------------------------------------------------------------------------------
# Report: what the parse stage produces
# --------------------------------------------------------------------------------------------

Comparator = Literal[">=", ">", "<=", "<", "=", "qualitative"]


class Quantity(_Model):
    """A number as written and as understood: `19.96 万元` → value 199600, unit 元."""

    raw: str
    value: Number | None = None
    unit: str | None = Field(default=None, description="canonical unit: 元, h, %, 部, Mbps, GB, 元/部 ...")
    approx: bool = Field(default=False, description="多/约/左右/以上 made the value approximate")
    upper: Number | None = Field(default=None, description="upper bound of a range, if one was written")
    evidence: list[Evidence] = Field(default_factory=_empty_list)


class Target(_Model):
    """An indicator's target (年度指标值 / 目标值)."""

    raw: str
    comparator: Comparator
    value: Number | None = None
    unit: str | None = None
    approx: bool = False
    bare_number: bool = Field(default=False, description="no comparator was written")
    vague: bool = Field(default=False, description="no measurable standard (有所提升, 进一步完善)")


class NamedQuantity(_Model):
    """A quantity stated in a remark (备注), e.g. 服务器带宽 不小于 150M."""

    name: str
    comparator: Comparator
    quantity: Quantity


class Actual(_Model):
    """A reported actual value (实际完成值) for an indicator, from one place in the report."""

    raw: str
    value: Number | None = None
    unit: str | None = None
    comparator: Comparator | None = Field(
        default=None, description="'>=' for 90%以上, 'qualitative' for words only"
    )
    approx: bool = False
    upper: Number | None = Field(default=None, description="upper bound when a range was written (16至24分钟)")
    kind: Literal["measured", "qualitative", "restated", "empty"] = "measured"
    origin: str | None = Field(default=None, description="which part of the report: table, analysis, conclusion")
    evidence: list[Evidence] = Field(default_factory=_empty_list)


class Indicator(_Model):
    """A goal indicator (三级指标) with everything the report says about it."""

    level: str = Field(description="level path: 产出/数量, 效益/社会效益, 满意度 ...")
    name: str
    target: Target | None = None
    actuals: list[Actual] = Field(default_factory=_empty_list)
    weight: Number | None = Field(default=None, description="分值 / 权重")
    score: Number | None = Field(default=None, description="得分 as claimed")
    recomputed_score: Number | None = None
    deviation_reason: str | None = Field(default=None, description="偏差原因分析及改进措施, as written")
    scoring_rule: str | None = Field(
        default=None, description="评价标准 as printed: the row's own scoring rule, which its score follows "
        "instead of the national formula (每低于5%扣2分 …)")
    remark: str | None = Field(default=None, description="备注, as written")
    remark_quantities: list[NamedQuantity] = Field(default_factory=_empty_list)
    shared_with: list[str] = Field(
        default_factory=_empty_list, description="other projects this goal-table row also serves"
    )
    in_goal_table: bool = Field(default=True, description="False when only the analysis mentions it")
    evidence: list[Evidence] = Field(default_factory=_empty_list)


class ScoreLine(_Model):
    """A claimed section score: e.g. 产出指标分值 50 分，得分 50 分."""

    level: str = Field(description="预算执行, 产出, 产出/数量, ..., 总分")
    weight: Number | None = None
    score: Number | None = None
    evidence: list[Evidence] = Field(default_factory=_empty_list)


class BudgetFigure(_Model):
    """One budget figure as a second place of the report gives it."""

    figure: Literal["initial", "planned", "executed", "returned", "printed_rate"]
    quantity: Quantity


class FundRow(_Model):
    """One row of a fund block (年度资金总额 or a 其中 row)."""

    label: str
    initial: Quantity | None = None
    planned: Quantity | None = None
    executed: Quantity | None = None


class Budget(_Model):
    """A project's money: planned (全年预算数), executed (全年执行数), returned (交回)."""

    initial: Quantity | None = Field(default=None, description="年初预算数")
    planned: Quantity | None = Field(default=None, description="全年预算数 / 预算 (the rate's denominator)")
    executed: Quantity | None = None
    returned: Quantity | None = None
    rate: Number | None = Field(default=None, description="executed / planned × 100, recomputed")
    printed_rate: Quantity | None = Field(default=None, description="执行率 as printed, in %")
    weight: Number | None = Field(default=None, description="分值 of the budget block")
    score: Number | None = Field(default=None, description="得分 of the budget block, as claimed")
    sub_rows: list[FundRow] = Field(default_factory=_empty_list, description="其中 rows of a form's fund block")
    balance_explained: bool = Field(
        default=False, description="the report says where unspent money went (结余, 结转, 交回 ...)"
    )
    restatements: list[BudgetFigure] = Field(
        default_factory=_empty_list,
        description="a figure of this budget given again elsewhere (a narrative and its appended form), "
        "whether or not it agrees",
    )


class SpendingRow(_Model):
    """One row of a department's “三公”经费 table: a category of spending and its figures by column role."""

    category: str = Field(description="三公经费, 因公出国(境)费, 公务用车购置及运行费, 公务用车购置费, "
                          "公务用车运行维护费 or 公务接待费; or the department's whole spending the table may "
                          "open with: 支出总额, 基本支出, 项目支出")
    label: str = Field(description="the row's label as written")
    parent: str | None = Field(default=None, description="the category this row is part of")
    table: int = Field(default=0, description="which 三公经费 table of the document (0-based)")
    figures: dict[str, Quantity] = Field(
        default_factory=dict, description="by column role: budget, actual, prior, change, change_rate, rate")
    evidence: list[Evidence] = Field(default_factory=_empty_list)


class FundTotal(_Model):
    """A stated total over several amounts: 共计 41.03 万元 for two projects, 合计 rows ..."""

    label: str = Field(description="the word that introduced the total: 共计, 合计, 总计 ...")
    kind: Literal["planned", "executed", "returned", "other"]
    total: Quantity
    parts: list[Quantity] = Field(default_factory=_empty_list)
    projects: list[str] = Field(default_factory=_empty_list, description="projects whose amounts make the parts")
    evidence: list[Evidence] = Field(default_factory=_empty_list)


class Project(_Model):
    """One project (项目) and everything the report says about it."""

    name: str
    aliases: list[str] = Field(default_factory=_empty_list)
    budget: Budget = Field(default_factory=Budget)
    indicators: list[Indicator] = Field(default_factory=_empty_list)
    scores: list[ScoreLine] = Field(default_factory=_empty_list)
    evaluated: bool = Field(default=False, description="the report gives a self-evaluation or a score")
    total_score: Number | None = None
    grade: str | None = Field(default=None, description="stated 评价等级: 优/良/中/差")
    restated_scores: list[ScoreLine] = Field(
        default_factory=_empty_list,
        description="section scores that a second part of the report (an appended form) claims again, "
        "for a level the first part already scored",
    )
    status_note: str | None = Field(default=None, description="e.g. funds returned, platform stopped")
    evidence: list[Evidence] = Field(default_factory=_empty_list)


class Report(_Model):
    """Everything parsed from one document."""

    title: str | None = None
    year: int | None = None
    unit: str | None = Field(default=None, description="the reporting unit (单位)")
    layout: Literal["narrative", "form", "mixed", "unknown"] = "unknown"
    projects: list[Project] = Field(default_factory=_empty_list)
    fund_totals: list[FundTotal] = Field(default_factory=_empty_list)
    spending: list[SpendingRow] = Field(
        default_factory=_empty_list, description="the department's “三公”经费 table, row by row (money in 元)")
    narrative_text: list[Evidence] = Field(
        default_factory=_empty_list, exclude=True, description="paragraphs kept for checks that search the prose"
    )
    implied_columns: bool = Field(
        default=False, exclude=True,
        description="the form's rows were read under a header the text does not print (an excerpt cut below "
        "it): which column each cell stands in is the reader's inference from the rows' pattern")


# --------------------------------------------------------------------------------------------
# Findings and results
# --------------------------------------------------------------------------------------------


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Finding(_Model):
    """One inconsistency, as data."""

    code: str = Field(description="stable kebab-case code from the check catalogue")
    severity: Severity
    project: str | None = None
    indicator: str | None = None
    message: str = Field(description="what is wrong, in Chinese")
    expected: Number | str | None = None
    actual: Number | str | None = None
    profile: str | None = Field(default=None, description="scoring profile, for formula-based findings")
    evidence: list[Evidence] = Field(default_factory=_empty_list)
    notes: list[str] = Field(
        default_factory=_empty_list,
        description="qualifications of the finding: 'ocr-uncertain' when it rests on a value that OCR read "
        "with low confidence; 'ambiguous-cut' when it rests on a figure cut from a run of glued figures that "
        "more than one reading fits (such a finding is an info); 'implied-columns' when the form's columns were "
        "inferred, its header not in the text (an info too)",
    )


class Status(StrEnum):
    OK = "ok"
    PARTIAL = "partial"
    FAILED = "failed"


class Summary(_Model):
    error: int = 0
    warning: int = 0
    info: int = 0


class Result(_Model):
    """The outcome of checking one file: what `check --format json` prints."""

    schema_version: str = SCHEMA_VERSION
    source: Source
    status: Status
    reason: str | None = Field(default=None, description="why the status is not ok (e.g. no-text-layer)")
    message: str | None = Field(default=None, description="a readable explanation of the reason")
    profile: str
    report: Report | None = None
    findings: list[Finding] = Field(default_factory=_empty_list)
    summary: Summary = Field(default_factory=Summary)
    problems: list[str] = Field(
        default_factory=_empty_list, description="recoverable problems met on the way (they make the status partial)"
    )
    notes: list[str] = Field(
        default_factory=_empty_list, description="what the reader noticed (hidden rows, encoding ...)"
    )

