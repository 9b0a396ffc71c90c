package org.colloquy.forum;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Where PostgreSQL's search cuts its windows of post ids (decision 0051): none on a small forum, and
 * on a big one windows that each hold as many posts as all newer ones, the last one reaching back to
 * the first post. What the windows find is shown in ForumSearchIT.
 */
class ForumSearchWindowsTest {

    @Test
    void aSmallForumIsSearchedInOneWindow() {
        assertEquals(List.of(), ForumSearchRepository.windowCuts(0));
        assertEquals(List.of(), ForumSearchRepository.windowCuts(ForumSearchRepository.FIRST_WINDOW));
    }

    @Test
    void onAMillionPostsTheWindowsDoubleFromTheNewest() {
        assertEquals(List.of(980_000L, 960_000L, 920_000L, 840_000L, 680_000L, 360_000L), ForumSearchRepository.windowCuts(1_000_000));
    }
}
