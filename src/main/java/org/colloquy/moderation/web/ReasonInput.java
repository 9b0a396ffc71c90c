package org.colloquy.moderation.web;

import java.io.Serializable;
import java.util.List;

import org.colloquy.moderation.FlagReason;

/**
 * The reason a moderator gives on a form with their decision: the forum rule it concerns and their
 * words to the member. Each backing bean whose form asks for a reason holds one; the page binds it
 * as {@code #{b.reason.category}} and {@code #{b.reason.words}}, and the service checks it.
 *
 * <h2>Usage</h2>
 * <pre>
 * &lt;h:selectOneMenu id="category" value="#{b.reason.category}"&gt;
 *     &lt;f:selectItems value="#{b.reason.categories}" var="r" itemValue="#{r}" .../&gt;
 * &lt;/h:selectOneMenu&gt;
 * &lt;h:inputTextarea id="words" value="#{b.reason.words}"/&gt;
 * </pre>
 */
public class ReasonInput implements Serializable {

    private static final long serialVersionUID = 1L;

    private FlagReason category;
    private String words;

    /** Empties both fields, once the decision is done. */
    void clear() {
        category = null;
        words = null;
    }

    /** Every rule a reason may name. */
    public List<FlagReason> getCategories() {
        return List.of(FlagReason.values());
    }

    public FlagReason getCategory() {
        return category;
    }

    public void setCategory(FlagReason category) {
        this.category = category;
    }

    public String getWords() {
        return words;
    }

    public void setWords(String words) {
        this.words = words;
    }
}
