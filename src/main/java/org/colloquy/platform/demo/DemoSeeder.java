package org.colloquy.platform.demo;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seeds every {@link DemoContent} contribution once, in order, when demo mode is on. Each
 * contribution and its {@link DemoSeed} record commit together, so a restart on a file-backed
 * database seeds only what is new, and a contribution that fails leaves nothing half-seeded.
 * Off by default: production and tests never get demo content unless they ask for it.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
@TransactionManagement(TransactionManagementType.BEAN)
public class DemoSeeder {

    private static final Logger LOG = Logger.getLogger(DemoSeeder.class.getName());

    @Inject
    @ConfigProperty(name = "colloquy.demo", defaultValue = "false")
    boolean demoMode;

    @Inject
    @Any
    Instance<DemoContent> contributions;

    @PersistenceContext(unitName = "colloquy")
    EntityManager entityManager;

    @Resource
    UserTransaction transaction;

    @PostConstruct
    void seedOnStartup() {
        if (demoMode) {
            List<String> seeded = seedAll();
            LOG.info(() -> "Demo mode: seeded " + (seeded.isEmpty() ? "nothing new" : seeded));
        }
    }

    /**
     * Seeds each contribution not yet recorded.
     *
     * @return the names of the contributions seeded by this call, in order
     */
    public List<String> seedAll() {
        List<String> already = seededNames();
        List<DemoContent> pending = contributions.stream()
                .filter(c -> !already.contains(c.name()))
                .sorted(Comparator.comparingInt(DemoContent::order).thenComparing(DemoContent::name))
                .toList();
        return pending.stream().filter(this::seedOne).map(DemoContent::name).toList();
    }

    /** The names of the contributions seeded so far, in alphabetical order. */
    public List<String> seededNames() {
        return entityManager.createNamedQuery("DemoSeed.findAllNames", String.class).getResultList();
    }

    private boolean seedOne(DemoContent contribution) {
        try {
            transaction.begin();
            contribution.seed();
            entityManager.persist(new DemoSeed(contribution.name(), OffsetDateTime.now(ZoneOffset.UTC)));
            transaction.commit();
            return true;
        } catch (Exception e) {
            rollbackQuietly();
            LOG.log(Level.WARNING, "Demo content '" + contribution.name() + "' could not be seeded; nothing of it was kept", e);
            return false;
        }
    }

    private void rollbackQuietly() {
        try {
            transaction.rollback();
        } catch (Exception e) {
            LOG.log(Level.FINE, "Rollback after a failed demo seed", e);
        }
    }
}
