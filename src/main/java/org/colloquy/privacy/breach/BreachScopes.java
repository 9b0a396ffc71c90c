package org.colloquy.privacy.breach;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.colloquy.account.MemberAddresses;
import org.colloquy.event.EventService;
import org.colloquy.forum.ForumService;
import org.colloquy.workgroup.WorkgroupService;

/**
 * The scopes of a breach that other contexts own (P-BREACH-1): the forum category's posters, the
 * workgroup's participants, the webinar's registrants, the members who joined in a date range. Each
 * is resolved through the owning context's service, never its repository, and handed on as plain
 * ids and names; callers check the officer's role first.
 */
@Stateless
@PermitAll
public class BreachScopes {

    /** A category, workgroup or webinar the officer may choose, by id and name. */
    public record ScopeChoice(long id, String label) {
    }

    @Inject
    private ForumService forum;

    @Inject
    private WorkgroupService workgroups;

    @Inject
    private EventService events;

    @Inject
    private MemberAddresses addresses;

    /** The targets of a scope that names one, by name; empty for other scopes. */
    public List<ScopeChoice> choices(BreachScope scope) {
        return switch (scope) {
            case FORUM_CATEGORY -> forum.everyCategory().stream().map(c -> new ScopeChoice(c.id(), c.name())).toList();
            case WORKGROUP -> workgroups.all().stream().map(g -> new ScopeChoice(g.id(), g.name()))
                    .sorted(Comparator.comparing(ScopeChoice::label)).toList();
            case WEBINAR -> {
                List<ScopeChoice> webinars = new ArrayList<>();
                events.upcoming().forEach(w -> webinars.add(new ScopeChoice(w.id(), w.title())));
                events.past().forEach(w -> webinars.add(new ScopeChoice(w.id(), w.title())));
                yield webinars;
            }
            default -> List.of();
        };
    }

    /** The name of the scope's target as it is now, when it exists. */
    public Optional<String> label(BreachScope scope, long targetId) {
        return switch (scope) {
            case FORUM_CATEGORY -> forum.everyCategory().stream().filter(c -> c.id() == targetId).map(c -> c.name()).findFirst();
            case WORKGROUP -> workgroups.all().stream().filter(g -> g.id() == targetId).map(g -> g.name()).findFirst();
            case WEBINAR -> events.find(targetId).map(w -> w.title());
            default -> Optional.empty();
        };
    }

    /** The ids of the members a scope owned by another context covers, in ascending order. */
    public List<Long> members(BreachScope scope, Long targetId, LocalDate joinedFrom, LocalDate joinedTo) {
        return switch (scope) {
            case FORUM_CATEGORY -> forum.postersIn(targetId);
            case WORKGROUP -> workgroups.participantIds(targetId);
            case WEBINAR -> events.registrantIds(targetId);
            case JOINED_BETWEEN -> addresses.joinedBetween(joinedFrom, joinedTo);
            default -> throw new IllegalArgumentException("Not another context's scope: " + scope);
        };
    }
}
