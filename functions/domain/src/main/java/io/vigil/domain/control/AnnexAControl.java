package io.vigil.domain.control;

import java.util.Objects;

/** One Annex A 2022 control: id, theme and short title (never the copyrighted control text). */
public record AnnexAControl(ControlId id, Theme theme, String title) {
  public AnnexAControl {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(theme, "theme");
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("control " + id + " needs a title");
    }
    if (theme.number() != id.theme()) {
      throw new IllegalArgumentException(
          "control " + id + " is numbered in theme " + id.theme() + " but filed under " + theme);
    }
  }
}
