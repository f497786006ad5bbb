/* byline-library-pane.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The library: Drafts, Outbox, Published and Trash, each a GtkListView
 * over the store's view (so 10,000 drafts make a few dozen row widgets),
 * filtered by the search. The search itself runs in the store's worker;
 * here it only becomes a set of ids.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "byline-library-pane.h"
#include "byline-library-row.h"

#define N_PAGES 4

typedef struct
{
  BylineLibraryView   view;
  const char         *name;
  const char         *title;
  const char         *icon_name;
  const char         *empty_title;
  const char         *empty_description;
} PageInfo;

static const PageInfo pages[N_PAGES] = {
  { BYLINE_LIBRARY_VIEW_DRAFTS, "drafts", N_("Drafts"), "document-edit-symbolic",
    N_("No drafts yet"), N_("New articles and imports appear here.") },
  { BYLINE_LIBRARY_VIEW_OUTBOX, "outbox", N_("Outbox"), "mail-send-symbolic",
    N_("Nothing to send"), N_("Articles waiting for the network or being sent appear here.") },
  { BYLINE_LIBRARY_VIEW_PUBLISHED, "published", N_("Published"), "emblem-ok-symbolic",
    N_("Nothing published yet"), N_("Articles appear here once the site has them.") },
  { BYLINE_LIBRARY_VIEW_TRASH, "trash", N_("Trash"), "user-trash-symbolic",
    N_("Trash is empty"), N_("Deleted drafts stay here for 30 days.") },
};

typedef struct
{
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  GtkListView        *list_view;
  GtkStack           *stack;
  AdwStatusPage      *empty_page;
} Page;

struct _BylineLibraryPane
{
  GtkWidget         parent_instance;

  BylineDraftStore *store;
  Page              pages[N_PAGES];
  GtkCustomFilter  *filter;
  /* Ids matching the search; NULL when not searching. */
  GHashTable       *matches;
  GCancellable     *search_cancellable;
  GtkPopoverMenu   *context_menu;

  /* Template widgets */
  GtkWidget        *box;
  GtkSearchEntry   *search_entry;
  AdwViewStack     *view_stack;
};

G_DEFINE_FINAL_TYPE (BylineLibraryPane, byline_library_pane, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  DRAFT_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static Page *
page_for_view (BylineLibraryPane *self,
               BylineLibraryView  view)
{
  for (guint i = 0; i < N_PAGES; i++)
    if (pages[i].view == view)
      return &self->pages[i];

  return NULL;
}

static gboolean
filter_match (gpointer item,
              gpointer user_data)
{
  BylineLibraryPane *self = user_data;

  return self->matches == NULL ||
         g_hash_table_contains (self->matches, byline_draft_info_get_id (item));
}

static void
update_empty_state (BylineLibraryPane *self,
                    guint              index)
{
  Page *page = &self->pages[index];
  guint n = g_list_model_get_n_items (G_LIST_MODEL (page->filtered));

  if (self->matches != NULL)
    {
      adw_status_page_set_title (page->empty_page, _("No results"));
      adw_status_page_set_description (page->empty_page, _("No draft contains these words."));
    }
  else
    {
      adw_status_page_set_title (page->empty_page, _(pages[index].empty_title));
      adw_status_page_set_description (page->empty_page, _(pages[index].empty_description));
    }
  gtk_stack_set_visible_child_name (page->stack, n > 0 ? "list" : "empty");
}

static void
filtered_items_changed_cb (GListModel        *model,
                           guint              position,
                           guint              removed,
                           guint              added,
                           BylineLibraryPane *self)
{
  for (guint i = 0; i < N_PAGES; i++)
    if (G_LIST_MODEL (self->pages[i].filtered) == model)
      update_empty_state (self, i);
}

/* Searching ------------------------------------------------------------ */

static void
set_matches (BylineLibraryPane *self,
             GHashTable        *matches)
{
  g_clear_pointer (&self->matches, g_hash_table_unref);
  self->matches = matches;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  for (guint i = 0; i < N_PAGES; i++)
    update_empty_state (self, i);
}

static void
search_finished_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(BylineLibraryPane) self = user_data;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ids = NULL;
  GHashTable *matches;

  ids = byline_draft_store_search_finish (BYLINE_DRAFT_STORE (object), result, &error);
  if (ids == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("Search failed: %s", error->message);
      return;
    }

  matches = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; ids[i] != NULL; i++)
    g_hash_table_add (matches, g_steal_pointer (&ids[i]));
  set_matches (self, matches);
}

static void
search_changed_cb (BylineLibraryPane *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);

  if (self->store == NULL || *text == '\0')
    {
      set_matches (self, NULL);
      return;
    }

  self->search_cancellable = g_cancellable_new ();
  byline_draft_store_search_async (self->store, text, self->search_cancellable,
                                   search_finished_cb, g_object_ref (self));
}

/* Rows ------------------------------------------------------------------ */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  gtk_list_item_set_child (item, byline_library_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  byline_library_row_set_info (BYLINE_LIBRARY_ROW (gtk_list_item_get_child (item)),
                               gtk_list_item_get_item (item));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  byline_library_row_set_info (BYLINE_LIBRARY_ROW (gtk_list_item_get_child (item)), NULL);
}

static void
list_activate_cb (GtkListView       *list_view,
                  guint              position,
                  BylineLibraryPane *self)
{
  g_autoptr(BylineDraftInfo) info = NULL;

  info = g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (list_view)), position);
  if (info != NULL && !byline_draft_info_get_in_trash (info))
    g_signal_emit (self, signals[DRAFT_ACTIVATED], 0, byline_draft_info_get_id (info));
}

/* The context menu: the actions are the window's, with the draft's id. */
static void
append_draft_item (GMenu      *menu,
                   const char *label,
                   const char *action,
                   const char *id)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target (item, action, "s", id);
  g_menu_append_item (menu, item);
}

static void
show_context_menu (BylineLibraryPane *self,
                   GtkWidget         *list_view,
                   BylineDraftInfo   *info,
                   double             x,
                   double             y)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  const char *id = byline_draft_info_get_id (info);
  graphene_point_t point;
  GdkRectangle rect;

  if (byline_draft_info_get_in_trash (info))
    append_draft_item (menu, _("_Restore"), "win.restore-article", id);
  else
    {
      append_draft_item (menu, _("_Open"), "win.open-article", id);
      append_draft_item (menu, _("_Move to Trash"), "win.trash-article", id);
    }

  if (!gtk_widget_compute_point (list_view, GTK_WIDGET (self), &GRAPHENE_POINT_INIT (x, y), &point))
    return;
  rect = (GdkRectangle) { point.x, point.y, 1, 1 };

  if (self->context_menu == NULL)
    {
      self->context_menu = GTK_POPOVER_MENU (gtk_popover_menu_new_from_model (NULL));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
      gtk_widget_set_halign (GTK_WIDGET (self->context_menu), GTK_ALIGN_START);
      gtk_widget_set_parent (GTK_WIDGET (self->context_menu), GTK_WIDGET (self));
    }
  gtk_popover_menu_set_menu_model (self->context_menu, G_MENU_MODEL (menu));
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu), &rect);
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

static gboolean
pick_info (GtkWidget        *list_view,
           double            x,
           double            y,
           BylineDraftInfo **info)
{
  GtkWidget *picked = gtk_widget_pick (list_view, x, y, GTK_PICK_DEFAULT);
  GtkWidget *row;

  if (picked == NULL)
    return FALSE;
  row = gtk_widget_get_ancestor (picked, BYLINE_TYPE_LIBRARY_ROW);
  if (row == NULL && BYLINE_IS_LIBRARY_ROW (picked))
    row = picked;
  if (row == NULL || byline_library_row_get_info (BYLINE_LIBRARY_ROW (row)) == NULL)
    return FALSE;

  *info = byline_library_row_get_info (BYLINE_LIBRARY_ROW (row));
  return TRUE;
}

static void
list_right_click_cb (GtkGestureClick   *gesture,
                     int                n_press,
                     double             x,
                     double             y,
                     BylineLibraryPane *self)
{
  GtkWidget *list_view = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  BylineDraftInfo *info;

  if (!pick_info (list_view, x, y, &info))
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  show_context_menu (self, list_view, info, x, y);
}

/* Delete in the list: the selected draft to the trash (Undo is in the
 * toast); in the Trash it does nothing. */
static gboolean
delete_pressed_cb (GtkWidget *list_view,
                   GVariant  *args,
                   gpointer   user_data)
{
  GtkSelectionModel *model = gtk_list_view_get_model (GTK_LIST_VIEW (list_view));
  BylineDraftInfo *info = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (model));

  if (info == NULL || byline_draft_info_get_in_trash (info))
    return FALSE;

  return gtk_widget_activate_action (list_view, "win.trash-article", "s", byline_draft_info_get_id (info));
}

static GtkWidget *
create_page_child (BylineLibraryPane *self,
                   guint              index)
{
  Page *page = &self->pages[index];
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkGesture *right_click = gtk_gesture_click_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);

  page->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->filter)));
  page->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (page->filtered)));
  gtk_single_selection_set_autoselect (page->selection, FALSE);
  gtk_single_selection_set_can_unselect (page->selection, TRUE);
  g_signal_connect (page->filtered, "items-changed", G_CALLBACK (filtered_items_changed_cb), self);

  page->list_view = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (page->selection)),
                                                      factory));
  gtk_list_view_set_single_click_activate (page->list_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (page->list_view), "navigation-sidebar");
  g_signal_connect (page->list_view, "activate", G_CALLBACK (list_activate_cb), self);

  {
    GtkEventController *keys = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                            gtk_callback_action_new (delete_pressed_cb, NULL, NULL)));
    gtk_widget_add_controller (GTK_WIDGET (page->list_view), keys);
  }

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (right_click), GDK_BUTTON_SECONDARY);
  g_signal_connect (right_click, "pressed", G_CALLBACK (list_right_click_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (page->list_view), GTK_EVENT_CONTROLLER (right_click));

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (page->list_view));

  page->empty_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (page->empty_page, pages[index].icon_name);
  gtk_widget_add_css_class (GTK_WIDGET (page->empty_page), "compact");

  page->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (page->stack, scroller, "list");
  gtk_stack_add_named (page->stack, GTK_WIDGET (page->empty_page), "empty");
  update_empty_state (self, index);

  return GTK_WIDGET (page->stack);
}

/* Public API ------------------------------------------------------------ */

BylineDraftStore *
byline_library_pane_get_store (BylineLibraryPane *self)
{
  g_return_val_if_fail (BYLINE_IS_LIBRARY_PANE (self), NULL);

  return self->store;
}

void
byline_library_pane_set_store (BylineLibraryPane *self,
                               BylineDraftStore  *store)
{
  g_return_if_fail (BYLINE_IS_LIBRARY_PANE (self));
  g_return_if_fail (store == NULL || BYLINE_IS_DRAFT_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  for (guint i = 0; i < N_PAGES; i++)
    gtk_filter_list_model_set_model (self->pages[i].filtered,
                                     store != NULL ? byline_draft_store_get_library (store, pages[i].view)
                                                   : NULL);
  search_changed_cb (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

BylineLibraryView
byline_library_pane_get_view (BylineLibraryPane *self)
{
  const char *name;

  g_return_val_if_fail (BYLINE_IS_LIBRARY_PANE (self), BYLINE_LIBRARY_VIEW_DRAFTS);

  name = adw_view_stack_get_visible_child_name (self->view_stack);
  for (guint i = 0; i < N_PAGES; i++)
    if (g_strcmp0 (name, pages[i].name) == 0)
      return pages[i].view;

  return BYLINE_LIBRARY_VIEW_DRAFTS;
}

void
byline_library_pane_set_view (BylineLibraryPane *self,
                              BylineLibraryView  view)
{
  g_return_if_fail (BYLINE_IS_LIBRARY_PANE (self));

  for (guint i = 0; i < N_PAGES; i++)
    if (pages[i].view == view)
      adw_view_stack_set_visible_child_name (self->view_stack, pages[i].name);
}

GListModel *
byline_library_pane_get_model (BylineLibraryPane *self,
                               BylineLibraryView  view)
{
  Page *page;

  g_return_val_if_fail (BYLINE_IS_LIBRARY_PANE (self), NULL);

  page = page_for_view (self, view);
  g_return_val_if_fail (page != NULL, NULL);

  return G_LIST_MODEL (page->filtered);
}

void
byline_library_pane_select_draft (BylineLibraryPane *self,
                                  const char        *id)
{
  g_return_if_fail (BYLINE_IS_LIBRARY_PANE (self));

  for (guint i = 0; i < N_PAGES; i++)
    {
      GListModel *model = G_LIST_MODEL (self->pages[i].filtered);
      guint position = GTK_INVALID_LIST_POSITION;
      guint n = id != NULL ? g_list_model_get_n_items (model) : 0;

      /* Linear, but only on opening an article, never per keystroke. */
      for (guint k = 0; k < n && position == GTK_INVALID_LIST_POSITION; k++)
        {
          g_autoptr(BylineDraftInfo) info = g_list_model_get_item (model, k);

          if (g_strcmp0 (byline_draft_info_get_id (info), id) == 0)
            position = k;
        }
      gtk_single_selection_set_selected (self->pages[i].selection, position);
    }
}

GtkWidget *
byline_library_pane_new (void)
{
  return g_object_new (BYLINE_TYPE_LIBRARY_PANE, NULL);
}

/* GObject --------------------------------------------------------------- */

static void
byline_library_pane_dispose (GObject *object)
{
  BylineLibraryPane *self = BYLINE_LIBRARY_PANE (object);

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  if (self->context_menu != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->context_menu));
  self->context_menu = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), BYLINE_TYPE_LIBRARY_PANE);
  for (guint i = 0; i < N_PAGES; i++)
    {
      if (self->pages[i].filtered != NULL)
        g_signal_handlers_disconnect_by_data (self->pages[i].filtered, self);
      g_clear_object (&self->pages[i].selection);
      g_clear_object (&self->pages[i].filtered);
    }
  g_clear_object (&self->filter);
  g_clear_pointer (&self->matches, g_hash_table_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (byline_library_pane_parent_class)->dispose (object);
}

static void
byline_library_pane_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  BylineLibraryPane *self = BYLINE_LIBRARY_PANE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_library_pane_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  BylineLibraryPane *self = BYLINE_LIBRARY_PANE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      byline_library_pane_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_library_pane_class_init (BylineLibraryPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = byline_library_pane_dispose;
  object_class->get_property = byline_library_pane_get_property;
  object_class->set_property = byline_library_pane_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         BYLINE_TYPE_DRAFT_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BylineLibraryPane::draft-activated:
   * @id: the draft's id
   *
   * The user picked a draft to open.
   */
  signals[DRAFT_ACTIVATED] =
    g_signal_new ("draft-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/byline-library-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, BylineLibraryPane, box);
  gtk_widget_class_bind_template_child (widget_class, BylineLibraryPane, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BylineLibraryPane, view_stack);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "byline-library-pane");
}

static void
byline_library_pane_init (BylineLibraryPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (filter_match, self, NULL);
  for (guint i = 0; i < N_PAGES; i++)
    {
      AdwViewStackPage *page;

      page = adw_view_stack_add_titled (self->view_stack, create_page_child (self, i),
                                        pages[i].name, _(pages[i].title));
      adw_view_stack_page_set_icon_name (page, pages[i].icon_name);
    }
}
