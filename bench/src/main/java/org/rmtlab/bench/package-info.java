/**
 * JMH benchmarks of the solver core's hot paths. Run with {@code java -jar bench/target/benchmarks.jar}
 * after the build; results go into the README as ratios measured in one run.
 */
package org.rmtlab.bench;
