package org.hlf.mentor.sync.reconcile;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.hlf.mentor.sync.config.SyncConfig;
import org.hlf.mentor.sync.portal.PortalClient;
import org.hlf.mentor.sync.portal.PortalContact;

/**
 * What the portal shows for every mentor (of one chapter), read as a collection in pages of up to 5,000: 100,000
 * contacts in 20 requests, where one GET per mentor would spend an hour of Dataverse's request budget.
 */
@ApplicationScoped
class PortalSnapshot {

    private final PortalClient portal;
    private final int pageSize;

    PortalSnapshot(PortalClient portal, SyncConfig config) {
        this.portal = portal;
        this.pageSize = config.reconcile().portalPageSize();
    }

    Uni<Map<UUID, Boolean>> read(String chapterId, ReconcileCounts counts) {
        return page(chapterId, null, new HashMap<>(), counts);
    }

    private Uni<Map<UUID, Boolean>> page(String chapterId, String skipToken, Map<UUID, Boolean> shown,
            ReconcileCounts counts) {
        return portal.contacts(chapterId, skipToken, pageSize).chain(page -> {
            counts.portalRequests.incrementAndGet();
            for (PortalContact contact : page.contacts()) {
                shown.put(contact.mentorId(), contact.visible());
            }
            counts.portalContacts.set(shown.size());
            return page.skipToken() == null ? Uni.createFrom().item(shown)
                    : page(chapterId, page.skipToken(), shown, counts);
        });
    }
}
