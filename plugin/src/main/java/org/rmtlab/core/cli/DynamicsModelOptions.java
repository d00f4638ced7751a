package org.rmtlab.core.cli;

import java.util.List;

import org.rmtlab.core.dynamics.DynamicsModel;

/**
 * The command-line face of one {@link DynamicsModel} for {@code rmtlab dynamics --model ID}: the options
 * that this model reads, with the defaults that reproduce its reference figure, and how to build the model
 * from them. To add a model, implement this in a small class and add one instance to
 * {@link DynamicsCommand#MODELS}.
 *
 * <p>The command itself owns only {@code model}, {@code trials}, {@code seed}, {@code summary} and
 * {@code out}. Everything else, the time grid {@code times} included, is the model's: models name the same
 * thing the same way ({@code p} the input dimension, {@code n} the training samples, {@code noise},
 * ...), each with its own default.
 */
interface DynamicsModelOptions {

    /** The value of {@code --model}. */
    String id();

    /** One line for the help text. */
    String summary();

    /**
     * Options read by this model, with this model's defaults; must include {@code times}. Two models may
     * declare the same name with their own defaults and descriptions.
     */
    List<Option> options();

    /**
     * Builds the model.
     *
     * @param args the command's options and this model's options, defaults filled in
     * @throws IllegalArgumentException for values out of range
     */
    DynamicsModel create(Args args);
}
