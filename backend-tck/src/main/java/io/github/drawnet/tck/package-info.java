/**
 * The contract every backend must pass, written once as JUnit 5 interfaces with {@code @Test
 * default} methods ({@link io.github.drawnet.tck.BackendContract}); a backend's test module has one
 * small class that supplies its backend and inherits every test. The numerical oracle is {@link
 * io.github.drawnet.tck.ReferenceNetwork}, a plain-Java network in double precision (forward,
 * backward, Adam, SGD), also offered as {@link io.github.drawnet.tck.ReferenceBackend} for
 * benchmarks. It is an oracle and a floor, never a shortcut inside a backend.
 */
package io.github.drawnet.tck;
