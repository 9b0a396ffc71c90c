package org.colloquy.account;

import java.time.Duration;

/**
 * The answer to a sign-in attempt. {@link Status#FAILED} is the same whether the account exists
 * or not; {@link Status#SUSPENDED} and {@link Status#DEACTIVATED} are only told after the right
 * password.
 */
public record SignInResult(Status status, Long memberId, Duration retryAfter, String suspensionReason,
        java.time.OffsetDateTime suspendedUntil) {

    public SignInResult(Status status, Long memberId, Duration retryAfter, String suspensionReason) {
        this(status, memberId, retryAfter, suspensionReason, null);
    }

    public enum Status { SIGNED_IN, NEEDS_SECOND_FACTOR, FAILED, SUSPENDED, DEACTIVATED, THROTTLED }

    static SignInResult signedIn(long memberId) {
        return new SignInResult(Status.SIGNED_IN, memberId, null, null);
    }

    static SignInResult needsSecondFactor(long memberId) {
        return new SignInResult(Status.NEEDS_SECOND_FACTOR, memberId, null, null);
    }

    static SignInResult failed() {
        return new SignInResult(Status.FAILED, null, null, null);
    }

    static SignInResult suspended(String reason) {
        return new SignInResult(Status.SUSPENDED, null, null, reason);
    }

    /** Suspended, with the date the suspension ends by itself ({@code null}: until reinstated). */
    static SignInResult suspended(Member member) {
        return new SignInResult(Status.SUSPENDED, null, null, member.suspensionReason(), member.suspendedUntil());
    }

    /** The password was right, but the member deactivated the account: they may reactivate it. */
    static SignInResult deactivated(long memberId) {
        return new SignInResult(Status.DEACTIVATED, memberId, null, null);
    }

    static SignInResult throttled(Duration retryAfter) {
        return new SignInResult(Status.THROTTLED, null, retryAfter, null);
    }
}
