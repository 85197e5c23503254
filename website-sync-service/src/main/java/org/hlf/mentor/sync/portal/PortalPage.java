package org.hlf.mentor.sync.portal;

import java.util.List;

/** A page of contacts as read, and the token of the next page (null after the last one). */
public record PortalPage(List<PortalContact> contacts, String skipToken) {
}
