package org.kkr4j.replay;

/**
 * A recorded card near a card nobody recorded.
 *
 * @param recording          the recording holding the card
 * @param run                the run that read it
 * @param differingLines     lines of the longer card not in common (in order) with the other, after
 *                           normalising blanks: a changed, inserted or deleted line counts 1 (0 when the
 *                           cards differ only in blanks or line ends)
 * @param firstDifferingLine 1-based number of the first line that differs
 * @param recordedLine       that line in the recorded card; null when the recorded card is shorter
 * @param givenLine          that line in the given card; null when the given card is shorter
 */
public record CardNeighbour(Recording recording, Recording.Run run, int differingLines, int firstDifferingLine,
                            String recordedLine, String givenLine) {
}
