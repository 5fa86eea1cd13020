package org.supportdesk.webhooks;

import org.supportdesk.system.NotFound;

/** No webhook, or no delivery of that webhook, has the id. */
class WebhookNotFound extends NotFound {

    WebhookNotFound(String what) {
        super(what + " not found");
    }
}
