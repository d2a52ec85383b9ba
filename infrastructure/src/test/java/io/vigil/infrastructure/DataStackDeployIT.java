package io.vigil.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.emulator.junit.AwsEmulator;
import io.vigil.emulator.junit.Canaries;
import io.vigil.emulator.junit.WithAwsEmulator;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.StackResourceSummary;
import software.amazon.awssdk.services.cloudformation.model.StackStatus;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Local deployment: the synthesized data stack (table, buckets, bus, queues) is created through the
 * emulator's CloudFormation ({@code CreateStack}), and the resources it reports are really there
 * and usable the way Vigil uses them. moto's CloudFormation creates the core types for real and
 * fakes some others (see the README, "Local deployment"); only the CDK bootstrap check is removed
 * from the template, as an emulator has no bootstrapped CDK environment.
 */
@WithAwsEmulator
class DataStackDeployIT {

  @Test
  @SuppressWarnings("unchecked")
  void dataStackDeploysToTheEmulatorsCloudFormationAndItsResourcesWork(AwsEmulator emulator)
      throws Exception {
    var suffix = UUID.randomUUID().toString().substring(0, 8);
    var vigil = TestApps.app(Map.of("stackPrefix", "VigilIt" + suffix,
        "eventBusName", "vigil-it-" + suffix));
    var started = System.nanoTime();
    var template = new LinkedHashMap<String, Object>(
        software.amazon.awscdk.assertions.Template.fromStack(vigil.data()).toJSON());
    ((Map<String, Object>) template.getOrDefault("Parameters", new HashMap<>()))
        .remove("BootstrapVersion");
    template.remove("Rules");
    if (((Map<?, ?>) template.getOrDefault("Parameters", Map.of())).isEmpty()) {
      template.remove("Parameters");
    }
    var body = new ObjectMapper().writeValueAsString(template);

    var endpoint = URI.create(emulator.endpoint());
    var region = Region.of(emulator.region());
    // session credentials made of the suite's canaries: the log scan proves none is printed
    var credentials = StaticCredentialsProvider.create(AwsSessionCredentials.create(
        emulator.accessKeyId(), emulator.secretAccessKey(), Canaries.AWS_SESSION_TOKEN));
    var http = UrlConnectionHttpClient.builder().build();
    try (var cfn = CloudFormationClient.builder().endpointOverride(endpoint).region(region)
            .credentialsProvider(credentials).httpClient(http).build();
        var ddb = DynamoDbClient.builder().endpointOverride(endpoint).region(region)
            .credentialsProvider(credentials).httpClient(http).build();
        var s3 = S3Client.builder().endpointOverride(endpoint).region(region)
            .forcePathStyle(true).credentialsProvider(credentials).httpClient(http).build();
        var sqs = SqsClient.builder().endpointOverride(endpoint).region(region)
            .credentialsProvider(credentials).httpClient(http).build();
        var events = EventBridgeClient.builder().endpointOverride(endpoint).region(region)
            .credentialsProvider(credentials).httpClient(http).build()) {

      var stackName = vigil.data().getStackName();
      cfn.createStack(r -> r.stackName(stackName).templateBody(body)
          .capabilities(Capability.CAPABILITY_IAM, Capability.CAPABILITY_NAMED_IAM));
      var deadline = Instant.now().plus(Duration.ofMinutes(2));
      StackStatus status;
      do {
        Thread.sleep(200);
        status = cfn.describeStacks(r -> r.stackName(stackName)).stacks().get(0).stackStatus();
      } while (status == StackStatus.CREATE_IN_PROGRESS && Instant.now().isBefore(deadline));
      assertEquals(StackStatus.CREATE_COMPLETE, status);
      System.out.printf("data stack deployed to the emulator in %d ms%n",
          (System.nanoTime() - started) / 1_000_000);

      var summaries = cfn.listStackResources(r -> r.stackName(stackName))
          .stackResourceSummaries();
      summaries.forEach(r -> System.out.printf("  %-45s %-28s %s%n", r.logicalResourceId(),
          r.resourceType(), r.physicalResourceId()));
      var physical = summaries.stream().collect(Collectors.toMap(
          StackResourceSummary::logicalResourceId,
          r -> String.valueOf(r.physicalResourceId()), (a, b) -> a));
      var outputs = cfn.describeStacks(r -> r.stackName(stackName)).stacks().get(0).outputs()
          .stream().collect(Collectors.toMap(o -> o.outputKey(), o -> String.valueOf(o.outputValue()),
              (a, b) -> a));
      System.out.println("  outputs: " + outputs);

      // the table, with its keys and the three indexes
      var tableName = outputs.get("TableName");
      assertEquals(physical.get(logicalId(template, "AWS::DynamoDB::Table", "Table")), tableName);
      var table = ddb.describeTable(r -> r.tableName(tableName)).table();
      assertEquals(List.of("PK", "SK"), table.keySchema().stream()
          .map(k -> k.attributeName()).toList());
      assertEquals(List.of("GSI1", "GSI2", "GSI3"), table.globalSecondaryIndexes().stream()
          .map(i -> i.indexName()).sorted().toList());
      ddb.putItem(r -> r.tableName(tableName).item(Map.of(
          "PK", AttributeValue.fromS("RUN#it"), "SK", AttributeValue.fromS("META"))));
      assertTrue(ddb.getItem(r -> r.tableName(tableName).key(Map.of(
          "PK", AttributeValue.fromS("RUN#it"), "SK", AttributeValue.fromS("META"))))
          .hasItem());

      // the evidence bucket exists and takes evidence the way the vault writes it: created once
      // (If-None-Match). Its protections (versioning, Object Lock, encryption, public access
      // block, logging) are asserted on the template (DataStackTest): moto's CloudFormation
      // creates the bucket but does not apply those properties; what it applied is printed.
      var bucket = outputs.get("EvidenceBucketName");
      s3.headBucket(r -> r.bucket(bucket));
      System.out.println("  emulator applied to the evidence bucket: versioning="
          + s3.getBucketVersioning(r -> r.bucket(bucket)).status()
          + ", object lock=" + applied(() -> s3.getObjectLockConfiguration(r -> r.bucket(bucket))
              .objectLockConfiguration())
          + ", encryption=" + applied(() -> s3.getBucketEncryption(r -> r.bucket(bucket))
              .serverSideEncryptionConfiguration())
          + ", public access block=" + applied(() -> s3.getPublicAccessBlock(r -> r.bucket(bucket))
              .publicAccessBlockConfiguration())
          + ", logging=" + applied(() -> s3.getBucketLogging(r -> r.bucket(bucket))
              .loggingEnabled()));
      var key = "evidence/sha256/ab/it.json";
      s3.putObject(r -> r.bucket(bucket).key(key).ifNoneMatch("*"),
          RequestBody.fromString("{}"));
      var again = assertThrows(S3Exception.class, () -> s3.putObject(
          r -> r.bucket(bucket).key(key).ifNoneMatch("*"), RequestBody.fromString("{}")));
      assertEquals(412, again.statusCode());

      // the fan-out queues, each with its dead-letter queue
      for (var group : List.of("Network", "Governance")) {
        var url = outputs.get("FanOut" + group + "QueueUrl");
        var attributes = sqs.getQueueAttributes(r -> r.queueUrl(url)
            .attributeNames(QueueAttributeName.ALL)).attributes();
        assertTrue(attributes.get(QueueAttributeName.REDRIVE_POLICY).contains("\"maxReceiveCount\":3")
            || attributes.get(QueueAttributeName.REDRIVE_POLICY).contains("\"maxReceiveCount\": 3"),
            attributes.toString());
        assertEquals("1800", attributes.get(QueueAttributeName.VISIBILITY_TIMEOUT));
      }

      // the demo runs against the deployed table and evidence bucket: it seeds its estate,
      // collects, records findings and evidence and verifies its ledger there
      var demo = runDemo(emulator, tableName, bucket);
      assertEquals(0, demo.exitCode(), demo.output());
      assertTrue(demo.output().contains("Seeded misconfigurations reported: 6 of 6"),
          demo.output());
      assertTrue(ddb.query(r -> r.tableName(tableName).indexName("GSI1")
          .keyConditionExpression("GSI1PK = :runs")
          .expressionAttributeValues(Map.of(":runs", AttributeValue.fromS("RUNS")))).count() > 0,
          "the demo's run is recorded in the deployed table");
      assertTrue(s3.listObjectsV2(r -> r.bucket(bucket).prefix("evidence/sha256/")).keyCount()
          > 1, "the demo's evidence is in the deployed bucket");

      // the Vigil bus (moto answers Ref of an event bus with an object's repr, so the bus is
      // found by its ARN export and its name)
      var busArn = outputs.entrySet().stream().filter(e -> e.getKey().contains("BusEA82B648Arn"))
          .map(Map.Entry::getValue).findFirst().orElseThrow();
      assertTrue(busArn.endsWith(":event-bus/vigil-it-" + suffix), busArn);
      assertEquals("vigil-it-" + suffix, events.describeEventBus(r -> r.name("vigil-it-" + suffix))
          .name());
    } finally {
      http.close();
    }
  }

  private static String applied(java.util.function.Supplier<Object> read) {
    try {
      return String.valueOf(read.get());
    } catch (RuntimeException e) {
      return "none (" + e.getClass().getSimpleName() + ")";
    }
  }

  @SuppressWarnings("unchecked")
  private static String logicalId(Map<String, Object> template, String type, String prefix) {
    var resources = (Map<String, Map<String, Object>>) template.get("Resources");
    return resources.entrySet().stream()
        .filter(e -> type.equals(e.getValue().get("Type")) && e.getKey().startsWith(prefix))
        .map(Map.Entry::getKey).findFirst().orElseThrow();
  }

  /** What the CLI printed and how it exited. */
  record Demo(int exitCode, String output) {}

  /**
   * Runs {@code vigil demo} from the CLI's runnable jar in a separate JVM (its classpath is not
   * mixed with CDK's) against the emulator, with the deployed table and bucket.
   */
  private static Demo runDemo(AwsEmulator emulator, String table, String bucket)
      throws Exception {
    var jar = java.nio.file.Path.of("..", "cli", "target", "vigil.jar");
    assertTrue(java.nio.file.Files.exists(jar), "build the CLI first: " + jar.toAbsolutePath());
    var javaBin = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java");
    var process = new ProcessBuilder(javaBin.toString(), "-jar", jar.toString(), "demo",
        "--endpoint-url", emulator.endpoint(), "--region", emulator.region(),
        "--table", table, "--bucket", bucket)
        .redirectErrorStream(true).start();
    var output = new String(process.getInputStream().readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
    if (!process.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("vigil demo did not finish in 5 minutes:\n" + output);
    }
    return new Demo(process.exitValue(), output);
  }
}
