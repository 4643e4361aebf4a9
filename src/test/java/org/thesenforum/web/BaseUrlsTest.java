package org.thesenforum.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class BaseUrlsTest {

    @Test
    void theConfiguredAddressWinsAndLosesItsTrailingSlash() {
        assertEquals("https://forum.example.org", BaseUrls.forRequest(config(" https://forum.example.org/ "),
                "http", "localhost:8080"));
        assertEquals(Optional.empty(), BaseUrls.configured(config("  ")));
    }

    @Test
    void withoutConfigurationTheRequestsAddressIsUsed() {
        assertEquals("https://forum.example.net:8443", BaseUrls.forRequest(config(null), "https",
                "Forum.Example.net:8443"));
        assertEquals("http://127.0.0.1:8081", BaseUrls.forRequest(config(null), "http", "127.0.0.1:8081"));
        assertEquals(BaseUrls.FALLBACK, BaseUrls.forRequest(config(null), "http", null));
        assertEquals(BaseUrls.FALLBACK, BaseUrls.forRequest(config(null), "http", "evil.example/<script>"));
        assertEquals(BaseUrls.FALLBACK, BaseUrls.configuredOrFallback(config(null)));
    }

    @Test
    void sitesAreComparedBySchemeHostAndPort() {
        assertTrue(BaseUrls.sameSite("https://forum.example.org", "https://FORUM.example.org:443"));
        assertTrue(BaseUrls.sameSite("http://localhost:8080/forum", "http://localhost:8080"));
        assertFalse(BaseUrls.sameSite("https://forum.example.org", "http://forum.example.org"));
        assertFalse(BaseUrls.sameSite("http://localhost:8080", "http://localhost:8081"));
        assertFalse(BaseUrls.sameSite("kein url", "http://localhost"));
    }

    private static ForumConfig config(String baseUrl) {
        return (ForumConfig) java.lang.reflect.Proxy.newProxyInstance(ForumConfig.class.getClassLoader(),
                new Class<?>[] { ForumConfig.class }, (proxy, method, args) -> {
                    if (method.getName().equals("baseUrl")) {
                        return Optional.ofNullable(baseUrl);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
