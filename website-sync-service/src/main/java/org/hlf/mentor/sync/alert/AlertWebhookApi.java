package org.hlf.mentor.sync.alert;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The alert receiver (Alertmanager-style webhook, a chat hook...); its full URL is the base URI. */
interface AlertWebhookApi {

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Response> post(AlertMessage message);
}
