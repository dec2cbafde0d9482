package be.buurtstem.bot.files;

/** Thrown while reading an answer file in strict mode; the message is {@code FILE:LINE: problem}. */
public final class MalformedRecordException extends RuntimeException {
    private final MalformedRecord record;

    public MalformedRecordException(MalformedRecord record) {
        super(record.toString());
        this.record = record;
    }

    public MalformedRecord record() {
        return record;
    }
}
