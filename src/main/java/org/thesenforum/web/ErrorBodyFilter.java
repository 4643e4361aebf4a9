package org.thesenforum.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Gives a problem body to API error responses that framework filters answer without one, such as the CSRF
 * filter's 400 for a form-encoded post without a token.
 */
public class ErrorBodyFilter {

    @ServerResponseFilter
    public void addProblemBody(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if (status < 400 || response.hasEntity() || !request.getUriInfo().getPath().startsWith("/api/")) {
            return;
        }
        String detail = status == 400 ? "Die Anfrage wurde abgelehnt: Formulare brauchen ein gültiges CSRF-Token, "
                + "die API erwartet application/json." : "Die Anfrage wurde abgelehnt.";
        response.setEntity(Problem.of(status, status == 400 ? "Bad Request" : "Error", detail, null), null,
                jakarta.ws.rs.core.MediaType.valueOf(Problem.MEDIA_TYPE));
    }
}
