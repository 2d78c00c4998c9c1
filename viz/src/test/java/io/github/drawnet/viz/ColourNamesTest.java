package io.github.drawnet.viz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.drawnet.api.DrawingClass;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The named colours: the palette's names and codes, the scheme's ends, and what a class is called. */
final class ColourNamesTest {

    @Test
    void palette_okabeItoWithoutYellow_blackFirst_namesAndCodesEachOnce() {
        assertThat(ColourNames.PALETTE).extracting(ColourNames.Named::name).containsExactly("black", "orange",
                "sky blue", "bluish green", "vermillion", "blue", "reddish purple");
        assertThat(ColourNames.PALETTE).extracting(ColourNames.Named::hex).containsExactly("#000000", "#e69f00",
                "#56b4e9", "#009e73", "#d55e00", "#0072b2", "#cc79a7");
        assertThat(new HashSet<>(ColourNames.PALETTE.stream().map(ColourNames.Named::name).toList())).hasSize(7);
    }

    @Test
    void schemeEnds_studiosBlueAndOrange_theFiguresColours() {
        assertThat(ColourNames.POSITIVE.hex()).isEqualTo("#0877bd");
        assertThat(ColourNames.NEGATIVE.hex()).isEqualTo("#f59322");
        assertThat(Palette.WEIGHT_POSITIVE.getRGB() & 0xFFFFFF).isEqualTo(ColourNames.POSITIVE.rgb());
        assertThat(Palette.WEIGHT_NEGATIVE.getRGB() & 0xFFFFFF).isEqualTo(ColourNames.NEGATIVE.rgb());
        assertThat(Palette.POSITIVE).isEqualTo(Palette.WEIGHT_POSITIVE);
        assertThat(Palette.NEGATIVE).isEqualTo(Palette.WEIGHT_NEGATIVE);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "e69f00, orange",
        "56b4e9, sky blue",
        "cc79a7, reddish purple",
        "0877bd, blue",
        "f59322, orange",
        "e41a1c, #e41a1c",
        "e69f01, #e69f01"
    })
    void nameOrHex_paletteAndSchemeColoursNamed_othersTheirCode(String hex, String name) {
        assertThat(ColourNames.nameOrHex(Integer.parseInt(hex, 16))).isEqualTo(name);
        assertThat(ColourNames.name(Integer.parseInt(hex, 16)).isPresent()).isEqualTo(!name.startsWith("#"));
    }

    @Test
    void className_colourClassNamed_backgroundAndOtherNamesKept() {
        assertThat(ColourNames.className(DrawingClass.ofColour(0xe69f00))).isEqualTo("orange");
        assertThat(ColourNames.className(DrawingClass.ofColour(0x009e73))).isEqualTo("bluish green");
        assertThat(ColourNames.className(DrawingClass.ofColour(0xe41a1c))).isEqualTo("#e41a1c");
        assertThat(ColourNames.className(DrawingClass.background())).isEqualTo("background");
        // a class someone named keeps its name, even in a palette colour
        assertThat(ColourNames.className(new DrawingClass("lake", 0x56b4e9))).isEqualTo("lake");
        assertThat(ColourNames.className(new DrawingClass("#E69F00", 0xe69f00))).isEqualTo("orange");
    }

    @Test
    void named_blankNameOrColourBeyondRgb_refusedNamingTheValue() {
        assertThatThrownBy(() -> new ColourNames.Named(" ", 0)).hasMessage(
                "a named colour needs a name and a colour in [0x000000, 0xFFFFFF], got ' ' 0x0");
        assertThatThrownBy(() -> new ColourNames.Named("x", 0x1000000)).hasMessageContaining("got 'x' 0x1000000");
        assertThat(List.of(new ColourNames.Named("x", 0xffffff).hex())).containsExactly("#ffffff");
    }

    @Test
    void withNames_namedCodesGetTheirName_othersAndLongerHexRunsKept() {
        assertThat(ColourNames.withNames("found 3 classes: background 60.0%, #d55e00 25.0%, #123456 15.0%"))
                .isEqualTo("found 3 classes: background 60.0%, vermillion (#d55e00) 25.0%, #123456 15.0%");
        assertThat(ColourNames.withNames("#E69F00 and #0877bd, #f59322."))
                .isEqualTo("orange (#E69F00) and blue (#0877bd), orange (#f59322).");
        assertThat(ColourNames.withNames("#0000001 is no code, nor #00000, nor 000000"))
                .isEqualTo("#0000001 is no code, nor #00000, nor 000000");
        assertThat(ColourNames.withNames("")).isEmpty();
    }
}
