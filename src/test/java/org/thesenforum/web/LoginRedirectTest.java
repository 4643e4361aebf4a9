package org.thesenforum.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;

import org.junit.jupiter.api.Test;

class LoginRedirectTest {

    private static final String HOST = "forum.example:8080";

    @Test
    void aPageRequestReturnsToItselfWithItsQuery() {
        assertEquals("/topics/7?frage=3", next("GET", "/topics/7?frage=3", null));
        assertEquals("/account", next("GET", "/account", "http://" + HOST + "/topics/7"));
    }

    @Test
    void aFormPostReturnsToThePageInItsSameOriginReferer() {
        assertEquals("/topics/7?frage=3",
                next("POST", "/topics/7/comments", "http://" + HOST + "/topics/7?frage=3#c9"));
        assertEquals("/discussions/ankommen",
                next("POST", "/comments/9/edit", "https://" + HOST + "/discussions/ankommen"));
    }

    @Test
    void aRefererThatIsItselfAFormAddressIsTurnedIntoItsPage() {
        // The topic page shown again after a refused post has the POST address in the address bar.
        assertEquals("/topics/7", next("POST", "/topics/7/comments", "http://" + HOST + "/topics/7/comments"));
        assertEquals("/admin", next("POST", "/admin/accounts/4/role", "http://" + HOST + "/admin/invitations"));
    }

    @Test
    void withoutAUsableRefererAFormPostReturnsToItsTopicOrComment() {
        assertEquals("/topics/7", next("POST", "/topics/7/comments", null));
        assertEquals("/topics/7", next("POST", "/topics/7/lock", "http://evil.example/topics/1"));
        assertEquals("/topics/7", next("POST", "/topics/7/comments", "http://" + HOST + "/login?next=%2F"));
        assertEquals("/comments/9", next("POST", "/comments/9/edit", "not a uri at all"));
        assertEquals("/admin/papers", next("POST", "/admin/papers/import", null));
        assertEquals("/", next("POST", "/logout", null));
    }

    @Test
    void onlyPathsOnThisSiteAreSafeReturnAddresses() {
        assertEquals("/topics/7?frage=3", LoginRedirect.safeNext("/topics/7?frage=3"));
        assertEquals("/login?next=%2Faccount", LoginRedirect.safeNext("/login?next=%2Faccount"));
        for (String hostile : new String[] { null, "", "https://evil.example", "http://evil.example/topics/1",
                "//evil.example", "///evil.example", "/\\evil.example", "\\\\evil.example", "evil.example",
                "javascript:alert(1)", "/\r\nSet-Cookie:x=y", "/a b", "/" + "x".repeat(2000) }) {
            assertEquals("/", LoginRedirect.safeNext(hostile), String.valueOf(hostile));
        }
    }

    @Test
    void theLoginAddressCarriesTheEncodedTarget() {
        assertEquals(URI.create("/login?next=%2Ftopics%2F7%3Ffrage%3D3"), LoginRedirect.login("POST",
                URI.create("http://" + HOST + "/topics/7/comments"), "http://" + HOST + "/topics/7?frage=3", HOST));
    }

    private static String next(String method, String path, String referer) {
        return LoginRedirect.next(method, URI.create("http://" + HOST + path), referer, HOST);
    }
}
