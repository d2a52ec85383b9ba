package io.vigil.checks;

import io.micronaut.context.BeanContext;
import io.vigil.aws.AwsClientFactory;
import io.vigil.aws.AwsSettings;
import io.vigil.domain.check.EvidenceCheck;
import io.vigil.domain.check.SnapshotLoader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * Starts the catalogue's bean context and describes what loaded, as plain strings: run through an
 * isolated class loader (see {@link ServiceGroupIsolationTest}) so that nothing of the result
 * depends on classes of that loader. Lines: {@code group:<id>} for each present group,
 * {@code check:<id>@<service>} per check bean (the service of the loader of its snapshot type,
 * {@code ?} when none loaded), {@code loader:<service>} per loader bean.
 */
public final class CatalogueProbe {

  private CatalogueProbe() {}

  public static List<String> describe() {
    var out = new ArrayList<String>();
    ServiceGroup.present().forEach(g -> out.add("group:" + g.id()));
    var context = BeanContext.build();
    try (var clients = new AwsClientFactory(
        AwsSettings.emulator("http://localhost:1", "eu-west-1"))) {
      context.registerSingleton(AwsClientFactory.class, clients);
      context.start();
      var services = new HashMap<Class<?>, String>();
      for (SnapshotLoader<?> l : context.getBeansOfType(SnapshotLoader.class)) {
        out.add("loader:" + l.service());
        services.put(l.snapshotType(), l.service());
      }
      for (EvidenceCheck<?> c : context.getBeansOfType(EvidenceCheck.class)) {
        out.add("check:" + c.metadata().id().value() + "@"
            + services.getOrDefault(c.snapshotType(), "?"));
      }
    } finally {
      context.close();
    }
    return out;
  }
}
