package io.vigil.checks.account;

import io.vigil.checks.AccountCheck;
import io.vigil.domain.check.CheckMetadata;
import io.vigil.domain.check.Observation;
import io.vigil.domain.check.ScanTarget;
import io.vigil.domain.check.Severity;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The account has an alternate security contact with an email address. One observation per
 * account, about {@code arn:<partition>:iam::<account>:root}.
 */
@Singleton
public final class AccountSecurityContactRegisteredCheck extends AccountCheck<AccountSnapshot> {

  private static final CheckMetadata METADATA =
      CheckMetadata.builder("account_security_contact_registered")
          .title("AWS account has an alternate security contact registered")
          .resourceType("AWS::Account::AlternateContact")
          .severity(Severity.MEDIUM)
          .supporting("A.5.5", "A.5.24")
          .rationale("AWS sends abuse reports, compromised-credential notices and security"
              + " bulletins to the security contact. Without one they go to the root email,"
              + " which is often an unattended mailbox, so an incident reported by AWS can go"
              + " unseen. A registered, monitored contact supports incident management planning"
              + " (A.5.24) and contact with authorities and providers (A.5.5).")
          .remediation("aws account put-alternate-contact --alternate-contact-type SECURITY"
              + " --name NAME --title TITLE --email-address security@example.com"
              + " --phone-number PHONE (or per account from the management account with"
              + " --account-id).")
          .build();

  public AccountSecurityContactRegisteredCheck() {
    super(METADATA, AccountSnapshot.class);
  }

  @Override
  protected Observation judge(AccountSnapshot snapshot, ScanTarget target) {
    var arn = target.accountArn();
    var subject = "account " + target.accountId();
    var contact = snapshot.securityContact();
    if (contact.isFailed()) {
      return contact.toErrorObservation(arn, subject);
    }
    if (!contact.isPresent()) {
      return Observation.fail(arn, subject + ": no security contact is registered",
          Map.of("SecurityContactRegistered", false));
    }
    var c = contact.value();
    var hasEmail = c.emailAddress() != null && !c.emailAddress().isBlank();
    var evidence = new LinkedHashMap<String, Object>();
    evidence.put("SecurityContactRegistered", true);
    evidence.put("Name", String.valueOf(c.name()));
    evidence.put("Title", String.valueOf(c.title()));
    evidence.put("EmailAddress", hasEmail ? c.emailAddress() : "");
    evidence.put("PhoneNumberRegistered", c.phonePresent());
    return Observation.of(hasEmail, arn,
        subject + ": security contact " + c.name() + " <" + c.emailAddress() + ">",
        subject + ": security contact " + c.name() + " has no email address", evidence);
  }
}
