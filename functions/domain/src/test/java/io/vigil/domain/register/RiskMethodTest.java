package io.vigil.domain.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.domain.finding.MissingFieldException;
import io.vigil.domain.register.RiskMethod.Band;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The documented risk method (6.1.2): level = likelihood × impact on 1..n scales, bands by their
 * lowest level, acceptance threshold. The default is 5 × 5, Low from 1, Medium from 5, High from
 * 10, Critical from 17, threshold 4.
 */
class RiskMethodTest {

  private static final RiskMethod DEFAULT = RiskMethod.defaults();

  /** Every cell of the default 5 × 5 matrix, with its band and whether it may be retained. */
  @ParameterizedTest(name = "likelihood {0} × impact {1} = {2} ({3}, acceptable {4})")
  @CsvSource({
      "1,1,1,Low,true", "1,2,2,Low,true", "1,3,3,Low,true", "1,4,4,Low,true",
      "1,5,5,Medium,false",
      "2,1,2,Low,true", "2,2,4,Low,true", "2,3,6,Medium,false", "2,4,8,Medium,false",
      "2,5,10,High,false",
      "3,1,3,Low,true", "3,2,6,Medium,false", "3,3,9,Medium,false", "3,4,12,High,false",
      "3,5,15,High,false",
      "4,1,4,Low,true", "4,2,8,Medium,false", "4,3,12,High,false", "4,4,16,High,false",
      "4,5,20,Critical,false",
      "5,1,5,Medium,false", "5,2,10,High,false", "5,3,15,High,false", "5,4,20,Critical,false",
      "5,5,25,Critical,false"})
  void theDefaultMatrix(int likelihood, int impact, int level, String band, boolean acceptable) {
    int computed = DEFAULT.level(likelihood, impact, "likelihood", "impact");
    assertEquals(level, computed);
    assertEquals(band, DEFAULT.band(computed));
    assertEquals(acceptable, DEFAULT.acceptable(computed));
    assertEquals(computed, DEFAULT.level(likelihood, impact, "likelihood", "impact"),
        "the same inputs always give the same level");
  }

  /** The band boundaries 4/5, 9/10, 16/17 and the acceptance threshold 4/5. */
  @ParameterizedTest(name = "level {0} is {1}")
  @CsvSource({"1,Low,true", "4,Low,true", "5,Medium,false", "9,Medium,false", "10,High,false",
      "16,High,false", "17,Critical,false", "25,Critical,false"})
  void bandBoundaries(int level, String band, boolean acceptable) {
    assertEquals(band, DEFAULT.band(level));
    assertEquals(acceptable, DEFAULT.acceptable(level));
  }

  /** Values outside the scales are refused naming the field, never clamped. */
  @ParameterizedTest(name = "likelihood {0}, impact {1} refused naming {2}")
  @CsvSource({"0,3,likelihood", "6,3,likelihood", "-1,3,likelihood", "3,0,impact",
      "3,6,impact", "0,0,likelihood", "2147483647,1,likelihood"})
  void outOfScaleValuesAreRefusedNamingTheField(int likelihood, int impact, String field) {
    var e = assertThrows(MissingFieldException.class,
        () -> DEFAULT.level(likelihood, impact, "likelihood", "impact"));
    assertEquals(field, e.field());
    assertTrue(e.getMessage().contains("must be from 1 to 5"), e.getMessage());
  }

  @Test
  void theDefaultIsDocumentedAsItIs() {
    assertEquals(List.of("Rare", "Unlikely", "Possible", "Likely", "Almost certain"),
        DEFAULT.likelihoodScale());
    assertEquals(List.of("Negligible", "Minor", "Moderate", "Major", "Severe"),
        DEFAULT.impactScale());
    assertEquals(List.of(new Band("Low", 1), new Band("Medium", 5), new Band("High", 10),
        new Band("Critical", 17)), DEFAULT.bands());
    assertEquals(4, DEFAULT.acceptanceThreshold());
    assertEquals(DEFAULT, RiskMethod.of(Optional.empty()), "no method recorded: the default");
  }

  /** A recorded method replaces the default: its scales, bands and threshold. */
  @ParameterizedTest(name = "3×4 method: {0} × {1} = {2} ({3}, acceptable {4})")
  @CsvSource({"1,1,1,Green,true", "1,2,2,Green,true", "1,3,3,Amber,true", "2,2,4,Amber,false",
      "3,2,6,Amber,false", "2,4,8,Red,false", "3,4,12,Red,false"})
  void aRecordedMethod(int likelihood, int impact, int level, String band, boolean acceptable) {
    var record = new RegisterRecord(RegisterKind.RISK_METHOD, "method", Map.of(
        "likelihoodScale", List.of("Low", "Medium", "High"),
        "impactScale", List.of("Low", "Medium", "High", "Extreme"),
        "bands", List.of(Map.of("name", "Green", "minLevel", 1L),
            Map.of("name", "Amber", "minLevel", 3L), Map.of("name", "Red", "minLevel", 8L)),
        "acceptanceThreshold", 3L), Map.of(), Instant.EPOCH, "m", Instant.EPOCH, "m", 1);
    var method = RiskMethod.of(Optional.of(record));
    assertEquals(level, method.level(likelihood, impact, "likelihood", "impact"));
    assertEquals(band, method.band(level));
    assertEquals(acceptable, method.acceptable(level));
    var tooLikely = assertThrows(MissingFieldException.class,
        () -> method.level(4, 1, "residualLikelihood", "residualImpact"));
    assertEquals("residualLikelihood", tooLikely.field());
    assertEquals(method.toFields(), record.fields(), "toFields is the record's form");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "bands must start at 1|bands|Low:2",
      "ascending|bands[2].minLevel|Low:1,High:10,Medium:5",
      "names unique|bands[1].name|Low:1,Low:5",
      "not above the highest level|bands|Low:1,Off:26"})
  void anInconsistentMethodIsRefusedNamingTheField(String rule, String field, String bands) {
    var list = java.util.Arrays.stream(bands.split(",")).map(b -> new Band(b.split(":")[0],
        Integer.parseInt(b.split(":")[1]))).toList();
    var e = assertThrows(MissingFieldException.class, () -> new RiskMethod(
        DEFAULT.likelihoodScale(), DEFAULT.impactScale(), list, 4), rule);
    assertEquals(field, e.field(), rule);
  }

  @ParameterizedTest
  @CsvSource({"-1", "26"})
  void theThresholdIsALevelOfTheMatrix(int threshold) {
    var e = assertThrows(MissingFieldException.class, () -> new RiskMethod(
        DEFAULT.likelihoodScale(), DEFAULT.impactScale(), DEFAULT.bands(), threshold));
    assertEquals("acceptanceThreshold", e.field());
  }

  @Test
  void scalesHaveOneToTenLabels() {
    var empty = assertThrows(MissingFieldException.class, () -> new RiskMethod(List.of(),
        DEFAULT.impactScale(), DEFAULT.bands(), 4));
    assertEquals("likelihoodScale", empty.field());
    var eleven = java.util.Collections.nCopies(11, "x");
    var tooLong = assertThrows(MissingFieldException.class, () -> new RiskMethod(
        DEFAULT.likelihoodScale(), eleven, DEFAULT.bands(), 4));
    assertEquals("impactScale", tooLong.field());
  }
}
