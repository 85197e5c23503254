package org.hlf.mentor.sync;

import java.util.List;
import java.util.UUID;
import org.hlf.mentor.testsupport.SandboxAdmin;
import org.hlf.mentor.testsupport.SandboxContact;
import org.hlf.mentor.testsupport.SandboxRequest;
import org.hlf.mentor.testsupport.SeedContact;

/** The sandbox portal as tests see it, through its admin API: seed contacts, read them, script faults, read calls. */
public final class Portal {

    private Portal() {
    }

    public static SandboxAdmin admin() {
        return SandboxAdmin.fromSystemProperty();
    }

    /** Contacts the service may update (it never creates one); all in {@code chapterId}. */
    public static void seed(String chapterId, boolean visible, UUID... mentorIds) {
        List<SeedContact> contacts = java.util.Arrays.stream(mentorIds)
                .map(id -> new SeedContact(id, chapterId, "Mentor " + id, visible)).toList();
        admin().seed(contacts);
    }

    /** What the portal shows for the mentor now; null when it has no such contact. */
    public static Boolean visible(UUID mentorId) {
        return admin().contact(mentorId).map(SandboxContact::visible).orElse(null);
    }

    /** Writes of the mentor's visibility the portal received (single PATCHes and {@code $batch} parts), oldest first. */
    public static List<SandboxRequest> writes(UUID mentorId) {
        return admin().requests(mentorId).stream().filter(r -> "PATCH".equals(r.method())).toList();
    }

    /** The visibility values of the mentor's successful writes, in order. */
    public static List<Boolean> written(UUID mentorId) {
        return writes(mentorId).stream().filter(r -> r.status() >= 200 && r.status() < 300)
                .map(SandboxRequest::visibility).toList();
    }

    public static int writeCount(UUID mentorId) {
        return writes(mentorId).size();
    }
}
