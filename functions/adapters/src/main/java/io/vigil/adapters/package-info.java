/** placeholder */
package io.vigil.adapters;
