package io.github.drawnet.viz;

import io.github.drawnet.api.ExperimentResult;
import java.util.Locale;

/**
 * What each part of the report shows, in plain words a student understands: one or two sentences
 * per figure, the colours called by their names ({@link ColourNames}). The technical terms go to the
 * report's "technical details" lines, whose texts are here too.
 *
 * <p>Thread-safe (stateless).
 */
final class PlainWords {

    private static final String BLUE = ColourNames.POSITIVE.name();
    private static final String ORANGE = ColourNames.NEGATIVE.name();

    static final String CONFIGURATION = "What was tried: the drawing, how many points were picked from it, how big the"
            + " network is and how it learned. The same settings and seed give the same result again.";

    static final String EPOCHS = "An epoch is one pass over all the training points. After each, the network was"
            + " checked on the training points and on the validation points, which it never learns from.";

    static final String WEIGHTS = "The numbers the network learned. Each unit multiplies each of its inputs by a"
            + " weight, adds them up with its bias, and passes the sum through its activation; the next layer does the"
            + " same with these units' answers.";

    static final String CURVES = "Left: the share of points the network gets right after each epoch. Right: the"
            + " loss, how wrong it is on average (lower is better). Solid lines are the training points, dashed lines"
            + " the validation points: when the dashed line stops improving, more epochs no longer help.";

    static final String BOUNDARY = "The network's answer over the whole plane: " + BLUE + " where it says class 1, "
            + ORANGE + " where it says class 0, white where it is unsure. The red line is where its answer changes;"
            + " crosses mark the test points it got wrong.";

    static final String CONFUSION = "Each row is the class a test point really has, each column the class the network"
            + " gave it: the counts on the diagonal are right, the others are mix-ups between two classes.";

    static final String CLASS_MAP = "The network's answer over the whole plane: each place in the colour of the class"
            + " it thinks most likely, paler where it is less sure. Black lines are where the answer changes; crosses"
            + " mark the test points it got wrong.";

    static final String CLASS_PROBABILITIES = "One map per class: how likely the network thinks each place belongs to"
            + " that class, from white (not at all) to the class's full colour (sure).";

    private PlainWords() {}

    /** Returns the result in one sentence: how many test points the network got right, as a percentage. */
    static String headline(ExperimentResult r) {
        return String.format(Locale.ROOT, "The network got %.1f%% of the %,d test points right: points it never saw"
                + " while learning.", 100 * r.test().accuracy(), r.data().test().size());
    }

    static String drawing(boolean multi) {
        return multi ? "The picture the network must learn: each colour drawn is a class, and the grey is the"
                + " background, a class of its own."
                : "The picture the network must learn: " + BLUE + " where it was drawn (class 1), " + ORANGE
                        + " where it was not (class 0), on the same colours as the network's answer further down.";
    }

    static String trainingData(boolean multi) {
        return multi ? "The points the network learns from (and, beside them, the points kept apart to check it),"
                + " picked at random on the drawing, each in the colour of its class."
                : "The points the network learns from, picked at random on the drawing: " + BLUE + " points lie where"
                        + " it was drawn (class 1), " + ORANGE + " points where it was not (class 0).";
    }

    static String network(boolean multi) {
        return "Each circle is a unit and each line a weight: " + BLUE + " lines add, " + ORANGE + " dashed lines"
                + " subtract, and thicker lines count more. The grey circles are the biases, always 1."
                + (multi ? " The output has one unit per class, in the class's colour." : "");
    }

    static String unitMaps(ExperimentResult r) {
        boolean multi = ClassView.isMulti(r);
        String units = r.spec().hidden().isEmpty() ? "This network has no hidden units, so only its output is shown."
                : "Each square is one hidden unit over the plane: " + BLUE + " where its answer is high, " + ORANGE
                        + " where it is low, white in between.";
        return units + (multi ? " The last square is the output: each place in its most likely class's colour."
                : " The last square is the output, made from them: " + BLUE + " where the network says class 1.");
    }

    static String unitMapsDetails(ExperimentResult r) {
        int n = r.gridResolution();
        String activation = r.spec().activation().id();
        return String.format(Locale.ROOT, "Each map is one forward pass over a %d x %d grid of the plane. The hidden"
                + " units use the %s activation, coloured white at %s; the output is %s.", n, n, activation,
                NotebookVisualizer.neutral(r.spec().activation()) == 0 ? "0" : "0.5",
                ClassView.isMulti(r) ? "a softmax over the classes" : "a sigmoid, white at probability 0.5");
    }

    static String curvesDetails(boolean multi) {
        return "Accuracy counts a point right when the predicted " + (multi ? "class (the most likely) is its class"
                : "probability is on its side of 0.5") + ". The loss is the "
                + (multi ? "cross-entropy of the softmax" : "binary cross-entropy") + ", on a log scale.";
    }

    static String testSet(boolean multi) {
        return "The test points were kept apart: the network never learned from them, so this is how well it does on"
                + " new points. " + (multi ? "The table says, for each class, how many of its points it got right."
                : "The table counts its answers: the diagonal (label 1 said 1, label 0 said 0) is right.");
    }
}
