/**
 * The Data Generator node: synthetic data of the source papers (Gaussian, two-class mixture,
 * teacher-student) as training and test tables. The law itself lives in
 * {@link org.rmtlab.core.data.DataGenerator}.
 */
package org.rmtlab.knime.generator;
