package org.hlf.mentor.sandbox.batch;

import java.util.List;

/** A parsed $batch: independent operations and change sets, in the order they were sent. */
record BatchRequest(List<Item> items) {

    sealed interface Item permits Operation, ChangeSet {
    }

    /**
     * One embedded HTTP request.
     *
     * @param contentId the part's Content-ID, required inside change sets, echoed in the answer
     * @param target    the request URL as written: absolute, absolute path, or relative to the service root
     */
    record Operation(String contentId, String method, String target, MimeHeaders headers, String body) implements Item {
    }

    /** Operations that succeed or fail together. */
    record ChangeSet(List<Operation> operations) implements Item {
    }

    int operationCount() {
        return items.stream().mapToInt(item -> item instanceof ChangeSet set ? set.operations().size() : 1).sum();
    }
}
