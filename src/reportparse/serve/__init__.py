"""`reportparse serve`: the reviewer's desk, a local web page (127.0.0.1 only) to drop files on.

engine (the one place a file is checked, off the server's event loop) → desk (the session: uploads
in a temporary folder, each file's status and result, the downloadable tables) → app (thin
Starlette routes). The HTML is rendered by `render/desk.py` (pure) and, for one document,
`render/html.py`. Needs the optional extra: pip install 'reportparse[serve]'.
"""
