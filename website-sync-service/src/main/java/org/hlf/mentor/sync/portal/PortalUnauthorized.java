package org.hlf.mentor.sync.portal;

/** 401: the token was refused. Worth exactly one retry with a fresh token, then it is final. */
public final class PortalUnauthorized extends PortalRejected {

    public PortalUnauthorized(String code, String message) {
        super(401, code, message);
    }
}
