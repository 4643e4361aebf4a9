package org.thesenforum.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes the forum's CSV downloads for spreadsheet programs: UTF-8 with a byte order mark, semicolons as German
 * spreadsheet programs expect, CRLF, and every text cell that a spreadsheet program could run as a formula shown as
 * text ({@link #cell}).
 */
public final class SpreadsheetCsv {

    /**
     * First characters that make Excel, LibreOffice or Google Sheets read a cell as a formula or a DDE call, with their
     * full-width forms, which some of them treat alike.
     */
    private static final String FORMULA_STARTS = "=+-@\uFF1D\uFF0B\uFF0D\uFF20";

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\r\n")
            .get();

    private SpreadsheetCsv() {
    }

    /**
     * The header and the rows as one CSV text. Text cells go through {@link #cell}; numbers stay numbers; null is an
     * empty cell.
     */
    public static String write(List<?> header, List<? extends List<?>> rows) {
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(out, FORMAT)) {
            csv.printRecord(header.stream().map(SpreadsheetCsv::value));
            for (List<?> row : rows) {
                csv.printRecord(row.stream().map(SpreadsheetCsv::value));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * A text cell as spreadsheet programs should show it: one that starts with {@code =}, {@code +}, {@code -} or
     * {@code @} (also after leading white space, which spreadsheet programs may trim on import), or with a tab,
     * carriage return or line feed, gets a leading apostrophe, so it is shown as text and never run. This also marks
     * harmless cells such as "-" or "- Punkt"; they stay readable with the apostrophe in front.
     */
    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        if (first == '\t' || first == '\r' || first == '\n') {
            return "'" + value;
        }
        int i = 0;
        while (i < value.length() && (Character.isWhitespace(value.charAt(i))
                || Character.isSpaceChar(value.charAt(i)))) {
            i++;
        }
        return i < value.length() && FORMULA_STARTS.indexOf(value.charAt(i)) >= 0 ? "'" + value : value;
    }

    private static Object value(Object cell) {
        if (cell == null) {
            return "";
        }
        return cell instanceof Number ? cell : cell(cell.toString());
    }
}
