"""A document-sharing site's text preview numbers the pages it prints ('1、…', '2、…', '3、…' opening each page's
text, run into it): the numbers are page furniture and may cut a figure or a cell over the page break. A list's
own numbered items are kept. Built inputs, a prose page and a form run together."""

from __future__ import annotations

from pathlib import Path

from reportparse.pipeline import extract


def _text(tmp_path: Path, body: str) -> str:
    path = tmp_path / "preview.txt"
    path.write_text(body, encoding="utf-8")
    return "".join(element.text for element in extract(path).elements)


_FILLER = "本单位严格执行预算管理制度，资金使用规范，会计核算及时准确，内部控制制度健全并得到有效执行，" * 4


def test_a_figure_cut_by_a_preview_page_mark_is_whole_again(tmp_path: Path) -> None:
    body = (
        "2021年度某县文化馆整体支出绩效自评报告.docx\n"
        "《2021年度某县文化馆整体支出绩效自评报告.docx》由会员分享,可在线阅读。\n"
        f"1、2021年度某县文化馆整体支出绩效自评报告一、基本情况。{_FILLER}二、支出情况。本年收入512.36万元,本年支出51\n"
        f"2、4.07万元,年末结转和结余1.2万元。{_FILLER}三、绩效情况。{_FILLER}\n"
        "3、四、存在的问题。资金拨付进度偏慢。"
    )
    text = _text(tmp_path, body)
    assert "本年支出514.07万元" in text
    assert "2、" not in text and "3、四" not in text


def test_a_cell_cut_by_a_preview_page_mark_joins_its_row(tmp_path: Path) -> None:
    cells = "".join(f"质量 指标设备完好率{n}100%100%" for n in range(1, 9))
    body = (
        f"1、2020年度县级专项资金绩效目标自评表专项资金名称县级农机补贴{cells}可持续影响指标设备维护及安全性高\n"
        f"2、高满意 度指 标服务 对象 满意 度指 标农户满意度≥90%95%{cells}\n"
    )
    text = _text(tmp_path, body)
    assert "设备维护及安全性高高满意" in text
    assert not text.startswith("1、")


def test_a_list_s_own_numbered_items_are_kept(tmp_path: Path) -> None:
    body = (
        "某县水利局2021年度项目支出绩效自评报告\n"
        "主要做法如下：\n"
        "1、加强预算编制管理，细化绩效目标。\n"
        "2、强化资金监管，确保专款专用。\n"
        "3、及时开展自评，认真整改问题。\n"
    )
    text = _text(tmp_path, body)
    assert "1、加强预算编制管理" in text and "2、强化资金监管" in text and "3、及时开展自评" in text


def test_a_page_after_a_blank_line_goes_on_with_the_page_before(tmp_path: Path) -> None:
    """A preview that sets a blank line between its pages: the next page still goes on mid-sentence."""
    body = (
        "某区文化馆部门整体支出绩效评价报告.docx\n上传人:张三 页数:7\n资源描述\n"
        f"1、某区文化馆部门整体支出绩效评价报告一、部门概况。{_FILLER}二、预算情况。年初预算数为318.2\n\n"
        f"2、5万元,全年支出302.4万元。{_FILLER}三、绩效分析\n\n"
        f"3、情况。{_FILLER}\n"
    )
    path = tmp_path / "preview.txt"
    path.write_text(body, encoding="utf-8")
    paragraphs = [element.text for element in extract(path).elements]
    assert any("年初预算数为318.25万元,全年支出302.4万元" in text and "三、绩效分析情况" in text
               for text in paragraphs)


def test_numbered_paragraphs_of_a_report_stay_apart(tmp_path: Path) -> None:
    """Long numbered paragraphs set apart by blank lines, numbered on among other lines: the report's own."""
    body = (
        "某县水利局2021年度部门整体支出绩效自评报告\n\n主要做法如下：\n\n"
        f"1、加强预算编制管理。{_FILLER}\n\n二、存在问题\n\n"
        f"2、强化资金监管。{_FILLER}\n"
    )
    path = tmp_path / "report.txt"
    path.write_text(body, encoding="utf-8")
    paragraphs = [element.text for element in extract(path).elements]
    assert any(text.startswith("1、加强预算编制管理") for text in paragraphs)
    assert any(text.startswith("2、强化资金监管") for text in paragraphs)


def test_long_numbered_paragraphs_that_end_their_sentences_stay_apart(tmp_path: Path) -> None:
    """A report's own long numbered paragraphs, 1、 2、 3、, each ending its sentence: no page cut them."""
    body = (
        "某县水利局2021年度项目支出绩效自评报告\n"
        f"1、项目基本情况。{_FILLER}{_FILLER}项目运行正常。\n\n"
        f"2、绩效目标完成情况。{_FILLER}{_FILLER}目标全部完成。\n\n"
        "3、存在问题。资金拨付进度偏慢。\n"
    )
    path = tmp_path / "report.txt"
    path.write_text(body, encoding="utf-8")
    paragraphs = [element.text for element in extract(path).elements]
    assert sum(1 for text in paragraphs if "项目基本情况" in text and "绩效目标完成情况" in text) == 0
