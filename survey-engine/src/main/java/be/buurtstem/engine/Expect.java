package be.buurtstem.engine;

/** Tells a channel what kind of reply a message waits for, e.g. to offer a location button or a photo upload. */
public enum Expect {
    /** Information only: no reply expected (a message node, a closing text, a reprompt preceding a question). */
    NOTHING,
    /** Buttons; typing a number or a label works too. */
    CHOICE,
    /** Several buttons to toggle, then the done button. */
    MULTIPLE,
    /** Free text of any length. */
    TEXT,
    NUMBER,
    LOCATION,
    PHOTO
}
