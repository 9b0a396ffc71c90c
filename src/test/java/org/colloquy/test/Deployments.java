package org.colloquy.test;

import java.io.File;
import java.nio.file.Path;

import org.colloquy.forum.ForumSearchTestServlet;
import org.colloquy.forum.ForumTestServlet;
import org.colloquy.forum.ForumTestSupport;
import org.colloquy.forum.ForumWatchTestServlet;
import org.colloquy.privacy.PrivacyTestServlet;
import org.colloquy.privacy.PrivacyTestSupport;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one builder of Arquillian deployments: the real WAR that {@code mvn package} built, plus
 * whatever a test adds (its own class is added by Arquillian). Testing the artifact that ships
 * keeps deployments from drifting away from it and spares every test a list of classes.
 *
 * <h2>Usage</h2>
 * <pre>
 * &#64;Deployment
 * static WebArchive deployment() {
 *     return Deployments.portal().addClasses(FailingServlet.class);
 * }
 * </pre>
 */
public final class Deployments {

    /** Set by Failsafe to target/colloquy.war. */
    static final String WAR_PROPERTY = "colloquy.test.war";

    private Deployments() {
    }

    public static WebArchive portal() {
        File war = builtWar();
        return ShrinkWrap.create(ZipImporter.class, "colloquy.war").importFrom(war).as(WebArchive.class);
    }

    /**
     * The WAR the shared test {@link Portal} runs: the built WAR plus the test-only hooks that let
     * browser tests do what features not yet built would do ({@link PrivacyTestServlet}, the forum's test servlets), written
     * to {@code folder/colloquy-test.war}.
     */
    public static File portalTestWar(Path folder) {
        File war = folder.resolve("colloquy-test.war").toFile();
        portal().addClasses(PrivacyTestServlet.class, PrivacyTestSupport.class, ForumTestServlet.class, ForumTestSupport.class,
                ForumSearchTestServlet.class, ForumWatchTestServlet.class, TestMembers.class,
                org.colloquy.moderation.ModerationTestServlet.class,
                org.colloquy.workgroup.WorkgroupTestServlet.class,
                org.colloquy.event.EventTestServlet.class,
                org.colloquy.testimonial.TestimonialTestServlet.class,
                org.colloquy.privacy.breach.BreachTestServlet.class,
                org.colloquy.rights.RightsTestServlet.class,
                org.colloquy.removal.RemovalTestServlet.class,
                org.colloquy.organization.OrganizationTestServlet.class).as(ZipExporter.class).exportTo(war, true);
        return war;
    }

    public static File builtWar() {
        String path = System.getProperty(WAR_PROPERTY, "target/colloquy.war");
        File war = new File(path);
        if (!war.isFile()) {
            throw new IllegalStateException("No WAR at " + war.getAbsolutePath() + ": run the tests with mvn verify, which packages it first");
        }
        return war;
    }
}
