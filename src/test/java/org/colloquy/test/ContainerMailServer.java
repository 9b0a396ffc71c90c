package org.colloquy.test;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The SMTP server of the Arquillian deployments: one {@link TestMailServer} per test run, started
 * before the first Arquillian test class, whose port it publishes as the system property
 * {@value #PORT_PROPERTY}. {@code arquillian.xml} passes that port to every Payara Micro it starts
 * ({@code -Dcolloquy.smtp.port=${colloquy.test.smtp.port}}), so deployments send real SMTP to it.
 * A test class that takes a {@link MailInbox} parameter adds {@code MailInbox} and
 * {@link ReceivedMail} to its deployment, so that it loads in the container.
 *
 * <p>Registered for every test class through JUnit's extension auto-detection
 * ({@code junit-platform.properties} and {@code META-INF/services}), because Arquillian reads
 * {@code arquillian.xml} once, when the first Arquillian class of the run starts, and that may be
 * any of them. A client-side test ({@code @RunAsClient}) receives the server as a parameter:
 * <pre>
 * &#64;Test &#64;RunAsClient
 * void mailArrives(MailInbox smtp) { ... smtp.awaitMail("ada@example.org", Duration.ofSeconds(20)) ... }
 * </pre>
 * The shared {@link Portal} has a server of its own ({@link Portal#mail()}).
 */
public class ContainerMailServer implements BeforeAllCallback, ParameterResolver {

    public static final String PORT_PROPERTY = "colloquy.test.smtp.port";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ContainerMailServer.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        boolean arquillian = AnnotationSupport.findRepeatableAnnotations(context.getRequiredTestClass(), ExtendWith.class).stream()
                .anyMatch(extendWith -> java.util.List.of(extendWith.value()).contains(ArquillianExtension.class));
        if (arquillian) {
            server(context);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == MailInbox.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server(context);
    }

    private static TestMailServer server(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(TestMailServer.class, key -> {
            TestMailServer server = TestMailServer.start();
            System.setProperty(PORT_PROPERTY, Integer.toString(server.port()));
            return server;
        }, TestMailServer.class);
    }
}
