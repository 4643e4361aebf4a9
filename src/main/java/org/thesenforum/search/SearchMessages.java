package org.thesenforum.search;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the search form, the result page and the search's refusals; German in srch_de, English in srch_en. */
@MessageBundle(value = "srch", locale = "de")
public interface SearchMessages {

    // The form on the overview and the topic pages

    @Message
    String form_label();

    @Message
    String form_button();

    // The result page

    @Message
    String page_title(String discussion);

    @Message
    String heading();

    @Message
    String hint();

    @Message
    String filter_topic();

    @Message
    String filter_topic_all();

    @Message
    String filter_question();

    @Message
    String filter_question_all();

    @Message
    String filter_author();

    @Message
    String filter_author_all();

    @Message
    String results_count(long total, String q);

    @Message
    String results_none(String q);

    @Message
    String kind_topic();

    @Message
    String kind_comment(String author);

    @Message
    String kind_demand(String author);

    @Message
    String kind_demand_heading(String title);

    @Message
    String pages_label();

    @Message
    String page_previous();

    @Message
    String page_next();

    @Message
    String page_of(int page, int pages);

    // Refusals

    @Message
    String problem_q_blank();

    @Message
    String problem_q_too_long(int max);

    @Message
    String problem_q_controls();

    @Message
    String problem_number(String field);

    @Message
    String problem_page(int max);

    @Message
    String problem_topic_not_found();

    @Message
    String problem_question_not_found();

    @Message
    String problem_not_ready();
}
