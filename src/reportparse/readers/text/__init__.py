"""The plain-text reader: a .txt file → Document (paragraphs and tables in reading order).

Modules, in the order a file goes through them:

- `lines`: bytes → decoded physical lines, with pages and the meaning of blank lines;
- `wrapped`: a layout dump's cells wrapped in their narrow columns put back on their rows;
- `blocks`: the lines cut into blocks, each a table or paragraphs of prose (`read_text`);
- `prose`: a run of prose lines joined into paragraphs, by the layout of the file's running text;
- `delimited`: `|`/tab-delimited rows, as written or broken over lines by a web dump;
- `placing`: a delimited table's rows put under their header (rows printed without their merged
  cells, a sub-header under its span, level labels filled down);
- `captions`: a '|' table's one-cell caption rows (附件2, …绩效目标表, (2022年度)) read as paragraphs;
- `barlines`: a table dumped one cell a line with its rules on lines of their own ('|' between cells);
- `serialcells`: a numbered scoring sheet dumped one cell a line, cut at its 序号 1, 2, 3 …;
- `labelrows`: a goal table of '|'-closed cell lines, each row its printed labels, its name and its values;
- `gapped`: a form whose cells are separated by runs of spaces (a layout dump's rows by position);
- `headers`: goal-table headers (column words) and the fragments of the rows under them;
- `aligned`: goal tables whose cells keep their columns (`pdftotext -layout`);
- `flattened`: goal tables flattened into fragments, rebuilt row by row;
- `columns`: how one line of a flattened table reads as `name value...` under its header;
- `signals`: what a fragment is (heading, column word, level label, target, name), by the
  vocabulary of the genre;
- `fragments`: level labels cut over lines re-joined, tokens cut inside a value re-glued.
"""

from reportparse.readers.text.blocks import read_text

__all__ = ["read_text"]
