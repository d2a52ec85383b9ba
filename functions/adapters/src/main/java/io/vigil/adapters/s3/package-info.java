/**
 * S3 adapters: {@link io.vigil.adapters.s3.S3EvidenceVault}, the content-addressed, write-once
 * evidence store, and {@link io.vigil.adapters.s3.EvidenceBucket}, which creates its bucket.
 */
package io.vigil.adapters.s3;
