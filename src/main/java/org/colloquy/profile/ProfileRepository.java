package org.colloquy.profile;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Member profiles, for the profile context's services only. */
@ApplicationScoped
public class ProfileRepository {

    @PersistenceContext
    private EntityManager em;

    public Optional<MemberProfile> find(long memberId) {
        return Optional.ofNullable(em.find(MemberProfile.class, memberId));
    }

    public void add(MemberProfile profile) {
        em.persist(profile);
    }
}
