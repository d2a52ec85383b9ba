/**
 * Helpers shared by the adapters of every service: {@link
 * io.vigil.adapters.internal.ConcurrentWrites}, which runs a call's independent writes a few at a
 * time. Not part of the adapters' API.
 */
package io.vigil.adapters.internal;
