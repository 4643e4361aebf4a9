package org.thesenforum.protocol;

import java.util.Locale;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;

import org.thesenforum.web.PrintPdf;
import org.thesenforum.web.Text;

/**
 * The workshop protocol in Markdown, as a print page and as a PDF of that page, with the demands paper's pipeline and
 * typography ({@link PrintPdf}, {@code css/print.css}, the demands' own entry templates).
 */
@ApplicationScoped
class ProtocolExport {

    private final Template html;
    private final Template markdown;
    private final PrintPdf pdf;

    ProtocolExport(@Location("ProtocolExport/protocol.html") Template html,
            @Location("ProtocolExport/protocol.md") Template markdown, PrintPdf pdf) {
        this.html = html;
        this.markdown = markdown;
        this.pdf = pdf;
    }

    String markdown(Protocol protocol, Locale locale) {
        return markdown.data("p", protocol).setLocale(locale).render().strip() + "\n";
    }

    String html(Protocol protocol, Locale locale) {
        return html.data("p", protocol).setLocale(locale).render();
    }

    byte[] pdf(Protocol protocol, Locale locale) {
        return pdf.render(html(protocol, locale), Text.of(ProtocolMessages.class, ProtocolMessages::page).in(locale));
    }
}
