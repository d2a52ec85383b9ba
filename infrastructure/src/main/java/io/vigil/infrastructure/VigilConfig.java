package io.vigil.infrastructure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The deployment's configuration, read from CDK context ({@code -c key=value}, {@code cdk.json},
 * {@code CDK_CONTEXT_JSON}) and validated once, before any construct is created. Every error names
 * the key ({@link InvalidContextException}). {@link #KEYS} lists every key with its default; the
 * README's "Deploy" section shows the same table.
 */
public final class VigilConfig {

  /** Deployment stage: decides the Object Lock mode and retention defaults. */
  public enum Stage {
    TEST,
    PROD
  }

  /** S3 Object Lock default retention mode of the evidence bucket. */
  public enum ObjectLockMode {
    GOVERNANCE,
    COMPLIANCE
  }

  /** Every context key Vigil reads, with its default (as documented) and meaning. */
  public static final Map<String, String[]> KEYS = keys();

  private static Map<String, String[]> keys() {
    var k = new LinkedHashMap<String, String[]>();
    k.put("stage", new String[] {"test", "test or prod: prod means COMPLIANCE Object Lock and"
        + " longer retention"});
    k.put("account", new String[] {"$CDK_DEFAULT_ACCOUNT", "AWS account to deploy Vigil to"});
    k.put("region", new String[] {"$CDK_DEFAULT_REGION", "AWS region to deploy Vigil to"});
    k.put("stackPrefix", new String[] {"Vigil", "prefix of the stack names (Vigil-Data, ...)"});
    k.put("accounts", new String[] {"(none)", "member accounts to collect besides Vigil's own:"
        + " comma-separated 12-digit ids, or organization"});
    k.put("organizationId", new String[] {"(none)", "with accounts=organization: o-... limits"
        + " sts:AssumeRole to roles of that organization"});
    k.put("regions", new String[] {"(deployment region)", "regions to collect: comma-separated,"
        + " or all"});
    k.put("memberRoleName", new String[] {"vigil-member-audit", "role assumed in member"
        + " accounts (the member-account template creates it)"});
    k.put("memberExternalId", new String[] {"(none; required with accounts)", "ExternalId the"
        + " member role's trust policy requires"});
    k.put("collectorRoleName", new String[] {"vigil-collector", "name of the collector's role"
        + " (member roles trust it)"});
    k.put("eventBusName", new String[] {"vigil", "name of the Vigil event bus"});
    k.put("collectionSchedule", new String[] {"cron(0 6 * * ? *)", "full evidence collection"});
    k.put("auditPlanningSchedule", new String[] {"cron(30 5 * * ? *)", "audit programme planning"
        + " (schedule-audits)"});
    k.put("overdueSweepSchedule", new String[] {"cron(0 7 * * ? *)", "corrective-action overdue"
        + " sweep (findings-api)"});
    k.put("summarySchedule", new String[] {"cron(0 6 ? * MON *)", "weekly performance summary"
        + " of the previous ISO week (summarize-performance)"});
    k.put("reviewPeriod", new String[] {"quarter", "quarter or month: the period of the"
        + " management review pack"});
    k.put("managementReviewSchedule", new String[] {"cron(0 6 1 1,4,7,10 ? *) (monthly: cron(0"
        + " 6 1 * ? *))", "management review pack of the period that just ended"});
    k.put("reportLinkDays", new String[] {"7", "validity of the reports' presigned links, 1 to"
        + " 7 days"});
    k.put("scheduleTimezone", new String[] {"UTC", "IANA time zone of the schedules and audit"
        + " reminders"});
    k.put("changeEvents", new String[] {"true", "re-evaluate on AWS Config and CloudTrail change"
        + " events"});
    k.put("logRetentionDays", new String[] {"365", "retention of the functions' and API's log"
        + " groups (a CloudWatch Logs value: 1, 3, 5, 7, 14, 30, 60, 90, ... 3653)"});
    k.put("objectLockMode", new String[] {"COMPLIANCE if stage=prod, else GOVERNANCE",
        "default Object Lock retention mode of the evidence bucket"});
    k.put("evidenceRetentionDays", new String[] {"1095 if stage=prod, else 30", "default Object"
        + " Lock retention of evidence objects, in days"});
    k.put("lambdaRuntime", new String[] {"java25", "java25 or java21 (managed runtimes with"
        + " SnapStart)"});
    k.put("alarmEmail", new String[] {"(none)", "e-mail address subscribed to the alarm topic"});
    k.put("slackEnabled", new String[] {"false", "true: notify posts every event to the Slack"
        + " webhook stored in the vigil/slack secret"});
    k.put("notifyRoutes", new String[] {"(none)", "notify routing rules (JSON array, see"
        + " Notifications)"});
    k.put("notifyEmailFrom", new String[] {"(none)", "SES-verified sender of e-mail routes;"
        + " notify may send as this identity (or its domain) only"});
    k.put("notifySecrets", new String[] {"(none)", "further Secrets Manager secret names that"
        + " routes name (read access is granted to exactly these)"});
    k.put("auditProgrammeFile", new String[] {"(none)", "audit programme JSON; schedule-audits"
        + " is deployed only when this (or auditProgramme) is set"});
    k.put("auditProgramme", new String[] {"(none)", "the audit programme as inline JSON"});
    k.put("jwtIssuer", new String[] {"(none: a Cognito user pool is created)", "issuer URL of"
        + " the JWTs the findings API accepts"});
    k.put("jwtAudience", new String[] {"(the user pool client)", "accepted audiences,"
        + " comma-separated (required with jwtIssuer)"});
    k.put("apiThrottleRate", new String[] {"50", "HTTP API steady-state requests per second"});
    k.put("apiThrottleBurst", new String[] {"100", "HTTP API burst"});
    return java.util.Collections.unmodifiableMap(k);
  }

  static final Set<Integer> LOG_RETENTION_DAYS = Set.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150,
      180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);
  private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
  private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
  private static final Pattern ORG_ID = Pattern.compile("o-[a-z0-9]{10,32}");
  private static final Pattern BUS_NAME = Pattern.compile("[\\w.\\-]{1,256}");
  private static final Pattern SCHEDULE = Pattern.compile("(rate|cron)\\(.+\\)");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern STACK_PREFIX = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,40}");
  /** Lambda's limit on the total size of a function's environment variables. */
  static final int LAMBDA_ENV_LIMIT = 4096;

  public final Stage stage;
  public final Optional<String> account;
  public final Optional<String> region;
  public final String stackPrefix;
  public final List<String> memberAccounts;
  public final boolean organization;
  public final Optional<String> organizationId;
  public final List<String> regions;
  public final String memberRoleName;
  public final Optional<String> memberExternalId;
  public final String collectorRoleName;
  public final String eventBusName;
  public final String collectionSchedule;
  public final String auditPlanningSchedule;
  public final String overdueSweepSchedule;
  public final String scheduleTimezone;
  public final String summarySchedule;
  /** {@code quarter} or {@code month}. */
  public final String reviewPeriod;
  public final String managementReviewSchedule;
  public final int reportLinkDays;
  public final boolean changeEvents;
  public final int logRetentionDays;
  public final ObjectLockMode objectLockMode;
  public final int evidenceRetentionDays;
  public final String lambdaRuntime;
  public final Optional<String> alarmEmail;
  public final boolean slackEnabled;
  public final Optional<String> notifyRoutes;
  public final Optional<String> notifyEmailFrom;
  public final List<String> notifySecrets;
  public final Optional<String> auditProgramme;
  public final Optional<String> jwtIssuer;
  public final List<String> jwtAudience;
  public final int apiThrottleRate;
  public final int apiThrottleBurst;

  /**
   * @param context the CDK context lookup ({@code node.tryGetContext})
   * @param env environment variables (for CDK_DEFAULT_ACCOUNT / CDK_DEFAULT_REGION)
   */
  public VigilConfig(Function<String, Object> context, Map<String, String> env) {
    Function<String, Optional<String>> get = key -> Optional.ofNullable(context.apply(key))
        .map(Object::toString).map(String::trim).filter(s -> !s.isEmpty());

    this.stage = get.apply("stage").map(s -> switch (s.toLowerCase()) {
      case "test" -> Stage.TEST;
      case "prod" -> Stage.PROD;
      default -> throw new InvalidContextException("stage", "expected test or prod, got '" + s
          + "'");
    }).orElse(Stage.TEST);
    this.account = get.apply("account").or(() -> Optional.ofNullable(env.get("CDK_DEFAULT_ACCOUNT"))
        .filter(s -> !s.isBlank()));
    account.ifPresent(a -> require("account", ACCOUNT_ID, a, "a 12-digit AWS account id"));
    this.region = get.apply("region").or(() -> Optional.ofNullable(env.get("CDK_DEFAULT_REGION"))
        .filter(s -> !s.isBlank()));
    region.ifPresent(r -> require("region", REGION, r, "an AWS region such as eu-west-1"));
    this.stackPrefix = get.apply("stackPrefix").orElse("Vigil");
    require("stackPrefix", STACK_PREFIX, stackPrefix,
        "a letter followed by up to 40 letters, digits or hyphens");

    var accounts = get.apply("accounts").map(VigilConfig::csv).orElse(List.of());
    this.organization = accounts.size() == 1 && accounts.get(0).equals("organization");
    if (organization) {
      this.memberAccounts = List.of();
    } else {
      for (var a : accounts) {
        require("accounts", ACCOUNT_ID, a, "comma-separated 12-digit account ids, or"
            + " 'organization'");
      }
      this.memberAccounts = List.copyOf(accounts);
    }
    this.organizationId = get.apply("organizationId");
    organizationId.ifPresent(o -> require("organizationId", ORG_ID, o,
        "an AWS Organizations id such as o-a1b2c3d4e5"));
    if (organizationId.isPresent() && !organization) {
      throw new InvalidContextException("organizationId", "only applies with accounts="
          + "organization");
    }

    this.regions = get.apply("regions").map(VigilConfig::csv).orElse(List.of());
    if (!(regions.size() == 1 && regions.get(0).equals("all"))) {
      for (var r : regions) {
        require("regions", REGION, r, "comma-separated AWS regions, or 'all'");
      }
    }
    this.memberRoleName = get.apply("memberRoleName").orElse("vigil-member-audit");
    require("memberRoleName", ROLE_NAME, memberRoleName, "an IAM role name");
    this.memberExternalId = get.apply("memberExternalId");
    memberExternalId.ifPresent(x -> require("memberExternalId",
        Pattern.compile("[\\w+=,.@:/-]{2,1224}"), x, "2 to 1224 characters of [A-Za-z0-9+=,.@:/_-]"));
    if ((organization || !memberAccounts.isEmpty()) && memberExternalId.isEmpty()) {
      throw new InvalidContextException("memberExternalId", "is required when 'accounts' names"
          + " member accounts (their roles trust the collector only with this ExternalId)");
    }
    this.collectorRoleName = get.apply("collectorRoleName").orElse("vigil-collector");
    require("collectorRoleName", ROLE_NAME, collectorRoleName, "an IAM role name");
    this.eventBusName = get.apply("eventBusName").orElse("vigil");
    require("eventBusName", BUS_NAME, eventBusName, "an event bus name ([A-Za-z0-9._-])");
    if (eventBusName.equals("default")) {
      throw new InvalidContextException("eventBusName", "must not be 'default': Vigil keeps its"
          + " domain events on a bus of its own");
    }

    this.collectionSchedule = schedule(get, "collectionSchedule", "cron(0 6 * * ? *)");
    this.auditPlanningSchedule = schedule(get, "auditPlanningSchedule", "cron(30 5 * * ? *)");
    this.overdueSweepSchedule = schedule(get, "overdueSweepSchedule", "cron(0 7 * * ? *)");
    this.scheduleTimezone = get.apply("scheduleTimezone").orElse("UTC");
    try {
      ZoneId.of(scheduleTimezone);
    } catch (java.time.DateTimeException e) {
      throw new InvalidContextException("scheduleTimezone", "not an IANA time zone: '"
          + scheduleTimezone + "'");
    }
    this.summarySchedule = schedule(get, "summarySchedule", "cron(0 6 ? * MON *)");
    this.reviewPeriod = get.apply("reviewPeriod").map(String::toLowerCase).orElse("quarter");
    if (!Set.of("quarter", "month").contains(reviewPeriod)) {
      throw new InvalidContextException("reviewPeriod", "expected quarter or month, got '"
          + reviewPeriod + "'");
    }
    this.managementReviewSchedule = schedule(get, "managementReviewSchedule",
        reviewPeriod.equals("month") ? "cron(0 6 1 * ? *)" : "cron(0 6 1 1,4,7,10 ? *)");
    this.reportLinkDays = integer(get, "reportLinkDays", 7);
    if (reportLinkDays < 1 || reportLinkDays > 7) {
      throw new InvalidContextException("reportLinkDays", "a presigned URL is valid for 1 to 7"
          + " days, got " + reportLinkDays);
    }
    this.changeEvents = bool(get, "changeEvents", true);
    this.logRetentionDays = integer(get, "logRetentionDays", 365);
    if (!LOG_RETENTION_DAYS.contains(logRetentionDays)) {
      throw new InvalidContextException("logRetentionDays", "CloudWatch Logs accepts only "
          + LOG_RETENTION_DAYS.stream().sorted().toList() + ", got " + logRetentionDays);
    }
    this.objectLockMode = get.apply("objectLockMode").map(s -> {
      try {
        return ObjectLockMode.valueOf(s.toUpperCase());
      } catch (IllegalArgumentException e) {
        throw new InvalidContextException("objectLockMode", "expected COMPLIANCE or GOVERNANCE,"
            + " got '" + s + "'");
      }
    }).orElse(stage == Stage.PROD ? ObjectLockMode.COMPLIANCE : ObjectLockMode.GOVERNANCE);
    this.evidenceRetentionDays = integer(get, "evidenceRetentionDays",
        stage == Stage.PROD ? 1095 : 30);
    if (evidenceRetentionDays < 1 || evidenceRetentionDays > 36500) {
      throw new InvalidContextException("evidenceRetentionDays", "expected 1..36500 days, got "
          + evidenceRetentionDays);
    }
    this.lambdaRuntime = get.apply("lambdaRuntime").orElse("java25");
    if (!Set.of("java21", "java25").contains(lambdaRuntime)) {
      throw new InvalidContextException("lambdaRuntime", "expected java25 or java21 (java17"
          + " can no longer be created), got '" + lambdaRuntime + "'");
    }
    this.alarmEmail = get.apply("alarmEmail");
    alarmEmail.ifPresent(e -> require("alarmEmail", EMAIL, e, "an e-mail address"));
    this.slackEnabled = bool(get, "slackEnabled", false);
    this.notifyRoutes = get.apply("notifyRoutes");
    notifyRoutes.ifPresent(r -> {
      if (!(r.startsWith("[") && r.endsWith("]"))) {
        throw new InvalidContextException("notifyRoutes", "expected a JSON array of routes");
      }
    });
    this.notifyEmailFrom = get.apply("notifyEmailFrom");
    notifyEmailFrom.ifPresent(e -> require("notifyEmailFrom", EMAIL, e, "an e-mail address"));
    this.notifySecrets = get.apply("notifySecrets").map(VigilConfig::csv).orElse(List.of());
    for (var s : notifySecrets) {
      require("notifySecrets", Pattern.compile("[\\w/+=.@-]{1,512}"), s,
          "comma-separated secret names");
    }

    Optional<String> auditProgramme;
    var file = get.apply("auditProgrammeFile");
    var inline = get.apply("auditProgramme");
    if (file.isPresent() && inline.isPresent()) {
      throw new InvalidContextException("auditProgrammeFile", "set auditProgrammeFile or"
          + " auditProgramme, not both");
    }
    if (file.isPresent()) {
      try {
        auditProgramme = Optional.of(Files.readString(Path.of(file.get()),
            StandardCharsets.UTF_8).strip());
      } catch (IOException e) {
        throw new InvalidContextException("auditProgrammeFile", "cannot read '" + file.get()
            + "': " + e.getMessage());
      }
    } else {
      auditProgramme = inline;
    }
    this.auditProgramme = auditProgramme.map(VigilConfig::compactJson);
    this.auditProgramme.ifPresent(p -> {
      var key = file.isPresent() ? "auditProgrammeFile" : "auditProgramme";
      if (!p.startsWith("{")) {
        throw new InvalidContextException(key, "expected a JSON object (the audit programme"
            + " configuration)");
      }
      int bytes = p.getBytes(StandardCharsets.UTF_8).length;
      if (bytes > LAMBDA_ENV_LIMIT - 1024) {
        throw new InvalidContextException(key, "the programme is " + bytes + " bytes; it is"
            + " passed in a Lambda environment variable and all of them together are limited"
            + " to 4 KB");
      }
    });

    this.jwtIssuer = get.apply("jwtIssuer");
    jwtIssuer.ifPresent(i -> {
      if (!i.startsWith("https://")) {
        throw new InvalidContextException("jwtIssuer", "expected an https:// issuer URL, got '"
            + i + "'");
      }
    });
    this.jwtAudience = get.apply("jwtAudience").map(VigilConfig::csv).orElse(List.of());
    if (jwtIssuer.isPresent() && jwtAudience.isEmpty()) {
      throw new InvalidContextException("jwtAudience", "is required with jwtIssuer (the"
          + " client ids or audiences the API accepts)");
    }
    if (jwtIssuer.isEmpty() && !jwtAudience.isEmpty()) {
      throw new InvalidContextException("jwtIssuer", "is required with jwtAudience");
    }
    this.apiThrottleRate = integer(get, "apiThrottleRate", 50);
    this.apiThrottleBurst = integer(get, "apiThrottleBurst", 100);
    if (apiThrottleRate < 1 || apiThrottleBurst < 1) {
      throw new InvalidContextException(apiThrottleRate < 1 ? "apiThrottleRate"
          : "apiThrottleBurst", "must be a positive whole number");
    }
  }

  /** True when the collector reads member accounts (and so may assume their role). */
  public boolean hasMembers() {
    return organization || !memberAccounts.isEmpty();
  }

  /** The {@code vigil.accounts} setting of the collector, empty for none. */
  public String accountsSetting() {
    return organization ? "organization" : String.join(",", memberAccounts);
  }

  /**
   * JSON without the white space between tokens (the programme travels in a Lambda environment
   * variable, and all of them share 4 KB); text inside strings is kept as it is.
   */
  static String compactJson(String json) {
    var out = new StringBuilder(json.length());
    boolean inString = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        out.append(c);
        if (c == '\\' && i + 1 < json.length()) {
          out.append(json.charAt(++i));
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
        out.append(c);
      } else if (!Character.isWhitespace(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static void require(String key, Pattern pattern, String value, String expected) {
    if (!pattern.matcher(value).matches()) {
      throw new InvalidContextException(key, "expected " + expected + ", got '" + value + "'");
    }
  }

  private static List<String> csv(String value) {
    var out = new ArrayList<String>();
    Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(out::add);
    return out;
  }

  private static String schedule(Function<String, Optional<String>> get, String key,
      String fallback) {
    var value = get.apply(key).orElse(fallback);
    if (!SCHEDULE.matcher(value).matches()) {
      throw new InvalidContextException(key, "expected an EventBridge Scheduler expression"
          + " such as cron(0 6 * * ? *) or rate(12 hours), got '" + value + "'");
    }
    return value;
  }

  private static boolean bool(Function<String, Optional<String>> get, String key,
      boolean fallback) {
    return get.apply(key).map(s -> switch (s.toLowerCase()) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new InvalidContextException(key, "expected true or false, got '" + s
          + "'");
    }).orElse(fallback);
  }

  private static int integer(Function<String, Optional<String>> get, String key, int fallback) {
    return get.apply(key).map(s -> {
      try {
        return Integer.parseInt(s);
      } catch (NumberFormatException e) {
        throw new InvalidContextException(key, "expected a whole number, got '" + s + "'");
      }
    }).orElse(fallback);
  }
}
