/** placeholder */
package io.vigil.checks;
