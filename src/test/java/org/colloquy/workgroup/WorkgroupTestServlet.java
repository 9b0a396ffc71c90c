package org.colloquy.workgroup;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.colloquy.platform.persistence.DatabaseMigrator;

/**
 * Deployed only by tests, in the test portal's WAR. {@code POST /test/workgroup/due} {@code release}:
 * moves that planned release to today (UTC), as if its notice period had passed, so that a chair can
 * release it; answers "ok".
 */
@WebServlet("/test/workgroup/due")
public class WorkgroupTestServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Resource(lookup = DatabaseMigrator.DATA_SOURCE)
    transient DataSource dataSource;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long release = Long.parseLong(request.getParameter("release"));
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("update document_release set planned_for = ? where id = ? and status = 'PLANNED'")) {
            s.setObject(1, LocalDate.now(ZoneOffset.UTC));
            s.setLong(2, release);
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
