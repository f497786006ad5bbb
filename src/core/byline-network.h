/* byline-network.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whether the network is up, behind a small object the outbox listens to.
 * In the application it follows GNetworkMonitor; tests make one they can
 * switch, because the monitor says "available" on machines that cannot
 * reach anything.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define BYLINE_TYPE_NETWORK (byline_network_get_type ())

G_DECLARE_FINAL_TYPE (BylineNetwork, byline_network, BYLINE, NETWORK, GObject)

/* Follows g_network_monitor_get_default(). */
BylineNetwork *byline_network_new               (void);
/* Follows nothing: only byline_network_set_available() changes it. */
BylineNetwork *byline_network_new_for_testing   (gboolean       available);
gboolean       byline_network_get_available     (BylineNetwork *self);
/* Only for networks made with byline_network_new_for_testing(). */
void           byline_network_set_available     (BylineNetwork *self,
                                                 gboolean       available);

G_END_DECLS
