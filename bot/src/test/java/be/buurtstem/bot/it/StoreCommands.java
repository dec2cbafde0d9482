package be.buurtstem.bot.it;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Counts the MongoDB commands the driver sends, per sending thread's name: the cost tests start the service with
 * this configuration ({@code Harness.start(properties, StoreCommands.class)}) and read how many commands a path
 * (the handling thread, the coding worker, the outbox's threads) sent.
 */
@Configuration(proxyBeanMethods = false)
public class StoreCommands {
    private static final Map<String, AtomicLong> BY_THREAD = new ConcurrentHashMap<>();

    @Bean
    CommandListener storeCommandCounter() {
        return new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                BY_THREAD.computeIfAbsent(Thread.currentThread().getName(), t -> new AtomicLong()).incrementAndGet();
            }
        };
    }

    /** Commands sent so far from the threads whose name matches. */
    public static long sentBy(Predicate<String> threadName) {
        return BY_THREAD.entrySet().stream().filter(e -> threadName.test(e.getKey()))
                .mapToLong(e -> e.getValue().get()).sum();
    }

    /** Commands sent so far from the calling thread. */
    public static long sentByThisThread() {
        String me = Thread.currentThread().getName();
        return sentBy(me::equals);
    }
}
