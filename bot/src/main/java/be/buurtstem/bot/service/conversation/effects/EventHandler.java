package be.buurtstem.bot.service.conversation.effects;

import be.buurtstem.engine.Event;

/** Turns one kind of engine event into effects to store (RapidPro mailroom's shape: one small handler per event). */
@FunctionalInterface
public interface EventHandler<E extends Event> {
    void handle(E event, Effects effects);
}
