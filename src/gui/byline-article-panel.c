/* byline-article-panel.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The article's metadata beside the text. Every row is a two-way GBinding
 * to a property of the article: GBinding does not echo a value back to the
 * widget that set it, so the model's NFC normalisation or list splitting
 * never moves the cursor under the user's fingers.
 */

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "byline-article-panel.h"

#define EMBARGO_FORMAT "%Y-%m-%d %H:%M"

struct _BylineArticlePanel
{
  GtkWidget      parent_instance;

  GtkWidget     *scroller;
  AdwEntryRow   *category_row;
  AdwEntryRow   *tags_row;
  AdwEntryRow   *writers_row;
  AdwEntryRow   *photographers_row;
  AdwEntryRow   *dateline_row;
  AdwComboRow   *language_row;
  AdwEntryRow   *slugline_row;
  GtkAdjustment *priority_adjustment;
  AdwEntryRow   *embargo_row;
  GtkTextView   *desk_note_view;

  BylineArticle *article;
  GPtrArray     *bindings;
};

G_DEFINE_FINAL_TYPE (BylineArticlePanel, byline_article_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ARTICLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Index in the language row ↔ BCP 47 tag. */
static const char *languages[] = { "vi", "en" };

GStrv
byline_article_panel_split_list (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = g_strsplit (text != NULL ? text : "", ",", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }

  return g_strv_builder_end (builder);
}

GDateTime *
byline_article_panel_parse_embargo (const char *text)
{
  g_autoptr(GDateTime) local = NULL;
  int year, month, day, hour, minute;
  char end;

  if (text == NULL ||
      sscanf (text, "%d-%d-%d %d:%d%c", &year, &month, &day, &hour, &minute, &end) != 5)
    return NULL;

  /* g_date_time_new_local() refuses 31 February and 25:00 by itself. */
  local = g_date_time_new_local (year, month, day, hour, minute, 0);
  if (local == NULL)
    return NULL;

  return g_date_time_to_utc (local);
}

static gboolean
text_to_row (GBinding     *binding,
             const GValue *from,
             GValue       *to,
             gpointer      user_data)
{
  const char *text = g_value_get_string (from);

  g_value_set_string (to, text != NULL ? text : "");
  return TRUE;
}

static gboolean
list_to_row (GBinding     *binding,
             const GValue *from,
             GValue       *to,
             gpointer      user_data)
{
  const char * const *list = g_value_get_boxed (from);

  g_value_take_string (to, list != NULL ? g_strjoinv (", ", (char **) list) : g_strdup (""));
  return TRUE;
}

static gboolean
row_to_list (GBinding     *binding,
             const GValue *from,
             GValue       *to,
             gpointer      user_data)
{
  g_value_take_boxed (to, byline_article_panel_split_list (g_value_get_string (from)));
  return TRUE;
}

static gboolean
language_to_row (GBinding     *binding,
                 const GValue *from,
                 GValue       *to,
                 gpointer      user_data)
{
  const char *language = g_value_get_string (from);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_strcmp0 (language, languages[i]) == 0)
      {
        g_value_set_uint (to, i);
        return TRUE;
      }

  /* Unset or unknown: show the newsroom default, change nothing. */
  g_value_set_uint (to, 0);
  return TRUE;
}

static gboolean
row_to_language (GBinding     *binding,
                 const GValue *from,
                 GValue       *to,
                 gpointer      user_data)
{
  guint selected = g_value_get_uint (from);

  if (selected >= G_N_ELEMENTS (languages))
    return FALSE;

  g_value_set_string (to, languages[selected]);
  return TRUE;
}

static gboolean
embargo_to_row (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  GDateTime *embargo = g_value_get_boxed (from);
  g_autoptr(GDateTime) local = NULL;

  if (embargo == NULL)
    {
      g_value_set_string (to, "");
      return TRUE;
    }

  local = g_date_time_to_local (embargo);
  g_value_take_string (to, g_date_time_format (local, EMBARGO_FORMAT));
  return TRUE;
}

static gboolean
row_to_embargo (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  const char *text = g_value_get_string (from);
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (*stripped == '\0')
    {
      g_value_set_boxed (to, NULL);
      return TRUE;
    }

  /* A half-typed date changes nothing; the row says it is not valid yet. */
  g_value_take_boxed (to, byline_article_panel_parse_embargo (stripped));
  return g_value_get_boxed (to) != NULL;
}

static void
embargo_changed_cb (BylineArticlePanel *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->embargo_row))));
  g_autoptr(GDateTime) embargo = byline_article_panel_parse_embargo (text);

  if (*text == '\0' || embargo != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->embargo_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->embargo_row), "error");
}

static void
bind (BylineArticlePanel    *self,
      const char            *property,
      gpointer               target,
      const char            *target_property,
      GBindingTransformFunc  to_target,
      GBindingTransformFunc  to_source)
{
  GBinding *binding;

  binding = g_object_bind_property_full (self->article, property, target, target_property,
                                         G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                                         to_target, to_source, NULL, NULL);
  g_ptr_array_add (self->bindings, g_object_ref (binding));
}

static void
bind_all (BylineArticlePanel *self)
{
  GtkTextBuffer *note = gtk_text_view_get_buffer (self->desk_note_view);

  bind (self, "category", self->category_row, "text", text_to_row, NULL);
  bind (self, "tags", self->tags_row, "text", list_to_row, row_to_list);
  bind (self, "writers", self->writers_row, "text", list_to_row, row_to_list);
  bind (self, "photographers", self->photographers_row, "text", list_to_row, row_to_list);
  bind (self, "dateline", self->dateline_row, "text", text_to_row, NULL);
  bind (self, "language", self->language_row, "selected", language_to_row, row_to_language);
  bind (self, "slugline", self->slugline_row, "text", text_to_row, NULL);
  bind (self, "priority", self->priority_adjustment, "value", NULL, NULL);
  bind (self, "embargo", self->embargo_row, "text", embargo_to_row, row_to_embargo);
  bind (self, "desk-note", note, "text", text_to_row, NULL);
}

static void
unbind_all (BylineArticlePanel *self)
{
  for (guint i = 0; i < self->bindings->len; i++)
    g_binding_unbind (self->bindings->pdata[i]);
  g_ptr_array_set_size (self->bindings, 0);
}

BylineArticle *
byline_article_panel_get_article (BylineArticlePanel *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE_PANEL (self), NULL);

  return self->article;
}

void
byline_article_panel_set_article (BylineArticlePanel *self,
                                  BylineArticle      *article)
{
  g_return_if_fail (BYLINE_IS_ARTICLE_PANEL (self));
  g_return_if_fail (article == NULL || BYLINE_IS_ARTICLE (article));

  if (self->article == article)
    return;

  unbind_all (self);
  g_set_object (&self->article, article);
  if (article != NULL)
    bind_all (self);
  gtk_widget_set_sensitive (self->scroller, article != NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE]);
}

GtkWidget *
byline_article_panel_new (void)
{
  return g_object_new (BYLINE_TYPE_ARTICLE_PANEL, NULL);
}

static void
byline_article_panel_dispose (GObject *object)
{
  BylineArticlePanel *self = BYLINE_ARTICLE_PANEL (object);

  if (self->bindings != NULL)
    unbind_all (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), BYLINE_TYPE_ARTICLE_PANEL);
  g_clear_object (&self->article);
  g_clear_pointer (&self->bindings, g_ptr_array_unref);

  G_OBJECT_CLASS (byline_article_panel_parent_class)->dispose (object);
}

static void
byline_article_panel_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  BylineArticlePanel *self = BYLINE_ARTICLE_PANEL (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      g_value_set_object (value, self->article);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_article_panel_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  BylineArticlePanel *self = BYLINE_ARTICLE_PANEL (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      byline_article_panel_set_article (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_article_panel_class_init (BylineArticlePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = byline_article_panel_dispose;
  object_class->get_property = byline_article_panel_get_property;
  object_class->set_property = byline_article_panel_set_property;

  properties[PROP_ARTICLE] =
    g_param_spec_object ("article", NULL, NULL,
                         BYLINE_TYPE_ARTICLE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/byline-article-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, BylineArticlePanel, scroller);
  gtk_widget_class_bind_template_child (widget_class, BylineArticlePanel, category_row);
  gtk_widget_class_bind_template_child (widget_class, BylineArticlePanel, tags_row);
  gtk_widget_class_bind_template_child (widget_class, BylineArticlePanel, writers_row);
  gtk_widget_class_bind_template_child (widget_class, BylineArticlePanel, photographers_row);
  gtk_widget_class_bind_template_child (widget_class, BylineArticlePanel, dateline_row);
  gtk_widget_class_bind_template_child (widget_class, BylineArticlePanel, language_row);
  gtk_widget_class_bind_template_child (widget_class, BylineArticlePanel, slugline_row);
  gtk_widget_class_bind_template_child (widget_class, BylineArticlePanel, priority_adjustment);
  gtk_widget_class_bind_template_child (widget_class, BylineArticlePanel, embargo_row);
  gtk_widget_class_bind_template_child (widget_class, BylineArticlePanel, desk_note_view);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "byline-article-panel");
}

static void
byline_article_panel_init (BylineArticlePanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->bindings = g_ptr_array_new_with_free_func (g_object_unref);
  g_signal_connect_object (self->embargo_row, "changed",
                           G_CALLBACK (embargo_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_set_sensitive (self->scroller, FALSE);
}
