package org.hlf.mentor.pause.status;

import java.time.LocalDate;

/** The open pause of a mentor, as the status body shows it. */
public record PauseView(LocalDate startDate, LocalDate expectedReturnDate, String reason, String initiatedBy) {

    static PauseView of(PausePeriod pause) {
        return pause == null ? null
                : new PauseView(pause.startDate, pause.expectedReturnDate, pause.reason, pause.initiatedBy);
    }
}
