package org.colloquy.account.security;

import java.io.Serializable;
import java.util.Objects;

/**
 * What the HTTP session holds for a signed-in member: the id of their member session row, and a
 * random token that plain forms outside Faces (sign-out) must send back, so that another site
 * cannot post them. Small and immutable, so that the data grid replicates it whole whenever it is set.
 */
public record SignedIn(String memberSessionId, String formToken) implements Serializable {

    public static final String ATTRIBUTE = "colloquy.signedIn";

    public SignedIn {
        Objects.requireNonNull(memberSessionId);
        Objects.requireNonNull(formToken);
    }
}
