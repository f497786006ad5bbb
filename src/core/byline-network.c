/* byline-network.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "byline-network.h"

struct _BylineNetwork
{
  GObject          parent_instance;
  GNetworkMonitor *monitor;   /* NULL for a test double */
  gboolean         available;
};

enum {
  PROP_0,
  PROP_AVAILABLE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (BylineNetwork, byline_network, G_TYPE_OBJECT)

/* The one place the state changes: "changed" and notify only on a real
 * change, so listeners can start work on every emission. */
static void
byline_network_update (BylineNetwork *self,
                       gboolean       available)
{
  g_assert (BYLINE_IS_NETWORK (self));

  available = !!available;
  if (self->available == available)
    return;

  self->available = available;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AVAILABLE]);
  g_signal_emit (self, signals[CHANGED], 0, available);
}

static void
byline_network_monitor_changed_cb (GNetworkMonitor *monitor,
                                   gboolean         available,
                                   BylineNetwork   *self)
{
  byline_network_update (self, available);
}

static void
byline_network_dispose (GObject *object)
{
  BylineNetwork *self = BYLINE_NETWORK (object);

  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->monitor, self);
  g_clear_object (&self->monitor);

  G_OBJECT_CLASS (byline_network_parent_class)->dispose (object);
}

static void
byline_network_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BylineNetwork *self = BYLINE_NETWORK (object);

  switch (prop_id)
    {
    case PROP_AVAILABLE:
      g_value_set_boolean (value, self->available);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_network_class_init (BylineNetworkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = byline_network_dispose;
  object_class->get_property = byline_network_get_property;

  properties[PROP_AVAILABLE] =
    g_param_spec_boolean ("available", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BylineNetwork::changed:
   * @available: the new state
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
}

static void
byline_network_init (BylineNetwork *self)
{
}

BylineNetwork *
byline_network_new (void)
{
  BylineNetwork *self = g_object_new (BYLINE_TYPE_NETWORK, NULL);

  self->monitor = g_object_ref (g_network_monitor_get_default ());
  self->available = g_network_monitor_get_network_available (self->monitor);
  g_signal_connect (self->monitor, "network-changed",
                    G_CALLBACK (byline_network_monitor_changed_cb), self);
  return self;
}

BylineNetwork *
byline_network_new_for_testing (gboolean available)
{
  BylineNetwork *self = g_object_new (BYLINE_TYPE_NETWORK, NULL);

  self->available = !!available;
  return self;
}

gboolean
byline_network_get_available (BylineNetwork *self)
{
  g_return_val_if_fail (BYLINE_IS_NETWORK (self), FALSE);

  return self->available;
}

void
byline_network_set_available (BylineNetwork *self,
                              gboolean       available)
{
  g_return_if_fail (BYLINE_IS_NETWORK (self));
  g_return_if_fail (self->monitor == NULL);

  byline_network_update (self, available);
}
