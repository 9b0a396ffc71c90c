package org.colloquy.account;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Members and the rows that belong to them, for the account context's services only. */
@ApplicationScoped
public class MemberRepository {

    @PersistenceContext
    private EntityManager em;

    public Optional<Member> find(long id) {
        return Optional.ofNullable(em.find(Member.class, id));
    }

    /** @throws NoSuchMemberException when the member no longer exists */
    public Member get(long id) {
        return find(id).orElseThrow(() -> new NoSuchMemberException("No member with id " + id));
    }

    public Optional<Member> findByUsername(String username) {
        return em.createNamedQuery("Member.findByUsernameKey", Member.class)
                .setParameter("key", Usernames.key(username))
                .getResultStream().findFirst();
    }

    public Optional<Member> findByEmail(String email) {
        return em.createNamedQuery("Member.findByEmailKey", Member.class)
                .setParameter("key", Emails.key(email))
                .getResultStream().findFirst();
    }

    /** Sign-in accepts the username or the email address. */
    public Optional<Member> findByLogin(String login) {
        return login.contains("@") ? findByEmail(login) : findByUsername(login);
    }

    /** The member who gave up this username less than 30 days ago, if any. */
    public Optional<FormerUsername> findRecentFormer(String username, OffsetDateTime now) {
        return em.createNamedQuery("FormerUsername.findRecent", FormerUsername.class)
                .setParameter("key", Usernames.key(username))
                .setParameter("since", now.minusDays(30))
                .getResultStream().findFirst();
    }

    /** Whether this username is held after its account was deleted (P-ACCOUNT-2). */
    public boolean isHeld(String username, OffsetDateTime now) {
        return !em.createNamedQuery("FormerUsername.findHeld", FormerUsername.class)
                .setParameter("key", Usernames.key(username))
                .setParameter("now", now)
                .setMaxResults(1)
                .getResultList().isEmpty();
    }

    public List<Member> search(String term, int max) {
        String pattern = "%" + term.strip().toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return em.createNamedQuery("Member.search", Member.class)
                .setParameter("term", pattern)
                .setMaxResults(max)
                .getResultList();
    }

    public void add(Object entity) {
        em.persist(entity);
    }

    public EntityManager em() {
        return em;
    }
}
