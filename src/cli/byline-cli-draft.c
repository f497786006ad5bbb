/* byline-cli-draft.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * byline-cli draft: import, list, show, set and delete, through the same
 * draft store as the GUI.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "byline-cli-private.h"
#include "byline-import.h"
#include "byline-render.h"

/* The store is closed (everything flushed) on every path out of a command
 * that opened it; a failed close is the command's failure. */
static BylineCliExit
finish (BylineDraftStore *store,
        BylineCliExit     status)
{
  g_autoptr(GError) error = NULL;

  if (!byline_cli_store_close (store, &error))
    return byline_cli_fail (error);
  return status;
}

static BylineCliExit
finish_error (BylineDraftStore *store,
              const GError     *error)
{
  BylineCliExit status = byline_cli_fail (error);

  return finish (store, status);
}

/* import ------------------------------------------------------------------ */

static BylineCliExit
draft_import (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(BylineDraftStore) store = NULL;
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  BylineCliExit status;

  context = byline_cli_option_context_new (_("FILE"),
                                           _("Imports a plain text, Markdown or ninjs file as a "
                                             "new draft and prints the draft’s id."),
                                           NULL);
  if (!byline_cli_parse (context, &argc, &argv, 1, 1, &status))
    return status;

  /* Import first: bad input must leave nothing behind, not even a store
   * that was touched. */
  file = g_file_new_for_commandline_arg (argv[1]);
  byline_import_file_async (file, BYLINE_IMPORT_FORMAT_AUTO, NULL, byline_cli_result_cb, &result);
  article = byline_import_file_finish (byline_cli_run_async_until_done (&result), &error);
  if (article == NULL)
    return byline_cli_fail_printf ("%s: %s", argv[1], error->message);

  if ((store = byline_cli_store_open (&error)) == NULL)
    return byline_cli_fail (error);
  byline_draft_store_add (store, article);
  if (!byline_cli_store_close (store, &error))
    return byline_cli_fail (error);

  printf ("%s\n", byline_article_get_id (article));
  return BYLINE_CLI_EXIT_OK;
}

/* list -------------------------------------------------------------------- */

static gboolean list_json;

static const GOptionEntry list_entries[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &list_json, N_("Print a JSON array"), NULL },
  { NULL }
};

static JsonNode *
draft_info_to_json (BylineDraftInfo *info)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *modified = g_date_time_format_iso8601 (byline_draft_info_get_modified (info));
  const char *title = byline_draft_info_get_title (info);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, byline_draft_info_get_id (info));
  json_builder_set_member_name (builder, "modified");
  json_builder_add_string_value (builder, modified);
  json_builder_set_member_name (builder, "state");
  json_builder_add_string_value (builder, byline_draft_info_get_state (info));
  if (title != NULL && *title != '\0')
    {
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, title);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
draft_info_print (BylineDraftInfo *info)
{
  g_autofree char *modified = byline_cli_format_time (byline_draft_info_get_modified (info));
  const char *title = byline_draft_info_get_title (info);

  printf ("%s  %s  %-9s  %s\n", byline_draft_info_get_id (info), modified,
          byline_draft_info_get_state (info),
          title != NULL && *title != '\0' ? title : _("(untitled)"));
}

static BylineCliExit
draft_list (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(BylineDraftStore) store = NULL;
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(GError) error = NULL;
  GListModel *library;
  BylineCliExit status;

  context = byline_cli_option_context_new (NULL, _("Lists the drafts (not those in the Trash): "
                                                   "id, last change, state and title."),
                                           list_entries);
  if (!byline_cli_parse (context, &argc, &argv, 0, 0, &status))
    return status;
  if ((store = byline_cli_store_open (&error)) == NULL)
    return byline_cli_fail (error);

  library = byline_draft_store_get_library (store, BYLINE_LIBRARY_VIEW_ALL);
  for (guint i = 0; i < g_list_model_get_n_items (library); i++)
    {
      g_autoptr(BylineDraftInfo) info = g_list_model_get_item (library, i);

      if (list_json)
        json_array_add_element (array, draft_info_to_json (info));
      else
        draft_info_print (info);
    }
  if (list_json)
    byline_cli_print_json_array (g_steal_pointer (&array));

  return finish (store, BYLINE_CLI_EXIT_OK);
}

/* show -------------------------------------------------------------------- */

static gboolean show_json;
static gboolean show_html;
static gboolean show_markdown;
static gboolean show_ninjs;
static gboolean show_text;

static const GOptionEntry show_entries[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &show_json, N_("Print the draft as stored (article.json)"), NULL },
  { "html", 0, 0, G_OPTION_ARG_NONE, &show_html, N_("Print a standalone HTML document"), NULL },
  { "markdown", 0, 0, G_OPTION_ARG_NONE, &show_markdown, N_("Print Markdown"), NULL },
  { "ninjs", 0, 0, G_OPTION_ARG_NONE, &show_ninjs, N_("Print a ninjs 2.0 news item"), NULL },
  { "text", 0, 0, G_OPTION_ARG_NONE, &show_text, N_("Print plain text with the closing credit line"), NULL },
  { NULL }
};

static void
print_field (const char *label,
             const char *value)
{
  if (value != NULL && *value != '\0')
    printf ("%s %s\n", label, value);
}

static void
print_list_field (const char         *label,
                  const char * const *values)
{
  g_autofree char *joined = NULL;

  if (values == NULL || values[0] == NULL)
    return;
  joined = g_strjoinv (", ", (char **) values);
  print_field (label, joined);
}

static void
print_photos (BylineArticle *article)
{
  GListModel *photos = byline_article_get_photos (article);
  guint n = g_list_model_get_n_items (photos);

  if (n == 0)
    return;
  printf (_("Photos: %u\n"), n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BylinePhoto) photo = g_list_model_get_item (photos, i);
      const char *caption = byline_photo_get_caption (photo);
      const char *creator = byline_photo_get_creator (photo);
      gboolean featured = g_strcmp0 (byline_article_get_featured_photo (article),
                                     byline_photo_get_id (photo)) == 0;

      printf ("  %.12s  %s%s%s%s\n", byline_photo_get_id (photo),
              caption != NULL ? caption : _("(no caption)"),
              creator != NULL ? " — " : "", creator != NULL ? creator : "",
              featured ? _(" [featured]") : "");
    }
}

static void
print_summary (BylineDraftStore *store,
               BylineArticle    *article)
{
  BylineDraftInfo *info = byline_draft_store_lookup (store, byline_article_get_id (article));
  g_autofree char *modified = byline_cli_format_time (byline_article_get_modified (article));
  g_autofree char *embargo = byline_cli_format_time (byline_article_get_embargo (article));
  g_autofree char *priority = NULL;
  g_autofree char *credit = NULL;
  BylineRenderOptions options;

  byline_render_options_init (&options);
  credit = byline_render_credit_line (article, &options);
  if (byline_article_get_priority (article) != 0)
    priority = g_strdup_printf ("%u", byline_article_get_priority (article));

  print_field (_("Id:"), byline_article_get_id (article));
  print_field (_("Title:"), byline_article_get_title (article));
  print_field (_("Lead:"), byline_article_get_lead (article));
  print_field (_("Category:"), byline_article_get_category (article));
  print_list_field (_("Tags:"), byline_article_get_tags (article));
  print_list_field (_("Writers:"), byline_article_get_writers (article));
  print_list_field (_("Photographers:"), byline_article_get_photographers (article));
  print_field (_("Credit line:"), credit);
  print_field (_("Dateline:"), byline_article_get_dateline (article));
  print_field (_("Slugline:"), byline_article_get_slugline (article));
  print_field (_("Priority:"), priority);
  print_field (_("Embargo:"), embargo);
  print_field (_("Note to the desk:"), byline_article_get_desk_note (article));
  print_field (_("Language:"), byline_article_get_language (article));
  print_field (_("State:"), info != NULL ? byline_draft_info_get_state (info) : NULL);
  print_field (_("Published at:"), byline_article_get_remote_link (article));
  print_field (_("Modified:"), modified);
  printf (_("Words: %u\n"), byline_article_count_words (article));
  print_photos (article);
  if (byline_draft_store_is_read_only (store, article))
    printf ("%s\n", _("Read-only: written by a newer version of Byline."));
}

static void
print_rendered (BylineArticle *article)
{
  g_autofree char *text = NULL;
  BylineRenderOptions options;

  byline_render_options_init (&options);
  if (show_json)
    {
      g_autoptr(GBytes) bytes = byline_article_to_bytes (article);

      fwrite (g_bytes_get_data (bytes, NULL), 1, g_bytes_get_size (bytes), stdout);
      return;
    }
  if (show_ninjs)
    {
      g_autoptr(JsonNode) node = byline_render_ninjs (article, &options);

      byline_cli_print_json (node);
      return;
    }

  if (show_html)
    text = byline_render_html_document (article, &options);
  else if (show_markdown)
    text = byline_render_markdown (article, &options);
  else
    text = byline_render_text (article, &options);
  fputs (text, stdout);
  if (*text != '\0' && !g_str_has_suffix (text, "\n"))
    fputc ('\n', stdout);
}

static BylineCliExit
draft_show (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(BylineDraftStore) store = NULL;
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  BylineCliExit status;

  context = byline_cli_option_context_new (_("ID"),
                                           _("Shows a draft: by default a summary (title, lead, "
                                             "fields, word count, photos); with an option, the "
                                             "whole article in that format. --html gives a "
                                             "standalone HTML document, not the WordPress block "
                                             "markup."),
                                           show_entries);
  if (!byline_cli_parse (context, &argc, &argv, 1, 1, &status))
    return status;
  if (show_json + show_html + show_markdown + show_ninjs + show_text > 1)
    return byline_cli_usage_printf (_("choose one of --json, --html, --markdown, --ninjs and --text"));

  if ((store = byline_cli_store_open (&error)) == NULL)
    return byline_cli_fail (error);
  if ((article = byline_cli_draft_open (store, argv[1], &error)) == NULL)
    return finish_error (store, error);

  if (show_json + show_html + show_markdown + show_ninjs + show_text == 0)
    print_summary (store, article);
  else
    print_rendered (article);

  byline_draft_store_release (store, article);
  return finish (store, BYLINE_CLI_EXIT_OK);
}

/* set --------------------------------------------------------------------- */

typedef gboolean (*DraftSetFunc) (BylineArticle  *article,
                                  const char     *value,
                                  GError        **error);

static char **
split_list (const char *value)
{
  g_auto(GStrv) parts = g_strsplit (value, ",", -1);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *item = g_strstrip (parts[i]);

      if (*item != '\0')
        g_ptr_array_add (items, g_strdup (item));
    }
  g_ptr_array_add (items, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&items), FALSE);
}

#define DEFINE_STRING_SETTER(name)                                       \
  static gboolean                                                        \
  set_##name (BylineArticle  *article,                                   \
              const char     *value,                                     \
              GError        **error)                                     \
  {                                                                      \
    byline_article_set_##name (article, value);                          \
    return TRUE;                                                         \
  }

#define DEFINE_LIST_SETTER(name)                                         \
  static gboolean                                                        \
  set_##name (BylineArticle  *article,                                   \
              const char     *value,                                     \
              GError        **error)                                     \
  {                                                                      \
    g_auto(GStrv) items = split_list (value);                            \
                                                                         \
    byline_article_set_##name (article, (const char * const *) items);   \
    return TRUE;                                                         \
  }

DEFINE_STRING_SETTER (title)
DEFINE_STRING_SETTER (lead)
DEFINE_STRING_SETTER (category)
DEFINE_STRING_SETTER (dateline)
DEFINE_STRING_SETTER (slugline)
DEFINE_STRING_SETTER (desk_note)
DEFINE_STRING_SETTER (language)
DEFINE_LIST_SETTER (tags)
DEFINE_LIST_SETTER (writers)
DEFINE_LIST_SETTER (photographers)

static gboolean
set_priority (BylineArticle  *article,
              const char     *value,
              GError        **error)
{
  guint64 priority = 0;

  if (*value != '\0' &&
      !g_ascii_string_to_unsigned (value, 10, 1, 9, &priority, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("the priority is a number from 1 (flash) to 9, not “%s”"), value);
      return FALSE;
    }

  byline_article_set_priority (article, (guint) priority);
  return TRUE;
}

static gboolean
set_embargo (BylineArticle  *article,
             const char     *value,
             GError        **error)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GDateTime) embargo = NULL;

  if (*value != '\0' && (embargo = byline_cli_parse_time (value, local)) == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is not a time: write it as 2026-11-28 14:30 (local time) or in ISO 8601"),
                   value);
      return FALSE;
    }

  byline_article_set_embargo (article, embargo);
  return TRUE;
}

static const struct
{
  const char   *name;
  DraftSetFunc  set;
} draft_fields[] = {
  { "title", set_title },
  { "lead", set_lead },
  { "category", set_category },
  { "tags", set_tags },
  { "writers", set_writers },
  { "photographers", set_photographers },
  { "dateline", set_dateline },
  { "slugline", set_slugline },
  { "priority", set_priority },
  { "embargo", set_embargo },
  { "note", set_desk_note },
  { "language", set_language },
};

static DraftSetFunc
find_draft_field (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (draft_fields); i++)
    {
      if (strcmp (draft_fields[i].name, name) == 0)
        return draft_fields[i].set;
    }
  return NULL;
}

static BylineCliExit
draft_set (int    argc,
           char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(BylineDraftStore) store = NULL;
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fields = byline_cli_join_names (draft_fields, G_N_ELEMENTS (draft_fields),
                                                   sizeof draft_fields[0]);
  g_autofree char *description = NULL;
  DraftSetFunc set;
  BylineCliExit status;

  context = byline_cli_option_context_new (_("ID FIELD VALUE"),
                                           _("Sets a field of a draft. An empty VALUE clears it."),
                                           NULL);
  description = g_strdup_printf (_("Fields: %s.\nLists (tags, writers, photographers) are comma "
                                   "separated. Priority: 1 (flash) to 9. Embargo: "
                                   "“YYYY-MM-DD HH:MM” in local time, or ISO 8601."), fields);
  g_option_context_set_description (context, description);
  if (!byline_cli_parse (context, &argc, &argv, 3, 3, &status))
    return status;
  if ((set = find_draft_field (argv[2])) == NULL)
    return byline_cli_usage_printf (_("unknown field “%s”; the fields are: %s"), argv[2], fields);
  if (!g_utf8_validate (argv[3], -1, NULL))
    return byline_cli_usage_printf (_("the value is not valid UTF-8"));

  if ((store = byline_cli_store_open (&error)) == NULL)
    return byline_cli_fail (error);
  if ((article = byline_cli_draft_open (store, argv[1], &error)) == NULL ||
      !byline_cli_draft_check_writable (store, article, &error))
    return finish_error (store, error);

  if (!set (article, argv[3], &error))
    {
      byline_cli_usage_printf ("%s", error->message);
      return finish (store, BYLINE_CLI_EXIT_USAGE);
    }

  byline_draft_store_release (store, article);
  return finish (store, BYLINE_CLI_EXIT_OK);
}

/* delete ------------------------------------------------------------------ */

static BylineCliExit
draft_delete (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(BylineDraftStore) store = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  BylineDraftInfo *info;
  BylineCliExit status;

  context = byline_cli_option_context_new (_("ID"),
                                           _("Moves a draft to the Trash, where Byline keeps it "
                                             "30 days."),
                                           NULL);
  if (!byline_cli_parse (context, &argc, &argv, 1, 1, &status))
    return status;
  if ((store = byline_cli_store_open (&error)) == NULL)
    return byline_cli_fail (error);

  info = byline_draft_store_lookup (store, argv[1]);
  if (info == NULL || byline_draft_info_get_in_trash (info))
    {
      byline_cli_fail_printf (_("no draft with id “%s”"), argv[1]);
      return finish (store, BYLINE_CLI_EXIT_FAILED);
    }

  byline_draft_store_trash_async (store, argv[1], NULL, byline_cli_result_cb, &result);
  if (!byline_draft_store_trash_finish (store, byline_cli_run_async_until_done (&result), &error))
    return finish_error (store, error);
  return finish (store, BYLINE_CLI_EXIT_OK);
}

static const BylineCliSubcommand draft_commands[] = {
  { "import", N_("Import a text, Markdown or ninjs file as a new draft"), draft_import },
  { "list", N_("List the drafts"), draft_list },
  { "show", N_("Show a draft, or print it as JSON, HTML, Markdown, ninjs or text"), draft_show },
  { "set", N_("Set a field of a draft"), draft_set },
  { "delete", N_("Move a draft to the Trash"), draft_delete },
};

BylineCliExit
byline_cli_draft_run (int    argc,
                      char **argv)
{
  return byline_cli_dispatch ("draft", draft_commands, G_N_ELEMENTS (draft_commands), argc, argv);
}
