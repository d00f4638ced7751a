/**
 * Synthetic data sets of the source papers: Gaussian data, the Gaussian mixture of Louart–Liao–Couillet
 * (2018) and Liao–Couillet (2018) with two or K classes, and the linear or single-index teacher–student
 * task; the noise may be white or have a power-law or spiked population covariance. Samples are the
 * columns of a p x n matrix X; train and test sets come from one seed, and the law's hidden parameters
 * (class means, teacher vector, population covariance) come with them.
 */
package org.rmtlab.core.data;
