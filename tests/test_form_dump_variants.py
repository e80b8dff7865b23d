"""Forms flattened into text the ways copied pages and PDF dumps flatten them, each built here from two forms of
different wording: every cell a line opened by '|' (the table's left rule), a reason cell right before the next
row's level label (not the next row's name). Each must read the rows of its form, with no header, reason or total
read as an indicator."""

from __future__ import annotations

from decimal import Decimal

from tests.test_parse_form_layouts import check

#: Two 自评表 as rows of printed cells (merged cells once, an empty cell as ''), and the rows each must give.
FORMS = [
    ([
        ["项目名称", "乡村文化广场照明改造"],
        ["主管部门", "某县文化和旅游局", "实施单位", "某县文化馆"],
        ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", "36", "36", "34.2", "10", "95%", "9.5"],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        ["产出指标", "数量指标", "改造广场个数", "≥18个", "18个", "20", "20", ""],
        ["质量指标", "灯具验收合格率", "100%", "98%", "20", "18", "两套灯具返厂更换"],
        ["时效指标", "改造完成时间", "10月底前", "10月底", "10", "10", ""],
        ["效益指标", "社会效益指标", "群众夜间活动便利度", "明显提高", "明显提高", "30", "30", ""],
        ["满意度指标", "服务对象满意度指标", "村民满意度", "≥90%", "95%", "10", "10", ""],
        ["总分", "100", "97.5"],
    ], [("改造广场个数", 20, 20), ("灯具验收合格率", 20, 18), ("改造完成时间", 10, 10),
        ("群众夜间活动便利度", 30, 30), ("村民满意度", 10, 10)]),
    ([
        ["项目名称", "城区流浪动物收容经费"],
        ["主管部门", "市农业农村局", "实施单位", "市动物疫病预防控制中心"],
        ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", "52", "52", "52", "10", "100%", "10"],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        ["产出指标", "数量指标", "收容流浪犬只数", "≥600只", "540只", "25", "22", "部分街道上报数量减少"],
        ["质量指标", "收容动物免疫率", "100%", "100%", "25", "25", ""],
        ["效益指标", "社会效益指标", "犬伤事件发生数", "下降", "下降", "30", "30", ""],
        ["满意度指标", "服务对象满意度指标", "市民满意度", "≥85%", "88%", "10", "10", ""],
        ["合计", "100", "97"],
    ], [("收容流浪犬只数", 25, 22), ("收容动物免疫率", 25, 25), ("犬伤事件发生数", 30, 30), ("市民满意度", 10, 10)]),
]


def rows_read(text: str) -> list[tuple[str, Decimal | None, Decimal | None]]:
    project, = check(text).projects
    return [(i.name, i.weight, i.score) for i in project.indicators]


def want(rows: list[tuple[str, int, int]]) -> list[tuple[str, Decimal, Decimal]]:
    return [(name, Decimal(w), Decimal(s)) for name, w, s in rows]


def test_every_cell_a_line_opened_by_a_bar() -> None:
    for form, expected in FORMS:
        text = "项目支出绩效自评表\n（2023年度）\n" + "\n".join(f"|{cell}" for row in form for cell in row) + "\n"
        assert rows_read(text) == want(expected)


def test_a_reason_before_the_next_rows_level_label_is_no_row() -> None:
    for form, expected in FORMS:
        # the dump drops empty cells: a filled reason cell is followed straight by the next row's level label
        text = "项目支出绩效自评表\n" + "\n".join(cell for row in form for cell in row if cell) + "\n"
        assert rows_read(text) == want(expected)


def narrow_column(cell: str, width: int = 6) -> list[str]:
    """A cell as a narrow column prints it: a text without figures broken every `width` characters."""
    if len(cell) <= width or any(ch.isdigit() for ch in cell):
        return [cell]
    return [cell[i:i + width] for i in range(0, len(cell), width)]


def test_names_reasons_and_level_labels_wrapped_each_piece_a_cell() -> None:
    for form, expected in FORMS:
        header = next(i for i, row in enumerate(form) if row[0] == "一级指标")
        pieces = [piece for r, row in enumerate(form) for cell in row
                  for piece in (narrow_column(cell) if r > header else [cell])]
        text = "项目支出绩效自评表\n" + "\n".join(f"{piece}|" for piece in pieces) + "\n"
        assert rows_read(text) == want(expected)


def test_a_level_label_cut_before_its_first_level_word() -> None:
    for form, expected in FORMS:
        cut = [["服务对象", "满意度指标"] if cell == "服务对象满意度指标" else [cell] for row in form for cell in row]
        text = "项目支出绩效自评表\n" + "\n".join(piece for cells in cut for piece in cells if piece) + "\n"
        assert rows_read(text) == want(expected)


LEVEL1 = ("产出指标", "效益指标", "满意度指标")


def space_rows(form: list[list[str]]) -> list[list[str]]:
    """The form's rows as a PDF's text layer prints them: cells split by spaces, empty cells left out."""
    return [[cell for cell in row if cell] for row in form]


def test_rows_broken_after_the_name_and_a_header_wrapped_over_lines() -> None:
    for form, expected in FORMS:
        lines: list[str] = []
        for row in space_rows(form):
            if row[0] == "一级指标":
                lines += [" ".join(row[:3]), " ".join(row[3:7]), " ".join(row[7:])]  # the header over three lines
            elif row[0] in LEVEL1 or (any(cell.endswith("指标") for cell in row[:2]) and len(row) > 5):
                name = next(i for i, cell in enumerate(row) if not cell.endswith("指标"))
                lines.append(" ".join(row[:name + 1]))  # the labels and the name …
                lines.append(" ".join(row[name + 1:name + 5]))  # … the values under them …
                lines += row[name + 5:]  # … and the reason on a line of its own
            else:
                lines.append(" ".join(row))
        assert rows_read("项目支出绩效自评表\n" + "\n".join(lines) + "\n") == want(expected)


def test_a_first_level_label_broken_down_the_rows_of_its_group() -> None:
    for form, expected in FORMS:
        lines: list[str] = []
        pieces: list[str] = []
        for row in space_rows(form):
            if row[0] == "一级指标":
                lines += ["一级 二级指标 三级指标 年度 实际 分值 得分 偏差原因", "指标 指标值 完成值 分析及改进措施"]
                continue
            in_table = bool(pieces) or row[0] in LEVEL1
            if pieces and (row[0] in LEVEL1 or row[0] in ("总分", "合计")):
                lines.append(" ".join(pieces))  # the label's pieces its group's rows left over
                pieces = []
            if row[0] in LEVEL1:
                pieces = [row[0].removesuffix("指标"), "指标", "(50分)" if row[0] == "产出指标" else "(10分)"]
                row = row[1:]
            if in_table and pieces and row[0] not in ("总分", "合计"):
                row = [pieces.pop(0), *row]
            lines.append(" ".join(row))
        assert rows_read("项目支出绩效自评表\n" + "\n".join(lines) + "\n") == want(expected)


def test_the_indicator_table_alone_on_one_long_line() -> None:
    for form, expected in FORMS:
        rows = space_rows(form)
        header = next(i for i, row in enumerate(rows) if row[0] == "一级指标")
        head = " ".join(cell for row in rows[:header] for cell in row)
        table = "绩效指标 " + " ".join(cell for row in rows[header:] for cell in row)
        assert rows_read(f"项目支出绩效自评表\n{head}\n{table}\n") == want(expected)


def ocr_glued(row: list[str]) -> list[str]:
    """A row as an OCR runs its cells together: a name with the comparator target after it, two percent values, a
    percent result with the 分值 after it."""
    name = next((i for i, cell in enumerate(row) if not cell.endswith("指标")), None)
    if name is None or len(row) < name + 5 or not row[name + 3].isdigit():
        return row
    target, actual = row[name + 1], row[name + 2]
    if target[0] in "≥≤":
        return [*row[:name], row[name] + target, *row[name + 2:]]
    if target.endswith("%") and actual.endswith("%") and actual != target:
        return [*row[:name + 1], target + actual, *row[name + 3:]]
    if actual.endswith("%"):
        return [*row[:name + 2], actual + row[name + 3], *row[name + 4:]]
    return row


def test_cells_an_ocr_ran_together() -> None:
    for form, expected in FORMS:
        rows = [ocr_glued(row) for row in space_rows(form)]
        assert sum(a != b for a, b in zip(rows, space_rows(form), strict=True)) >= 3
        text = "项目支出绩效自评表\n" + "\n".join(" ".join(row) for row in rows) + "\n"
        assert rows_read(text) == want(expected)


def test_cells_an_ocr_ran_together_keep_their_target_and_result() -> None:
    form, _ = FORMS[0]
    rows = [ocr_glued(row) for row in space_rows(form)]
    project, = check("项目支出绩效自评表\n" + "\n".join(" ".join(row) for row in rows) + "\n").projects
    read = {i.name: (i.target.raw if i.target else None, i.actuals[0].raw if i.actuals else None)
            for i in project.indicators}
    assert read["灯具验收合格率"] == ("100%", "98%")
    assert read["村民满意度"] == ("≥90%", "95%")
    assert read["改造完成时间"] == ("10月底前", "10月底")


def test_a_goal_text_broken_at_a_bar_dumps_line_ends_gives_no_name() -> None:
    goals = [["保障广场照明正常，亮灯", "率不低于98%。"], ["收容犬只及时，免疫", "覆盖率达到100%。"]]
    for (form, expected), broken in zip(FORMS, goals, strict=True):
        header = next(i for i, row in enumerate(form) if row[0] == "一级指标")
        cells = [cell for row in form[:header] for cell in row]
        cells += ["年度总体目标", "预期目标", "实际完成情况", *broken, "已完成。"]
        cells += [cell for row in form[header:] for cell in row]
        text = "项目支出绩效自评表|\n" + "\n".join(f"{cell}|" for cell in cells) + "\n"
        assert rows_read(text) == want(expected)


def test_a_reports_part_heading_after_a_dumped_form_opens_no_row() -> None:
    endings = [["三、自评结论", "项目自评得分97.5分，等级为优。"],
               ["四、存在的问题及改进措施", "部分街道上报数量不及时，下年加强调度。"]]
    for (form, expected), ending in zip(FORMS, endings, strict=True):
        cells = [cell for row in form for cell in row if cell]
        text = "一、项目概况\n项目年度预算资金按期拨付。\n" + "\n".join([*cells, *ending]) + "\n"
        assert rows_read(text) == want(expected)


def test_header_and_level_labels_spaced_out_one_character_a_token() -> None:
    for form, expected in FORMS:
        header = next(i for i, row in enumerate(form) if row[0] == "一级指标")
        lines = []
        for r, row in enumerate(space_rows(form)):
            spaced = [" ".join(cell) if r == header or cell.endswith("指标") else cell for cell in row]
            lines.append(" ".join(spaced))
        assert "一 级 指 标" in lines[header]
        assert rows_read("项目支出绩效自评表\n" + "\n".join(lines) + "\n") == want(expected)


def word_spaced(cell: str) -> str:
    """A cell as an OCR that spaces words prints it: a comparator, a figure and its unit apart, Han words in pairs."""
    if cell.endswith("指标") or cell.isdigit() or cell.replace(".", "").isdigit():
        return cell
    out = ""
    for ch in cell:
        if out and (ch in "≥≤" or ch.isdigit() != out[-1].isdigit() or (len(out.split(" ")[-1]) >= 2 and
                                                                         not ch.isdigit())):
            out += " "
        out += ch
    return out


def test_rows_whose_ocr_spaced_every_word_apart() -> None:
    for form, expected in FORMS:
        header = next(i for i, row in enumerate(form) if row[0] == "一级指标")
        rows = [[word_spaced(cell) for cell in row] if r > header and row[0] not in ("总分", "合计") else row
                for r, row in enumerate(space_rows(form))]
        assert "≥ 18 个" in " ".join(rows[header + 1]) or "≥ 600 只" in " ".join(rows[header + 1])
        project, = check("项目支出绩效自评表\n" + "\n".join(" ".join(row) for row in rows) + "\n").projects
        read = {i.name: (i.target.raw if i.target else None, i.weight, i.score) for i in project.indicators}
        assert sorted((name, w, s) for name, (_, w, s) in read.items()) == sorted(want(expected))
        assert all(target and " " not in target for target, _, _ in read.values())


def test_a_worded_target_before_a_figure_result_stays_apart_from_the_name() -> None:
    rows = [("道路通行条件", "明显改善", "95%"), ("学员技能水平", "稳步提高", "90分")]
    for name, target, actual in rows:
        text = ("项目支出绩效自评表\n项目名称 测试项目补助\n"
                "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施\n"
                f"效益指标 社会效益指标 {name} {target} {actual} 30 30\n"
                "满意度指标 服务对象满意度指标 群众满意度 ≥90% 95% 10 10\n总分 40 40\n")
        project, = check(text).projects
        read = {i.name: (i.target.raw if i.target else None) for i in project.indicators}
        assert read[name] == target


def test_bordered_bar_rows_whose_name_cells_held_a_line_break() -> None:
    for form, expected in FORMS:
        lines = []
        for row in form:
            # a name of more than six characters broke inside its cell: the row goes on on the next line
            cells = [f"{cell[:6]}\n{cell[6:]}" if len(cell) > 6 and not cell.endswith("指标") and "%" not in cell
                     and not any(ch.isdigit() for ch in cell) and row[0] not in ("项目名称", "主管部门") else cell
                     for cell in row]
            lines.append("|" + "|".join(cells) + "|")
        text = "项目支出绩效自评表\n" + "\n".join(lines) + "\n"
        assert text.count("\n") > len(form) + 2
        assert rows_read(text) == want(expected)


def with_serials(form: list[list[str]]) -> list[list[str]]:
    """The form with a 序号 column before the indicator rows' levels, every row printing all its levels."""
    header = next(i for i, row in enumerate(form) if row[0] == "一级指标")
    out = [*form[:header], ["序号", *form[header]]]
    level1 = ""
    for number, row in enumerate(form[header + 1:-1], start=1):
        level1 = row[0] if row[0].endswith("指标") and row[0] in LEVEL1 else level1
        cells = row if row[0] in LEVEL1 else [level1, *row]
        out.append([str(number), *cells])
    return [*out, form[-1]]


def test_a_serial_column_before_the_levels() -> None:
    for form, expected in FORMS:
        rows = [[cell for cell in row if cell] for row in with_serials(form)]
        cells = "项目支出绩效自评表|\n" + "\n".join(f"{cell}|" for row in rows for cell in row) + "\n"
        spaces = "项目支出绩效自评表\n" + "\n".join(" ".join(row) for row in rows) + "\n"
        assert rows_read(cells) == want(expected)
        assert rows_read(spaces) == want(expected)


def test_a_long_names_last_word_wrapped_under_its_row() -> None:
    tails = ("率", "数", "比例", "人数", "个数")
    for form, expected in FORMS:
        header = next(i for i, row in enumerate(form) if row[0] == "一级指标")
        lines: list[str] = []
        wrapped = 0
        for r, row in enumerate(space_rows(form)):
            name = next((i for i, cell in enumerate(row) if not cell.endswith("指标")), None)
            if r > header and name is not None and len(row) > name + 4 and row[name].endswith(tails) \
                    and len(row[name]) > 5:
                head, tail = row[name][:-2], row[name][-2:]
                lines += [" ".join([*row[:name], head, *row[name + 1:]]), tail]  # the tail under the row
                wrapped += 1
            else:
                lines.append(" ".join(row))
        assert wrapped >= 2
        assert rows_read("项目支出绩效自评表\n" + "\n".join(lines) + "\n") == want(expected)


def test_a_page_saved_as_markdown_names_its_project_without_the_heading_marks() -> None:
    for marks, (form, expected) in zip(("#", "##"), FORMS, strict=True):
        width = max(len(row) for row in form)
        table = ["| " + " | ".join(row + [""] * (width - len(row))) + " |" for row in form]
        table.insert(1, "|" + "---|" * width)
        text = f"{marks} {form[0][1]}项目支出绩效自评表\n\n（2023年度）\n\n" + "\n".join(table) + "\n"
        project, = check(text).projects
        assert "#" not in project.name and project.name.startswith(form[0][1])
        assert [(i.name, i.weight, i.score) for i in project.indicators] == want(expected)


def test_a_cell_dump_ruled_with_full_width_bars() -> None:
    for form, expected in FORMS:
        text = "项目支出绩效自评表｜\n" + "\n".join(f"{cell}｜" for row in form for cell in row) + "\n"
        assert rows_read(text) == want(expected)


def test_tab_rows_copied_from_a_sheet_with_quoted_cells_that_hold_a_line_break() -> None:
    for form, expected in FORMS:
        header = next(i for i, row in enumerate(form) if row[0] == "一级指标")
        lines = []
        for r, row in enumerate(form):
            cells = [f'"{cell[:5]}\n{cell[5:]}"' if r > header and len(cell) > 6 and not cell.endswith("指标")
                     and not any(ch.isdigit() for ch in cell) else cell for cell in row]
            lines.append("\t".join(cells))
        text = "项目支出绩效自评表\n" + "\n".join(lines) + "\n"
        assert text.count('"') >= 4
        assert rows_read(text) == want(expected)
