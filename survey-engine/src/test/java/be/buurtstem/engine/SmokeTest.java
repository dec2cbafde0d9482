package be.buurtstem.engine;

import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void runsThrough() {
        Fixtures.Driver d = new Fixtures.Driver(Fixtures.buurtleven(), "nl");
        d.press("nl").press("yes").say("12").say("2").say("centrum").press("kids").say("٣").press("social")
                .press("4").say("1, 4").say("Het is vochtig en koud").say("4").say("2").say("Kerkstraat");
        d.say("elke dag").say("Meer bomen").press("park").press("market").press("_done").say("3").say("11");
        d.say("vaak").say("Het park").press("good").say("Mooi").say("overslaan").say("nee");
        System.out.println(d.transcript);
        System.out.println(d.last.state());
    }
}
