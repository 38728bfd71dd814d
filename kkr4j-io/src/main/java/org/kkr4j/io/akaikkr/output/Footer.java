package org.kkr4j.io.akaikkr.output;

/**
 * The lines specx prints at the very end of a run. Present only when the log ends with them; an
 * {@code elapsed time} line in the middle of a log (cnd runs print one) is not a footer.
 *
 * @param firstLine       1-based line of the first footer line
 * @param totalCpuSec     {@code total cpu} (cpa2002v010 and the cnd build); null when not printed
 * @param elapsedSec      {@code elapsed time}; null when the line could not be read
 * @param threads         the thread count in {@code ( N threads)}; null when not printed
 * @param os              {@code OS:} (2021 release family); null when not printed
 * @param host            {@code Host:}; null when not printed
 * @param machine         {@code Machine:}; null when not printed
 * @param numberOfCores   {@code numcor:}; null when not printed
 */
public record Footer(int firstLine, Double totalCpuSec, Double elapsedSec, Integer threads, String os, String host,
                     String machine, Integer numberOfCores) {
}
