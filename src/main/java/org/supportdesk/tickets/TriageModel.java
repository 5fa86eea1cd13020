package org.supportdesk.tickets;

import org.supportdesk.classification.ModelOrRules;

/**
 * Part of the tickets' door: where {@link Triage} gets what decides a ticket's category and priority. The learning
 * package supplies it (the model trained on the team's tickets, beside the rules); tickets never depend on that
 * package, so there is no cycle between the two.
 */
public interface TriageModel {

    /**
     * The model of the moment combined with the rules, or the rules alone (no model yet, or the model turned off).
     * Called for every decision: it must be cheap, and safe from any thread.
     */
    ModelOrRules current();
}
