package org.thesenforum.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Every page says that it is UTF-8 in its {@code Content-Type}, not only in its {@code <meta charset>}: a client that
 * trusts the header alone (a proxy, a download, some readers) would otherwise show „Beiträge" as "BeitrÃ¤ge". Set as
 * the headers go out, since a page's type is settled only when its template is written.
 */
@Singleton
class HtmlCharset {

    void route(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(context -> {
            HttpServerResponse response = context.response();
            context.addHeadersEndHandler(v -> {
                String type = response.headers().get(HttpHeaders.CONTENT_TYPE);
                if (type != null && type.strip().equalsIgnoreCase("text/html")) {
                    response.putHeader(HttpHeaders.CONTENT_TYPE, "text/html;charset=UTF-8");
                }
            });
            context.next();
        });
    }
}
