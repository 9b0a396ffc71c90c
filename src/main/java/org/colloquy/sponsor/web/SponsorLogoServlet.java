package org.colloquy.sponsor.web;

import java.io.IOException;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.colloquy.sponsor.SponsorService;

/**
 * A sponsor's logo, {@code /sponsor-logo/{id}?v={version}}: the PNG drawn from the upload, public
 * like the sponsor's name. Stateless (no session is read or made) and cacheable for a year by
 * browsers and proxies, because a new logo gets a new version and so a new address
 * ({@link SponsorService.SponsorView#logoPath()}). An unknown sponsor or one without a logo is a 404.
 */
@WebServlet(name = "SponsorLogoServlet", urlPatterns = "/sponsor-logo/*")
public class SponsorLogoServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient SponsorService sponsors;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        Optional<byte[]> logo = path != null && path.matches("/\\d{1,18}") ? sponsors.logo(Long.parseLong(path.substring(1))) : Optional.empty();
        if (logo.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("image/png");
        response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
        response.setContentLength(logo.get().length);
        response.getOutputStream().write(logo.get());
    }
}
