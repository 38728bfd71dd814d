package org.kkr4j.automation.scf;

import java.util.Locale;
import org.kkr4j.io.akaikkr.card.CardDeck;

/** The SCF settings a go run uses besides ewidth: contour spacing, k points, iteration limit and mixing. */
record ScfControls(double edeltRy, String bzqlty, int maxitr, double pmix) {

    static ScfControls of(CardDeck deck) {
        return new ScfControls(deck.edeltRy(), deck.bzqlty(), deck.maxitr(), deck.pmix());
    }

    ScfControls withEdelt(double e) {
        return new ScfControls(e, bzqlty, maxitr, pmix);
    }

    ScfControls withBzqlty(String b) {
        return new ScfControls(edeltRy, b, maxitr, pmix);
    }

    ScfControls withMaxitr(int m) {
        return new ScfControls(edeltRy, bzqlty, m, pmix);
    }

    ScfControls withPmix(double p) {
        return new ScfControls(edeltRy, bzqlty, maxitr, p);
    }

    CardDeck applyTo(CardDeck deck, double ewidthRy) {
        return deck.withContour(edeltRy, ewidthRy).withScfControls(bzqlty, maxitr, pmix);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "edelt %.0e, bzqlty %s, maxitr %d, pmix %s", edeltRy, bzqlty, maxitr,
                pmix);
    }
}
