package io.vigil.emulator.junit;

import java.util.Set;
import java.util.concurrent.Semaphore;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Test-scope SDK interceptor that gives moto's DynamoDB the atomicity and isolation DynamoDB has,
 * so that concurrency tests fail only for the product's faults. moto 5.2.1 checks a write's
 * condition and then applies it without a lock, so two concurrent conditional {@code PutItem}s of
 * one item can both succeed (measured: notify's delivery log, 3 of 1,000 pairs of concurrent
 * claims both won; findings-api's idempotency keys, in 8 of 300 rounds of 8 concurrent claims of
 * one key two won). And a cancelled {@code TransactWriteItems} restores a copy of the table taken
 * when it started ({@code moto/dynamodb/models/__init__.py}, {@code transact_write_items}),
 * undoing whatever other requests wrote meanwhile, unconditional writes included (measured: with
 * transactions being cancelled in a loop, 290 of them, 62 of 400 acknowledged {@code UpdateItem}
 * increments of one item were lost; in collect-evidence this let the copy that lost the race for a
 * finding undo the winner's, open it again and announce it a second time). Real DynamoDB does
 * neither.
 *
 * <p>So every DynamoDB item write ({@code PutItem}, {@code UpdateItem}, {@code DeleteItem},
 * {@code BatchWriteItem}) and every {@code TransactWriteItems} of the test JVM runs under one
 * JVM-wide permit, from its first HTTP attempt to its end (retries included); reads are not
 * serialised. Requests are recognised by service and operation name, so this class needs no
 * DynamoDB model on the class path.
 *
 * <p>Register it for every SDK client of a module's test JVM by naming it
 * ({@code io.vigil.emulator.junit.MotoAtomicWrites}) on a line of
 * {@code src/test/resources/software/amazon/awssdk/global/handlers/execution.interceptors}; the
 * function's code is untouched. This jar does not register it itself, so that only the modules
 * that want it get it.
 */
public final class MotoAtomicWrites implements ExecutionInterceptor {

  /** The SDK's service name of DynamoDB ({@link SdkExecutionAttribute#SERVICE_NAME}). */
  private static final String DYNAMODB = "DynamoDb";

  /** The DynamoDB operations that write items. */
  private static final Set<String> WRITES = Set.of("PutItem", "UpdateItem", "DeleteItem",
      "BatchWriteItem", "TransactWriteItems");

  private static final Semaphore PERMIT = new Semaphore(1, true);
  private static final ExecutionAttribute<Boolean> HELD =
      new ExecutionAttribute<>("vigil.test.motoAtomicWrite");

  @Override
  public void beforeTransmission(Context.BeforeTransmission context,
      ExecutionAttributes attributes) {
    if (write(attributes) && !Boolean.TRUE.equals(attributes.getAttribute(HELD))) {
      PERMIT.acquireUninterruptibly();
      attributes.putAttribute(HELD, true);
    }
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    release(attributes);
  }

  @Override
  public void onExecutionFailure(Context.FailedExecution context,
      ExecutionAttributes attributes) {
    release(attributes);
  }

  private static void release(ExecutionAttributes attributes) {
    if (Boolean.TRUE.equals(attributes.getAttribute(HELD))) {
      attributes.putAttribute(HELD, false);
      PERMIT.release();
    }
  }

  private static boolean write(ExecutionAttributes attributes) {
    return DYNAMODB.equals(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME))
        && WRITES.contains(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
  }
}
