/* wp-testbed.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real WordPress of tests/wordpress/testbed, for the tests of the
 * 'wordpress' suite.
 */

#pragma once

#include <glib.h>

typedef struct
{
  char *url;
  char *https_url;
  char *ca;
  char *api_root;
  char *author;
  char *author_password;
  char *admin;
  char *admin_password;
} Testbed;

extern Testbed testbed;

gboolean testbed_load (void);
