package io.vigil.domain.check;

import java.util.Objects;
import java.util.regex.Pattern;

/** One AWS account in one region: the unit evidence is collected for. */
public record ScanTarget(String accountId, String region, String partition) {

  private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");

  public ScanTarget {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(region, "region");
    if (!ACCOUNT.matcher(accountId).matches()) {
      throw new IllegalArgumentException("account id must be 12 digits, got '" + accountId + "'");
    }
    if (!REGION.matcher(region).matches()) {
      throw new IllegalArgumentException("'" + region + "' is not an AWS region name");
    }
    partition = partition == null || partition.isBlank() ? "aws" : partition;
  }

  public ScanTarget(String accountId, String region) {
    this(accountId, region, "aws");
  }

  /** The ARN that names a whole service scope, used for ERROR results with no single resource. */
  public String scopeArn(String service, boolean global) {
    return "arn:" + partition + ":" + service + ":" + (global ? "" : region) + ":" + accountId + ":*";
  }

  /** The ARN of the account itself (root user), as IAM writes it. */
  public String accountArn() {
    return "arn:" + partition + ":iam::" + accountId + ":root";
  }

  @Override
  public String toString() {
    return accountId + "/" + region;
  }
}
