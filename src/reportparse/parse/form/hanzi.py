"""Traditional → simplified characters for the label matching of 自评表 forms.

Forms from 云南, 台港-trained typists or systems that export in Big5 print labels such as
年度資金總額, 三級指標, 指標性質 or 實際完成值 (scoring-rules §1.1, TPL-YN). The form parser matches
labels on their squashed key, so folding the key to simplified characters lets every label pattern
work unchanged; names and quotes keep the characters the document printed. The table covers the
characters of the form vocabulary (blocks, columns, levels, fund rows, units, tier words) and the
commonest characters of project and indicator wording; a character it does not list is folded by OpenCC's
table (reportparse.t2s), so a label a mirror converted with a rarer character still reads.
"""

from __future__ import annotations

from reportparse.t2s import simplified

# pairs: traditional, simplified (one character each)
_PAIRS = (
    "項项資资總总額额當当財财撥拨結结轉转預预數数執执績绩評评價价標标級级質质時时經经濟济會会態态續续響响"
    "滿满實实際际進进單单門门稱称計计體体屬属產产務务規规劃划這这個个為为與与對对應应說说關关負负責责電电"
    "話话報报間间內内準准幣币萬万億亿較较長长發发達达況况點点來来餘余後后審审構构織织導导員员興兴環环衛卫"
    "處处廳厅縣县區区鄉乡鎮镇運运營营護护維维費费補补貼贴業业專专據据檢检驗验測测網网絡络設设備备購购書书"
    "圖图館馆學学醫医療疗養养農农戶户廁厕潔洁廣广場场車车輛辆傳传統统蓋盖參参訓训練练種种樹树綠绿濕湿災灾"
    "險险穩稳優优範范圍围週周滯滞無无顯显現现總总況况檔档範范據据將将獲获節节約约雜杂項项準准則则條条"
    "區区劃划類类別别機机構构歸归權权證证書书記记錄录層层級级變变動动態态異异說说縮缩減减損损預预測测"
    "額额與与門门戶户風风險险積积極极確确認认採采辦办選选擇择齊齐頒颁規规範范據据們们覺觉觀观聯联繫系"
    "隊队邊边遠远達达離离問问題题銷销賬账寫写讀读課课層层師师範范園园軟软體体線线區区帶带團团務务縣县"
    "億亿價价貨货費费購购買买賣卖錢钱銀银貸贷稅税資资產产債债權权虧亏"
)
_TABLE = {ord(_PAIRS[i]): _PAIRS[i + 1] for i in range(0, len(_PAIRS) - 1, 2)}


def to_simplified(text: str) -> str:
    """`text` with traditional characters replaced by simplified ones, one for one: the listed ones by the table,
    any other (備註, 綜述, 適用, 佔比) by OpenCC's, which a text the table leaves simplified never loads."""
    return simplified(text.translate(_TABLE))
