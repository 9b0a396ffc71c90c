package org.colloquy.platform.web;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address of the client a request comes from, for throttling and the sessions list. Behind a
 * reverse proxy the connection comes from the proxy, so {@code X-Forwarded-For} is believed, but
 * only when the connection comes from an address in {@code colloquy.proxy.trusted}
 * (default: this machine), and then only up to the first address that is not a trusted proxy:
 * a client cannot pick its own address by sending the header itself.
 */
@ApplicationScoped
public class ClientAddresses {

    @Inject
    @ConfigProperty(name = "colloquy.proxy.trusted", defaultValue = "127.0.0.1,::1,0:0:0:0:0:0:0:1")
    private List<String> trusted;

    public String of(HttpServletRequest request) {
        return of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"), Set.copyOf(trusted));
    }

    static String of(String remote, String forwardedFor, Set<String> trustedProxies) {
        if (forwardedFor == null || forwardedFor.isBlank() || !trustedProxies.contains(remote)) {
            return remote;
        }
        List<String> hops = Arrays.stream(forwardedFor.split(",")).map(String::strip)
                .filter(hop -> !hop.isEmpty()).collect(Collectors.toList());
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!trustedProxies.contains(hops.get(i))) {
                return hops.get(i);
            }
        }
        return hops.isEmpty() ? remote : hops.get(0);
    }
}
