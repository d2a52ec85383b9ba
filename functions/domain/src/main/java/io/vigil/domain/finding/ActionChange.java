package io.vigil.domain.finding;

import java.time.LocalDate;

/** Edits of a corrective action; null fields are unchanged. */
public record ActionChange(
    String description,
    String owner,
    LocalDate dueDate,
    ActionStatus status,
    String effectivenessCriteria) {}
