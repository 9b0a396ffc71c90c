package org.colloquy.workgroup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.colloquy.platform.i18n.Texts;
import org.colloquy.privacy.ConsentPurpose;
import org.colloquy.privacy.ConsentRequest;
import org.colloquy.privacy.ConsentService;

/**
 * The joining clause (P-RELEASE-1): its exact words, and the member's acceptance of them kept as a
 * consent record through the privacy context's {@link ConsentService}. The workgroup keeps only the
 * consent's id.
 */
@ApplicationScoped
public class JoiningClause {

    static final String VERSION = "workgroup-joining/1";

    @Inject
    ConsentService consents;

    /** The clause a member accepts to join this group. */
    public String wording(Workgroup group) {
        return Texts.get("workgroup.clause", group.name());
    }

    /** Records the member's acceptance of the clause; returns the consent's id. */
    long accept(long memberId, Workgroup group, String via) {
        return consents.give(memberId, ConsentRequest.of(ConsentPurpose.WORKGROUP_JOINING, VERSION, wording(group), via)
                .about(group.key(), group.name()).forFields(Workgroups.RELEASED_FIELDS)).id();
    }
}
