package org.colloquy.forum.web;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.colloquy.forum.ForumService;
import org.colloquy.forum.ForumViews;
import org.colloquy.forum.NoSuchForumItemException;
import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.web.FormErrors;

/**
 * {@code /account/watching}: the topics and forums the member watches (personal data: what they
 * follow), each with Stop watching.
 */
@Named
@RequestScoped
public class WatchingBacking {

    @Inject
    private ForumService forum;

    private List<ForumViews.WatchRow> watches;

    public List<ForumViews.WatchRow> getWatches() {
        if (watches == null) {
            watches = forum.callerWatches();
        }
        return watches;
    }

    public String stop(boolean topic, long id, String title) {
        try {
            if (topic) {
                forum.watchTopic(id, false);
            } else {
                forum.watchCategory(id, false);
            }
        } catch (NoSuchForumItemException e) {
            // Gone meanwhile: nothing left to stop.
        }
        watches = null;
        FormErrors.done("watching", Texts.get("forum.watched.stopped", title));
        return null;
    }
}
