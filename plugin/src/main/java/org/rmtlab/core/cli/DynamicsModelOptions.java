package org.rmtlab.core.cli;

import java.util.List;

import org.rmtlab.core.dynamics.DynamicsModel;
import org.rmtlab.core.dynamics.GradientMethod;

/**
 * The command-line face of one {@link DynamicsModel} for {@code rmtlab dynamics --model ID}: the options
 * that only this model reads, and how to build the model from them. To add a model, implement this in a
 * small class and add one instance to {@link DynamicsCommand#MODELS}.
 *
 * <p>The common options ({@code p}, {@code n}, {@code times}, {@code method}, {@code alpha}, {@code trials},
 * {@code seed}, ...) are the command's; a model reads {@code p} and {@code n} from the {@link Args} it is
 * given and receives the gradient method ready-made.
 */
interface DynamicsModelOptions {

    /** The value of {@code --model}. */
    String id();

    /** One line for the help text. */
    String summary();

    /**
     * Options read only by this model, with this model's defaults. Two models may declare the same name (for
     * example {@code gamma}), with their own defaults.
     */
    List<Option> options();

    /**
     * Builds the model.
     *
     * @param args the common options and this model's options, defaults filled in
     * @param method gradient flow or descent, as chosen by {@code --method} and {@code --alpha}
     * @throws IllegalArgumentException for values out of range, or a method the model does not support
     */
    DynamicsModel create(Args args, GradientMethod method);
}
