package io.vigil.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Micronaut's compile-time bean definitions really honour the package-level
 * {@code @Requires(classes = ...)} of the service groups: the catalogue is started in a class loader
 * whose class path lacks the SDK artifacts of one group (as that group's deployment package does),
 * and exactly the other group's checks and loaders load, without a NoClassDefFoundError.
 */
class ServiceGroupIsolationTest {

  private static Set<String> fullCatalogue;

  @BeforeAll
  static void describeFullCatalogue() throws Exception {
    fullCatalogue = new TreeSet<>(probe(List.of()));
  }

  @ParameterizedTest
  @EnumSource(ServiceGroup.class)
  void withoutAGroupsSdk_exactlyTheOtherGroupsChecksAndLoadersLoad(ServiceGroup hidden)
      throws Exception {
    // GIVEN a class path without the SDK artifacts only `hidden` needs
    // WHEN the catalogue's bean context starts there
    var lines = new TreeSet<>(probe(hidden.sdkArtifacts()));

    // THEN the hidden group is absent, every other bean loaded
    assertFalse(lines.contains("group:" + hidden.id()), lines.toString());
    var expected = fullCatalogue.stream().filter(l -> !belongsTo(l, hidden))
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(expected, lines);
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("check:")), "the other group's checks");
    assertTrue(fullCatalogue.stream().anyMatch(l -> belongsTo(l, hidden)),
        "the full catalogue has checks of " + hidden);
  }

  /** Whether a probe line names a check, loader or group of {@code group}. */
  private static boolean belongsTo(String line, ServiceGroup group) {
    if (line.equals("group:" + group.id())) {
      return true;
    }
    if (line.startsWith("loader:")) {
      return group.covers(line.substring("loader:".length()));
    }
    if (line.startsWith("check:")) {
      return group.covers(line.substring(line.indexOf('@') + 1));
    }
    return false;
  }

  /** Runs {@link CatalogueProbe} in a class loader without the given SDK artifacts. */
  @SuppressWarnings("unchecked")
  static List<String> probe(List<String> hiddenArtifacts) throws Exception {
    var urls = new ArrayList<URL>();
    for (var entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (entry.isBlank() || hides(entry, hiddenArtifacts)) {
        continue;
      }
      urls.add(toUrl(entry));
    }
    try (var loader = new URLClassLoader(urls.toArray(URL[]::new),
        ClassLoader.getPlatformClassLoader())) {
      var previous = Thread.currentThread().getContextClassLoader();
      Thread.currentThread().setContextClassLoader(loader);
      try {
        var probe = Class.forName(CatalogueProbe.class.getName(), true, loader);
        return (List<String>) probe.getMethod("describe").invoke(null);
      } finally {
        Thread.currentThread().setContextClassLoader(previous);
      }
    }
  }

  private static boolean hides(String entry, List<String> artifacts) {
    var path = entry.replace(File.separatorChar, '/');
    return artifacts.stream().anyMatch(a -> path.contains("/software/amazon/awssdk/" + a + "/"));
  }

  private static URL toUrl(String entry) throws MalformedURLException {
    return new File(entry).toURI().toURL();
  }
}
