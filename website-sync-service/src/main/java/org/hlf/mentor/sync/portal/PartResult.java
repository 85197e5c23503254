package org.hlf.mentor.sync.portal;

/** How one operation of a {@code $batch} ended: {@code failure} is null on success. */
public record PartResult(VisibilityChange change, PortalException failure) {

    public boolean succeeded() {
        return failure == null;
    }
}
