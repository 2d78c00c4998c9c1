/**
 * The {@link io.github.drawnet.api.spi.Backend} on DJL with the PyTorch engine: parameters are {@code
 * NDArray}s, the forward pass and the loss are NDArray operations, gradients come from DJL's
 * autograd ({@code GradientCollector}), and Adam and SGD update the parameters with NDArray
 * operations in place. The native library is taken from the {@code pytorch-native-cpu} jar on the
 * classpath, offline, with one native thread unless told otherwise.
 */
package io.github.drawnet.backend.djl;
