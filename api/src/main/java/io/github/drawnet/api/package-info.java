/**
 * The stable contracts of Drawnet: the data a drawing yields ({@link io.github.drawnet.api.Dataset},
 * {@link io.github.drawnet.api.DataSplits}, {@link io.github.drawnet.api.Drawing}), the network and
 * how it is trained ({@link io.github.drawnet.api.NetworkSpec}, {@link
 * io.github.drawnet.api.TrainingConfig}, {@link io.github.drawnet.api.Parameters}), the engine-facing
 * interfaces ({@link io.github.drawnet.api.Model}, {@link io.github.drawnet.api.Trainer}, the {@link
 * io.github.drawnet.api.Backend} SPI and its {@link io.github.drawnet.api.Backends} registry), and the
 * engine-neutral pieces every backend shares so that they all see the very same numbers: input
 * features computed in Java, initial parameters made from the seed, and the per-epoch batch order.
 * This package depends on no engine, no AWT and no logging backend.
 */
package io.github.drawnet.api;
