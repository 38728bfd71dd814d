package org.kkr4j.io.akaikkr.output.modes;

/** The spin a printed block belongs to. */
public enum SpinChannel {
    UP,
    DOWN,
    /**
     * A non-magnetic ({@code magtyp=nmag}) run prints one set of blocks only. Its values are per
     * spin; the down channel is identical and is not printed.
     */
    NON_MAGNETIC
}
