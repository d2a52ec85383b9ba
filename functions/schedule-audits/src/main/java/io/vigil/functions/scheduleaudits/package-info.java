/**
 * The schedule-audits function: plans the internal audit programme daily (clause 9.2), keeps the
 * plan in DynamoDB and the audit reminders in EventBridge Scheduler. {@link
 * io.vigil.functions.scheduleaudits.ScheduleAuditsHandler} is the Lambda entry point; {@link
 * io.vigil.functions.scheduleaudits.ScheduleAuditsFactory} wires the adapters; {@link
 * io.vigil.functions.scheduleaudits.ProgrammeConfigJson} reads the configuration contract.
 */
package io.vigil.functions.scheduleaudits;
