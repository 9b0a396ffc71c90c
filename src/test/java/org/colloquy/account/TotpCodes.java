package org.colloquy.account;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;

/** What an authenticator app shows for a secret: the code of now, and of the next 30-second step. */
public final class TotpCodes {

    private TotpCodes() {
    }

    public static String now(String secret) {
        return at(secret, System.currentTimeMillis() / 1000 / 30);
    }

    public static String next(String secret) {
        return at(secret, System.currentTimeMillis() / 1000 / 30 + 1);
    }

    private static String at(String secret, long step) {
        try {
            return new DefaultCodeGenerator().generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }
}
