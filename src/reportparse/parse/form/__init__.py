"""The 自评表 form reader: every form layout (XLSX/DOCX/PDF grids, forms flattened into text lines)
becomes rows of a grid, and a table of label synonyms (`lexicon/form_labels.json`) gives each column and
header field its role.

- `grid` rows across tables, cell keys, evidence; `labels` the role table; `hanzi` traditional → simplified
- `blocks` the header, 项目资金 and 年度总体目标 blocks; `indicators` the indicator table; `values` cell values
- `text` forms flattened into text lines rebuilt as tables (`brokenlines`: rows, headers and labels a narrow
  layout broke over lines joined back first); `oneline` a whole form on one line cut into rows;
  `stream` a '|' dump whose line breaks are not its row breaks read as one cell stream; `cells` one cell a
  line (`celldump` its cells, `celljoins` labels cut over two cells, `cellwraps` names and reasons a narrow
  column wrapped into cells of their own);
  `ocr` cells run together by OCR; `runtogether` every cell of a form run together (`runlines`: which
  lines hold it, a row a line or a preview's few long lines); `runs` a PDF text layer that prints the
  项目资金 labels in one run and the figures after them (or OCR'd figures run together, or label | amount
  pairs under a '金额单位' note)
- `fundrow` a text fund row's figures put under their columns; `fragments` level labels broken over rows
- `levelgroups` which 一级/二级 group a row belongs to when a dump printed the merged level cells mid-group
  (a PDF's text layer), and `regroup` the indicator table refiled by it
- `merge` a form merged into a narrative's project
- `locate` finding the forms of a document (which rows and tables make each); `forms` parsing them into
  projects
"""

from __future__ import annotations

from reportparse.parse.form.forms import parse_forms
from reportparse.parse.form.locate import find_forms

__all__ = ["find_forms", "parse_forms"]
