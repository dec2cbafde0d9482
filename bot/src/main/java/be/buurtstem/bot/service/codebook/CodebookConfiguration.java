package be.buurtstem.bot.service.codebook;

import be.buurtstem.bot.service.coding.BundledCoding;
import be.buurtstem.bot.service.coding.Coders;
import be.buurtstem.bot.service.coding.DecisionStore;
import be.buurtstem.bot.service.coding.Learning;
import be.buurtstem.bot.service.saturation.SaturationService;
import be.buurtstem.bot.service.store.Store;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The analysts' codebook (issue 13): the effective codebook every part reads, its edits and its page. */
@Configuration(proxyBeanMethods = false)
public class CodebookConfiguration {

    @Bean
    EffectiveCodebook effectiveCodebook(Store store) {
        return new EffectiveCodebook(BundledCoding.book().codebook(), store.codebooks());
    }

    @Bean
    CodebookService codebookService(Store store, EffectiveCodebook effective, Coders coders, DecisionStore decisions,
                                    Learning learning, SaturationService saturation) {
        return new CodebookService(store, effective, coders, decisions, learning, saturation, Clock.systemUTC());
    }

    @Bean
    ThemeCounts themeCounts(Store store, DecisionStore decisions) {
        return new ThemeCounts(store, decisions);
    }

    /** An edit a stop left halfway (a merge's relabelling, a split's marks) is finished once the service is up. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> finishCodebookEdits(CodebookService codebook) {
        return event -> codebook.finishPending();
    }
}
