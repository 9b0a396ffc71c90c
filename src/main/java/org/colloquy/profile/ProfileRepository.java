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

    /** The saved profiles of these members (those who never saved one are absent). */
    public java.util.List<MemberProfile> findAll(java.util.Collection<Long> memberIds) {
        if (memberIds.isEmpty()) {
            return java.util.List.of();
        }
        return em.createQuery("SELECT p FROM MemberProfile p WHERE p.memberId IN :ids", MemberProfile.class)
                .setParameter("ids", java.util.List.copyOf(memberIds)).getResultList();
    }

    public void add(MemberProfile profile) {
        em.persist(profile);
    }

    public Optional<ProfilePhoto> findPhoto(long memberId) {
        return Optional.ofNullable(em.find(ProfilePhoto.class, memberId));
    }

    /** Since when the member has a photo, without reading its bytes; empty when there is none. */
    public Optional<java.time.OffsetDateTime> photoUpdatedAt(long memberId) {
        return em.createQuery("SELECT p.updatedAt FROM ProfilePhoto p WHERE p.memberId = :member", java.time.OffsetDateTime.class)
                .setParameter("member", memberId).getResultStream().findFirst();
    }

    /** Which of these members have a photo, without reading the bytes. */
    public java.util.List<Long> withPhoto(java.util.Collection<Long> memberIds) {
        if (memberIds.isEmpty()) {
            return java.util.List.of();
        }
        return em.createQuery("SELECT p.memberId FROM ProfilePhoto p WHERE p.memberId IN :ids", Long.class)
                .setParameter("ids", java.util.List.copyOf(memberIds)).getResultList();
    }

    public void addPhoto(ProfilePhoto photo) {
        em.persist(photo);
    }

    public void removePhoto(long memberId) {
        findPhoto(memberId).ifPresent(em::remove);
    }

    /** The member's profile and photo, gone with their account (P-ACCOUNT-2). */
    public void removeAll(long memberId) {
        removePhoto(memberId);
        find(memberId).ifPresent(em::remove);
    }
}
