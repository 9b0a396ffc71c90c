package org.colloquy.forum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Where PostgreSQL's search cuts its windows of post ids (decisions 0051 and 0053): none when few
 * posts are expected to match, else a first window sized by the estimate and windows that each hold
 * as many posts as all newer ones, the last one reaching back to the first post. What the windows find
 * is shown in ForumSearchIT.
 */
class ForumSearchWindowsTest {

    @Test
    void aQueryExpectedToMatchFewPostsIsReadInOneScan() {
        assertEquals(List.of(), ForumSearchRepository.windowCuts(1_000_000, 2_000));
        assertEquals(List.of(), ForumSearchRepository.windowCuts(1_000_000, 0));
        assertEquals(List.of(), ForumSearchRepository.windowCuts(0, 5_000));
    }

    @Test
    void theFirstWindowHoldsTheCandidatesWithAMarginByTheEstimateAndTheNextOnesDouble() {
        // 6,012 matches in 1M posts: one in 166 ids; 1.2 x 501 candidates need 100,000 ids.
        assertEquals(List.of(900_000L, 800_000L, 600_000L, 200_000L), ForumSearchRepository.windowCuts(1_000_000, 6_012));
    }

    @Test
    void aWordInNearlyEveryPostStillGetsAThousandIds() {
        assertEquals(999_000L, ForumSearchRepository.windowCuts(1_000_000, 940_000).get(0));
        assertEquals(List.of(9_000L, 8_000L, 6_000L, 2_000L), ForumSearchRepository.windowCuts(10_000, 9_000));
    }

    @Test
    void theEstimateIsTheTopPlanNodesRows() {
        String explained = """
                [{"Plan": {"Node Type": "Bitmap Heap Scan", "Parallel Aware": false, "Plan Rows": 2583, "Plan Width": 4,
                  "Plans": [{"Node Type": "Bitmap Index Scan", "Plan Rows": 0}]}}]""";
        assertEquals(2_583.0, ForumSearchRepository.planRows(explained));
        assertEquals(1.5e7, ForumSearchRepository.planRows("[{\"Plan\": {\"Plan Rows\": 1.5e+07}}]"));
        assertThrows(IllegalStateException.class, () -> ForumSearchRepository.planRows("[]"));
    }
}
