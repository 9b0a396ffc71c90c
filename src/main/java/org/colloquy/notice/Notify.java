package org.colloquy.notice;

/**
 * The event another context fires to put a notice in a member's list (issue 7, decision 0039); the
 * notice context observes it in the firing transaction, so the notice commits with the action it
 * tells of, or not at all. The sender writes the text in full (what, why, how to appeal), as it
 * writes the mail that goes with it; usernames only, never a real name or an address.
 *
 * @param memberId   to whom
 * @param kind       what it is about
 * @param title      one line, as a mail's subject
 * @param body       the text: what was done, why, and what the member can do
 * @param path       the address of what it is about ({@code /t/12/slug#post-3}), or null
 * @param appealPath where to appeal ({@code /forum/appeal?post=12}), or null
 */
public record Notify(long memberId, Notice.Kind kind, String title, String body, String path, String appealPath) {
}
