/**
 * The contract every backend must pass, written once as JUnit 5 interfaces with {@code @Test
 * default} methods ({@link io.github.drawnet.tck.BackendContract}); a backend's test module has one
 * small class that supplies its backend and inherits every test. The numerical oracle is {@link
 * io.github.drawnet.backend.reference.ReferenceNetwork}, the plain-Java network in double precision
 * of the {@code drawnet-backend-reference} module. It is an oracle and a floor, never a shortcut
 * inside a backend.
 */
package io.github.drawnet.tck;
