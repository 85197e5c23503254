package org.hlf.mentor.pause.status;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * Body of {@code POST .../activate}. {@code acknowledgeOpenCommitments}: pause even though open commitments block it
 * (audited; the notification lists them for reassignment).
 */
public record PauseRequest(@NotBlank @Size(max = 500) String reason, LocalDate expectedReturnDate,
        Boolean acknowledgeOpenCommitments) {

    public boolean acknowledges() {
        return Boolean.TRUE.equals(acknowledgeOpenCommitments);
    }
}
