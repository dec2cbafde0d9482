package be.buurtstem.engine;

/** A button to show: pressing it sends {@code Input.Choice(id)}. */
public record Button(String id, String label) {
}
