/* byline-block.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A block is reference counted and shared between the article and the
 * editor. Marks are kept canonical (sorted, clamped, merged) so that two
 * blocks that look the same compare equal, and "changed" is only emitted
 * for real edits.
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "byline-block.h"
#include "byline-model-private.h"

struct _BylineBlock
{
  BylineBlockKind  kind;
  char            *text;       /* NFC, never NULL ("" for photos) */
  guint            n_chars;
  guint            level;      /* headings: 2 or 3 */
  gboolean         ordered;    /* list items */
  char            *photo_id;   /* photos */
  GArray          *marks;      /* of BylineMark */
  /* Set once the block is in an article: from then on it is shared and
   * must not change behind the article's back (no "changed" would be
   * emitted for it). Copies start unsealed. */
  gboolean         sealed;
};

G_DEFINE_BOXED_TYPE (BylineBlock, byline_block, byline_block_ref, byline_block_unref)

static const char * const kind_names[] = {
  [BYLINE_BLOCK_PARAGRAPH] = "paragraph",
  [BYLINE_BLOCK_HEADING] = "heading",
  [BYLINE_BLOCK_QUOTE] = "quote",
  [BYLINE_BLOCK_LIST_ITEM] = "list-item",
  [BYLINE_BLOCK_PHOTO] = "photo",
};

static const char * const mark_names[] = {
  [BYLINE_MARK_BOLD] = "bold",
  [BYLINE_MARK_ITALIC] = "italic",
  [BYLINE_MARK_LINK] = "link",
};

static int
name_index (const char * const *names,
            guint               n_names,
            const char         *name)
{
  for (guint i = 0; name != NULL && i < n_names; i++)
    if (g_strcmp0 (names[i], name) == 0)
      return (int) i;

  return -1;
}

gboolean
byline_block_type_is_known (const char *type)
{
  return name_index (kind_names, G_N_ELEMENTS (kind_names), type) >= 0;
}

static void
mark_clear (gpointer data)
{
  BylineMark *mark = data;

  g_clear_pointer (&mark->href, g_free);
}

static void
block_clear (gpointer data)
{
  BylineBlock *self = data;

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->photo_id, g_free);
  g_clear_pointer (&self->marks, g_array_unref);
}

static BylineBlock *
block_alloc (BylineBlockKind  kind,
             const char      *text)
{
  BylineBlock *self = g_atomic_rc_box_new0 (BylineBlock);

  self->kind = kind;
  self->text = byline_model_dup_text (text);
  if (self->text == NULL)
    self->text = g_strdup ("");
  self->n_chars = g_utf8_strlen (self->text, -1);
  self->level = kind == BYLINE_BLOCK_HEADING ? 2 : 0;
  self->marks = g_array_new (FALSE, TRUE, sizeof (BylineMark));
  g_array_set_clear_func (self->marks, mark_clear);

  return self;
}

/**
 * byline_block_new:
 * @kind: any kind but %BYLINE_BLOCK_PHOTO
 * @text: (nullable): the text, normalised to NFC
 *
 * Headings get level 2 and list items are bulleted.
 */
BylineBlock *
byline_block_new (BylineBlockKind  kind,
                  const char      *text)
{
  g_return_val_if_fail (kind <= BYLINE_BLOCK_LIST_ITEM, NULL);

  return block_alloc (kind, text);
}

/**
 * byline_block_new_heading:
 * @level: 2 or 3; other levels are clamped (an imported h1 becomes h2,
 *   h4 to h6 become h3), as the site's theme owns h1.
 */
BylineBlock *
byline_block_new_heading (guint       level,
                          const char *text)
{
  BylineBlock *self = block_alloc (BYLINE_BLOCK_HEADING, text);

  self->level = CLAMP (level, 2, 3);
  return self;
}

BylineBlock *
byline_block_new_list_item (gboolean    ordered,
                            const char *text)
{
  BylineBlock *self = block_alloc (BYLINE_BLOCK_LIST_ITEM, text);

  self->ordered = !!ordered;
  return self;
}

BylineBlock *
byline_block_new_photo (const char *photo_id)
{
  BylineBlock *self;

  g_return_val_if_fail (byline_photo_id_is_valid (photo_id), NULL);

  self = block_alloc (BYLINE_BLOCK_PHOTO, NULL);
  self->photo_id = g_strdup (photo_id);
  return self;
}

/* A deep copy: the copy can get marks without touching @self. */
BylineBlock *
byline_block_copy (const BylineBlock *self)
{
  BylineBlock *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = block_alloc (self->kind, self->text);
  copy->level = self->level;
  copy->ordered = self->ordered;
  copy->photo_id = g_strdup (self->photo_id);
  for (guint i = 0; i < self->marks->len; i++)
    {
      BylineMark mark = g_array_index (self->marks, BylineMark, i);

      mark.href = g_strdup (mark.href);
      g_array_append_val (copy->marks, mark);
    }

  return copy;
}

BylineBlock *
byline_block_ref (BylineBlock *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
byline_block_unref (BylineBlock *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, block_clear);
}

static gboolean
mark_equal (const BylineMark *a,
            const BylineMark *b)
{
  return a->kind == b->kind &&
         a->start == b->start &&
         a->end == b->end &&
         g_strcmp0 (a->href, b->href) == 0;
}

gboolean
byline_block_equal (const BylineBlock *a,
                    const BylineBlock *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  if (a == b)
    return TRUE;

  if (a->kind != b->kind ||
      a->level != b->level ||
      a->ordered != b->ordered ||
      g_strcmp0 (a->text, b->text) != 0 ||
      g_strcmp0 (a->photo_id, b->photo_id) != 0 ||
      a->marks->len != b->marks->len)
    return FALSE;

  for (guint i = 0; i < a->marks->len; i++)
    if (!mark_equal (&g_array_index (a->marks, BylineMark, i),
                     &g_array_index (b->marks, BylineMark, i)))
      return FALSE;

  return TRUE;
}

BylineBlockKind
byline_block_get_kind (const BylineBlock *self)
{
  g_return_val_if_fail (self != NULL, BYLINE_BLOCK_PARAGRAPH);

  return self->kind;
}

/* Never NULL: "" for photo blocks and empty paragraphs. */
const char *
byline_block_get_text (const BylineBlock *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->text;
}

guint
byline_block_get_n_chars (const BylineBlock *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_chars;
}

/* 2 or 3 for headings, 0 for every other kind. */
guint
byline_block_get_level (const BylineBlock *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->level;
}

gboolean
byline_block_get_ordered (const BylineBlock *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->ordered;
}

const char *
byline_block_get_photo_id (const BylineBlock *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->photo_id;
}

/* Orders marks so that those that may merge are adjacent. */
static int
compare_for_merge (gconstpointer a,
                   gconstpointer b)
{
  const BylineMark *ma = a;
  const BylineMark *mb = b;
  int cmp;

  if (ma->kind != mb->kind)
    return (int) ma->kind - (int) mb->kind;
  if ((cmp = g_strcmp0 (ma->href, mb->href)) != 0)
    return cmp;
  if (ma->start != mb->start)
    return ma->start < mb->start ? -1 : 1;
  return ma->end < mb->end ? -1 : ma->end > mb->end;
}

/* The documented order: by start, then end, then kind. */
static int
compare_for_order (gconstpointer a,
                   gconstpointer b)
{
  const BylineMark *ma = a;
  const BylineMark *mb = b;

  if (ma->start != mb->start)
    return ma->start < mb->start ? -1 : 1;
  if (ma->end != mb->end)
    return ma->end < mb->end ? -1 : 1;
  if (ma->kind != mb->kind)
    return (int) ma->kind - (int) mb->kind;
  return g_strcmp0 (ma->href, mb->href);
}

static void
normalize_marks (GArray *marks)
{
  guint out = 0;

  g_array_sort (marks, compare_for_merge);

  for (guint i = 0; i < marks->len; i++)
    {
      BylineMark *mark = &g_array_index (marks, BylineMark, i);
      BylineMark *last = out > 0 ? &g_array_index (marks, BylineMark, out - 1) : NULL;

      if (last != NULL &&
          last->kind == mark->kind &&
          g_strcmp0 (last->href, mark->href) == 0 &&
          mark->start <= last->end)
        {
          last->end = MAX (last->end, mark->end);
          g_clear_pointer (&mark->href, g_free);
          continue;
        }

      if (out != i)
        {
          g_array_index (marks, BylineMark, out) = *mark;
          mark->href = NULL;
        }
      out++;
    }

  /* The tail only holds moved-out or merged entries: nothing to free. */
  g_array_set_clear_func (marks, NULL);
  g_array_set_size (marks, out);
  g_array_set_clear_func (marks, mark_clear);
  g_array_sort (marks, compare_for_order);
}

/**
 * byline_block_add_mark:
 * @start: first character, inclusive
 * @end: last character, exclusive
 * @href: (nullable): the target of a link; required for links, ignored
 *   otherwise
 *
 * The range is clamped to the text; an empty range adds nothing. A block
 * that is already in an article cannot change: copy it, mark the copy and
 * set the new blocks.
 */
void
byline_block_add_mark (BylineBlock    *self,
                       BylineMarkKind  kind,
                       guint           start,
                       guint           end,
                       const char     *href)
{
  BylineMark mark = { kind, 0, 0, NULL };

  g_return_if_fail (self != NULL);
  g_return_if_fail (!self->sealed);
  g_return_if_fail (kind <= BYLINE_MARK_LINK);
  g_return_if_fail (kind != BYLINE_MARK_LINK || (href != NULL && href[0] != '\0'));

  mark.start = MIN (start, self->n_chars);
  mark.end = MIN (end, self->n_chars);
  if (mark.start >= mark.end)
    return;

  if (kind == BYLINE_MARK_LINK)
    mark.href = byline_model_dup_text (href);

  g_array_append_val (self->marks, mark);
  normalize_marks (self->marks);
}

void
byline_block_seal (BylineBlock *self)
{
  g_assert (self != NULL);

  self->sealed = TRUE;
}

guint
byline_block_get_n_marks (const BylineBlock *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->marks->len;
}

const BylineMark *
byline_block_get_mark (const BylineBlock *self,
                       guint              index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->marks->len, NULL);

  return &g_array_index (self->marks, BylineMark, index);
}

static void
add_marks_json (const BylineBlock *self,
                JsonBuilder       *builder)
{
  if (self->marks->len == 0)
    return;

  json_builder_set_member_name (builder, "marks");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->marks->len; i++)
    {
      const BylineMark *mark = &g_array_index (self->marks, BylineMark, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, mark_names[mark->kind]);
      json_builder_set_member_name (builder, "start");
      json_builder_add_int_value (builder, mark->start);
      json_builder_set_member_name (builder, "end");
      json_builder_add_int_value (builder, mark->end);
      byline_json_add_string (builder, "href", mark->href);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

JsonNode *
byline_block_to_json (const BylineBlock *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, kind_names[self->kind]);

  if (self->kind == BYLINE_BLOCK_HEADING)
    {
      json_builder_set_member_name (builder, "level");
      json_builder_add_int_value (builder, self->level);
    }
  else if (self->kind == BYLINE_BLOCK_LIST_ITEM)
    {
      json_builder_set_member_name (builder, "ordered");
      json_builder_add_boolean_value (builder, self->ordered);
    }

  byline_json_add_string (builder, "photo", self->photo_id);
  byline_json_add_string (builder, "text", self->text);
  add_marks_json (self, builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static gboolean
read_mark (BylineBlock  *self,
           JsonObject   *object,
           const char   *where,
           gboolean      tolerant,
           GError      **error)
{
  g_autofree char *type = NULL;
  g_autofree char *href = NULL;
  gint64 start = -1;
  gint64 end = -1;
  int kind;

  if (!byline_json_get_string (object, where, "type", &type, error) ||
      !byline_json_get_int (object, where, "start", 0, G_MAXUINT, &start, error) ||
      !byline_json_get_int (object, where, "end", 0, G_MAXUINT, &end, error) ||
      !byline_json_get_string (object, where, "href", &href, error))
    return FALSE;

  kind = name_index (mark_names, G_N_ELEMENTS (mark_names), type);
  /* A newer Byline's new kind of mark: only formatting is lost. */
  if (kind < 0 && tolerant && type != NULL)
    return TRUE;
  if (kind < 0 || start < 0 || end < 0 || (kind == BYLINE_MARK_LINK && href == NULL))
    {
      byline_json_set_invalid (error, where, "type",
                               /* Translators: completes “Invalid article: “field” %s”;
                                * bold, italic, link, start, end and href are the
                                * file's own words: keep them. */
                               _("must be bold, italic or link, with start, end and a link's "
                                 "href"));
      return FALSE;
    }

  byline_block_add_mark (self, kind, start, end, kind == BYLINE_MARK_LINK ? href : NULL);
  return TRUE;
}

static gboolean
read_marks (BylineBlock  *self,
            JsonObject   *object,
            const char   *where,
            gboolean      tolerant,
            GError      **error)
{
  JsonArray *marks = NULL;

  if (!byline_json_get_array (object, where, "marks", &marks, error))
    return FALSE;

  for (guint i = 0; marks != NULL && i < json_array_get_length (marks); i++)
    {
      JsonObject *mark = byline_json_element_object (marks, i, where, "marks", error);
      g_autofree char *mark_where = g_strdup_printf ("%s.marks[%u]", where, i);

      if (mark == NULL || !read_mark (self, mark, mark_where, tolerant, error))
        return FALSE;
    }

  return TRUE;
}

static BylineBlock *
block_from_fields (int          kind,
                   const char  *text,
                   gint64       level,
                   gboolean     ordered,
                   const char  *photo_id,
                   const char  *where,
                   GError     **error)
{
  switch ((BylineBlockKind) kind)
    {
    case BYLINE_BLOCK_HEADING:
      return byline_block_new_heading (level, text);
    case BYLINE_BLOCK_LIST_ITEM:
      return byline_block_new_list_item (ordered, text);
    case BYLINE_BLOCK_PHOTO:
      if (byline_photo_id_is_valid (photo_id))
        return byline_block_new_photo (photo_id);
      /* Translators: completes “Invalid article: “field” %s”. */
      byline_json_set_invalid (error, where, "photo", _("must be the id of a photo"));
      return NULL;
    case BYLINE_BLOCK_PARAGRAPH:
    case BYLINE_BLOCK_QUOTE:
      return byline_block_new (kind, text);
    default:
      byline_json_set_invalid (error, where, "type",
                               /* Translators: completes “Invalid article: “field” %s”;
                                * the five kinds are the file's own words: keep them. */
                               _("must be paragraph, heading, quote, list-item or photo"));
      return NULL;
    }
}

/* @tolerant: skip the marks this version does not know (for files of a
 * newer schema version) instead of failing */
BylineBlock *
byline_block_new_from_json_at (JsonObject  *object,
                               const char  *where,
                               gboolean     tolerant,
                               GError     **error)
{
  g_autoptr(BylineBlock) self = NULL;
  g_autofree char *type = NULL;
  g_autofree char *text = NULL;
  g_autofree char *photo_id = NULL;
  gint64 level = 2;
  gboolean ordered = FALSE;

  if (!byline_json_get_string (object, where, "type", &type, error) ||
      !byline_json_get_string (object, where, "text", &text, error) ||
      !byline_json_get_int (object, where, "level", 1, 6, &level, error) ||
      !byline_json_get_bool (object, where, "ordered", &ordered, error) ||
      !byline_json_get_string (object, where, "photo", &photo_id, error))
    return NULL;

  self = block_from_fields (name_index (kind_names, G_N_ELEMENTS (kind_names), type),
                            text, level, ordered, photo_id, where, error);
  if (self == NULL || !read_marks (self, object, where, tolerant, error))
    return NULL;

  return g_steal_pointer (&self);
}

BylineBlock *
byline_block_new_from_json (JsonObject  *object,
                            GError     **error)
{
  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return byline_block_new_from_json_at (object, "block", FALSE, error);
}
