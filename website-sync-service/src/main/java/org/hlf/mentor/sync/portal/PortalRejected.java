package org.hlf.mentor.sync.portal;

/** The portal refused the call for a reason another attempt cannot fix (400, 401 after a refresh, 403, 404, 412). */
public sealed class PortalRejected extends PortalException permits PortalUnauthorized {

    public PortalRejected(int status, String code, String message) {
        super(status, code, message, null);
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
