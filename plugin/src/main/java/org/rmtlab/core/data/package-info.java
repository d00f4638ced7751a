/**
 * Synthetic data sets of the source papers: isotropic Gaussian data, the two-class Gaussian
 * mixture of Louart–Liao–Couillet (2018) and Liao–Couillet (2018), and the linear teacher–student
 * task. Samples are the columns of a p x n matrix X; train and test sets come from one seed.
 */
package org.rmtlab.core.data;
