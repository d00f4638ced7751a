/**
 * The {@code rmtlab} command line: thin commands over the solver core that write CSV (and PNG).
 */
package org.rmtlab.core.cli;
