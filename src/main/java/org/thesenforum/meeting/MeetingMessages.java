package org.thesenforum.meeting;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** UI texts and refusals of the live meeting; German in mtg_de, English in mtg_en. */
@MessageBundle(value = "mtg", locale = "de")
public interface MeetingMessages {

    // How agenda items are named

    @Message
    String label_question(int number);

    @Message
    String label_demand();

    // The banner on every page of a discussion

    @Message
    String banner_label();

    @Message
    String banner_now(String heading);

    @Message
    String banner_follow();

    @Message
    String banner_countdown_left();

    @Message
    String banner_countdown_over();

    // The moderators' page

    @Message
    String page_title();

    @Message
    String page_intro();

    @Message
    String page_link();

    @Message
    String overview_heading();

    @Message
    String overview_text();

    @Message
    String state_not_started();

    @Message
    String state_running(String since);

    @Message
    String state_ended(String at);

    @Message
    String action_start();

    @Message
    String action_end();

    @Message
    String action_focus();

    @Message
    String action_pause();

    @Message
    String focus_current();

    @Message
    String focus_none();

    @Message
    String agenda_heading();

    @Message
    String agenda_empty();

    @Message
    String column_item();

    @Message
    String column_planned();

    @Message
    String column_actual();

    @Message
    String times_planned(String start, String end, int minutes);

    @Message
    String times_actual(String start, String end);

    @Message
    String times_running(String start);

    @Message
    String times_none();

    @Message
    String edit_heading();

    @Message
    String edit_hint();

    @Message
    String edit_item(int number);

    @Message
    String edit_kind_free();

    @Message
    String edit_kind_topic();

    @Message
    String edit_kind_question();

    @Message
    String edit_kind_demand();

    @Message
    String edit_ref();


    @Message
    String edit_title();

    @Message
    String edit_start();

    @Message
    String edit_minutes();

    @Message
    String edit_remove();

    @Message
    String edit_empty();

    @Message
    String edit_new();

    @Message
    String edit_save();

    @Message
    String edit_saved();

    @Message
    String reach_heading();

    @Message
    String reach_line(int current, int devices);

    @Message
    String reach_behind(int lagging);

    @Message
    String reach_none();

    @Message
    String reach_script_one();

    @Message
    String reach_script_many();

    @Message
    String reach_script_behind_one();

    @Message
    String reach_script_behind_many();

    // Refusals

    @Message
    String problem_items_required();

    @Message
    String problem_too_many_items(int max);

    @Message
    String problem_kind_unknown();

    @Message
    String problem_ref_required();

    @Message
    String problem_ref_unknown();

    @Message
    String problem_ref_free();

    @Message
    String problem_start_invalid();

    @Message
    String problem_minutes_range();

    @Message
    String problem_item_unknown();

    @Message
    String problem_item_duplicate();

    @Message
    String problem_meeting_ended();

    @Message
    String problem_item_required();
}
