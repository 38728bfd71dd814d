package org.kkr4j.replay;

/**
 * An input file a recorded run read that is not in the working directory as recorded.
 *
 * @param recording      the recording of the run
 * @param run            the run whose card matched
 * @param path           the file, relative to the working directory
 * @param expectedSha256 lowercase hex SHA-256 the run read
 * @param foundSha256    lowercase hex SHA-256 of the file in the working directory; null when there is no
 *                       readable regular file
 * @param problem        what is wrong, for messages ("missing", "has a different content", ...)
 */
public record InputMismatch(Recording recording, Recording.Run run, String path, String expectedSha256,
                            String foundSha256, String problem) {
}
