package io.github.drawnet.viz;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The streaming SVG writer: what each drawing command becomes, read back as shapes. */
final class SvgWriterTest {

    static String text(Figure f) throws Exception {
        return new String(FigureWriter.toSvg(f), StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @CsvSource({
        "0, 0", "-0.0, 0", "3, 3", "-12, -12", "0.5, 0.5", "64.08740234375, 64.08740234375",
        "0.823529411764706, 0.823529411764706", "0.1234567890123456789, 0.123456789012346", "1e-20, 0",
        "1.5e-7, 0.00000015", "12345678.25, 12345678.25", "1e17, 100000000000000000", "NaN, 0"})
    void format_double_plainAtMost15Decimals(double value, String expected) {
        assertThat(SvgWriter.format(value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "2.2, 2.2", "0.6, 0.6", "0.6916951, 0.691695", "-0.0, 0", "1.0E-7, 0"})
    void format_float_plainAtMost6Decimals(float value, String expected) {
        assertThat(SvgWriter.format(value)).isEqualTo(expected);
    }

    @Test
    void shapes_eachBecomesItsElement_withColourStrokeAndPosition() throws Exception {
        Figure f = new Figure("shapes", "shapes", 200, 100, g -> {
            g.setColor(new Color(10, 20, 30));
            g.setStroke(new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_BEVEL, 4f, new float[] {3f, 1.5f},
                    0f));
            g.draw(new Line2D.Double(1, 2, 30, 40));
            g.setColor(new Color(200, 0, 0, 128));
            g.fill(new Ellipse2D.Double(50, 60, 10, 4));
            g.fill(new Rectangle2D.Double(5.25, 6, 7, 8));
        }, Map.of());
        Svg svg = Svg.of(f);
        assertThat(svg.lines).hasSize(1);
        Svg.Line line = svg.lines.get(0);
        assertThat(new double[] {line.x1(), line.y1(), line.x2(), line.y2()}).containsExactly(1, 2, 30, 40);
        assertThat(line.style().stroke()).isEqualTo(new Color(10, 20, 30));
        assertThat(line.style().strokeWidth()).isEqualTo(2.5);
        assertThat(line.style().values()).containsEntry("stroke-linecap", "round").containsEntry("stroke-linejoin", "bevel")
                .containsEntry("stroke-dasharray", "3,1.5").containsEntry("fill", "none");
        Svg.Ellipse e = svg.ellipses.get(0);
        assertThat(new double[] {e.cx(), e.cy(), e.rx(), e.ry()}).containsExactly(55, 62, 5, 2);
        assertThat(e.style().fill()).isEqualTo(new Color(200, 0, 0));
        assertThat(e.style().values()).containsEntry("fill-opacity", "0.501960784313726").containsEntry("stroke", "none");
        assertThat(svg.rects).extracting(Svg.Rect::x).containsExactly(0.0, 5.25); // the white background, then ours
    }

    @Test
    void text_escapedAndStyled_atItsAnchor() throws Exception {
        Figure f = new Figure("t", "t", 300, 100, g -> {
            g.setColor(Color.BLUE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
            g.drawString("a < b & \"c\"", 12, 34);
        }, Map.of());
        Svg svg = Svg.of(f);
        Svg.Text t = svg.text("a < b & \"c\"");
        assertThat(t.x()).isEqualTo(12);
        assertThat(t.y()).isEqualTo(34);
        assertThat(t.style().fill()).isEqualTo(Color.BLUE);
        assertThat(t.style().fontSize()).isEqualTo(13);
        assertThat(t.style().bold()).isTrue();
        assertThat(text(f)).contains("a &lt; b &amp; \"c\"");
    }

    @Test
    void path_curvesAndClose_writtenAsPathData() throws Exception {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(1, 2);
        p.lineTo(3, 4);
        p.quadTo(5, 6, 7, 8);
        p.curveTo(9, 10, 11, 12, 13, 14);
        p.closePath();
        Figure f = new Figure("p", "p", 50, 50, g -> {
            g.setColor(Color.BLACK);
            g.fill(p);
        }, Map.of());
        assertThat(text(f)).contains("<path d=\"M1,2 L3,4 Q5,6 7,8 C9,10 11,12 13,14 Z\"");
    }

    @Test
    void transformAndClip_ofACopy_undoneWhenTheCopyIsDisposed() throws Exception {
        Figure f = new Figure("c", "c", 200, 200, g -> {
            g.setColor(Color.BLACK);
            Graphics2D copy = (Graphics2D) g.create();
            copy.translate(100, 50);
            copy.clip(new Rectangle2D.Double(0, 0, 20, 20));
            copy.draw(new Line2D.Double(0, 0, 10, 10));
            copy.dispose();
            g.drawString("outside", 5, 150);
        }, Map.of());
        String svg = text(f);
        Svg parsed = Svg.parse(svg.getBytes(StandardCharsets.UTF_8));
        Svg.Line line = parsed.lines.get(0);
        assertThat(new double[] {line.x1(), line.y1(), line.x2(), line.y2()}).containsExactly(100, 50, 110, 60);
        Svg.Text outside = parsed.text("outside");
        assertThat(new double[] {outside.x(), outside.y()}).containsExactly(5, 150);
        // the text comes after the clipped group has closed
        int text = svg.indexOf(">outside<");
        String before = svg.substring(0, text);
        assertThat(before.lastIndexOf("</g>")).isGreaterThan(before.lastIndexOf("clip-path"));
        assertThat(svg).contains("<clipPath id=\"");
    }

    @Test
    void image_embeddedAsPngOfTheSamePixels() throws Exception {
        BufferedImage raster = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        raster.setRGB(0, 0, 0xff0000);
        raster.setRGB(2, 1, 0x00ff00);
        Figure f = new Figure("i", "i", 100, 100, g -> g.drawImage(raster, 10, 20, 30, 40, null), Map.of());
        String svg = text(f);
        Matcher m = Pattern.compile("<image x=\"10\" y=\"20\" width=\"30\" height=\"40\" preserveAspectRatio=\"none\""
                + " xlink:href=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(svg);
        assertThat(m.find()).isTrue();
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1))));
        assertThat(back.getWidth()).isEqualTo(3);
        assertThat(back.getRGB(0, 0) & 0xffffff).isEqualTo(0xff0000);
        assertThat(back.getRGB(2, 1) & 0xffffff).isEqualTo(0x00ff00);
        assertThat(back.getRGB(1, 0) & 0xffffff).isZero();
    }

    @Test
    void document_headerAndSize() throws Exception {
        String svg = text(new Figure("d", "d", 120, 60, g -> {}, Map.of()));
        assertThat(svg).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n")
                .contains("width=\"120px\" height=\"60px\" viewBox=\"0 0 120 60\"").endsWith("</svg>\n");
    }
}
