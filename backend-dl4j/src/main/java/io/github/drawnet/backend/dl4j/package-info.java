/**
 * The {@link io.github.drawnet.api.spi.Backend} on Deeplearning4j / ND4J: a {@code MultiLayerNetwork}
 * of {@code DenseLayer}s and an {@code OutputLayer} (one sigmoid unit, or a softmax of K) holds the
 * parameters and runs inference; training takes each step as ND4J operations on arrays made once per
 * trainer ({@link io.github.drawnet.backend.dl4j.Dl4jStep}: the layers' products, the logit loss's
 * gradient, ND4J's fused Adam updater or SGD, weight decay on weights and biases), updating the
 * network's flat parameters in place. The loss is the cross-entropy computed from the output's
 * logits ({@link io.github.drawnet.backend.dl4j.Dl4jLogitCrossEntropy}). The native CPU library
 * comes from the {@code nd4j-native} jar with its {@code linux-x86_64} classifier.
 */
package io.github.drawnet.backend.dl4j;
