package io.vigil.domain.register;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One record of an ISMS register. {@code fields} are what people edit (validated by the kind's
 * {@link Schema}); {@code system} holds what only Vigil's operations set (approvals, acceptances,
 * attachments), never taken from input. {@code version} counts the stored edits (optimistic
 * locking).
 */
public record RegisterRecord(
    RegisterKind kind,
    String id,
    Map<String, Object> fields,
    Map<String, Object> system,
    Instant createdAt,
    String createdBy,
    Instant updatedAt,
    String updatedBy,
    long version) {

  /** Form of record ids: letters, digits, dots and dashes, 1 to 64. */
  public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,63}");

  public RegisterRecord {
    Objects.requireNonNull(kind, "kind");
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("'" + id + "' is not a record id (letters, digits, '.',"
          + " '-'; up to 64)");
    }
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields == null ? Map.of() : fields));
    system = Collections.unmodifiableMap(new LinkedHashMap<>(system == null ? Map.of() : system));
  }

  public Optional<String> text(String field) {
    return fields.get(field) instanceof String s ? Optional.of(s) : Optional.empty();
  }

  public Optional<LocalDate> date(String field) {
    return text(field).map(LocalDate::parse);
  }

  public Optional<Long> integer(String field) {
    return fields.get(field) instanceof Number n ? Optional.of(n.longValue()) : Optional.empty();
  }

  public Optional<Double> number(String field) {
    return fields.get(field) instanceof Number n ? Optional.of(n.doubleValue())
        : Optional.empty();
  }

  @SuppressWarnings("unchecked")
  public List<String> texts(String field) {
    return fields.get(field) instanceof List<?> l ? (List<String>) l : List.of();
  }

  @SuppressWarnings("unchecked")
  public List<Map<String, Object>> objects(String field) {
    return fields.get(field) instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
  }

  /** This record with other fields and system values, same identity and version. */
  public RegisterRecord with(Map<String, Object> newFields, Map<String, Object> newSystem) {
    return new RegisterRecord(kind, id, newFields, newSystem, createdAt, createdBy, updatedAt,
        updatedBy, version);
  }

  /** This record as edited by {@code by} at {@code at}. */
  public RegisterRecord editedBy(String by, Instant at) {
    return new RegisterRecord(kind, id, fields, system, createdAt, createdBy, at, by, version);
  }
}
