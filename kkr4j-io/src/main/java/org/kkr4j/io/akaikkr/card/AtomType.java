package org.kkr4j.io.akaikkr.card;

import java.util.List;
import java.util.Objects;

/**
 * A site type ({@code type ncmp rmt field lmxtyp} followed by its components). ncmp is
 * {@code components.size()}.
 *
 * @param name       the type name, case-sensitive, as written (specx truncates it to the version's length)
 * @param rmt        muffin-tin radius in units of a (0: automatic)
 * @param field      local external field
 * @param lmxtyp     l_max of this type
 * @param components at least one component
 */
public record AtomType(String name, double rmt, double field, int lmxtyp, List<Component> components) {

    public AtomType {
        Objects.requireNonNull(name, "name");
        components = List.copyOf(components);
    }

    public int ncmp() {
        return components.size();
    }
}
