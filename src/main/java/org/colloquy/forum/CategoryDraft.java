package org.colloquy.forum;

/**
 * What an administrator enters for a category.
 *
 * @param conditions the forum's own conditions in Markdown, added to the forum rules (P-FORUM-2); may be blank
 */
public record CategoryDraft(String name, String slug, String description, String conditions, Visibility visibility,
                            int position) {
}
