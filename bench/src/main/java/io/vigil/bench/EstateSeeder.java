package io.vigil.bench;

import io.vigil.aws.AwsClientFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.VolumeType;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Creates a synthetic estate in the emulator: a fixed mix of resource kinds that the checks judge
 * one by one, every fifth resource of a kind misconfigured (so both PASS and FAIL paths, and the
 * finding lifecycle, are exercised). Regional resources alternate between the configured regions;
 * IAM users and S3 buckets are account-wide. Creation runs on a small thread pool.
 */
public final class EstateSeeder {

  /** Share of each kind in the estate; the shares add up to 1. */
  public enum Kind {
    SECURITY_GROUP(0.30),
    EBS_VOLUME(0.25),
    LOG_GROUP(0.20),
    IAM_USER(0.08),
    S3_BUCKET(0.08),
    KMS_KEY(0.04),
    DYNAMODB_TABLE(0.03),
    LAMBDA_FUNCTION(0.02);

    final double share;

    Kind(double share) {
      this.share = share;
    }
  }

  private final AwsClientFactory clients;
  private final List<String> regions;
  private final int threads;

  public EstateSeeder(AwsClientFactory clients, List<String> regions, int threads) {
    this.clients = clients;
    this.regions = List.copyOf(regions);
    this.threads = threads;
  }

  /** How many of each kind an estate of {@code total} resources has (the remainder to the first). */
  public static Map<Kind, Integer> mix(int total) {
    var out = new LinkedHashMap<Kind, Integer>();
    int assigned = 0;
    for (var k : Kind.values()) {
      int n = (int) Math.floor(total * k.share);
      out.put(k, n);
      assigned += n;
    }
    out.merge(Kind.SECURITY_GROUP, total - assigned, Integer::sum);
    return out;
  }

  /** Creates the estate; returns the count per kind. */
  public Map<Kind, Integer> seed(int total) {
    var mix = mix(total);
    var pool = Executors.newFixedThreadPool(threads);
    try {
      prepare();
      var futures = new ArrayList<Future<?>>();
      mix.forEach((kind, n) -> submit(pool, futures, n, creator(kind)));
      for (var f : futures) {
        f.get();
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("seeding failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while seeding", e);
    } finally {
      pool.shutdownNow();
    }
    return mix;
  }

  private static void submit(ExecutorService pool, List<Future<?>> futures, int n,
      IntConsumer create) {
    for (int i = 0; i < n; i++) {
      int index = i;
      futures.add(pool.submit(() -> create.accept(index)));
    }
  }

  private String regionOf(int i) {
    return regions.get(i % regions.size());
  }

  private static boolean misconfigured(int i) {
    return i % 5 == 0;
  }

  private static final String LAMBDA_ROLE = "bench-lambda-role";
  private volatile String lambdaRoleArn;
  private volatile byte[] lambdaZip;

  private void prepare() {
    var iam = iam();
    lambdaRoleArn = iam.createRole(r -> r.roleName(LAMBDA_ROLE).assumeRolePolicyDocument(
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
            + "{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"))
        .role().arn();
    lambdaZip = zip("index.py", "def handler(event, context):\n    return event\n");
  }

  private IntConsumer creator(Kind kind) {
    return switch (kind) {
      case SECURITY_GROUP -> this::securityGroup;
      case EBS_VOLUME -> this::volume;
      case LOG_GROUP -> this::logGroup;
      case IAM_USER -> this::iamUser;
      case S3_BUCKET -> this::bucket;
      case KMS_KEY -> this::kmsKey;
      case DYNAMODB_TABLE -> this::table;
      case LAMBDA_FUNCTION -> this::function;
    };
  }

  private void securityGroup(int i) {
    var ec2 = clients.client(Ec2Client.class, Ec2Client::builder, Region.of(regionOf(i)));
    var id = ec2.createSecurityGroup(r -> r.groupName("bench-sg-" + i)
        .description("bench security group " + i)).groupId();
    if (misconfigured(i)) {
      ec2.authorizeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(p -> p.ipProtocol("tcp")
          .fromPort(22).toPort(22).ipRanges(x -> x.cidrIp("0.0.0.0/0"))));
    }
  }

  private void volume(int i) {
    var region = regionOf(i);
    var ec2 = clients.client(Ec2Client.class, Ec2Client::builder, Region.of(region));
    ec2.createVolume(r -> r.availabilityZone(region + "a").size(8).volumeType(VolumeType.GP3)
        .encrypted(!misconfigured(i)));
  }

  private void logGroup(int i) {
    var logs = clients.client(CloudWatchLogsClient.class, CloudWatchLogsClient::builder,
        Region.of(regionOf(i)));
    var name = "/bench/app-" + i;
    logs.createLogGroup(r -> r.logGroupName(name));
    if (misconfigured(i)) {
      logs.putRetentionPolicy(r -> r.logGroupName(name).retentionInDays(30));
    }
  }

  private void iamUser(int i) {
    var name = "bench-user-" + i;
    iam().createUser(r -> r.userName(name));
    if (misconfigured(i)) {
      iam().putUserPolicy(r -> r.userName(name).policyName("inline").policyDocument(
          "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
              + "\"s3:GetObject\",\"Resource\":\"*\"}]}"));
    }
  }

  private void bucket(int i) {
    var region = regions.get(0);
    var s3 = clients.client(S3Client.class, () -> S3Client.builder().forcePathStyle(true),
        Region.of(region));
    var name = "bench-bucket-" + i;
    s3.createBucket(r -> {
      r.bucket(name);
      if (!region.equals("us-east-1")) {
        r.createBucketConfiguration(c -> c.locationConstraint(region));
      }
    });
    if (!misconfigured(i)) {
      s3.putPublicAccessBlock(r -> r.bucket(name).publicAccessBlockConfiguration(c -> c
          .blockPublicAcls(true).ignorePublicAcls(true).blockPublicPolicy(true)
          .restrictPublicBuckets(true)));
      s3.putBucketVersioning(r -> r.bucket(name).versioningConfiguration(v -> v.status("Enabled")));
    }
  }

  private void kmsKey(int i) {
    var kms = clients.client(KmsClient.class, KmsClient::builder, Region.of(regionOf(i)));
    var id = kms.createKey(r -> r.description("bench key " + i)).keyMetadata().keyId();
    if (!misconfigured(i)) {
      kms.enableKeyRotation(r -> r.keyId(id));
    }
  }

  private void table(int i) {
    var dynamo = clients.client(DynamoDbClient.class, DynamoDbClient::builder,
        Region.of(regionOf(i)));
    dynamo.createTable(r -> r.tableName("bench-table-" + i)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(AttributeDefinition.builder().attributeName("pk")
            .attributeType(ScalarAttributeType.S).build())
        .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
        .deletionProtectionEnabled(!misconfigured(i)));
  }

  private void function(int i) {
    var lambda = clients.client(LambdaClient.class, LambdaClient::builder, Region.of(regionOf(i)));
    lambda.createFunction(r -> r.functionName("bench-fn-" + i)
        .runtime(misconfigured(i) ? Runtime.PYTHON3_8 : Runtime.PYTHON3_12)
        .role(lambdaRoleArn)
        .handler("index.handler")
        .code(c -> c.zipFile(SdkBytes.fromByteArray(lambdaZip))));
  }

  private IamClient iam() {
    return clients.client(IamClient.class, IamClient::builder, Region.AWS_GLOBAL);
  }

  private static byte[] zip(String name, String content) {
    var bytes = new ByteArrayOutputStream();
    try (var zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry(name));
      zip.write(content.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
