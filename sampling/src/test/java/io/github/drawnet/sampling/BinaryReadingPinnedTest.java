package io.github.drawnet.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.drawnet.api.DataSplits;
import io.github.drawnet.api.Dataset;
import io.github.drawnet.api.Drawing;
import io.github.drawnet.api.LabelMode;
import io.github.drawnet.api.SampleSizes;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Two-class drawings read and sampled exactly as before drawings in colours were read as classes:
 * the hashes below were computed with the reader and sampler of main at 998bfc0, before that change,
 * on the notebook's four drawings ({@code ../shared/anchor/drawings}, copied under {@code anchor/}),
 * the two-class presets, and the blob in other inks and on an opaque background. The blob in one ink
 * on coloured paper was pinned with the reader of 0c43d3a, before an opaque drawing's background became
 * the border's colour (issue 24): one ink colour on any paper is still read by its darkness.
 */
final class BinaryReadingPinnedTest {

    /** SHA-256 of the coverage values' float bits, row by row: equal only when every value is. */
    static String floatBits(float[] values) throws NoSuchAlgorithmException {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4);
        for (float v : values) {
            b.putInt(Float.floatToRawIntBits(v));
        }
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.array()));
    }

    /** SHA-256 of the splits' points and labels, as doubles, in order. */
    static String points(DataSplits s) throws NoSuchAlgorithmException {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (Dataset d : new Dataset[] {s.train(), s.validation(), s.test()}) {
            ByteBuffer b = ByteBuffer.allocate(d.size() * 24);
            for (int i = 0; i < d.size(); i++) {
                b.putDouble(d.x1(i)).putDouble(d.x2(i)).putDouble(d.label(i));
            }
            md.update(b.array());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    static Drawing drawing(String source) throws IOException {
        String[] kind = source.split("/");
        if (kind[0].equals("preset")) {
            return Preset.fromId(kind[1]).drawing();
        }
        try (InputStream in = BinaryReadingPinnedTest.class.getResourceAsStream("/anchor/" + kind[1] + ".png")) {
            return DrawingReader.read(in, kind[1] + ".png");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "anchor/blob, 28449e781ffcd3bad2e5835dc34055bef1ff87f47413cc5f30f52446576e0b04, a489d5f1feb5e2e318741ba3b2c29fd16eadff9d52d5fb6bb775757e554570d7, cfcd15153e273c0acef8f8103f784c9e41e5cbb6f52e51267d2d507a049cb5c6, 17938fefc0178c231b7fc803b8392f109829eaa1c3fa0e4011680b720cbd486f",
        "anchor/halfplane, c826ecf467176f8ceceee2785c09f529eb67bcda4750854eba6c779c22a6699e, 36a7c141190853c9af54409f0cb41d4fe96dbb5ee869a11636ac9ca19e503ca8, 60bb66022cdb2a0d0217f471dc22697e6c7e856e3d4992d24ad8eef9d9ccb006, 3df3879f024de287e13a46c944729f541d3e554b64d2db8ab20915ed96c5f032",
        "anchor/ring, bb3ef1ad96b9bc25245e8a332d34e205e8a46fc04b74b20d6fdbb72ddfb07106, 730f915c69e4f0ca42052bb6d1ff6fc2ca746bc5a26f9c3b8f8f7243a2be896a, e78eff12cb503117ace3b3b5d52fc22cda946a2e9a2b0659ed8bb6f3d1edf664, 682c2fb0e1258034103fbfdef5be3f80477cbf09ef4175700263eb4498d8c8b4",
        "anchor/xor, 5d49190c070ff17d23c0b4e338bd1622a13ab880799ba41c46bf9a0205a0105c, b04bab64e891a2f47295929b14e1a986908cd0f0bd9a67f770911a09d3b618b5, c8572eddbd1be3d0621321e27cdafcbd04090bc42bb56b0c9977476179cecd52, e5f5a7e6e228a9b6a6dc31a10fe7aae4ba7c4bb4f8080dcb39f79b44ae1567ab",
        "preset/blob, 6e58e76cca54f964949ff4dfe1ce424696390a5079ea05c47bf901595bb48cf8, fbaf22a4c47d8b2849678fcbc725b3b29adb3ce1966647a56bb0aff3a08f13f4, f0816e428ae7f70c3627dcdc8c043caf902f5197d423f9cb777ed1283ecdc18c, ea16881f7d5997d3c6077406bf97061ca6bdc4c03be98dca2c872793f88dcbda",
        "preset/ring, 3105f38b666887616598dc8b0dff8de0529738cc091c4b4f6a1ac9902e6f639b, 819d8f825394518264a7ab54272845dce5496e0e2f67b1e768486320041c11ef, 5c499a6d0607e4e656d585ee99f0613886fa2f769b1743331f338430bc5749cf, 4825cf58a6163b5553ed8415c9bbca7487e7abc1cdc424f27d63bcefafd20233",
        "preset/xor, 5ccac04f9c5db5a537dc274d506dd6bb0a3ac37c98b1171a2d178d70b1b04d3e, 323de90fb115021ceac9f8dd665a74be1c73079eda3a6af103954bf245c611c0, c8572eddbd1be3d0621321e27cdafcbd04090bc42bb56b0c9977476179cecd52, 48a5b20617cd020ced361a1bb161fd4afc985d22b712def6e1c48ed6c286bc8b",
        "preset/halfplane, 68341729f7e82427ad92bd6ed3c5e393897848a14c62bdb3492edb986ef95aeb, ac75c80efa663490ff7dc84adc58225352d19d16f3066c853b5d0cef54f435dc, 20b2dea3c1b4b23448c6e6eb6dc098108b3d22a9558ba4a6081291cd50847e94, d6d29835afa727666d9ba7fab60ddc82acb34bdd5a273d86d1d4b4e054ac00ea",
        "preset/spiral, 23b89905fd28f68477a7cfcee9e4300cff9d234c1497c2a1540f0c10e190724e, 011f5cd3ea81303d5c1da4cd8f331db915067d2f36deec7cc6c7be2284f7dfa2, 0eacf04b04f544f652c45f0641b8cad0978037ff305c38907a23e39502a3f7cb, 806e4e0e36a56e83fceeb393e31d097ef448df5e244bb8cbbada69bbcb957544",
        "preset/moons, 8f6fb09058c0c0b4ac028c55a715367b8e6b21ee4fbd96bdab5e05e2c76584a2, af2c164b5ea6fcbd4163d52fb84b0cb1f83f0e2b7b705af9fa5392929d0533c5, afbc11d38df385add5aaea1e5f7b5ac8c2c6c7d917368b70d132d675077928c7, d1cb0a5b146bae756ddadd89ac848cd80ea53f51794819cefca91a86d285fc34"})
    void readAndSample_twoClassDrawing_sameAsBeforeClassesInColours(String source, String sha256, String coverage,
            String binarySplits, String softSplits) throws Exception {
        Drawing d = drawing(source);
        assertThat(d.classCount()).isEqualTo(2);
        assertThat(d.sha256()).isEqualTo(sha256);
        assertThat(floatBits(d.coverage())).isEqualTo(coverage);
        // seed 0 with 10% noise, and soft labels from seed 3: every point, every label
        assertThat(points(Sampler.sample(d, SampleSizes.notebook(), 0, LabelMode.BINARY, 0.1))).isEqualTo(binarySplits);
        assertThat(points(Sampler.sample(d, SampleSizes.notebook(), 3, LabelMode.SOFT, 0))).isEqualTo(softSplits);
    }

    static BufferedImage onWhite(BufferedImage src) {
        return onPaper(src, 0xffffff);
    }

    static BufferedImage onPaper(BufferedImage src, int paper) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(new Color(paper));
        g.fillRect(0, 0, src.getWidth(), src.getHeight());
        g.drawImage(src, 0, 0, null);
        g.dispose();
        return out;
    }

    static BufferedImage inInk(BufferedImage src, int rgb) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < src.getHeight(); y++) {
            for (int x = 0; x < src.getWidth(); x++) {
                out.setRGB(x, y, (src.getRGB(x, y) & 0xFF000000) | rgb);
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "black on white, fbaf22a4c47d8b2849678fcbc725b3b29adb3ce1966647a56bb0aff3a08f13f4",
        "orange on transparent, fbaf22a4c47d8b2849678fcbc725b3b29adb3ce1966647a56bb0aff3a08f13f4",
        "orange on white, 845f149f91064a712d86d5fd0989df4d843213c0b1749c95129b79345570e159",
        "black on light yellow, 8e3a418043a9c0455cf4379a70682e4b3da487c67032a4fbb7212be6578cf0ea",
        "orange on light yellow, 4a4b886478382b8de36adbe7425cf4aa9946840d6e32f260c82e76156d883194",
        "white on navy, 4c347a43e03c21ec7841328a05823b968484bc581420952fecd7a915d806f1b6",
        "yellow on navy, 2e6318a16f146ab99626d261a9d374e3ef382a2f55dc51530088d3de2cf6356b"})
    void read_blobInOneInk_coverageAsBefore(String variant, String coverage) throws Exception {
        BufferedImage blob = Preset.BLOB.image();
        BufferedImage image = switch (variant) {
            case "black on white" -> onWhite(blob);
            case "orange on transparent" -> inInk(blob, 0xd55e00);
            case "orange on white" -> onWhite(inInk(blob, 0xd55e00));
            case "black on light yellow" -> onPaper(inInk(blob, 0x000000), 0xfff3b0);
            case "orange on light yellow" -> onPaper(inInk(blob, 0xd55e00), 0xfff3b0);
            // the navy board is the darker, so the darkness rule reads it as the ink, as it always has
            case "white on navy" -> onPaper(inInk(blob, 0xffffff), 0x1f2a44);
            default -> onPaper(inInk(blob, 0xf0e442), 0x1f2a44);
        };
        Drawing d = DrawingReader.fromImage(image, "blob.png");
        assertThat(d.classCount()).isEqualTo(2);
        assertThat(floatBits(d.coverage())).isEqualTo(coverage);
    }
}
