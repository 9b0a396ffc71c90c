package org.colloquy.forum.web;

import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.colloquy.forum.ForumFeeds;
import org.colloquy.platform.i18n.Texts;

/**
 * Writes a {@link ForumFeeds.Feed} as an Atom 1.0 document (RFC 4287) with the JDK's StAX writer, which
 * escapes all text. Each entry: the topic's title with the post's number, the post's address, when it
 * was posted and last changed, its author as {@code <name>} with the username only (P-FORUM-1: no
 * {@code <email>}, no real name), and its safe HTML as escaped {@code type="html"} content.
 */
public final class AtomFeed {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    public static final String CONTENT_TYPE = "application/atom+xml;charset=UTF-8";

    private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private AtomFeed() {
    }

    /**
     * @param siteUrl the portal's public address without a trailing slash, for absolute links and ids
     */
    public static void write(ForumFeeds.Feed feed, String siteUrl, String siteName, OutputStream out) throws XMLStreamException {
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("feed");
        xml.writeDefaultNamespace(ATOM);
        element(xml, "id", siteUrl + feed.feedPath());
        element(xml, "title", feed.title() + " · " + siteName);
        element(xml, "updated", time(feed.updated()));
        link(xml, "self", CONTENT_TYPE.substring(0, CONTENT_TYPE.indexOf(';')), siteUrl + feed.feedPath());
        link(xml, "alternate", "text/html", siteUrl + feed.pagePath());
        element(xml, "generator", siteName);
        for (ForumFeeds.Entry entry : feed.entries()) {
            String address = siteUrl + entry.topic().path(entry.post().page()) + "#post-" + entry.post().number();
            xml.writeStartElement("entry");
            element(xml, "id", siteUrl + entry.topic().path() + "#post-" + entry.post().number());
            element(xml, "title", Texts.get("feed.entry.title", entry.topic().title(), entry.post().number()));
            link(xml, "alternate", "text/html", address);
            element(xml, "published", time(entry.post().createdAt()));
            element(xml, "updated", time(entry.post().editedAt() != null ? entry.post().editedAt() : entry.post().createdAt()));
            xml.writeStartElement("author");
            element(xml, "name", entry.author() != null ? entry.author() : Texts.get("forum.formerMember"));
            xml.writeEndElement();
            xml.writeStartElement("content");
            xml.writeAttribute("type", "html");
            xml.writeCharacters(entry.post().bodyHtml());
            xml.writeEndElement();
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.flush();
        xml.close();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String type, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href);
    }

    private static String time(OffsetDateTime at) {
        return RFC_3339.format(at.withOffsetSameInstant(ZoneOffset.UTC));
    }
}
