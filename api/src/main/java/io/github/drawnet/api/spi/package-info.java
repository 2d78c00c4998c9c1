/**
 * What a backend author extends: {@link io.github.drawnet.api.spi.AbstractModel} and {@link
 * io.github.drawnet.api.spi.AbstractTrainer}, the engine-neutral halves of a model and a trainer
 * (argument checks, input features computed in Java, the epoch loop, batch order, history,
 * divergence check). A backend supplies the engine halves and registers its {@link
 * io.github.drawnet.api.spi.Backend} in {@code META-INF/services/io.github.drawnet.api.spi.Backend}. Users of
 * the library never need this package; they call {@link io.github.drawnet.api.Backends} and the
 * interfaces of {@code io.github.drawnet.api}.
 */
package io.github.drawnet.api.spi;
