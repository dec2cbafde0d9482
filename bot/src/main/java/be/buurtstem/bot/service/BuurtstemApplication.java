package be.buurtstem.bot.service;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;

import be.buurtstem.bot.service.coding.BundledCoding;
import be.buurtstem.bot.service.telegram.TelegramSettings;

import java.util.Map;

/** The Spring Boot application behind {@code serve}: started only by that command. */
@SpringBootApplication
@EnableConfigurationProperties({BuurtstemSettings.class, TelegramSettings.class})
public class BuurtstemApplication {

    /** Starts the service; {@code extra} are property overrides (tests) and extra configuration classes. */
    public static ConfigurableApplicationContext start(Map<String, Object> properties, Class<?>... extraSources) {
        Class<?>[] sources = new Class<?>[extraSources.length + 1];
        sources[0] = BuurtstemApplication.class;
        System.arraycopy(extraSources, 0, sources, 1, extraSources.length);
        // the codebook and the language model are read on the second core while Spring builds the rest
        BundledCoding.start();
        SpringApplication app = new SpringApplication(sources);
        // given properties win over application.properties and the environment, like command-line arguments
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return app.run(args);
    }
}
