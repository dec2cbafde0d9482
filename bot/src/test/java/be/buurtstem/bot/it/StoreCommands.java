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
    /** Writes per sending thread's name, command and collection: {@code "thread|insert:answers"}. */
    private static final Map<String, AtomicLong> WRITES = new ConcurrentHashMap<>();
    private static final java.util.Set<String> WRITE_COMMANDS = java.util.Set.of("insert", "update", "delete");

    @Bean
    CommandListener storeCommandCounter() {
        return new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                String thread = Thread.currentThread().getName();
                BY_THREAD.computeIfAbsent(thread, t -> new AtomicLong()).incrementAndGet();
                if (WRITE_COMMANDS.contains(event.getCommandName())) {
                    String collection = event.getCommand().getString(event.getCommandName()).getValue();
                    WRITES.computeIfAbsent(thread + "|" + event.getCommandName() + ":" + collection, t -> new AtomicLong()).incrementAndGet();
                }
            }
        };
    }

    /** Commands sent so far from the threads whose name matches. */
    public static long sentBy(Predicate<String> threadName) {
        return BY_THREAD.entrySet().stream().filter(e -> threadName.test(e.getKey()))
                .mapToLong(e -> e.getValue().get()).sum();
    }

    /**
     * Writes ({@code "insert:answers"}, {@code "update:sessions"}...) sent so far from the threads whose name matches
     * (a sync on another thread writes the calling thread's queued units: the write-behind's group commit).
     */
    public static long writesBy(Predicate<String> threadName, java.util.Collection<String> writes) {
        return WRITES.entrySet().stream().filter(e -> {
            String[] k = e.getKey().split("\\|", 2);
            return threadName.test(k[0]) && writes.contains(k[1]);
        }).mapToLong(e -> e.getValue().get()).sum();
    }

    /** Commands sent so far from the calling thread. */
    public static long sentByThisThread() {
        String me = Thread.currentThread().getName();
        return sentBy(me::equals);
    }
}
