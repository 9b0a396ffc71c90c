package org.colloquy.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;

import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1");

    @Test
    void aDirectClientIsItsConnectionsAddress() {
        assertEquals("203.0.113.9", ClientAddresses.of("203.0.113.9", null, LOOPBACK));
    }

    @Test
    void aDirectClientCannotClaimAnotherAddress() {
        assertEquals("203.0.113.9", ClientAddresses.of("203.0.113.9", "198.51.100.1", LOOPBACK));
    }

    @Test
    void behindTheTrustedProxyTheForwardedAddressCounts() {
        assertEquals("198.51.100.1", ClientAddresses.of("127.0.0.1", "198.51.100.1", LOOPBACK));
    }

    @Test
    void aForgedFirstHopIsIgnoredInFavourOfWhatTheProxySaw() {
        assertEquals("198.51.100.1", ClientAddresses.of("127.0.0.1", "10.9.9.9, 198.51.100.1", LOOPBACK));
    }
}
