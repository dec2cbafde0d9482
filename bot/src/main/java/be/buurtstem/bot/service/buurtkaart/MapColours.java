package be.buurtstem.bot.service.buurtkaart;

import be.buurtstem.analysis.buurtkaart.Valence;

import java.awt.Color;

/** The method's legend colours (energising green, neutral blue, draining red) and the picture's quiet greys. */
public final class MapColours {
    public static final Color ENERGISING = new Color(0x1E, 0x9E, 0x3E);
    public static final Color NEUTRAL = new Color(0x1F, 0x66, 0xD1);
    public static final Color DRAINING = new Color(0xD3, 0x1F, 0x2F);
    static final Color INK = new Color(0x22, 0x22, 0x22);
    static final Color LINE = new Color(0x55, 0x55, 0x55);
    static final Color GRID = new Color(0xC8, 0xC8, 0xC8);
    /** Ring fills, innermost first: warmer nearer home. */
    static final Color[] RINGS = {new Color(0xFB, 0xEE, 0xD9), new Color(0xFC, 0xF4, 0xE8), new Color(0xFD, 0xF9, 0xF2),
            new Color(0xFF, 0xFD, 0xFA)};

    private MapColours() {
    }

    public static Color of(Valence v) {
        return switch (v) {
            case ENERGISING -> ENERGISING;
            case NEUTRAL -> NEUTRAL;
            case DRAINING -> DRAINING;
        };
    }
}
