package io.vigil.checks.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GlobsTest {

  @Test
  void matches_honoursStarAndQuestionMark() {
    assertTrue(Globs.matches("*", "", false));
    assertTrue(Globs.matches("*", "anything", false));
    assertTrue(Globs.matches("s3:*", "s3:GetObject", true));
    assertTrue(Globs.matches("s3:Get*", "s3:getobject", true));
    assertTrue(Globs.matches("arn:aws:s3:::b/*", "arn:aws:s3:::b/key", false));
    assertTrue(Globs.matches("arn:aws:s3:::b*", "arn:aws:s3:::b/key", false));
    assertTrue(Globs.matches("a?c", "abc", false));
    assertTrue(Globs.matches("a**c", "ac", false));
    assertTrue(Globs.matches("*a*b*", "xxaxxbxx", false));
  }

  @Test
  void matches_rejectsNonMatches() {
    assertFalse(Globs.matches("s3:Get*", "s3:PutObject", true));
    assertFalse(Globs.matches("arn:aws:s3:::b", "arn:aws:s3:::b/key", false));
    assertFalse(Globs.matches("A", "a", false));
    assertFalse(Globs.matches("a?c", "ac", false));
    assertFalse(Globs.matches("", "a", false));
  }
}
