"""Start-up of the CLI as cold processes: `reportparse --help` and `reportparse check` of a text report.

    python3 benchmarks/startup.py [--runs N] [--baseline SRC] [FILE]

FILE defaults to the seed text report (../shared/seeds/000_cdb31e0220679900.txt, else the first corpus text).
Each command is run N times (default 9) after one warm-up run, as a new `python -m reportparse` process with
the interpreter's bytecode cache allowed (PYTHONDONTWRITEBYTECODE is dropped from the child's environment: an
installed package has its .pyc files, and a start-up measured without them measures the compiler). For each
command it prints the median of the process's CPU time (user + system, from the kernel's accounting of the
finished child) and of its wall time; CPU is the figure to compare, since wall time on a shared machine also
counts the waits for a processor. `python -c pass` is the floor: the interpreter and its site packages alone.
With `--baseline SRC` (the `src` folder of another checkout, e.g. a worktree of main) each command is also run
from SRC, the two alternated run by run so that a machine whose load drifts weighs on both alike, and the ratio
of the medians is printed.

Targets (spec, Performance; issue 10): `--help` ≤ 0.15 s; a cold `check` of a text report ≤ 0.3 s
(the spec's older bound for the seed is 0.5 s wall). Nothing is asserted: timings belong here, not in tests.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "seeds" / "000_cdb31e0220679900.txt"


def default_file() -> Path:
    if SEED.exists():
        return SEED
    return sorted((REPO / "corpora").rglob("*.txt"))[0]


def child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_once(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one run of `command` as a child process, its output discarded."""
    cpu, start = child_cpu(), time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
    return child_cpu() - cpu, time.perf_counter() - start


def measure(command: list[str], envs: list[dict[str, str]], runs: int) -> list[tuple[float, float]]:
    """Median (CPU, wall) of `command` under each environment, the environments alternated run by run."""
    for env in envs:
        run_once(command, env)  # warm-up: the bytecode cache is written, the files are in the page cache
    samples: list[list[tuple[float, float]]] = [[] for _ in envs]
    for _ in range(runs):
        for index, env in enumerate(envs):
            samples[index].append(run_once(command, env))
    return [(statistics.median(s[0] for s in got), statistics.median(s[1] for s in got)) for got in samples]


def environment(src: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONDONTWRITEBYTECODE", "COLUMNS"}}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(src), env.get("PYTHONPATH")]))
    return env


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", nargs="?", type=Path)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--baseline", type=Path, help="the src folder of another checkout, run alternately")
    args = parser.parse_args()
    path = str(args.file or default_file())

    envs = [environment(REPO / "src")] + ([environment(args.baseline.resolve())] if args.baseline else [])
    cli = [sys.executable, "-m", "reportparse"]
    commands = [
        ("python -c pass (floor)", [sys.executable, "-c", "pass"], ""),
        ("reportparse --help", [*cli, "--help"], "≤ 0.15 s"),
        ("check (text output)", [*cli, "check", path], "≤ 0.3 s"),
        ("check --format json", [*cli, "check", path, "--format", "json"], "≤ 0.3 s"),
    ]
    against = f"; baseline {args.baseline}" if args.baseline else ""
    print(f"{Path(path).name}, median of {args.runs} cold runs each{against}")
    header = f"{'command':26} {'CPU s':>7} {'wall s':>7}"
    if args.baseline:
        header += f" {'base CPU':>9} {'base wall':>9} {'CPU ratio':>9}"
    print(f"{header}  target")
    for name, command, target in commands:
        figures = measure(command, envs, args.runs)
        (cpu, wall), rest = figures[0], figures[1:]
        line = f"{name:26} {cpu:7.3f} {wall:7.3f}"
        for base_cpu, base_wall in rest:
            line += f" {base_cpu:9.3f} {base_wall:9.3f} {cpu / base_cpu:9.2f}"
        print(f"{line}  {target}")


if __name__ == "__main__":
    main()
