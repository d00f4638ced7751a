/**
 * Learning dynamics, theory beside simulation: gradient flow and gradient descent for the
 * Gaussian-mixture classifier (Liao and Couillet 2018), ridge regression over time, the DMFT of
 * random-feature gradient flow, deep linear networks and one-step feature learning.
 */
package org.rmtlab.core.dynamics;
