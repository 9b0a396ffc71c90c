package org.colloquy.platform.demo;

import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Demo contributions that only the integration tests deploy, to watch the seeder at work. */
public final class TestDemoContents {

    /** Distinguishes this deployment's records from those of earlier runs on a database that persists. */
    private static final String RUN = java.util.UUID.randomUUID().toString().substring(0, 8);

    public static final String SAMPLE = "test-sample-" + RUN;
    public static final String SAMPLE_MARKER = "test-sample-wrote-this-" + RUN;
    public static final String FAILING = "test-failing-" + RUN;
    public static final String FAILING_MARKER = "test-failing-wrote-this-" + RUN;

    private TestDemoContents() {
    }

    /** Writes a marker row, so a test can see that its writes commit with the seed record. */
    @ApplicationScoped
    public static class Sample implements DemoContent {

        @PersistenceContext(unitName = "colloquy")
        EntityManager entityManager;

        @Override
        public String name() {
            return SAMPLE;
        }

        @Override
        public int order() {
            return 1;
        }

        @Override
        public void seed() {
            entityManager.persist(new DemoSeed(SAMPLE_MARKER, OffsetDateTime.now()));
        }
    }

    /** Writes a marker row and then fails, so a test can see that nothing of it is kept. */
    @ApplicationScoped
    public static class Failing implements DemoContent {

        @PersistenceContext(unitName = "colloquy")
        EntityManager entityManager;

        @Override
        public String name() {
            return FAILING;
        }

        @Override
        public int order() {
            return 2;
        }

        @Override
        public void seed() {
            entityManager.persist(new DemoSeed(FAILING_MARKER, OffsetDateTime.now()));
            entityManager.flush();
            throw new IllegalStateException("this demo contribution fails on purpose");
        }
    }
}
