package io.vigil.checks.account;

import io.vigil.checks.Lookup;
import java.util.Objects;

/**
 * The account's contacts.
 *
 * @param securityContact GetAlternateContact type SECURITY; absent when none is registered
 */
public record AccountSnapshot(Lookup<Contact> securityContact) {

  public AccountSnapshot {
    Objects.requireNonNull(securityContact, "securityContact");
  }

  /**
   * An alternate contact. The phone number is not kept: only whether one is registered.
   *
   * @param phonePresent whether a phone number is registered
   */
  public record Contact(String name, String title, String emailAddress, boolean phonePresent) {}
}
