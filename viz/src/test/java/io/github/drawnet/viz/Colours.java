package io.github.drawnet.viz;

import java.awt.Color;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;

/** Colours read off figures, and how far apart two colours are, for tests that check a figure by its colours. */
final class Colours {

    private Colours() {}

    /** Returns the colour of the image's pixel at {@code p}. */
    static Color at(BufferedImage image, Point2D p) {
        return new Color(image.getRGB((int) p.getX(), (int) p.getY()));
    }

    /** Returns whether {@code c} is on the scheme's blue side: much more blue than red, and not near white. */
    static boolean deepBlue(Color c) {
        return c.getBlue() - c.getRed() > 80 && distance(c, Color.WHITE) > 100;
    }

    /** Returns whether {@code c} is on the scheme's orange side: much more red than blue, and not near white. */
    static boolean deepOrange(Color c) {
        return c.getRed() - c.getBlue() > 80 && distance(c, Color.WHITE) > 100;
    }

    /** Returns the largest difference of the two colours' channels, 0 to 255. */
    static int distance(Color a, Color b) {
        return Math.max(Math.abs(a.getRed() - b.getRed()), Math.max(Math.abs(a.getGreen() - b.getGreen()),
                Math.abs(a.getBlue() - b.getBlue())));
    }
}
