package org.hlf.mentor.pause.outbox;

import java.util.ArrayList;
import java.util.List;

/**
 * What one relay round's sends came to: the rows the broker acknowledged and the rows that failed. Claimed rows in
 * neither list were not sent (held back for order, or the round's deadline came first) and stay as they are.
 */
record RoundResult(List<PendingRow> acknowledged, List<SendFailure> failed) {

    static final RoundResult NOTHING = new RoundResult(List.of(), List.of());

    static RoundResult merge(List<RoundResult> results) {
        List<PendingRow> acknowledged = new ArrayList<>();
        List<SendFailure> failed = new ArrayList<>();
        for (RoundResult result : results) {
            acknowledged.addAll(result.acknowledged());
            failed.addAll(result.failed());
        }
        return new RoundResult(acknowledged, failed);
    }
}
