package org.thesenforum.demand;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;

import org.thesenforum.demand.DemandPaper.Entry;
import org.thesenforum.demand.DemandPaper.Signed;
import org.thesenforum.web.PrintPdf;
import org.thesenforum.web.SpreadsheetCsv;
import org.thesenforum.web.Text;

/**
 * The demands paper in the four formats the organisers hand on: Markdown, a print-ready HTML page, a PDF made from
 * that very page ({@link PrintPdf}: A4, page numbers, the shipped DejaVu Sans), and CSV for
 * spreadsheets ({@link SpreadsheetCsv}: UTF-8 with a byte order mark, semicolons, no cell that runs as a formula).
 */
@ApplicationScoped
public class DemandExport {

    private final Template html;
    private final Template markdown;
    private final PrintPdf pdf;

    DemandExport(@Location("DemandExport/paper.html") Template html, @Location("DemandExport/paper.md") Template markdown,
            PrintPdf pdf) {
        this.html = html;
        this.markdown = markdown;
        this.pdf = pdf;
    }

    public String markdown(DemandPaper paper, Locale locale) {
        return markdown.data("paper", paper).setLocale(locale).render().strip() + "\n";
    }

    public String html(DemandPaper paper, Locale locale) {
        return html.data("paper", paper).setLocale(locale).render();
    }

    public byte[] pdf(DemandPaper paper, Locale locale) {
        return pdf.render(html(paper, locale), text(locale, DemandMessages::paper_page));
    }

    public String csv(DemandPaper paper, Locale locale) {
        List<List<Object>> rows = new ArrayList<>();
        for (Entry e : paper.joint()) {
            rows.add(row(e, text(locale, DemandMessages::csv_joint), locale));
        }
        for (Entry e : paper.proposals()) {
            rows.add(row(e, text(locale, DemandMessages::csv_proposal), locale));
        }
        return SpreadsheetCsv.write(header(locale), rows);
    }

    private static List<String> header(Locale locale) {
        return List.<Function<DemandMessages, String>>of(DemandMessages::csv_rank, DemandMessages::csv_status,
                DemandMessages::csv_title, DemandMessages::csv_text, DemandMessages::csv_rationale,
                DemandMessages::csv_topics, DemandMessages::csv_supports, DemandMessages::csv_agree,
                DemandMessages::csv_disagree, DemandMessages::csv_pass, DemandMessages::csv_state,
                DemandMessages::csv_objections, DemandMessages::csv_dissents).stream()
                .map(f -> text(locale, f)).toList();
    }

    private static List<Object> row(Entry e, String status, Locale locale) {
        String state = text(locale, m -> m.paper_state(e.tally().consensus().state(), e.tally().consensus().reason()));
        return List.of(e.rank() == null ? "" : e.rank(), status, e.title(), e.text(),
                e.rationale() == null ? "" : e.rationale(), String.join("; ", e.topics()), e.tally().supports(),
                e.tally().agree(), e.tally().disagree(), e.tally().pass(), state, signed(e.objections()),
                signed(e.dissents()));
    }

    private static String signed(List<Signed> texts) {
        return texts.stream().map(s -> s.text() + " (" + s.author() + ")").collect(Collectors.joining("\n"));
    }

    private static String text(Locale locale, Function<DemandMessages, String> message) {
        return Text.of(DemandMessages.class, message).in(locale);
    }
}
