package org.kkr4j.io.akaikkr.output;

import java.util.List;

/**
 * What a log prints before its first deck (its first mesh header or {@code data read in}).
 *
 * @param date           the date line as printed (e.g. {@code 24-Sep-2026}); null when absent
 * @param time           the time line (e.g. {@code 11:15:03}); null when absent
 * @param debugLines     {@code debug ...} lines of the 2022.0721 builds ({@code debug bnd2_type a}, {@code debug spmain go=cnd})
 * @param optionEchoes   {@code optnwrt:} lines before the first deck (later ones belong to their deck)
 * @param optionMessages option-reader complaints ({@code unknown token:}, {@code failed to read "end_option"},
 *                       {@code unknown array label...}), wherever they appear
 * @param messages       {@code ***wrn}/{@code ***msg}/{@code ***err} lines printed before the first deck
 */
public record Preamble(String date, String time, List<TextLine> debugLines, List<OptionEcho> optionEchoes,
                       List<OptionMessage> optionMessages, List<LogMessage> messages) {

    public Preamble {
        debugLines = List.copyOf(debugLines);
        optionEchoes = List.copyOf(optionEchoes);
        optionMessages = List.copyOf(optionMessages);
        messages = List.copyOf(messages);
    }
}
