package io.vigil.checks.ec2;

import static io.vigil.checks.ec2.Ec2Fixtures.TARGET;
import static io.vigil.checks.ec2.Ec2Fixtures.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.domain.check.CheckStatus;
import io.vigil.domain.check.Observation;
import java.util.List;
import org.junit.jupiter.api.Test;

class Ec2AmiNotPublicCheckTest {

  private final Ec2AmiNotPublicCheck check = new Ec2AmiNotPublicCheck();

  private static Ec2Snapshot.Image image(String id, String name, boolean isPublic) {
    return new Ec2Snapshot.Image(id, "arn:aws:ec2:eu-west-1::image/" + id, name, isPublic);
  }

  @Test
  void evaluate_returnsNothing_whenAccountOwnsNoImage() {
    assertEquals(List.of(), check.evaluate(snapshot().build(), TARGET));
  }

  @Test
  void evaluate_passesPrivate_andFailsPublicImages() {
    // GIVEN
    var snapshot = snapshot().images(image("ami-1", "base", false), image("ami-2", null, true))
        .build();
    // WHEN
    var observations = check.evaluate(snapshot, TARGET);
    // THEN
    assertEquals(List.of(CheckStatus.PASS, CheckStatus.FAIL),
        observations.stream().map(Observation::status).toList());
    assertEquals("AMI ami-1 (base): is private", observations.get(0).reason());
    assertEquals("AMI ami-2: is public, any AWS account can launch it",
        observations.get(1).reason());
    assertEquals("arn:aws:ec2:eu-west-1::image/ami-2", observations.get(1).resourceArn());
    assertEquals(true, observations.get(1).evidence().get("public"));
  }
}
