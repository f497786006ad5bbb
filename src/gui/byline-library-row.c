/* byline-library-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One draft in the library: title, lead, when it changed, its publishing
 * state. A row is recycled by the list view for many drafts, so binding
 * costs a few label updates and nothing else.
 *
 * Rows are built in code, not from a template, and kept light: GTK 4.8's
 * list view makes about 200 of them whatever is visible, and measuring
 * them is most of the time until a large library shows (bench/README.md).
 * Every label is one ellipsized line (a wrapped label is laid out again
 * for each width GTK asks about), the text given to Pango is cut to what
 * a line can show, and the badge exists only on rows that have a state.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "byline-library-row.h"

struct _BylineLibraryRow
{
  GtkWidget        parent_instance;

  BylineDraftInfo *info;

  GtkLabel        *title_label;
  GtkLabel        *lead_label;
  GtkLabel        *time_label;
  GtkWidget       *bottom_line;
  /* Made by the first state that shows a badge. */
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

/* Pango shapes all the text a label holds, the part the ellipsis hides
 * too, and a title has no length limit (the store cuts leads at
 * BYLINE_DRAFT_EXCERPT_CHARS). Give it no more than a wide pane shows,
 * with an ellipsis of our own where it was cut. */
#define MAX_LINE_CHARS 160

static void
set_line_text (GtkLabel   *label,
               const char *text)
{
  g_autofree char *head = NULL;
  g_autofree char *cut = NULL;

  g_assert (text != NULL);

  if (g_utf8_strlen (text, -1) <= MAX_LINE_CHARS)
    {
      gtk_label_set_label (label, text);
      return;
    }

  head = g_utf8_substring (text, 0, MAX_LINE_CHARS);
  cut = g_strconcat (head, "…", NULL);
  gtk_label_set_label (label, cut);
}

static void
update_title (BylineLibraryRow *self)
{
  const char *title = byline_draft_info_get_title (self->info);
  gboolean untitled = title == NULL || *title == '\0';

  set_line_text (self->title_label, untitled ? _("Untitled") : title);
  if (untitled)
    gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->title_label), "dim-label");
}

static void
update_lead (BylineLibraryRow *self)
{
  const char *lead = byline_draft_info_get_lead (self->info);

  set_line_text (self->lead_label, lead != NULL ? lead : "");
  gtk_widget_set_visible (GTK_WIDGET (self->lead_label), lead != NULL && *lead != '\0');
}

/* The rows bound in one frame share one "now": a clock read and a
 * local-time conversion per second, not per row. */
static GDateTime *
shared_now (void)
{
  static GDateTime *now;
  gint64 second = g_get_real_time () / G_USEC_PER_SEC;

  if (now == NULL || g_date_time_to_unix (now) != second)
    {
      g_clear_pointer (&now, g_date_time_unref);
      now = g_date_time_new_from_unix_local (second);
    }

  return now;
}

static void
update_time (BylineLibraryRow *self)
{
  GDateTime *modified = byline_draft_info_get_modified (self->info);
  GDateTime *now = shared_now ();
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

/* Most drafts are plain drafts: their rows never make a badge. */
static void
ensure_badge (BylineLibraryRow *self)
{
  if (self->state_badge != NULL)
    return;

  self->state_badge = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  gtk_widget_add_css_class (self->state_badge, "byline-state-badge");

  self->state_icon = GTK_IMAGE (gtk_image_new ());
  gtk_image_set_pixel_size (self->state_icon, 12);
  gtk_box_append (GTK_BOX (self->state_badge), GTK_WIDGET (self->state_icon));

  self->state_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->state_label), "caption");
  gtk_box_append (GTK_BOX (self->state_badge), GTK_WIDGET (self->state_label));

  gtk_box_append (GTK_BOX (self->bottom_line), self->state_badge);
}

static void
update_state (BylineLibraryRow *self)
{
  const char *state = byline_draft_info_get_state (self->info);
  guint found;

  for (found = 0; found < G_N_ELEMENTS (badges); found++)
    if (g_strcmp0 (state, badges[found].state) == 0)
      break;

  if (found == G_N_ELEMENTS (badges))
    {
      if (self->state_badge != NULL)
        gtk_widget_set_visible (self->state_badge, FALSE);
      return;
    }

  ensure_badge (self);
  for (guint i = 0; i < G_N_ELEMENTS (badges); i++)
    if (badges[i].style_class != NULL)
      gtk_widget_remove_css_class (self->state_badge, badges[i].style_class);

  gtk_label_set_label (self->state_label, _(badges[found].label));
  gtk_image_set_from_icon_name (self->state_icon, badges[found].icon_name);
  if (badges[found].style_class != NULL)
    gtk_widget_add_css_class (self->state_badge, badges[found].style_class);
  gtk_widget_set_visible (self->state_badge, TRUE);
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
  GtkWidget *child;

  if (g_list_find (live_rows, self) != NULL)
    live_rows = g_list_remove (live_rows, self);
  if (live_rows == NULL)
    g_clear_handle_id (&clock_source, g_source_remove);

  byline_library_row_set_info (self, NULL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (byline_library_row_parent_class)->dispose (object);
}

static void
byline_library_row_class_init (BylineLibraryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = byline_library_row_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "byline-library-row");
}

/* One line of text, cut with an ellipsis, never wrapped. */
static GtkLabel *
new_line_label (const char **css_classes)
{
  GtkLabel *label = GTK_LABEL (gtk_label_new (NULL));

  gtk_label_set_xalign (label, 0);
  gtk_label_set_ellipsize (label, PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (label, TRUE);
  gtk_widget_set_css_classes (GTK_WIDGET (label), css_classes);

  return label;
}

static void
byline_library_row_init (BylineLibraryRow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (widget);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 2);
  gtk_widget_set_margin_top (widget, 8);
  gtk_widget_set_margin_bottom (widget, 8);
  gtk_widget_set_margin_start (widget, 12);
  gtk_widget_set_margin_end (widget, 12);

  self->title_label = new_line_label ((const char *[]) { "heading", NULL });
  gtk_widget_set_parent (GTK_WIDGET (self->title_label), widget);

  self->lead_label = new_line_label ((const char *[]) { "dim-label", "byline-row-lead", NULL });
  gtk_widget_set_parent (GTK_WIDGET (self->lead_label), widget);

  self->bottom_line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_top (self->bottom_line, 2);
  gtk_widget_set_parent (self->bottom_line, widget);

  self->time_label = new_line_label ((const char *[]) { "dim-label", "caption", NULL });
  gtk_widget_set_hexpand (GTK_WIDGET (self->time_label), TRUE);
  gtk_box_append (GTK_BOX (self->bottom_line), GTK_WIDGET (self->time_label));

  live_rows = g_list_prepend (live_rows, self);
  if (clock_source == 0)
    clock_source = g_timeout_add_seconds (60, clock_tick_cb, NULL);
}
