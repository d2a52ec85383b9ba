package io.vigil.domain.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

  @Test
  void write_sortsKeys_soInsertionOrderDoesNotChangeTheHash() {
    var a = new LinkedHashMap<String, Object>();
    a.put("b", 1);
    a.put("a", List.of(true, "x"));
    var b = new LinkedHashMap<String, Object>();
    b.put("a", List.of(true, "x"));
    b.put("b", 1);
    assertEquals("{\"a\":[true,\"x\"],\"b\":1}", CanonicalJson.write(a));
    assertEquals(Sha256.of(CanonicalJson.bytes(a)), Sha256.of(CanonicalJson.bytes(b)));
  }

  @Test
  void write_escapesControlCharactersAndQuotes() {
    assertEquals("\"a\\\"b\\\\c\\n\\u0001é\"", CanonicalJson.write("a\"b\\c\n\u0001é"));
  }

  @Test
  void write_normalisesDecimalsAndTimes() {
    assertEquals("1.5", CanonicalJson.write(new BigDecimal("1.500")));
    assertEquals("\"2026-11-28T06:00:00Z\"", CanonicalJson.write(Instant.parse("2026-11-28T06:00:00Z")));
    var withNull = new java.util.HashMap<String, Object>();
    withNull.put("k", null);
    assertEquals("{\"k\":null}", CanonicalJson.write(withNull));
  }

  @Test
  void write_refusesFloatsAndUnknownTypes_namingThePath() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> CanonicalJson.write(Map.of("x", List.of(1, 2.5))));
    assertEquals(true, e.getMessage().contains("$.x[1]"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(new Object()));
  }

  @Test
  void sha256_changesWithASingleByte() {
    var one = CanonicalJson.bytes(Map.of("enabled", true));
    var two = Arrays.copyOf(one, one.length);
    two[3] ^= 1;
    assertNotEquals(Sha256.of(one), Sha256.of(two));
    assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        Sha256.of(new byte[0]).hex());
  }
}
