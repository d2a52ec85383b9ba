package io.vigil.domain.register;

import io.vigil.domain.control.ControlId;
import io.vigil.domain.finding.MissingFieldException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the schema alone cannot say: checks that span fields or need the risk method, and the
 * values Vigil derives on every read (risk levels and flags, review and expiry status,
 * attainment). Pure functions of the record and a {@link Context}.
 */
public final class RegisterRules {

  /** Days before a due date from which a review, task or expiry counts as coming due. */
  public static final int DUE_SOON_DAYS = 30;

  private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d");

  private RegisterRules() {}

  /**
   * What derived values depend on.
   *
   * @param failingControls controls with open findings from automated checks (failing evidence)
   * @param nonconformityControls controls and clauses with open nonconformities
   * @param kpis the measured KPIs objectives may refer to
   */
  public record Context(LocalDate today, RiskMethod method, Set<String> failingControls,
      Set<String> nonconformityControls, KpiSource kpis) {
    public Context {
      failingControls = Set.copyOf(failingControls);
      nonconformityControls = Set.copyOf(nonconformityControls);
    }
  }

  /**
   * Checks a record's normalised fields beyond its schema.
   *
   * @throws MissingFieldException naming the offending field
   */
  public static void validate(RegisterKind kind, String id, Map<String, Object> fields,
      RiskMethod method) {
    var r = new RegisterRecord(kind, id, fields, Map.of(), null, null, null, null, 0);
    switch (kind) {
      case SCOPE -> {
        var accounts = r.texts("accounts");
        for (int i = 0; i < accounts.size(); i++) {
          if (!ACCOUNT.matcher(accounts.get(i)).matches()) {
            throw new MissingFieldException("accounts[" + i + "]", "accounts[" + i + "]: '"
                + accounts.get(i) + "' is not an AWS account id (12 digits)");
          }
        }
        var regions = r.texts("regions");
        for (int i = 0; i < regions.size(); i++) {
          if (!REGION.matcher(regions.get(i)).matches()) {
            throw new MissingFieldException("regions[" + i + "]", "regions[" + i + "]: '"
                + regions.get(i) + "' is not an AWS region (e.g. eu-west-1)");
          }
        }
      }
      case RISK_METHOD -> RiskMethod.of(java.util.Optional.of(r));
      case RISK -> {
        method.level(r.integer("likelihood").orElseThrow().intValue(),
            r.integer("impact").orElseThrow().intValue(), "likelihood", "impact");
        var rl = r.integer("residualLikelihood");
        var ri = r.integer("residualImpact");
        if (rl.isPresent() != ri.isPresent()) {
          var missing = rl.isPresent() ? "residualImpact" : "residualLikelihood";
          throw new MissingFieldException(missing, missing + " is required with "
              + (rl.isPresent() ? "residualLikelihood" : "residualImpact"));
        }
        if (rl.isPresent()) {
          method.level(rl.get().intValue(), ri.get().intValue(), "residualLikelihood",
              "residualImpact");
        }
        if ("MODIFY".equals(r.text("treatment").orElse(null)) && r.texts("controls").isEmpty()) {
          throw new MissingFieldException("controls", "a risk treated by MODIFY names the Annex A"
              + " controls that modify it (6.1.3 b)");
        }
      }
      case POLICY -> positive(r, "reviewIntervalMonths", 60);
      case EVIDENCE_TASK -> positive(r, "frequencyMonths", 60);
      case OBJECTIVE -> r.text("kpi").ifPresent(k -> {
        if (!KpiSource.KPIS.containsKey(k)) {
          throw new MissingFieldException("kpi", "'" + k + "' is not a KPI; one of "
              + KpiSource.KPIS.keySet());
        }
      });
      case COMPETENCE_EVIDENCE -> {
        var expires = r.date("expiresOn");
        if (expires.isPresent() && expires.get().isBefore(r.date("obtainedOn").orElseThrow())) {
          throw new MissingFieldException("expiresOn", "expiresOn is before obtainedOn");
        }
      }
      case SOA_DECISION -> {
        boolean valid;
        try {
          var control = ControlId.parse(id);
          valid = control.toString().equals(id)
              && io.vigil.domain.control.AnnexACatalogue.standard().find(control).isPresent();
        } catch (IllegalArgumentException e) {
          valid = false;
        }
        if (!valid) {
          throw new MissingFieldException("id", "an SoA decision is keyed by its Annex A 2022"
              + " control id as the catalogue writes it (\"A.5.1\" .. \"A.8.34\"), not '" + id
              + "'");
        }
      }
      default -> {
        // the schema says it all
      }
    }
  }

  private static void positive(RegisterRecord r, String field, int max) {
    long v = r.integer(field).orElseThrow();
    if (v < 1 || v > max) {
      throw new MissingFieldException(field, field + " must be from 1 to " + max);
    }
  }

  /** The values Vigil derives for a record (empty for kinds without any). */
  public static Map<String, Object> derive(RegisterRecord r, Context c) {
    var d = new LinkedHashMap<String, Object>();
    switch (r.kind()) {
      case RISK -> {
        int inherent = c.method().level(r.integer("likelihood").orElseThrow().intValue(),
            r.integer("impact").orElseThrow().intValue(), "likelihood", "impact");
        d.put("inherentLevel", (long) inherent);
        d.put("inherentBand", c.method().band(inherent));
        int effective = inherent;
        if (r.integer("residualLikelihood").isPresent()) {
          int residual = c.method().level(r.integer("residualLikelihood").get().intValue(),
              r.integer("residualImpact").orElseThrow().intValue(), "residualLikelihood",
              "residualImpact");
          d.put("residualLevel", (long) residual);
          d.put("residualBand", c.method().band(residual));
          effective = residual;
        }
        d.put("withinAcceptance", c.method().acceptable(effective));
        var failing = new ArrayList<String>();
        var ncs = new ArrayList<String>();
        for (var control : r.texts("controls")) {
          if (c.failingControls().contains(control)) {
            failing.add(control);
          }
          if (c.nonconformityControls().contains(control)) {
            ncs.add(control);
          }
        }
        d.put("controlsWithFailingEvidence", failing);
        d.put("controlsWithOpenNonconformities", ncs);
        d.put("flagged", !failing.isEmpty() || !ncs.isEmpty());
        d.put("treatmentApproved", r.system().containsKey("treatmentApproval"));
        d.put("residualAccepted", r.system().containsKey("residualAcceptance"));
      }
      case POLICY -> {
        var approved = r.date("approvedOn").orElseThrow();
        var due = approved.plusMonths(r.integer("reviewIntervalMonths").orElseThrow());
        d.put("reviewDue", due.toString());
        d.put("reviewStatus", dueStatus(due, c.today()));
      }
      case DOCUMENT -> r.date("reviewDate").ifPresent(due -> {
        d.put("reviewStatus", dueStatus(due, c.today()));
      });
      case COMPETENCE_EVIDENCE -> {
        var expires = r.date("expiresOn");
        d.put("status", expires.isEmpty() ? "VALID"
            : expires.get().isBefore(c.today()) ? "EXPIRED"
            : ChronoUnit.DAYS.between(c.today(), expires.get()) <= DUE_SOON_DAYS ? "EXPIRING"
            : "VALID");
      }
      case AWARENESS -> {
        var due = r.date("dueDate");
        d.put("status", r.date("completedOn").isPresent() ? "DONE"
            : due.isPresent() && due.get().isBefore(c.today()) ? "OVERDUE" : "PENDING");
      }
      case EVIDENCE_TASK -> {
        var due = r.date("nextDue").orElseThrow();
        d.put("status", dueStatus(due, c.today()));
        var attachments = attachments(r);
        d.put("attachments", (long) attachments.size());
        if (!attachments.isEmpty()) {
          d.put("lastAttachedAt", attachments.get(attachments.size() - 1).get("attachedAt"));
        }
      }
      case OBJECTIVE -> {
        var latest = latestMeasurement(r, c);
        d.put("source", r.text("kpi").map(k -> "kpi " + k).orElse("manual"));
        if (latest.isEmpty()) {
          d.put("attained", null);
          d.put("measure", null);
        } else {
          double value = (Double) latest.get("value");
          double target = r.number("target").orElseThrow();
          boolean atLeast = "AT_LEAST".equals(r.text("direction").orElseThrow());
          d.put("measure", latest);
          d.put("attained", atLeast ? value >= target : value <= target);
        }
      }
      default -> {
        // nothing derived
      }
    }
    return d;
  }

  /** OK, DUE_SOON (within {@value #DUE_SOON_DAYS} days) or OVERDUE. */
  static String dueStatus(LocalDate due, LocalDate today) {
    if (due.isBefore(today)) {
      return "OVERDUE";
    }
    return ChronoUnit.DAYS.between(today, due) <= DUE_SOON_DAYS ? "DUE_SOON" : "OK";
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> attachments(RegisterRecord r) {
    return r.system().get("attachments") instanceof List<?> l
        ? (List<Map<String, Object>>) l : List.of();
  }

  private static Map<String, Object> latestMeasurement(RegisterRecord r, Context c) {
    var kpi = r.text("kpi");
    if (kpi.isPresent()) {
      var m = c.kpis().measure(kpi.get(), c.today());
      if (m.isEmpty()) {
        return Map.of();
      }
      var out = new LinkedHashMap<String, Object>();
      out.put("date", c.today().toString());
      out.put("value", m.getAsDouble());
      return out;
    }
    Map<String, Object> latest = Map.of();
    for (var m : r.objects("measurements")) {
      if (latest.isEmpty() || ((String) m.get("date")).compareTo((String) latest.get("date")) >= 0) {
        latest = m;
      }
    }
    return latest;
  }
}
