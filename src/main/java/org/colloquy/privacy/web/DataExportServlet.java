package org.colloquy.privacy.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.colloquy.account.web.SignIns;
import org.colloquy.platform.security.Caller;
import org.colloquy.platform.security.MemberPrincipal;
import org.colloquy.privacy.export.DataExport;

/**
 * {@code POST /account/export}: the "Download my data" button of the privacy centre (P-ACCOUNT-3).
 * A plain form carrying the session's form token like the sign-out form, so another site cannot make
 * a member's browser fetch it; the answer is one JSON file, streamed as {@link DataExport} writes it.
 * There is no parameter naming a member: the export is always the caller's own.
 */
@WebServlet("/account/export")
@ServletSecurity(@HttpConstraint(rolesAllowed = "MEMBER"))
public class DataExportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient SignIns signIns;

    @Inject
    private transient Caller caller;

    @Inject
    private transient DataExport export;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!signIns.hasFormToken(request)) {
            response.sendRedirect(request.getContextPath() + "/account/privacy");
            return;
        }
        String username = caller.principal().map(MemberPrincipal::getName).orElseThrow();
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Disposition", "attachment; filename=\"colloquy-" + username + "-"
                + LocalDate.now(ZoneOffset.UTC) + ".json\"");
        response.setBufferSize(64 * 1024);
        OutputStream out = response.getOutputStream();
        export.exportCaller(out);
        out.flush();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + "/account/privacy#data");
    }
}
