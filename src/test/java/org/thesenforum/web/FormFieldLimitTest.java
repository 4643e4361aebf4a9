package org.thesenforum.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

import org.junit.jupiter.api.Test;
import org.thesenforum.testing.PageForms;

/**
 * A form with more fields than the form parser takes is refused with 413 and a page, not a 500; a form body over the
 * size limit is refused with 413 and the sentence, not an empty answer.
 */
@QuarkusTest
class FormFieldLimitTest {

    private static RequestSpecification withFields(RequestSpecification form, int count) {
        for (int i = 0; i < count; i++) {
            form.formParam("p" + i, "v");
        }
        return form;
    }

    @Test
    void aLoginFormWithTooManyFieldsIs413InGerman() {
        PageForms.Form form = PageForms.open("/login", null);
        withFields(form.post(), 1001).formParam("email", "someone@example.org").formParam("password", "x")
                .post("/login").then().statusCode(413).contentType(containsString("text/html"))
                .body(containsString("Das Formular hat zu viele Felder (höchstens 1000)."));
    }

    @Test
    void inEnglishOnRequest() {
        PageForms.Form form = PageForms.open("/login", null);
        withFields(form.post(), 1001).header("Accept-Language", "en").post("/login").then().statusCode(413)
                .body(containsString("The form has too many fields (at most 1000)."));
    }

    @Test
    void aFormJustUnderTheLimitIsReadAsUsualHereAWrongPassword() {
        PageForms.Form form = PageForms.open("/login", null);
        // 997 extra fields, the token, the e-mail and the password: 1,000.
        withFields(form.post(), 997).formParam("email", "someone@example.org").formParam("password", "wrong-pass")
                .post("/login").then().statusCode(equalTo(401))
                .body(containsString("value=\"someone@example.org\""));
    }

    @Test
    void aFormOverTheSizeLimitIs413WithTheSentenceInTheReadersLanguage() {
        String huge = "x".repeat(70 * 1024);
        PageForms.Form form = PageForms.open("/login", null);
        form.post().formParam("email", huge).post("/login").then().statusCode(413)
                .contentType(containsString("text/plain")).body(equalTo("Die Anfrage ist zu groß (höchstens 64 KB)."));
        form.post().header("Accept-Language", "en").formParam("email", huge).post("/login").then().statusCode(413)
                .body(equalTo("The request is too large (at most 64 KB)."));
    }
}
