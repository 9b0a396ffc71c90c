package org.colloquy.account;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The addresses of every member with a verified email, for notices every member must receive
 * (a material policy change, a breach notice). Read in pages in the order of the accounts, so a
 * large community is not loaded at once. Suspended members are included: the notice concerns
 * their data too. An unverified address is left out, as it may not be the member's.
 */
@Stateless
public class MemberAddresses {

    /** The largest page {@link #verified} answers. */
    public static final int MAX_PAGE = 1000;

    /** A member and where to write to them. */
    public record Address(long memberId, String email, String name) {
    }

    @PersistenceContext
    private EntityManager em;

    /**
     * Where to send notifications (forum mentions, watched topics) to these members: the verified
     * address of each who is neither suspended nor deactivated, in one query. Members left out get no notification.
     */
    public Map<Long, String> notifiable(Collection<Long> memberIds) {
        if (memberIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("SELECT m.id, m.email FROM Member m WHERE m.id IN :ids AND m.emailVerifiedAt IS NOT NULL"
                        + " AND (m.suspendedAt IS NULL OR m.suspendedUntil <= :now) AND m.deactivatedAt IS NULL", Object[].class)
                .setParameter("ids", List.copyOf(memberIds))
                .setParameter("now", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC))
                .getResultStream()
                .collect(Collectors.toMap(row -> (Long) row[0], row -> (String) row[1]));
    }

    /**
     * Where to write to every holder of a staff role (the privacy officers, for escalations): the
     * verified address of each who is neither suspended nor deactivated, by member id.
     */
    public Map<Long, String> staff(Role role) {
        return em.createQuery("SELECT m.id, m.email FROM Member m JOIN m.roles r WHERE r = :role AND m.emailVerifiedAt IS NOT NULL"
                        + " AND (m.suspendedAt IS NULL OR m.suspendedUntil <= :now) AND m.deactivatedAt IS NULL", Object[].class)
                .setParameter("role", role)
                .setParameter("now", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC))
                .getResultStream()
                .collect(Collectors.toMap(row -> (Long) row[0], row -> (String) row[1], (a, b) -> a, java.util.TreeMap::new));
    }

    /**
     * The name and address of each of these members as their account has them, verified or not, in
     * one query: for a context that shows or discloses them on a basis it has checked (a workgroup's
     * participants and its release list, a sponsor's consented attendee list). Unknown ids are absent.
     */
    public Map<Long, Address> contacts(Collection<Long> memberIds) {
        if (memberIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("SELECT m.id, m.email, m.name FROM Member m WHERE m.id IN :ids", Object[].class)
                .setParameter("ids", List.copyOf(memberIds))
                .getResultStream()
                .collect(Collectors.toMap(row -> (Long) row[0], row -> new Address((Long) row[0], (String) row[1], (String) row[2])));
    }

    /**
     * The verified address of each of these members, in one query, whatever their state: suspended
     * and deactivated members included, for a notice they must receive all the same (a breach notice
     * about their data). Members without a verified address are absent.
     */
    public Map<Long, Address> verifiedOf(Collection<Long> memberIds) {
        if (memberIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("SELECT m.id, m.email, m.name FROM Member m WHERE m.id IN :ids AND m.emailVerifiedAt IS NOT NULL", Object[].class)
                .setParameter("ids", List.copyOf(memberIds))
                .getResultStream()
                .collect(Collectors.toMap(row -> (Long) row[0], row -> new Address((Long) row[0], (String) row[1], (String) row[2])));
    }

    /**
     * One page of verified addresses, ordered by account id.
     *
     * @param afterMemberId the last member id of the previous page, 0 for the first page
     * @param max           at most this many (1 to {@link #MAX_PAGE})
     */
    public List<Address> verified(long afterMemberId, int max) {
        if (max < 1 || max > MAX_PAGE) {
            throw new IllegalArgumentException("A page holds 1 to " + MAX_PAGE + " addresses, not " + max);
        }
        return em.createNamedQuery("Member.verifiedAddresses", Object[].class)
                .setParameter("after", afterMemberId)
                .setMaxResults(max)
                .getResultList().stream()
                .map(row -> new Address((Long) row[0], (String) row[1], (String) row[2]))
                .toList();
    }

    /**
     * The verified address of every member who holds this role now, suspended and deactivated ones
     * left out: for notices to staff (rights requests nearing their due date go to every privacy officer).
     */
    public List<Address> withRole(Role role) {
        return em.createQuery("SELECT m.id, m.email, m.name FROM Member m JOIN m.roles r WHERE r = :role"
                        + " AND m.emailVerifiedAt IS NOT NULL AND m.suspendedAt IS NULL AND m.deactivatedAt IS NULL"
                        + " ORDER BY m.id", Object[].class)
                .setParameter("role", role)
                .getResultStream()
                .map(row -> new Address((Long) row[0], (String) row[1], (String) row[2]))
                .toList();
    }

    /**
     * The verified address of every member whose address is at exactly this domain
     * ({@code someone@example.com} for {@code example.com}; subdomains are other domains), ordered by
     * account id, suspended and deactivated members included: for an organization's prior notice
     * (P-CORP-1), which they must receive all the same. Found by the stored, indexed domain of the
     * address (V27), not by a pattern over every account.
     */
    public List<Address> verifiedAtDomain(String domain) {
        return em.createNamedQuery("Member.verifiedAtDomain", Object[].class)
                .setParameter("domain", domain.toLowerCase(java.util.Locale.ROOT))
                .getResultStream()
                .map(row -> new Address((Long) row[0], (String) row[1], (String) row[2]))
                .toList();
    }

    /**
     * The ids of the members (not deleted) who joined from the first day through the last (UTC),
     * whatever their state: for a breach notice scoped to a join date range (P-BREACH-1).
     */
    public List<Long> joinedBetween(java.time.LocalDate first, java.time.LocalDate last) {
        return em.createQuery("SELECT m.id FROM Member m WHERE m.createdAt >= :from AND m.createdAt < :to AND m.deletedAt IS NULL"
                        + " ORDER BY m.id", Long.class)
                .setParameter("from", first.atStartOfDay().atOffset(java.time.ZoneOffset.UTC))
                .setParameter("to", last.plusDays(1).atStartOfDay().atOffset(java.time.ZoneOffset.UTC))
                .getResultList();
    }
}
