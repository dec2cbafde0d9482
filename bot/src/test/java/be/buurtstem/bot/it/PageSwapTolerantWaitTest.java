package be.buurtstem.bot.it;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which browser errors mean "the next page is not there yet" (asked again) and which fail a wait at once. */
class PageSwapTolerantWaitTest {

    @Test
    void aNodeOfTheReplacedDocumentIsAPageSwap() {
        // the exact text chromedriver 150 gave in CI when a form's answer page replaced the one being read
        assertTrue(Browser.PageSwapTolerantWait.isPageSwap(new WebDriverException(
                "unknown error: unhandled inspector error: {\"code\":-32000,\"message\":\"Node with given id does not belong to the document\"}")));
        assertTrue(Browser.PageSwapTolerantWait.isPageSwap(new StaleElementReferenceException("stale element reference")));
    }

    @Test
    void otherErrorsAreNot() {
        assertFalse(Browser.PageSwapTolerantWait.isPageSwap(new WebDriverException("unknown error: session deleted because of page crash")));
        assertFalse(Browser.PageSwapTolerantWait.isPageSwap(new WebDriverException((String) null)));
    }
}
