package org.kkr4j.structure.akaikkr;

/**
 * A structure that cannot be converted to or from an AkaiKKR card as asked. {@link #field()} names the
 * offending item ({@code type[2].component[1].anclr}, {@code site[3]}, {@code brvtyp} ...).
 */
public class AkaiConversionException extends IllegalArgumentException {

    private final String field;

    public AkaiConversionException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
