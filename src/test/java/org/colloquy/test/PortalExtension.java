package org.colloquy.test;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands tests the one {@link Portal} of the test run: started by the first test that asks for it,
 * kept in JUnit's root store, and stopped when the run ends. A browser or HTTP test thus costs no
 * Payara start of its own.
 *
 * <h2>Usage</h2>
 * <pre>
 * &#64;ExtendWith(PortalExtension.class)
 * class PublicPagesIT {
 *     &#64;Test
 *     void homePage(Portal portal) { ... portal.uri("/") ... }
 * }
 * </pre>
 */
public class PortalExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PortalExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Portal.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return portal(context);
    }

    static Portal portal(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Portal.class, key -> Portal.start(), Portal.class);
    }
}
