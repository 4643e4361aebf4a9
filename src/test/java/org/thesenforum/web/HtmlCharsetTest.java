package org.thesenforum.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalToIgnoringCase;

import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.thesenforum.testing.Fixtures;

/** Every page names UTF-8 in its Content-Type, also those answered with a status other than 200. */
@QuarkusTest
class HtmlCharsetTest {

    @ParameterizedTest
    @ValueSource(strings = { "/", "/login", "/register?code=gibt-es-nicht", "/discussions/" + Fixtures.SLUG
            + "/suche?q=Quartier", "/gibt-es-nicht" })
    void pagesSayTheyAreUtf8(String path) {
        given().redirects().follow(false).get(path).then()
                .header("Content-Type", equalToIgnoringCase("text/html;charset=UTF-8"));
    }
}
