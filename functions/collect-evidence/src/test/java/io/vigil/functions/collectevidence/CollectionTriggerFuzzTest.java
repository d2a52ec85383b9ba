package io.vigil.functions.collectevidence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Bad input in collect-evidence's events (issue 11, "Bad input"): the sample events of
 * {@code events/collect-evidence/} (scheduled, scheduler, Config change, CloudTrail call), mutated
 * anywhere in their tree — values of other types, removed or added fields, odd strings — must each
 * give a valid trigger or an {@link IllegalArgumentException} (e.g. {@link InvalidEventException})
 * with a message; never a NullPointerException, ClassCastException or anything else.
 *
 * <p>Seeded: {@value #SEED} unless {@code -Dvigil.fuzz.seed=N}.
 */
class CollectionTriggerFuzzTest {

  static final long SEED = 20261128L;
  static final int CASES = 500;

  private static final List<String> SAMPLES = List.of("scheduled-run.json",
      "scheduler-run.json", "config-change-s3-bucket.json",
      "cloudtrail-change-security-group.json", "cloudtrail-read-only-ignored.json");
  private static final List<String> KEYS = List.of("detail-type", "source", "id", "account",
      "region", "time", "resources", "detail", "configurationItem", "configurationItemDiff",
      "resourceType", "resourceId", "ARN", "awsRegion", "awsAccountId", "eventName",
      "eventSource", "readOnly", "requestParameters", "responseElements", "messageType", "x");

  @Test
  void everyMutatedEventGivesATriggerOrAClearError() {
    long seed = Long.getLong("vigil.fuzz.seed", SEED);
    var rnd = new Random(seed);
    var samples = SAMPLES.stream().map(ChangeTriggerTest::sample).toList();
    int valid = 0;
    int rejected = 0;
    for (int i = 0; i < CASES; i++) {
      var event = copy(samples.get(rnd.nextInt(samples.size())));
      int n = 1 + rnd.nextInt(3);
      for (int m = 0; m < n; m++) {
        mutate(event, rnd);
      }
      int c = i;
      try {
        var trigger = CollectionTrigger.parse(event);
        assertNotNull(trigger.kind());
        assertNotNull(trigger.runId());
        valid++;
      } catch (IllegalArgumentException e) {
        rejected++;
        assertNotNull(e.getMessage(), () -> "case " + c + ": " + e);
        assertFalse(e.getMessage().isBlank(), () -> "case " + c);
      } catch (Throwable t) {
        throw new AssertionError("case " + c + " (seed " + seed + ") threw " + t + " for "
            + event, t);
      }
    }
    assertTrue(valid > 0, "valid " + valid);
    assertTrue(rejected > CASES / 4, "rejected " + rejected);
  }

  @SuppressWarnings("unchecked")
  static void mutate(Object node, Random rnd) {
    while (true) {
      if (node instanceof Map<?, ?> raw) {
        var map = (Map<String, Object>) raw;
        var keys = new ArrayList<>(map.keySet());
        if (keys.isEmpty() || rnd.nextInt(10) == 0) {
          map.put(KEYS.get(rnd.nextInt(KEYS.size())), value(rnd));
          return;
        }
        var key = keys.get(rnd.nextInt(keys.size()));
        var child = map.get(key);
        if ((child instanceof Map || child instanceof List) && rnd.nextInt(3) != 0) {
          node = child;
          continue;
        }
        if (rnd.nextInt(4) == 0) {
          map.remove(key);
        } else {
          map.put(key, value(rnd));
        }
        return;
      } else if (node instanceof List<?> raw) {
        var list = (List<Object>) raw;
        if (list.isEmpty() || rnd.nextInt(6) == 0) {
          list.add(value(rnd));
          return;
        }
        int at = rnd.nextInt(list.size());
        var child = list.get(at);
        if ((child instanceof Map || child instanceof List) && rnd.nextInt(3) != 0) {
          node = child;
          continue;
        }
        if (rnd.nextBoolean()) {
          list.remove(at);
        } else {
          list.set(at, value(rnd));
        }
        return;
      } else {
        return;
      }
    }
  }

  static Object value(Random rnd) {
    return switch (rnd.nextInt(14)) {
      case 0 -> null;
      case 1 -> rnd.nextBoolean();
      case 2 -> rnd.nextInt();
      case 3 -> 1.5e300;
      case 4 -> "";
      case 5 -> "arn:";
      case 6 -> "2026-13-45T99:00:00Z";
      case 7 -> "{\"not\": \"closed\"";
      case 8 -> "x".repeat(10_000);
      case 9 -> "<script>\u0000\ud800";
      case 10 -> new ArrayList<Object>(List.of(rnd.nextInt()));
      case 11 -> new ArrayList<Object>();
      case 12 -> new LinkedHashMap<String, Object>();
      default -> "123456789012";
    };
  }

  @SuppressWarnings("unchecked")
  static <T> T copy(T v) {
    if (v instanceof Map<?, ?> m) {
      var out = new LinkedHashMap<String, Object>();
      m.forEach((k, x) -> out.put((String) k, copy(x)));
      return (T) out;
    }
    if (v instanceof List<?> l) {
      var out = new ArrayList<Object>();
      l.forEach(x -> out.add(copy(x)));
      return (T) out;
    }
    return v;
  }
}
