package org.rmtlab.core.kernel;

/**
 * What a user interface shows about an activation (node descriptions, dialog lists, CLI help).
 *
 * @param id the stable id, for a family its default (or example) id, for example {@code leaky-relu}
 * @param name display name, for example {@code Leaky ReLU}
 * @param formula sigma(t) in plain text, for example {@code max(t, 0)}
 * @param kernel how the expected kernel is evaluated
 * @param kernelFormula the expected kernel in plain text with aa = ||x||^2, bb = ||y||^2, ab = x.y and
 *        r = ab / sqrt(aa bb), or a short description of the numerical method
 * @param parameter syntax of the parameter in the id, empty when the activation has none
 */
public record ActivationInfo(String id, String name, String formula, KernelForm kernel, String kernelFormula,
    String parameter) {

    /** True when the expected kernel has an explicit formula. */
    public boolean closedForm() {
        return kernel == KernelForm.CLOSED_FORM;
    }
}
