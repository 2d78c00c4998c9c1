package io.github.drawnet.tck;

/**
 * The whole contract a backend must pass. A backend's test module holds one class:
 *
 * <pre>{@code
 * final class DjlBackendTest implements BackendContract {
 *     public Backend backend() { return new DjlBackend(); }
 * }
 * }</pre>
 */
public interface BackendContract
        extends DiscoveryContract, ParametersContract, ForwardContract, TrainingContract, LifecycleContract,
                LearningContract, MultiClassContract {}
