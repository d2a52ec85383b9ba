/**
 * IAM checks and the account-scoped {@link io.vigil.checks.iam.IamSnapshotLoader}: account summary,
 * password policy, holders of AWSSupportAccess, attached customer managed policies with their
 * documents, and every user with console access, last use, MFA devices, access keys and own
 * policies.
 *
 * <p>Service group: {@link io.vigil.checks.ServiceGroup#GOVERNANCE}; the package's beans load
 * only where that group's SDK and this service's client are on the class path.
 */
@Configuration
@ServiceGroup.Governance
@Requires(classes = IamClient.class)
package io.vigil.checks.iam;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
import io.vigil.checks.ServiceGroup;
import software.amazon.awssdk.services.iam.IamClient;
