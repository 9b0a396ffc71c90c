package org.colloquy.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.colloquy.test.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** The layout every page shares, as a visitor in a browser meets it, on a desktop and on a phone. */
class LayoutBrowserIT extends BrowserTest {

    @Test
    void homePageOffersTheSectionsAndTheFooterLinks() {
        driver.manage().window().setSize(DESKTOP);
        open("/");

        assertEquals("Home · Colloquy", driver.getTitle());
        assertEquals("en", driver.findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals("Colloquy", driver.findElement(By.tagName("h1")).getText());

        List<String> nav = driver.findElements(By.cssSelector("nav[aria-label='Main'] a")).stream().map(WebElement::getText).toList();
        assertEquals(List.of("Forums", "Events", "Workgroups", "Testimonials"), nav);
        assertTrue(driver.findElement(By.linkText("Sign in")).isDisplayed());

        List<String> footer = driver.findElements(By.cssSelector("footer nav a")).stream().map(WebElement::getText).toList();
        assertEquals(List.of("Privacy policy", "Forum rules", "Cookies", "Your data rights", "Report an under-age account"), footer);
    }

    @Test
    void everyLinkOfTheHeaderAndFooterLeadsToAnAccessiblePage() {
        driver.manage().window().setSize(DESKTOP);
        for (String[] page : new String[][] {
                {"Forums", "Forums"}, {"Events", "Events"}, {"Workgroups", "Workgroups"}, {"Testimonials", "Testimonials"},
                {"Sign in", "Sign in"}, {"Privacy policy", "Privacy policy"}, {"Forum rules", "Forum rules"}, {"Cookies", "Cookies"}}) {
            open("/");
            driver.findElement(By.linkText(page[0])).click();
            awaitLoaded();
            checkPage(false);
            assertEquals(page[1], driver.findElement(By.tagName("h1")).getText(), "heading after following " + page[0]);
            assertEquals(page[1] + " · Colloquy", driver.getTitle());
        }
    }

    @Test
    void theCurrentSectionIsMarkedForAssistiveTechnology() {
        open("/events");
        WebElement current = driver.findElement(By.cssSelector("nav[aria-label='Main'] a[aria-current='page']"));
        assertEquals("Events", current.getText());
        assertEquals(1, driver.findElements(By.cssSelector("[aria-current]")).size());
    }

    @Test
    void theSkipLinkIsTheFirstKeyboardStopAndMovesFocusToTheContent() {
        open("/");
        new Actions(driver).sendKeys(Keys.TAB).perform();
        WebElement focused = driver.switchTo().activeElement();
        assertEquals("Skip to main content", focused.getText());
        assertTrue(focused.isDisplayed(), "the skip link shows when it has focus");
        screenshot();

        new Actions(driver).sendKeys(Keys.ENTER).perform();
        assertEquals("main", driver.switchTo().activeElement().getAttribute("id"));

        new Actions(driver).sendKeys(Keys.TAB).perform();
        WebElement next = driver.switchTo().activeElement();
        assertTrue(next.findElements(By.xpath("ancestor::main")).size() == 1, "the next stop is inside the content, not the header");
    }

    @Test
    void anUnknownAddressShowsTheNotFoundPageInTheLayout() {
        openErrorPage("/no-such-page");
        assertEquals("Page not found · Colloquy", driver.getTitle());
        assertEquals("Page not found", driver.findElement(By.tagName("h1")).getText());
        driver.findElement(By.linkText("Go to the home page")).click();
        awaitLoaded();
        assertEquals("Home · Colloquy", driver.getTitle());
    }

    @Test
    void onAPhoneNothingSticksOutSidewaysAndTheNavigationStaysReachable() {
        driver.manage().window().setSize(PHONE);
        try {
            for (String path : List.of("/", "/cookies", "/privacy", "/no-such-page")) {
                if (path.startsWith("/no-")) {
                    openErrorPage(path);
                } else {
                    open(path);
                }
                assertEquals(0, horizontalOverflow(), "horizontal scrolling on " + path + " at 360 px");
                long viewport = ((Number) script("return document.documentElement.clientWidth;")).longValue();
                for (WebElement link : driver.findElements(By.cssSelector("nav[aria-label='Main'] a"))) {
                    assertTrue(link.isDisplayed(), link.getText() + " is visible on a phone");
                    Map<?, ?> rect = (Map<?, ?>) script("const r = arguments[0].getBoundingClientRect(); return {left: r.left, right: r.right};", link);
                    assertTrue(((Number) rect.get("right")).doubleValue() <= viewport, link.getText() + " fits the phone's width");
                }
            }
        } finally {
            driver.manage().window().setSize(DESKTOP);
        }
    }
}
