package be.buurtstem.reliability;

final class PrivacyScenario {
    private Main.Setup setup;
    PrivacyScenario(Args args) {}
    PrivacyScenario with(Main.Setup setup) { this.setup = setup; return this; }
    void run(Report report) throws Exception {}
}
