package io.vigil.domain.coverage;

import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.ControlMapping;
import io.vigil.domain.control.AnnexAControl;
import io.vigil.domain.control.AnnexACatalogue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Honest coverage of Annex A: for each of the 93 controls, the checks that give automated evidence
 * for it (primary or supporting). A control with no primary check needs manual evidence: most of
 * themes 5 to 7 do, and saying so is part of the product.
 */
public final class ControlCoverage {

  /** One control with the checks mapped to it. */
  public record Row(AnnexAControl control, List<CheckMetadata> primary,
      List<CheckMetadata> supporting) {
    public Row {
      primary = List.copyOf(primary);
      supporting = List.copyOf(supporting);
    }

    /** AUTOMATED when a primary check exists, PARTIAL with only supporting ones, else MANUAL. */
    public Evidence evidence() {
      if (!primary.isEmpty()) {
        return Evidence.AUTOMATED;
      }
      return supporting.isEmpty() ? Evidence.MANUAL : Evidence.PARTIAL;
    }
  }

  /** How a control is evidenced. */
  public enum Evidence {
    AUTOMATED,
    PARTIAL,
    MANUAL
  }

  private final List<Row> rows;

  public ControlCoverage(AnnexACatalogue catalogue, List<CheckMetadata> checks) {
    var sorted = new ArrayList<>(checks);
    sorted.sort(Comparator.comparing(CheckMetadata::id));
    var out = new ArrayList<Row>();
    for (var control : catalogue.all()) {
      var primary = new ArrayList<CheckMetadata>();
      var supporting = new ArrayList<CheckMetadata>();
      for (var check : sorted) {
        for (ControlMapping m : check.controls()) {
          if (m.control().equals(control.id())) {
            (m.isPrimary() ? primary : supporting).add(check);
          }
        }
      }
      out.add(new Row(control, primary, supporting));
    }
    this.rows = List.copyOf(out);
  }

  public List<Row> rows() {
    return rows;
  }

  public long count(Evidence evidence) {
    return rows.stream().filter(r -> r.evidence() == evidence).count();
  }
}
