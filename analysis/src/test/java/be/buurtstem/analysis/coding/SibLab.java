package be.buurtstem.analysis.coding;

import be.buurtstem.analysis.text.AnalyzedText;
import be.buurtstem.analysis.text.TextPipeline;
import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;

/**
 * The experiment harness behind coding.md's "What was tried" table (not a test): for each configuration given as an
 * argument, per SIB-200 language, 5-fold cross-validated and held-out top-theme accuracy and the perturbed test sets.
 * A configuration is {@code f=t+c4-4;a=NAIVEBAYES;l1=0.1;l2=0.1;it=100;co=1;s=ovr|mn;w=1} (features: t terms, w words,
 * b term bigrams, wb word bigrams, cN-M character n-grams within words, xN-M across words); {@code &} joins
 * configurations into an ensemble that sums their weighted log-odds. Data: {@code -Dsib=DIR} (default
 * /work/shared/data/sib200), {@code -Dlangs=nld_Latn,...}.
 */
public class SibLab {
    record Row(String id, String label, String text) {}

    static List<Row> load(Path dir, String lang, String split) throws Exception {
        List<Row> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(dir.resolve(lang + "-" + split + ".tsv"));
        for (String l : lines.subList(1, lines.size())) {
            String[] p = l.split("\t", 3);
            String t = p[2];
            if (t.startsWith("\"") && t.endsWith("\"")) t = t.substring(1, t.length() - 1).replace("\"\"", "\"");
            out.add(new Row(p[0], p[1], t));
        }
        return out;
    }

    static final Map<String, String> CHOSEN = Map.of("nld_Latn", "nl", "fra_Latn", "fr", "arb_Arab", "ar", "ary_Arab", "ar",
            "tur_Latn", "tr", "eng_Latn", "en");

    record Cfg(Set<String> feats, int cMin, int cMax, int xMin, int xMax, String scheme, double l1, double l2, int it, int cutoff, String alg, double w) {
        static Cfg parse(String s) {
            Set<String> f = new HashSet<>();
            int cMin = 0, cMax = 0, xMin = 0, xMax = 0, it = 100, co = 1;
            String scheme = "ovr", alg = "MAXENT_QN";
            double l1 = 0.1, l2 = 0.1, w = 1;
            for (String kv : s.split(";")) {
                String[] p = kv.split("=", 2);
                switch (p[0]) {
                    case "f" -> {
                        for (String x : p[1].split("\\+")) {
                            if (x.startsWith("c")) { cMin = x.charAt(1) - '0'; cMax = x.charAt(3) - '0'; }
                            else if (x.startsWith("x")) { xMin = x.charAt(1) - '0'; xMax = x.charAt(3) - '0'; }
                            else f.add(x);
                        }
                    }
                    case "s" -> scheme = p[1];
                    case "l1" -> l1 = Double.parseDouble(p[1]);
                    case "l2" -> l2 = Double.parseDouble(p[1]);
                    case "it" -> it = Integer.parseInt(p[1]);
                    case "co" -> co = Integer.parseInt(p[1]);
                    case "a" -> alg = p[1];
                    case "w" -> w = Double.parseDouble(p[1]);
                    default -> throw new IllegalArgumentException(kv);
                }
            }
            return new Cfg(f, cMin, cMax, xMin, xMax, scheme, l1, l2, it, co, alg, w);
        }

        String[] extract(AnalyzedText t) {
            Set<String> out = new LinkedHashSet<>();
            out.add("bias");
            List<String> ts = t.terms();
            List<String> ws = t.words();
            if (feats.contains("t")) for (String x : ts) out.add("t=" + x);
            if (feats.contains("w")) for (String x : ws) out.add("w=" + x);
            if (feats.contains("b")) for (int i = 1; i < ts.size(); i++) out.add("b=" + ts.get(i - 1) + "_" + ts.get(i));
            if (feats.contains("wb")) for (int i = 1; i < ws.size(); i++) out.add("wb=" + ws.get(i - 1) + "_" + ws.get(i));
            if (cMax > 0) {
                for (String word : ws) {
                    if (word.length() > 24) continue;
                    String w = "<" + word + ">";
                    for (int n = cMin; n <= cMax; n++) for (int i = 0; i + n <= w.length(); i++) out.add("c=" + w.substring(i, i + n));
                }
            }
            if (xMax > 0) {
                String w = " " + String.join(" ", ws) + " ";
                for (int n = xMin; n <= xMax; n++) for (int i = 0; i + n <= w.length(); i++) out.add("x=" + w.substring(i, i + n));
            }
            return out.toArray(new String[0]);
        }

        TrainingParameters params() {
            TrainingParameters p = new TrainingParameters();
            p.put(TrainingParameters.ALGORITHM_PARAM, alg);
            p.put(TrainingParameters.ITERATIONS_PARAM, it);
            p.put(TrainingParameters.CUTOFF_PARAM, cutoff);
            p.put("DataIndexer", "OnePass");
            p.put("PrintMessages", false);
            p.put("L1Cost", l1);
            p.put("L2Cost", l2);
            return p;
        }
    }

    /** Returns a scorer: features → probability per class (in classes order). */
    static java.util.function.Function<String[], double[]> train(Cfg c, List<String[]> feats, List<String> labels, List<String> classes) throws Exception {
        if (c.scheme.equals("mn")) {
            List<Event> ev = new ArrayList<>();
            for (int i = 0; i < feats.size(); i++) ev.add(new Event(labels.get(i), feats.get(i)));
            EventTrainer tr = TrainerFactory.getEventTrainer(c.params(), new HashMap<>());
            MaxentModel m = tr.train(ObjectStreamUtils.createObjectStream(ev));
            int[] idx = classes.stream().mapToInt(m::getIndex).toArray();
            return f -> { double[] p = m.eval(f); double[] o = new double[idx.length]; for (int k = 0; k < idx.length; k++) o[k] = p[idx[k]]; return o; };
        }
        throw new IllegalArgumentException(c.scheme);
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(System.getProperty("sib", "/work/shared/data/sib200"));
        String[] langs = System.getProperty("langs", "nld_Latn,fra_Latn,arb_Arab,ary_Arab,tur_Latn,eng_Latn").split(",");
        TextPipeline pipe = TextPipeline.withBundledModel();
        boolean cv = !Boolean.getBoolean("nocv");
        Map<String, List<AnalyzedText>> cacheTr = new HashMap<>(), cacheTe = new HashMap<>(), cacheS = new HashMap<>(), cacheN = new HashMap<>();
        Perturber pert = new Perturber(42);
        for (String lang : langs) {
            String otherLang = lang.equals("fra_Latn") ? "nld_Latn" : "fra_Latn";
            Map<String, String> other = new HashMap<>();
            for (Row r : load(dir, otherLang, "test")) other.put(r.id, r.text);
            List<Row> teRows = load(dir, lang, "test");
            cacheS.put(lang, teRows.stream().map(r -> pipe.analyze(pert.perturb(r.id, r.text, null, Perturber.Level.SHORT), CHOSEN.get(lang))).toList());
            cacheN.put(lang, teRows.stream().map(r -> pipe.analyze(pert.perturb(r.id, r.text, other.get(r.id), Perturber.Level.NOISY), CHOSEN.get(lang))).toList());
            List<Row> tr = new ArrayList<>(load(dir, lang, "train"));
            tr.addAll(load(dir, lang, "dev"));
            cacheTr.put(lang, tr.stream().map(r -> pipe.analyze(r.text, CHOSEN.get(lang))).toList());
            cacheTe.put(lang, load(dir, lang, "test").stream().map(r -> pipe.analyze(r.text, CHOSEN.get(lang))).toList());
        }
        for (String cfgSpec : args) {
            List<Cfg> ens = Arrays.stream(cfgSpec.split("&")).map(String::strip).map(Cfg::parse).toList();
            StringBuilder line = new StringBuilder(String.format("%-60s", cfgSpec));
            double sumT = 0, sumC = 0, sumS2 = 0, sumN2 = 0;
            long t0 = System.nanoTime();
            for (String lang : langs) {
                List<Row> tr = new ArrayList<>(load(dir, lang, "train"));
                tr.addAll(load(dir, lang, "dev"));
                List<Row> te = load(dir, lang, "test");
                List<AnalyzedText> trA = cacheTr.get(lang);
                List<AnalyzedText> teA = cacheTe.get(lang);
                List<String> trL = tr.stream().map(Row::label).toList();
                List<String> classes = trL.stream().distinct().sorted().toList();
                double cvAcc = Double.NaN;
                if (cv) {
                    int k = 5;
                    List<Integer> order = new ArrayList<>();
                    for (int i = 0; i < tr.size(); i++) order.add(i);
                    Collections.shuffle(order, new Random(42));
                    int[] fold = new int[tr.size()];
                    for (int i = 0; i < order.size(); i++) fold[order.get(i)] = i % k;
                    int right = 0;
                    for (int f = 0; f < k; f++) {
                        List<double[]> sum = null;
                        List<Integer> held = new ArrayList<>();
                        for (int i = 0; i < tr.size(); i++) if (fold[i] == f) held.add(i);
                        for (Cfg c : ens) {
                            List<String[]> fs = new ArrayList<>(); List<String> ls = new ArrayList<>();
                            for (int i = 0; i < tr.size(); i++) if (fold[i] != f) { fs.add(c.extract(trA.get(i))); ls.add(trL.get(i)); }
                            var sc = score(c, fs, ls, classes);
                            List<double[]> ps = held.stream().map(i -> sc.apply(c.extract(trA.get(i)))).toList();
                            sum = add(sum, ps);
                        }
                        for (int j = 0; j < held.size(); j++) right += classes.get(argmax(sum.get(j))).equals(trL.get(held.get(j))) ? 1 : 0;
                    }
                    cvAcc = 100.0 * right / tr.size();
                }
                List<double[]> sum = null, sumS = null, sumN = null;
                for (Cfg c : ens) {
                    List<String[]> fs = trA.stream().map(c::extract).toList();
                    var sc = score(c, fs, trL, classes);
                    sum = add(sum, teA.stream().map(a -> sc.apply(c.extract(a))).toList());
                    sumS = add(sumS, cacheS.get(lang).stream().map(a -> sc.apply(c.extract(a))).toList());
                    sumN = add(sumN, cacheN.get(lang).stream().map(a -> sc.apply(c.extract(a))).toList());
                }
                int right = 0, rS = 0, rN = 0;
                for (int j = 0; j < te.size(); j++) {
                    right += classes.get(argmax(sum.get(j))).equals(te.get(j).label) ? 1 : 0;
                    rS += classes.get(argmax(sumS.get(j))).equals(te.get(j).label) ? 1 : 0;
                    rN += classes.get(argmax(sumN.get(j))).equals(te.get(j).label) ? 1 : 0;
                }
                double tAcc = 100.0 * right / te.size();
                sumT += tAcc; sumC += cvAcc; sumS2 += 100.0 * rS / te.size(); sumN2 += 100.0 * rN / te.size();
                line.append(String.format(" %s %4.1f/%4.1f/%4.1f/%4.1f", lang.substring(0, 3), cvAcc, tAcc, 100.0 * rS / te.size(), 100.0 * rN / te.size()));
            }
            line.append(String.format(" | mean cv %4.1f test %4.1f short %4.1f noisy %4.1f %4.0fs", sumC / langs.length, sumT / langs.length,
                    sumS2 / langs.length, sumN2 / langs.length, (System.nanoTime() - t0) / 1e9));
            System.out.println(line);
        }
    }

    static List<double[]> add(List<double[]> sum, List<double[]> ps) {
        if (sum == null) return new ArrayList<>(ps.stream().map(double[]::clone).toList());
        for (int i = 0; i < ps.size(); i++) for (int k = 0; k < ps.get(i).length; k++) sum.get(i)[k] += ps.get(i)[k];
        return sum;
    }

    static int argmax(double[] p) {
        int b = 0;
        for (int k = 1; k < p.length; k++) if (p[k] > p[b]) b = k;
        return b;
    }

    static java.util.function.Function<String[], double[]> score(Cfg c, List<String[]> feats, List<String> labels, List<String> classes) {
        try {
            if (c.scheme.equals("mn")) return train(c, feats, labels, classes);
            // one-vs-rest: a binary model per class
            List<MaxentModel> ms = new ArrayList<>();
            SharedIndex index = new SharedIndex(feats, c.cutoff);
            List<Set<String>> ls = labels.stream().map(Set::of).toList();
            for (String cl : classes) {
                EventTrainer tr = TrainerFactory.getEventTrainer(c.params(), new HashMap<>());
                ms.add(tr.train(index.forTheme(ls, cl)));
            }
            List<Map<String, Double>> tables = new ArrayList<>();
            double[] prior = new double[classes.size()];
            for (int k = 0; k < classes.size(); k++) {
                MaxentModel m = ms.get(k);
                int yes = m.getIndex("1");
                double p0 = m.eval(new String[0])[yes];
                prior[k] = Math.log(p0 / (1 - p0));
                Map<String, Double> t = new HashMap<>();
                for (String pred : index.predLabels()) {
                    double p = m.eval(new String[] {pred})[yes];
                    t.put(pred, Math.log(p / (1 - p)) - prior[k]);
                }
                tables.add(t);
            }
            return f -> {
                double[] o = new double[classes.size()];
                for (int k = 0; k < o.length; k++) {
                    double z = prior[k];
                    Map<String, Double> t = tables.get(k);
                    for (String x : f) z += t.getOrDefault(x, 0.0);
                    o[k] = c.w * z;
                }
                return o;
            };
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
    }
}
