package io.github.drawnet.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.color.ICC_Profile;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The reader's pixels are {@code getRGB}'s, whichever way it gets them. */
final class DrawingReaderPixelsTest {

    static BufferedImage image(String kind) throws IOException {
        return switch (kind) {
            case "3BYTE_BGR" -> painted(new BufferedImage(37, 23, BufferedImage.TYPE_3BYTE_BGR));
            case "4BYTE_ABGR" -> painted(new BufferedImage(37, 23, BufferedImage.TYPE_4BYTE_ABGR));
            case "4BYTE_ABGR_PRE" -> painted(new BufferedImage(37, 23, BufferedImage.TYPE_4BYTE_ABGR_PRE));
            case "INT_RGB" -> painted(new BufferedImage(37, 23, BufferedImage.TYPE_INT_RGB));
            case "INT_ARGB" -> painted(new BufferedImage(37, 23, BufferedImage.TYPE_INT_ARGB));
            case "BYTE_INDEXED" -> painted(new BufferedImage(37, 23, BufferedImage.TYPE_BYTE_INDEXED));
            case "USHORT_GRAY" -> painted(new BufferedImage(37, 23, BufferedImage.TYPE_USHORT_GRAY));
            case "subimage of 3BYTE_BGR" -> painted(new BufferedImage(37, 23, BufferedImage.TYPE_3BYTE_BGR))
                    .getSubimage(5, 3, 20, 11);
            case "subimage of 4BYTE_ABGR" -> painted(new BufferedImage(37, 23, BufferedImage.TYPE_4BYTE_ABGR))
                    .getSubimage(1, 7, 30, 9);
            case "16-bit RGB" -> painted(new BufferedImage(new ComponentColorModel(ColorSpace.getInstance(
                    ColorSpace.CS_sRGB), false, false, Transparency.OPAQUE, DataBuffer.TYPE_USHORT),
                    new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                            Transparency.OPAQUE, DataBuffer.TYPE_USHORT).createCompatibleWritableRaster(37, 23),
                    false, null));
            case "4-bit samples in bytes" -> {
                // a ComponentColorModel of bytes whose samples have 4 bits: getRGB scales them to 8
                ComponentColorModel fourBits = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB),
                        new int[] {4, 4, 4}, false, false, Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
                yield painted(new BufferedImage(fourBits, fourBits.createCompatibleWritableRaster(37, 23), false, null));
            }
            case "linear RGB" -> {
                ComponentColorModel linear = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_LINEAR_RGB),
                        false, false, Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
                WritableRaster raster = linear.createCompatibleWritableRaster(37, 23);
                yield painted(new BufferedImage(linear, raster, false, null));
            }
            case "PNG, RGB" -> decoded(painted(new BufferedImage(37, 23, BufferedImage.TYPE_INT_RGB)));
            case "PNG, RGBA" -> decoded(painted(new BufferedImage(37, 23, BufferedImage.TYPE_INT_ARGB)));
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** Paints every pixel a seeded random colour and alpha (as the image can keep them). */
    static BufferedImage painted(BufferedImage image) {
        SplittableRandom random = new SplittableRandom(7);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        return image;
    }

    static BufferedImage decoded(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"3BYTE_BGR", "4BYTE_ABGR", "4BYTE_ABGR_PRE", "INT_RGB", "INT_ARGB", "BYTE_INDEXED",
        "USHORT_GRAY", "subimage of 3BYTE_BGR", "subimage of 4BYTE_ABGR", "16-bit RGB", "4-bit samples in bytes",
        "linear RGB", "PNG, RGB", "PNG, RGBA"})
    void argb_anyImage_sameAsGetRgb(String kind) throws IOException {
        BufferedImage image = image(kind);
        int[] expected = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        assertThat(DrawingReader.argb(image)).containsExactly(expected);
    }

    /** {@code image}'s pixels in an image of its type whose getRGB of a whole area refuses to be called. */
    static BufferedImage withoutGetRgb(BufferedImage image) {
        return new BufferedImage(image.getColorModel(), image.copyData(null), false, null) {
            @Override
            public int[] getRGB(int x, int y, int w, int h, int[] out, int offset, int scan) {
                throw new AssertionError("getRGB called");
            }
        };
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"3BYTE_BGR", "4BYTE_ABGR", "PNG, RGB", "PNG, RGBA"})
    void argb_eightBitSrgb_readFromTheRasterWithoutGetRgb(String kind) throws IOException {
        // what the fast path is for: 8-bit RGB and RGBA PNGs, read without getRGB, the same pixels
        BufferedImage image = image(kind);
        int[] expected = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        assertThat(DrawingReader.argb(withoutGetRgb(image))).containsExactly(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PNG, RGB", "PNG, RGBA"})
    void argb_decodedPngs_areWhatIsReadFast(String kind) throws IOException {
        // the images the fast path is for: ImageIO decodes 8-bit PNGs to these two types
        assertThat(image(kind).getType()).isIn(BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR);
    }

    /**
     * Returns a PNG of {@code w} x {@code h} seeded random samples, written byte by byte: every colour
     * type and bit depth a PNG may have, which ImageIO decodes to as many kinds of image (greys of 1 to
     * 16 bits, grey and alpha, RGB and RGBA of 8 and 16 bits, palettes of 1 to 8 bits).
     *
     * @param colourType PNG's: 0 grey, 2 RGB, 3 palette, 4 grey and alpha, 6 RGBA
     * @param extra {@code tRNS} (a transparent grey or colour, or a palette's alphas) or {@code iCCP}
     *     (an ICC profile of linear RGB), or empty
     */
    static byte[] png(int w, int h, int colourType, int bitDepth, String extra) throws IOException {
        int samples = switch (colourType) {
            case 0, 3 -> 1;
            case 4 -> 2;
            case 2 -> 3;
            case 6 -> 4;
            default -> throw new IllegalArgumentException("colour type " + colourType);
        };
        SplittableRandom random = new SplittableRandom(colourType * 100L + bitDepth);
        int max = (1 << bitDepth) - 1;
        int entries = colourType == 3 ? 1 << bitDepth : 0;
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        int rowBytes = (w * samples * bitDepth + 7) / 8;
        for (int y = 0; y < h; y++) {
            raw.write(0); // no filter
            byte[] row = new byte[rowBytes];
            for (int i = 0, bit = 0; i < w * samples; i++, bit += bitDepth) {
                // a few samples at the ends of the range (the tRNS colour, 0 and full), the rest anywhere
                int v = random.nextInt(4) == 0 ? (random.nextBoolean() ? 0 : max) : random.nextInt(max + 1);
                if (bitDepth == 16) {
                    row[bit / 8] = (byte) (v >> 8);
                    row[bit / 8 + 1] = (byte) v;
                } else {
                    row[bit / 8] |= (byte) (v << (8 - bitDepth - bit % 8));
                }
            }
            raw.write(row);
        }
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(idat)) {
            raw.writeTo(z);
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(png);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream header = new DataOutputStream(ihdr);
        header.writeInt(w);
        header.writeInt(h);
        header.write(new byte[] {(byte) bitDepth, (byte) colourType, 0, 0, 0});
        chunk(out, "IHDR", ihdr.toByteArray());
        if (extra.equals("iCCP")) {
            ByteArrayOutputStream iccp = new ByteArrayOutputStream();
            iccp.write("linear".getBytes(StandardCharsets.ISO_8859_1));
            iccp.write(new byte[] {0, 0});
            try (DeflaterOutputStream z = new DeflaterOutputStream(iccp)) {
                z.write(ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData());
            }
            chunk(out, "iCCP", iccp.toByteArray());
        }
        if (colourType == 3) {
            byte[] palette = new byte[3 * entries];
            for (int i = 0; i < palette.length; i++) {
                palette[i] = (byte) random.nextInt(256);
            }
            chunk(out, "PLTE", palette);
        }
        if (extra.equals("tRNS")) {
            byte[] trns;
            if (colourType == 3) {
                trns = new byte[entries];
                for (int i = 0; i < entries; i++) {
                    trns[i] = (byte) (i % 3 == 0 ? 0 : random.nextInt(256));
                }
            } else {
                // the transparent grey or colour: the full sample, which the pixels above often have
                trns = new byte[2 * (colourType == 0 ? 1 : 3)];
                for (int i = 0; i < trns.length; i += 2) {
                    trns[i] = (byte) (max >> 8);
                    trns[i + 1] = (byte) max;
                }
            }
            chunk(out, "tRNS", trns);
        }
        chunk(out, "IDAT", idat.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt(data.length);
        out.write(name);
        out.write(data);
        out.writeInt((int) crc.getValue());
    }

    @ParameterizedTest(name = "colour type {0}, {1} bits {2}")
    @CsvSource({
        "0, 1, ''", "0, 2, ''", "0, 4, ''", "0, 8, ''", "0, 16, ''", "0, 8, tRNS", "0, 16, tRNS",
        "4, 8, ''", "4, 16, ''",
        "2, 8, ''", "2, 16, ''", "2, 8, tRNS", "2, 16, tRNS", "2, 8, iCCP",
        "3, 1, ''", "3, 2, ''", "3, 4, ''", "3, 8, ''", "3, 8, tRNS", "3, 4, tRNS",
        "6, 8, ''", "6, 16, ''", "6, 8, iCCP"})
    void argb_everyKindOfPng_sameAsGetRgb(int colourType, int bitDepth, String extra) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png(41, 17, colourType, bitDepth, extra)));
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(41);
        int[] expected = image.getRGB(0, 0, 41, 17, null, 0, 41);
        assertThat(DrawingReader.argb(image)).containsExactly(expected);
    }
}
