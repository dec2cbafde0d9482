package be.buurtstem.bot.service.export.qdpx;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the head of {@code project.qde} names before any case or source: the users (analysts who decided, the coder),
 * the themes (the codebook's, then any other label found on an answer) and the variables. Gathered in one pass over
 * the source; small sets (people, themes, segment names), whatever the number of answers.
 */
record ProjectOutline(List<String> users, List<String> themes, List<String> variables, long respondents) {
    static ProjectOutline scan(QdpxSource source) {
        Set<String> users = new TreeSet<>();
        Set<String> extra = new TreeSet<>();
        Set<String> variables = new TreeSet<>();
        Set<String> known = new LinkedHashSet<>(source.codebook().themeIds());
        long[] respondents = {0};
        source.eachRespondent(r -> {
            if (r.answers().isEmpty()) {
                return;
            }
            respondents[0]++;
            variables.addAll(r.variables().keySet());
            for (QdpxSource.CodedAnswer a : r.answers()) {
                for (QdpxSource.AppliedTheme t : a.themes()) {
                    users.add(t.user());
                    if (!known.contains(t.theme())) {
                        extra.add(t.theme());
                    }
                }
            }
        });
        List<String> themes = new ArrayList<>(known);
        themes.addAll(extra);
        return new ProjectOutline(List.copyOf(users), List.copyOf(themes), List.copyOf(variables), respondents[0]);
    }
}
