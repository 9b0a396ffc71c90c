package org.colloquy.forum.web;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.colloquy.forum.CategoryDraft;
import org.colloquy.forum.ForumCategory;
import org.colloquy.forum.ForumService;
import org.colloquy.forum.Visibility;
import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.validation.InvalidInputException;
import org.colloquy.platform.web.FormErrors;
import org.omnifaces.cdi.ViewScoped;

/**
 * {@code /admin/forums}: every forum in its order, and one form that creates a forum or, opened with
 * {@code ?id=}, edits one (name, address, description, its own conditions in Markdown, who may read it,
 * position). The service checks the administrator role and the address.
 */
@Named
@ViewScoped
public class AdminForumsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ForumService forum;

    private Long id;
    private String name;
    private String slug;
    private String description;
    private String conditions;
    private Visibility visibility = Visibility.PUBLIC;
    private int position = 10;
    private transient List<ForumCategory> categories;

    /** View action: {@code ?id=} fills the form from that forum. */
    public void load() {
        if (id != null && name == null) {
            getCategories().stream().filter(c -> c.id().equals(id)).findFirst().ifPresentOrElse(c -> {
                CategoryDraft d = c.draft();
                name = d.name();
                slug = d.slug();
                description = d.description();
                conditions = d.conditions();
                visibility = d.visibility();
                position = d.position();
            }, () -> id = null);
        }
    }

    public String save() {
        CategoryDraft draft = new CategoryDraft(name, slug, description, conditions, visibility, position);
        try {
            ForumCategory saved = id == null ? forum.createCategory(draft) : forum.updateCategory(id, draft);
            FormErrors.done("category", Texts.get("forum.admin.saved", saved.name()));
            id = null;
            name = slug = description = conditions = null;
            visibility = Visibility.PUBLIC;
            position = 10;
            categories = null;
        } catch (InvalidInputException e) {
            FormErrors.show("category", e.problems());
        }
        return null;
    }

    public List<ForumCategory> getCategories() {
        if (categories == null) {
            categories = forum.allCategories();
        }
        return categories;
    }

    public List<Visibility> getVisibilities() {
        return Arrays.asList(Visibility.values());
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getConditions() {
        return conditions;
    }

    public void setConditions(String conditions) {
        this.conditions = conditions;
    }

    public Visibility getVisibility() {
        return visibility;
    }

    public void setVisibility(Visibility visibility) {
        this.visibility = visibility;
    }

    public int getPosition() {
        return position;
    }

    public void setPosition(int position) {
        this.position = position;
    }
}
