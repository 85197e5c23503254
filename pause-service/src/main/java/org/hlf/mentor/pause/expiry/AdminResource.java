package org.hlf.mentor.pause.expiry;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hlf.mentor.pause.notification.ReturnReminders;

/** On-demand runs of the scheduled jobs, for admins and the system. */
@Path("/api/v1/admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
public class AdminResource {

    private final ExpirySweep sweep;
    private final ReturnReminders reminders;

    public AdminResource(ExpirySweep sweep, ReturnReminders reminders) {
        this.sweep = sweep;
        this.reminders = reminders;
    }

    @POST
    @Path("/expiry-sweep")
    @RolesAllowed({"admin", "system"})
    @Operation(summary = "Expire every mentor whose certification ended before today; answers the counts")
    public Uni<SweepResult> expirySweep() {
        return sweep.run();
    }

    /** Count of reminders sent. */
    public record RemindersSent(int sent) {
    }

    @POST
    @Path("/return-reminders")
    @RolesAllowed({"admin", "system"})
    @Operation(summary = "Send the due expected-return-date reminders; answers how many were sent")
    public Uni<RemindersSent> returnReminders() {
        return reminders.run().map(RemindersSent::new);
    }
}
