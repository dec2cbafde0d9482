package be.buurtstem.bot.service.export;

import be.buurtstem.bot.service.store.Store;
import be.buurtstem.bot.service.store.StoredQuestionnaires;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The analysts' export page ({@code /analyst/exports}): a form with the filters and a download button, which sends
 * the same file as the API ({@code /analyst/exports/file}); a filter that does not hold is shown on the form again
 * with its reason (400).
 */
@Controller
public class ExportPagesController {
    private final Exporter exporter;
    private final Store store;

    public ExportPagesController(Exporter exporter, Store store) {
        this.exporter = exporter;
        this.store = store;
    }

    @GetMapping("/analyst/exports")
    String page(Model model) {
        fill(model, Map.of());
        return "exports/page";
    }

    /** The parameters are {@link ExportParameters}' names (format: csv unless given). */
    @GetMapping("/analyst/exports/file")
    String file(ExportParameters asked, Model model, HttpServletResponse response) throws IOException {
        ExportParameters withFormat = asked.orFormat("csv");
        switch (ExportRequest.of(exporter.formats(), withFormat)) {
            case ExportRequest.Refused refused -> {
                response.setStatus(400);
                model.addAttribute("error", refused.message());
                fill(model, withFormat.values());
                return "exports/page";
            }
            case ExportRequest.Ready ready -> {
                ExportController.stream(exporter, ready.format(), ready.filter(), response);
                return null;
            }
        }
    }

    private void fill(Model model, Map<String, String> values) {
        TreeSet<String> ids = new TreeSet<>();
        for (StoredQuestionnaires.Version v : store.storedQuestionnaires().all()) {
            ids.add(v.id());
        }
        model.addAttribute("active", "exports");
        model.addAttribute("formats", exporter.formats().names());
        model.addAttribute("questionnaires", List.copyOf(ids));
        model.addAttribute("kinds", java.util.Arrays.stream(be.buurtstem.engine.model.Kind.values())
                .filter(be.buurtstem.engine.model.Kind::isQuestion).map(be.buurtstem.engine.model.Kind::yamlName)
                .toList());
        model.addAttribute("values", values);
    }
}
