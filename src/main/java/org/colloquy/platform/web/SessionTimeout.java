package org.colloquy.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Gives every HTTP session the idle timeout of {@code colloquy.session.idle-minutes} (default 30). */
@WebListener
public class SessionTimeout implements HttpSessionListener {

    @Inject
    @ConfigProperty(name = "colloquy.session.idle-minutes", defaultValue = "30")
    private int idleMinutes;

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        event.getSession().setMaxInactiveInterval(Math.max(1, idleMinutes) * 60);
    }
}
