package io.vigil.functions.scheduleaudits;

/** The audit programme configuration is invalid; {@link #field()} names the offending field. */
public final class ProgrammeConfigException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String field;

  public ProgrammeConfigException(String field, String problem) {
    super(field.isEmpty() ? problem : "field '" + field + "': " + problem);
    this.field = field;
  }

  /** The JSON path of the offending field ({@code auditors[1].email}); empty for the document. */
  public String field() {
    return field;
  }
}
