package be.buurtstem.bot.service.export.qdpx;

import be.buurtstem.analysis.coding.Codebook;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a REFI-QDA project is made of, as {@link QdpxExport} reads it: the project's name, the codebook, and the
 * residents' free-text answers grouped per respondent and questionnaire. {@link #eachRespondent} is called several
 * times (the project file names users, codes and variables before cases and sources, and the text files come after
 * it), so it must give the same respondents in the same order each time, one at a time: never all in memory.
 */
public interface QdpxSource {
    /** The project's name, e.g. {@code Buurtstem: inclusieweb}. */
    String projectName();

    /** The codebook whose themes become codes (themes found on answers but not in it are added as codes too). */
    Codebook codebook();

    /** The language of the codes' names (their labels in every language go into each code's description). */
    String codeLanguage();

    /** Each respondent's answers to one questionnaire, respondents in a stable order. */
    void eachRespondent(Consumer<RespondentAnswers> action);

    /**
     * One resident's free-text answers to one questionnaire.
     *
     * @param respondent the pseudonymous respondent id (never a chat id or name)
     * @param variables  what is known of the resident (language, channel, area, age band...): variable → value
     * @param answers    in the order they were given
     */
    record RespondentAnswers(String respondent, String questionnaire, Map<String, String> variables,
                             List<CodedAnswer> answers) {
        public RespondentAnswers {
            variables = Map.copyOf(variables);
            answers = List.copyOf(answers);
        }
    }

    /** One free-text answer with the themes coded on it (effective: machine codes as analysts overruled them). */
    record CodedAnswer(String id, String question, String text, Instant at, List<AppliedTheme> themes) {
        public CodedAnswer {
            text = text == null ? "" : text;
            themes = List.copyOf(themes);
        }
    }

    /**
     * A theme on an answer and who put it there: the analyst whose decision confirmed or added it, or the machine
     * coder (e.g. {@code coder: combined}) when no analyst decided on it.
     */
    record AppliedTheme(String theme, String user, Instant at) {
    }
}
