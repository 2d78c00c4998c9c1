/**
 * The {@link io.github.drawnet.api.Backend} on Deeplearning4j / ND4J: a {@code MultiLayerNetwork}
 * of {@code DenseLayer}s and a one-unit sigmoid {@code OutputLayer}, trained by DL4J's own updaters
 * (Adam, SGD) with L2 on weights and biases. The loss is binary cross-entropy computed in ND4J from
 * the output logit ({@link io.github.drawnet.backend.dl4j.Dl4jLogitCrossEntropy}). The native CPU
 * library comes from the {@code nd4j-native} jar with its {@code linux-x86_64} classifier.
 */
package io.github.drawnet.backend.dl4j;
