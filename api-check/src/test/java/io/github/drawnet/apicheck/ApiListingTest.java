package io.github.drawnet.apicheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The listing of a package that holds every kind of type (sealed, non-sealed, record, enum with bodies,
 * generic, nested, inner) and what must not be listed (a lambda, a bridge method, private and package-private
 * types and members, what records and enums declare implicitly), pinned line by line.
 */
final class ApiListingTest {

    private static final String F = "io.github.drawnet.apicheck.fixture.";

    static List<String> fixture() throws URISyntaxException {
        Path classes = Path.of(ApiListingTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return ApiListing.of(classes, ApiListingTest.class.getClassLoader(), List.of(F.substring(0, F.length() - 1)));
    }

    @Test
    void of_fixturePackage_listsEveryTypeAndMemberACallerCanName() throws URISyntaxException {
        assertThat(fixture()).containsExactly(
                F + "Blob  public non-sealed class Blob<T extends java.lang.Comparable<? super T>> implements io.github.drawnet.apicheck.fixture.Shape",
                F + "Blob#<init>()  protected",
                F + "Blob#BIG  protected static final long = 1099511627776L",
                F + "Blob#LIMIT  public static final int = 8",
                F + "Blob#NAME  public static final java.lang.String = \"say \\\"hi\\\"\\u000a\"",
                F + "Blob#NAMES  public static final java.util.List<java.lang.String>",
                F + "Blob#area()  public double",
                F + "Blob#pick(int, U...)  public final <U extends T> java.util.List<U> throws java.io.IOException, java.lang.IllegalStateException",
                F + "Blob#tables  protected volatile java.util.Map<java.lang.String, java.util.List<? extends java.lang.Number>>[]",
                F + "Blob$Inner  public class Inner",
                F + "Blob$Inner#<init>(io.github.drawnet.apicheck.fixture.Blob, java.lang.String)  public",
                F + "Blob$Part  protected abstract static class Part",
                F + "Blob$Part#<init>()  protected",
                F + "Blob$Part#name()  protected abstract java.lang.String",
                F + "Blob$Visitor  public interface Visitor<R>",
                F + "Blob$Visitor#visit(io.github.drawnet.apicheck.fixture.Blob<?>)  public abstract R",
                F + "Kind  public enum Kind",
                F + "Kind#ROUND  enum constant",
                F + "Kind#SQUARE  enum constant",
                F + "Kind#label()  public abstract java.lang.String",
                F + "Shape  public sealed interface Shape permits io.github.drawnet.apicheck.fixture.Blob, io.github.drawnet.apicheck.fixture.Shape$Circle, io.github.drawnet.apicheck.fixture.Square",
                F + "Shape#area()  public abstract double",
                F + "Shape#twice()  public default double",
                F + "Shape#unit()  public static io.github.drawnet.apicheck.fixture.Shape",
                F + "Shape$Circle  public record Circle(double radius) implements io.github.drawnet.apicheck.fixture.Shape",
                F + "Shape$Circle#area()  public double",
                F + "Shape$Circle#ofDiameter(double)  public static io.github.drawnet.apicheck.fixture.Shape$Circle",
                F + "Square  public final class Square implements io.github.drawnet.apicheck.fixture.Shape, java.lang.Comparable<io.github.drawnet.apicheck.fixture.Square>",
                F + "Square#<init>(double)  public",
                F + "Square#area()  public double",
                F + "Square#compareTo(io.github.drawnet.apicheck.fixture.Square)  public int");
    }

    @Test
    void of_sameClasses_sameLinesInTheSameOrder() throws URISyntaxException {
        List<String> first = fixture();
        assertThat(fixture()).isEqualTo(first);
        assertThat(first).isSortedAccordingTo(ApiListing.ORDER);
    }

    @Test
    void key_isTheTextBeforeTheSeparator() {
        assertThat(ApiListing.key("a.B#c(int, java.lang.String)  public void")).isEqualTo("a.B#c(int, java.lang.String)");
        assertThat(ApiListing.key("a.B")).isEqualTo("a.B");
    }

    @Test
    void order_typeLineBeforeItsMembersBeforeItsNestedTypes() {
        List<String> lines = new java.util.ArrayList<>(List.of("a.B$C  public class C", "a.B#x()  public void",
                "a.BD  public class BD", "a.B  public class B"));
        lines.sort(ApiListing.ORDER);
        assertThat(lines).containsExactly("a.B  public class B", "a.B#x()  public void", "a.B$C  public class C",
                "a.BD  public class BD");
    }

    @Test
    void of_missingPackage_refusedWithItsName() {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> ApiListing.of(Path.of("target/classes"),
                getClass().getClassLoader(), List.of("no.such.pkg"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no classes of package no.such.pkg");
    }
}
