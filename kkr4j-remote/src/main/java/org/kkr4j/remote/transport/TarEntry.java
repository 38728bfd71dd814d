package org.kkr4j.remote.transport;

/**
 * One member of a tar stream as the reader saw it (after GNU long-name and PAX records were applied).
 *
 * @param name      the member's path inside the archive, as written (may start with "./")
 * @param type      what the member is
 * @param sizeBytes the length of the member's data (0 for anything but a regular file)
 * @param mode      the permission bits (low 12 bits of the header's mode field)
 * @param mtimeSeconds modification time, seconds since the epoch
 * @param linkName  the target of a hard or symbolic link, else ""
 */
record TarEntry(String name, Type type, long sizeBytes, int mode, long mtimeSeconds, String linkName) {
    enum Type { FILE, DIRECTORY, SYMLINK, HARDLINK, OTHER }
}
