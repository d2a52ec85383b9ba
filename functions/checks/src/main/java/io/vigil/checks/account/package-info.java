/**
 * AWS Account Management checks and the account-scoped
 * {@link io.vigil.checks.account.AccountSnapshotLoader}: the account's alternate security contact.
 *
 * <p>Service group: {@link io.vigil.checks.ServiceGroup#GOVERNANCE}; the package's beans load
 * only where that group's SDK and this service's client are on the class path.
 */
@Configuration
@ServiceGroup.Governance
@Requires(classes = AccountClient.class)
package io.vigil.checks.account;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
import io.vigil.checks.ServiceGroup;
import software.amazon.awssdk.services.account.AccountClient;
