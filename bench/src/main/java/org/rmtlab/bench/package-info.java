/**
 * JMH benchmarks of the solver core's hot paths. Run them all in one JMH run with
 * {@code java -cp bench/target/benchmarks.jar org.rmtlab.bench.Report} after the build; it prints the tables
 * of {@code bench/README.md}, ratios included, with wall and CPU time ({@link org.rmtlab.bench.CpuTimeProfiler}).
 */
package org.rmtlab.bench;
