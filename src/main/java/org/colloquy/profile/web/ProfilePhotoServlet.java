package org.colloquy.profile.web;

import java.io.IOException;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.colloquy.account.MemberDirectory;
import org.colloquy.profile.ProfileService;

/**
 * A member's photo, {@code /profile-photo/{username}/large} or {@code .../small}, served only when
 * {@link ProfileService#photo} says the caller may see it; otherwise, and for no photo, 404, so a
 * private profile's photo cannot be fetched by guessing its address. The bytes are the re-encoded
 * JPEG (never the upload); browsers must ask again each time ({@code no-cache}), so a change of
 * visibility holds from the next view.
 */
@WebServlet(name = "ProfilePhotoServlet", urlPatterns = "/profile-photo/*")
public class ProfilePhotoServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient MemberDirectory directory;

    @Inject
    private transient ProfileService profiles;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        String[] parts = path == null ? new String[0] : path.substring(1).split("/", -1);
        if (parts.length != 2 || !(parts[1].equals("large") || parts[1].equals("small"))) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        MemberDirectory.Lookup lookup = directory.lookup(parts[0]);
        Optional<byte[]> photo = lookup.isFound() ? profiles.photo(lookup.member(), parts[1].equals("large")) : Optional.empty();
        if (photo.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("image/jpeg");
        response.setHeader("Cache-Control", "private, no-cache");
        response.setContentLength(photo.get().length);
        response.getOutputStream().write(photo.get());
    }
}
