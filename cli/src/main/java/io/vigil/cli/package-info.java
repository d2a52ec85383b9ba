/** The vigil command line. */
package io.vigil.cli;
