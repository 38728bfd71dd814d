package org.kkr4j.automation;

import java.util.List;

/** The core levels of one CPA component (one element on one type) of a go log. */
public record ComponentCoreLevels(String typeName, String element, int atomicNumber,
                                  List<CoreLevelEvidence> levels) {
    public ComponentCoreLevels {
        levels = List.copyOf(levels);
    }
}
