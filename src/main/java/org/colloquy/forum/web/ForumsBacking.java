package org.colloquy.forum.web;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.colloquy.forum.ForumCategory;
import org.colloquy.forum.ForumService;

/**
 * The list of forums the reader may see ({@code /forums} and the home page), read once per request.
 * Transient pages: reading opens no session.
 */
@Named
@RequestScoped
public class ForumsBacking {

    @Inject
    private ForumService forum;

    private List<ForumCategory> categories;

    public List<ForumCategory> getCategories() {
        if (categories == null) {
            categories = forum.categories();
        }
        return categories;
    }
}
