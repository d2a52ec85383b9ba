/** Lambda function collect-evidence. */
package io.vigil.functions.collectevidence;
