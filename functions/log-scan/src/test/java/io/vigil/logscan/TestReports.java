package io.vigil.logscan;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The test reports of a source tree: every file in a {@code target/surefire-reports} or {@code
 * target/failsafe-reports} directory that holds test output — {@code *-output.txt} (a test
 * class's standard output and error, with {@code redirectTestOutputToFile}), the {@code *.txt}
 * summaries and {@code TEST-*.xml} reports (failure messages, stack traces, system-out and
 * system-err), and the forked JVMs' {@code *.dump*} files.
 */
final class TestReports {

  private static final Set<String> REPORT_DIRS = Set.of("surefire-reports", "failsafe-reports");
  private static final Set<String> SKIPPED = Set.of(".git", "node_modules", ".mvn", "src");

  /** The files, and which of them are redirected test output. */
  record Found(List<Path> files, List<Path> outputs) {}

  private TestReports() {}

  /** The report files under {@code root}, except those under {@code excluded}. */
  static Found find(Path root, Path excluded) throws IOException {
    var files = new ArrayList<Path>();
    var outputs = new ArrayList<Path>();
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        var name = dir.getFileName() == null ? "" : dir.getFileName().toString();
        if (dir.equals(excluded) || SKIPPED.contains(name)) {
          return FileVisitResult.SKIP_SUBTREE;
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        var dir = file.getParent();
        if (dir == null || !REPORT_DIRS.contains(dir.getFileName().toString())
            || dir.getParent() == null || !"target".equals(dir.getParent().getFileName()
                .toString())) {
          return FileVisitResult.CONTINUE;
        }
        var name = file.getFileName().toString();
        if (name.endsWith(".txt") || name.endsWith(".xml") || name.contains(".dump")) {
          files.add(file);
          if (name.endsWith("-output.txt")) {
            outputs.add(file);
          }
        }
        return FileVisitResult.CONTINUE;
      }
    });
    files.sort(null);
    outputs.sort(null);
    return new Found(files, outputs);
  }
}
