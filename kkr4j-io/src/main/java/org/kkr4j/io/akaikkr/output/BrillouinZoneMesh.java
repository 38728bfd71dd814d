package org.kkr4j.io.akaikkr.output;

/**
 * A {@code last= np= nt=|ngpt= nrpt= nk= nd=} line. A field is null when it is not on the line
 * (cnd runs omit {@code nd=}) or unreadable.
 *
 * @param line     1-based line
 * @param last     {@code last=}
 * @param np       {@code np=}
 * @param nt       {@code nt=} or {@code ngpt=} (same quantity)
 * @param ntLabel  which label was printed: {@code nt} (cpa2002v010, 2022.0721) or {@code ngpt} (2021 family)
 * @param nrpt     {@code nrpt=}
 * @param nk       {@code nk=}: k-points
 * @param nd       {@code nd=}
 */
public record BrillouinZoneMesh(int line, Integer last, Integer np, Integer nt, String ntLabel, Integer nrpt,
                                Integer nk, Integer nd) {
}
