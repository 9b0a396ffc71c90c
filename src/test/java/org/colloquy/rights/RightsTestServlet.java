package org.colloquy.rights;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.colloquy.platform.persistence.DatabaseMigrator;

/**
 * Deployed only by tests, in the test portal's WAR (see {@code Deployments.portalTestWar}).
 * {@code POST /test/rights/officer} {@code username}: gives the member the PRIVACY_OFFICER role,
 * as an administrator would, so a browser test can work the rights queue as a privacy officer.
 */
@WebServlet(name = "RightsTestServlet", urlPatterns = "/test/rights/officer")
public class RightsTestServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Resource(lookup = DatabaseMigrator.DATA_SOURCE)
    transient DataSource dataSource;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        String username = request.getParameter("username");
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("insert into member_role (member_id, role)"
                     + " select id, 'PRIVACY_OFFICER' from member where username_key = ?")) {
            s.setString(1, username.toLowerCase(Locale.ROOT));
            if (s.executeUpdate() != 1) {
                response.sendError(404, "No member " + username);
                return;
            }
        } catch (SQLException e) {
            throw new ServletException(e);
        }
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write("ok");
    }
}
