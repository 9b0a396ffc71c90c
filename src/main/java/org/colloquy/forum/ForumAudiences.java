package org.colloquy.forum;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * The one check of who may read a category: a members-only one needs a member; one with an
 * audience key also needs the {@link ForumAudience} of that key to admit the member (none: nobody).
 * Pages, posting, watch mails and mentions all ask here.
 */
@ApplicationScoped
public class ForumAudiences {

    @Inject
    @Any
    Instance<ForumAudience> audiences;

    /** Whether this reader (empty: anonymous) may read and write in the category. */
    public boolean mayRead(ForumCategory category, Optional<Long> reader) {
        if (category.audienceKey() == null) {
            return !category.isMembersOnly() || reader.isPresent();
        }
        if (reader.isEmpty()) {
            return false;
        }
        for (ForumAudience audience : audiences) {
            if (category.audienceKey().startsWith(audience.prefix())) {
                return audience.admits(category.audienceKey(), reader.get());
            }
        }
        return false;
    }

    public boolean mayRead(ForumCategory category, long member) {
        return mayRead(category, Optional.of(member));
    }
}
