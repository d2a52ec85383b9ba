package io.vigil.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The steps of {@code bench/run} that are not benchmarks: the package-size part and the merge of
 * every part's results file into {@code latest.json} with the printed table.
 *
 * <pre>
 *   Suite packages --root REPO --out bench/results/packages.json
 *   Suite merge --dir bench/results --expect jmh,throughput,pack,packages,coldstart
 *               [--why part=reason ...]
 * </pre>
 */
public final class Suite {

  /** A Lambda deployment package should stay at or below this size (issue 10). */
  static final double PACKAGE_LIMIT_MIB = 20;

  /** The merged file; every other {@code *.json} in the directory is a part's. */
  static final String LATEST = "latest.json";

  private Suite() {}

  public static void main(String[] args) {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: Suite packages|merge [options]");
    }
    var opts = options(Arrays.copyOfRange(args, 1, args.length));
    switch (args[0]) {
      case "packages" -> ResultsJson.write(Path.of(required(opts, "out")),
          packages(Path.of(required(opts, "root"))));
      case "merge" -> {
        var dir = Path.of(required(opts, "dir"));
        var expected = opts.containsKey("expect")
            ? List.of(opts.get("expect").split(",")) : List.<String>of();
        var rows = merge(dir, expected, reasons(args));
        ResultsJson.writeElements(dir.resolve(LATEST), rows);
        printTable(rows, System.out);
      }
      default -> throw new IllegalArgumentException("unknown step " + args[0]);
    }
  }

  /**
   * One figure per Lambda deployment package ({@code functions/*}{@code /target/*-lambda*.jar}
   * under {@code root}): its size in MiB against {@value #PACKAGE_LIMIT_MIB} MiB. No package at all
   * is one figure that did not run.
   */
  static List<Figure> packages(Path root) {
    var functions = root.resolve("functions");
    var jars = new ArrayList<Path>();
    if (Files.isDirectory(functions)) {
      try (Stream<Path> modules = Files.list(functions)) {
        for (var module : modules.sorted().toList()) {
          var target = module.resolve("target");
          if (!Files.isDirectory(target)) {
            continue;
          }
          try (Stream<Path> files = Files.list(target)) {
            files.filter(f -> {
              var n = f.getFileName().toString();
              return n.endsWith(".jar") && n.contains("-lambda") && Files.isRegularFile(f);
            }).sorted().forEach(jars::add);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (jars.isEmpty()) {
      return List.of(Figure.notRun("package", "no functions/*/target/*-lambda*.jar: build the"
          + " functions first (./mvnw -o -q -B -DskipTests install)"));
    }
    var out = new ArrayList<Figure>();
    for (var jar : jars) {
      long bytes;
      FileTime modified;
      try {
        bytes = Files.size(jar);
        modified = Files.getLastModifiedTime(jar);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      var name = jar.getFileName().toString().replaceFirst("\\.jar$", "");
      out.add(Figure.measured("package." + name, bytes / 1048576.0, 2, "MiB",
          Target.atMost(PACKAGE_LIMIT_MIB), String.format(Locale.ROOT,
              "%s: %,d bytes (%.1f MB), built %s; issue 10 target: each Lambda package"
                  + " <= 20 MB", root.relativize(jar), bytes, bytes / 1e6,
              modified.toInstant().truncatedTo(ChronoUnit.SECONDS))));
    }
    return out;
  }

  /**
   * The elements of every part file in {@code dir} (all {@code *.json} but {@value #LATEST}):
   * the {@code expected} parts first, in that order, then any other part by file name. An
   * expected part without a file, or a file that cannot be read, becomes one element with
   * {@code met} false and a detail saying why ({@code "not run: ..."}); {@code why} gives the
   * reason known to the caller (e.g. the part's exit code).
   */
  static List<Map<String, Object>> merge(Path dir, List<String> expected,
      Map<String, String> why) {
    var parts = new ArrayList<>(expected);
    if (Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.list(dir)) {
        files.map(f -> f.getFileName().toString())
            .filter(n -> n.endsWith(".json") && !n.equals(LATEST) && !n.startsWith("."))
            .map(n -> n.substring(0, n.length() - ".json".length()))
            .sorted()
            .filter(p -> !parts.contains(p))
            .forEach(parts::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    var rows = new ArrayList<Map<String, Object>>();
    for (var part : parts) {
      var file = dir.resolve(part + ".json");
      var reason = why.get(part);
      if (!Files.isRegularFile(file)) {
        rows.add(Figure.notRun(part, reason != null ? reason
            : "no bench/results/" + part + ".json was written").toMap());
        continue;
      }
      List<Map<String, Object>> elements;
      try {
        elements = ResultsJson.read(file);
      } catch (RuntimeException e) {
        rows.add(Figure.notRun(part, "bench/results/" + part + ".json is unreadable: "
            + e.getMessage()).toMap());
        continue;
      }
      if (elements.isEmpty()) {
        rows.add(Figure.notRun(part, "bench/results/" + part + ".json lists no figure").toMap());
      }
      for (var element : elements) {
        rows.add(normalise(part, element));
      }
      if (reason != null) {
        // the part wrote figures but then failed: keep them and say so
        rows.add(new Figure(part + ".status", null, "", null, false, reason).toMap());
      }
    }
    return rows;
  }

  /**
   * An element of a part's file in the suite's field order, unknown fields kept after them.
   * {@code met} must be a boolean; a figure without a target may leave it null, which counts as
   * met (nothing was missed) as in {@link Figure#reported}. An element without a name, or with a
   * target and no boolean {@code met}, is kept but marked not met, so that a malformed part never
   * shows as passing.
   */
  private static Map<String, Object> normalise(String part, Map<String, Object> element) {
    var out = new LinkedHashMap<String, Object>();
    var name = element.get("name");
    var met = element.get("met");
    var target = element.get("target");
    boolean named = name instanceof String s && !s.isBlank();
    boolean judged = met instanceof Boolean || (met == null && target == null);
    out.put("name", named ? name : part + ".unnamed");
    out.put("value", element.get("value"));
    out.put("unit", element.getOrDefault("unit", ""));
    out.put("target", target);
    out.put("met", named && (met instanceof Boolean b ? b : judged));
    var detail = element.get("detail") == null ? "" : element.get("detail");
    out.put("detail", named && judged ? detail : "malformed element in bench/results/" + part
        + ".json (it needs a name, and a boolean met where it has a target): "
        + ResultsJson.write(element));
    element.forEach(out::putIfAbsent);
    return out;
  }

  /** The table: name, value, unit, target, met; then why each part that did not run did not. */
  static void printTable(List<Map<String, Object>> rows, PrintStream out) {
    var header = List.of("name", "value", "unit", "target", "met");
    var cells = new ArrayList<List<String>>();
    for (var r : rows) {
      cells.add(List.of(text(r.get("name")), number(r.get("value")), text(r.get("unit")),
          r.get("target") == null ? "-" : text(r.get("target")),
          Boolean.TRUE.equals(r.get("met")) ? (r.get("target") == null ? "(none)" : "yes")
              : "NO"));
    }
    var widths = new int[header.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = header.get(i).length();
      for (var c : cells) {
        widths[i] = Math.max(widths[i], c.get(i).length());
      }
    }
    out.println(line(header, widths));
    var rule = new ArrayList<String>();
    for (int w : widths) {
      rule.add("-".repeat(w));
    }
    out.println(line(rule, widths));
    cells.forEach(c -> out.println(line(c, widths)));
    long missed = rows.stream().filter(r -> !Boolean.TRUE.equals(r.get("met"))).count();
    out.printf(Locale.ROOT, "%n%d figures, %d without a target, %d not met or not run%n",
        rows.size(), rows.stream().filter(r -> r.get("target") == null
            && Boolean.TRUE.equals(r.get("met"))).count(), missed);
    rows.stream().filter(r -> r.get("value") == null && !Boolean.TRUE.equals(r.get("met")))
        .forEach(r -> out.println("- " + r.get("name") + ": " + r.get("detail")));
  }

  private static String line(List<String> cells, int[] widths) {
    var sb = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      var c = cells.get(i);
      // numbers right-aligned, text left-aligned
      sb.append(i == 1 ? " ".repeat(widths[i] - c.length()) + c
          : c + " ".repeat(widths[i] - c.length()));
      if (i < cells.size() - 1) {
        sb.append("  ");
      }
    }
    return sb.toString().stripTrailing();
  }

  private static String text(Object o) {
    return o == null ? "" : o instanceof String s ? s : ResultsJson.write(o);
  }

  private static String number(Object o) {
    if (o == null) {
      return "-";
    }
    if (o instanceof BigDecimal d) {
      return d.toPlainString();
    }
    return text(o);
  }

  private static Map<String, String> reasons(String[] args) {
    var out = new LinkedHashMap<String, String>();
    for (int i = 1; i + 1 < args.length; i++) {
      if (args[i].equals("--why")) {
        var pair = args[++i];
        int eq = pair.indexOf('=');
        if (eq <= 0) {
          throw new IllegalArgumentException("--why expects part=reason, got " + pair);
        }
        out.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
    }
    return out;
  }

  private static Map<String, String> options(String[] args) {
    var out = new LinkedHashMap<String, String>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
      }
      var key = args[i].substring(2);
      var value = args[++i];
      if (!key.equals("why")) {
        out.put(key, value);
      }
    }
    return out;
  }

  private static String required(Map<String, String> opts, String key) {
    var v = opts.get(key);
    if (v == null) {
      throw new IllegalArgumentException("missing --" + key);
    }
    return v;
  }
}
