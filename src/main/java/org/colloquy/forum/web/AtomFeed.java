package org.colloquy.forum.web;

import java.io.OutputStream;

import javax.xml.stream.XMLStreamException;

import org.colloquy.forum.ForumFeeds;
import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.web.Atom;

/**
 * A {@link ForumFeeds.Feed} as Atom ({@link Atom} writes it). Each entry: the topic's title with the
 * post's number, the post's address, when it was posted and last changed, its author with the
 * username only (P-FORUM-1: no email, no real name), and its safe HTML as escaped {@code type="html"}
 * content.
 */
public final class AtomFeed {

    public static final String CONTENT_TYPE = Atom.CONTENT_TYPE;

    private AtomFeed() {
    }

    /**
     * @param siteUrl the portal's public address without a trailing slash, for absolute links and ids
     */
    public static void write(ForumFeeds.Feed feed, String siteUrl, String siteName, OutputStream out) throws XMLStreamException {
        Atom.write(new Atom.Feed(siteUrl + feed.feedPath(), feed.title(), siteUrl + feed.pagePath(), feed.updated(),
                feed.entries().stream().map(entry -> new Atom.Entry(
                        siteUrl + entry.topic().path() + "#post-" + entry.post().number(),
                        Texts.get("feed.entry.title", entry.topic().title(), entry.post().number()),
                        siteUrl + entry.topic().path(entry.post().page()) + "#post-" + entry.post().number(),
                        entry.post().createdAt(),
                        entry.post().editedAt() != null ? entry.post().editedAt() : entry.post().createdAt(),
                        entry.author() != null ? entry.author() : Texts.get("forum.formerMember"),
                        entry.post().bodyHtml(), true)).toList()),
                siteName, out);
    }
}
