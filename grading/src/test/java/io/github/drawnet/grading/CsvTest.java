package io.github.drawnet.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one CSV writer: a field with a comma (a network's 8,4), a quote or a line break is quoted and reads back. */
final class CsvTest {

    @ParameterizedTest
    @CsvSource(delimiter = '#', quoteCharacter = '`', value = {
        "plain      # plain",
        "8,4        # \"8,4\"",
        "x1,x2      # \"x1,x2\"",
        "say \"x\"  # \"say \"\"x\"\"\"",
        "``         # ``"})
    void field_quotedOnlyWhenNeeded(String value, String written) {
        assertThat(Csv.field(value)).isEqualTo(written);
    }

    @Test
    void of_roundTrip_networkSizesQuoted() {
        List<String> header = List.of("cell", "hidden", "features", "message");
        List<List<String>> rows = List.of(List.of("1", "8,4", "x1,x2", "ok"), List.of("2", "4", "x1", "said \"no\",\nthen"));
        String csv = Csv.of(header, rows);
        assertThat(csv).startsWith("cell,hidden,features,message\n1,\"8,4\",\"x1,x2\",ok\n");
        assertThat(read(csv)).containsExactly(header, rows.get(0), rows.get(1));
    }

    @Test
    void of_rowOfAnotherLength_refused() {
        assertThatThrownBy(() -> Csv.of(List.of("a", "b"), List.of(List.of("1"))))
                .hasMessage("a row of 1 fields under a header of 2: [1]");
    }

    /** Reads RFC 4180 CSV, as a spreadsheet would: quoted fields may hold commas, doubled quotes and line breaks. */
    static List<List<String>> read(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(f.toString());
                f.setLength(0);
            } else if (c == '\n') {
                row.add(f.toString());
                f.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                f.append(c);
            }
        }
        return rows;
    }
}
