"""A copying site's chrome left out: its own lines, a gambling name in the unit's place, inserted pinyin."""

from __future__ import annotations

import re
from pathlib import Path

from reportparse.model import Document, Line, Paragraph, Source, SourceFormat, Table
from reportparse.parse import parse_report
from reportparse.parse.evidence import span_evidence
from reportparse.parse.pagenoise import is_site_line, without_page_noise
from reportparse.pipeline import extract
from tests._builders import dec


def _doc(*lines: str) -> Document:
    """One paragraph a printed line, numbered from 1."""
    elements: list[Paragraph | Table] = [
        Paragraph(text=t, page=1, lines=[Line(text=t, page=1, line=i + 1)], spans=[(0, len(t))])
        for i, t in enumerate(lines)]
    return Document(source=Source(path="t.txt", format=SourceFormat.TEXT, sha256="0", pages=1), elements=elements)


def _texts(document: Document) -> list[str]:
    return [e.text for e in document.elements if isinstance(e, Paragraph)]


def test_site_lines_are_told_from_report_lines() -> None:
    for chrome in ("发布时间:2021-3-8 10:02 报告 我要投稿", "已阅读3页,还剩9页未读 继续免费阅读",
                   "某某单位专项资金自评_第2页", "下载本文档", "版权说明:本文档由网友上传",
                   "下面是小编帮大家收集的自评报告范文,欢迎借鉴。", "午夜影院免费观看,国产高清在线视频,日韩一区",
                   '<span id="abc"></span>', "- 3、本站文档仅供参考,付费前请自行鉴别"):
        assert is_site_line(chrome), chrome
    for own in ("一、项目基本情况", "全年执行数45.6万元,执行率91.2%。", "时间:2023年全年",
                "项目免费为在线用户提供视频课程", "附件3:专项资金绩效自评表"):
        assert not is_site_line(own), own


def test_a_keyword_line_naming_report_words_is_kept() -> None:
    # (three of the keywords in a sentence about the project's own work are no keyword line)
    assert not is_site_line("开展免费在线视频培训,项目资金12万元")


def test_a_range_of_site_lines_leaves_title_and_body() -> None:
    document = _doc("久久精品国产,亚洲日韩在线观看,高清免费视频", "城区绿化管护经费绩效自评报告",
                    "时间:2022-07-01 08:15:00 报告 我要投稿",
                    "以下是小编为大家整理的城区绿化管护经费绩效自评报告,仅供参考。",
                    "一、基本情况", "年初预算30万元,全年执行28.5万元。")
    kept = without_page_noise(document)
    assert _texts(kept) == ["城区绿化管护经费绩效自评报告", "一、基本情况", "年初预算30万元,全年执行28.5万元。"]
    body = kept.elements[2]
    assert isinstance(body, Paragraph) and body.lines[0].line == 6  # (still the printed line)


def test_a_document_site_heading_block_is_left_out() -> None:
    document = _doc("另一份文档的标题", "合集下载", "社区养老服务补助资金自评报告", "资金到位50万元。")
    assert _texts(without_page_noise(document)) == ["社区养老服务补助资金自评报告", "资金到位50万元。"]
    # (the marker far down a long text is not a heading block)
    late = _doc(*[f"第{i}段正文。" for i in range(10)], "合集下载")
    assert _texts(without_page_noise(late))[0] == "第0段正文。"


def test_a_gambling_name_in_the_units_place_is_cut() -> None:
    line = "下达新城镇娱乐城中心_世界杯体育官网-【真人投注平台】2023年度农村饮水维修资金86万元。"
    kept = without_page_noise(_doc(line))
    assert _texts(kept) == ["下达新城镇2023年度农村饮水维修资金86万元。"]
    para = kept.elements[0]
    assert isinstance(para, Paragraph)
    start = para.text.index("86万元")
    assert span_evidence(para, start, start + 4).line == 1


def test_a_place_or_brand_with_one_gambling_word_stays() -> None:
    for own in ("金沙县财政局下达资金20万元。", "全市体育彩票公益金-竞彩销售监管经费12万元。"):
        assert _texts(without_page_noise(_doc(own))) == [own]


def test_tone_marked_pinyin_after_characters_is_cut() -> None:
    kept = without_page_noise(_doc("乡村道路zhìlǐ养护经费预算40万元", "完成率wán chéng lǜ 100%"))
    assert _texts(kept) == ["乡村道路养护经费预算40万元", "完成率 100%"]


def test_bare_pinyin_between_characters_is_cut_only_in_a_copy_that_inserts_it() -> None:
    lines = ("河道qingyu清淤项目", "预算shu数60万元", "执行zhixing率95%", "新建LED显示屏2块,km数不变")
    assert _texts(without_page_noise(_doc(*lines))) == ["河道清淤项目", "预算数60万元", "执行率95%",
                                                       "新建LED显示屏2块,km数不变"]
    # one such word is the report's own (a brand, a term): kept
    one = _doc("开通e服务,使用xinxi平台报送", "资金20万元")
    assert without_page_noise(one) is one


def test_units_and_terms_between_characters_are_kept() -> None:
    lines = ("年处理量3万t以上", "监测aefi病例", "每亩mu产提高", "建设km级道路", "运维ppp项目", "降低pm浓度")
    document = _doc(*lines)
    assert _texts(without_page_noise(document)) == list(lines)


def test_a_report_without_chrome_is_returned_unchanged() -> None:
    document = _doc("学校安全经费绩效自评报告", "预算12万元,执行12万元。")
    assert without_page_noise(document) is document


def test_a_mirrored_report_reads_its_own_title_and_project() -> None:
    text = ["精品视频在线观看,欧美日韩亚洲一区,免费高清影院",
            "街道清扫保洁项目绩效自评报告", "时间:2023-04-02 09:10:11 报告 我要投稿",
            "以下是小编精心整理的街道清扫保洁项目绩效自评报告,希望对大家有所帮助。",
            "一、项目基本情况",
            "街道清扫保洁项目年初预算80万元,全年执行76万元,执行率95%。"]
    report = parse_report(_doc(*text))
    assert report.title == "街道清扫保洁项目绩效自评报告"
    assert [p.name for p in report.projects] == ["街道清扫保洁项目"]
    assert report.projects[0].budget is not None and report.projects[0].budget.planned is not None
    assert report.projects[0].budget.planned.value == dec(800000)


def test_an_enumeration_comma_printed_for_a_decimal_point_is_read_as_the_point() -> None:
    from reportparse.parse.reading import decimal_marks

    assert decimal_marks("安排培训经费88、05万元") == "安排培训经费88.05万元"
    assert decimal_marks("下达补助资金1203、00元,用于维修") == "下达补助资金1203.00元,用于维修"
    # a list of amounts, or of items, keeps its commas
    for own in ("分别补助3、5万元", "第1、2、05号文件", "支付12、30万元", "完成3、05、7项"):
        assert decimal_marks(own) == own, own


def test_a_title_printed_twice_round_a_site_line_is_one_title() -> None:
    text = ["残疾人康复补助项目自评报告", "时间:2022-05-06 10:00:00 报告 我要投稿", "残疾人康复补助项目自评报告",
            "一、基本情况", "残疾人康复补助项目预算18万元,全年执行18万元。"]
    assert parse_report(_doc(*text)).title == "残疾人康复补助项目自评报告"
    bare = ["项目支出绩效自评报告", "项目支出绩效自评报告", "一、基本情况", "社区图书室运行经费预算6万元,执行6万元。"]
    assert parse_report(_doc(*bare)).title == "项目支出绩效自评报告"


def test_a_run_together_cover_names_the_project_before_its_content_label() -> None:
    # a copy that removed the line breaks of a 项目绩效自评报告表: the name runs into the next label
    for line, name in (("基本情况项目名称城乡垃圾收运处置项目主要内容收集转运生活垃圾项目单位县环卫所",
                        "城乡垃圾收运处置项目"),
                       ("填报单位:某县文化馆项目名称非遗传承保护项目主要内容开展传承人培训资金总额24万元",
                        "非遗传承保护项目")):
        report = parse_report(_doc("2022年项目绩效自评报告表", line))
        assert [p.name for p in report.projects] == [name]


def test_a_portals_record_block_does_not_push_the_title_out_of_the_header() -> None:
    record = ["• 无障碍", "• 适老化模式", "您当前的位置: 首页 > 信息公开 > 财政资金",
              *[f"{label}: {value}" for label, value in (
                  ("索引号", "11340000/2023-0001"), ("组配分类", "部门项目"), ("发布机构", "某县商务局"),
                  ("主题分类", "财政"), ("生成日期", "2023-02-01"), ("发布日期", "2023-02-01"),
                  ("索引号", "11340000/2023-0001"), ("组配分类", "部门项目"), ("发布机构", "某县商务局"),
                  ("主题分类", "财政"), ("生成日期", "2023-02-01"))],
              "发布时间:2023-02-01 09:00 来源:某县商务局 浏览次数: 字体:[ 大 中 小 ]"]
    for subject in ("电商服务站运维费用", "农贸市场改造补助"):
        text = [*record, subject, "项目支出绩效自评报告", "一、基本情况",
                "年初预算25万元,实际支付24万元,预算执行率96%。"]
        report = parse_report(_doc(*text))
        assert report.title == subject + "项目支出绩效自评报告"
        assert [p.name for p in report.projects] == [subject]


def test_pinyin_after_a_word_is_cut_but_a_short_unit_stays() -> None:
    lines = ("专项资金zhuanxiangzijin 50万元", "完成率wanchenglv:98%", "受益人口shouyi,共计1200人",
             "硬化道路3km,宽4.5m")
    assert _texts(without_page_noise(_doc(*lines))) == ["专项资金 50万元", "完成率:98%", "受益人口,共计1200人",
                                                       "硬化道路3km,宽4.5m"]


def _form_text(insert: dict[str, str], tmp_path: Path) -> Document:
    rows = ["项目支出绩效自评表", "项目名称 | 村级图书室运行项目 | | | |",
            "项目资金(万元) | | 年初预算数 | 全年预算数 | 全年执行数 | 执行率",
            " | 年度资金总额 | 12 | 12 | 11.4 | 95%",
            "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分",
            "产出指标 | 数量指标 | 开放天数 | ≥300天 | 310天 | 30 | 30",
            "产出指标 | 质量指标 | 图书完好率 | ≥95% | 97% | 30 | 30",
            "满意度指标 | 服务对象满意度指标 | 读者满意度 | ≥90% | 94% | 30 | 30"]
    text = "\n".join(rows)
    for word, reading in insert.items():
        text = text.replace(word, reading)
    path = tmp_path / "form.txt"
    path.write_text(text + "\n", encoding="utf-8")
    return extract(path)  # (the text reader builds the table the | rows make)


def test_a_form_with_readings_inserted_into_its_labels_reads_like_a_clean_one(tmp_path: Path) -> None:
    for insert in ({"项目名称": "项目xiangmu名称", "实际完成值": "实际shiji完成值", "全年执行数": "全年zhixing执行数",
                    "开放天数": "开放kaifang天数"},
                   {"项目名称": "项目xiàngmù名称", "年度指标值": "年度 zhǐbiāo指标值",
                    "实际完成值": "实际shíjì完成值"}):
        report = parse_report(_form_text(insert, tmp_path))
        assert [p.name for p in report.projects] == ["村级图书室运行项目"]
        project = report.projects[0]
        assert project.budget is not None and project.budget.executed is not None
        assert project.budget.executed.value == dec(114000)
        assert [(i.name, [a.raw for a in i.actuals]) for i in project.indicators] == [
            ("开放天数", ["310天"]), ("图书完好率", ["97%"]), ("读者满意度", ["94%"])]


def test_a_collection_sites_credit_count_and_item_numbers_are_left_out() -> None:
    document = _doc("欢迎阅读农机补贴绩效自评报告(通用5篇),内容由某某范文网整理,仅供参考。",
                    "农机补贴绩效自评报告(通用5篇)", "农机补贴绩效自评报告 篇2", "污水处理运维项目自评报告3",
                    "- 25.6 KB", "- 2022-11-03 发布", "- 网站客服QQ:10001", "【仅供参考,请勿照搬!】", "一、基本情况")
    assert _texts(without_page_noise(document)) == ["农机补贴绩效自评报告", "农机补贴绩效自评报告",
                                                    "污水处理运维项目自评报告", "一、基本情况"]
    # a report's own figure after 报告 inside a sentence, or a site's name in its text without the wish, stays
    for own in ("本项目已形成评估报告2份。", "项目由某管网整理公司施工。"):
        assert _texts(without_page_noise(_doc(own))) == [own]


def test_a_title_broken_mid_word_is_whole_where_the_page_prints_it_again() -> None:
    for first, second in (("社区卫生服务中心设备购置项目绩效自", "评报告"), ("2023年度河道清淤工程绩效评价", "报告")):
        text = [first, second, "【仅供学习参考】", first + second, "一、基本情况", "预算50万元,执行50万元。"]
        assert parse_report(_doc(*text)).title == first + second


def test_units_printed_in_traditional_characters_are_read_in_a_simplified_text() -> None:
    from reportparse.normalise.quantities import parse_quantity

    for raw, value, unit in (("≤0.6萬元", 6000, "元"), ("實際清運520噸", 520, "吨"), ("改造12畝", 12, "亩"),
                             ("完成38戶", 38, "户"), ("共3.5億元", 350000000, "元")):
        quantity = parse_quantity(raw)
        assert quantity is not None and quantity.value == dec(value) and quantity.unit == unit, raw
        assert quantity.raw.endswith(raw[-2:]) or quantity.raw.endswith(raw[-1:])  # (the printed text is quoted)
    # a figure with its own 萬 in a 万元 column is not scaled twice
    quantity = parse_quantity("150萬", default_unit="万元")
    assert quantity is not None and quantity.value == dec(1500000)


def test_a_form_label_with_a_rarer_traditional_character_folds_like_the_common_ones() -> None:
    from reportparse.parse.form.hanzi import to_simplified

    assert to_simplified("年度總體目標完成情況綜述") == "年度总体目标完成情况综述"
    assert to_simplified("備註") == "备注"
    assert to_simplified("權重佔比(%)") == "权重占比(%)"
    assert to_simplified("项目名称") == "项目名称"  # (a simplified label is its own fold)


def test_a_second_breakdown_after_a_full_stop_is_of_the_whole_it_adds_up_to() -> None:
    from reportparse.checks import CheckContext, run_checks
    from reportparse.scoring import get_profile

    def codes(sentence: str) -> list[str]:
        document = _doc("某镇道路硬化项目绩效自评报告", sentence)
        report = parse_report(document)
        return [f.code for f in run_checks(CheckContext(report=report, document=document,
                                                        profile=get_profile("national-2020")))]

    # the 其中 after the full stop breaks down the 总投资, not the 其他资金 right before it
    assert "fund-sum-mismatch" not in codes(
        "项目总投资240万元,其中:县级资金60万元,其他资金180万元。其中甲路段项目140万元,乙路段项目100万元。")
    assert "fund-sum-mismatch" not in codes(
        "年度资金总额96万元,其中中央补助56万元,地方配套40万元。其中设备购置66万元,人员培训30万元。")
    # in one sentence the amount before 其中 is the whole, and a breakdown that misses it is still found
    assert "fund-sum-mismatch" in codes(
        "项目总投资240万元。实际到位资金200万元,其中甲路段项目140万元,乙路段项目100万元。")


def test_a_breakdown_near_but_not_at_an_earlier_whole_is_still_a_slip() -> None:
    from reportparse.checks import CheckContext, run_checks
    from reportparse.scoring import get_profile

    document = _doc("某镇设计服务项目绩效自评报告",
                    "本项目申请资金60万元。其中:20万元用于设计;20万元用于审计;20万元用于测绘。"
                    "本项目实际支出59.95万元。其中:20万元用于设计;20万元用于审计;19.99万元用于测绘。")
    findings = run_checks(CheckContext(report=parse_report(document), document=document,
                                       profile=get_profile("national-2020")))
    assert "fund-sum-mismatch" in [f.code for f in findings]  # (59.99 ≠ 59.95, though within 100元 of 60)


def test_a_report_sentence_with_common_web_words_is_no_keyword_line() -> None:
    for own in ("打造精品旅游线路,开通在线预约,免费开放景区,高清视频播放", "亚洲象保护宣传,日本专家在线讲座,免费观看"):
        assert not is_site_line(own), own


def test_a_sharing_sites_category_menu_entries_are_left_out() -> None:
    for chrome in ("• 研究报告>", "· 应用文书 ›", "- 教育专区>", "• 工商注册 »"):
        assert is_site_line(chrome), chrome
    # a report's own list item, or a comparison written with '>', is no menu entry
    for own in ("• 一、项目基本情况", "- 完成率>95%", "• 资金到位率 > 90%,执行率达标", "- 群众满意度>90%"):
        assert not is_site_line(own), own
    report = parse_report(_doc("全部分类", "• 管理文献>", "• 研究报告>", "农村饮水工程维修项目绩效自评报告",
                               "一、基本情况", "项目预算20万元,实际支出19.5万元。"))
    assert report.title == "农村饮水工程维修项目绩效自评报告"


def test_a_bare_date_line_of_a_collection_site_is_left_out() -> None:
    for chrome in ("2024-11-02报告", "2023/06/30 范文", "2022.01.15 发布"):
        assert is_site_line(chrome), chrome
    # (a date alone may be a form's 填报日期 cell printed on a line of its own: kept)
    for own in ("2023年3月15日", "2022-01-15召开项目验收会", "一、2023-2024学年资助情况", "2023-03-15"):
        assert not is_site_line(own), own


def test_a_site_credited_by_the_pages_introduction_is_left_out_where_it_stands_alone() -> None:
    document = _doc("学校食堂改造项目自评报告", "范本之家网", "2024-05-01 报告",
                    "范本之家网收集的学校食堂改造项目自评报告(通用6篇),欢迎阅读借鉴。",
                    "学校食堂改造项目自评报告 篇1", "一、项目概况", "范本之家网不在本行独立出现时保留。")
    texts = _texts(without_page_noise(document))
    assert "范本之家网" not in texts and "2024-05-01 报告" not in texts
    assert texts[-1] == "范本之家网不在本行独立出现时保留。"
    credited = _doc("社区公园维护项目自评报告", "公文大全网",
                    "欢迎阅读社区公园维护项目自评报告(通用5篇),内容由公文大全网整理,希望对大家有所帮助。",
                    "一、项目概况", "社区公园维护项目预算20万元。")
    assert _texts(without_page_noise(credited)) == [
        "社区公园维护项目自评报告", "一、项目概况", "社区公园维护项目预算20万元。"]
    # (the credit in other words: the site's editor, or the site 为您/为大家)
    for intro in ("本文是公文大全网小编为大家整理的社区公园维护项目自评报告,仅供参考。",
                  "以下是公文大全网为您收集的社区公园维护项目自评报告(通用5篇),希望对您有所帮助。"):
        other = _doc("社区公园维护项目自评报告", "公文大全网", intro, "一、项目概况", "社区公园维护项目预算20万元。")
        assert _texts(without_page_noise(other)) == [
            "社区公园维护项目自评报告", "一、项目概况", "社区公园维护项目预算20万元。"], intro
    # (a line that merely ends in 网 is kept when no introduction credits it)
    plain = _doc("农村饮水管网", "一、项目概况")
    assert without_page_noise(plain) is plain


def test_an_example_of_a_collection_is_named_by_its_own_opening_not_the_collection_title() -> None:
    for site, title, opening, again, name in (
            ("文稿网", "乡村道路养护项目绩效自评报告",
             "2023年某某镇通组公路硬化项目总投资120万元,全年执行数120万元,执行率100%。",
             "某某镇通组公路硬化项目已竣工验收。", "某某镇通组公路硬化项目"),
            ("公文之家网", "河道治理资金绩效评价报告",
             "20xx年东风乡小流域综合治理工程使用中央水利发展资金300万元,已全部支出。",
             "东风乡小流域综合治理工程于当年完工。", "东风乡小流域综合治理工程")):
        report = parse_report(_doc(title, site, f"{site}整理的{title}(精选8篇),希望对大家有所帮助。",
                                   f"{title} 篇1", "一、项目基本情况", opening, again))
        names = [p.name for p in report.projects]
        assert len(names) == 1 and name in names[0], (names, name)


def test_an_example_titled_by_its_own_project_keeps_the_title_the_body_names_again() -> None:
    for title, body in (("城关镇自来水管网改造项目绩效自评报告",
                         "城关镇自来水管网改造项目已于10月竣工验收,交付使用。"),
                        ("东湖社区养老服务中心建设项目绩效评价报告",
                         "经过半年施工,东湖社区养老服务中心建设项目投入运营。")):
        report = parse_report(_doc(title, "范例网", f"范例网整理的{title}(精选3篇),希望对大家有所帮助。",
                                   f"{title} 篇1", "一、基本情况", body, "年度预算50万元,全年执行50万元。"))
        assert [p.name for p in report.projects] == [title[:title.index("项目") + 2]]


def test_a_document_sites_file_type_tag_after_a_title_is_left_out() -> None:
    # (the title is the only place the project is named: the body speaks of 该项目)
    for title, body, name in (
            ("2016年河道日常保洁项目.docVIP",
             "PAGE — — PAGE 1 — 2016年河道日常保洁项目 支出绩效评价报告 一、项目基本情况 "
             "项目实施单位每季度申报保洁情况,该项目拨付程序符合规定。", "河道日常保洁项目"),
            ("农村公厕管护项目绩效评价报告.pdfVIP", "第1页 共5页 农村公厕管护项目绩效评价报告 一、项目概况 "
             "乡镇每半年上报管护情况,评价组抽查了12座公厕。", "农村公厕管护项目")):
        report = parse_report(_doc(title, body))
        names = [p.name for p in report.projects]
        assert len(names) == 1 and name in names[0] and "doc" not in names[0], names
    # (a name that ends in Latin letters of its own, not a file type, keeps them)
    kept = _texts(without_page_noise(_doc("城区5G基站配套电力改造项目", "一、项目概况")))
    assert kept[0] == "城区5G基站配套电力改造项目"


def test_runs_a_dump_printed_twice_are_read_once() -> None:
    # (a PDF that fakes bold prints each run of its title lines twice; the dump keeps both copies)
    texts = _texts(without_page_noise(_doc(
        "1 20212021 年度市级城区绿化养护专项资金年度市级城区绿化养护专项资金 绩效自评报告绩效自评报告 "
        "某市园林局某市园林局 20222022 年年 3 月月", "一、项目基本情况")))
    assert texts[0] == "1 2021 年度市级城区绿化养护专项资金 绩效自评报告 某市园林局 2022 年 3 月"
    title = "某区某局某区某局 20232023 年度社区养老服务补贴资金年度社区养老服务补贴资金 绩效自评报告绩效自评报告"
    report = parse_report(_doc(title, "一、项目概况", "社区养老服务补贴资金年初预算80万元,全年支出78万元。"))
    assert [p.name for p in report.projects] == ["社区养老服务补贴资金"]
    # (prose that repeats a word once, '研究研究', or a line with one doubled run, is left as printed)
    kept = _texts(without_page_noise(_doc("会议要求各科室认真研究研究 落实落实 整改。", "一、项目概况")))
    assert kept[0] == "会议要求各科室认真研究研究 落实落实 整改。"


def test_a_document_sites_tag_and_edition_note_round_a_title_are_left_out() -> None:
    # (the title is the only place the subject is named; the tag and the note are the site's, and no sign of a
    # collection whose title only names the genre)
    body = ("一、项目概况\n项目预算资金58万元，全年实际支出57.1万元，执行率98.4%。\n"
            "二、绩效目标完成情况\n服务对象满意度96%。")
    for title, name in (("【精品】基层法律服务所运行经费绩效自评报告", "基层法律服务所运行经费"),
                        ("2022年度农村电商服务站建设项目绩效自评报告（可编辑）", "农村电商服务站建设项目"),
                        ("【推荐】2021年城区公共自行车运营补贴绩效自评报告(完整版)", "城区公共自行车运营补贴")):
        report = parse_report(_doc(title, *body.split("\n")))
        names = [p.name for p in report.projects]
        assert len(names) == 1 and name in names[0] and not re.search(r"【|编辑|完整", names[0]), names
    # (a report's own bracketed words after its title, and a bracket inside a sentence, stay)
    for own in ("2022年度项目支出绩效自评报告(第二批)", "全年编印《读本》（可编辑电子版）500册。"):
        assert _texts(without_page_noise(_doc(own))) == [own]
