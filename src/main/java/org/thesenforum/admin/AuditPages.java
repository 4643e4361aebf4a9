package org.thesenforum.admin;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestQuery;
import org.thesenforum.audit.AuditLog;
import org.thesenforum.audit.AuditLog.AuditPage;
import org.thesenforum.audit.AuditLog.AuditView;
import org.thesenforum.audit.AuditSentence;
import org.thesenforum.audit.AuditTexts;
import org.thesenforum.web.Inputs;
import org.thesenforum.web.ReaderLanguage;
import org.thesenforum.web.TemplateExtensions;

/** The audit log for admins: who did what, told in sentences, filterable by person and action, page by page. */
@Path("/admin/audit")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("ADMIN")
public class AuditPages {

    static final int PAGE_SIZE = 30;

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance audit(AuditPageView view);
    }

    /** The page: the filters with their choices, one page of entries, and where the other pages are. */
    public record AuditPageView(List<Choice> people, List<Choice> actions, String person, String action,
            List<Row> entries, long total, int page, int pages) {

        public boolean hasPrevious() {
            return page > 0;
        }

        public boolean hasNext() {
            return page + 1 < pages;
        }

        /** The filters as a query string part for the pager's links. */
        public String filterParams() {
            return (person.isEmpty() ? "" : "person=" + person + "&")
                    + (action.isEmpty() ? "" : "action=" + URLEncoder.encode(action, StandardCharsets.UTF_8) + "&");
        }
    }

    /** An option of a filter. */
    public record Choice(String value, String label) {
    }

    /** One entry: when, and what happened in a sentence. */
    public record Row(long id, String time, String timeIso, AuditSentence sentence) {
    }

    private final AuditLog audit;
    private final AuditTexts texts;
    private final ReaderLanguage reader;

    AuditPages(AuditLog audit, AuditTexts texts, ReaderLanguage reader) {
        this.audit = audit;
        this.texts = texts;
        this.reader = reader;
    }

    /**
     * {@code person} is an account id ({@code 0} for what the forum did by itself), {@code action} an action's code;
     * unknown values show everything; {@code page} counts from 1.
     */
    @GET
    public TemplateInstance audit(@RestQuery String person, @RestQuery String action, @RestQuery String page) {
        Map<Long, String> actors = audit.actors();
        List<String> recorded = audit.actionsRecorded();
        Long personId = Inputs.number(person);
        if (personId != null && personId != AuditLog.SYSTEM && !actors.containsKey(personId)) {
            personId = null;
        }
        String actionCode = action != null && recorded.contains(action) ? action : null;
        AuditPage first = audit.page(personId, actionCode, 0, PAGE_SIZE);
        int index = AccountsPages.pageIndex(page, first.pages());
        AuditPage shown = index == 0 ? first : audit.page(personId, actionCode, index, PAGE_SIZE);
        Map<Long, AuditSentence> sentences = texts.describe(shown.entries(), reader.locale());
        List<Row> rows = shown.entries().stream().map(e -> row(e, sentences.get(e.id()))).toList();
        List<Choice> people = new java.util.ArrayList<>(actors.entrySet().stream()
                .sorted(Map.Entry.<Long, String>comparingByValue(String.CASE_INSENSITIVE_ORDER))
                .map(e -> new Choice(String.valueOf(e.getKey()), e.getValue())).toList());
        people.add(new Choice(String.valueOf(AuditLog.SYSTEM), AuditTexts.in(reader.locale()).system()));
        List<Choice> actions = texts.labels(recorded, reader.locale()).entrySet().stream()
                .map(e -> new Choice(e.getKey(), e.getValue())).sorted(Comparator.comparing(Choice::label)).toList();
        return Templates.audit(new AuditPageView(people, actions, personId == null ? "" : String.valueOf(personId),
                actionCode == null ? "" : actionCode, rows, shown.total(), index, shown.pages()));
    }

    private static Row row(AuditView e, AuditSentence sentence) {
        return new Row(e.id(), TemplateExtensions.shortDateTime(e.createdAt()), AdminPages.iso(e.createdAt()),
                sentence);
    }
}
