package org.colloquy.privacy.breach;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.colloquy.platform.security.Caller;

/**
 * Breach notices for the signed-in privacy officer or administrator (P-BREACH-1): the container
 * refuses anyone else before {@link BreachDesk} checks the role again in the database.
 */
@Stateless
@RolesAllowed({"PRIVACY_OFFICER", "ADMIN"})
public class BreachNotices {

    @Inject
    private Caller caller;

    @Inject
    private BreachDesk desk;

    public List<RecipientChoice> recipients() {
        return desk.recipients(caller.requireMemberId());
    }

    public List<BreachScopes.ScopeChoice> scopeChoices(BreachScope scope) {
        return desk.scopeChoices(caller.requireMemberId(), scope);
    }

    public BreachNotice record(BreachReport report) {
        return desk.record(caller.requireMemberId(), report);
    }

    public BreachPreview preview(long breachId) {
        return desk.preview(caller.requireMemberId(), breachId);
    }

    /** Sends in batches of short transactions; holds none of its own. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public BreachNotice send(long breachId) {
        return desk.send(caller.requireMemberId(), breachId);
    }

    public List<BreachNotice> list() {
        return desk.list(caller.requireMemberId());
    }
}
