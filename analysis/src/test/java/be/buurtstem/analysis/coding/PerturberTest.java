package be.buurtstem.analysis.coding;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class PerturberTest {
    static final String NL = "De gemeente heeft beslist om het park achter de school elke avond verlicht te houden voor de veiligheid";
    static final String FR = "La commune a décidé de garder le parc derrière l'école éclairé chaque soir pour la sécurité";

    @Test
    void theSameIdAndSeedGiveTheSameTextAndAnotherSeedAnother() {
        Perturber p = new Perturber(42);
        assertEquals(p.perturb("17", NL, FR, Perturber.Level.NOISY), new Perturber(42).perturb("17", NL, FR, Perturber.Level.NOISY));
        long different = java.util.stream.IntStream.range(0, 20)
                .filter(i -> !p.perturb("s" + i, NL, FR, Perturber.Level.NOISY).equals(new Perturber(7).perturb("s" + i, NL, FR, Perturber.Level.NOISY)))
                .count();
        assertTrue(different > 10, "another seed, other texts: " + different);
    }

    @Test
    void shortKeepsTheFirstThreeToEightWordsAndNoisyMixesMisspellsAndDropsAccents() {
        Perturber p = new Perturber(42);
        List<String> words = List.of(NL.split(" "));
        boolean mixed = false;
        for (int i = 0; i < 50; i++) {
            String s = p.perturb("id" + i, NL, null, Perturber.Level.SHORT);
            List<String> kept = List.of(s.split(" "));
            assertTrue(kept.size() >= 3 && kept.size() <= 8, s);
            assertEquals(words.subList(0, kept.size()), kept, "the first words, unchanged");
            String noisy = p.perturb("id" + i, FR, NL, Perturber.Level.NOISY);
            assertFalse(noisy.matches(".*[éèàç].*"), noisy);
            mixed |= List.of(noisy.split(" ")).stream().anyMatch(w -> words.contains(w) && !FR.contains(w));
        }
        assertTrue(mixed, "some words come from the other language's sentence");
        assertEquals("La commune", p.perturb("x", "La commune", null, Perturber.Level.SHORT), "shorter than three words: as it is");
        assertEquals("securite ecole guvenlik", Perturber.dropAccents("sécurité école güvenlık"));
    }
}
