package org.thesenforum.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns a print page into an A4 PDF: the page is well-formed XHTML that links {@link #STYLESHEET}; the PDF gets that
 * stylesheet inlined, the shipped DejaVu Sans from the class path (never system fonts) and page numbers.
 */
@ApplicationScoped
public class PrintPdf {

    /** The stylesheet every print page links; served to browsers, inlined into PDFs. */
    public static final String STYLESHEET = "/css/print.css";

    private static final String RESOURCES = "/META-INF/resources";
    private static final String FAMILY = "DejaVu Sans";
    private static final String LINK = "<link rel=\"stylesheet\" href=\"" + STYLESHEET + "\" />";

    private final String css;

    PrintPdf() {
        // The stylesheet's @font-face rules point at the app's URLs; the PDF takes the fonts from the class path.
        this.css = new String(bytes(STYLESHEET), StandardCharsets.UTF_8).replaceAll("@font-face \\{[^}]*}", "");
    }

    /** The PDF of {@code xhtml}; each page is numbered "{@code pageWord} 1 / 3". */
    public byte[] render(String xhtml, String pageWord) {
        String footer = "@page { @bottom-center { font-family: \"" + FAMILY + "\"; font-size: 8.5pt; color: #555; "
                + "content: \"" + pageWord.replaceAll("[\"\\\\]", "") + " \" counter(page) \" / \" counter(pages); } }";
        String page = xhtml.replace(LINK, "<style>\n" + css + footer + "\n</style>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            font(builder, "DejaVuSans.ttf", 400, FontStyle.NORMAL);
            font(builder, "DejaVuSans-Bold.ttf", 700, FontStyle.NORMAL);
            font(builder, "DejaVuSans-Oblique.ttf", 400, FontStyle.ITALIC);
            builder.withHtmlContent(page, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render a print page as PDF", e);
        }
        return out.toByteArray();
    }

    private static void font(PdfRendererBuilder builder, String file, int weight, FontStyle style) {
        builder.useFont(() -> stream("/fonts/" + file), FAMILY, weight, style, true);
    }

    private static byte[] bytes(String path) {
        try (InputStream in = stream(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream stream(String path) {
        InputStream in = PrintPdf.class.getResourceAsStream(RESOURCES + path);
        if (in == null) {
            throw new UncheckedIOException(new IOException("Missing from the class path: " + RESOURCES + path));
        }
        return in;
    }
}
