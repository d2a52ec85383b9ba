package io.vigil.infrastructure;

import java.util.ArrayList;
import java.util.List;

/** Reads the CSV lines cdk-nag writes (RFC 4180 quoting). */
public final class NagReports {

  private NagReports() {}

  /** The cells of one CSV line. */
  public static List<String> cells(String line) {
    var out = new ArrayList<String>();
    var cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    out.add(cell.toString());
    return out;
  }
}
