/* byline-article.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The article object: every edit goes through a setter that normalises the
 * text, bumps "modified" and emits "changed" once. The draft store saves on
 * "changed", so a missed emission is lost work and a spurious one is a
 * needless write: both are bugs.
 */

#include "config.h"

#include <string.h>

#include "byline-article-private.h"
#include "byline-text.h"
#include "byline-model-private.h"

enum {
  PROP_0,
  PROP_ID,
  PROP_CREATED,
  PROP_MODIFIED,
  PROP_PRIORITY,
  PROP_EMBARGO,
  PROP_FEATURED_PHOTO,
  PROP_REMOTE_POST_ID,
  PROP_REMOTE_LINK,
  PROP_REMOTE_STATUS,
  /* In the order of ArticleText, then ArticleList */
  PROP_FIRST_TEXT,
  PROP_FIRST_LIST = PROP_FIRST_TEXT + ARTICLE_N_TEXTS,
  N_PROPS = PROP_FIRST_LIST + ARTICLE_N_LISTS
};

enum {
  CHANGED,
  N_SIGNALS
};

const char * const byline_article_text_members[ARTICLE_N_TEXTS] = {
  "title", "lead", "category", "dateline", "language", "site", "slugline", "desk_note",
};

const char * const byline_article_list_members[ARTICLE_N_LISTS] = {
  "tags", "writers", "photographers",
};

G_DEFINE_QUARK (byline-article-error-quark, byline_article_error)
G_DEFINE_FINAL_TYPE (BylineArticle, byline_article, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
set_modified_now (BylineArticle *self)
{
  g_clear_pointer (&self->modified, g_date_time_unref);
  self->modified = g_date_time_new_now_utc ();
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/* Every real change ends here. */
static void
article_changed (BylineArticle *self)
{
  if (self->freeze_count > 0)
    {
      self->change_pending = TRUE;
      return;
    }

  set_modified_now (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
byline_article_freeze_changed (BylineArticle *self)
{
  g_assert (BYLINE_IS_ARTICLE (self));

  self->freeze_count++;
  g_object_freeze_notify (G_OBJECT (self));
}

void
byline_article_thaw_changed (BylineArticle *self,
                             gboolean       discard)
{
  g_assert (BYLINE_IS_ARTICLE (self));
  g_assert (self->freeze_count > 0);

  if (--self->freeze_count == 0 && self->change_pending)
    {
      self->change_pending = FALSE;
      if (!discard)
        article_changed (self);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

static void
notify_changed (BylineArticle *self,
                guint          prop_id)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  article_changed (self);
}

static void
photo_notify_cb (BylineArticle *self,
                 GParamSpec    *pspec,
                 BylinePhoto   *photo)
{
  article_changed (self);
}

static void
photos_items_changed_cb (BylineArticle *self,
                         guint          position,
                         guint          removed,
                         guint          added,
                         GListModel    *model)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(BylinePhoto) photo = g_list_model_get_item (model, i);

      g_signal_handlers_disconnect_by_func (photo, photo_notify_cb, self);
      g_signal_connect_object (photo, "notify", G_CALLBACK (photo_notify_cb),
                               self, G_CONNECT_SWAPPED);
    }

  article_changed (self);
}

static void
byline_article_dispose (GObject *object)
{
  BylineArticle *self = (BylineArticle *)object;

  if (self->photos != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->photos));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(BylinePhoto) photo = g_list_model_get_item (G_LIST_MODEL (self->photos), i);

          g_signal_handlers_disconnect_by_func (photo, photo_notify_cb, self);
        }
      g_signal_handlers_disconnect_by_func (self->photos, photos_items_changed_cb, self);
      g_clear_object (&self->photos);
    }

  G_OBJECT_CLASS (byline_article_parent_class)->dispose (object);
}

static void
byline_article_finalize (GObject *object)
{
  BylineArticle *self = (BylineArticle *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->modified, g_date_time_unref);
  g_clear_pointer (&self->embargo, g_date_time_unref);
  for (guint i = 0; i < ARTICLE_N_TEXTS; i++)
    g_clear_pointer (&self->texts[i], g_free);
  for (guint i = 0; i < ARTICLE_N_LISTS; i++)
    g_clear_pointer (&self->lists[i], g_strfreev);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->featured_photo, g_free);
  g_clear_pointer (&self->remote_site, g_free);
  g_clear_pointer (&self->remote_link, g_free);
  g_clear_pointer (&self->remote_modified, g_free);
  g_clear_pointer (&self->remote_digest, g_free);
  g_clear_pointer (&self->remote_status, g_free);
  g_clear_pointer (&self->unknown, json_object_unref);

  G_OBJECT_CLASS (byline_article_parent_class)->finalize (object);
}

static void
byline_article_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BylineArticle *self = BYLINE_ARTICLE (object);

  if (prop_id >= PROP_FIRST_TEXT && prop_id < PROP_FIRST_LIST)
    g_value_set_string (value, self->texts[prop_id - PROP_FIRST_TEXT]);
  else if (prop_id >= PROP_FIRST_LIST && prop_id < N_PROPS)
    g_value_set_boxed (value, self->lists[prop_id - PROP_FIRST_LIST]);
  else switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_CREATED:
      g_value_set_boxed (value, self->created);
      break;
    case PROP_MODIFIED:
      g_value_set_boxed (value, self->modified);
      break;
    case PROP_PRIORITY:
      g_value_set_uint (value, self->priority);
      break;
    case PROP_EMBARGO:
      g_value_set_boxed (value, self->embargo);
      break;
    case PROP_FEATURED_PHOTO:
      g_value_set_string (value, byline_article_get_featured_photo (self));
      break;
    case PROP_REMOTE_POST_ID:
      g_value_set_int64 (value, self->remote_post_id);
      break;
    case PROP_REMOTE_LINK:
      g_value_set_string (value, self->remote_link);
      break;
    case PROP_REMOTE_STATUS:
      g_value_set_string (value, self->remote_status);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void set_text (BylineArticle *self, ArticleText field, const char *value);
static void set_list (BylineArticle *self, ArticleList field, const char * const *value);

static void
byline_article_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  BylineArticle *self = BYLINE_ARTICLE (object);

  if (prop_id >= PROP_FIRST_TEXT && prop_id < PROP_FIRST_LIST)
    set_text (self, prop_id - PROP_FIRST_TEXT, g_value_get_string (value));
  else if (prop_id >= PROP_FIRST_LIST && prop_id < N_PROPS)
    set_list (self, prop_id - PROP_FIRST_LIST, g_value_get_boxed (value));
  else switch (prop_id)
    {
    case PROP_PRIORITY:
      byline_article_set_priority (self, g_value_get_uint (value));
      break;
    case PROP_EMBARGO:
      byline_article_set_embargo (self, g_value_get_boxed (value));
      break;
    case PROP_FEATURED_PHOTO:
      byline_article_set_featured_photo (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define RW_FLAGS (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)
#define RO_FLAGS (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

static void
install_table_properties (void)
{
  for (guint i = 0; i < ARTICLE_N_TEXTS; i++)
    {
      g_autofree char *name = g_strdelimit (g_strdup (byline_article_text_members[i]), "_", '-');

      properties[PROP_FIRST_TEXT + i] =
        g_param_spec_string (g_intern_string (name), NULL, NULL, NULL, RW_FLAGS);
    }

  for (guint i = 0; i < ARTICLE_N_LISTS; i++)
    properties[PROP_FIRST_LIST + i] =
      g_param_spec_boxed (byline_article_list_members[i], NULL, NULL, G_TYPE_STRV, RW_FLAGS);
}

static void
byline_article_class_init (BylineArticleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = byline_article_dispose;
  object_class->finalize = byline_article_finalize;
  object_class->get_property = byline_article_get_property;
  object_class->set_property = byline_article_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, RO_FLAGS);
  properties[PROP_CREATED] =
    g_param_spec_boxed ("created", NULL, NULL, G_TYPE_DATE_TIME, RO_FLAGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boxed ("modified", NULL, NULL, G_TYPE_DATE_TIME, RO_FLAGS);
  properties[PROP_PRIORITY] =
    g_param_spec_uint ("priority", NULL, NULL, 0, 9, 5, RW_FLAGS);
  properties[PROP_EMBARGO] =
    g_param_spec_boxed ("embargo", NULL, NULL, G_TYPE_DATE_TIME, RW_FLAGS);
  properties[PROP_FEATURED_PHOTO] =
    g_param_spec_string ("featured-photo", NULL, NULL, NULL, RW_FLAGS);
  properties[PROP_REMOTE_POST_ID] =
    g_param_spec_int64 ("remote-post-id", NULL, NULL, 0, G_MAXINT64, 0, RO_FLAGS);
  properties[PROP_REMOTE_LINK] =
    g_param_spec_string ("remote-link", NULL, NULL, NULL, RO_FLAGS);
  properties[PROP_REMOTE_STATUS] =
    g_param_spec_string ("remote-status", NULL, NULL, NULL, RO_FLAGS);
  install_table_properties ();

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BylineArticle::changed:
   *
   * Emitted once per real change of the article, its body or its photos.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
byline_article_init (BylineArticle *self)
{
  self->version = BYLINE_ARTICLE_SCHEMA_VERSION;
  self->priority = 5;
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_block_unref);
  self->photos = g_list_store_new (BYLINE_TYPE_PHOTO);
  for (guint i = 0; i < ARTICLE_N_LISTS; i++)
    self->lists[i] = g_new0 (char *, 1);
  self->created = g_date_time_new_now_utc ();
  self->modified = g_date_time_ref (self->created);

  g_signal_connect_object (self->photos, "items-changed",
                           G_CALLBACK (photos_items_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

BylineArticle *
byline_article_new_with_id (const char *id)
{
  BylineArticle *self = g_object_new (BYLINE_TYPE_ARTICLE, NULL);

  g_assert (g_uuid_string_is_valid (id));

  self->id = g_strdup (id);
  return self;
}

BylineArticle *
byline_article_new (void)
{
  g_autofree char *id = g_uuid_string_random ();

  return byline_article_new_with_id (id);
}

const char *
byline_article_get_id (BylineArticle *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), NULL);

  return self->id;
}

GDateTime *
byline_article_get_created (BylineArticle *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), NULL);

  return self->created;
}

GDateTime *
byline_article_get_modified (BylineArticle *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), NULL);

  return self->modified;
}

static const char *
get_text (BylineArticle *self,
          ArticleText    field)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), NULL);

  return self->texts[field];
}

static void
set_text (BylineArticle *self,
          ArticleText    field,
          const char    *value)
{
  g_return_if_fail (BYLINE_IS_ARTICLE (self));
  g_assert (field < ARTICLE_N_TEXTS);

  if (byline_model_set_text (&self->texts[field], value))
    notify_changed (self, PROP_FIRST_TEXT + field);
}

static const char * const *
get_list (BylineArticle *self,
          ArticleList    field)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), NULL);

  return (const char * const *) self->lists[field];
}

static void
set_list (BylineArticle      *self,
          ArticleList         field,
          const char * const *value)
{
  g_auto(GStrv) list = NULL;

  g_return_if_fail (BYLINE_IS_ARTICLE (self));
  g_assert (field < ARTICLE_N_LISTS);

  list = byline_model_dup_strv (value);
  if (g_strv_equal ((const char * const *) list, (const char * const *) self->lists[field]))
    return;

  g_strfreev (self->lists[field]);
  self->lists[field] = g_steal_pointer (&list);
  notify_changed (self, PROP_FIRST_LIST + field);
}

#define TEXT_ACCESSORS(name, FIELD)                                     \
  const char *                                                          \
  byline_article_get_##name (BylineArticle *self)                       \
  {                                                                     \
    return get_text (self, FIELD);                                      \
  }                                                                     \
                                                                        \
  void                                                                  \
  byline_article_set_##name (BylineArticle *self,                       \
                             const char    *value)                      \
  {                                                                     \
    set_text (self, FIELD, value);                                      \
  }

#define LIST_ACCESSORS(name, FIELD)                                     \
  const char * const *                                                  \
  byline_article_get_##name (BylineArticle *self)                       \
  {                                                                     \
    return get_list (self, FIELD);                                      \
  }                                                                     \
                                                                        \
  void                                                                  \
  byline_article_set_##name (BylineArticle      *self,                  \
                             const char * const *value)                 \
  {                                                                     \
    set_list (self, FIELD, value);                                      \
  }

TEXT_ACCESSORS (title, ARTICLE_TITLE)
TEXT_ACCESSORS (lead, ARTICLE_LEAD)
TEXT_ACCESSORS (category, ARTICLE_CATEGORY)
TEXT_ACCESSORS (dateline, ARTICLE_DATELINE)
TEXT_ACCESSORS (language, ARTICLE_LANGUAGE)
TEXT_ACCESSORS (site, ARTICLE_SITE)
TEXT_ACCESSORS (slugline, ARTICLE_SLUGLINE)
TEXT_ACCESSORS (desk_note, ARTICLE_DESK_NOTE)
LIST_ACCESSORS (tags, ARTICLE_TAGS)
LIST_ACCESSORS (writers, ARTICLE_WRITERS)
LIST_ACCESSORS (photographers, ARTICLE_PHOTOGRAPHERS)

guint
byline_article_get_priority (BylineArticle *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), 0);

  return self->priority;
}

void
byline_article_set_priority (BylineArticle *self,
                             guint          priority)
{
  g_return_if_fail (BYLINE_IS_ARTICLE (self));
  g_return_if_fail (priority <= 9);

  if (self->priority == priority)
    return;

  self->priority = priority;
  notify_changed (self, PROP_PRIORITY);
}

GDateTime *
byline_article_get_embargo (BylineArticle *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), NULL);

  return self->embargo;
}

/* Stored in UTC: the desk and the site may be in other time zones. */
void
byline_article_set_embargo (BylineArticle *self,
                            GDateTime     *embargo)
{
  g_return_if_fail (BYLINE_IS_ARTICLE (self));

  if (self->embargo == embargo ||
      (self->embargo != NULL && embargo != NULL && g_date_time_equal (self->embargo, embargo)))
    return;

  g_clear_pointer (&self->embargo, g_date_time_unref);
  if (embargo != NULL)
    self->embargo = g_date_time_to_utc (embargo);
  notify_changed (self, PROP_EMBARGO);
}

static gboolean
blocks_equal (GPtrArray *a,
              GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    if (!byline_block_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
      return FALSE;

  return TRUE;
}

/**
 * byline_article_get_blocks:
 *
 * Returns: (transfer none) (element-type BylineBlock): the body; do not
 *   modify it, use byline_article_set_blocks()
 */
GPtrArray *
byline_article_get_blocks (BylineArticle *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), NULL);

  return self->blocks;
}

/**
 * byline_article_set_blocks:
 * @blocks: (nullable) (element-type BylineBlock): the new body; the article
 *   takes its own references, @blocks stays the caller's
 */
void
byline_article_set_blocks (BylineArticle *self,
                           GPtrArray     *blocks)
{
  g_autoptr(GPtrArray) copy = NULL;

  g_return_if_fail (BYLINE_IS_ARTICLE (self));

  copy = g_ptr_array_new_full (blocks != NULL ? blocks->len : 0,
                               (GDestroyNotify) byline_block_unref);
  for (guint i = 0; blocks != NULL && i < blocks->len; i++)
    {
      BylineBlock *block = g_ptr_array_index (blocks, i);

      g_return_if_fail (block != NULL);
      byline_block_seal (block);
      g_ptr_array_add (copy, byline_block_ref (block));
    }

  if (blocks_equal (copy, self->blocks))
    return;

  g_ptr_array_unref (self->blocks);
  self->blocks = g_steal_pointer (&copy);
  article_changed (self);
}

char *
byline_article_dup_body_text (BylineArticle *self)
{
  GString *text;

  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), NULL);

  text = g_string_new (NULL);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      const char *block_text = byline_block_get_text (g_ptr_array_index (self->blocks, i));

      if (block_text[0] == '\0')
        continue;
      if (text->len > 0)
        g_string_append (text, "\n\n");
      g_string_append (text, block_text);
    }

  return g_string_free (text, FALSE);
}

guint
byline_article_count_words (BylineArticle *self)
{
  g_autofree char *body = NULL;

  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), 0);

  body = byline_article_dup_body_text (self);
  /* Blocks are joined by blank lines: no word spans two, so the count of
   * the body is the sum of its blocks' (the editor counts block by block). */
  return byline_text_count_words (self->texts[ARTICLE_TITLE]) +
         byline_text_count_words (self->texts[ARTICLE_LEAD]) +
         byline_text_count_words (body);
}

GListModel *
byline_article_get_photos (BylineArticle *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), NULL);

  return G_LIST_MODEL (self->photos);
}

static gboolean
find_photo_position (BylineArticle *self,
                     const char    *photo_id,
                     guint         *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->photos));

  for (guint i = 0; photo_id != NULL && i < n; i++)
    {
      g_autoptr(BylinePhoto) photo = g_list_model_get_item (G_LIST_MODEL (self->photos), i);

      if (g_strcmp0 (byline_photo_get_id (photo), photo_id) == 0)
        {
          if (position != NULL)
            *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * byline_article_find_photo:
 *
 * Returns: (transfer none) (nullable): the photo with that id
 */
BylinePhoto *
byline_article_find_photo (BylineArticle *self,
                           const char    *photo_id)
{
  BylinePhoto *photo;
  guint position;

  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), NULL);

  if (!find_photo_position (self, photo_id, &position))
    return NULL;

  /* The store keeps its own reference: transfer none is safe. */
  photo = g_list_model_get_item (G_LIST_MODEL (self->photos), position);
  g_object_unref (photo);
  return photo;
}

gboolean
byline_article_add_photo (BylineArticle *self,
                          BylinePhoto   *photo)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), FALSE);
  g_return_val_if_fail (BYLINE_IS_PHOTO (photo), FALSE);

  if (find_photo_position (self, byline_photo_get_id (photo), NULL))
    return FALSE;

  byline_article_freeze_changed (self);
  g_list_store_append (self->photos, photo);
  /* The first photo becomes the featured one by default. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->photos)) == 1)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FEATURED_PHOTO]);
  byline_article_thaw_changed (self, FALSE);

  return TRUE;
}

static void
remove_photo_blocks (BylineArticle *self,
                     const char    *photo_id)
{
  g_autoptr(GPtrArray) blocks = g_ptr_array_new ();

  for (guint i = 0; i < self->blocks->len; i++)
    {
      BylineBlock *block = g_ptr_array_index (self->blocks, i);

      if (g_strcmp0 (byline_block_get_photo_id (block), photo_id) != 0)
        g_ptr_array_add (blocks, block);
    }

  byline_article_set_blocks (self, blocks);
}

gboolean
byline_article_remove_photo (BylineArticle *self,
                             const char    *photo_id)
{
  g_autoptr(BylinePhoto) photo = NULL;
  g_autofree char *featured = NULL;
  guint position;

  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), FALSE);
  g_return_val_if_fail (photo_id != NULL, FALSE);

  if (!find_photo_position (self, photo_id, &position))
    return FALSE;

  featured = g_strdup (byline_article_get_featured_photo (self));
  photo = g_list_model_get_item (G_LIST_MODEL (self->photos), position);

  byline_article_freeze_changed (self);
  g_signal_handlers_disconnect_by_func (photo, photo_notify_cb, self);
  remove_photo_blocks (self, photo_id);
  if (g_strcmp0 (self->featured_photo, photo_id) == 0)
    g_clear_pointer (&self->featured_photo, g_free);
  g_list_store_remove (self->photos, position);
  if (g_strcmp0 (featured, byline_article_get_featured_photo (self)) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FEATURED_PHOTO]);
  byline_article_thaw_changed (self, FALSE);

  return TRUE;
}

gboolean
byline_article_move_photo (BylineArticle *self,
                           const char    *photo_id,
                           guint          position)
{
  g_autoptr(BylinePhoto) photo = NULL;
  g_autofree char *featured = NULL;
  guint n;
  guint old_position;

  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->photos));
  if (!find_photo_position (self, photo_id, &old_position))
    return FALSE;

  position = MIN (position, n - 1);
  if (position == old_position)
    return FALSE;

  featured = g_strdup (byline_article_get_featured_photo (self));
  photo = g_list_model_get_item (G_LIST_MODEL (self->photos), old_position);

  byline_article_freeze_changed (self);
  g_list_store_remove (self->photos, old_position);
  g_list_store_insert (self->photos, position, photo);
  if (g_strcmp0 (featured, byline_article_get_featured_photo (self)) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FEATURED_PHOTO]);
  byline_article_thaw_changed (self, FALSE);

  return TRUE;
}

/* The explicit choice if any, else the first photo. */
const char *
byline_article_get_featured_photo (BylineArticle *self)
{
  g_autoptr(BylinePhoto) first = NULL;

  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), NULL);

  if (self->featured_photo != NULL)
    return self->featured_photo;

  first = g_list_model_get_item (G_LIST_MODEL (self->photos), 0);
  return first != NULL ? byline_photo_get_id (first) : NULL;
}

/**
 * byline_article_set_featured_photo:
 * @photo_id: (nullable): one of the article's photos, or %NULL to go back
 *   to the default (the first photo)
 */
void
byline_article_set_featured_photo (BylineArticle *self,
                                   const char    *photo_id)
{
  g_return_if_fail (BYLINE_IS_ARTICLE (self));
  g_return_if_fail (photo_id == NULL || find_photo_position (self, photo_id, NULL));

  if (g_strcmp0 (self->featured_photo, photo_id) == 0)
    return;

  g_free (self->featured_photo);
  self->featured_photo = g_strdup (photo_id);
  notify_changed (self, PROP_FEATURED_PHOTO);
}

gint64
byline_article_get_remote_post_id (BylineArticle *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), 0);

  return self->remote_post_id;
}

/* NULL for an article published before Byline recorded the site: it was
 * then the site it is sent to (the only one such drafts knew). */
const char *
byline_article_get_remote_site (BylineArticle *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), NULL);

  return self->remote_site;
}

const char *
byline_article_get_remote_link (BylineArticle *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), NULL);

  return self->remote_link;
}

const char *
byline_article_get_remote_modified (BylineArticle *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), NULL);

  return self->remote_modified;
}

const char *
byline_article_get_remote_digest (BylineArticle *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), NULL);

  return self->remote_digest;
}

const char *
byline_article_get_remote_status (BylineArticle *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), NULL);

  return self->remote_status;
}

/**
 * byline_article_set_remote:
 * @site_id: (nullable): the site the post is on
 * @post_id: the post on the site, 0 for none
 * @link: (nullable): its permalink
 * @modified_gmt: (nullable): its "modified_gmt", to detect edits by the desk
 * @digest: (nullable): its text's digest (byline_cms_post_digest()), for
 *   edits within the same second
 * @status: (nullable): its status ("draft", "publish", "future"…)
 */
void
byline_article_set_remote (BylineArticle *self,
                           const char    *site_id,
                           gint64         post_id,
                           const char    *link,
                           const char    *modified_gmt,
                           const char    *digest,
                           const char    *status)
{
  g_return_if_fail (BYLINE_IS_ARTICLE (self));
  g_return_if_fail (post_id >= 0);

  byline_article_freeze_changed (self);
  if (byline_model_set_text (&self->remote_site, site_id))
    article_changed (self);
  if (self->remote_post_id != post_id)
    {
      self->remote_post_id = post_id;
      notify_changed (self, PROP_REMOTE_POST_ID);
    }
  if (byline_model_set_text (&self->remote_link, link))
    notify_changed (self, PROP_REMOTE_LINK);
  if (byline_model_set_text (&self->remote_modified, modified_gmt))
    article_changed (self);
  if (byline_model_set_text (&self->remote_digest, digest))
    article_changed (self);
  if (byline_model_set_text (&self->remote_status, status))
    notify_changed (self, PROP_REMOTE_STATUS);
  byline_article_thaw_changed (self, FALSE);
}
