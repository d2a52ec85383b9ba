package io.vigil.emulator.junit;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A DynamoDB client whose HTTP client answers every request with an empty success ({@code {}})
 * after handing the operation name ({@code PutItem}, ...) to a hook, on the calling thread: no
 * network, no emulator.
 */
final class StubDynamoDb {

  private StubDynamoDb() {}

  /** A client with {@code interceptor} whose requests go to {@code onSend} before answering. */
  static DynamoDbClient client(ExecutionInterceptor interceptor, Consumer<String> onSend) {
    return DynamoDbClient.builder()
        .region(Region.EU_WEST_1)
        .endpointOverride(URI.create("http://127.0.0.1:1"))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
            Canaries.AWS_ACCESS_KEY_ID, Canaries.AWS_SECRET_ACCESS_KEY)))
        .httpClient(new StubHttpClient(onSend))
        .overrideConfiguration(c -> c.addExecutionInterceptor(interceptor))
        .build();
  }

  private record StubHttpClient(Consumer<String> onSend) implements SdkHttpClient {

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
      return new ExecutableHttpRequest() {
        @Override
        public HttpExecuteResponse call() {
          // X-Amz-Target: DynamoDB_20120810.PutItem
          var target = request.httpRequest().firstMatchingHeader("X-Amz-Target").orElseThrow();
          onSend.accept(target.substring(target.indexOf('.') + 1));
          return HttpExecuteResponse.builder()
              .response(SdkHttpResponse.builder().statusCode(200)
                  .putHeader("Content-Type", "application/x-amz-json-1.0").build())
              .responseBody(AbortableInputStream.create(
                  new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8))))
              .build();
        }

        @Override
        public void abort() {}
      };
    }

    @Override
    public void close() {}
  }
}
