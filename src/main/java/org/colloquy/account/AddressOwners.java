package org.colloquy.account;

import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * Whose account uses a mail address, for other contexts that hold only an address (the mail
 * preferences that decide whether a queued mail may go). Answers the member's id, nothing else;
 * addresses compare as registration compares them ({@link Emails#key}).
 */
@Stateless
public class AddressOwners {

    @Inject
    private MemberRepository members;

    /** The id of the member whose account uses this address now, or empty when none does. */
    public Optional<Long> memberIdOf(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        return members.findByEmail(email.strip()).map(Member::id);
    }
}
