#!/usr/bin/env python3
"""docs/python.md, run: each ```python cell of the page in order, in one namespace, against a
live `foresight serve` (accounts on, an administrator's token in FORESIGHT_TOKEN), and what
each printed compared with the ```text block after it. The page is a notebook a user reads;
this keeps every output on it true.

Usage: python_notebook.py FORESIGHT"""
import contextlib
import io
import os
import re
import sys

import flow
from flow import check, finish

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(REPO, "clients", "python"))


def main() -> int:
    binary = os.path.abspath(sys.argv[1])
    with open(os.path.join(REPO, "docs", "python.md"), encoding="utf-8") as f:
        page = f.read()
    cells = re.findall(r"```python\n(.*?)```\n\n```text\n(.*?)```", page, re.S)
    check(len(cells) >= 5, f"the page has its cells, each with its output: {len(cells)}")
    env = flow.remote_env(binary, HERE)
    os.environ.update(FORESIGHT_URL=env["FORESIGHT_URL"], FORESIGHT_TOKEN=env["FORESIGHT_TOKEN"])
    namespace = {}
    for number, (code, expected) in enumerate(cells, 1):
        printed = io.StringIO()
        try:
            with contextlib.redirect_stdout(printed):
                exec(compile(code, f"docs/python.md cell {number}", "exec"), namespace)
        except Exception as e:  # noqa: BLE001: any failure of a cell is the test's finding
            check(False, f"cell {number} raised {type(e).__name__}: {e}")
            break
        check(printed.getvalue() == expected,
              f"cell {number} printed\n{printed.getvalue()}\ninstead of\n{expected}")
    return finish("python_notebook")


if __name__ == "__main__":
    sys.exit(main())
