package org.hlf.mentor.pause.status;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Body of {@code POST .../activate}. */
public record PauseRequest(@NotBlank @Size(max = 500) String reason, LocalDate expectedReturnDate) {
}
