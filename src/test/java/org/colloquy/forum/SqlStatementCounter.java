package org.colloquy.forum;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.persistence.EntityManagerFactory;

/**
 * Counts the SQL statements EclipseLink sends to the database, through a session event listener
 * on the server session ({@code postExecuteCall} fires once per database call, whatever the JPA
 * query). Reflection keeps the tests free of a compile-time dependency on EclipseLink, which the
 * container provides. Sessions acquired after {@link #start} copy the listener; stop it when done.
 */
public final class SqlStatementCounter implements AutoCloseable {

    private final Object eventManager;
    private final Object listener;
    private final AtomicInteger calls = new AtomicInteger();
    private volatile boolean counting;

    private SqlStatementCounter(Object eventManager, Object listener) {
        this.eventManager = eventManager;
        this.listener = listener;
    }

    public static SqlStatementCounter start(EntityManagerFactory emf) {
        try {
            ClassLoader loader = emf.getClass().getClassLoader();
            Class<?> sessionType = Class.forName("org.eclipse.persistence.sessions.Session", true, loader);
            Class<?> listenerType = Class.forName("org.eclipse.persistence.sessions.SessionEventListener", true, loader);
            Object session = emf.unwrap(sessionType);
            Object eventManager = sessionType.getMethod("getEventManager").invoke(session);
            SqlStatementCounter[] self = new SqlStatementCounter[1];
            InvocationHandler handler = (proxy, method, args) -> handle(self[0], proxy, method, args);
            Object listener = Proxy.newProxyInstance(loader, new Class<?>[] {listenerType}, handler);
            self[0] = new SqlStatementCounter(eventManager, listener);
            eventManager.getClass().getMethod("addListener", listenerType).invoke(eventManager, listener);
            return self[0];
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Could not listen to EclipseLink's session events", e);
        }
    }

    private static Object handle(SqlStatementCounter counter, Object proxy, Method method, Object[] args) {
        switch (method.getName()) {
            case "postExecuteCall" -> {
                if (counter != null && counter.counting) {
                    counter.calls.incrementAndGet();
                }
                return null;
            }
            case "equals" -> {
                return proxy == args[0];
            }
            case "hashCode" -> {
                return System.identityHashCode(proxy);
            }
            case "toString" -> {
                return "SqlStatementCounter";
            }
            default -> {
                return null;
            }
        }
    }

    /** The statements sent while running {@code work}. */
    public int count(Runnable work) {
        calls.set(0);
        counting = true;
        try {
            work.run();
        } finally {
            counting = false;
        }
        return calls.get();
    }

    @Override
    public void close() {
        try {
            eventManager.getClass().getMethod("removeListener", listener.getClass().getInterfaces()[0]).invoke(eventManager, listener);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
