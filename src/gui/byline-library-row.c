/* byline-library-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One draft in the library: title, lead, when it changed, its publishing
 * state. A row is recycled by the list view for many drafts, so binding
 * costs a few label updates and nothing else.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "byline-library-row.h"

struct _BylineLibraryRow
{
  GtkWidget        parent_instance;

  BylineDraftInfo *info;

  /* Template widgets */
  GtkWidget       *box;
  GtkLabel        *title_label;
  GtkLabel        *lead_label;
  GtkLabel        *time_label;
  GtkWidget       *state_badge;
  GtkImage        *state_icon;
  GtkLabel        *state_label;
};

G_DEFINE_FINAL_TYPE (BylineLibraryRow, byline_library_row, GTK_TYPE_WIDGET)

/* "5 minutes ago" must not stay "Just now": one timer for every row that
 * exists (the list view keeps a few dozen, whatever the library's size). */
static GList *live_rows;
static guint clock_source;

static void update_time (BylineLibraryRow *self);

static gboolean
clock_tick_cb (gpointer user_data)
{
  for (const GList *l = live_rows; l != NULL; l = l->next)
    if (BYLINE_LIBRARY_ROW (l->data)->info != NULL)
      update_time (l->data);

  return G_SOURCE_CONTINUE;
}

/* The states a row shows a badge for; a plain draft shows none. */
static const struct {
  const char *state;
  const char *label;
  const char *icon_name;
  const char *style_class;
} badges[] = {
  /* The names of byline_draft_state_for_outbox(). */
  { "queued", N_("Queued"), "mail-send-symbolic", NULL },
  { "waiting", N_("Waiting"), "network-offline-symbolic", NULL },
  { "preparing-photos", N_("Sending"), "emblem-synchronizing-symbolic", "accent" },
  { "reserving", N_("Sending"), "emblem-synchronizing-symbolic", "accent" },
  { "uploading", N_("Sending"), "emblem-synchronizing-symbolic", "accent" },
  { "writing-post", N_("Sending"), "emblem-synchronizing-symbolic", "accent" },
  { "verifying", N_("Sending"), "emblem-synchronizing-symbolic", "accent" },
  { "published", N_("Published"), "emblem-ok-symbolic", "success" },
  { "failed", N_("Failed"), "dialog-warning-symbolic", "error" },
  { "conflict", N_("Conflict"), "dialog-warning-symbolic", "warning" },
};

static gboolean
same_day (GDateTime *a,
          GDateTime *b)
{
  return g_date_time_get_year (a) == g_date_time_get_year (b) &&
         g_date_time_get_day_of_year (a) == g_date_time_get_day_of_year (b);
}

char *
byline_library_row_format_time (GDateTime *time,
                                GDateTime *now)
{
  g_autoptr(GDateTime) yesterday = NULL;
  GTimeSpan age;

  g_return_val_if_fail (time != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  age = g_date_time_difference (now, time);
  if (age < G_TIME_SPAN_MINUTE)
    return g_strdup (_("Just now"));
  if (age < G_TIME_SPAN_HOUR)
    {
      int minutes = age / G_TIME_SPAN_MINUTE;

      return g_strdup_printf (ngettext ("%d minute ago", "%d minutes ago", minutes), minutes);
    }

  yesterday = g_date_time_add_days (now, -1);
  if (same_day (time, now))
    /* Translators: a time of today, see strftime(3) */
    return g_date_time_format (time, _("%H:%M"));
  if (same_day (time, yesterday))
    return g_strdup (_("Yesterday"));
  if (g_date_time_get_year (now) == g_date_time_get_year (time))
    /* Translators: a day of this year, see strftime(3) */
    return g_date_time_format (time, _("%e %B"));

  /* Translators: a day of another year, see strftime(3) */
  return g_date_time_format (time, _("%e %B %Y"));
}

static void
update_title (BylineLibraryRow *self)
{
  const char *title = byline_draft_info_get_title (self->info);
  gboolean untitled = title == NULL || *title == '\0';

  gtk_label_set_label (self->title_label, untitled ? _("Untitled") : title);
  if (untitled)
    gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->title_label), "dim-label");
}

static void
update_lead (BylineLibraryRow *self)
{
  const char *lead = byline_draft_info_get_lead (self->info);

  gtk_label_set_label (self->lead_label, lead != NULL ? lead : "");
  gtk_widget_set_visible (GTK_WIDGET (self->lead_label), lead != NULL && *lead != '\0');
}

static void
update_time (BylineLibraryRow *self)
{
  GDateTime *modified = byline_draft_info_get_modified (self->info);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *text = NULL;

  if (modified == NULL)
    {
      gtk_label_set_label (self->time_label, "");
      return;
    }

  local = g_date_time_to_local (modified);
  text = byline_library_row_format_time (local, now);
  gtk_label_set_label (self->time_label, text);
}

static void
update_state (BylineLibraryRow *self)
{
  const char *state = byline_draft_info_get_state (self->info);

  for (guint i = 0; i < G_N_ELEMENTS (badges); i++)
    if (badges[i].style_class != NULL)
      gtk_widget_remove_css_class (self->state_badge, badges[i].style_class);

  for (guint i = 0; i < G_N_ELEMENTS (badges); i++)
    {
      if (g_strcmp0 (state, badges[i].state) != 0)
        continue;

      gtk_label_set_label (self->state_label, _(badges[i].label));
      gtk_image_set_from_icon_name (self->state_icon, badges[i].icon_name);
      if (badges[i].style_class != NULL)
        gtk_widget_add_css_class (self->state_badge, badges[i].style_class);
      gtk_widget_set_visible (self->state_badge, TRUE);
      return;
    }

  gtk_widget_set_visible (self->state_badge, FALSE);
}

static void
info_notify_cb (BylineLibraryRow *self,
                GParamSpec       *pspec)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "title"))
    update_title (self);
  else if (g_str_equal (name, "lead"))
    update_lead (self);
  else if (g_str_equal (name, "modified"))
    update_time (self);
  else if (g_str_equal (name, "state"))
    update_state (self);
}

BylineDraftInfo *
byline_library_row_get_info (BylineLibraryRow *self)
{
  g_return_val_if_fail (BYLINE_IS_LIBRARY_ROW (self), NULL);

  return self->info;
}

void
byline_library_row_set_info (BylineLibraryRow *self,
                             BylineDraftInfo  *info)
{
  g_return_if_fail (BYLINE_IS_LIBRARY_ROW (self));
  g_return_if_fail (info == NULL || BYLINE_IS_DRAFT_INFO (info));

  if (self->info == info)
    return;

  if (self->info != NULL)
    g_signal_handlers_disconnect_by_func (self->info, info_notify_cb, self);
  g_set_object (&self->info, info);
  if (info == NULL)
    return;

  g_signal_connect_object (info, "notify", G_CALLBACK (info_notify_cb), self, G_CONNECT_SWAPPED);
  update_title (self);
  update_lead (self);
  update_time (self);
  update_state (self);
}

GtkWidget *
byline_library_row_new (void)
{
  return g_object_new (BYLINE_TYPE_LIBRARY_ROW, NULL);
}

static void
byline_library_row_dispose (GObject *object)
{
  BylineLibraryRow *self = BYLINE_LIBRARY_ROW (object);

  if (g_list_find (live_rows, self) != NULL)
    live_rows = g_list_remove (live_rows, self);
  if (live_rows == NULL)
    g_clear_handle_id (&clock_source, g_source_remove);

  byline_library_row_set_info (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BYLINE_TYPE_LIBRARY_ROW);

  G_OBJECT_CLASS (byline_library_row_parent_class)->dispose (object);
}

static void
byline_library_row_class_init (BylineLibraryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = byline_library_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/byline-library-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BylineLibraryRow, box);
  gtk_widget_class_bind_template_child (widget_class, BylineLibraryRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, BylineLibraryRow, lead_label);
  gtk_widget_class_bind_template_child (widget_class, BylineLibraryRow, time_label);
  gtk_widget_class_bind_template_child (widget_class, BylineLibraryRow, state_badge);
  gtk_widget_class_bind_template_child (widget_class, BylineLibraryRow, state_icon);
  gtk_widget_class_bind_template_child (widget_class, BylineLibraryRow, state_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "byline-library-row");
}

static void
byline_library_row_init (BylineLibraryRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  live_rows = g_list_prepend (live_rows, self);
  if (clock_source == 0)
    clock_source = g_timeout_add_seconds (60, clock_tick_cb, NULL);
}
