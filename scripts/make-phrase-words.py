#!/usr/bin/env python3
"""Makes the word list of the sync recovery phrase: crates/core/data/phrase-words-fr.txt
(and its README.md, with the figures below).

The list is for people who read with difficulty: common, concrete French words, short,
that read and spell simply. Every rule the app relies on (unique first 4 letters, no two
words one typo apart, accents optional) is applied here and proved again on the committed
file by the tests of crates/core/src/sync/phrase.rs.

Sources (all from package registries, nothing fetched at run time):
- word frequencies: PyPI `wordfreq` 3.1.1 (code Apache-2.0; its data CC BY-SA 4.0,
  Robyn Speer and the sources listed in its README),
- part of speech: Debian `hunspell` + `hunspell-fr-classical` (Dicollecte, MPL-2.0),
- spelling and accent homographs: Debian `wfrench` (/usr/share/dict/french, GPL-2+).
The output is a selection of 1,024 common words, not a copy of any of these lists.

    apt-get install hunspell hunspell-fr-classical wfrench
    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install wordfreq==3.1.1
    /tmp/venv/bin/python scripts/make-phrase-words.py

Deterministic: the same packages give the same file.
"""

import collections
import pathlib
import re
import subprocess
import unicodedata

import wordfreq

SIZE = 1024
TOP = 60000  # candidates: the most frequent words of wordfreq's French list
ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "crates/core/data/phrase-words-fr.txt"
README = ROOT / "crates/core/data/README.md"

# Chosen by hand, reading the candidates that pass the mechanical rules in frequency
# order: everyday things a person can picture (objects, food, animals, places, family,
# nature, leisure, colours). Left out: abstract or administrative words (raison, dossier),
# anything rude, sad or frightening (see NEVER), religion, politics, money worries,
# first names and places, slang and English words not in everyday French.
PICKED = """
temps monde pays jour homme année ville mois histoire travail merci cours femme prix
maison famille soir site mère père fille semaine ligne heure idée nuit argent tour film
corps chef main terre matin saison amour journée nord école mars pierre enfant musique
région match chambre juin série santé train voix juillet octobre voiture avril frère
janvier club route emploi bois décembre novembre plaisir août bonjour février langue
scène source campagne cour objet salle texte appel message carte nature chemin espace
mariage bureau pied numéro soleil bras victoire monsieur journal ouest soirée sport midi
page pièce joueur terrain hôtel paix lumière quartier radio table couleur course village
ciel album cinéma médecin chanson parc visage avion port hiver stade théâtre chaîne dame
tableau bébé goût madame peau bonheur mari prince vent papier télé courage festival chat
coin pont champ football lycée planète verre artiste lecture maman espoir château machine
salon écran bruit docteur héros reine cheval palais collège bâtiment jardin minute joie
métier accueil cadeau sommet acteur blague champion garçon pain repas échelle aéroport
canal logement plage montagne bateau lait lune peinture balle euro usine aventure dessin
rivière robe chaleur humour légende magasin arbre papa pluie vélo amitié bain plateau
talent bravo trou caisse cercle doigt fenêtre ombre étage magazine olivier portrait
tournoi viande batterie poisson automne séjour disque micro mont poche prénom vallée
pause studio billet gardien pardon sommeil atelier foot repos trésor outil réussite
souris ballon feuille manche morceau navire océan piscine ventre écrivain abri poésie
comédie oreille toit foyer fruit toile cousin galerie solo accent bassin boutique chapeau
courrier loup oncle poète copain facteur leçon paquet paysage recette fleur lecteur métal
météo équipage fleuve miroir collègue maillot moto oiseau villa chantier horizon rayon
chant fromage lion opéra peintre tennis camion ceinture minuit casque chaise douceur four
sauce basket carton bonsoir ours poulet serveur taxi aube bouton banc gâteau plafond pomme
trajet veste décor escalier parking poule quai robot tube barbe boule costume fontaine
guitare parfum vapeur dragon jambe monument roche confort congé cuir herbe jazz rugby
béton canard cirque canapé fauteuil garage miel panneau réveil saut tante chemise colis
portail poème puits pantalon planche plume poignée pouce trio écho antenne manteau moulin
trophée bulle clavier coffre corde globe lapin agenda bâton façade fichier parquet pizza
tunnel collier barrière pavillon racine assiette cahier dent dessert golfe neveu poubelle
coton mètre panier anneau chou salade volet boisson genou lampe pente colline couloir
filet goutte
appétit dollar podium grain marathon nuage phare ticket frigo noix bague camping flamme
flèche linge marais soie tablette valise athlète bonnet vêtement carnet coque cristal
encre vedette autobus boxe poteau berger diamant farine grotte surnom bracelet camarade
orage short cabine frein grenier jungle puce singe coiffure jupe mouton compteur horloge
pelouse placard toilette virage aiguille auberge boue mouche sentier triangle bouquet
comédien coude couture loisir papillon pull renard rideau cheville chèvre comptoir marée
parrain trottoir éclair chêne dauphin galaxie voyageur carnaval cuisson mamie sapin saveur
tatouage tuyau balcon cheminée menton purée sandwich stylo crayon matelas mousse parade
rail savon square clown nièce épicerie aigle ciment fillette jambon jouet litre store
vigne astuce baguette ballet taureau banane cabane canne cordon cuisse iris sirop barbecue
bonté bouchon courriel fusée palme perle poignet violon berceau cerf coureur navette pois
tram visiteur vitrine gilet poupée rouleau vase éléphant grange patte poivre talon
bouillon crochet manoir pyramide robinet ruban tomate tramway annuaire yoga baleine
cantine rime ruisseau sieste éponge mélodie scooter volcan écurie argile casier chargeur
cravate cuillère moniteur palette troupeau étang bijou dentiste falaise gazon lavage surf
tronc armoire buffet chalet chips coiffeur graine magicien orgue agneau coquille escale
pelle pigeon raisin tiroir veau wagon buisson coffret handball panorama pianiste pochette
rampe alphabet fermier insecte mare soja énigme bougie cascade clou flûte patate tambour
vinaigre bagage caravane chariot crèche gymnase steak touriste velours vignoble judo kilo
rame éventail apprenti poêle prairie sirène torrent ampoule comète corne oreiller écharpe
abeille brebis gendre hameau lanterne menthe oasis pneu danseur dune foin laurier lèvre
oignon refrain érable cacao cargo croquis marqueur thon toiture guichet lama lotus pyjama
serrure tampon vanille ballade cachette foulard moutarde papy puzzle pédale bisou livreur
lunette vitamine dentelle dodo nappe badge banquet bonbon cassette coussin hanche
libraire pinceau ruelle ananas aquarium billard brume chaton curry fraise licorne piment
tonton barque drap glacier manège volley yaourt couette gant kayak marraine plombier
poney sanglier saucisse soda sonnerie kiosque lessive patinage peluche poire poussin
balai cheveu garderie panda perruque ruche seau tablier trousse fable melon caillou dinde
entraide flacon colombe galette faucon manette poirier ardoise biscuit tonneau écorce
cactus castor gramme légume mouchoir poulain blouse galop ongle sonnette voilier amande
crabe nounou cadenas lentille léopard sifflet skate baignade chiot lièvre bambou bille
omelette biche fanfare valse boussole cygne peigne capuche harpe karaté pétanque
chien café chocolat photo vidéo musée métro tapis tissu sable vache cochon marteau citron
olive tarte saumon brique meuble crème roman rose orange marron jaune vert bleu gris
blanc noir rouge violet calme client animal moteur menu cave paille cloche carré rond
cube marin parent voisin paysan artisan cavalier musicien chanteur étudiant pirate géant
aimant chouette désert vernis crêpe pendule chameau craie évier hélice pioche raquette
semelle étagère escargot fourmi gratin lustre brioche bocal palmier moquette jasmin
bistrot guidon blouson chaudron satin truite trèfle marmite sacoche hibou tabouret
autruche patin lavabo biberon bison crevette compote gorille hamster lavande mule tartine
gazelle hérisson persil ourson duvet gobelet tricot girafe bouleau cintre haricot luge
mangue pastèque radeau soulier tisane chignon flaque pointure crinière paon cèdre béret
bûche charrue furet hêtre pupitre quiche kiwi lacet lutin navet radis toboggan toast
pommier poulpe limonade lagon sofa tilleul huître marmotte patio écureuil moineau mouette
loutre lierre thym laitue cartable chevalet cigale jeton orchidée semoule alouette
cerisier classeur coteau passoire paupière péniche rosier renne buffle saxo hermine
eau feu jeu lit nez riz sel thé vin bus roi ami zoo sac cou dos mur ski lac bol pot fil
col pin
tortue pompier cerise caramel carotte tracteur maçon corail ambre jumeau mollet potager
safran beige cannelle nageur lilas noisette rôti mauve frite indigo saphir prune abricot
acajou chamois kaki magenta écolier aviateur grimpeur horloger laitier gelée émeraude
polaire savant aurore blond câlin tango
châle hutte râteau bassine calèche carillon chausson fiole kimono landau perdrix saladier
tirelire tuba poireau sardine roulotte anchois bungalow céleri céréale hameçon soufflet
caniche dindon héron sommier soucoupe trombone joujou pieuvre potage sablier tutu équerre
carafe hublot mixeur banjo flocon poulie ragoût roseau tulipe veston zeste brouette figue
fougère glaçon guimauve hareng risotto parasol pirogue romarin macaron figuier enclume
fève galet nouille toupie cigogne faisan clairon cresson guépard beignet poivron koala
colibri comptine cumin muguet peuplier gigot gaufre mimosa platane brocoli fenouil sorbet
canari rabot muffin parka pichet houx prunier belette belote dolmen perchoir potiron
terrine tourte ombrelle pélican pinson pruneau meringue menhir verveine agrafe camélia
canif truelle volière chevreau réchaud thermos baobab antilope criquet tétine pétale
bêche hochet tricycle poncho flamant ortie igloo luciole ourlet gecko datte mésange bleuet
jacinthe pédalo diabolo espadon papaye lasagne okapi iguane escalope encrier échalote
origan fraisier sombrero tatou tortilla cachalot têtard pintade polenta escabeau géranium
bretzel oursin ravioli aubépine bottine alpage crampon chardon hamac bourgeon goulot
chorizo curcuma rhubarbe spatule gymnaste acrobate myrtille nougat perruche zigzag
penderie dahlia rosace grizzly
livre cœur dimanche samedi vendredi lundi jeudi mercredi mardi voyage fête lettre cuisine
boîte danse tente gare glace forêt huile neige piano beurre sucre étoile œuf tasse tigre
timbre brosse muscle bœuf botte gomme ancre truffe tong tofu feutre infusion kebab potion
nounours origami tiramisu brownie cupcake tipi ukulélé wasabi donut crumble œillet
bulldog husky pesto smoothie expresso panini oranger rocher plancher loupe scie pince
moule vitre caille faïence roller dîner déjeuner goûter sourire souvenir rire coucou
allée terrasse masque piste caméra médaille ménage couronne branche douche plaque épaule
aile roue soupe pile statue câble case grille console poster tranche brise marbre pompe
laine maïs sonde loge nage culotte voûte chrome griffe verger broche webcam récré
corbeau oie âne taupe lézard grillon chenille phoque pingouin homard jus flan couscous
tajine basilic ail porte montre sandale règle colle mer vague île salut boucher vendeur
fée clé cousine
manger dormir jouer chanter danser nager courir marcher sauter dessiner peindre cuisiner
laver ranger parler rouler planter cueillir chercher trouver ouvrir fermer porter
pousser tirer lancer attraper grimper glisser voyager visiter écouter regarder boire
aimer rêver compter écrire lire conduire réparer souffler brosser coudre tricoter
bricoler jardiner camper skier promener partir arriver rentrer monter tourner sonner
frapper taper appeler envoyer recevoir donner offrir partager cuire couper verser remplir
vider nettoyer sécher plier
chaud froid doux joli beau gentil content heureux rapide propre léger lourd petit grand
gros mince jeune vieux neuf sage drôle facile simple magique tiède frais poli rigolo sec
vif brillant joyeux paisible aimable clair solide souple
immeuble ferme marché rue place poste tête bouche œil joue front chance surprise image
conte épinard courge blé vis arrosoir ficelle ciseau volant piéton anorak arc haie sol
prise fer coq panthère crapaud merle
bon air art sud nom nid bec duo bal chic sortir venir acheter gagner choisir préparer
profiter ajouter toucher avancer raconter nourrir respirer inventer allumer habiller
habiter plonger réunir deviner admirer imprimer arranger démarrer fondre ramasser
éclairer avaler agréable génial superbe adorable amusant comique fragile humide épais
honnête curieux fameux précieux fabuleux utile moderne énorme unique
""".split()

# Never in the list, whatever their frequency: rude, sad or frightening words. The test
# of the committed list checks a sample of them too.
NEVER = set("""
mort guerre peur peine sang prison crime meurtre suicide viol drogue cancer maladie
douleur décès deuil faim haine honte menace attaque combat bataille arme bombe attentat
massacre violence danger accident enfer diable démon fantôme monstre torture tueur
esclave génocide épidémie virus sida terreur angoisse horreur misère malheur pauvreté
chômage crise dette faillite insulte mensonge trahison colère larme tombe cercueil poison
fusil couteau épée pistolet police procès tribunal merde putain connard salope pute bite
bordel gueule connerie nique requin serpent araignée guêpe tumeur cadavre
""".split())

FOLD = str.maketrans({"œ": "oe", "æ": "ae"})


def fold(word):
    """Lower case, without accents, œ and æ spelt out: what a learner may type."""
    word = word.lower().translate(FOLD)
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def typo_distance(a, b):
    """Damerau-Levenshtein (optimal string alignment): substitutions, insertions,
    deletions and swaps of two neighbouring letters each count one."""
    d = [[i + j if i * j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


def one_deletion(word):
    # Two words one typo apart always share one of these (the word, or it less one letter).
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


def analyses(words):
    """hunspell's morphological analyses, word -> list of analysis strings."""
    out = subprocess.run(
        ["hunspell", "-d", "fr", "-m"], input="\n".join(words) + "\n", capture_output=True, text=True, check=True
    ).stdout
    result = collections.defaultdict(list)
    for line in out.splitlines():
        if " " in line.strip():
            word, rest = line.split(None, 1)
            result[word].append(rest + " ")
    return result


def main():
    assert not NEVER & set(PICKED), NEVER & set(PICKED)
    assert len(PICKED) == len(set(PICKED)), collections.Counter(PICKED).most_common(3)
    picked = set(PICKED)
    letters = re.compile(r"^[a-zàâäçéèêëîïôöùûüÿœæ]+$")
    dictionary = {w for w in pathlib.Path("/usr/share/dict/french").read_text("utf-8").split() if w == w.lower()}
    by_fold = collections.defaultdict(set)
    for w in dictionary:
        by_fold[fold(w)].add(w)

    def homographs(w):
        # A noun and its own verb's past participle (fête/fêté, glace/glacé) are not
        # confused: the card shows the noun, and a phrase has no verbs in -é.
        return [
            o
            for o in by_fold[fold(w)]
            if o not in (w, w.replace("œ", "oe"), w + "é", w[:-1] + "é")
            and wordfreq.zipf_frequency(o, "fr") >= 2.5
        ]

    candidates = wordfreq.top_n_list("fr", TOP)
    removed = collections.Counter()
    shape = [w for w in candidates if letters.match(w) and 3 <= len(fold(w)) <= 8]
    removed["not 3 to 8 lower-case letters"] = len(candidates) - len(shape)
    morph = analyses(shape)

    def common_noun(w):
        forms = morph.get(w, [])
        if any("po:npr" in a or "po:patr" in a or "po:prn" in a for a in forms):
            return False
        return any(
            f"st:{w} " in a
            and ((("po:nom" in a or "po:adj" in a) and ("is:sg" in a or "is:inv" in a)) or "po:infi" in a)
            for a in forms
        )

    steps = [
        ("a proper noun, or not a singular noun, adjective or infinitive in hunspell", common_noun),
        # wfrench spells œ as "oe" (coeur).
        ("not in the wfrench dictionary", lambda w: w in dictionary or w.replace("œ", "oe") in dictionary),
        ("an accent homograph of another common word (pêche/péché, mûr/mur)", lambda w: not homographs(w)),
        ("an abstract ending (-tion, -sion, -isme, -ité, -ance, -ence)", lambda w: not re.search(r"(tion|sion|isme|ité|ance|ence)$", w)),
        ("not picked by hand (abstract, rare, rude, sad, names, jargon…)", lambda w: w in picked),
    ]
    words = shape
    for name, keep in steps:
        kept = [w for w in words if keep(w)]
        removed[name] = len(words) - len(kept)
        words = kept

    # Most frequent first: a word is taken if its first 4 letters are free and no word
    # taken is one typo from it.
    removed["first 4 letters as a more frequent word"] = 0
    removed["one typo from a more frequent word"] = 0
    prefixes, near, chosen = set(), collections.defaultdict(set), []
    for w in words:
        f = fold(w)
        if f[:4] in prefixes:
            removed["first 4 letters as a more frequent word"] += 1
            continue
        close = set().union(*(near[v] for v in one_deletion(f)))
        if any(typo_distance(f, o) < 2 for o in close):
            removed["one typo from a more frequent word"] += 1
            continue
        prefixes.add(f[:4])
        for v in one_deletion(f):
            near[v].add(f)
        chosen.append(w)
    if len(chosen) < SIZE:
        raise SystemExit(f"only {len(chosen)} words, {SIZE} needed: pick more")
    removed[f"beyond the {SIZE} most frequent left"] = len(chosen) - SIZE
    final = sorted(chosen[:SIZE], key=lambda w: (fold(w), w))
    OUT.write_text("\n".join(final) + "\n", "utf-8")

    lengths = collections.Counter(len(fold(w)) for w in final)
    table = "\n".join(f"| {name} | {count} |" for name, count in removed.items())
    README.write_text(
        f"""# Data files of the core

## `phrase-words-fr.txt`

The {SIZE} words of the sync recovery phrase (`crates/core/src/sync/phrase.rs`), one per
line, in the order of their number (0 to {SIZE - 1}): sorted by their spelling without
accents. Made by `scripts/make-phrase-words.py` (read it for how to run it again); never
edit it by hand, and never change it once shipped: a phrase written on a card must keep
its meaning.

Each word: 3 to 8 letters, a common noun in the singular (a few simple adjectives and
verbs in the infinitive), chosen by hand for people who read with difficulty. No two
words share their first 4 letters (after removing accents), and no two are one typo
apart (substitution, insertion, deletion or swap of two neighbours), so a typo is
corrected and never turns a word into another.

Sources: word frequencies from PyPI's `wordfreq` 3.1.1 (code Apache-2.0, data CC BY-SA
4.0, Robyn Speer and the corpora its README lists); parts of speech from Debian's
`hunspell-fr-classical` (Dicollecte, MPL-2.0); spelling and accent homographs from
Debian's `wfrench` (GPL-2+). The list is a selection of common words made with them.

Candidates: the {TOP:,} most frequent words of wordfreq's French list. Left out, rule
by rule, in this order:

| rule | words left out |
| --- | --- |
{table}
| **kept** | **{SIZE}** |

Lengths (letters, without accents): {", ".join(f"{n}: {lengths[n]}" for n in sorted(lengths))}.
""",
        "utf-8",
    )
    for name, count in removed.items():
        print(f"{count:6}  {name}")
    print(f"{SIZE:6}  kept -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
