package org.colloquy.event;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.colloquy.platform.persistence.DatabaseMigrator;

/**
 * Deployed only by tests, in the test portal's WAR (see {@code Deployments.portalTestWar}).
 * {@code POST /test/event/grant} {@code username}: makes that member an event manager, as an
 * administrator would on the member's admin page (whose own browser test covers that).
 */
@WebServlet("/test/event/grant")
public class EventTestServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Resource(lookup = DatabaseMigrator.DATA_SOURCE)
    private transient DataSource dataSource;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("insert into member_role (member_id, role)"
                     + " select id, 'EVENT_MANAGER' from member where username_key = ?")) {
            s.setString(1, request.getParameter("username").toLowerCase(Locale.ROOT));
            if (s.executeUpdate() != 1) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
        } catch (SQLException e) {
            throw new IOException(e);
        }
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write("ok");
    }
}
