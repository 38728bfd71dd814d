package org.kkr4j.io.akaikkr.card;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A card that cannot be written for (or converted to) the requested AkaiKKR version, with every
 * ERROR problem that stands in the way.
 */
public class CardNotSupportedException extends RuntimeException {

    private final List<CardProblem> problems;

    public CardNotSupportedException(String what, List<CardProblem> problems) {
        super(what + ":\n  " + problems.stream().map(CardProblem::toString).collect(Collectors.joining("\n  ")));
        this.problems = List.copyOf(problems);
    }

    public List<CardProblem> problems() {
        return problems;
    }
}
