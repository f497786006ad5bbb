#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# bench/report.py RESULTS_DIR LATEST_MD README_MD
#
# Turns the "key value" files bench/run collected into the table of
# bench/results/latest.md, and puts the same table into README.md between
# the "<!-- bench:begin -->" and "<!-- bench:end -->" markers.

import glob
import os
import statistics
import sys


def read_kv(path):
    values = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                continue
            key, _, value = line.partition(" ")
            values[key] = value
    return values


def median_of(paths, key):
    found = [float(read_kv(p)[key]) for p in paths if key in read_kv(p)]
    return statistics.median(found) if found else None


def fmt(value, unit="", digits=1):
    if value is None:
        return "—"
    return f"{value:,.{digits}f}{unit}"


def ratio(value):
    # Three significant digits: 0.253 must not print as the 0.25 it misses.
    return f"{value:.3g} ×"


def met(ok):
    if isinstance(ok, str):
        return ok
    if ok is None:
        return "pending"
    return "yes" if ok else "**no**"


class Table:
    def __init__(self):
        self.rows = []
        self.notes = []

    def row(self, figure, byline, peer, ratio, memory, target, ok):
        self.rows.append((figure, byline, peer, ratio, memory, target, met(ok)))

    def markdown(self):
        lines = [
            "| Figure | Byline | Peer (same run) | Ratio | Peak RSS | Target | Met |",
            "|---|---:|---:|---:|---:|---|---|",
        ]
        for r in self.rows:
            lines.append("| " + " | ".join(r) + " |")
        return "\n".join(lines)


def publish_rows(table, results):
    paths = sorted(glob.glob(os.path.join(results, "publish-[0-9]*")))
    if not paths:
        table.row("Publish 20 photos of 12 MP to the local WordPress", "—", "—", "—", "—",
                  "≤ 0.35 × curl with the originals", None)
        return
    core = median_of(paths, "byline_seconds")
    derivatives = median_of(paths, "byline_derivatives_seconds")
    uploads = median_of(paths, "byline_uploads_seconds")
    originals = median_of(paths, "curl_originals_seconds")
    same = median_of(paths, "curl_derivatives_seconds")
    core_idle = median_of(paths, "byline_idle_rss_kb")
    core_peak = max(float(read_kv(p)["byline_peak_rss_kb"]) for p in paths)
    core_cpu = median_of(paths, "byline_cpu_seconds")
    mb_orig = median_of(paths, "original_bytes") / 1e6
    mb_der = median_of(paths, "derivative_bytes") / 1e6
    n = len(paths)
    libs_path = os.path.join(results, "publish-libs")
    libs = float(read_kv(libs_path)["byline_libs_rss_kb"]) if os.path.exists(libs_path) else None

    # byline-cli publish (the outbox) when it was measured, else the core steps.
    cli = median_of(paths, "cli_seconds")
    if cli is not None:
        byline, who = cli, "`byline-cli publish`"
        idle = median_of(paths, "cli_idle_rss_kb")
        peak = max(float(read_kv(p)["cli_peak_rss_kb"]) for p in paths if "cli_peak_rss_kb" in read_kv(p))
        idle_what = "byline-cli idle"
    else:
        byline, who = core, "bench/publish"
        idle, peak, idle_what = core_idle, core_peak, "the publisher idle"

    # The ratio of each round (Byline and its peers side by side, minutes
    # apart), then their median: load on a shared machine swings between
    # rounds more than within one.
    key = "cli_seconds" if cli is not None else "byline_seconds"
    rounds = [read_kv(p) for p in paths]
    vs_originals = statistics.median(float(r[key]) / float(r["curl_originals_seconds"]) for r in rounds)
    vs_same = statistics.median(float(r[key]) / float(r["curl_derivatives_seconds"]) for r in rounds)
    per_round = ", ".join(f"{float(r[key]) / float(r['curl_derivatives_seconds']):.2f}" for r in rounds)
    table.row("Publish an article with 20 photos of 12 MP to the local WordPress",
              fmt(byline, " s"), f"{fmt(originals, ' s')} (curl, originals)",
              ratio(vs_originals), fmt(peak / 1024, " MB", 0),
              "≤ 0.35 ×", vs_originals <= 0.35)
    table.row("The same, Byline's own overhead",
              fmt(byline, " s"), f"{fmt(same, ' s')} (curl, Byline's derivatives)",
              ratio(vs_same), "—", "≤ 1.15 ×", vs_same <= 1.15)
    table.row("Peak RSS while publishing those 20 photos",
              fmt(peak / 1024, " MB", 0), f"{fmt(idle / 1024, ' MB', 0)} ({idle_what})",
              f"+{fmt((peak - idle) / 1024, ' MB', 0)}", "—", "≤ idle + 80 MB",
              peak - idle <= 80 * 1024)
    note = (f"Publishing: medians of {n} round(s); the ratios are the medians of each round's "
            f"ratio (overhead per round: {per_round}). Each round Byline, then curl with the originals "
            f"({mb_orig:.0f} MB), then curl with Byline's derivatives ({mb_der:.0f} MB, 2048 px), "
            f"against the same WordPress; Byline's figure is {who}. ")
    if cli is not None:
        note += (f"byline-cli runs the outbox (photos checked, reserve, uploads with each "
                 "derivative made from an empty cache while the photos before it upload, "
                 f"write, verify) in {fmt(cli, ' s')} ({fmt(median_of(paths, 'cli_cpu_seconds'), ' s')} "
                 "of CPU), timed with GNU time from exec; its idle is the peak RSS of "
                 "`byline-cli draft list`. ")
    note += (f"bench/publish, the same steps driven through the core API, took {fmt(core, ' s')}: "
             f"{fmt(derivatives, ' s')} making the derivatives (all of them, before the "
             f"first upload, unlike the outbox) and {fmt(uploads, ' s')} uploading them, {fmt(core_cpu, ' s')} of CPU, "
             f"peak RSS {fmt(core_peak / 1024, ' MB', 0)} against {fmt(core_idle / 1024, ' MB', 0)} "
             "after start-up with the article loaded (libvips not started; starting libvips and "
             f"gexiv2 alone adds {fmt(libs and libs / 1024, ' MB', 0)}).")
    table.notes.append(note)


def thumbnail_rows(table, results):
    path = os.path.join(results, "thumbnails")
    if not os.path.exists(path):
        table.row("Thumbnails for 50 photos of 24 MP", "—", "—", "—", "—",
                  "≤ 0.25 × gdk-pixbuf, no stall > 16 ms", None)
        return
    t = read_kv(path)
    f = lambda k: float(t[k])
    byline, peer, at_scale, vips = (f("byline_ms_per_photo"), f("pixbuf_ms_per_photo"),
                                    f("pixbuf_at_scale_ms_per_photo"), f("vips_ms_per_photo"))
    stall = f("byline_max_stall_ms")
    table.row("Thumbnails for 50 photos of 24 MP (256 px)",
              f"{fmt(byline, ' ms')} / photo",
              f"{fmt(peer, ' ms')} (gdk-pixbuf decode + scale)",
              ratio(byline / peer),
              f"{fmt(f('byline_peak_rss_kb') / 1024, ' MB', 0)} / "
              f"{fmt(f('pixbuf_peak_rss_kb') / 1024, ' MB', 0)}",
              "≤ 0.25 ×", byline / peer <= 0.25)
    if "byline_max_main_cpu_ms" in t:
        gap_cpu, main_cpu = f("byline_max_stall_cpu_ms"), f("byline_max_main_cpu_ms")
        table.row("… longest main-loop stall meanwhile",
                  f"{fmt(main_cpu, ' ms')} of work; longest gap {fmt(stall, ' ms')} "
                  f"({fmt(gap_cpu, ' ms')} of it working)", "—", "—", "—", "≤ 16 ms",
                  main_cpu <= 16)
        table.notes.append(
            "Stall: a 1 ms timeout on the main loop; the main thread's own CPU time between "
            "two ticks is the work that stalls it, and the longest gap between two ticks is "
            "shown with the part of it the main thread spent working: the rest is the thread "
            "waiting for a core (other processes, or the decoding workers of the same process).")
    else:
        table.row("… longest main-loop stall meanwhile", fmt(stall, " ms"), "—", "—", "—",
                  "≤ 16 ms", stall <= 16)
    table.row("… against gdk-pixbuf's fast path",
              f"{fmt(byline, ' ms')} / photo",
              f"{fmt(at_scale, ' ms')} (gdk_pixbuf_new_from_file_at_scale)",
              ratio(byline / at_scale),
              f"{fmt(f('byline_peak_rss_kb') / 1024, ' MB', 0)} / "
              f"{fmt(f('pixbuf_at_scale_peak_rss_kb') / 1024, ' MB', 0)}",
              "(for information)", "—")
    table.notes.append(
        "Thumbnails: CPU ms per photo, which load on the machine does not inflate: "
        f"Byline {t['byline_cpu_ms_per_photo']}, vips_thumbnail alone {t['vips_cpu_ms_per_photo']} "
        f"(wall {fmt(vips, ' ms')}), gdk-pixbuf decode + scale {t['pixbuf_cpu_ms_per_photo']}, "
        f"gdk-pixbuf at scale {t['pixbuf_at_scale_cpu_ms_per_photo']}. Byline asks for all 50 "
        "at once from a main loop (workers, one decode per core); a 1 ms timeout measures "
        "the stall.")


def startup_rows(table, results):
    path = os.path.join(results, "startup")
    if not os.path.exists(path):
        table.row("Start to first frame (Xvfb)", "—", "—", "—", "—", "≤ 0.8 × gnome-text-editor", None)
        return
    s = read_kv(path)
    for renderer in ("gl", "cairo"):
        if f"{renderer}_byline_ms" not in s:
            continue
        b, g = float(s[f"{renderer}_byline_ms"]), float(s[f"{renderer}_gte_ms"])
        table.row(f"Start to first frame (Xvfb, GSK_RENDERER={renderer})",
                  fmt(b, " ms", 0), f"{fmt(g, ' ms', 0)} (gnome-text-editor --standalone)",
                  ratio(b / g),
                  f"{fmt(float(s[f'{renderer}_byline_rss_kb']) / 1024, ' MB', 0)} / "
                  f"{fmt(float(s[f'{renderer}_gte_rss_kb']) / 1024, ' MB', 0)}",
                  "≤ 0.8 ×", b / g <= 0.8)
        table.notes.append(
            f"Start-up ({renderer}): CPU time to the first frame, Byline "
            f"{s[f'{renderer}_byline_cpu_ms']} ms, gnome-text-editor {s[f'{renderer}_gte_cpu_ms']} ms; "
            "the RSS column is at the first frame. Probe: bench/first-frame.so (LD_PRELOAD, an "
            "emission hook on GdkFrameClock::after-paint), T0 in the launching shell before exec, "
            "the two apps taking turns on one Xvfb.")


def library_rows(table, results):
    paths = sorted(glob.glob(os.path.join(results, "library-[0-9]*")))
    if not paths:
        table.row("Show a library of 10,000 drafts", "—", "—", "—", "—", "≤ 250 ms, ≤ 60 MB", None)
        return
    seconds = median_of(paths, "seconds")
    cpu = median_of(paths, "cpu_seconds")
    peak = max(float(read_kv(p)["peak_rss_kb"]) for p in paths)
    n = int(read_kv(paths[0])["n_items"])
    table.row(f"Load a library of {n:,} drafts (store loaded, model filled)",
              fmt(seconds * 1000, " ms", 0), "—", "—", fmt(peak / 1024, " MB", 0),
              "≤ 250 ms, ≤ 60 MB", seconds <= 0.25 and peak <= 60 * 1024)
    table.notes.append(
        f"Library: median of {len(paths)} fresh processes, the index present (every start but "
        f"the first); {fmt(cpu * 1000, ' ms', 0)} of CPU (all threads).")
    screen_rows(table, results)


def screen_rows(table, results):
    paths = sorted(glob.glob(os.path.join(results, "library-screen-[0-9]*")))
    renderers = [r for r in ("gl", "cairo") if paths and f"{r}_seconds" in read_kv(paths[0])]
    if not renderers:
        table.row("… until the list is on screen", "—", "—", "—", "—", "≤ 250 ms", None)
        return
    for r in renderers:
        seconds = median_of(paths, f"{r}_seconds")
        peak = max(float(read_kv(p)[f"{r}_rss_kb"]) for p in paths)
        table.row(f"… until the list is on screen (Xvfb, GSK_RENDERER={r})",
                  fmt(seconds * 1000, " ms", 0), "—", "—", fmt(peak / 1024, " MB", 0),
                  "≤ 250 ms", seconds <= 0.25)
    figures = "; ".join(
        f"{r}: {fmt(median_of(paths, f'{r}_cpu_seconds') * 1000, ' ms', 0)} of CPU, "
        f"{fmt(median_of(paths, f'{r}_exec_seconds') * 1000, ' ms', 0)} from exec, a search "
        f"{fmt(median_of(paths, f'{r}_search_seconds') * 1000, ' ms', 0)}"
        for r in renderers)
    table.notes.append(
        f"Library on screen: median of {len(paths)} fresh processes per renderer "
        "(bench/library-screen in tests/headless-run, the start-up row's environment), the "
        "application's window on the same library: from g_application_activate() (the store started loading at the application's startup, just before) to the first "
        "GdkFrameClock::after-paint at which the Drafts list holds every draft and shows rows "
        f"({figures}; the search includes the entry's 150 ms delay). The RSS column is at "
        "that frame.")


def typing_rows(table, results):
    path = os.path.join(results, "typing")
    t = read_kv(path) if os.path.exists(path) else {}
    renderers = [r for r in ("gl", "cairo") if f"typing_{r}_p99_ms" in t]
    for r in renderers:
        g = lambda k: t[f"typing_{r}_{k}"]
        p50, p99 = float(g("p50_ms")), float(g("p99_ms"))
        table.row(f"Typing in a 50,000-word article (GSK_RENDERER={r}): main-thread work per frame",
                  f"p50 {fmt(p50, ' ms')}, p99 {fmt(p99, ' ms')}", "—", "—",
                  fmt(float(g("peak_rss_kb")) / 1024, " MB", 0), "p99 ≤ 16 ms", p99 <= 16)
        table.notes.append(
            f"Typing ({r}): {g('chars')} characters typed into BylineEditor ({int(g('words')):,} "
            "words) under Xvfb, 10 a second with a pause after every fourth word, a real store "
            "autosaving the article; the figure is the main thread's busy time between two "
            "painted frames (a poll wrapper measures the idle part), so the keystroke, the "
            "editor's model sync, autosaves, layout and paint all count. "
            f"{g('frames')} frames, worst {g('max_ms')} ms, {g('saves')} autosave(s); a whole "
            f"autosave (editor flush, serialisation, the row update) took {g('autosave_total_ms')} "
            "ms of main thread.")
    if not renderers:
        table.row("Typing in a 50,000-word article: p99 frame", "—", "—", "—", "—", "≤ 16 ms", None)
    if "autosave_median_ms" in t:
        median, worst = float(t["autosave_median_ms"]), float(t["autosave_max_ms"])
        table.row("… autosave work on the main thread, per save",
                  f"{fmt(median, ' ms')} (max {fmt(worst, ' ms')})", "—", "—", "—", "≤ 2 ms",
                  median <= 2)
        table.notes.append(
            f"Autosave: a {int(t['autosave_words']):,}-word article "
            f"({int(t['autosave_json_bytes']) / 1024:.0f} KB of JSON) tracked by a real store; "
            "per save, the main thread's busy time from byline_draft_store_save() until the "
            "worker's write is done (its sleep taken out): serialisation "
            f"({t['autosave_call_ms']} ms, the save call alone) plus the store's bookkeeping "
            "after the write (the library row).")


def main():
    results, latest, readme = sys.argv[1:4]
    m = read_kv(os.path.join(results, "machine"))
    table = Table()
    publish_rows(table, results)
    startup_rows(table, results)
    thumbnail_rows(table, results)
    library_rows(table, results)
    typing_rows(table, results)

    machine = (f"{m['date']}, commit {m['commit']}{' (--quick)' if m['quick'] == '1' else ''}: "
               f"{m['nproc']} × {m['cpu']}, {m['ram']} RAM, Debian {m['debian']}, "
               f"load average {m['load']} at the start.")
    earlier = [f"{k[len('earlier_'):]} ({v})" for k, v in m.items() if k.startswith("earlier_")]
    if earlier:
        machine += " Taken from earlier runs on the same machine: " + ", ".join(earlier) + "."
    body = (f"{table.markdown()}\n\n{machine}\n\n"
            + "\n".join(f"- {n}" for n in table.notes) + "\n")

    with open(latest, "w", encoding="utf-8") as f:
        f.write("# Latest benchmark run\n\nWritten by `bench/run`; figures, not tests.\n\n" + body)

    with open(readme, encoding="utf-8") as f:
        text = f.read()
    begin, end = "<!-- bench:begin -->", "<!-- bench:end -->"
    if begin in text and end in text:
        head, _, rest = text.partition(begin)
        _, _, tail = rest.partition(end)
        text = f"{head}{begin}\n{body}{end}{tail}"
        with open(readme, "w", encoding="utf-8") as f:
            f.write(text)


main()
