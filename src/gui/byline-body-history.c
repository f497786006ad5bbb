/* byline-body-history.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GtkTextHistory records text only: undoing a deletion gave the text back
 * without its bold, links or heading, and a format change could not be
 * undone. This history records every change the buffer's signals announce,
 * in order: insertions (text, photo anchors), deletions with the tag runs
 * and photo ids of what was deleted, and each format tag applied or
 * removed with the runs of that tag it replaced. Undo replays the inverses
 * newest first, redo the changes again, both in the buffer's replay mode,
 * so the typing rules (which already ran the first time and were recorded
 * as tag changes) do not run twice.
 *
 * A step is a user action (begin/end_user_action: a keystroke, a paste,
 * replace all, a format command), or one change made outside any. Typing
 * merges steps the way GtkTextHistory does: contiguous insertions, a word
 * with the spaces after it; a newline, a cursor jump, another kind of
 * change or a pause ends the step. Backspace and Delete merge alike.
 */

#include "config.h"

#include <string.h>

#include "byline-body-buffer-private.h"
#include "byline-body-history.h"

#define OBJECT_CHAR 0xFFFC
/* Typing resumed after this long is a new step… */
#define PAUSE_USEC (2 * G_USEC_PER_SEC)
/* …and the oldest steps go beyond this many. */
#define MAX_STEPS 1000
/* Set on a tag the tag table dropped (a link whose last text went). */
#define REMOVED_KEY "byline-history-removed"

typedef enum
{
  OP_INSERT,
  OP_DELETE,
  OP_ANCHOR,
  OP_APPLY,
  OP_REMOVE,
} OpKind;

typedef struct
{
  GtkTextTag *tag;
  int         start;
  int         end;
} Run;

typedef struct
{
  OpKind      kind;
  int         start;
  int         end;
  /* OP_INSERT, OP_DELETE: the text, U+FFFC for each object. */
  char       *text;
  /* OP_ANCHOR: the photo. OP_DELETE: per U+FFFC of text, the photo id of
   * its anchor, "" for another anchor, NULL for the character itself. */
  char       *photo_id;
  GPtrArray  *objects;
  /* OP_APPLY, OP_REMOVE: the tag; runs: where it was before. OP_DELETE:
   * every format tag run of the deleted text. */
  GtkTextTag *tag;
  GArray     *runs;
  /* Made by the buffer while handling another change (the typing rules):
   * not what decides the kind of the step. */
  gboolean    nested;
} Op;

typedef enum
{
  STEP_OTHER,
  STEP_TYPING,
  STEP_BACKSPACE,
  STEP_DELETE_KEY,
} StepKind;

typedef struct
{
  GPtrArray            *ops;
  int                   selection_before[2];
  int                   selection_after[2];
  BylineParagraphStyle  tail_before;
  BylineParagraphStyle  tail_after;
  StepKind              kind;
  /* For merging: the newest keystroke's text (typed or deleted) and
   * where it went. */
  const char           *chunk;
  int                   chunk_start;
  int                   chunk_end;
  gint64                time;
} Step;

struct _BylineBodyHistory
{
  GObject           parent_instance;

  BylineBodyBuffer *buffer;
  /* Newest first. */
  GQueue            undo;
  GQueue            redo;
  Step             *current;
  /* Ops whose "after" handler is still to come. */
  GPtrArray        *pending;
  guint             in_user_action : 1;
  guint             implicit : 1;
  guint             broken : 1;
  guint             replaying : 1;
  guint             irreversible;
  /* Where typing goes on without starting a new step. */
  int               chain_caret;
  gboolean          can_undo;
  gboolean          can_redo;
};

G_DEFINE_FINAL_TYPE (BylineBodyHistory, byline_body_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Records ----------------------------------------------------------------- */

static void
run_clear (gpointer data)
{
  Run *run = data;

  g_clear_object (&run->tag);
}

static GArray *
runs_new (void)
{
  GArray *runs = g_array_new (FALSE, FALSE, sizeof (Run));

  g_array_set_clear_func (runs, run_clear);
  return runs;
}

static void
op_free (gpointer data)
{
  Op *op = data;

  g_free (op->text);
  g_free (op->photo_id);
  g_clear_pointer (&op->objects, g_ptr_array_unref);
  g_clear_object (&op->tag);
  g_clear_pointer (&op->runs, g_array_unref);
  g_free (op);
}

static void
step_free (gpointer data)
{
  Step *step = data;

  g_clear_pointer (&step->ops, g_ptr_array_unref);
  g_free (step);
}

static GtkTextBuffer *
text_buffer (BylineBodyHistory *self)
{
  return GTK_TEXT_BUFFER (self->buffer);
}

static void
get_selection (BylineBodyHistory *self,
               int                selection[2])
{
  GtkTextBuffer *buffer = text_buffer (self);
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  selection[0] = gtk_text_iter_get_offset (&iter);
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_selection_bound (buffer));
  selection[1] = gtk_text_iter_get_offset (&iter);
}

static void
iter_at (BylineBodyHistory *self,
         GtkTextIter       *iter,
         int                offset)
{
  gtk_text_buffer_get_iter_at_offset (text_buffer (self), iter, offset);
}

/* Appends the runs of @tag inside [start, end) to @runs, found by the
 * tag's toggles, not character by character. */
static void
collect_runs (GtkTextTag        *tag,
              const GtkTextIter *start,
              const GtkTextIter *end,
              GArray            *runs)
{
  GtkTextIter iter = *start;

  if (!gtk_text_iter_has_tag (&iter, tag) && !gtk_text_iter_forward_to_tag_toggle (&iter, tag))
    return;

  while (gtk_text_iter_compare (&iter, end) < 0)
    {
      Run run = { g_object_ref (tag), gtk_text_iter_get_offset (&iter), 0 };

      gtk_text_iter_forward_to_tag_toggle (&iter, tag);
      run.end = MIN (gtk_text_iter_get_offset (&iter), gtk_text_iter_get_offset (end));
      g_array_append_val (runs, run);
      if (!gtk_text_iter_forward_to_tag_toggle (&iter, tag))
        break;
    }
}

/* The format tags on some character of [start, end). */
static GPtrArray *
format_tags_in (BylineBodyHistory *self,
                const GtkTextIter *start,
                const GtkTextIter *end)
{
  GPtrArray *found = g_ptr_array_new ();
  GtkTextIter iter = *start;

  if (gtk_text_iter_compare (start, end) >= 0)
    return found;

  do
    {
      g_autoptr(GSList) tags = gtk_text_iter_get_tags (&iter);

      for (const GSList *l = tags; l != NULL; l = l->next)
        if (byline_body_buffer_is_format_tag (self->buffer, l->data) &&
            !g_ptr_array_find (found, l->data, NULL))
          g_ptr_array_add (found, l->data);
    }
  while (gtk_text_iter_forward_to_tag_toggle (&iter, NULL) &&
         gtk_text_iter_compare (&iter, end) < 0);

  return found;
}

/* Per U+FFFC of [start, end): what it stands for (see Op.objects). */
static GPtrArray *
collect_objects (const GtkTextIter *start,
                 const GtkTextIter *end)
{
  GPtrArray *objects = g_ptr_array_new_with_free_func (g_free);
  GtkTextIter iter = *start;

  for (; gtk_text_iter_compare (&iter, end) < 0; gtk_text_iter_forward_char (&iter))
    {
      GtkTextChildAnchor *anchor;
      const char *photo_id;

      if (gtk_text_iter_get_char (&iter) != OBJECT_CHAR)
        continue;
      anchor = gtk_text_iter_get_child_anchor (&iter);
      photo_id = anchor != NULL ? byline_body_buffer_get_anchor_photo (anchor) : NULL;
      g_ptr_array_add (objects, anchor != NULL ? g_strdup (photo_id != NULL ? photo_id : "") : NULL);
    }

  return objects;
}

/* Steps ------------------------------------------------------------------- */

static void
set_can (BylineBodyHistory *self,
         gboolean          *field,
         gboolean           value,
         GParamSpec        *pspec)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

static void
update_can (BylineBodyHistory *self)
{
  set_can (self, &self->can_undo, self->undo.length > 0, properties[PROP_CAN_UNDO]);
  set_can (self, &self->can_redo, self->redo.length > 0, properties[PROP_CAN_REDO]);
}

static gboolean
recording (BylineBodyHistory *self)
{
  return self->buffer != NULL && !self->replaying && self->irreversible == 0;
}

static void
open_step (BylineBodyHistory *self)
{
  g_assert (self->current == NULL);

  self->current = g_new0 (Step, 1);
  self->current->ops = g_ptr_array_new_with_free_func (op_free);
  get_selection (self, self->current->selection_before);
  self->current->tail_before = byline_body_buffer_get_tail_style (self->buffer);
}

static Op *
add_op (BylineBodyHistory *self,
        OpKind             kind,
        int                start,
        int                end)
{
  Op *op = g_new0 (Op, 1);

  op->kind = kind;
  op->start = start;
  op->end = end;
  op->nested = self->pending->len > 0;
  g_ptr_array_add (self->current->ops, op);

  return op;
}

/* The one op that is not a consequence of another, if there is only one. */
static Op *
single_op (Step *step)
{
  Op *found = NULL;

  for (guint i = 0; i < step->ops->len; i++)
    {
      Op *op = step->ops->pdata[i];

      if (op->nested)
        continue;
      if (found != NULL)
        return NULL;
      found = op;
    }

  return found;
}

static StepKind
classify (Step *step)
{
  Op *op = single_op (step);
  const int *before = step->selection_before;

  if (op == NULL || before[0] != before[1])
    return STEP_OTHER;
  if (op->kind == OP_INSERT)
    return STEP_TYPING;
  if (op->kind != OP_DELETE || strchr (op->text, '\n') != NULL)
    return STEP_OTHER;
  if (before[0] == op->end)
    return STEP_BACKSPACE;
  if (before[0] == op->start)
    return STEP_DELETE_KEY;

  return STEP_OTHER;
}

static gboolean
only_spaces (const char *text)
{
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;

  return TRUE;
}

static gboolean
ends_with_space (const char *text)
{
  const char *last = *text != '\0' ? g_utf8_prev_char (text + strlen (text)) : NULL;

  return last != NULL && g_unichar_isspace (g_utf8_get_char (last));
}

/* GtkTextHistory's rule: a word and the spaces after it are one step; a
 * new word or a newline starts the next. Deleting runs the same rule
 * backwards. */
static gboolean
continues (const Step *previous,
           const Step *step)
{
  if (step->kind != previous->kind || step->kind == STEP_OTHER ||
      step->time - previous->time > PAUSE_USEC)
    return FALSE;

  /* Right after the text typed, before the text deleted by Backspace, at
   * the place of the text deleted by Delete. */
  switch (step->kind)
    {
    case STEP_TYPING:
      if (step->chunk_start != previous->chunk_end)
        return FALSE;
      break;
    case STEP_BACKSPACE:
      if (step->chunk_end != previous->chunk_start)
        return FALSE;
      break;
    case STEP_DELETE_KEY:
      if (step->chunk_start != previous->chunk_start)
        return FALSE;
      break;
    case STEP_OTHER:
    default:
      return FALSE;
    }

  if (strchr (previous->chunk, '\n') != NULL || strchr (step->chunk, '\n') != NULL)
    return FALSE;
  if (ends_with_space (previous->chunk) && !only_spaces (step->chunk))
    return FALSE;

  return TRUE;
}

static void
push_step (BylineBodyHistory *self,
           Step              *step)
{
  Step *previous = g_queue_peek_head (&self->undo);

  if (previous != NULL && !self->broken && continues (previous, step))
    {
      g_ptr_array_extend_and_steal (previous->ops, g_steal_pointer (&step->ops));
      memcpy (previous->selection_after, step->selection_after, sizeof step->selection_after);
      previous->tail_after = step->tail_after;
      previous->chunk = step->chunk;
      previous->chunk_start = step->chunk_start;
      previous->chunk_end = step->chunk_end;
      previous->time = step->time;
      step_free (step);
    }
  else
    {
      g_queue_push_head (&self->undo, step);
      if (self->undo.length > MAX_STEPS)
        step_free (g_queue_pop_tail (&self->undo));
    }

  g_queue_clear_full (&self->redo, step_free);
  self->broken = FALSE;
  self->chain_caret = ((Step *) g_queue_peek_head (&self->undo))->selection_after[0];
  update_can (self);
}

static void
close_step (BylineBodyHistory *self)
{
  Step *step = g_steal_pointer (&self->current);
  Op *op;

  g_assert (step != NULL);

  get_selection (self, step->selection_after);
  step->tail_after = byline_body_buffer_get_tail_style (self->buffer);
  if (step->ops->len == 0 && step->tail_after == step->tail_before)
    {
      step_free (step);
      return;
    }

  step->kind = classify (step);
  op = single_op (step);
  step->chunk = op != NULL && op->text != NULL ? op->text : "";
  step->chunk_start = op != NULL ? op->start : -1;
  step->chunk_end = op != NULL ? op->end : -1;
  step->time = g_get_monotonic_time ();
  push_step (self, step);
}

/* A change outside any user action is a step of its own; the changes the
 * buffer makes while handling it belong to it. */
static void
begin_change (BylineBodyHistory *self)
{
  if (self->current == NULL)
    {
      open_step (self);
      self->implicit = TRUE;
    }
}

static void
end_change (BylineBodyHistory *self)
{
  if (self->implicit && self->pending->len == 0)
    {
      self->implicit = FALSE;
      close_step (self);
    }
}

/* Signal handlers ---------------------------------------------------------- */

static void
begin_user_action_cb (BylineBodyHistory *self)
{
  if (!recording (self) || self->current != NULL)
    return;

  open_step (self);
  self->in_user_action = TRUE;
}

static void
end_user_action_cb (BylineBodyHistory *self)
{
  if (!self->in_user_action)
    return;

  self->in_user_action = FALSE;
  close_step (self);
}

static void
insert_text_cb (BylineBodyHistory *self,
                GtkTextIter       *iter)
{
  int offset = gtk_text_iter_get_offset (iter);

  if (!recording (self))
    return;

  begin_change (self);
  g_ptr_array_add (self->pending, add_op (self, OP_INSERT, offset, offset));
}

static void
insert_text_after_cb (BylineBodyHistory *self,
                      GtkTextIter       *iter)
{
  Op *op;
  GtkTextIter start;

  if (!recording (self))
    return;

  op = g_ptr_array_steal_index (self->pending, self->pending->len - 1);
  op->end = gtk_text_iter_get_offset (iter);
  iter_at (self, &start, op->start);
  op->text = gtk_text_iter_get_slice (&start, iter);
  end_change (self);
}

static void
delete_range_cb (BylineBodyHistory *self,
                 GtkTextIter       *start,
                 GtkTextIter       *end)
{
  g_autoptr(GPtrArray) tags = NULL;
  GtkTextIter from = *start, to = *end;
  Op *op;

  if (!recording (self))
    return;

  gtk_text_iter_order (&from, &to);
  begin_change (self);
  op = add_op (self, OP_DELETE, gtk_text_iter_get_offset (&from), gtk_text_iter_get_offset (&to));
  op->text = gtk_text_iter_get_slice (&from, &to);
  op->objects = collect_objects (&from, &to);
  op->runs = runs_new ();
  tags = format_tags_in (self, &from, &to);
  for (guint i = 0; i < tags->len; i++)
    collect_runs (tags->pdata[i], &from, &to, op->runs);
  g_ptr_array_add (self->pending, op);
}

static void
delete_range_after_cb (BylineBodyHistory *self)
{
  if (!recording (self))
    return;

  g_ptr_array_remove_index (self->pending, self->pending->len - 1);
  end_change (self);
}

static void
insert_child_anchor_cb (BylineBodyHistory  *self,
                        GtkTextIter        *iter,
                        GtkTextChildAnchor *anchor)
{
  int offset = gtk_text_iter_get_offset (iter);
  const char *photo_id = byline_body_buffer_get_anchor_photo (anchor);
  Op *op;

  if (!recording (self))
    return;

  begin_change (self);
  op = add_op (self, OP_ANCHOR, offset, offset + 1);
  op->photo_id = g_strdup (photo_id != NULL ? photo_id : "");
  end_change (self);
}

/* Records a tag applied (@apply) or removed over [start, end) with the
 * runs of it there before; a change that changes nothing is left out. */
static void
tag_changed (BylineBodyHistory *self,
             GtkTextTag        *tag,
             const GtkTextIter *start,
             const GtkTextIter *end,
             gboolean           apply)
{
  g_autoptr(GArray) runs = NULL;
  GtkTextIter from = *start, to = *end;
  Op *op;

  if (!recording (self) || !byline_body_buffer_is_format_tag (self->buffer, tag))
    return;

  gtk_text_iter_order (&from, &to);
  if (gtk_text_iter_equal (&from, &to))
    return;
  runs = runs_new ();
  collect_runs (tag, &from, &to, runs);
  if (apply ? runs->len == 1 && g_array_index (runs, Run, 0).start == gtk_text_iter_get_offset (&from) &&
                g_array_index (runs, Run, 0).end == gtk_text_iter_get_offset (&to)
            : runs->len == 0)
    return;

  begin_change (self);
  op = add_op (self, apply ? OP_APPLY : OP_REMOVE,
               gtk_text_iter_get_offset (&from), gtk_text_iter_get_offset (&to));
  op->tag = g_object_ref (tag);
  op->runs = g_steal_pointer (&runs);
  end_change (self);
}

static void
apply_tag_cb (BylineBodyHistory *self,
              GtkTextTag        *tag,
              GtkTextIter       *start,
              GtkTextIter       *end)
{
  tag_changed (self, tag, start, end, TRUE);
}

static void
remove_tag_cb (BylineBodyHistory *self,
               GtkTextTag        *tag,
               GtkTextIter       *start,
               GtkTextIter       *end)
{
  tag_changed (self, tag, start, end, FALSE);
}

/* A caret moved by the user (not by an edit) ends the typing step. */
static void
mark_set_cb (BylineBodyHistory *self,
             GtkTextIter       *location,
             GtkTextMark       *mark)
{
  if (!recording (self) || self->current != NULL ||
      mark != gtk_text_buffer_get_insert (text_buffer (self)))
    return;

  if (gtk_text_iter_get_offset (location) != self->chain_caret)
    self->broken = TRUE;
}

static void
tag_removed_cb (BylineBodyHistory *self,
                GtkTextTag        *tag)
{
  /* Steps may still hold the tag: put it back when they need it. */
  g_object_set_data (G_OBJECT (tag), REMOVED_KEY, GINT_TO_POINTER (TRUE));
}

/* Replay ------------------------------------------------------------------- */

static GtkTextTag *
usable_tag (BylineBodyHistory *self,
            GtkTextTag        *tag)
{
  if (g_object_get_data (G_OBJECT (tag), REMOVED_KEY) != NULL)
    {
      g_object_set_data (G_OBJECT (tag), REMOVED_KEY, NULL);
      gtk_text_tag_table_add (gtk_text_buffer_get_tag_table (text_buffer (self)), tag);
    }

  return tag;
}

static void
set_tag (BylineBodyHistory *self,
         GtkTextTag        *tag,
         int                start,
         int                end,
         gboolean           apply)
{
  GtkTextIter from, to;

  iter_at (self, &from, start);
  iter_at (self, &to, end);
  if (apply)
    gtk_text_buffer_apply_tag (text_buffer (self), usable_tag (self, tag), &from, &to);
  else
    gtk_text_buffer_remove_tag (text_buffer (self), usable_tag (self, tag), &from, &to);
}

static void
apply_runs (BylineBodyHistory *self,
            GArray            *runs)
{
  for (guint i = 0; i < runs->len; i++)
    {
      const Run *run = &g_array_index (runs, Run, i);

      set_tag (self, run->tag, run->start, run->end, TRUE);
    }
}

static void
delete_offsets (BylineBodyHistory *self,
                int                start,
                int                end)
{
  GtkTextIter from, to;

  iter_at (self, &from, start);
  iter_at (self, &to, end);
  gtk_text_buffer_delete (text_buffer (self), &from, &to);
}

static void
insert_object (BylineBodyHistory *self,
               GtkTextIter       *iter,
               const char        *photo_id)
{
  if (photo_id == NULL)
    gtk_text_buffer_insert (text_buffer (self), iter, "\xef\xbf\xbc", -1);
  else if (*photo_id != '\0')
    byline_body_buffer_insert_photo (self->buffer, iter, photo_id);
  else
    {
      g_autoptr(GtkTextChildAnchor) anchor = gtk_text_child_anchor_new ();

      gtk_text_buffer_insert_child_anchor (text_buffer (self), iter, anchor);
    }
}

/* Puts deleted text back: the characters, the photo cards, then exactly
 * the format tags it had (the text picked up its neighbours' on the way
 * in). */
static void
restore_deleted (BylineBodyHistory *self,
                 const Op          *op)
{
  g_autoptr(GPtrArray) tags = NULL;
  const char *segment = op->text;
  guint object = 0;
  GtkTextIter iter, start;

  iter_at (self, &iter, op->start);
  for (const char *p = segment; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_utf8_get_char (p) != OBJECT_CHAR)
        continue;
      gtk_text_buffer_insert (text_buffer (self), &iter, segment, p - segment);
      insert_object (self, &iter, op->objects->pdata[object++]);
      segment = g_utf8_next_char (p);
    }
  gtk_text_buffer_insert (text_buffer (self), &iter, segment, -1);

  iter_at (self, &start, op->start);
  tags = format_tags_in (self, &start, &iter);
  for (guint i = 0; i < tags->len; i++)
    gtk_text_buffer_remove_tag (text_buffer (self), tags->pdata[i], &start, &iter);
  apply_runs (self, op->runs);
}

static void
undo_op (BylineBodyHistory *self,
         const Op          *op)
{
  switch (op->kind)
    {
    case OP_INSERT:
    case OP_ANCHOR:
      delete_offsets (self, op->start, op->end);
      break;
    case OP_DELETE:
      restore_deleted (self, op);
      break;
    case OP_APPLY:
    case OP_REMOVE:
      set_tag (self, op->tag, op->start, op->end, FALSE);
      apply_runs (self, op->runs);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
redo_op (BylineBodyHistory *self,
         const Op          *op)
{
  GtkTextIter iter;

  switch (op->kind)
    {
    case OP_INSERT:
      iter_at (self, &iter, op->start);
      gtk_text_buffer_insert (text_buffer (self), &iter, op->text, -1);
      break;
    case OP_ANCHOR:
      iter_at (self, &iter, op->start);
      insert_object (self, &iter, op->photo_id);
      break;
    case OP_DELETE:
      delete_offsets (self, op->start, op->end);
      break;
    case OP_APPLY:
    case OP_REMOVE:
      set_tag (self, op->tag, op->start, op->end, op->kind == OP_APPLY);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
select_offsets (BylineBodyHistory *self,
                const int          selection[2])
{
  GtkTextIter insert, bound;

  iter_at (self, &insert, selection[0]);
  iter_at (self, &bound, selection[1]);
  gtk_text_buffer_select_range (text_buffer (self), &insert, &bound);
}

/* Moves the newest step of @from to @to, undoing or redoing it. */
static void
replay (BylineBodyHistory *self,
        GQueue            *from,
        GQueue            *to,
        gboolean           undo)
{
  Step *step = g_queue_pop_head (from);

  self->replaying = TRUE;
  byline_body_buffer_begin_replay (self->buffer);

  if (undo)
    for (guint i = step->ops->len; i > 0; i--)
      undo_op (self, step->ops->pdata[i - 1]);
  else
    for (guint i = 0; i < step->ops->len; i++)
      redo_op (self, step->ops->pdata[i]);
  byline_body_buffer_set_tail_style (self->buffer, undo ? step->tail_before : step->tail_after);
  select_offsets (self, undo ? step->selection_before : step->selection_after);

  byline_body_buffer_end_replay (self->buffer);
  self->replaying = FALSE;

  g_queue_push_head (to, step);
  self->broken = TRUE;
  update_can (self);
}

/* Public API --------------------------------------------------------------- */

gboolean
byline_body_history_get_can_undo (BylineBodyHistory *self)
{
  g_return_val_if_fail (BYLINE_IS_BODY_HISTORY (self), FALSE);

  return self->can_undo;
}

gboolean
byline_body_history_get_can_redo (BylineBodyHistory *self)
{
  g_return_val_if_fail (BYLINE_IS_BODY_HISTORY (self), FALSE);

  return self->can_redo;
}

void
byline_body_history_undo (BylineBodyHistory *self)
{
  g_return_if_fail (BYLINE_IS_BODY_HISTORY (self));
  /* Not from inside a change: its records would be half made. */
  g_return_if_fail (self->current == NULL);

  if (self->buffer != NULL && self->undo.length > 0)
    replay (self, &self->undo, &self->redo, TRUE);
}

void
byline_body_history_redo (BylineBodyHistory *self)
{
  g_return_if_fail (BYLINE_IS_BODY_HISTORY (self));
  g_return_if_fail (self->current == NULL);

  if (self->buffer != NULL && self->redo.length > 0)
    replay (self, &self->redo, &self->undo, FALSE);
}

void
byline_body_history_break_group (BylineBodyHistory *self)
{
  g_return_if_fail (BYLINE_IS_BODY_HISTORY (self));

  self->broken = TRUE;
}

void
byline_body_history_begin_irreversible (BylineBodyHistory *self)
{
  g_return_if_fail (BYLINE_IS_BODY_HISTORY (self));

  self->irreversible++;
}

void
byline_body_history_end_irreversible (BylineBodyHistory *self)
{
  g_return_if_fail (BYLINE_IS_BODY_HISTORY (self));
  g_return_if_fail (self->irreversible > 0);

  if (--self->irreversible > 0)
    return;

  /* Offsets recorded before no longer mean anything. */
  g_queue_clear_full (&self->undo, step_free);
  g_queue_clear_full (&self->redo, step_free);
  self->broken = TRUE;
  update_can (self);
}

/* GObject ------------------------------------------------------------------ */

BylineBodyHistory *
byline_body_history_new (BylineBodyBuffer *buffer)
{
  BylineBodyHistory *self;
  const struct {
    const char    *name;
    GCallback      callback;
    GConnectFlags  flags;
  } handlers[] = {
    { "begin-user-action", G_CALLBACK (begin_user_action_cb), 0 },
    { "end-user-action", G_CALLBACK (end_user_action_cb), 0 },
    { "insert-text", G_CALLBACK (insert_text_cb), 0 },
    { "insert-text", G_CALLBACK (insert_text_after_cb), G_CONNECT_AFTER },
    { "delete-range", G_CALLBACK (delete_range_cb), 0 },
    { "delete-range", G_CALLBACK (delete_range_after_cb), G_CONNECT_AFTER },
    { "insert-child-anchor", G_CALLBACK (insert_child_anchor_cb), 0 },
    { "apply-tag", G_CALLBACK (apply_tag_cb), 0 },
    { "remove-tag", G_CALLBACK (remove_tag_cb), 0 },
    { "mark-set", G_CALLBACK (mark_set_cb), 0 },
    /* A paste is one step: typing after it starts another. */
    { "paste-done", G_CALLBACK (byline_body_history_break_group), 0 },
  };

  g_return_val_if_fail (BYLINE_IS_BODY_BUFFER (buffer), NULL);

  self = g_object_new (BYLINE_TYPE_BODY_HISTORY, NULL);
  self->buffer = buffer;
  /* Before the buffer's handlers: what a deletion removes is still there
   * to record, and the tag changes the buffer makes while inserting come
   * after the insertion in the record. */
  for (guint i = 0; i < G_N_ELEMENTS (handlers); i++)
    g_signal_connect_data (buffer, handlers[i].name, handlers[i].callback, self, NULL,
                           G_CONNECT_SWAPPED | handlers[i].flags);
  g_signal_connect_swapped (gtk_text_buffer_get_tag_table (GTK_TEXT_BUFFER (buffer)), "tag-removed",
                            G_CALLBACK (tag_removed_cb), self);

  return self;
}

static void
byline_body_history_dispose (GObject *object)
{
  BylineBodyHistory *self = BYLINE_BODY_HISTORY (object);

  if (self->buffer != NULL)
    {
      g_signal_handlers_disconnect_by_data (gtk_text_buffer_get_tag_table (text_buffer (self)), self);
      g_signal_handlers_disconnect_by_data (self->buffer, self);
      self->buffer = NULL;
    }
  g_queue_clear_full (&self->undo, step_free);
  g_queue_clear_full (&self->redo, step_free);
  g_clear_pointer (&self->current, step_free);

  G_OBJECT_CLASS (byline_body_history_parent_class)->dispose (object);
}

static void
byline_body_history_finalize (GObject *object)
{
  BylineBodyHistory *self = BYLINE_BODY_HISTORY (object);

  g_ptr_array_unref (self->pending);

  G_OBJECT_CLASS (byline_body_history_parent_class)->finalize (object);
}

static void
byline_body_history_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  BylineBodyHistory *self = BYLINE_BODY_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, self->can_undo);
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, self->can_redo);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_body_history_class_init (BylineBodyHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = byline_body_history_dispose;
  object_class->finalize = byline_body_history_finalize;
  object_class->get_property = byline_body_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
byline_body_history_init (BylineBodyHistory *self)
{
  g_queue_init (&self->undo);
  g_queue_init (&self->redo);
  self->pending = g_ptr_array_new ();
  self->chain_caret = -1;
}
