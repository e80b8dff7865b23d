"""The check catalogue: every finding code, its severity, what it means, its formula and source.

Codes are stable: extend this table, never rename a code. `reportparse rules` prints it.
Sources refer to the sections of docs/scoring-rules.md in the repository (RULES_DOCUMENT: 财预〔2020〕10号
and the variants it documents; R = rule, C = check, P = problem catalogue).
"""

from __future__ import annotations

from dataclasses import dataclass

from reportparse.model import Severity

E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO

#: where the rules that the sources cite are written down (repository path)
RULES_DOCUMENT = "docs/scoring-rules.md"


@dataclass(frozen=True)
class CheckInfo:
    """One check of the catalogue: its finding code, severity, meaning, formula and the rule it rests on."""

    code: str
    severity: Severity
    title: str  # what it means, in Chinese
    formula: str  # how it is decided
    source: str  # the rule it rests on
    scope: str = "document"  # "batch": decided across the reports of a batch (reportparse batch), not per file


_ENTRIES = [
    CheckInfo("score-sum-mismatch", E, "分项得分之和与小计/总分不符",
              "Σ 下级得分 ≠ 上级得分 (容差 0.05)", "财预〔2020〕10号 R1 汇总规则; scoring-rules C1.2/C1.3"),
    CheckInfo("weight-sum-mismatch", E, "分值之和与上级分值或 100 不符",
              "Σ 下级分值 ≠ 上级分值; 预算执行分值 + Σ 指标分值 ≠ 100", "scoring-rules R1, C1.1/C1.2"),
    CheckInfo("score-exceeds-weight", E, "得分超过分值", "得分 > 分值", "scoring-rules R4d, P8 (得分不能大于分值)"),
    CheckInfo("budget-rate-mismatch", E, "填报的预算执行率与 执行数/预算数 不符",
              "|执行率 − 全年执行数/全年预算数×100| > 0.5 个百分点 (或填报精度的半个单位: 0.1 即 ±5 个百分点; "
              "“三公”经费控制率 或 完成预算的N%: "
              "与 三公经费表的 决算数/预算数×100 比; 一句中的 完成预算N% 或 经费控制率 与同句的 决算数÷预算数, "
              "或 决算数÷(决算数∓'决算数大于/小于预算数'之差) 比)", "scoring-rules R3 C3.1"),
    CheckInfo("budget-score-mismatch", E, "预算执行得分与 分值×min(执行率,1) 不符",
              "|得分 − 分值 × min(执行数/预算数, 1)| > 0.05 (得分均为整数的表: > 0.5, 满分除外)",
              "scoring-rules R3 C3.2/C3.3"),
    CheckInfo("fund-sum-mismatch", E, "资金合计与各分项之和不符",
              "年度资金总额/共计/合计 ≠ Σ 分项; 文字 '共X万元，其中a、b…': Σ 分项 > X, "
              "或资金来源之和 < X, 或 '具体为/分别为' 所列各项之和 ≠ X; 一句中 'a、b…，合计X' 的 Σ 分项 ≠ X; "
              "一句中的 预算 − 支出 ≠ 所称结余/剩余; "
              "定义上构成整体的分项 (人员经费+公用经费=基本支出, 基本支出+项目支出=支出, 中央+地方, "
              "占比合计100%的各项, 文中先点明的 'A、B两类/两部分' 恰为所列各项) 之和 ≠ X; "
              "同一资金的 年初结转和结余/本年收入/本年支出/年末结转和结余 ≠ "
              "其基本支出与项目支出之和 (容差 0.01 万元或各数末位的舍入; 按来源、再按用途的两组分项各与 X 比)",
              "scoring-rules R3 C3.4, P4"),
    CheckInfo("over-executed", W, "执行数超过预算数",
              "全年预算数 < 全年执行数 ≤ 2 × 全年预算数 (更大差距是读错金额; 两数须为同一笔钱: "
              "一种来源的预算对全部支出、多年累计支出、完成投资、千分位处截断的数都不比; 执行数不超过"
              "本年收入决算数与上年结转之和的不算: 预算在年内追加)",
              "scoring-rules R3 edge cases"),
    CheckInfo("unexplained-balance", W, "预算结余未说明去向",
              "预算数 − 执行数 − 交回数 ≠ 0 且报告未说明结余/结转/交回/待拨付 (截至年内某日的执行数、"
              "实际到位即全部支出的不算)", "scoring-rules R3 C3.5, R8"),
    CheckInfo("score-mismatch", E, "指标得分与按公式重算的得分不符",
              "正向: B≥A 得满分, 否则 B/A×W; 反向: (2−B/A)×W 或 A/B×W; 等于: A=0 时 B≤0 满分 "
              "(差 > 0.05; 得分均为整数的表: > 0.5, 满分除外; 未达目标却得满分的行由 "
              "target-missed-full-score、达到目标却被扣分的行由 met-but-deducted 报出, 不再重复)",
              "scoring-rules R4a–R4d (PMKPI selfpositiveindex/selfreverseindex/selfequalindex)"),
    CheckInfo("grade-mismatch", E, "评价等级与总分不符", "优 ≥90, 良 80–90, 中 60–80, 差 <60",
              "scoring-rules R7 (财政部预算司等级标准)"),
    CheckInfo("target-missed", I, "实际值未达到目标值", "按比较符判断实际值未达标 (按比例计分, 本身不是错误)",
              "scoring-rules R4"),
    CheckInfo("target-missed-full-score", E, "未达到目标却得满分",
              "所有实测值均未达标 (以上/多 只证明下限) 且 得分 = 分值; 或实测值记为达标, 而该行自己的文字"
              "(名称、偏差原因、备注) 写明完成数少于计划数 (同一事物、同一单位) 且 得分 = 分值",
              "scoring-rules P6 (未完成仍得满分)"),
    CheckInfo("met-but-deducted", W, "已达标却被扣分且未说明原因",
              "达标 且 得分 < 分值 且 偏差原因为空 (行无分值时: 一个标明分值的层级下各行均达标, 得分之和 < 该分值)",
              "scoring-rules R4d, P7"),
    CheckInfo("deviation-reason-missing", W, "扣分或大幅超额但未填写偏差原因",
              "得分 < 分值 或 实际值 ≥ 130% 目标值 (日历月份不算), 且 偏差原因分析及改进措施 为空, 备注与点名该指标的"
              "正文也未说明原因 (分值为一组行合并打印的、表头/层级/合计行不算)", "scoring-rules R4d, P9"),
    CheckInfo("conflicting-actuals", E, "同一指标在不同位置报告的实际值不一致",
              "同一指标的两个实际值 (同单位) 不相等", "scoring-rules P17 (文字与表格不符)"),
    CheckInfo("conflicting-figures", E, "同一预算数、执行率或分项分值/得分在报告不同位置不一致",
              "同一数字的两处表述按较粗的精度舍入后不相等 (如 文字 98% 与 表格 95.5%; "
              "部门整体支出表的全年执行数与按支出性质分之和; “三公”经费表的 增减/增减率 与 决算数−上年数, "
              "文字重述的 预算数/决算数 与 比上年增减 与 表不符; 成本指标以金额总数报告的实际值多于全年执行数)",
              "scoring-rules P17 (文字与表格不符)"),
    CheckInfo("count-sum-mismatch", E, "报告中的数量前后相加不符（项目个数、单位个数等）",
              "年初个数 + 年中增加个数 ≠ 所称总数；或 “N个X：A、B…” 列出的名称不是 N 个",
              "scoring-rules P17 (文字前后不符); 财预〔2020〕10号 自评报告应真实准确"),
    CheckInfo("target-changed", W, "分析部分重述的目标值与目标表不一致",
              "分析中重述的目标 (比较符, 数值, 单位) ≠ 目标表", "scoring-rules R8 C8.1, P15"),
    CheckInfo("indicator-not-in-goals", I, "报告/评分了目标表中没有的指标", "实际值所属指标不在目标表中",
              "scoring-rules R8 (单位自评指标是预算批复时确定的绩效指标)"),
    CheckInfo("goal-not-reported", I, "目标表中的指标未被报告或评价",
              "目标表指标没有任何实际值 (多个项目共用的目标行只算一次)", "scoring-rules R8"),
    CheckInfo("missing-evaluation", W, "项目有预算或目标但没有自评或得分", "项目有预算/目标 且 无任何得分",
              "scoring-rules R8 (单位自评覆盖所有项目)"),
    CheckInfo("unsupported-score", W, "定量目标仅以文字描述完成或无完成值, 却给分",
              "定量目标 且 实际值只有文字 (普遍较高, 达成) 或缺失 且 得分 > 0 (上限目标答 '无/未发生' 是 0, 不算)",
              "scoring-rules R4d, R6 C6.1, P12/P13"),
    CheckInfo("actual-restates-target", I, "实际值只是重复目标表述, 没有实测值",
              "实际值文本与目标文本相同或仅含目标的比较符和数值", "scoring-rules P13"),
    CheckInfo("qualitative-band-mismatch", E, "定性指标得分不在档次区间内",
              "达成 [80%,100%]·W, 部分达成 [60%,80%)·W, 未达成 [0,60%)·W (profile 80/50 可选)",
              "scoring-rules R5 (PMKPI selfqualscorecheck)"),
    CheckInfo("unit-mismatch", W, "目标值与实际值单位不兼容", "单位族不同 (人 vs 人次, 天 vs 工作日)",
              "scoring-rules §6.2"),
    CheckInfo("unit-cost-over-target", W, "单位成本超过成本目标", "预算 ÷ 报告数量 > 单位成本目标 (如 2万元/部)",
              "scoring-rules R4c (成本指标为反向指标)"),
    CheckInfo("overachieved-full-score", I, "实际值远超目标 (≥130%), 目标可能设定偏低",
              "B ≥ 1.3 A (正向) 或 B ≤ 0.7 A (反向) 且满分", "scoring-rules R4d, P10"),
    CheckInfo("weight-structure", I, "一级指标权重偏离默认结构 (10/50/30/10)",
              "一级分值合计 100 且 ≠ 预算执行 10, 产出 50, 效益 30 (无满意度时 40), 满意度 10", "scoring-rules R2"),
    CheckInfo("cost-indicator-direction", W, "成本指标写成了 ≥ (应为 ≤)", "二级指标为成本 且 比较符为 ≥ 或 >",
              "scoring-rules P19"),
    CheckInfo("vague-target", I, "目标没有可衡量的标准", "目标值为 有所提升/进一步完善 等无数值表述",
              "scoring-rules P18 (财预〔2021〕101号)"),
    CheckInfo("missing-values", W, "已评分的表格留空了实际完成值或得分",
              "有分值的指标行 实际完成值 或 得分 为空 (文件止于该行且无总分时不计; 得分为一组行合并打印、"
              "整行错位、表头/层级/合计行的不计); "
              "分值全空的表 多数行 (至少 2 行) 只有名称", "scoring-rules R4d, P13"),
    CheckInfo("template-text-left", W, "答案单元格里留有模板说明文字",
              "答案单元格含 填写说明/请填写/对照…(100字以内) 等模板文字, 或已评分的行仍名为 指标2：/……",
              "scoring-rules §1 (填表说明)"),
    # cross-report checks: only `reportparse batch` makes them, over all the reports of a batch
    CheckInfo("duplicate-report", W, "同一文件以不同名称重复提交 (批量检查)", "两个输入文件的 SHA-256 相同而路径不同",
              "spec Batch (抽查/复核: 一份报告只应提交一次)", scope="batch"),
    CheckInfo("copied-evaluation", W, "两个不同项目的自评文字逐字相同 (批量检查)",
              "两个名称与别名均不同的项目, 其实际完成情况陈述 (表格以外的实际值原文 + 偏差原因, 去掉项目名称、"
              "空白和标点) 完全相同, 且至少 3 句、60 字",
              "scoring-rules R8 (自评应如实反映本项目的完成情况)", scope="batch"),
    CheckInfo("cross-report-mismatch", E, "同一项目在两份报告中的全年预算数不同 (批量检查)",
              "同名项目、同一年度, 全年预算数 (元) 不相等", "scoring-rules R3 (预算数以批复为准, 各报告应一致)",
              scope="batch"),
]

CATALOGUE: dict[str, CheckInfo] = {entry.code: entry for entry in _ENTRIES}
#: the codes decided on one file (what `check` can report); the others need a batch
DOCUMENT_CODES: tuple[str, ...] = tuple(code for code, entry in CATALOGUE.items() if entry.scope == "document")
