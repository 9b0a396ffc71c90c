package org.colloquy.testimonial.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import javax.xml.stream.XMLStreamException;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.web.Atom;
import org.colloquy.platform.web.Site;
import org.colloquy.testimonial.PublicTestimonial;
import org.colloquy.testimonial.TestimonialService;

/**
 * {@code /feeds/testimonials}: the newest published testimonials as Atom, each credited exactly as its
 * author consents now (a name, initials and organization, or none), nothing else of the author. A
 * withdrawn consent must take the name off the feed at the next fetch, as off the page, so nobody
 * may keep a copy without asking again: {@code Cache-Control: no-cache}. No session is opened.
 */
@WebServlet("/feeds/testimonials")
public class TestimonialFeedServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient TestimonialService testimonials;

    @Inject
    private transient Site site;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String siteUrl = site.getUrl();
        List<PublicTestimonial> items = testimonials.forFeed();
        List<Atom.Entry> entries = items.stream().map(t -> entry(siteUrl, t)).toList();
        OffsetDateTime updated = items.stream().map(PublicTestimonial::publishedAt).max(OffsetDateTime::compareTo)
                .orElse(OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
        ByteArrayOutputStream body = new ByteArrayOutputStream(8192);
        try {
            Atom.write(new Atom.Feed(siteUrl + "/feeds/testimonials", Texts.get("testimonial.feed.title"), siteUrl + "/testimonials",
                    updated, entries), site.getName(), body);
        } catch (XMLStreamException e) {
            throw new IOException("Could not write the testimonials feed", e);
        }
        response.setContentType(Atom.CONTENT_TYPE);
        response.setHeader("Cache-Control", "no-cache");
        response.setContentLength(body.size());
        body.writeTo(response.getOutputStream());
    }

    private static Atom.Entry entry(String siteUrl, PublicTestimonial t) {
        String title = t.isAnonymous() ? Texts.get("testimonial.feed.entry.anonymous") : Texts.get("testimonial.feed.entry.named", t.credit());
        if (t.about() != null) {
            title = Texts.get("testimonial.feed.entry.about", title, t.about());
        }
        String address = siteUrl + "/testimonials#testimonial-" + t.id();
        return new Atom.Entry(address, title, address, t.publishedAt(), t.publishedAt(), t.credit(), t.body(), false);
    }
}
