package io.github.drawnet.api;

import java.nio.charset.StandardCharsets;

/**
 * Derives independent seeds for each random choice from the one seed a user gives, so that changing
 * how many points are sampled does not change the initial weights, and so on. The derivation is
 * fixed: a saved seed reproduces the same run in every later version that keeps this class.
 */
public final class Seeds {

    private Seeds() {}

    /** Returns the seed for {@code purpose} (for example {@code "init"}) derived from {@code seed}. */
    public static long derive(long seed, String purpose) {
        long h = 0xcbf29ce484222325L;
        for (byte b : purpose.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ b) * 0x100000001b3L;
        }
        return mix(seed ^ mix(h));
    }

    /** Returns the seed for {@code purpose} at step {@code index} (for example an epoch). */
    public static long derive(long seed, String purpose, long index) {
        return mix(derive(seed, purpose) + 0x9e3779b97f4a7c15L * (index + 1));
    }

    /** SplitMix64's finaliser: a bijection that spreads every input bit over the output. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
