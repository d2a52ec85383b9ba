package io.vigil.checks;

import io.vigil.domain.check.EvidenceCheck;
import io.vigil.domain.check.SnapshotLoader;
import io.vigil.domain.control.AnnexACatalogue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The rules every check of the catalogue obeys, as a list of human-readable violations (empty when
 * the catalogue is sound), so that a test can show each rule catching a bad check.
 */
final class CatalogueRules {

  private CatalogueRules() {}

  static List<String> violations(
      List<? extends EvidenceCheck<?>> checks, List<? extends SnapshotLoader<?>> loaders) {
    var problems = new ArrayList<String>();
    var ids = new HashSet<String>();
    var loadersByType = new HashMap<Class<?>, Integer>();
    for (var loader : loaders) {
      loadersByType.merge(loader.snapshotType(), 1, Integer::sum);
    }
    for (var check : checks) {
      var meta = check.metadata();
      var id = meta.id().value();
      var type = check.getClass();
      if (!ids.add(id)) {
        problems.add(id + ": id is used by more than one check");
      }
      var expectedName = pascalCase(id) + "Check";
      if (!type.getSimpleName().equals(expectedName)) {
        problems.add(id + ": class " + type.getSimpleName() + " should be " + expectedName);
      }
      if (!type.getPackageName().endsWith("." + meta.id().service())) {
        problems.add(id + ": package " + type.getPackageName() + " should end with ."
            + meta.id().service());
      }
      for (var control : meta.controlIds()) {
        if (!AnnexACatalogue.standard().contains(control)) {
          problems.add(id + ": " + control + " is not an Annex A 2022 control");
        }
      }
      int count = loadersByType.getOrDefault(check.snapshotType(), 0);
      if (count != 1) {
        problems.add(id + ": " + count + " loaders for " + check.snapshotType().getSimpleName()
            + ", expected exactly 1");
      }
    }
    return problems;
  }

  /** {@code iam_user_access_keys_rotated_90_days} -> {@code IamUserAccessKeysRotated90Days}. */
  static String pascalCase(String id) {
    return Arrays.stream(id.split("_"))
        .map(part -> Character.toUpperCase(part.charAt(0)) + part.substring(1))
        .collect(Collectors.joining());
  }
}
