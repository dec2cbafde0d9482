package be.buurtstem.reliability;

final class HostileScenario {
    private Main.Setup setup;
    HostileScenario(Args args) {}
    HostileScenario with(Main.Setup setup) { this.setup = setup; return this; }
    void run(Report report) throws Exception {}
}
