/* byline-draft-info.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "byline-draft-index.h"
#include "byline-draft-info.h"

struct _BylineDraftInfo
{
  GObject           parent_instance;
  BylineDraftEntry *entry;
  /* Made when first asked for: a load makes 10,000 rows, a list shows a
   * few dozen dates. */
  GDateTime        *modified;
  GDateTime        *trashed;
};

G_DEFINE_FINAL_TYPE (BylineDraftInfo, byline_draft_info, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_LEAD,
  PROP_MODIFIED,
  PROP_STATE,
  PROP_WORD_COUNT,
  PROP_READ_ONLY,
  PROP_IN_TRASH,
  PROP_TRASHED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GDateTime *
date_time_from_usec (gint64 usec)
{
  g_autoptr(GDateTime) epoch = NULL;

  if (usec == 0)
    return NULL;

  epoch = g_date_time_new_from_unix_utc (0);
  return g_date_time_add (epoch, usec);
}

static GDateTime *
cached_date_time (GDateTime **slot,
                  gint64      usec)
{
  if (*slot == NULL)
    *slot = date_time_from_usec (usec);
  return *slot;
}

static void
byline_draft_info_finalize (GObject *object)
{
  BylineDraftInfo *self = (BylineDraftInfo *) object;

  g_clear_pointer (&self->entry, byline_draft_entry_free);
  g_clear_pointer (&self->modified, g_date_time_unref);
  g_clear_pointer (&self->trashed, g_date_time_unref);

  G_OBJECT_CLASS (byline_draft_info_parent_class)->finalize (object);
}

static void
byline_draft_info_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  BylineDraftInfo *self = BYLINE_DRAFT_INFO (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->entry->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->entry->title);
      break;
    case PROP_LEAD:
      g_value_set_string (value, self->entry->lead);
      break;
    case PROP_MODIFIED:
      g_value_set_boxed (value, byline_draft_info_get_modified (self));
      break;
    case PROP_STATE:
      g_value_set_string (value, self->entry->state);
      break;
    case PROP_WORD_COUNT:
      g_value_set_uint (value, self->entry->words);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->entry->read_only);
      break;
    case PROP_IN_TRASH:
      g_value_set_boolean (value, self->entry->trashed != 0);
      break;
    case PROP_TRASHED:
      g_value_set_boxed (value, byline_draft_info_get_trashed (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_param (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
}

static GParamSpec *
boolean_param (const char *name)
{
  return g_param_spec_boolean (name, NULL, NULL, FALSE,
                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
}

static GParamSpec *
date_time_param (const char *name)
{
  return g_param_spec_boxed (name, NULL, NULL, G_TYPE_DATE_TIME,
                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
}

static void
byline_draft_info_class_init (BylineDraftInfoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = byline_draft_info_finalize;
  object_class->get_property = byline_draft_info_get_property;

  properties[PROP_ID] = string_param ("id");
  properties[PROP_TITLE] = string_param ("title");
  properties[PROP_LEAD] = string_param ("lead");
  properties[PROP_MODIFIED] = date_time_param ("modified");
  properties[PROP_STATE] = string_param ("state");
  properties[PROP_WORD_COUNT] =
    g_param_spec_uint ("word-count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_READ_ONLY] = boolean_param ("read-only");
  properties[PROP_IN_TRASH] = boolean_param ("in-trash");
  properties[PROP_TRASHED] = date_time_param ("trashed");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
byline_draft_info_init (BylineDraftInfo *self)
{
}

/* Takes @entry: a load hands over 10,000 entries it no longer needs. */
BylineDraftInfo *
byline_draft_info_new_take (BylineDraftEntry *entry)
{
  BylineDraftInfo *self;

  g_return_val_if_fail (entry != NULL, NULL);

  self = g_object_new (BYLINE_TYPE_DRAFT_INFO, NULL);
  self->entry = entry;
  return self;
}

BylineDraftInfo *
byline_draft_info_new (const BylineDraftEntry *entry)
{
  g_return_val_if_fail (entry != NULL, NULL);

  return byline_draft_info_new_take (byline_draft_entry_copy (entry));
}

/* Replaces the header and notifies exactly the properties that changed. */
void
byline_draft_info_update (BylineDraftInfo        *self,
                          const BylineDraftEntry *entry)
{
  g_autoptr(BylineDraftEntry) old = NULL;
  GObject *object = G_OBJECT (self);

  g_return_if_fail (BYLINE_IS_DRAFT_INFO (self));
  g_return_if_fail (entry != NULL);
  g_return_if_fail (g_strcmp0 (entry->id, self->entry->id) == 0);

  old = g_steal_pointer (&self->entry);
  self->entry = byline_draft_entry_copy (entry);
  /* The store's table is keyed by this very string: keep it alive. */
  g_free (self->entry->id);
  self->entry->id = g_steal_pointer (&old->id);

  g_object_freeze_notify (object);
  if (g_strcmp0 (old->title, entry->title) != 0)
    g_object_notify_by_pspec (object, properties[PROP_TITLE]);
  if (g_strcmp0 (old->lead, entry->lead) != 0)
    g_object_notify_by_pspec (object, properties[PROP_LEAD]);
  if (g_strcmp0 (old->state, entry->state) != 0)
    g_object_notify_by_pspec (object, properties[PROP_STATE]);
  if (old->words != entry->words)
    g_object_notify_by_pspec (object, properties[PROP_WORD_COUNT]);
  if (old->read_only != entry->read_only)
    g_object_notify_by_pspec (object, properties[PROP_READ_ONLY]);
  if (old->modified != entry->modified)
    {
      g_clear_pointer (&self->modified, g_date_time_unref);
      g_object_notify_by_pspec (object, properties[PROP_MODIFIED]);
    }
  if (old->trashed != entry->trashed)
    {
      g_clear_pointer (&self->trashed, g_date_time_unref);
      g_object_notify_by_pspec (object, properties[PROP_TRASHED]);
      if ((old->trashed != 0) != (entry->trashed != 0))
        g_object_notify_by_pspec (object, properties[PROP_IN_TRASH]);
    }
  g_object_thaw_notify (object);
}

const BylineDraftEntry *
byline_draft_info_get_entry (BylineDraftInfo *self)
{
  g_return_val_if_fail (BYLINE_IS_DRAFT_INFO (self), NULL);

  return self->entry;
}

const char *
byline_draft_info_get_id (BylineDraftInfo *self)
{
  g_return_val_if_fail (BYLINE_IS_DRAFT_INFO (self), NULL);

  return self->entry->id;
}

const char *
byline_draft_info_get_title (BylineDraftInfo *self)
{
  g_return_val_if_fail (BYLINE_IS_DRAFT_INFO (self), NULL);

  return self->entry->title;
}

const char *
byline_draft_info_get_lead (BylineDraftInfo *self)
{
  g_return_val_if_fail (BYLINE_IS_DRAFT_INFO (self), NULL);

  return self->entry->lead;
}

GDateTime *
byline_draft_info_get_modified (BylineDraftInfo *self)
{
  g_return_val_if_fail (BYLINE_IS_DRAFT_INFO (self), NULL);

  return cached_date_time (&self->modified, self->entry->modified);
}

const char *
byline_draft_info_get_state (BylineDraftInfo *self)
{
  g_return_val_if_fail (BYLINE_IS_DRAFT_INFO (self), NULL);

  return self->entry->state;
}

guint
byline_draft_info_get_word_count (BylineDraftInfo *self)
{
  g_return_val_if_fail (BYLINE_IS_DRAFT_INFO (self), 0);

  return self->entry->words;
}

gboolean
byline_draft_info_get_read_only (BylineDraftInfo *self)
{
  g_return_val_if_fail (BYLINE_IS_DRAFT_INFO (self), FALSE);

  return self->entry->read_only;
}

gboolean
byline_draft_info_get_in_trash (BylineDraftInfo *self)
{
  g_return_val_if_fail (BYLINE_IS_DRAFT_INFO (self), FALSE);

  return self->entry->trashed != 0;
}

GDateTime *
byline_draft_info_get_trashed (BylineDraftInfo *self)
{
  g_return_val_if_fail (BYLINE_IS_DRAFT_INFO (self), NULL);

  return cached_date_time (&self->trashed, self->entry->trashed);
}
