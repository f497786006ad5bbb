/* wp-admin.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The testbed's site as the desk sees it: the administrator reads it back
 * through the REST API, independently of the code under test.
 */

#pragma once

#include <json-glib/json-glib.h>

/* Fails the test unless WordPress answers 200 (or 201). */
JsonNode   *wp_admin_request     (const char *method,
                                  const char *route,
                                  const char *query,
                                  const char *body);
guint       wp_admin_count       (const char *route,
                                  const char *query);
/* Posts of any status whose title or content has @word. */
guint       wp_admin_posts_with  (const char *word);
/* Media items attached to @post_id. */
guint       wp_admin_media_of    (gint64      post_id);
JsonObject *wp_admin_get_post    (gint64      post_id);
/* The desk makes the tags an author may not create. */
void        wp_admin_ensure_tag  (const char *name);
