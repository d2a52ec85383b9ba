package io.vigil.emulator.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against an AWS emulator: {@code moto_server} started on a free loopback port
 * once per test JVM (and stopped when the JVM's tests end), or the endpoint in
 * {@code VIGIL_TEST_ENDPOINT}. Inject {@link AwsEmulator} as a test or lifecycle method parameter.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(AwsEmulatorExtension.class)
public @interface WithAwsEmulator {}
