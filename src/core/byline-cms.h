/* byline-cms.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Errors ------------------------------------------------------------------ *
 *
 * Every backend maps HTTP replies and transport failures to these codes in
 * one function. G_IO_ERROR_CANCELLED passes through unchanged.
 *
 * Retry-After: BYLINE_CMS_ERROR is an extended error domain, so the delay a
 * 429 or 503 asked for travels inside the GError (and survives
 * g_error_copy()): byline_cms_error_get_retry_after() gives it in seconds,
 * whether the server sent seconds or an HTTP date, or -1. Nothing is kept
 * on the client, so concurrent calls cannot read each other's.
 *
 * byline_cms_error_is_transient(): NETWORK, RATE_LIMITED and SERVER may
 * succeed later unchanged; the others need a person (or a different
 * request). NETWORK includes what something between us and the site does
 * to a good reply: a body cut short, a Wi-Fi login or proxy page in its
 * place. PROTOCOL is a reply that would be the same next time (JSON of
 * the wrong shape, PHP's warnings, a page where discovery expected the
 * API). */

#define BYLINE_CMS_ERROR (byline_cms_error_quark ())

typedef enum
{
  BYLINE_CMS_ERROR_AUTH,
  BYLINE_CMS_ERROR_FORBIDDEN,
  BYLINE_CMS_ERROR_NOT_FOUND,
  BYLINE_CMS_ERROR_CONFLICT,
  BYLINE_CMS_ERROR_VALIDATION,
  BYLINE_CMS_ERROR_RATE_LIMITED,
  BYLINE_CMS_ERROR_SERVER,
  BYLINE_CMS_ERROR_NETWORK,
  BYLINE_CMS_ERROR_TLS,
  BYLINE_CMS_ERROR_PROTOCOL,
} BylineCmsError;

GQuark      byline_cms_error_quark            (void);
GError     *byline_cms_error_new              (BylineCmsError  code,
                                               gint64          retry_after,
                                               const char     *message);
gboolean    byline_cms_error_is_transient     (const GError   *error);
gint64      byline_cms_error_get_retry_after  (const GError   *error);
gint64      byline_cms_parse_retry_after      (const char     *value,
                                               GDateTime      *now);

/* Values ------------------------------------------------------------------ */

#define BYLINE_TYPE_CMS_SITE_INFO (byline_cms_site_info_get_type ())
#define BYLINE_TYPE_CMS_USER      (byline_cms_user_get_type ())
#define BYLINE_TYPE_CMS_TERM      (byline_cms_term_get_type ())
#define BYLINE_TYPE_CMS_MEDIA     (byline_cms_media_get_type ())
#define BYLINE_TYPE_CMS_POST      (byline_cms_post_get_type ())

/* What discovery learns about a site. gmt_offset is in seconds. */
typedef struct
{
  char     *api_root;
  char     *name;
  char     *timezone_string;
  int       gmt_offset;
  char    **namespaces;
  gboolean  application_passwords;
} BylineCmsSiteInfo;

typedef struct
{
  gint64   id;
  char    *name;
  char    *username;
  char   **roles;
  char   **capabilities;   /* only those granted */
} BylineCmsUser;

typedef struct
{
  gint64  id;
  gint64  parent;
  char   *name;
  char   *slug;
} BylineCmsTerm;

typedef struct
{
  gint64  id;
  gint64  post;
  char   *source_url;
  char   *file_name;   /* the name WordPress stored the upload under */
} BylineCmsMedia;

/* A post, both to send and as read back. Unset fields are NULL (strings,
 * arrays) or -1 (featured_media); only set fields are sent. featured_media 0
 * means "no featured image". Strings are NFC UTF-8; date_gmt is
 * "YYYY-MM-DDTHH:MM:SS". The read-only fields are only filled on replies. */
typedef struct
{
  gint64   id;
  char    *status;
  char    *slug;
  char    *title;
  char    *content;
  char    *excerpt;
  char    *date_gmt;
  GArray  *categories;   /* of gint64 */
  GArray  *tags;         /* of gint64 */
  gint64   featured_media;

  /* read only */
  char    *link;
  char    *modified_gmt;
} BylineCmsPost;

GType              byline_cms_site_info_get_type (void) G_GNUC_CONST;
BylineCmsSiteInfo *byline_cms_site_info_copy     (const BylineCmsSiteInfo *info);
void               byline_cms_site_info_free     (BylineCmsSiteInfo       *info);

GType              byline_cms_user_get_type      (void) G_GNUC_CONST;
BylineCmsUser     *byline_cms_user_copy          (const BylineCmsUser     *user);
void               byline_cms_user_free          (BylineCmsUser           *user);
gboolean           byline_cms_user_has_role      (const BylineCmsUser     *user,
                                                  const char              *role);

GType              byline_cms_term_get_type      (void) G_GNUC_CONST;
BylineCmsTerm     *byline_cms_term_new           (gint64                   id,
                                                  const char              *name);
BylineCmsTerm     *byline_cms_term_copy          (const BylineCmsTerm     *term);
void               byline_cms_term_free          (BylineCmsTerm           *term);

GType              byline_cms_media_get_type     (void) G_GNUC_CONST;
BylineCmsMedia    *byline_cms_media_copy         (const BylineCmsMedia    *media);
void               byline_cms_media_free         (BylineCmsMedia          *media);

GType              byline_cms_post_get_type      (void) G_GNUC_CONST;
BylineCmsPost     *byline_cms_post_new           (void);
BylineCmsPost     *byline_cms_post_copy          (const BylineCmsPost     *post);
void               byline_cms_post_free          (BylineCmsPost           *post);
void               byline_cms_post_set_ids       (GArray                 **ids,
                                                  const gint64            *values,
                                                  guint                    n_values);
/* Title and excerpt go as HTML (byline_cms_text_to_html()) and come back
 * as text. */
JsonNode          *byline_cms_post_to_json       (const BylineCmsPost     *post);
BylineCmsPost     *byline_cms_post_new_from_json (JsonNode                *node);
char              *byline_cms_post_digest        (const BylineCmsPost     *post);

char              *byline_cms_text_to_html       (const char              *text);
char              *byline_cms_text_from_html     (const char              *html);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineCmsSiteInfo, byline_cms_site_info_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineCmsUser, byline_cms_user_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineCmsTerm, byline_cms_term_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineCmsMedia, byline_cms_media_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineCmsPost, byline_cms_post_free)

/* Upload progress: bytes of the file sent so far, of total. Called on the
 * thread-default main context of the upload call. */
typedef void (*BylineCmsProgressFunc) (goffset  sent,
                                       goffset  total,
                                       gpointer user_data);

/* The interface ----------------------------------------------------------- */

#define BYLINE_TYPE_CMS (byline_cms_get_type ())

G_DECLARE_INTERFACE (BylineCms, byline_cms, BYLINE, CMS, GObject)

/* Implementations complete every call through a GTask whose source object is
 * the BylineCms, returning the documented pointer type (or a boolean), so
 * the _finish functions are shared. */
struct _BylineCmsInterface
{
  GTypeInterface parent_iface;

  void (*discover)           (BylineCms             *self,
                              GCancellable          *cancellable,
                              GAsyncReadyCallback    callback,
                              gpointer               user_data);
  void (*verify)             (BylineCms             *self,
                              GCancellable          *cancellable,
                              GAsyncReadyCallback    callback,
                              gpointer               user_data);
  void (*fetch_terms)        (BylineCms             *self,
                              const char            *taxonomy,
                              GCancellable          *cancellable,
                              GAsyncReadyCallback    callback,
                              gpointer               user_data);
  void (*create_tag)         (BylineCms             *self,
                              const char            *name,
                              GCancellable          *cancellable,
                              GAsyncReadyCallback    callback,
                              gpointer               user_data);
  void (*upload_media)       (BylineCms             *self,
                              GFile                 *file,
                              const char            *file_name,
                              gint64                 post_id,
                              const char            *title,
                              const char            *caption,
                              const char            *alt_text,
                              const char            *description,
                              BylineCmsProgressFunc  progress,
                              gpointer               progress_data,
                              GCancellable          *cancellable,
                              GAsyncReadyCallback    callback,
                              gpointer               user_data);
  void (*find_media)         (BylineCms             *self,
                              gint64                 post_id,
                              const char            *file_name,
                              GCancellable          *cancellable,
                              GAsyncReadyCallback    callback,
                              gpointer               user_data);
  void (*save_post)          (BylineCms             *self,
                              const BylineCmsPost   *post,
                              GCancellable          *cancellable,
                              GAsyncReadyCallback    callback,
                              gpointer               user_data);
  void (*get_post)           (BylineCms             *self,
                              gint64                 post_id,
                              GCancellable          *cancellable,
                              GAsyncReadyCallback    callback,
                              gpointer               user_data);
  void (*find_post_by_slug)  (BylineCms             *self,
                              const char            *slug,
                              GCancellable          *cancellable,
                              GAsyncReadyCallback    callback,
                              gpointer               user_data);
};

void               byline_cms_discover_async          (BylineCms             *self,
                                                       GCancellable          *cancellable,
                                                       GAsyncReadyCallback    callback,
                                                       gpointer               user_data);
BylineCmsSiteInfo *byline_cms_discover_finish         (BylineCms             *self,
                                                       GAsyncResult          *result,
                                                       GError               **error);
void               byline_cms_verify_async            (BylineCms             *self,
                                                       GCancellable          *cancellable,
                                                       GAsyncReadyCallback    callback,
                                                       gpointer               user_data);
BylineCmsUser     *byline_cms_verify_finish           (BylineCms             *self,
                                                       GAsyncResult          *result,
                                                       GError               **error);
void               byline_cms_fetch_categories_async  (BylineCms             *self,
                                                       GCancellable          *cancellable,
                                                       GAsyncReadyCallback    callback,
                                                       gpointer               user_data);
GPtrArray         *byline_cms_fetch_categories_finish (BylineCms             *self,
                                                       GAsyncResult          *result,
                                                       GError               **error);
void               byline_cms_fetch_tags_async        (BylineCms             *self,
                                                       GCancellable          *cancellable,
                                                       GAsyncReadyCallback    callback,
                                                       gpointer               user_data);
GPtrArray         *byline_cms_fetch_tags_finish       (BylineCms             *self,
                                                       GAsyncResult          *result,
                                                       GError               **error);
void               byline_cms_create_tag_async        (BylineCms             *self,
                                                       const char            *name,
                                                       GCancellable          *cancellable,
                                                       GAsyncReadyCallback    callback,
                                                       gpointer               user_data);
BylineCmsTerm     *byline_cms_create_tag_finish       (BylineCms             *self,
                                                       GAsyncResult          *result,
                                                       GError               **error);
void               byline_cms_media_file_name_async   (GFile                 *file,
                                                       GCancellable          *cancellable,
                                                       GAsyncReadyCallback    callback,
                                                       gpointer               user_data);
char              *byline_cms_media_file_name_finish  (GAsyncResult          *result,
                                                       GError               **error);
void               byline_cms_upload_media_async      (BylineCms             *self,
                                                       GFile                 *file,
                                                       const char            *file_name,
                                                       gint64                 post_id,
                                                       const char            *title,
                                                       const char            *caption,
                                                       const char            *alt_text,
                                                       const char            *description,
                                                       BylineCmsProgressFunc  progress,
                                                       gpointer               progress_data,
                                                       GCancellable          *cancellable,
                                                       GAsyncReadyCallback    callback,
                                                       gpointer               user_data);
BylineCmsMedia    *byline_cms_upload_media_finish     (BylineCms             *self,
                                                       GAsyncResult          *result,
                                                       GError               **error);
void               byline_cms_find_media_async        (BylineCms             *self,
                                                       gint64                 post_id,
                                                       const char            *file_name,
                                                       GCancellable          *cancellable,
                                                       GAsyncReadyCallback    callback,
                                                       gpointer               user_data);
BylineCmsMedia    *byline_cms_find_media_finish       (BylineCms             *self,
                                                       GAsyncResult          *result,
                                                       GError               **error);
void               byline_cms_create_post_async       (BylineCms             *self,
                                                       const BylineCmsPost   *post,
                                                       GCancellable          *cancellable,
                                                       GAsyncReadyCallback    callback,
                                                       gpointer               user_data);
BylineCmsPost     *byline_cms_create_post_finish      (BylineCms             *self,
                                                       GAsyncResult          *result,
                                                       GError               **error);
void               byline_cms_update_post_async       (BylineCms             *self,
                                                       const BylineCmsPost   *post,
                                                       GCancellable          *cancellable,
                                                       GAsyncReadyCallback    callback,
                                                       gpointer               user_data);
BylineCmsPost     *byline_cms_update_post_finish      (BylineCms             *self,
                                                       GAsyncResult          *result,
                                                       GError               **error);
void               byline_cms_get_post_async          (BylineCms             *self,
                                                       gint64                 post_id,
                                                       GCancellable          *cancellable,
                                                       GAsyncReadyCallback    callback,
                                                       gpointer               user_data);
BylineCmsPost     *byline_cms_get_post_finish         (BylineCms             *self,
                                                       GAsyncResult          *result,
                                                       GError               **error);
void               byline_cms_find_post_by_slug_async (BylineCms             *self,
                                                       const char            *slug,
                                                       GCancellable          *cancellable,
                                                       GAsyncReadyCallback    callback,
                                                       gpointer               user_data);
BylineCmsPost     *byline_cms_find_post_by_slug_finish (BylineCms            *self,
                                                       GAsyncResult          *result,
                                                       GError               **error);

G_END_DECLS
