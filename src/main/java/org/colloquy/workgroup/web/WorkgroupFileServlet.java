package org.colloquy.workgroup.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.colloquy.workgroup.NoSuchWorkgroupItemException;
import org.colloquy.workgroup.WorkgroupService;
import org.colloquy.workgroup.WorkgroupViews.FileContent;

/**
 * Serves document files. {@code /workgroups/draft/{documentId}}: a draft, for the group's
 * participants, chairs and administrators only (anyone else, signed in or not, gets 404 and a
 * private no-store answer). {@code /workgroups/released/{releaseId}}: the file of a released document,
 * for everyone, while it is not withdrawn. Always as a download, with the type the server found.
 */
@WebServlet({"/workgroups/draft/*", "/workgroups/released/*"})
public class WorkgroupFileServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient WorkgroupService workgroups;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String info = request.getPathInfo();
        long id;
        try {
            id = Long.parseLong(info == null ? "" : info.substring(1));
        } catch (NumberFormatException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        boolean draft = request.getServletPath().equals("/workgroups/draft");
        FileContent file;
        try {
            file = draft ? workgroups.draft(id) : workgroups.releasedFile(id);
        } catch (NoSuchWorkgroupItemException e) {
            response.setHeader("Cache-Control", "private, no-store");
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setHeader("Cache-Control", draft ? "private, no-store" : "public, max-age=300");
        response.setContentType(file.mediaType());
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''"
                + java.net.URLEncoder.encode(file.fileName(), StandardCharsets.UTF_8).replace("+", "%20"));
        response.setContentLength(file.bytes().length);
        response.getOutputStream().write(file.bytes());
    }
}
