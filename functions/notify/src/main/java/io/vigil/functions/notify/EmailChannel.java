package io.vigil.functions.notify;

import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;

/**
 * Sends the message by SES v2 {@code SendEmail} as a MIME multipart/alternative (plain text and
 * HTML). Throttling and 5xx are retryable; other SES errors (unverified sender, rejected message)
 * are permanent.
 */
public final class EmailChannel implements Channel {

  private static final java.util.regex.Pattern ADDRESS =
      java.util.regex.Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private final SesV2Client ses;
  private final SecretSource secrets;

  /**
   * @param secrets resolves a sender given as {@code secret:NAME} (the sender identity kept in
   *     Secrets Manager)
   */
  public EmailChannel(SesV2Client ses, SecretSource secrets) {
    this.ses = ses;
    this.secrets = secrets;
  }

  @Override
  public void send(Message message, Target target) throws DeliveryException {
    var email = target.email().orElseThrow();
    var from = sender(email.from());
    var mime = EmailFormat.mime(from, email.to(), message);
    try {
      ses.sendEmail(b -> b.fromEmailAddress(from)
          .destination(d -> d.toAddresses(email.to()))
          .content(c -> c.raw(r -> r.data(SdkBytes.fromString(mime, StandardCharsets.UTF_8)))));
    } catch (SesV2Exception e) {
      int status = e.statusCode();
      var code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
      var detail = e.awsErrorDetails() == null ? e.getMessage()
          : e.awsErrorDetails().errorMessage();
      var reason = "SES SendEmail to " + target.id() + " failed: HTTP " + status + " " + code
          + ": " + detail;
      if (status == 429 || status >= 500 || "TooManyRequestsException".equals(code)) {
        throw DeliveryException.retryable(reason);
      }
      throw DeliveryException.permanent(reason);
    } catch (SdkException e) {
      throw DeliveryException.retryable("SES SendEmail to " + target.id() + " failed: "
          + Redaction.describe(e));
    }
  }

  private String sender(String configured) throws DeliveryException {
    if (!configured.startsWith(NotifyConfig.SECRET_PREFIX)) {
      return configured;
    }
    var name = configured.substring(NotifyConfig.SECRET_PREFIX.length());
    var value = secrets.value(name).trim();
    if (!ADDRESS.matcher(value).matches()) {
      throw DeliveryException.permanent("the value of secret " + name + " is not an e-mail"
          + " address (it must hold the verified SES sender)");
    }
    return value;
  }
}
