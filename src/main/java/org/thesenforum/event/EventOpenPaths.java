package org.thesenforum.event;

import java.util.Map;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.thesenforum.web.OpenPaths;

/**
 * Registration is open to people without an account, also when reading the forum is for members only: the event
 * page and its registration form, the personal link to see and cancel a registration, the calendar file, the page
 * the projector's QR code leads to with its invitation request, and the same in the JSON API. The organisers' lists,
 * exports and forms stay behind their role checks; the discussion itself stays for members.
 */
@ApplicationScoped
class EventOpenPaths implements OpenPaths {

    private static final Map<String, Pattern> OPEN = Map.of(
            "GET", Pattern.compile("/veranstaltungen/\\d+|/anmeldung/[^/]+|/discussions/[^/]+/mitmachen"
                    + "|/api/events/\\d+(/calendar\\.ics)?|/api/registrations/[^/]+"),
            "POST", Pattern.compile("/veranstaltungen/\\d+/anmeldung|/anmeldung/[^/]+/abmelden"
                    + "|/discussions/[^/]+/mitmachen|/api/events/\\d+/registrations"
                    + "|/api/discussions/[^/]+/invitation-requests"),
            "DELETE", Pattern.compile("/api/registrations/[^/]+"));

    @Override
    public boolean isOpen(String method, String path) {
        Pattern open = OPEN.get("HEAD".equals(method) ? "GET" : method);
        return open != null && open.matcher(path).matches();
    }
}
