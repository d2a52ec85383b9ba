package io.vigil.domain.control;

/** The four Annex A 2022 themes, numbered as in the standard. */
public enum Theme {
  ORGANIZATIONAL(5, "Organizational"),
  PEOPLE(6, "People"),
  PHYSICAL(7, "Physical"),
  TECHNOLOGICAL(8, "Technological");

  private final int number;
  private final String label;

  Theme(int number, String label) {
    this.number = number;
    this.label = label;
  }

  public int number() {
    return number;
  }

  public String label() {
    return label;
  }

  public static Theme ofNumber(int number) {
    for (var t : values()) {
      if (t.number == number) {
        return t;
      }
    }
    throw new IllegalArgumentException("no Annex A theme numbered " + number);
  }

  public static Theme ofLabel(String label) {
    for (var t : values()) {
      if (t.label.equalsIgnoreCase(label.trim())) {
        return t;
      }
    }
    throw new IllegalArgumentException("no Annex A theme called '" + label + "'");
  }
}
