package io.github.drawnet.api;

import io.github.drawnet.api.spi.Backend;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.drawnet.api.spi.NativePlatform;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Discovery through the test classpath's {@code META-INF/services/io.github.drawnet.api.spi.Backend},
 * which lists a working backend, a class that does not exist, and a backend whose constructor
 * throws.
 */
public final class BackendsTest {

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

    /** A fake engine with a native library for {@code platforms} only, as DJL and DL4J say. */
    public static Backend engine(String id, int priority, String... platforms) {
        return new FakeBackend(id, priority) {
            @Override
            public boolean supportsPlatform() {
                return java.util.Set.of(platforms).contains(NativePlatform.current());
            }

            @Override
            public String displayName() {
                return id + " engine";
            }
        };
    }

    /** A backend that runs anywhere, as the reference backend does. */
    public static Backend anywhere(String id, int priority) {
        return new FakeBackend(id, priority) {
            @Override
            public String displayName() {
                return "plain Java";
            }
        };
    }

    @AfterEach
    void clearPlatform() {
        System.clearProperty(NativePlatform.PROPERTY);
    }

    @Test
    void preferred_noEngineRunsHere_theBackendThatRunsAnywhere_saidInOneLine() {
        Backends backends = Backends.of(engine("djl", 200, "linux-x86_64", "macos-arm64"), anywhere("reference", -100),
                engine("dl4j", 100, "linux-x86_64", "macos-x86_64"));
        System.setProperty(NativePlatform.PROPERTY, "linux-riscv64");
        List<String> notes = new ArrayList<>();
        assertThat(backends.preferred(notes::add).id()).isEqualTo("reference");
        assertThat(notes).containsExactly("djl and dl4j cannot run on linux-riscv64 (no native library for it); using"
                + " backend reference: plain Java");
        assertThat(backends.preferred().id()).isEqualTo("reference");
        assertThat(backends.ids()).as("the ranking is the same everywhere").containsExactly("djl", "dl4j", "reference");
    }

    @Test
    void preferred_theFirstEngineCannotRunHere_theNextThatCan_saidInOneLine() {
        Backends backends = Backends.of(engine("djl", 200, "linux-x86_64", "macos-arm64"), anywhere("reference", -100),
                engine("dl4j", 100, "linux-x86_64", "macos-x86_64"));
        System.setProperty(NativePlatform.PROPERTY, "macos-x86_64");
        List<String> notes = new ArrayList<>();
        assertThat(backends.preferred(notes::add).id()).isEqualTo("dl4j");
        assertThat(notes).containsExactly("djl cannot run on macos-x86_64 (no native library for it); using backend"
                + " dl4j: dl4j engine");
        System.setProperty(NativePlatform.PROPERTY, "linux-x86_64");
        notes.clear();
        assertThat(backends.preferred(notes::add).id()).isEqualTo("djl");
        assertThat(notes).as("nothing passed over, nothing said").isEmpty();
    }

    @Test
    void preferred_nothingRunsHere_theHighestPriority_whoseRefusalSaysWhy() {
        Backends backends = Backends.of(engine("dl4j", 100, "linux-x86_64"), engine("djl", 200, "linux-x86_64"));
        System.setProperty(NativePlatform.PROPERTY, "linux-riscv64");
        List<String> notes = new ArrayList<>();
        assertThat(backends.preferred(notes::add).id()).isEqualTo("djl");
        assertThat(notes).isEmpty();
    }

    @Test
    void preferred_namedByTheProperty_evenWhereItCannotRun_saysNothing() {
        Backends backends = Backends.of(engine("djl", 200, "linux-x86_64"), anywhere("reference", -100));
        System.setProperty(NativePlatform.PROPERTY, "linux-riscv64");
        System.setProperty(Backends.PREFERRED_PROPERTY, "djl");
        try {
            List<String> notes = new ArrayList<>();
            assertThat(backends.preferred(notes::add).id()).isEqualTo("djl");
            assertThat(notes).isEmpty();
        } finally {
            System.clearProperty(Backends.PREFERRED_PROPERTY);
        }
    }

    @Test
    void preferred_supportsPlatformThrows_passedOver() {
        Backend throwing = new FakeBackend("throwing", 300) {
            @Override
            public boolean supportsPlatform() {
                throw new IllegalStateException("cannot tell");
            }
        };
        List<String> notes = new ArrayList<>();
        assertThat(Backends.of(throwing, anywhere("reference", -100)).preferred(notes::add).id()).isEqualTo("reference");
        assertThat(notes).singleElement().asString().startsWith("throwing cannot run on ");
    }

    @Test
    void runsHereInstead_theHighestThatRunsHere_notItself() {
        Backends backends = Backends.of(engine("djl", 200, "linux-x86_64", "macos-arm64"), anywhere("reference", -100),
                engine("dl4j", 100, "linux-x86_64", "macos-x86_64"));
        System.setProperty(NativePlatform.PROPERTY, "linux-x86_64");
        assertThat(backends.runsHereInstead("djl")).map(Backend::id).contains("dl4j");
        assertThat(backends.runsHereInstead("dl4j")).map(Backend::id).contains("djl");
        assertThat(backends.runsHereInstead("reference")).map(Backend::id).contains("djl");
        System.setProperty(NativePlatform.PROPERTY, "linux-riscv64");
        assertThat(backends.runsHereInstead("djl")).map(Backend::id).contains("reference");
        assertThat(backends.runsHereInstead("dl4j")).map(Backend::id).contains("reference");
        assertThat(backends.runsHereInstead("reference")).isEmpty();
        assertThat(Backends.of(engine("djl", 200)).runsHereInstead("djl")).isEmpty();
    }

    @Test
    void choose_anIdOrThePreferred() {
        Backends backends = Backends.of(engine("djl", 200, "linux-x86_64"), anywhere("reference", -100));
        System.setProperty(NativePlatform.PROPERTY, "linux-riscv64");
        List<String> notes = new ArrayList<>();
        assertThat(backends.choose("DJL", notes::add).id()).isEqualTo("djl");
        assertThat(backends.choose(List.of("reference", "djl"), notes::add)).extracting(Backend::id)
                .containsExactly("reference", "djl");
        assertThat(notes).isEmpty();
        assertThat(backends.choose((String) null, notes::add).id()).isEqualTo("reference");
        assertThat(backends.choose(List.of(), notes::add)).extracting(Backend::id).containsExactly("reference");
        assertThat(backends.choose((List<String>) null, notes::add)).extracting(Backend::id).containsExactly("reference");
        assertThat(notes).hasSize(3).allMatch(n -> n.startsWith("djl cannot run on linux-riscv64"));
        assertThatThrownBy(() -> backends.choose(List.of("reference", "tensorflow"), notes::add))
                .isInstanceOf(UnknownBackendException.class).hasMessageContaining("'tensorflow'");
    }

    @Test
    void allThatRunHere_passesOverThoseThatCannot_saidInOneLine() {
        Backends backends = Backends.of(engine("djl", 200, "linux-x86_64", "macos-arm64"), anywhere("reference", -100),
                engine("dl4j", 100, "linux-x86_64", "macos-x86_64"));
        List<String> notes = new ArrayList<>();
        System.setProperty(NativePlatform.PROPERTY, "linux-riscv64");
        assertThat(backends.allThatRunHere(notes::add)).extracting(Backend::id).containsExactly("reference");
        System.setProperty(NativePlatform.PROPERTY, "macos-x86_64");
        assertThat(backends.allThatRunHere(notes::add)).extracting(Backend::id).containsExactly("dl4j", "reference");
        assertThat(notes).containsExactly(
                "djl and dl4j cannot run on linux-riscv64 (no native library for it); using reference",
                "djl cannot run on macos-x86_64 (no native library for it); using dl4j and reference");
        notes.clear();
        System.setProperty(NativePlatform.PROPERTY, "linux-x86_64");
        assertThat(backends.allThatRunHere(notes::add)).extracting(Backend::id)
                .containsExactly("djl", "dl4j", "reference");
        assertThat(notes).as("nothing passed over, nothing said").isEmpty();
    }

    @Test
    void allThatRunHere_noneCan_allOfThem_whoseRefusalsSayWhy() {
        Backends backends = Backends.of(engine("dl4j", 100, "linux-x86_64"), engine("djl", 200, "linux-x86_64"));
        System.setProperty(NativePlatform.PROPERTY, "linux-riscv64");
        List<String> notes = new ArrayList<>();
        assertThat(backends.allThatRunHere(notes::add)).extracting(Backend::id).containsExactly("djl", "dl4j");
        assertThat(notes).isEmpty();
        assertThat(Backends.of().allThatRunHere(notes::add)).isEmpty();
        assertThat(notes).isEmpty();
    }

    @Test
    void preferred_threePassedOver_listedAsAPersonWould() {
        Backends backends = Backends.of(engine("a", 300), engine("b", 200), engine("c", 100), anywhere("d", 0));
        System.setProperty(NativePlatform.PROPERTY, "linux-riscv64");
        List<String> notes = new ArrayList<>();
        assertThat(backends.preferred(notes::add).id()).isEqualTo("d");
        assertThat(backends.allThatRunHere(notes::add)).extracting(Backend::id).containsExactly("d");
        assertThat(notes).containsExactly(
                "a, b and c cannot run on linux-riscv64 (no native library for it); using backend d: plain Java",
                "a, b and c cannot run on linux-riscv64 (no native library for it); using d");
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
