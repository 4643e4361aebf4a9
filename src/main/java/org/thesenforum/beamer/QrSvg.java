package org.thesenforum.beamer;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * A QR code as a compact SVG: ZXing encodes the text into a bit matrix, and every run of dark modules in a row
 * becomes one rectangle of a single path, in module units with the quiet zone around it.
 */
final class QrSvg {

    /** Light modules around the code, as the standard asks for. */
    static final int QUIET_ZONE = 4;

    private QrSvg() {
    }

    /** The matrix of {@code text}, one bit per module, without the quiet zone. */
    static BitMatrix matrix(String text) {
        try {
            // Level M survives a projector's glare and a phone's angle and keeps the code small.
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("text does not fit in a QR code", e);
        }
    }

    /** The SVG document of {@code text}; {@code title} names it for screen readers (escaped here). */
    static String svg(String text, String title) {
        BitMatrix matrix = matrix(text);
        int size = matrix.getWidth() + 2 * QUIET_ZONE;
        StringBuilder svg = new StringBuilder(4096)
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(size).append(' ')
                .append(size).append("\" shape-rendering=\"crispEdges\" role=\"img\"><title>")
                .append(escape(title)).append("</title><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>")
                .append("<path fill=\"#000\" d=\"").append(path(matrix)).append("\"/></svg>");
        return svg.toString();
    }

    /** One {@code M x y h w v1 h -w z} per run of dark modules, shifted by the quiet zone. */
    static String path(BitMatrix matrix) {
        StringBuilder d = new StringBuilder();
        for (int y = 0; y < matrix.getHeight(); y++) {
            int x = 0;
            while (x < matrix.getWidth()) {
                if (!matrix.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < matrix.getWidth() && matrix.get(x, y)) {
                    x++;
                }
                int run = x - start;
                d.append('M').append(start + QUIET_ZONE).append(' ').append(y + QUIET_ZONE)
                        .append('h').append(run).append("v1h-").append(run).append('z');
            }
        }
        return d.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
