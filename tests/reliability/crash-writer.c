/* crash-writer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Invariant 1 measured from the outside: "every change reaches disk within
 * the autosave delay". Driven by tests/reliability/crash-test, which kills
 * it with SIGKILL at random instants.
 *
 *   crash-writer write ROOT LOG DELAY_MS N_DRAFTS
 *     types into N drafts through the draft store (a keystroke of 1–4
 *     characters every 2–8 ms, autosave after DELAY_MS), forever. Before each
 *     keystroke reaches the article it appends "T <µs> <draft> <length>" to
 *     LOG (O_APPEND, fdatasync). A restart goes on typing where the disk
 *     left off.
 *
 *   crash-writer check ROOT LOG DELAY_MS KILL_TIME_US
 *     after a kill: every draft loads through the store, each one's text is
 *     a prefix of what was typed, and whatever is missing was typed within
 *     2 × DELAY_MS + 500 ms of the kill (scheduling on a loaded machine).
 *
 * The text typed into draft i is always a prefix of one long text (the
 * seed article, its words joined by '-', repeated), so the log only needs
 * lengths in characters.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "byline-block.h"
#include "byline-draft-store.h"
#include "byline-text.h"

#define TEXT_CHARS 400000
#define SLACK_US   (500 * 1000)

/* The text everybody types --------------------------------------------- */

static char *typed_text;     /* NFC */
static glong typed_chars;

static void
make_typed_text (void)
{
  const char *srcdir = g_getenv ("BYLINE_SOURCE_ROOT");
  g_autofree char *path = g_build_filename (srcdir != NULL ? srcdir : ".",
                                            "tests", "core", "data", "seed-article.txt", NULL);
  g_autofree char *seed = NULL;
  g_auto(GStrv) words = NULL;
  g_autofree char *joined = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  if (!g_file_get_contents (path, &seed, NULL, &error))
    g_error ("%s", error->message);
  words = g_regex_split_simple ("\\s+", g_strstrip (seed), 0, 0);
  joined = g_strjoinv ("-", words);
  for (glong chars = 0, n = g_utf8_strlen (joined, -1) + 1; chars < TEXT_CHARS; chars += n)
    g_string_append_printf (text, "%s-", joined);
  typed_text = byline_text_normalize (text->str, -1, NULL);
  typed_chars = g_utf8_strlen (typed_text, -1);
}

static char *
typed_prefix (glong chars)
{
  return g_utf8_substring (typed_text, 0, chars);
}

static const char *
article_text (BylineArticle *article)
{
  GPtrArray *blocks = byline_article_get_blocks (article);

  if (blocks == NULL || blocks->len == 0)
    return "";
  return byline_block_get_text (g_ptr_array_index (blocks, 0));
}

/* The store -------------------------------------------------------------- */

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static BylineArticle *
open_draft (BylineDraftStore  *store,
            const char        *id,
            GError           **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  byline_draft_store_open_async (store, id, NULL, result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return byline_draft_store_open_finish (store, result, error);
}

static BylineDraftStore *
load_store (const char *root,
            guint       delay_ms,
            gboolean    owns_session)
{
  g_autoptr(GFile) file = g_file_new_for_path (root);
  g_autoptr(GError) error = NULL;
  BylineDraftStore *store = g_object_new (BYLINE_TYPE_DRAFT_STORE,
                                          "root", file,
                                          "autosave-delay-ms", delay_ms,
                                          "owns-session", owns_session,
                                          NULL);

  if (!byline_draft_store_load_sync (store, NULL, &error))
    g_error ("The store does not load: %s", error->message);
  return store;
}

/* Sorted by title ("Bài 0", "Bài 1"…), so draft i stays draft i. */
static GPtrArray *
draft_ids (BylineDraftStore *store)
{
  GListModel *all = byline_draft_store_get_library (store, BYLINE_LIBRARY_VIEW_ALL);
  g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(BylineDraftInfo) info = g_list_model_get_item (all, i);
      const char *title = byline_draft_info_get_title (info);
      guint64 n = 0;

      if (title == NULL || !g_str_has_prefix (title, "Bài ") ||
          !g_ascii_string_to_unsigned (title + strlen ("Bài "), 10, 0, 999, &n, NULL))
        g_error ("A draft nobody typed: %s", byline_draft_info_get_id (info));
      if (n >= ids->len)
        g_ptr_array_set_size (ids, n + 1);
      g_free (g_ptr_array_index (ids, n));
      g_ptr_array_index (ids, n) = g_strdup (byline_draft_info_get_id (info));
    }
  return ids;
}

/* Writing ------------------------------------------------------------------ */

typedef struct
{
  int            log_fd;
  GPtrArray     *articles;
  GArray        *lengths;   /* glong, characters typed in each */
  GRand         *rand;
} Writer;

static void
log_line (int         fd,
          const char *format,
          ...) G_GNUC_PRINTF (2, 3);

static void
log_line (int         fd,
          const char *format,
          ...)
{
  g_autofree char *line = NULL;
  va_list args;
  gsize len;

  va_start (args, format);
  line = g_strdup_vprintf (format, args);
  va_end (args);
  len = strlen (line);
  if (write (fd, line, len) != (gssize) len || fdatasync (fd) != 0)
    g_error ("Cannot write the typing log: %s", g_strerror (errno));
}

static void
set_text (BylineArticle *article,
          glong          chars)
{
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_block_unref);
  g_autofree char *text = typed_prefix (chars);

  g_ptr_array_add (blocks, byline_block_new (BYLINE_BLOCK_PARAGRAPH, text));
  byline_article_set_blocks (article, blocks);
}

static gboolean
keystroke_cb (gpointer user_data)
{
  Writer *w = user_data;
  guint i = g_rand_int_range (w->rand, 0, w->articles->len);
  glong *len = &g_array_index (w->lengths, glong, i);
  glong next = MIN (*len + g_rand_int_range (w->rand, 1, 5), typed_chars);

  /* Logged first: a kill in between leaves a logged keystroke that never
   * reached the article, which only makes the check stricter. */
  log_line (w->log_fd, "T %" G_GINT64_FORMAT " %u %ld\n", g_get_real_time (), i, next);
  set_text (g_ptr_array_index (w->articles, i), next);
  *len = next;

  g_timeout_add (g_rand_int_range (w->rand, 2, 9), keystroke_cb, w);
  return G_SOURCE_REMOVE;
}

static int
run_writer (const char *root,
            const char *log_path,
            guint       delay_ms,
            guint       n_drafts)
{
  g_autoptr(BylineDraftStore) store = load_store (root, delay_ms, TRUE);
  g_autoptr(GPtrArray) ids = draft_ids (store);
  Writer w = { 0 };

  w.log_fd = open (log_path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
  if (w.log_fd < 0)
    g_error ("Cannot open %s: %s", log_path, g_strerror (errno));
  w.articles = g_ptr_array_new_with_free_func (g_object_unref);
  w.lengths = g_array_new (FALSE, TRUE, sizeof (glong));
  w.rand = g_rand_new ();

  log_line (w.log_fd, "S %" G_GINT64_FORMAT "\n", g_get_real_time ());
  for (guint i = 0; i < n_drafts; i++)
    {
      g_autoptr(BylineArticle) article = NULL;
      g_autoptr(GError) error = NULL;
      glong len;

      if (i < ids->len && g_ptr_array_index (ids, i) != NULL)
        {
          article = open_draft (store, g_ptr_array_index (ids, i), &error);
          if (article == NULL)
            g_error ("Draft %u does not open: %s", i, error->message);
        }
      else
        {
          g_autofree char *title = g_strdup_printf ("Bài %u", i);

          article = byline_draft_store_create (store);
          byline_article_set_title (article, title);
        }
      len = g_utf8_strlen (article_text (article), -1);
      log_line (w.log_fd, "D %u %s %ld %" G_GINT64_FORMAT "\n",
                i, byline_article_get_id (article), len, g_get_real_time ());
      g_ptr_array_add (w.articles, g_steal_pointer (&article));
      g_array_append_val (w.lengths, len);
    }

  keystroke_cb (&w);
  for (;;)
    g_main_context_iteration (NULL, TRUE);
  return 0;
}

/* Checking ------------------------------------------------------------------ */

typedef struct
{
  char   *id;
  gint64  created;   /* when this run opened or created it */
  glong   start;     /* characters on disk when this run began */
  GArray *times;     /* gint64 µs of each keystroke, and */
  GArray *lens;      /* glong length after it */
} DraftLog;

static void
draft_log_free (DraftLog *d)
{
  g_free (d->id);
  g_array_unref (d->times);
  g_array_unref (d->lens);
  g_free (d);
}

/* The drafts of the last run in the log (after its last "S" line). */
static GPtrArray *
read_last_run (const char *log_path)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) draft_log_free);
  guint start = 0;

  if (!g_file_get_contents (log_path, &contents, NULL, &error))
    g_error ("%s", error->message);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] == 'S')
      start = i;

  for (guint i = start; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], " ", -1);
      guint n = g_strv_length (f);

      if (n == 5 && f[0][0] == 'D')
        {
          DraftLog *d = g_new0 (DraftLog, 1);

          d->id = g_strdup (f[2]);
          d->start = atol (f[3]);
          d->created = g_ascii_strtoll (f[4], NULL, 10);
          d->times = g_array_new (FALSE, FALSE, sizeof (gint64));
          d->lens = g_array_new (FALSE, FALSE, sizeof (glong));
          g_ptr_array_add (drafts, d);
        }
      else if (n == 4 && f[0][0] == 'T')
        {
          guint index = atoi (f[2]);
          gint64 t = g_ascii_strtoll (f[1], NULL, 10);
          glong len = atol (f[3]);

          /* A torn last line (killed mid-write) has fewer fields. */
          if (index < drafts->len)
            {
              DraftLog *d = g_ptr_array_index (drafts, index);

              g_array_append_val (d->times, t);
              g_array_append_val (d->lens, len);
            }
        }
    }
  return drafts;
}

/* When the first character that is not on disk was typed; -1 if nothing
 * typed is missing. */
static gint64
first_missing (const DraftLog *d,
               glong           on_disk)
{
  if (on_disk < d->start)
    return d->created;
  for (guint k = 0; k < d->lens->len; k++)
    if (g_array_index (d->lens, glong, k) > on_disk)
      return g_array_index (d->times, gint64, k);
  return -1;
}

static int
run_check (const char *root,
           const char *log_path,
           guint       delay_ms,
           gint64      kill_time)
{
  g_autoptr(GPtrArray) drafts = read_last_run (log_path);
  g_autoptr(BylineDraftStore) store = load_store (root, delay_ms, FALSE);
  GPtrArray *problems = byline_draft_store_get_load_problems (store);
  gint64 allowed = 2 * (gint64) delay_ms * 1000 + SLACK_US;
  gint64 worst = 0;
  glong typed = 0, lost = 0;
  int failed = 0;

  if (problems->len > 0)
    {
      g_printerr ("crash-check: %u drafts did not load\n", problems->len);
      failed = 1;
    }

  for (guint i = 0; i < drafts->len; i++)
    {
      DraftLog *d = g_ptr_array_index (drafts, i);
      g_autoptr(BylineArticle) article = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *expected = NULL;
      const char *text = "";
      glong on_disk, last;
      gint64 missing_since;

      last = d->lens->len > 0 ? g_array_index (d->lens, glong, d->lens->len - 1) : d->start;
      typed += last - d->start;
      if (byline_draft_store_lookup (store, d->id) != NULL)
        {
          article = open_draft (store, d->id, &error);
          if (article == NULL)
            {
              g_printerr ("crash-check: draft %u does not open: %s\n", i, error->message);
              failed = 1;
              continue;
            }
          text = article_text (article);
        }

      on_disk = g_utf8_strlen (text, -1);
      expected = typed_prefix (on_disk);
      if (strcmp (text, expected) != 0 || on_disk > last)
        {
          g_printerr ("crash-check: draft %u holds %ld characters that were never typed so\n",
                      i, on_disk);
          failed = 1;
          continue;
        }

      missing_since = first_missing (d, on_disk);
      if (missing_since >= 0)
        {
          lost += last - on_disk;
          worst = MAX (worst, kill_time - missing_since);
          if (kill_time - missing_since > allowed)
            {
              g_printerr ("crash-check: draft %u lost %ld characters typed from %.3f s before "
                          "the kill (allowed %.3f s)\n", i, last - on_disk,
                          (kill_time - missing_since) / 1e6, allowed / 1e6);
              failed = 1;
            }
        }
    }

  g_print ("crash-check: %u drafts load; %ld characters typed in this run, %ld lost "
           "(oldest %.3f s before the kill, allowed %.3f s)\n",
           drafts->len, typed, lost, worst / 1e6, allowed / 1e6);
  byline_draft_store_close_sync (store, NULL, NULL);
  return failed;
}

int
main (int   argc,
      char *argv[])
{
  make_typed_text ();

  if (argc == 6 && g_str_equal (argv[1], "write"))
    return run_writer (argv[2], argv[3], atoi (argv[4]), atoi (argv[5]));
  if (argc == 6 && g_str_equal (argv[1], "check"))
    return run_check (argv[2], argv[3], atoi (argv[4]), g_ascii_strtoll (argv[5], NULL, 10));

  g_printerr ("Usage: crash-writer write ROOT LOG DELAY_MS N_DRAFTS\n"
              "       crash-writer check ROOT LOG DELAY_MS KILL_TIME_US\n");
  return 2;
}
