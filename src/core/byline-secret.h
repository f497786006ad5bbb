/* byline-secret.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define BYLINE_SECRET_ERROR (byline_secret_error_quark ())

typedef enum
{
  BYLINE_SECRET_ERROR_NO_KEYRING,
  BYLINE_SECRET_ERROR_FAILED,
} BylineSecretError;

GQuark    byline_secret_error_quark  (void);

void      byline_secret_store_async  (const char           *site_id,
                                      const char           *user,
                                      const char           *site_name,
                                      const char           *password,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
gboolean  byline_secret_store_finish (GAsyncResult         *result,
                                      GError              **error);
void      byline_secret_lookup_async (const char           *site_id,
                                      const char           *user,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
char     *byline_secret_lookup_finish (GAsyncResult        *result,
                                      GError              **error);
void      byline_secret_clear_async  (const char           *site_id,
                                      const char           *user,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
gboolean  byline_secret_clear_finish (GAsyncResult         *result,
                                      GError              **error);
void      byline_secret_free         (char                 *password);

G_END_DECLS
