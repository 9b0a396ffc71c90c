package org.colloquy.forum.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.colloquy.forum.ForumCategory;
import org.colloquy.platform.text.Markdown;

/** Helpers of the forum pages ({@code #{forumPages...}}): a forum's own conditions as safe HTML. */
@Named
@RequestScoped
public class ForumPages {

    @Inject
    private Markdown markdown;

    /** The category's conditions (P-FORUM-2) as safe HTML under an h2, or empty. */
    public String conditions(ForumCategory category) {
        return category == null || category.conditions() == null ? "" : markdown.toHtml(category.conditions(), 3);
    }
}
