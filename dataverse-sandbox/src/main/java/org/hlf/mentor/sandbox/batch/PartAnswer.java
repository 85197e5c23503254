package org.hlf.mentor.sandbox.batch;

import org.hlf.mentor.sandbox.odata.ODataResult;

import java.util.List;

/** The answer to one item of a batch: a single operation's answer, or a change set's answers. */
sealed interface PartAnswer {

    record Single(String contentId, ODataResult result) implements PartAnswer {
    }

    /** A change set that succeeded; a failed one is answered by its failing operation alone. */
    record ChangeSet(List<Single> answers) implements PartAnswer {
    }

    default boolean failed() {
        return this instanceof Single single && single.result().failed();
    }
}
