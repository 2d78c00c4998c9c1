package io.github.drawnet.studio;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.drawnet.viz.ColourNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The page's copy of the named colours equals {@link ColourNames}, the one place that defines them: the
 * palette's names and codes, the scheme's blue and orange in the script and the style sheet, and every
 * colour name the page's HTML writes with its code in a tooltip. The page keeps a copy because it draws
 * before it has asked the server anything; this test is what keeps the copy honest.
 */
final class PagePaletteTest {

    static final Path WEB = Paths.get("src", "main", "resources", "io", "github", "drawnet", "studio", "web");

    /** Returns the text of every page file whose name ends with {@code suffix}, wherever it moved under web/. */
    static List<String> files(String suffix) throws IOException {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(WEB)) {
            for (Path p : walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList()) {
                texts.add(Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return texts;
    }

    /** Returns the one match of {@code pattern} in the page's {@code suffix} files, failing on none or several. */
    static MatchResult only(String suffix, Pattern pattern) throws IOException {
        List<MatchResult> found = new ArrayList<>();
        for (String text : files(suffix)) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                found.add(m.toMatchResult());
            }
        }
        assertThat(found).as("the page's %s files hold %s once", suffix, pattern).hasSize(1);
        return found.get(0);
    }

    static String hex(int r, int g, int b) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }

    @Test
    void palette_pageCopy_equalsColourNames() throws IOException {
        MatchResult array = only(".js", Pattern.compile("const PALETTE = \\[(.*?)\\];", Pattern.DOTALL));
        Matcher entry = Pattern.compile("\\{\\s*name:\\s*'([^']+)',\\s*hex:\\s*'(#[0-9a-fA-F]{6})'\\s*}")
                .matcher(array.group(1));
        List<String> page = new ArrayList<>();
        while (entry.find()) {
            page.add(entry.group(1) + " " + entry.group(2).toLowerCase(Locale.ROOT));
        }
        assertThat(page).containsExactlyElementsOf(
                ColourNames.PALETTE.stream().map(c -> c.name() + " " + c.hex()).toList());
    }

    @Test
    void schemeEnds_scriptAndStyleSheet_equalColourNames() throws IOException {
        for (String[] end : new String[][] {{"POS", "pos", ColourNames.POSITIVE.hex()},
            {"NEG", "neg", ColourNames.NEGATIVE.hex()}}) {
            MatchResult script = only(".js", Pattern.compile("const " + end[0] + " = \\[(\\d+), (\\d+), (\\d+)\\]"));
            assertThat(hex(Integer.parseInt(script.group(1)), Integer.parseInt(script.group(2)),
                    Integer.parseInt(script.group(3)))).as("studio.js %s", end[0]).isEqualTo(end[2]);
            MatchResult css = only(".css", Pattern.compile("--" + end[1] + ": rgb\\((\\d+), (\\d+), (\\d+)\\)"));
            assertThat(hex(Integer.parseInt(css.group(1)), Integer.parseInt(css.group(2)),
                    Integer.parseInt(css.group(3)))).as("studio.css --%s", end[1]).isEqualTo(end[2]);
        }
    }

    @Test
    void namesWithTheirCodeInATooltip_html_nameIsTheCodesName() throws IOException {
        Pattern named = Pattern.compile("title=\"(#[0-9a-fA-F]{6})\">([a-z ]+)</span>");
        int seen = 0;
        for (String html : files(".html")) {
            Matcher m = named.matcher(html);
            while (m.find()) {
                assertThat(m.group(2)).as("the name shown with %s", m.group(1))
                        .isEqualTo(ColourNames.nameOrHex(Integer.parseInt(m.group(1).substring(1), 16)));
                seen++;
            }
        }
        // the edge legend names blue and orange twice (weights, maps), the two-class output legend once each
        assertThat(seen).isEqualTo(6);
    }
}
