package org.hlf.mentor.sandbox.odata;

/** Stops an operation with a ready-made OData error answer; caught where the operation is executed. */
public class ODataException extends RuntimeException {

    private final transient ODataResult result;

    public ODataException(ODataResult result) {
        super(result.body(), null, false, false);
        this.result = result;
    }

    public static ODataException badRequest(String message) {
        return new ODataException(ODataErrors.badRequest(message));
    }

    public static ODataException badQuery(String message) {
        return new ODataException(ODataErrors.badQuery(message));
    }

    public ODataResult result() {
        return result;
    }
}
