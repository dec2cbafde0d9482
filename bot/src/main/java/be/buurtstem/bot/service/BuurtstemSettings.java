package be.buurtstem.bot.service;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code BUURTSTEM_*} settings (relaxed binding: {@code BUURTSTEM_DATA_DIR} is {@code buurtstem.data-dir}).
 *
 * @param dataDir          embedded database, secret key and files; default {@code ./data}
 * @param secret           key for pseudonymous ids; default: generated into the data folder at first start
 * @param questionnaires   extra folder of questionnaire files, watched for changes
 * @param welcomeBackAfter idle time after which a returning resident is welcomed back
 * @param defaultLanguage  language of the service's own texts when the resident's is unknown
 * @param reloadInterval   how often the questionnaire folder is checked for changes
 * @param database         database name
 */
@ConfigurationProperties("buurtstem")
public record BuurtstemSettings(String dataDir, String secret, String questionnaires, Duration welcomeBackAfter,
                                String defaultLanguage, Duration reloadInterval, String database) {
    public BuurtstemSettings {
        dataDir = dataDir == null || dataDir.isBlank() ? "./data" : dataDir;
        welcomeBackAfter = welcomeBackAfter == null ? Duration.ofMinutes(30) : welcomeBackAfter;
        defaultLanguage = defaultLanguage == null || defaultLanguage.isBlank() ? "nl" : defaultLanguage;
        reloadInterval = reloadInterval == null ? Duration.ofSeconds(2) : reloadInterval;
        database = database == null || database.isBlank() ? "buurtstem" : database;
    }
}
