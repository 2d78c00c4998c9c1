package io.github.drawnet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Discovery through the test classpath's {@code META-INF/services/io.github.drawnet.api.Backend},
 * which lists a working backend, a class that does not exist, and a backend whose constructor
 * throws.
 */
final class BackendsTest {

    @Test
    void discover_oneBrokenProvider_othersStillFound() {
        Backends backends = Backends.discover(BackendsTest.class.getClassLoader());
        assertThat(backends.ids()).containsExactly("fake");
        assertThat(backends.problems()).hasSize(2);
        assertThat(backends.problems()).anySatisfy(p -> assertThat(p).contains("NoSuchBackend"));
        assertThat(backends.problems()).anySatisfy(p -> assertThat(p).contains("BrokenBackend"));
    }

    @Test
    void get_unknownId_listsAvailable() {
        Backends backends = Backends.discover(BackendsTest.class.getClassLoader());
        assertThatThrownBy(() -> backends.get("tensorflow")).isInstanceOf(UnknownBackendException.class)
                .hasMessage("unknown backend 'tensorflow'; available: fake");
        assertThat(backends.get(" FAKE ")).isInstanceOf(FakeBackend.class);
    }

    @Test
    void preferred_systemPropertyBeatsDiscoveryOrder() {
        Backends backends = Backends.of(new FakeBackend("one"), new FakeBackend("two"));
        assertThat(backends.preferred().id()).isEqualTo("one");
        System.setProperty(Backends.PREFERRED_PROPERTY, "two");
        try {
            assertThat(backends.preferred().id()).isEqualTo("two");
        } finally {
            System.clearProperty(Backends.PREFERRED_PROPERTY);
        }
    }

    @Test
    void preferred_highestPriorityWins_whateverTheDiscoveryOrder() {
        Backends backends = Backends.of(new FakeBackend("oracle", -100), new FakeBackend("second", 100),
                new FakeBackend("first", 200), new FakeBackend("plain", 0));
        assertThat(backends.preferred().id()).isEqualTo("first");
        assertThat(backends.ids()).containsExactly("first", "second", "plain", "oracle");
        assertThat(backends.all()).extracting(Backend::id).containsExactly("first", "second", "plain", "oracle");
        assertThat(Backends.of(new FakeBackend("oracle", -100)).preferred().id()).isEqualTo("oracle");
    }

    @Test
    void of_equalPriorities_keepDiscoveryOrder() {
        Backends backends = Backends.of(new FakeBackend("b", 5), new FakeBackend("a", 5), new FakeBackend("c", 5));
        assertThat(backends.ids()).containsExactly("b", "a", "c");
    }

    @Test
    void of_duplicateIds_firstWinsAndProblemRecorded() {
        FakeBackend first = new FakeBackend("same");
        Backends backends = Backends.of(first, new FakeBackend("same"));
        assertThat(backends.get("same")).isSameAs(first);
        assertThat(backends.problems()).singleElement().asString().contains("two backends have the id 'same'");
    }

    @Test
    void none_messageSaysNoBackendJar() {
        assertThatThrownBy(() -> Backends.of().preferred())
                .hasMessage("unknown backend '(default)'; available: none (no backend jar on the classpath)");
    }

    /** A backend that does nothing, for discovery tests. */
    public static class FakeBackend implements Backend {
        private final String id;
        private final int priority;

        public FakeBackend() {
            this("fake");
        }

        public FakeBackend(String id) {
            this(id, 0);
        }

        public FakeBackend(String id, int priority) {
            this.id = id;
            this.priority = priority;
        }

        @Override
        public int priority() {
            return priority;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String displayName() {
            return "fake";
        }

        @Override
        public String engineVersion() {
            return "0";
        }

        @Override
        public Model newModel(NetworkSpec spec, Parameters initial) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Trainer newTrainer(Model model, TrainingConfig config, Dataset train, Dataset validation) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void loadInBackground_loadsOnAnotherThreadWhileTheCallerWorks_andReturnsTheVersion() throws Exception {
        java.util.concurrent.CountDownLatch callerWorked = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicReference<String> loadedOn = new java.util.concurrent.atomic.AtomicReference<>();
        Backend slow = new FakeBackend("slow") {
            @Override
            public String engineVersion() {
                loadedOn.set(Thread.currentThread().getName());
                try {
                    // the caller's work goes on while the engine loads
                    assertThat(callerWorked.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return "2.7.1";
            }
        };
        java.util.function.Supplier<String> loading = Backends.loadInBackground(slow);
        callerWorked.countDown();
        assertThat(loading.get()).isEqualTo("2.7.1");
        assertThat(loading.get()).isEqualTo("2.7.1");
        assertThat(loadedOn.get()).isEqualTo("drawnet-engine-load-slow").isNotEqualTo(Thread.currentThread().getName());
    }

    @Test
    void loadInBackground_engineCannotLoad_rethrowsItsExceptionToTheWaiter() {
        Backend missing = new FakeBackend("missing") {
            @Override
            public String engineVersion() {
                throw new BackendUnavailableException("missing", "no native library for solaris-sparc", null);
            }
        };
        java.util.function.Supplier<String> loading = Backends.loadInBackground(missing);
        assertThatThrownBy(loading::get).isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("no native library for solaris-sparc");
        Backend broken = new FakeBackend("broken") {
            @Override
            public String engineVersion() {
                throw new LinkageError("libtorch.so: cannot open shared object file");
            }
        };
        assertThatThrownBy(Backends.loadInBackground(broken)::get).isInstanceOf(LinkageError.class)
                .hasMessage("libtorch.so: cannot open shared object file");
    }

    /** A backend whose constructor fails, as one whose static set-up breaks would. */
    public static class BrokenBackend extends FakeBackend {
        public BrokenBackend() {
            throw new IllegalStateException("broken on purpose");
        }
    }

    @Test
    void discover_withoutLoader_usesTheContextClassLoader() {
        assertThat(Backends.discover().ids()).containsExactly("fake");
    }

    @Test
    void of_priorityThatThrows_rankedLast() {
        Backend throwing = new FakeBackend("throwing") {
            @Override
            public int priority() {
                throw new IllegalStateException("engine not loaded");
            }
        };
        assertThat(Backends.of(throwing, new FakeBackend("low", -50)).ids()).containsExactly("low", "throwing");
    }

    @Test
    void discover_withoutLoader_looksOnlyWhereTheContextClassLoaderLooks() throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader context = thread.getContextClassLoader();
        try (java.net.URLClassLoader empty = new java.net.URLClassLoader(new java.net.URL[0], null)) {
            thread.setContextClassLoader(empty);
            assertThat(Backends.discover().ids()).isEmpty();
            thread.setContextClassLoader(null);
            assertThat(Backends.discover().ids()).as("no context loader: the api's own").containsExactly("fake");
        } finally {
            thread.setContextClassLoader(context);
        }
    }
}
