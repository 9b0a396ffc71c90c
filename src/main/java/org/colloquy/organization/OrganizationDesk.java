package org.colloquy.organization;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import org.colloquy.account.MemberAddresses;
import org.colloquy.account.MemberDirectory;
import org.colloquy.account.Role;
import org.colloquy.account.StaffAction;
import org.colloquy.account.StaffLog;
import org.colloquy.account.Tokens;
import org.colloquy.event.EventService;
import org.colloquy.forum.ForumService;
import org.colloquy.organization.OrganizationViews.AccessView;
import org.colloquy.organization.OrganizationViews.MemberNotice;
import org.colloquy.organization.OrganizationViews.MemberUse;
import org.colloquy.organization.OrganizationViews.OrganizationLine;
import org.colloquy.organization.OrganizationViews.UseLink;
import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.throttle.Limit;
import org.colloquy.platform.throttle.Throttle;
import org.colloquy.platform.validation.InvalidInputException;
import org.colloquy.privacy.Basis;
import org.colloquy.privacy.Disclosure;
import org.colloquy.privacy.DisclosureService;
import org.colloquy.privacy.PolicyClause;
import org.colloquy.privacy.Recipient;
import org.colloquy.privacy.RecipientKind;
import org.colloquy.workgroup.WorkgroupService;

/**
 * Organization access (P-CORP-1) for a given actor and moment, so that the caller-facing
 * {@link OrganizationService}, demo content and tests go through the same rules.
 *
 * <ul>
 *   <li>A site administrator (role re-checked in the database) registers an organization and names
 *       its administrator, a member account.</li>
 *   <li>The organization's administrator claims a domain by an address at it; the single-use link
 *       mailed there verifies the claim. A site administrator may verify a claim directly, with a
 *       reason in the staff log. Public providers and domains already claimed are refused.</li>
 *   <li>Verifying a claim gives every member whose verified address is at the domain a notice, by
 *       account mail and in their privacy centre, of what the organization will see and from when:
 *       {@link OrganizationSettings#noticeDays()} later.</li>
 *   <li>Only the organization's administrator reads its view; it shows the members whose notice
 *       period has passed and whose verified address is still at a claimed domain, and every view is
 *       one {@link DisclosureService} disclosure under {@link PolicyClause#ORGANIZATION_ADMINISTRATION}.</li>
 * </ul>
 */
@Stateless
public class OrganizationDesk {

    /** What the organization's administrator sees of each member; the ledger names the same fields. */
    public static final Set<String> SEEN_FIELDS = java.util.Collections.unmodifiableSet(
            new LinkedHashSet<>(List.of("email", "posts", "event_registrations", "workgroups")));

    private static final int RECENT_POSTS = 5;

    /** Members shown on one page of an organization's view. */
    public static final int PAGE_SIZE = 50;

    /** Claim links an organization may have mailed: a link goes to an address nobody here has verified. */
    static final Limit LINKS_PER_ORGANIZATION = new Limit("organization-link", 3, 10);

    @PersistenceContext
    private EntityManager em;

    @Inject
    private MemberDirectory directory;

    @Inject
    private MemberAddresses addresses;

    @Inject
    private StaffLog staffLog;

    @Inject
    private DisclosureService disclosures;

    @Inject
    private OrganizationMails mails;

    @Inject
    private OrganizationSettings settings;

    @Inject
    private Throttle throttle;

    @Inject
    private ForumService forum;

    @Inject
    private EventService events;

    @Inject
    private WorkgroupService workgroups;

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    // --- administrators -------------------------------------------------------------------------

    /** Registers an organization that joins as a member, with its administrator named by username. */
    public Organization register(long actorId, String name, String adminUsername) {
        requireAdministrator(actorId);
        Map<String, String> problems = new LinkedHashMap<>();
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            problems.put("name", Texts.get("organization.name.required"));
        } else if (n.length() > Organization.NAME_LENGTH) {
            problems.put("name", Texts.get("organization.name.tooLong", Organization.NAME_LENGTH));
        } else if (em.createNamedQuery("Organization.countByName", Long.class)
                .setParameter("name", n.toLowerCase(java.util.Locale.ROOT)).getSingleResult() > 0) {
            problems.put("name", Texts.get("organization.name.taken"));
        }
        Optional<Long> admin = adminUsername == null || adminUsername.isBlank()
                ? Optional.empty() : directory.idOf(adminUsername.strip());
        if (admin.isEmpty()) {
            problems.put("admin", Texts.get("organization.admin.unknown"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Organization organization = new Organization(n, admin.get(), now(), actorId);
        em.persist(organization);
        em.flush();
        staffLog.record(actorId, admin.get(), StaffAction.Kind.REGISTER_ORGANIZATION, organization.recipientKey(), n);
        return organization;
    }

    /** Every organization with its claims, for administrators. */
    public List<OrganizationLine> all(long actorId) {
        requireAdministrator(actorId);
        List<Organization> all = em.createNamedQuery("Organization.all", Organization.class).getResultList();
        Map<Long, String> names = directory.usernames(all.stream().map(Organization::adminMemberId).toList());
        return all.stream().map(o -> new OrganizationLine(o.id(), o.name(), names.get(o.adminMemberId()), domainsOf(o.id()))).toList();
    }

    /**
     * Verifies an organization's claim of a domain without a mailed link (the administrator checked
     * it otherwise, as the reason says); the prior notices go out as for a link.
     */
    public OrganizationDomain verifyDirectly(long actorId, long organizationId, String domain, String reason, OffsetDateTime now) {
        requireAdministrator(actorId);
        Organization organization = organization(organizationId);
        Map<String, String> problems = new LinkedHashMap<>();
        String d = checkedDomain(domain, "domain", organization, problems);
        if (reason == null || reason.isBlank()) {
            problems.put("reason", Texts.get("organization.reason.required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        OrganizationDomain claim = pendingClaim(organization, d, now);
        claim.verified(now, actorId, OrganizationDomain.How.ADMINISTRATOR);
        staffLog.record(actorId, organization.adminMemberId(), StaffAction.Kind.VERIFY_ORGANIZATION_DOMAIN,
                organization.recipientKey() + " " + d, reason);
        notifyMembers(organization, claim, now);
        return claim;
    }

    /**
     * Names another member account as the organization's administrator: the former administrator
     * loses access at once (every read checks the administrator in the database), and both are told
     * by account mail. Logged with the former administrator's username.
     */
    public Organization changeAdministrator(long actorId, long organizationId, String adminUsername) {
        requireAdministrator(actorId);
        Organization organization = em.find(Organization.class, organizationId, LockModeType.PESSIMISTIC_WRITE);
        if (organization == null) {
            throw new NoSuchOrganizationException("No organization " + organizationId);
        }
        Optional<Long> admin = adminUsername == null || adminUsername.isBlank()
                ? Optional.empty() : directory.idOf(adminUsername.strip());
        if (admin.isEmpty()) {
            throw new InvalidInputException("admin", Texts.get("organization.admin.unknown"));
        }
        long former = organization.adminMemberId();
        if (admin.get() == former) {
            throw new InvalidInputException("admin", Texts.get("organization.admin.same"));
        }
        Map<Long, String> names = directory.usernames(List.of(former, admin.get()));
        organization.changeAdministrator(admin.get());
        Map<Long, MemberAddresses.Address> to = addresses.verifiedOf(List.of(former, admin.get()));
        if (to.containsKey(former)) {
            mails.administratorRemoved(to.get(former), organization, names.get(admin.get()));
        }
        if (to.containsKey(admin.get())) {
            mails.administratorNamed(to.get(admin.get()), organization);
        }
        staffLog.record(actorId, admin.get(), StaffAction.Kind.CHANGE_ORGANIZATION_ADMIN, organization.recipientKey(),
                Texts.get("organization.admin.changedFrom", names.get(former)));
        return organization;
    }

    /**
     * Withdraws an organization's claim of a domain: every member with a notice for it is told that
     * the organization no longer sees them, the notices and the claim are removed, and the view stops
     * showing those members at once. The reason goes into the staff log. What the organization saw
     * before stays in each member's ledger.
     */
    public void withdrawDomain(long actorId, long organizationId, String domain, String reason) {
        requireAdministrator(actorId);
        Organization organization = organization(organizationId);
        Map<String, String> problems = new LinkedHashMap<>();
        Optional<String> d = Domains.normalize(domain);
        Optional<OrganizationDomain> claim = d.flatMap(this::byDomain).filter(c -> c.organizationId() == organization.id());
        if (claim.isEmpty()) {
            problems.put("domain", Texts.get("organization.withdraw.notClaimed", organization.name()));
        }
        if (reason == null || reason.isBlank()) {
            problems.put("reason", Texts.get("organization.withdraw.reasonRequired"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        OrganizationDomain c = em.find(OrganizationDomain.class, claim.get().id(), LockModeType.PESSIMISTIC_WRITE);
        List<Long> told = em.createNamedQuery("OrganizationNotice.ofDomain", OrganizationNotice.class).setParameter("domain", c.id())
                .getResultStream().filter(n -> n.endedAt() == null).map(OrganizationNotice::memberId).toList();
        addresses.verifiedOf(told).values().forEach(a -> mails.claimWithdrawn(a, organization, c.domain()));
        em.createQuery("DELETE FROM OrganizationNotice n WHERE n.domainId = :domain").setParameter("domain", c.id()).executeUpdate();
        em.remove(c);
        em.flush();
        staffLog.record(actorId, organization.adminMemberId(), StaffAction.Kind.WITHDRAW_ORGANIZATION_DOMAIN,
                organization.recipientKey() + " " + c.domain(), reason.strip());
    }

    // --- the organization's administrator ---------------------------------------------------------

    /** The organizations this member administers. */
    public List<Organization> administeredBy(long memberId) {
        return em.createNamedQuery("Organization.ofAdmin", Organization.class).setParameter("member", memberId).getResultList();
    }

    /**
     * Claims the domain of {@code address} and mails a single-use link to that address (a newer link
     * replaces an older one), at most {@link #LINKS_PER_ORGANIZATION} per organization.
     *
     * @throws org.colloquy.platform.throttle.TooManyAttemptsException when the organization has mailed too many links lately
     */
    public OrganizationDomain claimByMail(long actorId, long organizationId, String address, OffsetDateTime now) {
        Organization organization = ownOrganization(actorId, organizationId);
        Map<String, String> problems = new LinkedHashMap<>();
        Optional<String> domain = Domains.ofAddress(address);
        String d = null;
        if (domain.isEmpty()) {
            problems.put("address", Texts.get("organization.address.invalid"));
        } else {
            d = checkedDomain(domain.get(), "address", organization, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        throttle.attempt("organization-link:" + organization.id(), LINKS_PER_ORGANIZATION);
        OrganizationDomain claim = pendingClaim(organization, d, now);
        String token = Tokens.newToken();
        claim.mailLink(address.strip(), Tokens.hash(token), now.plus(settings.linkLifetime()));
        mails.claimLink(address.strip(), organization, d, token);
        return claim;
    }

    public boolean isLinkUsable(String token, OffsetDateTime now) {
        return byToken(token).map(d -> d.isLinkUsable(now)).orElse(false);
    }

    /** Follows a mailed link: verifies the claim once and sends the prior notices; empty when the link does not work. */
    public Optional<OrganizationDomain> confirm(String token, OffsetDateTime now) {
        Optional<OrganizationDomain> claim = byToken(token).filter(d -> d.isLinkUsable(now));
        if (claim.isEmpty()) {
            return Optional.empty();
        }
        OrganizationDomain d = em.find(OrganizationDomain.class, claim.get().id(), LockModeType.PESSIMISTIC_WRITE);
        if (!d.isLinkUsable(now)) {
            return Optional.empty();
        }
        d.verified(now, null, OrganizationDomain.How.MAILED_LINK);
        notifyMembers(organization(d.organizationId()), d, now);
        return Optional.of(d);
    }

    /**
     * One page of the organization administrator's view at {@code now}: the members whose notice is
     * in force (told, notice period passed, address still at the claimed domain), {@link #PAGE_SIZE}
     * a page in the order of their accounts, each disclosed to the organization in the ledger (only
     * those on the page), and how many wait for their notice period to pass. A page number beyond
     * the last shows the last page.
     */
    public AccessView view(long actorId, long organizationId, int page, OffsetDateTime now) {
        Organization organization = ownOrganization(actorId, organizationId);
        List<OrganizationDomain> domains = domainsOf(organization.id());
        Map<Long, String> verified = new LinkedHashMap<>();
        domains.stream().filter(OrganizationDomain::isVerified).forEach(d -> verified.put(d.id(), d.domain()));
        long total = em.createNamedQuery("OrganizationNotice.countShown", Long.class)
                .setParameter("organization", organization.id()).setParameter("now", now).getSingleResult();
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int p = Math.min(Math.max(1, page), pages);
        List<OrganizationNotice> notices = em.createNamedQuery("OrganizationNotice.shown", OrganizationNotice.class)
                .setParameter("organization", organization.id()).setParameter("now", now)
                .setFirstResult((p - 1) * PAGE_SIZE).setMaxResults(PAGE_SIZE).getResultList();
        Map<Long, MemberAddresses.Address> current = addresses.verifiedOf(notices.stream().map(OrganizationNotice::memberId).toList());
        // The notice ends when the address leaves the domain (AddressVerified); checking the address
        // again costs nothing here and keeps anyone whose address changed by another way out of sight.
        List<MemberUse> members = notices.stream()
                .filter(n -> current.containsKey(n.memberId()) && verified.containsKey(n.domainId())
                        && Domains.ofAddress(current.get(n.memberId()).email()).map(verified.get(n.domainId())::equals).orElse(false))
                .map(n -> use(current.get(n.memberId()))).toList();
        long waiting = em.createNamedQuery("OrganizationNotice.countWaiting", Long.class)
                .setParameter("organization", organization.id()).setParameter("now", now).getSingleResult();
        OffsetDateTime nextFrom = em.createNamedQuery("OrganizationNotice.waiting", OrganizationNotice.class)
                .setParameter("organization", organization.id()).setParameter("now", now).setMaxResults(1)
                .getResultStream().findFirst().map(OrganizationNotice::accessFrom).orElse(null);
        if (!members.isEmpty()) {
            Map<Long, Basis> bases = new LinkedHashMap<>();
            members.forEach(m -> bases.put(m.memberId(), Basis.clause(PolicyClause.ORGANIZATION_ADMINISTRATION)));
            disclosures.disclose(new Disclosure(new Recipient(RecipientKind.ORGANIZATION, organization.recipientKey(),
                    Texts.get("organization.ledger.recipient", organization.name())), SEEN_FIELDS,
                    Texts.get("organization.ledger.purpose", organization.name()), bases));
        }
        return new AccessView(organization, domains, members, waiting, nextFrom, p, pages, total);
    }

    /**
     * A member's address became verified (on joining, or by a confirmed change): notices at domains
     * the address is no longer at end now, so those organizations stop seeing the member at once; if
     * the new address is at a claimed domain, the member is told now, by mail and in the privacy
     * centre, and is shown only after the notice period counted from now. A change within the same
     * domain keeps the notice as it is.
     */
    public void addressVerified(long memberId, String email, String name, OffsetDateTime now) {
        Optional<OrganizationDomain> claim = Domains.ofAddress(email).flatMap(this::byDomain).filter(OrganizationDomain::isVerified);
        for (OrganizationNotice n : em.createNamedQuery("OrganizationNotice.currentOfMember", OrganizationNotice.class)
                .setParameter("member", memberId).getResultList()) {
            if (claim.isEmpty() || n.domainId() != claim.get().id()) {
                n.end(now);
            }
        }
        if (claim.isEmpty()) {
            return;
        }
        OrganizationDomain domain = claim.get();
        Optional<OrganizationNotice> existing = em.createNamedQuery("OrganizationNotice.ofMemberAndDomain", OrganizationNotice.class)
                .setParameter("member", memberId).setParameter("domain", domain.id()).getResultStream().findFirst();
        if (existing.isPresent() && existing.get().endedAt() == null) {
            return;
        }
        MemberAddresses.Address address = new MemberAddresses.Address(memberId, email, name);
        Organization organization = organization(domain.organizationId());
        if (existing.isPresent()) {
            OffsetDateTime from = now.plus(Duration.ofDays(settings.noticeDays()));
            existing.get().renew(email, now, from);
            mails.priorNotice(address, organization, domain.domain(), from);
        } else {
            notify(organization, domain, address, now);
        }
    }

    /** The organization with its claims, for its own administrator only. */
    public OrganizationLine ownLine(long actorId, long organizationId) {
        Organization o = ownOrganization(actorId, organizationId);
        return new OrganizationLine(o.id(), o.name(), directory.usernames(List.of(o.adminMemberId())).get(o.adminMemberId()),
                domainsOf(o.id()));
    }

    // --- the member ---------------------------------------------------------------------------------

    /** The notices this member got, newest first, for the privacy centre. */
    public List<MemberNotice> noticesOf(long memberId, OffsetDateTime now) {
        List<OrganizationNotice> notices = em.createNamedQuery("OrganizationNotice.ofMember", OrganizationNotice.class)
                .setParameter("member", memberId).getResultList();
        Map<Long, String> names = new LinkedHashMap<>();
        Map<Long, String> domains = new LinkedHashMap<>();
        return notices.stream().map(n -> new MemberNotice(
                names.computeIfAbsent(n.organizationId(), id -> organization(id).name()),
                domains.computeIfAbsent(n.domainId(), id -> em.find(OrganizationDomain.class, id).domain()),
                n.email(), n.noticedAt(), n.accessFrom(), n.isInForce(now))).toList();
    }

    // --- inside -------------------------------------------------------------------------------------

    private MemberUse use(MemberAddresses.Address address) {
        long id = address.memberId();
        List<UseLink> posts = forum.recentPostsBy(id, RECENT_POSTS, true).stream()
                .map(p -> new UseLink(p.topicTitle() + " #" + p.number(), p.path())).toList();
        List<UseLink> registrations = events.registeredWebinarsOf(id).stream()
                .map(w -> new UseLink(w.title(), "/event?id=" + w.webinarId())).toList();
        List<UseLink> groups = workgroups.participationsOf(id).stream()
                .map(p -> new UseLink(p.workgroupName(), "/workgroups/group?id=" + p.workgroupId())).distinct().toList();
        String username = directory.usernames(List.of(id)).get(id);
        return new MemberUse(id, username, address.email(), forum.postCountBy(id), posts, registrations, groups);
    }

    private void notifyMembers(Organization organization, OrganizationDomain domain, OffsetDateTime now) {
        Set<Long> done = new java.util.HashSet<>();
        em.createNamedQuery("OrganizationNotice.ofDomain", OrganizationNotice.class).setParameter("domain", domain.id())
                .getResultStream().forEach(n -> done.add(n.memberId()));
        for (MemberAddresses.Address address : addresses.verifiedAtDomain(domain.domain())) {
            if (!done.contains(address.memberId())) {
                notify(organization, domain, address, now);
            }
        }
    }

    private OrganizationNotice notify(Organization organization, OrganizationDomain domain, MemberAddresses.Address address,
                                      OffsetDateTime now) {
        OffsetDateTime from = now.plus(Duration.ofDays(settings.noticeDays()));
        OrganizationNotice notice = new OrganizationNotice(domain, address.memberId(), address.email(), now, from);
        em.persist(notice);
        mails.priorNotice(address, organization, domain.domain(), from);
        return notice;
    }

    private String checkedDomain(String domain, String field, Organization organization, Map<String, String> problems) {
        Optional<String> d = Domains.normalize(domain);
        if (d.isEmpty()) {
            problems.put(field, Texts.get("organization.domain.invalid"));
            return null;
        }
        if (Domains.isPublicProvider(d.get())) {
            problems.put(field, Texts.get("organization.domain.public", d.get()));
            return null;
        }
        Optional<OrganizationDomain> existing = byDomain(d.get());
        if (existing.isPresent() && (existing.get().isVerified() || existing.get().organizationId() != organization.id())) {
            problems.put(field, Texts.get("organization.domain.taken", d.get()));
            return null;
        }
        return d.get();
    }

    /** This organization's unverified claim of the domain, made now if there is none. */
    private OrganizationDomain pendingClaim(Organization organization, String domain, OffsetDateTime now) {
        Optional<OrganizationDomain> existing = byDomain(domain);
        if (existing.isPresent()) {
            return existing.get();
        }
        OrganizationDomain claim = new OrganizationDomain(organization.id(), domain, now);
        em.persist(claim);
        em.flush();
        return claim;
    }

    private Optional<OrganizationDomain> byDomain(String domain) {
        return em.createNamedQuery("OrganizationDomain.byDomain", OrganizationDomain.class).setParameter("domain", domain)
                .getResultStream().findFirst();
    }

    private Optional<OrganizationDomain> byToken(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        return em.createNamedQuery("OrganizationDomain.byToken", OrganizationDomain.class).setParameter("hash", Tokens.hash(token.strip()))
                .getResultStream().findFirst();
    }

    private List<OrganizationDomain> domainsOf(long organizationId) {
        return em.createNamedQuery("OrganizationDomain.ofOrganization", OrganizationDomain.class)
                .setParameter("organization", organizationId).getResultList();
    }

    private Organization organization(long id) {
        Organization o = em.find(Organization.class, id);
        if (o == null) {
            throw new NoSuchOrganizationException("No organization " + id);
        }
        return o;
    }

    private Organization ownOrganization(long actorId, long organizationId) {
        Organization o = em.find(Organization.class, organizationId);
        if (o == null || o.adminMemberId() != actorId) {
            throw new NoSuchOrganizationException("Member " + actorId + " does not administer organization " + organizationId);
        }
        return o;
    }

    private void requireAdministrator(long actorId) {
        if (!directory.holdsRole(actorId, Role.ADMIN)) {
            throw new NoSuchOrganizationException("Member " + actorId + " is not an administrator");
        }
    }
}
