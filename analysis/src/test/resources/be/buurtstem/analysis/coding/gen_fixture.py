# Generates the synthetic test fixture neighbourhood-fixture.jsonl (run once; the output is committed).
# Template answers written for tests of the coding mechanics: NOT real residents' answers, NOT a quality figure.
import json, random
random.seed(7)
P = {
 "nl": {
  "green_space": ["er is te weinig groen", "we hebben een park nodig", "meer bomen in de straat", "de speeltuin is kapot", "geen plek om te spelen voor de kinderen", "het park is te klein", "meer groen en bloemen", "een moestuin in de wijk"],
  "cleanliness": ["de straten zijn vuil", "overal ligt afval", "sluikstorten op de hoek", "de vuilnisbakken zijn altijd vol", "hondenpoep op de stoep", "het is hier heel vies", "zwerfvuil in het park", "niemand ruimt het afval op"],
  "traffic": ["te veel verkeer", "auto's rijden te snel", "geen parkeerplaats", "het kruispunt is gevaarlijk voor fietsers", "meer fietspaden graag", "files in de ochtend", "vrachtwagens in onze straat", "de bus komt nooit op tijd"],
  "safety": ["ik voel me 's avonds niet veilig", "er wordt gedeald op straat", "te weinig verlichting", "inbraken in de buurt", "meer politie op straat", "agressie bij het station", "diefstal van fietsen", "onveilig gevoel in het donker"],
  "youth": ["niets te doen voor jongeren", "een jeugdhuis zou goed zijn", "de jongeren hangen rond", "meer activiteiten voor tieners", "een sportzaal voor de jeugd", "jongeren hebben geen plek", "meer begeleiding voor jongeren", "een voetbalveld voor de jongeren"],
  "none": ["geen idee", "alles is goed", "weet ik niet", "niks", "het gaat wel"],
 },
 "fr": {
  "green_space": ["il n'y a pas assez d'espaces verts", "on a besoin d'un parc", "plus d'arbres dans la rue", "la plaine de jeux est cassée", "pas d'endroit pour jouer pour les enfants", "le parc est trop petit", "plus de verdure et de fleurs", "un potager dans le quartier"],
  "cleanliness": ["les rues sont sales", "des déchets partout", "dépôts clandestins au coin", "les poubelles sont toujours pleines", "des crottes de chien sur le trottoir", "c'est très sale ici", "des ordures dans le parc", "personne ne ramasse les déchets"],
  "traffic": ["trop de circulation", "les voitures roulent trop vite", "pas de place de parking", "le carrefour est dangereux pour les cyclistes", "plus de pistes cyclables", "des embouteillages le matin", "des camions dans notre rue", "le bus n'est jamais à l'heure"],
  "safety": ["je ne me sens pas en sécurité le soir", "il y a du deal dans la rue", "pas assez d'éclairage", "des cambriolages dans le quartier", "plus de police dans la rue", "agressions près de la gare", "vols de vélos", "sentiment d'insécurité la nuit"],
  "youth": ["rien à faire pour les jeunes", "une maison de jeunes serait bien", "les jeunes traînent dehors", "plus d'activités pour les ados", "une salle de sport pour la jeunesse", "les jeunes n'ont pas de lieu", "plus d'encadrement pour les jeunes", "un terrain de foot pour les jeunes"],
  "none": ["aucune idée", "tout va bien", "je ne sais pas", "rien", "ça va"],
 },
 "ar": {
  "green_space": ["لا توجد مساحات خضراء كافية", "نحتاج إلى حديقة", "المزيد من الأشجار في الشارع", "ساحة اللعب مكسورة", "لا يوجد مكان لعب للأطفال", "الحديقة صغيرة جدا", "المزيد من الخضرة والزهور", "حديقة خضروات في الحي"],
  "cleanliness": ["الشوارع متسخة", "القمامة في كل مكان", "رمي النفايات في الزاوية", "صناديق القمامة ممتلئة دائما", "فضلات الكلاب على الرصيف", "المكان وسخ جدا", "نفايات في الحديقة", "لا أحد ينظف القمامة"],
  "traffic": ["حركة المرور كثيرة", "السيارات تسير بسرعة كبيرة", "لا يوجد مكان لركن السيارة", "التقاطع خطير على الدراجات", "نريد مسارات للدراجات", "ازدحام في الصباح", "الشاحنات في شارعنا", "الحافلة لا تأتي في الوقت"],
  "safety": ["لا أشعر بالأمان في الليل", "بيع المخدرات في الشارع", "الإضاءة غير كافية", "سرقة المنازل في الحي", "نريد المزيد من الشرطة", "اعتداءات قرب المحطة", "سرقة الدراجات", "شعور بعدم الأمان في الظلام"],
  "youth": ["لا شيء للشباب", "دار للشباب ستكون جيدة", "الشباب في الشارع بدون عمل", "المزيد من الأنشطة للمراهقين", "قاعة رياضة للشباب", "الشباب ليس لديهم مكان", "المزيد من المرافقة للشباب", "ملعب كرة قدم للشباب"],
  "none": ["لا أعرف", "كل شيء جيد", "لا شيء", "الحمد لله", "عادي"],
 },
 "tr": {
  "green_space": ["yeterince yeşil alan yok", "bir parka ihtiyacımız var", "sokakta daha fazla ağaç", "oyun alanı bozuk", "çocuklar için oyun yeri yok", "park çok küçük", "daha fazla yeşillik ve çiçek", "mahallede bir bahçe"],
  "cleanliness": ["sokaklar çok kirli", "her yerde çöp var", "köşede kaçak çöp", "çöp kutuları hep dolu", "kaldırımda köpek pisliği", "burası çok pis", "parkta çöpler", "kimse çöpleri toplamıyor"],
  "traffic": ["trafik çok fazla", "arabalar çok hızlı gidiyor", "park yeri yok", "kavşak bisikletliler için tehlikeli", "daha fazla bisiklet yolu", "sabahları trafik sıkışıklığı", "sokağımızda kamyonlar", "otobüs hiç zamanında gelmiyor"],
  "safety": ["akşamları kendimi güvende hissetmiyorum", "sokakta uyuşturucu satılıyor", "aydınlatma yetersiz", "mahallede hırsızlık var", "sokakta daha fazla polis", "istasyonda saldırılar", "bisiklet hırsızlığı", "karanlıkta güvensizlik"],
  "youth": ["gençler için hiçbir şey yok", "bir gençlik merkezi iyi olur", "gençler sokakta boş geziyor", "gençler için daha fazla etkinlik", "gençler için spor salonu", "gençlerin gidecek yeri yok", "gençlere daha fazla rehberlik", "gençler için futbol sahası"],
  "none": ["bilmiyorum", "her şey iyi", "hiçbir şey", "fikrim yok", "idare eder"],
 },
 "en": {
  "green_space": ["there is not enough green space", "we need a park", "more trees in the street", "the playground is broken", "no place for the children to play", "the park is too small", "more greenery and flowers", "a community garden in the neighbourhood"],
  "cleanliness": ["the streets are dirty", "litter everywhere", "illegal dumping on the corner", "the bins are always full", "dog poo on the pavement", "it is very filthy here", "rubbish in the park", "nobody picks up the garbage"],
  "traffic": ["too much traffic", "cars drive too fast", "no parking space", "the crossroads is dangerous for cyclists", "more cycle lanes please", "traffic jams in the morning", "lorries in our street", "the bus is never on time"],
  "safety": ["i do not feel safe in the evening", "drug dealing in the street", "not enough street lights", "burglaries in the area", "more police on the street", "assaults near the station", "bikes get stolen", "feeling unsafe in the dark"],
  "youth": ["nothing to do for young people", "a youth centre would be good", "the youngsters hang around", "more activities for teenagers", "a sports hall for the youth", "young people have no place", "more support for young people", "a football pitch for the youth"],
  "none": ["no idea", "everything is fine", "i don't know", "nothing", "it is ok"],
 },
}
JOIN = {"nl": " en ", "fr": " et ", "ar": " و", "tr": " ve ", "en": " and "}
themes = ["green_space", "cleanliness", "traffic", "safety", "youth"]
out = []
n = 0
for lang, p in P.items():
    for i in range(60):
        r = random.random()
        if r < 0.12:
            labels = []
            text = random.choice(p["none"])
        elif r < 0.72:
            t = random.choice(themes); labels = [t]
            text = random.choice(p[t])
        else:
            a, b = random.sample(themes, 2); labels = sorted([a, b])
            text = random.choice(p[a]) + JOIN[lang] + random.choice(p[b])
        n += 1
        out.append({"id": f"{lang}-{i:03d}", "text": text, "respondent": f"r{lang}{i//2}", "language": lang, "themes": labels,
                    "area": random.choice(["Kuregem", "Anneessens", "Molenbeek-centrum"])})
random.shuffle(out)
with open("neighbourhood-fixture.jsonl", "w", encoding="utf-8") as f:
    for o in out:
        f.write(json.dumps(o, ensure_ascii=False) + "\n")
print(len(out))
