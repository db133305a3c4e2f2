#!/usr/bin/env python3
"""Measures bureau-compare on generated corpora of N reports: wall time, reports/s, MB/s, peak RSS.

    python3 Benchmarks/bench.py --tool .build/release/bureau-compare [--sizes 100,1000,10000] [--runs 3]

Called by scripts/bench, which builds the release binary first. For each N the corpus is generated once
(Benchmarks/generate_corpus.py, cached under --work) and each command runs --runs times; the best wall
time is reported (the others differ by the machine's noise, not by the tool) with the largest peak RSS
and the least CPU time (user + system) of the runs. Scaling is extract on 1,000 reports with one worker
(BUREAU_COMPARE_JOBS=1) against all of them. Start-up is the mean of 50 runs of `extract` on one report. Targets are those of the
project's performance issue; the summary line says which hold. Standard library only.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TARGETS = {"rss_mb": 64.0, "startup_ms": 10.0, "mb_per_s_per_core": 300.0,
           "wall_s": {1000: 0.3, 10000: 3.0}}


def run(argv, stdout=subprocess.DEVNULL, env=None):
    """Runs argv; returns (wall seconds, peak RSS in MB, exit status, CPU seconds: user + system)."""
    # stderr goes to a file, not a pipe: compare warns once per duplicate report, and a pipe nobody
    # reads until the end would fill and stop the tool.
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(argv, stdout=stdout, stderr=errors, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_maxrss / 1024.0, process.returncode, usage.ru_utime + usage.ru_stime


def corpus(tool, templates, work, n):
    folder = os.path.join(work, "corpus-%d" % n)
    marker = os.path.join(folder, ".complete")
    if not os.path.exists(marker):
        shutil.rmtree(folder, ignore_errors=True)
        meta = os.path.join(work, "templates.json")
        with open(meta, "wb") as f:
            subprocess.run([tool, "extract", templates, "--format", "json"], stdout=f, check=True)
        subprocess.run([sys.executable, os.path.join(HERE, "generate_corpus.py"), "--templates", templates,
                        "--metadata", meta, "--count", str(n), "--out", folder],
                       check=True, stdout=subprocess.DEVNULL)
        open(marker, "w").close()
    size = sum(os.path.getsize(os.path.join(folder, f)) for f in os.listdir(folder) if not f.startswith("."))
    return folder, size


def best_of(runs, argv, env=None):
    """The best wall time, the largest peak RSS, the last exit status and the least CPU time of the runs."""
    results = [run(argv, env=env) for _ in range(runs)]
    return (min(r[0] for r in results), max(r[1] for r in results), results[-1][2],
            min(r[3] for r in results))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tool", required=True)
    parser.add_argument("--templates", default="Datasets")
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "bureau-compare-bench"))
    parser.add_argument("--json", help="also write the measurements to this file")
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    cores = os.cpu_count() or 1
    sizes = [int(s) for s in args.sizes.split(",")]

    sys.stdout.reconfigure(line_buffering=True)
    print("bureau-compare benchmark: %s, %d cores, best of %d runs" % (args.tool, cores, args.runs))
    print("%-8s %6s %8s %8s %8s %10s %9s %10s %8s" % ("command", "N", "MB", "wall s", "CPU s", "reports/s",
                                                     "MB/s", "MB/s/core", "RSS MB"))
    rows = []
    for n in sizes:
        folder, size = corpus(args.tool, args.templates, args.work, n)
        mb = size / 1e6
        for command in ("extract", "compare"):
            out = tempfile.mkdtemp(prefix="bench-out-")
            argv = [args.tool, command, folder, "--format", "csv"]
            if command == "compare":
                argv += ["--out", out]
            run(argv)  # warm the page cache
            wall, rss, status, cpu = best_of(args.runs, argv)
            shutil.rmtree(out, ignore_errors=True)
            row = {"command": command, "n": n, "mb": round(mb, 2), "wall_s": round(wall, 3), "cpu_s": round(cpu, 3),
                   "reports_per_s": round(n / wall), "mb_per_s": round(mb / wall, 1),
                   "mb_per_s_per_core": round(mb / wall / cores, 1), "rss_mb": round(rss, 1), "exit": status}
            rows.append(row)
            print("%-8s %6d %8.1f %8.3f %8.3f %10d %9.1f %10.1f %8.1f%s" % (
                command, n, mb, wall, cpu, row["reports_per_s"], row["mb_per_s"], row["mb_per_s_per_core"], rss,
                "" if status in (0, 1) else "  (exit %d)" % status))

    # Scaling with cores: extract on one size (1,000 when measured) with one worker, against all of them.
    scaling = None
    extract_rows = [r for r in rows if r["command"] == "extract"]
    if cores > 1 and extract_rows:
        at = next((r for r in extract_rows if r["n"] == 1000), extract_rows[-1])
        env = dict(os.environ, BUREAU_COMPARE_JOBS="1")
        argv = [args.tool, "extract", os.path.join(args.work, "corpus-%d" % at["n"]), "--format", "csv"]
        one_wall = best_of(args.runs, argv, env=env)[0]
        scaling = {"n": at["n"], "one_worker_s": round(one_wall, 3), "all_workers_s": at["wall_s"],
                   "speedup": round(one_wall / at["wall_s"], 2)}
        print("scaling: extract on %d reports, 1 worker %.3f s, %d workers %.3f s: %.2f× with %d cores" % (
            at["n"], one_wall, cores, at["wall_s"], scaling["speedup"], cores))

    one = os.path.join(args.work, "corpus-%d" % sizes[0])
    first = sorted(f for f in os.listdir(one) if not f.startswith("."))[0]
    argv = [args.tool, "extract", os.path.join(one, first), "--format", "csv"]
    run(argv)
    walls = [run(argv)[0] for _ in range(50)]
    startup_ms = 1000 * sum(walls) / len(walls)
    print("start-up: extract on one report (%s), mean of 50 runs: %.1f ms" % (first, startup_ms))

    extract = [r for r in rows if r["command"] == "extract"]
    peak = max(r["rss_mb"] for r in rows)
    per_core = min(r["mb_per_s_per_core"] for r in extract)
    checks = ["extract %.0f MB/s/core (target %.0f)" % (per_core, TARGETS["mb_per_s_per_core"])]
    for n, limit in TARGETS["wall_s"].items():
        for r in extract:
            if r["n"] == n:
                checks.append("%d reports %.2f s (target < %.1f)" % (n, r["wall_s"], limit))
    checks.append("peak RSS %.0f MB (target < %.0f)" % (peak, TARGETS["rss_mb"]))
    checks.append("start-up %.1f ms (target < %.0f)" % (startup_ms, TARGETS["startup_ms"]))
    met = [per_core >= TARGETS["mb_per_s_per_core"], peak < TARGETS["rss_mb"], startup_ms < TARGETS["startup_ms"]]
    met += [r["wall_s"] < TARGETS["wall_s"][r["n"]] for r in extract if r["n"] in TARGETS["wall_s"]]
    print("summary: " + "; ".join(checks) + " — %d of %d targets met" % (sum(met), len(met)))
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"cores": cores, "rows": rows, "scaling": scaling, "startup_ms": round(startup_ms, 2)}, f,
                      indent=2)


if __name__ == "__main__":
    main()
