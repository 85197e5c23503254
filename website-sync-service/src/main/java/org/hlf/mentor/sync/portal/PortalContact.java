package org.hlf.mentor.sync.portal;

import java.util.UUID;

/** What the portal shows for one mentor. */
public record PortalContact(UUID mentorId, boolean visible) {
}
