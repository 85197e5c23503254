package org.hlf.mentor.support.api;

import jakarta.ws.rs.core.Response;

/**
 * How large a request body a service accepts, for {@link BodySizeFilter}. Each service provides one bean from its
 * own configuration: the limits are the service's, the refusing is shared.
 */
public interface BodyLimits {

    /** The most bytes a body sent to this request path may have. */
    long maxBytes(String path);

    /** The answer to a body over the limit; a service whose limits differ by endpoint words it so. */
    default Problem tooLarge(long size, long limit) {
        return Problem.of(Response.Status.BAD_REQUEST,
                "Request body of %d bytes is larger than the %d bytes this API accepts".formatted(size, limit));
    }
}
