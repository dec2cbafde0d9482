package be.buurtstem.bot.service.survey;

/** What a resident sent, channel-neutral. */
public sealed interface ResidentInput {
    record Text(String text) implements ResidentInput {
    }

    /** A button press (option id) or a command id. */
    record Choice(String id) implements ResidentInput {
    }

    record Location(double lat, double lon) implements ResidentInput {
    }

    record Photo(String fileRef, String caption) implements ResidentInput {
    }
}
