/**
 * The showcase behind {@code rmtlab demo}: every {@link org.rmtlab.core.demo.DemoCase} runs one setting from a
 * paper with theory beside a seeded simulation and returns a {@link org.rmtlab.core.demo.DemoResult};
 * {@link org.rmtlab.core.demo.DemoRunner} writes the figures, prints the summary table and turns the
 * {@link org.rmtlab.core.demo.Discrepancy} of each case (the largest |theory - simulation| in standard errors,
 * against a tolerance derived from the number of trials and scored points) into PASS or FAIL and an exit code.
 * The cases themselves live with the command line ({@code org.rmtlab.core.cli}), which owns the defaults they run
 * with.
 */
package org.rmtlab.core.demo;
