package io.github.drawnet.apicheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The check that a library module's public API changes only on purpose: its listing ({@link ApiListing}), made
 * from the module's compiled classes, must equal the module's committed {@code api-baseline.txt}. Each library
 * module calls {@link #check} from one small test, {@code ApiBaselineTest}, so the check runs in {@code mvn -B
 * verify} and takes well under a second.
 *
 * <p>With the system property {@value #UPDATE_PROPERTY}{@code =true} (Maven passes {@code -D} options on to the
 * tests) the check writes the baseline instead of comparing with it: that is how the baseline moves, on
 * purpose, with a line in {@code CHANGELOG.md}. {@code tools/api-baseline} does it for every library module.
 */
public final class ApiBaseline {

    /** The system property that writes the baselines instead of checking them. */
    public static final String UPDATE_PROPERTY = "drawnet.api.update";

    /** The baseline's file name, in the module's folder beside its {@code pom.xml}. */
    public static final String FILE_NAME = "api-baseline.txt";

    /** At most this many differences are shown, so that the message fits a screen. */
    static final int SHOWN = 30;

    private ApiBaseline() {
    }

    /**
     * Checks (or, with {@value #UPDATE_PROPERTY}{@code =true}, writes) the baseline of the module whose test
     * {@code test} is: the public API of {@code packages}, read from the module's {@code target/classes} (the
     * sibling of the {@code target/test-classes} that {@code test} was loaded from, so that no class of the API
     * has to be named and a type may move without touching the test). The listing as built is written to
     * {@code target/api-listing.txt} either way.
     *
     * @throws AssertionError if the listing differs from the baseline, or there is no baseline; the message
     *     lists the differences and says how to move the baseline
     * @throws IllegalStateException if {@code test} was not loaded from a folder beside the module's classes
     */
    public static void check(Class<?> test, String... packages) {
        Path classes = classesOf(test);
        Path module = classes.getParent().getParent();
        String name = module.getFileName().toString();
        List<String> current = ApiListing.of(classes, test.getClassLoader(), Arrays.asList(packages));
        List<String> file = new ArrayList<>();
        file.add("# The public API of " + name + " (" + String.join(", ", packages) + "): one line per type and");
        file.add("# public or protected member. Checked by ApiBaselineTest in mvn -B verify; moved on purpose only,");
        file.add("# with tools/api-baseline and a CHANGELOG.md line (see TESTING.md).");
        file.addAll(current);
        write(classes.getParent().resolve("api-listing.txt"), file);

        List<String> leaks = current.stream().filter(l -> l.contains(".internal.")).toList();
        if (!leaks.isEmpty()) {
            throw new AssertionError("The public API of the " + name + " module names internal types, which users cannot"
                    + " rely on:\n  " + String.join("\n  ", leaks.subList(0, Math.min(leaks.size(), SHOWN))));
        }
        Path baseline = module.resolve(FILE_NAME);
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            write(baseline, file);
            System.out.println("api-check: wrote " + name + "/" + FILE_NAME + " (" + current.size() + " lines)");
            return;
        }
        if (!Files.isRegularFile(baseline)) {
            throw new AssertionError("The public API of the " + name + " module has no committed baseline (" + name + "/"
                    + FILE_NAME + "). Write it with\n    " + howToUpdate(name) + "\nand commit it.");
        }
        List<String> committed = read(baseline);
        String difference = difference(name, committed, current);
        if (!difference.isEmpty()) {
            throw new AssertionError(difference);
        }
    }

    /**
     * Returns the message for a listing that differs from its baseline (comment and blank lines ignored), or
     * the empty string when they hold the same lines. A key found on both sides with other text is a change;
     * removed and changed lines are breaking, added ones additive.
     */
    static String difference(String module, List<String> committed, List<String> current) {
        Set<String> before = new TreeSet<>(ApiListing.ORDER);
        committed.stream().filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(before::add);
        Set<String> after = new TreeSet<>(ApiListing.ORDER);
        after.addAll(current);
        if (before.equals(after)) {
            return "";
        }
        Map<String, List<String>> removedByKey = byKey(before.stream().filter(l -> !after.contains(l)).toList());
        Map<String, List<String>> addedByKey = byKey(after.stream().filter(l -> !before.contains(l)).toList());

        // one line per difference, in the listing's order: "- " removed, "~ " changed (then "    now "), "+ " added
        Set<String> keys = new TreeSet<>();
        keys.addAll(removedByKey.keySet());
        keys.addAll(addedByKey.keySet());
        List<String> shown = new ArrayList<>();
        int removed = 0;
        int changed = 0;
        int added = 0;
        for (String key : keys.stream().sorted(ApiListing.ORDER).toList()) {
            List<String> gone = removedByKey.getOrDefault(key, List.of());
            List<String> come = addedByKey.getOrDefault(key, List.of());
            if (gone.size() == 1 && come.size() == 1) {
                changed++;
                shown.add("  ~ " + gone.get(0));
                shown.add("      now " + come.get(0).substring(key.length()).strip());
                continue;
            }
            for (String l : gone) {
                removed++;
                shown.add("  - " + l);
            }
            for (String l : come) {
                added++;
                shown.add("  + " + l);
            }
        }
        StringBuilder m = new StringBuilder();
        m.append("The public API of the ").append(module).append(" module is not its committed baseline (").append(module)
                .append('/').append(FILE_NAME).append("): ");
        if (removed + changed > 0) {
            m.append("BREAKING (").append(removed).append(" removed, ").append(changed).append(" changed")
                    .append(added > 0 ? ", " + added + " added" : "").append(")\n");
        } else {
            m.append("additive (").append(added).append(" added)\n");
        }
        shown.stream().limit(SHOWN).forEach(l -> m.append(l).append('\n'));
        if (shown.size() > SHOWN) {
            m.append("  ... and ").append(shown.size() - SHOWN).append(" more lines: diff ").append(module)
                    .append('/').append(FILE_NAME).append(' ').append(module).append("/target/api-listing.txt\n");
        }
        m.append("An accident? Undo it. On purpose? Move the baseline and say so in CHANGELOG.md under\n")
                .append("\"## Unreleased\" (").append(removed + changed > 0 ? "as **Breaking**, " : "")
                .append("naming the types and members), then commit both:\n    ").append(howToUpdate(module));
        return m.toString();
    }

    private static String howToUpdate(String module) {
        return "tools/api-baseline    (or: mvn -B -o verify -pl " + module + " -am -D" + UPDATE_PROPERTY + "=true)";
    }

    private static Map<String, List<String>> byKey(List<String> lines) {
        return lines.stream().collect(Collectors.groupingBy(ApiListing::key, LinkedHashMap::new, Collectors.toList()));
    }

    private static Path classesOf(Class<?> test) {
        Path testClasses;
        try {
            testClasses = Path.of(test.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot tell where " + test + " was loaded from", e);
        }
        Path classes = testClasses.resolveSibling("classes");
        if (!Files.isDirectory(testClasses) || !Files.isDirectory(classes)) {
            throw new IllegalStateException(test + " was loaded from " + testClasses + ", which has no classes"
                    + " folder beside it: run the check in the module's build (mvn -B verify)");
        }
        return classes;
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void write(Path file, List<String> lines) {
        try {
            Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
