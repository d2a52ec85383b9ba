package io.vigil.domain.register;

import io.vigil.domain.finding.MissingFieldException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The risk assessment method (6.1.2): likelihood and impact on ordinal scales {@code 1..n}, the
 * level {@code likelihood × impact}, bands that name ranges of levels, and the acceptance
 * criterion (the highest level that may be retained without treatment). The same inputs always
 * give the same level and band.
 *
 * <p>Default (when the register holds no method): 5 × 5 — likelihood Rare, Unlikely, Possible,
 * Likely, Almost certain; impact Negligible, Minor, Moderate, Major, Severe — bands Low from 1,
 * Medium from 5, High from 10, Critical from 17; acceptance threshold 4 (Low).
 */
public record RiskMethod(List<String> likelihoodScale, List<String> impactScale, List<Band> bands,
    int acceptanceThreshold) {

  /** A named range of levels, from {@code minLevel} to the next band's minimum − 1. */
  public record Band(String name, int minLevel) {}

  public RiskMethod {
    likelihoodScale = List.copyOf(likelihoodScale);
    impactScale = List.copyOf(impactScale);
    bands = List.copyOf(bands);
    if (likelihoodScale.isEmpty() || likelihoodScale.size() > 10) {
      throw new MissingFieldException("likelihoodScale", "likelihoodScale needs 1 to 10 labels");
    }
    if (impactScale.isEmpty() || impactScale.size() > 10) {
      throw new MissingFieldException("impactScale", "impactScale needs 1 to 10 labels");
    }
    if (bands.isEmpty() || bands.get(0).minLevel() != 1) {
      throw new MissingFieldException("bands", "bands must start with a band from level 1");
    }
    var names = new HashSet<String>();
    for (int i = 0; i < bands.size(); i++) {
      var b = bands.get(i);
      if (!names.add(b.name())) {
        throw new MissingFieldException("bands[" + i + "].name", "band name '" + b.name()
            + "' is used twice");
      }
      if (i > 0 && b.minLevel() <= bands.get(i - 1).minLevel()) {
        throw new MissingFieldException("bands[" + i + "].minLevel", "bands must be in"
            + " ascending order of minLevel");
      }
    }
    int max = likelihoodScale.size() * impactScale.size();
    if (bands.get(bands.size() - 1).minLevel() > max) {
      throw new MissingFieldException("bands", "a band starts above the highest level " + max);
    }
    if (acceptanceThreshold < 0 || acceptanceThreshold > max) {
      throw new MissingFieldException("acceptanceThreshold", "acceptanceThreshold must be from"
          + " 0 to " + max);
    }
  }

  public static RiskMethod defaults() {
    return new RiskMethod(
        List.of("Rare", "Unlikely", "Possible", "Likely", "Almost certain"),
        List.of("Negligible", "Minor", "Moderate", "Major", "Severe"),
        List.of(new Band("Low", 1), new Band("Medium", 5), new Band("High", 10),
            new Band("Critical", 17)),
        4);
  }

  /** The method the register holds, or the default when none is recorded. */
  public static RiskMethod of(java.util.Optional<RegisterRecord> record) {
    if (record.isEmpty()) {
      return defaults();
    }
    var r = record.get();
    var bands = new ArrayList<Band>();
    for (var b : r.objects("bands")) {
      bands.add(new Band((String) b.get("name"), ((Number) b.get("minLevel")).intValue()));
    }
    return new RiskMethod(r.texts("likelihoodScale"), r.texts("impactScale"), bands,
        r.integer("acceptanceThreshold").orElseThrow().intValue());
  }

  /**
   * The level of a likelihood and impact.
   *
   * @throws MissingFieldException naming the field that is outside its scale
   */
  public int level(int likelihood, int impact, String likelihoodField, String impactField) {
    if (likelihood < 1 || likelihood > likelihoodScale.size()) {
      throw new MissingFieldException(likelihoodField, likelihoodField + " must be from 1 to "
          + likelihoodScale.size() + " (" + String.join(", ", likelihoodScale) + ")");
    }
    if (impact < 1 || impact > impactScale.size()) {
      throw new MissingFieldException(impactField, impactField + " must be from 1 to "
          + impactScale.size() + " (" + String.join(", ", impactScale) + ")");
    }
    return likelihood * impact;
  }

  /** The band a level falls in. */
  public String band(int level) {
    String name = bands.get(0).name();
    for (var b : bands) {
      if (level >= b.minLevel()) {
        name = b.name();
      }
    }
    return name;
  }

  /** Whether a level meets the acceptance criterion. */
  public boolean acceptable(int level) {
    return level <= acceptanceThreshold;
  }

  /** The method as register fields (for showing the default). */
  public Map<String, Object> toFields() {
    var m = new LinkedHashMap<String, Object>();
    m.put("likelihoodScale", likelihoodScale);
    m.put("impactScale", impactScale);
    m.put("bands", bands.stream().map(b -> {
      var bm = new LinkedHashMap<String, Object>();
      bm.put("name", b.name());
      bm.put("minLevel", (long) b.minLevel());
      return (Map<String, Object>) bm;
    }).toList());
    m.put("acceptanceThreshold", (long) acceptanceThreshold);
    return m;
  }
}
