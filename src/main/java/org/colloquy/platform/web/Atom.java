package org.colloquy.platform.web;

import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes an Atom 1.0 document (RFC 4287) with the JDK's StAX writer, which escapes all text. Each
 * context builds its {@link Feed} from what it may show the public; this class only writes it. The
 * feed itself names the site as its author, so an entry without an author of its own (an
 * anonymous testimonial) is still valid Atom.
 */
public final class Atom {

    public static final String CONTENT_TYPE = "application/atom+xml;charset=UTF-8";
    static final String NAMESPACE = "http://www.w3.org/2005/Atom";

    private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    /**
     * One entry. Addresses are absolute.
     *
     * @param author the name shown as the entry's author, or null for none (the feed's author stands)
     * @param html   true when {@code content} is safe HTML, false when it is plain text
     */
    public record Entry(String id, String title, String address, OffsetDateTime published, OffsetDateTime updated,
                        String author, String content, boolean html) {
        public Entry {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(published, "published");
            Objects.requireNonNull(updated, "updated");
        }
    }

    /** A feed: its own address (also its id), its title, the page it follows, when it last changed, its entries. */
    public record Feed(String address, String title, String pageAddress, OffsetDateTime updated, List<Entry> entries) {
        public Feed {
            entries = List.copyOf(entries);
        }
    }

    private Atom() {
    }

    public static void write(Feed feed, String siteName, OutputStream out) throws XMLStreamException {
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("feed");
        xml.writeDefaultNamespace(NAMESPACE);
        element(xml, "id", feed.address());
        element(xml, "title", feed.title() + " · " + siteName);
        element(xml, "updated", time(feed.updated()));
        link(xml, "self", CONTENT_TYPE.substring(0, CONTENT_TYPE.indexOf(';')), feed.address());
        link(xml, "alternate", "text/html", feed.pageAddress());
        author(xml, siteName);
        element(xml, "generator", siteName);
        for (Entry entry : feed.entries()) {
            xml.writeStartElement("entry");
            element(xml, "id", entry.id());
            element(xml, "title", entry.title());
            link(xml, "alternate", "text/html", entry.address());
            element(xml, "published", time(entry.published()));
            element(xml, "updated", time(entry.updated()));
            if (entry.author() != null) {
                author(xml, entry.author());
            }
            xml.writeStartElement("content");
            xml.writeAttribute("type", entry.html() ? "html" : "text");
            xml.writeCharacters(entry.content() == null ? "" : entry.content());
            xml.writeEndElement();
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.flush();
        xml.close();
    }

    private static void author(XMLStreamWriter xml, String name) throws XMLStreamException {
        xml.writeStartElement("author");
        element(xml, "name", name);
        xml.writeEndElement();
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
