package org.colloquy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ejb.Singleton;
import jakarta.ejb.Stateless;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import org.colloquy.privacy.DisclosureService;
import org.colloquy.privacy.LedgerEntry;

/**
 * The rules the structure keeps (docs/architecture.md), checked on the compiled classes of
 * {@code src/main}. A context is the package right under {@code org.colloquy}
 * ({@code org.colloquy.account..}, {@code org.colloquy.privacy..}); the rules are written for every
 * context, so a new one is covered the day it is added.
 */
@AnalyzeClasses(packages = "org.colloquy", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final Pattern CONTEXT = Pattern.compile("org\\.colloquy\\.([a-z0-9_]+)(\\..*)?");

    /**
     * Disclosure ledger: nothing outside the privacy context touches a ledger entry, and within it only
     * {@link DisclosureService} creates one, so every entry went through its basis check.
     */
    @ArchTest
    static final ArchRule onlyThePrivacyContextSeesTheLedger = noClasses()
            .that().resideOutsideOfPackage("org.colloquy.privacy..")
            .should().dependOnClassesThat().belongToAnyOf(LedgerEntry.class)
            .because("the ledger is written only by DisclosureService and read through its views (LedgerEntryView)");

    @ArchTest
    static final ArchRule onlyTheDisclosureServiceCreatesLedgerEntries = noClasses()
            .that().doNotBelongToAnyOf(DisclosureService.class, LedgerEntry.class)
            .should().callConstructorWhere(target(LedgerEntry.class))
            .because("a ledger entry is written only after DisclosureService has checked its basis");

    /** No context reads another context's repository: a repository is used from its own context only. */
    @ArchTest
    static final ArchRule repositoriesAreUsedOnlyInTheirOwnContext = classes()
            .that().haveSimpleNameEndingWith("Repository")
            .should(beAccessedOnlyFromTheirOwnContext());

    /**
     * No context queries another context's entities: a class that uses the EntityManager refers only
     * to entities of its own context (an {@code em.find(Member.class, id)} from the privacy context
     * breaks it). Queries written as JPQL strings cannot be seen here; reviews keep those.
     */
    @ArchTest
    static final ArchRule persistenceStaysInsideItsContext = classes()
            .that().areNotAnnotatedWith(Entity.class)
            .should(useOnlyTheirOwnContextsEntitiesWhenTheyUseTheEntityManager());

    /** Backing beans serve pages: no service or other non-web class uses them. */
    @ArchTest
    static final ArchRule servicesDoNotUseBackingBeans = noClasses()
            .that().resideOutsideOfPackage("..web..")
            .should().dependOnClassesThat(backingBeans())
            .because("a service is called by pages, never the other way round");

    @ArchTest
    static final ArchRule servicesDoNotDependOnTheWebLayer = noClasses()
            .that().areAnnotatedWith(Stateless.class).or().areAnnotatedWith(Singleton.class)
            .should().dependOnClassesThat().resideInAPackage("..web..")
            .because("services work the same for a page, a REST resource, a scheduled job and a test");

    // ------------------------------------------------------------------ building blocks

    static Optional<String> contextOf(JavaClass type) {
        Matcher matcher = CONTEXT.matcher(type.getPackageName());
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static DescribedPredicate<JavaConstructorCall> target(Class<?> owner) {
        return DescribedPredicate.describe("of " + owner.getSimpleName(),
                call -> call.getTargetOwner().isEquivalentTo(owner));
    }

    /** Scopes of beans that hold a page's or a visitor's state; application-scoped beans (Site) are not backing beans. */
    private static final List<String> PAGE_SCOPES = List.of("jakarta.enterprise.context.RequestScoped",
            "jakarta.enterprise.context.SessionScoped", "jakarta.enterprise.context.ConversationScoped",
            "jakarta.faces.view.ViewScoped", "jakarta.faces.flow.FlowScoped", "org.omnifaces.cdi.ViewScoped");

    private static DescribedPredicate<JavaClass> backingBeans() {
        return DescribedPredicate.describe("are backing beans (*Backing, or page- or session-scoped, in a web package)",
                type -> type.getPackageName().matches(".*\\.web(\\..*)?")
                        && (type.getSimpleName().endsWith("Backing") || PAGE_SCOPES.stream().anyMatch(type::isAnnotatedWith)));
    }

    private static ArchCondition<JavaClass> beAccessedOnlyFromTheirOwnContext() {
        return new ArchCondition<>("be accessed only from their own context") {
            @Override
            public void check(JavaClass repository, ConditionEvents events) {
                Optional<String> own = contextOf(repository);
                for (Dependency dependency : repository.getDirectDependenciesToSelf()) {
                    JavaClass origin = dependency.getOriginClass();
                    Optional<String> from = contextOf(origin);
                    if (from.isPresent() && !from.equals(own)) {
                        events.add(SimpleConditionEvent.violated(dependency, origin.getName() + " (context " + from.get()
                                + ") uses " + repository.getName() + " (context " + own.orElse("?") + "): "
                                + dependency.getDescription()));
                    }
                }
            }
        };
    }

    private static ArchCondition<JavaClass> useOnlyTheirOwnContextsEntitiesWhenTheyUseTheEntityManager() {
        return new ArchCondition<>("refer only to their own context's entities when they use the EntityManager") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                boolean usesEntityManager = type.getAccessesFromSelf().stream()
                        .map(JavaAccess::getTargetOwner)
                        .anyMatch(owner -> owner.isAssignableTo(EntityManager.class));
                if (!usesEntityManager) {
                    return;
                }
                Optional<String> own = contextOf(type);
                for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    if (target.isAnnotatedWith(Entity.class) && !contextOf(target).equals(own)) {
                        events.add(SimpleConditionEvent.violated(dependency, type.getName() + " uses the EntityManager and "
                                + "refers to " + target.getName() + ", an entity of context " + contextOf(target).orElse("?")
                                + ": " + dependency.getDescription()));
                    }
                }
            }
        };
    }
}
