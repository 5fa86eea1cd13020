package org.supportdesk.learning;

import org.supportdesk.system.NotFound;

/** A training asked for while {@code supportdesk.classifier.model=off}: there is no model to train. */
class ModelTurnedOff extends NotFound {

    ModelTurnedOff() {
        super("The team's model is turned off (supportdesk.classifier.model=off): the rules decide every ticket");
    }
}
