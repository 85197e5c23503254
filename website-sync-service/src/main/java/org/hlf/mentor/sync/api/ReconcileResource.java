package org.hlf.mentor.sync.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.hlf.mentor.sync.reconcile.ReconcileReport;
import org.hlf.mentor.sync.reconcile.Reconciler;

/** Compare desired with the portal for every known mentor (or one chapter's) and repair drift. */
@Path("/api/v1/website-sync/reconcile")
@Produces(MediaType.APPLICATION_JSON)
public class ReconcileResource {

    private final Reconciler reconciler;

    public ReconcileResource(Reconciler reconciler) {
        this.reconciler = reconciler;
    }

    @POST
    @RolesAllowed("ops")
    public Uni<ReconcileReport> reconcile(@QueryParam("chapterId") String chapterId) {
        if (chapterId != null && !chapterId.matches("[a-z0-9-]{1,64}")) {
            throw new InvalidInput("chapterId must match [a-z0-9-]{1,64}");
        }
        return reconciler.reconcile(chapterId);
    }
}
