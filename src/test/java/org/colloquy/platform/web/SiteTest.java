package org.colloquy.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The site's address as links in mail use it. */
class SiteTest {

    @Test
    void theUrlHasNoTrailingSlashSoThatPathsCanBeAppended() {
        assertEquals("https://community.example.org", site("https://community.example.org/").getUrl());
        assertEquals("http://127.0.0.1:8080", site(" http://127.0.0.1:8080// ").getUrl());
        assertEquals("https://example.org/community", site("https://example.org/community").getUrl());
    }

    private static Site site(String url) {
        Site site = new Site();
        site.url = url;
        return site;
    }
}
