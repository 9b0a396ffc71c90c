package org.colloquy.organization;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

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
 * {@code POST /test/organization/notice-passed} {@code name}: moves the notices of that organization
 * as if their notice period had passed (access a minute ago, notice that much earlier), so a browser
 * test need not wait 14 days.
 */
@WebServlet(name = "OrganizationTestServlet", urlPatterns = "/test/organization/notice-passed")
public class OrganizationTestServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Resource(lookup = DatabaseMigrator.DATA_SOURCE)
    transient DataSource dataSource;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        OffsetDateTime from = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1);
        int moved;
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("update organization_notice set access_from = ?, noticed_at = ?"
                     + " where organization_id = (select id from organization where name = ?)")) {
            s.setObject(1, from);
            s.setObject(2, from.minusDays(14));
            s.setString(3, request.getParameter("name"));
            moved = s.executeUpdate();
        } catch (SQLException e) {
            throw new ServletException(e);
        }
        if (moved == 0) {
            response.sendError(404, "No notices of " + request.getParameter("name"));
            return;
        }
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write("ok");
    }
}
