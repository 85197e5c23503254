package org.hlf.mentor.sandbox.gateway;

import org.hlf.mentor.sandbox.odata.ODataResult;

import java.util.List;
import java.util.UUID;

/**
 * What the handler behind the gateway did.
 *
 * @param mentorId   the mentor the call addressed, null for a $batch
 * @param visibility the visibility written by a single call, null otherwise
 * @param parts      one record per operation of a $batch, empty for a single call
 */
public record Handled(ODataResult answer, UUID mentorId, Boolean visibility, List<PartRecord> parts) {

    public static Handled single(ODataResult answer, UUID mentorId, Boolean visibility) {
        return new Handled(answer, mentorId, visibility, List.of());
    }

    /** One operation of a $batch for the request log. */
    public record PartRecord(String method, String path, UUID mentorId, int status, Boolean visibility, String note) {
    }
}
