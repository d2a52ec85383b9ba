/** Helpers shared by the snapshot loaders; not part of the catalogue's API. */
package io.vigil.checks.internal;
