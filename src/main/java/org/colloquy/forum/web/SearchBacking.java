package org.colloquy.forum.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.colloquy.forum.ForumSearch;
import org.colloquy.platform.validation.InvalidInputException;
import org.omnifaces.util.Faces;

/**
 * {@code /search?q=words&page=N}: the forums' search page, a plain GET form and its results, read once
 * per request (a transient page: searching opens no session). A query the search refuses (empty, too
 * long, no word to look for) shows its message beside the field, with the text typed kept in it.
 */
@Named
@RequestScoped
public class SearchBacking {

    @Inject
    private ForumSearch search;

    private String query;
    private ForumSearch.Results results;
    private String problem;

    @PostConstruct
    void load() {
        query = Faces.getRequestParameter("q");
        if (query == null) {
            return;
        }
        int page = ForumPageServlet.page(Faces.getRequestParameter("page")).orElse(1);
        try {
            results = search.search(query, page);
        } catch (InvalidInputException e) {
            problem = e.problems().get("q");
        }
    }

    /** What was typed, to show in the field again. */
    public String getQuery() {
        return query;
    }

    /** The results, or null before a search or after a refused one. */
    public ForumSearch.Results getResults() {
        return results;
    }

    /** Why the query was refused, or null. */
    public String getProblem() {
        return problem;
    }

    /** The address of another page of these results. */
    public String pagePath(int page) {
        return "/search?q=" + java.net.URLEncoder.encode(results.query(), java.nio.charset.StandardCharsets.UTF_8)
                + (page > 1 ? "&page=" + page : "");
    }
}
