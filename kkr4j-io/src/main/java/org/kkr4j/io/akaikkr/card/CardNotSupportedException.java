package org.kkr4j.io.akaikkr.card;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A card that cannot be written for (or converted to) the requested AkaiKKR version, with every
 * ERROR problem that stands in the way.
 */
public class CardNotSupportedException extends RuntimeException {

    private final List<CardProblem> problems;

    public CardNotSupportedException(String what, List<CardProblem> problems) {
        this(what, distinct(problems));
    }

    private CardNotSupportedException(String what, Set<CardProblem> problems) {
        super(what + ":\n  " + problems.stream().map(CardProblem::toString).collect(Collectors.joining("\n  ")));
        this.problems = List.copyOf(problems);
    }

    /** The same problem found by two checks (e.g. converter and checker) is reported once. */
    private static Set<CardProblem> distinct(List<CardProblem> problems) {
        return new LinkedHashSet<>(problems);
    }

    public List<CardProblem> problems() {
        return problems;
    }
}
