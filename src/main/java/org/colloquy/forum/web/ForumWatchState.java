package org.colloquy.forum.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.colloquy.forum.ForumService;

/**
 * Whether the signed-in member watches a topic or forum, for the Watch buttons
 * ({@code #{forumWatchState.topic(id)}}); asked only on pages of signed-in members, once per request.
 */
@Named
@RequestScoped
public class ForumWatchState {

    @Inject
    private ForumService forum;

    private Boolean topic;
    private Boolean category;

    public boolean topic(long topicId) {
        if (topic == null) {
            topic = forum.callerWatchesTopic(topicId);
        }
        return topic;
    }

    public boolean category(long categoryId) {
        if (category == null) {
            category = forum.callerWatchesCategory(categoryId);
        }
        return category;
    }
}
