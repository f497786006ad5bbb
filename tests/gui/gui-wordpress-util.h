/* gui-wordpress-util.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window against the testbed's WordPress, as the reporter drives it:
 * shared by test-gui-wordpress and publish-screenshot.
 */

#pragma once

#include <adwaita.h>

#include "byline-application.h"

/* The visible toplevel of @type, or NULL. */
GtkWindow *gui_wp_find_toplevel     (GType              type);
GtkWidget *gui_wp_find_descendant   (GtkWidget         *widget,
                                     GType              type);
/* The button labelled @label (mnemonic included) under @widget, or NULL. */
GtkWidget *gui_wp_find_button       (GtkWidget         *widget,
                                     const char        *label);
/* Waits for the message dialog, checks its @heading, clicks the button
 * labelled @label and waits until the dialog is gone. */
void       gui_wp_click_response    (const char        *heading,
                                     const char        *label);
/* Fills in the testbed's site with @password in Preferences → Sites and
 * presses Add; waits for the answer. */
void       gui_wp_fill_site         (GtkWidget         *sites_page,
                                     const char        *password);
/* Opens Preferences → Sites, returns the page (the window is its root). */
GtkWidget *gui_wp_show_sites_page   (BylineApplication *app);
