/**
 * The findings-api function, Vigil's records API: findings and corrective actions (clause 10.2),
 * internal audit records (clause 9.2.2), the ISMS registers (clauses 4–7) and the Statement of
 * Applicability behind API Gateway HTTP API with a JWT authorizer, and the daily sweep (overdue
 * actions, policy reviews and evidence tasks coming due). {@link
 * io.vigil.functions.findingsapi.FindingsApi} routes and validates ({@link
 * io.vigil.functions.findingsapi.AuditsApi} the {@code /audits} routes, {@link
 * io.vigil.functions.findingsapi.RegistersApi} {@code /registers}, {@link
 * io.vigil.functions.findingsapi.SoaApi} {@code /soa}); {@link
 * io.vigil.functions.findingsapi.FindingsApiHandler} is the Lambda entry point; {@link
 * io.vigil.functions.findingsapi.FindingsApiFactory} wires the adapters.
 */
package io.vigil.functions.findingsapi;
