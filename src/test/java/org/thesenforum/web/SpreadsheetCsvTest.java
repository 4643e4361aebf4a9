package org.thesenforum.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpreadsheetCsvTest {

    @ParameterizedTest
    @ValueSource(strings = { "=1+1", "+cmd|' /C calc'!A0", "@SUM(1)", "-1+2", "=HYPERLINK(\"http://evil\",\"x\")",
            "\t=1+2", "\r=1+2", "\n=1+2", "\tText", "\rText", "\nText", " =1+1", "  \t @SUM(1)", "\u00A0=1+1",
            "\u3000+1", "\uFF1D1+1", "\uFF0B1", "\uFF0D1", "\uFF20SUM(1)", "-", "- Punkt" })
    void aCellThatCouldRunAsAFormulaGetsAnApostrophe(String value) {
        assertEquals("'" + value, SpreadsheetCsv.cell(value));
    }

    @ParameterizedTest
    @ValueSource(strings = { "Wohnen zuerst", "1+1", "E-Mail: a@example.org", "a=b", "Kosten - Nutzen", "'=1+1",
            "„=1+1“", "16.06.2016 10:30", "0" })
    void ordinaryTextStaysAsItIs(String value) {
        assertEquals(value, SpreadsheetCsv.cell(value));
    }

    @Test
    void nullAndEmptyAreEmptyCells() {
        assertEquals("", SpreadsheetCsv.cell(null));
        assertEquals("", SpreadsheetCsv.cell(""));
    }

    @Test
    void theFileHasAByteOrderMarkSemicolonsAndCrLf() {
        String csv = SpreadsheetCsv.write(List.of("Titel", "Anzahl"), List.of(List.of("a;b", 3)));
        assertEquals("\uFEFFTitel;Anzahl\r\n\"a;b\";3\r\n", csv);
    }

    @Test
    void everyTextCellIsNeutralisedNumbersStayNumbersAndNullIsEmpty() throws IOException {
        String csv = SpreadsheetCsv.write(List.of("=Kopf", "b", "c", "d"),
                List.of(Arrays.asList("=1+1", -3, null, "\t@SUM(1)\nzweite Zeile")));
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setDelimiter(';').get()
                .parse(new StringReader(csv.substring(1))).getRecords();
        assertEquals(List.of("'=Kopf", "b", "c", "d"), records.get(0).toList());
        assertEquals(List.of("'=1+1", "-3", "", "'\t@SUM(1)\nzweite Zeile"), records.get(1).toList());
        assertTrue(csv.contains(";-3;"), "a number is no formula: " + csv);
    }
}
