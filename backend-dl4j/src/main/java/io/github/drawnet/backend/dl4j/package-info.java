/**
 * The {@link io.github.drawnet.api.Backend} on Deeplearning4j / ND4J.
 */
package io.github.drawnet.backend.dl4j;
