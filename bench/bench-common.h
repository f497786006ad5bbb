/* bench-common.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What every benchmark program shares: test photos, clocks, memory
 * figures, medians and the "key value" lines bench/run reads.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Writes a JPEG (Q90; PNG if @path ends in .png) of @width × @height at @path unless it exists:
 * smooth blotches, sensor-like grain and a few hard edges, so it
 * compresses like a photo (a 12 MP one is about 3 MB), not like a flat
 * test card. Needs VIPS_INIT. */
void     bench_ensure_photo  (const char *path,
                              int         width,
                              int         height,
                              int         seed);

/* Seconds: wall clock (monotonic) and CPU time of the whole process. */
double   bench_now           (void);
double   bench_cpu_time      (void);

/* From /proc/self/status, in kB: the resident set now and its peak. */
long     bench_rss_kb        (void);
long     bench_peak_rss_kb   (void);

/* Sorts @values in place and returns the median. */
double   bench_median        (double     *values,
                              guint       n_values);
/* The value at fraction @q (0..1) of the sorted @values (nearest rank). */
double   bench_quantile      (double     *values,
                              guint       n_values,
                              double      q);

/* Prints "key value" on stdout for bench/run; human notes go to stderr. */
void     bench_report        (const char *key,
                              const char *format,
                              ...) G_GNUC_PRINTF (2, 3);

/* Paragraph blocks (BylineBlock) of at least @n_words words, the
 * paragraphs of the text file @path over and over. */
GPtrArray *bench_paragraphs  (const char *path,
                              guint       n_words);

G_END_DECLS
