package org.colloquy.policy;

import java.time.LocalDate;

/**
 * A version about to be published, as the administration form sends it. Checked by
 * {@link PolicyService#publish}; nothing of it is stored until it passes.
 *
 * @param effectiveOn the day (UTC) it takes effect: today or later
 * @param summary     the key changes; required when material and for every version after the first
 * @param material    whether members are told by mail and on the home page, and accept it again once in effect
 */
public record PolicyDraft(PolicyKind kind, String bodyMarkdown, LocalDate effectiveOn, String summary, boolean material) {
}
