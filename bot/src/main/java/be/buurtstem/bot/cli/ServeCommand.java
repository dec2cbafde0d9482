package be.buurtstem.bot.cli;

import be.buurtstem.bot.service.BuurtstemApplication;
import picocli.CommandLine.Command;

import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code serve}: runs the service (Telegram, web chat, health) until stopped. The only command that starts Spring;
 * configuration comes from the environment (see bot/README.md).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the service: Telegram (with TELEGRAM_BOT_TOKEN), the web chat at /chat/{questionnaire}, "
                + "/actuator/health. Embedded database in BUURTSTEM_DATA_DIR (default ./data) unless MONGODB_URI is set.")
public final class ServeCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        BuurtstemApplication.start(Map.of());
        return BuurtstemCommand.KEEP_RUNNING;
    }
}
