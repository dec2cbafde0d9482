package be.buurtstem.bot.cli;

import be.buurtstem.analysis.answers.Answer;
import be.buurtstem.analysis.buurtkaart.MapAnswer;
import be.buurtstem.analysis.buurtkaart.NeighbourhoodMap;
import be.buurtstem.analysis.buurtkaart.ResidentMap;
import be.buurtstem.analysis.buurtkaart.SharedMap;
import be.buurtstem.bot.files.AnswerReader;
import be.buurtstem.bot.service.buurtkaart.BundledBuurtkaart;
import be.buurtstem.bot.service.buurtkaart.MapLegend;
import be.buurtstem.bot.service.buurtkaart.SharedMapPicture;
import be.buurtstem.bot.service.buurtkaart.SharedMaps;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code buurtkaart --input F --output map.png [--segment f=v] [--lang L]}: the organisers' neighbourhood map from an
 * answer file. One record per answer of the buurtkaart's repeat group: {@code respondent}, {@code question}
 * ({@code entry_name}, {@code entry_type}, {@code entry_domain}, {@code closeness}, {@code give_receive},
 * {@code influence}, {@code energy}), {@code round} (the repeat round: one named person or place), and the option id
 * in {@code value} (or in {@code text}; for {@code entry_name} the name in {@code text}). Other fields are segments.
 */
@Command(name = "buurtkaart", mixinStandardHelpOptions = true,
        description = {"The neighbourhood's map from the residents' buurtkaart answers: where people find energy,"
                + " what drains them, who the bridge figures are. People are counted, never named; a place is named"
                + " once at least " + SharedMap.MIN_RESIDENTS + " residents named it."},
        exitCodeOnInvalidInput = 2, exitCodeOnExecutionException = 1)
public final class BuurtkaartCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "F", description = "answers: JSON Lines, CSV or TSV")
    Path input;

    @Option(names = "--output", required = true, paramLabel = "PNG", description = "the picture to write (.png)")
    Path output;

    @Option(names = "--segment", paramLabel = "FIELD=VALUE", description = "only residents with this value, e.g. area=noord")
    List<String> segment = new ArrayList<>();

    @Option(names = "--lang", paramLabel = "L", defaultValue = "nl",
            description = "language of the picture's words: nl, fr, ar, tr, en (default nl)")
    String lang;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, String> filter = new LinkedHashMap<>();
        for (String s : segment) {
            int eq = s.indexOf('=');
            if (eq <= 0 || eq == s.length() - 1) {
                return CommandInput.refuse(err, "--segment " + s + ": write it as FIELD=VALUE, e.g. area=noord", 2);
            }
            filter.put(s.substring(0, eq).strip(), s.substring(eq + 1).strip());
        }
        if (!output.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png")) {
            return CommandInput.refuse(err, output + ": the output is a PNG picture; name it ….png", 2);
        }
        Optional<Read> found = CommandInput.read(err, () -> read(input));
        if (found.isEmpty()) {
            return 1;
        }
        Read read = found.get();
        SharedMap shared = SharedMaps.shared(read.maps(), filter);
        MapLegend legend = MapLegend.of(BundledBuurtkaart.survey(), lang);
        try {
            Files.write(output, SharedMapPicture.png(shared, legend, SharedMapPicture.describe(filter)));
        } catch (IOException e) {
            return CommandInput.refuse(err, output + ": cannot be written (" + e.getMessage() + ")", 1);
        }
        out.println(output + ": " + shared.residents() + " residents' maps, " + shared.places().size()
                + " places named by " + SharedMap.MIN_RESIDENTS + " or more"
                + (read.skipped() > 0 ? "; " + read.skipped() + " records without respondent or round skipped" : ""));
        out.flush();
        return 0;
    }

    record Read(List<ResidentMap> maps, long skipped) {
    }

    /** The file's records, respondent by respondent, as their maps. */
    static Read read(Path file) throws IOException {
        Map<String, List<MapAnswer>> answers = new LinkedHashMap<>();
        Map<String, Map<String, String>> segments = new LinkedHashMap<>();
        long skipped = 0;
        try (AnswerReader in = AnswerReader.open(file)) {
            for (Answer a : in) {
                String round = a.segments().get("round");
                if (a.respondent() == null || a.question() == null || round == null || !round.matches("\\d{1,4}")) {
                    skipped++;
                    continue;
                }
                String value = a.segments().getOrDefault("value", a.text());
                answers.computeIfAbsent(a.respondent(), r -> new ArrayList<>())
                        .add(new MapAnswer(a.question(), Integer.parseInt(round), value));
                Map<String, String> s = segments.computeIfAbsent(a.respondent(), r -> new LinkedHashMap<>());
                a.segments().forEach((k, v) -> {
                    if (!k.equals("round") && !k.equals("value") && v != null && !v.isBlank()) {
                        s.put(k, v);
                    }
                });
                if (a.language() != null) {
                    s.put("language", a.language());
                }
            }
        }
        List<ResidentMap> maps = new ArrayList<>();
        answers.forEach((r, list) -> maps.add(new ResidentMap(r, segments.get(r), NeighbourhoodMap.of(list))));
        return new Read(maps, skipped);
    }
}
