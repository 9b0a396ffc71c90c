package org.colloquy.platform.demo;

/**
 * A bounded context's contribution of demo content, seeded once in demo mode
 * ({@code COLLOQUY_DEMO=true}) so that a newcomer has members, forums, a webinar and a workgroup to
 * click through. Implementations are CDI beans; they seed through their own context's services.
 *
 * <h2>Usage</h2>
 * <pre>
 * &#64;ApplicationScoped
 * public class ForumDemoContent implements DemoContent {
 *     public String name() { return "forum"; }
 *     public int order() { return 30; }   // after accounts (10) and privacy (20)
 *     public void seed() { ... forumService.createCategory(...) ... }
 * }
 * </pre>
 */
public interface DemoContent {

    /** A stable name, recorded once seeded; renaming it seeds again. At most 100 characters. */
    String name();

    /** Lower seeds first: a context seeds after the contexts it builds on. */
    int order();

    /** Creates the demo content; runs inside a transaction that also records {@link #name()}. */
    void seed();
}
