#!/usr/bin/env python3
"""Checks every `#include "module/..."` under src/ against the module table in ARCHITECTURE.md.

The table (the fenced block that starts with `module    what it is`) is the one statement of
which module may use which; this check makes it binding: an include of another module that
the table does not allow fails the test, naming the file, the line and the edge. Every
module may use `base`, and its own files. Also fails when a folder under src/ is not in the
table, or the table names a module that does not exist, so neither can drift.

Usage: check_module_graph.py SOURCE_DIR          check the tree
       check_module_graph.py --self-test         check that a forbidden edge is caught
"""

import os
import re
import sys
import tempfile

INCLUDE = re.compile(r'^\s*#\s*include\s+"([a-z_]+)/[^"]+"')


def read_table(architecture_path):
    """Returns {module: set of allowed modules} from ARCHITECTURE.md's table."""
    with open(architecture_path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    table = {}
    inside = False
    current = None
    for line in lines:
        if line.startswith("module") and "may use" in line:
            inside = True
            continue
        if not inside:
            continue
        if line.startswith("```"):
            break
        # A row: module name, description, then the allowed modules after a wide gap.
        # Continuation rows start with spaces and add allowed modules to the row above.
        m = re.match(r"^([a-z_]+)\s{2,}(.*?)(?:\s{2,}(.*))?$", line)
        if m and not line.startswith(" "):
            current = m.group(1)
            table[current] = set()
            allowed = m.group(3) or ""
        elif line.startswith(" ") and current:
            allowed = line.strip()
        else:
            continue
        for name in re.split(r"[,\s]+", allowed):
            if name and name != "-":
                table[current].add(name)
    if not table:
        sys.exit(f"{architecture_path}: no module table found (a block starting 'module ... may use')")
    return table


def check(source_dir):
    """Returns a list of problems (strings)."""
    table = read_table(os.path.join(source_dir, "ARCHITECTURE.md"))
    src = os.path.join(source_dir, "src")
    problems = []
    modules = sorted(d for d in os.listdir(src) if os.path.isdir(os.path.join(src, d)))
    for module in modules:
        if module not in table:
            problems.append(f"src/{module}/: the module is not in ARCHITECTURE.md's table; add "
                            f"a row saying what it is and what it may use")
    for module, allowed in sorted(table.items()):
        if module not in modules:
            problems.append(f"ARCHITECTURE.md: the table names '{module}', but there is no src/{module}/")
        for other in sorted(allowed):
            if other not in table:
                problems.append(f"ARCHITECTURE.md: '{module}' may use '{other}', which is not a module")
    for module in modules:
        allowed = table.get(module, set()) | {module, "base"}
        for root, _, files in os.walk(os.path.join(src, module)):
            for name in sorted(files):
                if not name.endswith((".cpp", ".hpp")):
                    continue
                # Tests beside the code obey the same table as the code they test.
                path = os.path.join(root, name)
                with open(path, encoding="utf-8") as f:
                    for number, line in enumerate(f, 1):
                        m = INCLUDE.match(line)
                        if not m:
                            continue
                        target = m.group(1)
                        if target not in modules or target in allowed:
                            continue
                        rel = os.path.relpath(path, source_dir)
                        problems.append(
                            f"{rel}:{number}: '{module}' includes '{target}' "
                            f"({line.strip()}), an edge ARCHITECTURE.md does not allow; move the "
                            f"code to a module that may use '{target}', or change the table "
                            f"(and say why in the commit)")
    return problems


def self_test():
    """A tree with a forbidden edge must fail, and the same tree without it must pass."""
    with tempfile.TemporaryDirectory() as d:
        os.makedirs(os.path.join(d, "src", "base"))
        os.makedirs(os.path.join(d, "src", "stats"))
        os.makedirs(os.path.join(d, "src", "app"))
        with open(os.path.join(d, "ARCHITECTURE.md"), "w", encoding="utf-8") as f:
            f.write("```\nmodule    what it is           may use (besides base)\n"
                    "app       use cases            stats\n"
                    "stats     numerics             -\n"
                    "base      basics\n```\n")
        with open(os.path.join(d, "src", "app", "a.cpp"), "w", encoding="utf-8") as f:
            f.write('#include "stats/x.hpp"\n#include "base/y.hpp"\n')
        bad = os.path.join(d, "src", "stats", "s.cpp")
        with open(bad, "w", encoding="utf-8") as f:
            f.write('#include "base/y.hpp"\n#include "app/a.hpp"\n')
        problems = check(d)
        if len(problems) != 1 or "src/stats/s.cpp:2: 'stats' includes 'app'" not in problems[0]:
            print("self-test: the forbidden edge stats -> app was not reported as expected:",
                  problems)
            return 1
        with open(bad, "w", encoding="utf-8") as f:
            f.write('#include "base/y.hpp"\n')
        problems = check(d)
        if problems:
            print("self-test: a clean tree was reported:", problems)
            return 1
    print("self-test: ok")
    return 0


def main():
    if len(sys.argv) == 2 and sys.argv[1] == "--self-test":
        return self_test()
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    problems = check(sys.argv[1])
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} forbidden or unknown module edge(s)")
        return 1
    print("module graph: every include follows ARCHITECTURE.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
