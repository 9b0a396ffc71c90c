package org.colloquy.account;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Issues and redeems the single-use links of {@link TokenPurpose}. Issuing a new link of a purpose
 * retires the member's earlier open ones, so only the latest mail works.
 */
@ApplicationScoped
public class AccountTokens {

    @Inject
    private MemberRepository members;

    /** @return the token to put in the link; only its hash is stored */
    public String create(long memberId, TokenPurpose purpose, String newEmail) {
        retireOpen(memberId, purpose);
        String token = Tokens.newToken();
        members.add(new AccountToken(memberId, purpose, Tokens.hash(token), newEmail, now()));
        return token;
    }

    /** Redeems a token: empty when unknown, of another purpose, used or expired. */
    public Optional<AccountToken> use(String token, TokenPurpose purpose) {
        Optional<AccountToken> found = usable(token, purpose);
        found.ifPresent(t -> t.use(now()));
        return found;
    }

    public Optional<AccountToken> usable(String token, TokenPurpose purpose) {
        return find(token).filter(t -> t.purpose() == purpose && t.isUsable(now()));
    }

    public Optional<AccountToken> find(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return members.em().createNamedQuery("AccountToken.findByHash", AccountToken.class)
                .setParameter("hash", Tokens.hash(token))
                .getResultStream().findFirst();
    }

    public void retireOpen(long memberId, TokenPurpose purpose) {
        members.em().createNamedQuery("AccountToken.retireOpen")
                .setParameter("now", now()).setParameter("member", memberId).setParameter("purpose", purpose)
                .executeUpdate();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
