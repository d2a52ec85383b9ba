/** EventBridge Scheduler adapters: the one-time reminders of the internal audit programme. */
package io.vigil.adapters.scheduler;
